"""py3langid's model, loaded in a few milliseconds instead of half a second.

py3langid ships its model as one LZMA-compressed ``.npz`` and decompresses all 68 MB
of it in every process that identifies a language: ~0.45 s of every ``explain`` and
of every worker's start. Here the model is decompressed once into plain ``.npy``
files in a cache folder (``$NEWSCLEAN_CACHE``, else ``$XDG_CACHE_HOME/newsclean``,
else ``~/.cache/newsclean``), keyed by the model file's size and time, and later
processes memory-map them: the large table is read from the page cache and shared
by every worker on the machine. Where the folder cannot be written the model loads
as py3langid loads it; the identifier is the same either way.
"""

from __future__ import annotations

import contextlib
import lzma
import os
import tempfile
import zipfile
from pathlib import Path

ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_folder() -> Path:
    """Where decompressed models live (created on first use)."""
    explicit = os.environ.get("NEWSCLEAN_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsclean"


def _model_path() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def _unpacked(model: Path, folder: Path) -> Path:
    """The folder of ``.npy`` files for ``model``, unpacked into ``folder`` if not there yet."""
    stat = model.stat()
    target = folder / f"py3langid-{stat.st_size}-{int(stat.st_mtime)}"
    if all((target / f"{name}.npy").is_file() for name in ARRAYS):
        return target
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=folder))
    try:
        with tempfile.TemporaryFile(dir=folder) as npz:
            with lzma.open(model) as source:
                while chunk := source.read(1 << 20):
                    npz.write(chunk)
            npz.seek(0)
            with zipfile.ZipFile(npz) as archive:  # an .npz is a zip of .npy files
                for name in ARRAYS:
                    (staging / f"{name}.npy").write_bytes(archive.read(f"{name}.npy"))
        with contextlib.suppress(OSError):  # another process unpacked it first: theirs is the same
            staging.rename(target)
    finally:
        if staging.exists():
            for path in staging.iterdir():
                path.unlink()
            staging.rmdir()
    return target


def load_identifier(norm_probs: bool = True):
    """A ``py3langid`` ``LanguageIdentifier`` over the cached model (py3langid's own loading as a fallback)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        import numpy as np
        from py3langid.modelio import _to_array

        folder = _unpacked(_model_path(), cache_folder())
        data = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS}
        return LanguageIdentifier(
            data["ptc"],
            np.asarray(data["pc"]),
            np.asarray(data["classes"]).tolist(),
            _to_array(data["nextmove"]),
            np.asarray(data["out_feat"]).tolist(),
            norm_probs=norm_probs,
            tk_row=_to_array(data["nextmove_row"]),
        )
    except (OSError, ValueError, ImportError, KeyError, zipfile.BadZipFile, lzma.LZMAError):
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=norm_probs)

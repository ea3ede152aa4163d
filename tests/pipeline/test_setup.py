"""The install: one ``newsclean`` package from the three code folders, whichever way it is installed.

Beam's ``--setup_file`` stages workers with an sdist of setup.py; a worker installs
it. Both must carry every module under ``newsclean.*`` and nothing generic at the
top of site-packages.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

from tests.conftest import REPO, SEED_000


def _sdist(tmp_path: Path) -> Path:
    subprocess.run(
        [sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [archive] = tmp_path.glob("newsclean-*.tar.gz")
    return archive


def test_sdist_carries_all_three_folders(tmp_path: Path) -> None:
    names = tarfile.open(_sdist(tmp_path)).getnames()
    for package in ("pipeline", "transforms", "schemas", "transforms/cleaning", "transforms/corpus/copies"):
        assert any(name.endswith(f"/{package}/__init__.py") for name in names), package
    assert any(name.endswith("/transforms/cleaning/rules.py") for name in names)
    assert any(name.endswith("/transforms/cleaning/data/line_model.json") for name in names)  # the classifier
    assert any(name.endswith("/setup.py") for name in names)


def test_the_sdist_installs_as_newsclean_alone_and_cleans_a_seed(tmp_path: Path) -> None:
    """What a Dataflow worker does with the staged sdist, offline: install, then import by the one name."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index",
         "--target", str(target), str(_sdist(tmp_path))],
        check=True, capture_output=True,
    )  # fmt: skip
    tops = {p.name for p in target.iterdir() if not p.name.endswith((".dist-info", ".egg-info")) and p.name != "bin"}
    assert tops == {"newsclean"}, tops  # no pipeline/, transforms/ or schemas/ at the top
    assert (target / "newsclean" / "transforms" / "cleaning" / "data" / "line_model.json").exists()
    code = textwrap.dedent(f"""
        import sys
        import newsclean
        assert newsclean.__file__.startswith({str(target)!r}), newsclean.__file__
        article = newsclean.process(open({str(SEED_000)!r}, "rb").read())
        print(type(article).__name__, article.published_date, article.agency)
        try:
            import transforms
        except ImportError:
            print("no transforms")
    """)
    # a fresh interpreter outside the checkout, with only the installed copy on its path
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(target)}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["Article 2025-01-17 Associated Press", "no transforms"]


def test_the_editable_install_imports_newsclean_outside_the_checkout(tmp_path: Path) -> None:
    """The developer's install (make's ``pip install -e``): ``import newsclean`` anywhere, ``transforms`` nowhere."""
    code = (
        "import newsclean.transforms.cleaning.clean, sys\ntry:\n import transforms\nexcept ImportError:\n print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]

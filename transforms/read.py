"""Reading input files into raw documents: format detection and safe decompression.

One file may hold many documents (JSONL lines, WARC records); each becomes a
:class:`RawDocument`, and anything unreadable becomes a :class:`Reject`, so
``documents + rejects`` always accounts for every input.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from schemas.records import RawDocument, Reject

STAGE = "read"
TEXT_FORMAT = "text"
FORMATS_BY_EXTENSION = {".txt": TEXT_FORMAT, ".text": TEXT_FORMAT}
DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # per document, after decompression
_CHUNK = 1024 * 1024
RAW_PREFIX_BYTES = 256


def split_compression(path: str) -> tuple[str, bool]:
    """``("a/b.txt", True)`` for ``a/b.txt.gz``: the inner name and whether it is gzip."""
    if path.lower().endswith(".gz"):
        return path[:-3], True
    return path, False


def detect_format(path: str, default: str = TEXT_FORMAT) -> str:
    """The input format named by the file's extension (``.gz`` looked through)."""
    inner, _ = split_compression(path)
    dot = inner.rfind(".")
    extension = inner[dot:].lower() if dot > inner.rfind("/") else ""
    return FORMATS_BY_EXTENSION.get(extension, default)


def raw_prefix(data: bytes) -> str:
    """The first bytes of an input, readable by a person whatever they are.

    Valid UTF-8 shows as text; invalid bytes and control characters as ``\\xNN``.
    """
    text = data[:RAW_PREFIX_BYTES].decode("utf-8", errors="backslashreplace")
    return "".join(ch if ch.isprintable() or ch in "\n\t" else f"\\x{ord(ch):02x}" for ch in text)


class ReadError(Exception):
    """A whole file could not be read; ``error`` is the reject reason."""

    def __init__(self, error: str, message: str, prefix: bytes = b"") -> None:
        super().__init__(message)
        self.error = error
        self.prefix = prefix


def read_all(stream: BinaryIO, *, gzipped: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped when asked, never more than ``max_bytes``.

    Decompression is incremental and bounded, so a gzip bomb stops at the limit
    instead of filling memory; a truncated or corrupt gzip raises :class:`ReadError`.
    """
    if not gzipped:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ReadError("too_large", f"more than {max_bytes} bytes", data[:RAW_PREFIX_BYTES])
        return data
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip header, concatenated members
    parts: list[bytes] = []
    size = 0
    compressed_prefix = b""
    while True:
        chunk = stream.read(_CHUNK)
        if not compressed_prefix:
            compressed_prefix = chunk[:RAW_PREFIX_BYTES]
        if not chunk:
            break
        while chunk:
            try:
                out = inflater.decompress(chunk, max_bytes + 1 - size)
            except zlib.error as exc:
                raise ReadError("corrupt_gzip", f"gzip data is corrupt: {exc}", compressed_prefix) from exc
            parts.append(out)
            size += len(out)
            if size > max_bytes:
                raise ReadError("too_large", f"decompresses to more than {max_bytes} bytes", compressed_prefix)
            if inflater.eof:
                # another gzip member may follow (concatenated .gz files)
                chunk = inflater.unused_data
                if chunk:
                    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            else:
                chunk = inflater.unconsumed_tail
    if not inflater.eof and (size or compressed_prefix):
        raise ReadError("truncated_gzip", "gzip stream ends before its end marker", compressed_prefix)
    return b"".join(parts)


def read_documents(
    source_uri: str,
    stream: BinaryIO,
    *,
    source_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[RawDocument | Reject]:
    """Every document in one input file, or a reject saying why the file could not be read."""
    _, gzipped = split_compression(source_uri)
    fmt = source_format or detect_format(source_uri)
    try:
        data = read_all(stream, gzipped=gzipped, max_bytes=max_bytes)
    except ReadError as exc:
        yield Reject(source_uri, STAGE, exc.error, str(exc), raw_prefix(exc.prefix))
        return
    except OSError as exc:
        yield Reject(source_uri, STAGE, "io_error", f"{type(exc).__name__}: {exc}")
        return
    if fmt == TEXT_FORMAT:
        yield RawDocument(source_uri=source_uri, data=data, source_format=TEXT_FORMAT)
    else:
        yield Reject(source_uri, STAGE, "unsupported_format", f"no reader for format {fmt!r}", raw_prefix(data))

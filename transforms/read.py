"""Reading input files into raw documents: format detection and safe decompression.

One file may hold many documents (JSONL lines, WARC records); each becomes a
:class:`RawDocument`, and anything unreadable becomes a :class:`Reject`, so
``documents + rejects`` always accounts for every input.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from schemas.records import RawDocument, Reject

STAGE = "read"
TEXT_FORMAT = "text"
HTML_FORMAT = "html"
JSONL_FORMAT = "jsonl"
WARC_FORMAT = "warc"
FORMATS_BY_EXTENSION = {
    ".txt": TEXT_FORMAT,
    ".text": TEXT_FORMAT,
    ".html": HTML_FORMAT,
    ".htm": HTML_FORMAT,
    ".xhtml": HTML_FORMAT,
    ".jsonl": JSONL_FORMAT,
    ".ndjson": JSONL_FORMAT,
    ".warc": WARC_FORMAT,
}
FORMATS = (TEXT_FORMAT, HTML_FORMAT, JSONL_FORMAT, WARC_FORMAT)
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


def iter_chunks(stream: BinaryIO, *, gzipped: bool, chunk_size: int = _CHUNK) -> Iterator[bytes]:
    """The file's bytes in chunks, gunzipped when asked (concatenated members too).

    Decompression is incremental, so memory stays bounded whatever the file's
    size; a corrupt gzip raises :class:`ReadError` (``corrupt_gzip``), one that
    ends before its end marker ``truncated_gzip`` after the data before the cut.
    """
    if not gzipped:
        while chunk := stream.read(chunk_size):
            yield chunk
        return
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    compressed_prefix = b""
    seen_input = False
    while True:
        chunk = stream.read(chunk_size)
        if not compressed_prefix:
            compressed_prefix = chunk[:RAW_PREFIX_BYTES]
        if not chunk:
            break
        seen_input = True
        while chunk:
            try:
                out = inflater.decompress(chunk, chunk_size)
            except zlib.error as exc:
                raise ReadError("corrupt_gzip", f"gzip data is corrupt: {exc}", compressed_prefix) from exc
            if out:
                yield out
            if inflater.eof:
                # another gzip member may follow (concatenated .gz files)
                chunk = inflater.unused_data
                if chunk:
                    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            else:
                chunk = inflater.unconsumed_tail
    if seen_input and not inflater.eof:
        raise ReadError("truncated_gzip", "gzip stream ends before its end marker", compressed_prefix)


def read_all(stream: BinaryIO, *, gzipped: bool, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, gunzipped when asked, never more than ``max_bytes``.

    A gzip bomb stops at the limit instead of filling memory; a truncated or
    corrupt gzip raises :class:`ReadError`.
    """
    parts: list[bytes] = []
    size = 0
    for chunk in iter_chunks(stream, gzipped=gzipped):
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            prefix = b"".join(parts)[:RAW_PREFIX_BYTES]
            raise ReadError("too_large", f"more than {max_bytes} bytes", prefix)
    return b"".join(parts)


def _read_single(
    source_uri: str, stream: BinaryIO, fmt: str, *, gzipped: bool, max_bytes: int
) -> Iterator[RawDocument | Reject]:
    """A file that is one document (text or HTML)."""
    try:
        data = read_all(stream, gzipped=gzipped, max_bytes=max_bytes)
    except ReadError as exc:
        yield Reject(source_uri, STAGE, exc.error, str(exc), raw_prefix(exc.prefix))
        return
    except OSError as exc:
        yield Reject(source_uri, STAGE, "io_error", f"{type(exc).__name__}: {exc}")
        return
    yield RawDocument(source_uri=source_uri, data=data, source_format=fmt, content_type=fmt)


def read_documents(
    source_uri: str,
    stream: BinaryIO,
    *,
    source_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jsonl_fields: Mapping[str, str] | None = None,
) -> Iterator[RawDocument | Reject]:
    """Every document in one input file, and a reject for each part that could not be read.

    Text and HTML files are one document each; JSONL files one per line and WARC
    files one per response record, with ``#N`` appended to ``source_uri``.
    ``max_bytes`` bounds each document; ``jsonl_fields`` renames JSONL fields
    (see :data:`transforms.read_jsonl.DEFAULT_FIELDS`).
    """
    _, gzipped = split_compression(source_uri)
    fmt = source_format or detect_format(source_uri)
    if fmt in (TEXT_FORMAT, HTML_FORMAT):
        yield from _read_single(source_uri, stream, fmt, gzipped=gzipped, max_bytes=max_bytes)
    elif fmt == JSONL_FORMAT:
        from transforms.read_jsonl import read_jsonl

        yield from read_jsonl(source_uri, stream, gzipped=gzipped, max_bytes=max_bytes, fields=jsonl_fields)
    elif fmt == WARC_FORMAT:
        from transforms.read_warc import read_warc

        yield from read_warc(source_uri, stream, max_bytes=max_bytes)
    else:
        yield Reject(source_uri, STAGE, "unsupported_format", f"no reader for format {fmt!r}")

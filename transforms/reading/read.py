"""Reading input files into raw documents: format detection and safe decompression.

One file may hold many documents (JSONL lines, WARC records); each becomes a
:class:`RawDocument`, and anything unreadable becomes a :class:`Reject`, so
``documents + rejects`` always accounts for every input.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from newsclean.schemas.records import RawDocument, Reject, Skipped
from newsclean.transforms.runtime.limits import (
    COMPRESSION_RATIO,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_RATIO,
    RATIO_FLOOR_BYTES,
    TOO_LARGE,
)
from newsclean.transforms.vocabulary import RejectCode, Stage

STAGE = Stage.READ
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
NO_RECORDS = RejectCode.NO_RECORDS
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


def check_ratio(produced: int, consumed: int, max_ratio: float, prefix: bytes = b"") -> None:
    """Raise ``ReadError("compression_ratio")`` when ``consumed`` compressed bytes gave more than
    ``max_ratio`` times as many (once past ``RATIO_FLOOR_BYTES``): a gzip bomb, stopped early."""
    if produced > RATIO_FLOOR_BYTES and produced > max_ratio * max(consumed, 1):
        raise ReadError(
            COMPRESSION_RATIO,
            f"gzip expands more than {max_ratio:g} times ({produced} bytes from {consumed})",
            prefix,
        )


def iter_chunks(
    stream: BinaryIO, *, gzipped: bool, chunk_size: int = _CHUNK, max_ratio: float = DEFAULT_MAX_RATIO
) -> Iterator[bytes]:
    """The file's bytes in chunks, gunzipped when asked (concatenated members too).

    Decompression is incremental, so memory stays bounded whatever the file's
    size; a corrupt gzip raises :class:`ReadError` (``corrupt_gzip``), one that
    ends before its end marker ``truncated_gzip`` after the data before the cut,
    one that expands more than ``max_ratio`` times ``compression_ratio`` (a bomb
    is stopped after a few MB, not at the end of its gigabytes).
    """
    if not gzipped:
        while chunk := stream.read(chunk_size):
            yield chunk
        return
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    compressed_prefix = b""
    seen_input = False
    fed = produced = 0
    while True:
        chunk = stream.read(chunk_size)
        if not compressed_prefix:
            compressed_prefix = chunk[:RAW_PREFIX_BYTES]
        if not chunk:
            break
        seen_input = True
        fed += len(chunk)
        while chunk:
            try:
                out = inflater.decompress(chunk, chunk_size)
            except zlib.error as exc:
                raise ReadError(RejectCode.CORRUPT_GZIP, f"gzip data is corrupt: {exc}", compressed_prefix) from exc
            if inflater.eof:
                # another gzip member may follow (concatenated .gz files)
                chunk = inflater.unused_data
                if chunk:
                    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            else:
                chunk = inflater.unconsumed_tail
            if out:
                produced += len(out)
                check_ratio(produced, fed - len(chunk), max_ratio, compressed_prefix)
                yield out
    if seen_input and not inflater.eof:
        raise ReadError(RejectCode.TRUNCATED_GZIP, "gzip stream ends before its end marker", compressed_prefix)


def read_all(
    stream: BinaryIO, *, gzipped: bool, max_bytes: int = DEFAULT_MAX_BYTES, max_ratio: float = DEFAULT_MAX_RATIO
) -> bytes:
    """The file's bytes, gunzipped when asked, never more than ``max_bytes``.

    A gzip bomb stops at the ratio or size limit instead of filling memory; a
    truncated or corrupt gzip raises :class:`ReadError`.
    """
    parts: list[bytes] = []
    size = 0
    for chunk in iter_chunks(stream, gzipped=gzipped, max_ratio=max_ratio):
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            prefix = b"".join(parts)[:RAW_PREFIX_BYTES]
            raise ReadError(TOO_LARGE, f"more than {max_bytes} bytes", prefix)
    return b"".join(parts)


def _read_single(
    source_uri: str, stream: BinaryIO, fmt: str, *, gzipped: bool, max_bytes: int, max_ratio: float
) -> Iterator[RawDocument | Reject]:
    """A file that is one document (text or HTML)."""
    try:
        data = read_all(stream, gzipped=gzipped, max_bytes=max_bytes, max_ratio=max_ratio)
    except ReadError as exc:
        yield Reject(source_uri, STAGE, exc.error, str(exc), raw_prefix(exc.prefix))
        return
    except OSError as exc:
        yield Reject(source_uri, STAGE, RejectCode.IO_ERROR, f"{type(exc).__name__}: {exc}")
        return
    yield RawDocument(source_uri=source_uri, data=data, source_format=fmt, content_type=fmt)


def read_documents(
    source_uri: str,
    stream: BinaryIO,
    *,
    source_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jsonl_fields: Mapping[str, str] | None = None,
    max_ratio: float = DEFAULT_MAX_RATIO,
    warc_records: Iterable[str] = (),
) -> Iterator[RawDocument | Reject | Skipped]:
    """Every document in one input file, and a reject for each part that could not be read.

    Text and HTML files are one document each; JSONL files one per line and WARC
    files one per response record, with ``#N`` appended to ``source_uri``.
    ``max_bytes`` bounds each document and ``max_ratio`` how much a gzip may
    expand; ``jsonl_fields`` renames JSONL fields (see
    :data:`newsclean.transforms.reading.jsonl.DEFAULT_FIELDS`); ``warc_records`` names WARC record
    types read as documents too when HTML (``resource``). A JSONL or WARC file that
    holds nothing at all (no line, no record, not even a skipped one) is one
    ``no_records`` reject, so no input file vanishes without a trace.
    """
    _, gzipped = split_compression(source_uri)
    fmt = source_format or detect_format(source_uri)
    if fmt in (TEXT_FORMAT, HTML_FORMAT):
        yield from _read_single(source_uri, stream, fmt, gzipped=gzipped, max_bytes=max_bytes, max_ratio=max_ratio)
        return
    if fmt == JSONL_FORMAT:
        from newsclean.transforms.reading.jsonl import read_jsonl

        items = read_jsonl(
            source_uri, stream, gzipped=gzipped, max_bytes=max_bytes, fields=jsonl_fields, max_ratio=max_ratio
        )
    elif fmt == WARC_FORMAT:
        from newsclean.transforms.reading.warc import read_warc

        items = read_warc(source_uri, stream, max_bytes=max_bytes, max_ratio=max_ratio, document_records=warc_records)
    else:
        yield Reject(source_uri, STAGE, RejectCode.UNSUPPORTED_FORMAT, f"no reader for format {fmt!r}")
        return
    found = 0
    for item in items:
        found += 1
        yield item
    if not found:
        yield Reject(source_uri, STAGE, NO_RECORDS, f"the {fmt} file holds no document (empty, blank or no records)")

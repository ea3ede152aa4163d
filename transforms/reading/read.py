"""Reading input files into raw documents: format and compression told by content, then the reader.

One file may hold many documents (JSONL lines, WARC records); each becomes a
:class:`RawDocument`, and anything unreadable becomes a :class:`Reject`, so
``documents + rejects`` always accounts for every input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from newsclean.schemas.records import RawDocument, Reject, Skipped
from newsclean.transforms.reading.compression import (
    GZIP,
    MAGIC_BYTES,
    RAW_PREFIX_BYTES,
    ChunkReader,
    ReadError,
    Replay,
    check_ratio,
    iter_chunks,
    sniff_compression,
)
from newsclean.transforms.runtime.limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_RATIO, TOO_LARGE
from newsclean.transforms.vocabulary import RejectCode, Stage

STAGE = Stage.READ
TEXT_FORMAT = "text"
HTML_FORMAT = "html"
JSONL_FORMAT = "jsonl"
JSON_FORMAT = "json"
WARC_FORMAT = "warc"  # WARC, WET and ARC: warcio reads all three
FORMATS = (TEXT_FORMAT, HTML_FORMAT, JSONL_FORMAT, JSON_FORMAT, WARC_FORMAT)
# In a folder, files with these extensions (compression suffixes looked through) or with none are
# read, by content; the others (.csv, .md, images ...) are listed in run.json as not read.
READ_EXTENSIONS = frozenset(
    {".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp",
     ".jsonl", ".ndjson", ".json", ".warc", ".wet", ".arc"}
)  # fmt: skip
COMPRESSION_EXTENSIONS = (".gz", ".bz2", ".zst", ".zstd")
# What a name says, heard only when the content says nothing (it sniffs as plain text): a
# ``.jsonl`` whose first line is broken is still read line by line, a ``.warc`` of noise as a WARC.
FORMATS_BY_EXTENSION = {
    ".html": HTML_FORMAT, ".htm": HTML_FORMAT, ".xhtml": HTML_FORMAT, ".shtml": HTML_FORMAT,
    ".jsonl": JSONL_FORMAT, ".ndjson": JSONL_FORMAT, ".json": JSON_FORMAT,
    ".warc": WARC_FORMAT, ".wet": WARC_FORMAT, ".arc": WARC_FORMAT,
}  # fmt: skip
NO_RECORDS = RejectCode.NO_RECORDS
SNIFF_BYTES = 8192  # decompressed bytes a format is told by
__all__ = ["ReadError", "check_ratio", "iter_chunks", "read_all", "read_documents", "sniff_format"]


def strip_compression(name: str) -> str:
    """``a/b.warc.wet`` for ``a/b.warc.wet.gz``: the name without its compression suffixes."""
    lower = name.lower()
    while lower.endswith(COMPRESSION_EXTENSIONS):
        cut = lower.rfind(".")
        name, lower = name[:cut], lower[:cut]
    return name


def _extension(path: str) -> str:
    name = strip_compression(path.replace("\\", "/").rsplit("/", 1)[-1])
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def format_by_name(path: str) -> str | None:
    """The format a file's extension names (compression suffixes looked through), if any."""
    return FORMATS_BY_EXTENSION.get(_extension(path))


def is_read_in_folder(path: str) -> bool:
    """Whether a file found inside an input folder is read: a known extension, or none at all."""
    name = strip_compression(path.replace("\\", "/").rsplit("/", 1)[-1])
    if name.startswith("."):
        return False
    dot = name.rfind(".")
    return dot <= 0 or name[dot:].lower() in READ_EXTENSIONS


_BOM_OR_SPACE = b"\xef\xbb\xbf \t\r\n\f"
_HTML_START = re.compile(
    rb"(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<title\b|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html\b))",
    re.I | re.S,
)
_HTML_TAGS = re.compile(rb"<(?:body|article|div|p|br|span|a)\b", re.I)
_ARC_START = re.compile(rb"filedesc://\S+ [\d.]+ \d{14} ")


def _json_or_jsonl(start: bytes, hint: str | None) -> str:
    """JSONL when the first line is a whole JSON value and more follow (a JSON file has one value)."""
    line, newline, rest = start.partition(b"\n")
    more = rest.strip() != b""
    if not newline:  # one long line: an object reads the same either way, an array is JSON
        return JSONL_FORMAT if start[:1] == b"{" or hint == JSONL_FORMAT else JSON_FORMAT
    try:
        json.loads(line.decode("utf-8", "replace"))
    except (ValueError, RecursionError):
        if hint in (JSON_FORMAT, JSONL_FORMAT):
            return hint  # a broken first record: the name decides
        # a broken first record is still JSONL when the next line opens the next object
        if line.rstrip().endswith(b"}") and rest.lstrip()[:1] == b"{":
            return JSONL_FORMAT
        return JSON_FORMAT  # a value spread over lines (pretty-printed)
    if more or start[:1] == b"{":
        return JSONL_FORMAT
    return hint if hint in (JSON_FORMAT, JSONL_FORMAT) else JSON_FORMAT


def sniff_format(head: bytes, hint: str | None = None) -> str:
    """The format the first (decompressed) bytes of a file say it is, whatever it is called.

    ``WARC/`` opens a WARC (and WET) file, ``filedesc://`` an ARC file; a JSON
    array or a JSON object spread over lines is JSON, objects one per line are
    JSONL; markup is HTML; anything else is text (decoding tells binary later).
    ``hint`` (the format the file's name says) is heard only where the bytes say
    nothing: text, or JSON whose first line is broken.
    """
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its BOM: sniff the characters, not the bytes
        head = head[: len(head) // 2 * 2].decode("utf-16", "replace").encode("utf-8")
    start = head.lstrip(_BOM_OR_SPACE)
    if start.startswith(b"WARC/") or _ARC_START.match(start):
        return WARC_FORMAT
    if start[:1] in (b"{", b"["):
        return _json_or_jsonl(start, hint)
    if _HTML_START.match(start) or len(_HTML_TAGS.findall(start[:4096])) >= 2:
        return HTML_FORMAT
    return hint or TEXT_FORMAT


def raw_prefix(data: bytes) -> str:
    """The first bytes of an input, readable by a person whatever they are.

    Valid UTF-8 shows as text; invalid bytes and control characters as ``\\xNN``.
    """
    text = data[:RAW_PREFIX_BYTES].decode("utf-8", errors="backslashreplace")
    return "".join(ch if ch.isprintable() or ch in "\n\t" else f"\\x{ord(ch):02x}" for ch in text)


def read_all(
    stream: BinaryIO,
    *,
    compression: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> bytes:
    """The file's bytes, decompressed as ``compression`` says, never more than ``max_bytes``.

    A bomb stops at the ratio or size limit instead of filling memory; a
    truncated or corrupt stream raises :class:`ReadError`.
    """
    parts: list[bytes] = []
    size = 0
    for chunk in iter_chunks(stream, compression=compression, max_ratio=max_ratio):
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            prefix = b"".join(parts)[:RAW_PREFIX_BYTES]
            raise ReadError(TOO_LARGE, f"more than {max_bytes} bytes", prefix)
    return b"".join(parts)


def read_whole(
    source_uri: str, stream: BinaryIO, *, compression: str | None, max_bytes: int, max_ratio: float, note: str = ""
) -> bytes | Reject:
    """A file's bytes for a reader that needs them whole, or the reject saying why not (``note`` added)."""
    try:
        return read_all(stream, compression=compression, max_bytes=max_bytes, max_ratio=max_ratio)
    except ReadError as exc:
        return Reject(source_uri, STAGE, exc.error, f"{exc}{note}", raw_prefix(exc.prefix))
    except OSError as exc:
        return Reject(source_uri, STAGE, RejectCode.IO_ERROR, f"{type(exc).__name__}: {exc}")


def _read_single(
    source_uri: str, stream: BinaryIO, fmt: str, *, compression: str | None, max_bytes: int, max_ratio: float
) -> Iterator[RawDocument | Reject]:
    """A file that is one document (text or HTML)."""
    data = read_whole(source_uri, stream, compression=compression, max_bytes=max_bytes, max_ratio=max_ratio)
    if isinstance(data, Reject):
        yield data
        return
    yield RawDocument(source_uri=source_uri, data=data, source_format=fmt, content_type=fmt)


def sniff(stream: Replay, max_ratio: float = DEFAULT_MAX_RATIO, hint: str | None = None) -> tuple[str | None, str]:
    """``(compression, format)`` of a file from its first bytes; the stream is rewound after.

    A file whose head cannot even be decompressed is called text here: reading it
    then gives the reject that says what is wrong."""
    compression = sniff_compression(stream.read(MAGIC_BYTES))
    stream.rewind()
    head = b""
    try:
        for chunk in iter_chunks(stream, compression=compression, chunk_size=SNIFF_BYTES, max_ratio=max_ratio):
            head += chunk
            if len(head) >= SNIFF_BYTES:
                break
    except (ReadError, OSError):
        pass
    stream.rewind(final=True)
    return compression, sniff_format(head, hint)


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
    """Every document in one input file, a reject for each part that could not be read, and a
    :class:`Skipped` for each record that is not a document (a WARC ``request`` ...).

    The format and the compression come from the file's bytes (:func:`sniff`),
    not its name (which is heard only when the bytes say nothing: they read as
    plain text); ``source_format`` forces a format. Text and HTML files are one
    document each; JSONL files one per line, JSON files one per object of an
    array (or the file's one object) and WARC files one per document record,
    with ``#N`` appended to ``source_uri``. ``max_bytes`` bounds each document
    and ``max_ratio`` how much compressed data may expand; ``jsonl_fields``
    renames JSON fields (see :data:`newsclean.transforms.reading.jsonl.DEFAULT_FIELDS`).
    ``warc_records`` names WARC record types read as documents too when HTML
    (``resource``). A file that holds nothing at all (no line, no record, not
    even a skipped one) is one ``no_records`` reject, so no input file vanishes
    without a trace.
    """
    replay = Replay(stream)
    try:
        compression, sniffed = sniff(replay, max_ratio, format_by_name(source_uri))
    except OSError as exc:
        yield Reject(source_uri, STAGE, RejectCode.IO_ERROR, f"{type(exc).__name__}: {exc}")
        return
    fmt = source_format or sniffed
    if fmt in (TEXT_FORMAT, HTML_FORMAT):
        yield from _read_single(
            source_uri, replay, fmt, compression=compression, max_bytes=max_bytes, max_ratio=max_ratio
        )
        return
    if fmt in (JSONL_FORMAT, JSON_FORMAT):
        from newsclean.transforms.reading.jsonl import read_json, read_jsonl

        reader = read_jsonl if fmt == JSONL_FORMAT else read_json
        items = reader(
            source_uri, replay, compression=compression, max_bytes=max_bytes, fields=jsonl_fields, max_ratio=max_ratio
        )
    elif fmt == WARC_FORMAT:
        from newsclean.transforms.reading.warc import read_warc

        # the WARC reader inflates gzip itself (per member or whole-file, following truncation and
        # bombs); other compressions are undone here and it reads the plain records.
        plain = replay if compression in (None, GZIP) else ChunkReader(iter_chunks(replay, compression=compression))
        items = read_warc(source_uri, plain, max_bytes=max_bytes, max_ratio=max_ratio, document_records=warc_records)
    else:
        yield Reject(source_uri, STAGE, RejectCode.UNSUPPORTED_FORMAT, f"no reader for format {fmt!r}")
        return
    found = 0
    for item in items:
        found += 1
        yield item
    if not found:
        yield Reject(source_uri, STAGE, NO_RECORDS, f"the {fmt} file holds no document (empty, blank or no records)")

"""JSONL and JSON input: one document per line (JSONL) or per object of an array (JSON).

An object holds the document in ``html`` or ``text`` and, when present,
``url``, ``id``, ``date``, ``title`` and ``authors``. Dumps name their fields
differently, so every name can be mapped (``{"text": "content"}``), a dotted
name reaches into nested objects (``{"url": "meta.url"}``), and the names of
common exporters (news-please's ``maintext``, ``date_publish`` ...) are tried
when a field is not mapped and the default name is absent.

The file is read as a stream: a bad line (invalid JSON, no content, too long)
becomes a reject naming ``path#N`` (N counts lines from 1) and the next line is
read; a gzip file cut short gives the lines before the cut and one reject.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from newsclean.schemas.records import RawDocument, Reject
from newsclean.transforms.reading.read import (
    DEFAULT_MAX_BYTES,
    HTML_FORMAT,
    JSON_FORMAT,
    JSONL_FORMAT,
    RAW_PREFIX_BYTES,
    STAGE,
    TEXT_FORMAT,
    ReadError,
    iter_chunks,
    raw_prefix,
)
from newsclean.transforms.runtime.limits import DEFAULT_MAX_RATIO, TOO_DEEP, TOO_LARGE
from newsclean.transforms.vocabulary import RejectCode

# Our name -> the field read from each line, unless mapped otherwise.
DEFAULT_FIELDS: dict[str, str] = {
    "html": "html",
    "text": "text",
    "url": "url",
    "id": "id",
    "date": "date",
    "title": "title",
    "authors": "authors",
}
_META_FIELDS = ("id", "date", "title", "authors")
# Other exporters' names for our fields, tried in order when the default name is absent
# (news-please, newspaper3k, Common Crawl news dumps, Hugging Face news sets).
FALLBACK_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("maintext", "content", "body", "article", "raw_text"),
    "html": ("raw_html", "html_content"),
    "url": ("link", "source_url", "article_url"),
    "date": ("date_publish", "published", "published_at", "publish_date", "pubdate"),
    "title": ("headline",),
    "authors": ("author", "byline"),
}


def parse_field_mapping(items: list[str] | None) -> dict[str, str]:
    """``["text=content", "url=meta.link"]`` (the command line's form) as a mapping.

    Raises ValueError on an unknown name or a malformed item.
    """
    mapping: dict[str, str] = {}
    for item in items or []:
        name, sep, field = item.partition("=")
        name, field = name.strip(), field.strip()
        if not sep or not field:
            raise ValueError(f"expected NAME=FIELD, got {item!r}")
        if name not in DEFAULT_FIELDS:
            raise ValueError(f"unknown JSONL field name {name!r}; known: {', '.join(DEFAULT_FIELDS)}")
        mapping[name] = field
    return mapping


def _get(obj: Mapping, path: str) -> object:
    """``obj["a"]["b"]`` for ``"a.b"``; a key that itself holds a dot is tried first."""
    if path in obj:
        return obj[path]
    value: object = obj
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _as_authors(value: object) -> list[str]:
    if isinstance(value, str):
        return [a.strip() for a in value.replace("|", ";").split(";") if a.strip()]
    if isinstance(value, Mapping):  # {"name": ...}, as JSON-LD and some exporters write a person
        value = [value]
    if isinstance(value, list):
        names = [a.get("name") if isinstance(a, Mapping) else a for a in value]
        return [a.strip() for a in names if isinstance(a, str) and a.strip()]
    return []


def _line_reject(uri: str, error: str, message: str, line: bytes) -> Reject:
    return Reject(uri, STAGE, error, message, raw_prefix(line))


def _field(obj: Mapping, fields: Mapping[str, str], name: str) -> object:
    """Our field ``name`` of ``obj``: the mapped field, else (when not mapped) an exporter's name for it."""
    value = _get(obj, fields[name])
    if value is None and fields[name] == DEFAULT_FIELDS[name]:
        for other in FALLBACK_FIELDS.get(name, ()):
            if (value := obj.get(other)) is not None:
                break
    return value


def parse_line(uri: str, line: bytes, fields: Mapping[str, str]) -> RawDocument | Reject:
    """One JSONL line as a raw document, or the reject saying why it is not one."""
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return _line_reject(uri, RejectCode.BAD_JSON, f"line is not valid JSON: {exc}", line)
    except RecursionError:  # [[[[... ten thousand deep: the parser recurses per level
        return _line_reject(uri, TOO_DEEP, "JSON nested deeper than the parser's recursion limit", line)
    return object_document(uri, obj, fields, line)


def object_document(
    uri: str, obj: object, fields: Mapping[str, str], raw: bytes, source_format: str = JSONL_FORMAT
) -> RawDocument | Reject:
    """One parsed JSON value as a raw document, or the reject saying why it is not one."""
    if not isinstance(obj, dict):
        return _line_reject(
            uri, RejectCode.NOT_AN_OBJECT, f"record holds a JSON {type(obj).__name__}, not an object", raw
        )
    content_type, content = None, None
    for name in (HTML_FORMAT, TEXT_FORMAT):
        value = _field(obj, fields, name)
        if isinstance(value, str) and value.strip():
            content_type, content = name, value
            break
    if content is None:
        wanted = " or ".join(repr(fields[n]) for n in (HTML_FORMAT, TEXT_FORMAT))
        return _line_reject(uri, RejectCode.NO_CONTENT, f"no non-empty string field {wanted}", raw)
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate escaped in the JSON
        return _line_reject(uri, RejectCode.BAD_TEXT, f"content is not valid Unicode: {exc}", raw)
    meta: dict[str, object] = {}
    for name in _META_FIELDS:
        value = _field(obj, fields, name)
        if name == "authors":
            value = _as_authors(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if value not in (None, "", []) and (name == "authors" or isinstance(value, str)):
            meta[name] = value.strip() if isinstance(value, str) else value
    url = _field(obj, fields, "url")
    return RawDocument(
        source_uri=uri,
        data=data,
        source_format=source_format,
        url=url.strip() or None if isinstance(url, str) else None,
        charset="utf-8",
        meta=meta,
        content_type=content_type,
    )


def iter_lines(chunks: Iterator[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for every line; ``None`` for a line longer than ``max_bytes``.

    A ReadError from ``chunks`` propagates after every complete line before it;
    the partial line at the cut is never yielded.
    """
    number = 0
    buffer = bytearray()
    skipping = False  # inside a line already reported as too long
    for chunk in chunks:
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            piece = chunk[start:] if end < 0 else chunk[start:end]
            if not skipping:
                buffer += piece
                if len(buffer) > max_bytes:
                    number += 1
                    yield number, None
                    buffer.clear()
                    skipping = True
            if end < 0:
                break
            if skipping:
                skipping = False
            else:
                number += 1
                yield number, bytes(buffer)
                buffer.clear()
            start = end + 1
    if buffer and not skipping:
        yield number + 1, bytes(buffer)


def read_jsonl(
    source_uri: str,
    stream: BinaryIO,
    *,
    compression: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> Iterator[RawDocument | Reject]:
    """Every line of a JSONL file as a raw document or a reject, ``source_uri#N`` each."""
    names = {**DEFAULT_FIELDS, **(fields or {})}
    last = 0
    try:
        chunks = iter_chunks(stream, compression=compression, max_ratio=max_ratio)
        for number, line in iter_lines(chunks, max_bytes):
            last = number
            uri = f"{source_uri}#{number}"
            if line is None:
                yield Reject(uri, STAGE, TOO_LARGE, f"line longer than {max_bytes} bytes")
                continue
            line = line.rstrip(b"\r")
            if not line.strip():
                continue  # a blank line is no record
            yield parse_line(uri, line, names)
    except ReadError as exc:
        yield Reject(
            f"{source_uri}#{last + 1}",
            STAGE,
            exc.error,
            f"{exc}; lines 1-{last} were read, the rest of the file is lost",
            raw_prefix(exc.prefix[:RAW_PREFIX_BYTES]),
        )
    except OSError as exc:
        yield Reject(f"{source_uri}#{last + 1}", STAGE, RejectCode.IO_ERROR, f"{type(exc).__name__}: {exc}")


def read_json(
    source_uri: str,
    stream: BinaryIO,
    *,
    compression: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fields: Mapping[str, str] | None = None,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> Iterator[RawDocument | Reject]:
    """A JSON file: an array of objects (``source_uri#N``, N from 1) or one object (``source_uri``).

    The file is parsed whole, so it must fit in ``max_bytes``; a dump larger
    than that belongs in JSONL, which is streamed."""
    from newsclean.transforms.reading.read import read_whole

    names = {**DEFAULT_FIELDS, **(fields or {})}
    note = " (a JSON file is read whole: use JSONL for dumps)"
    data = read_whole(source_uri, stream, compression=compression, max_bytes=max_bytes, max_ratio=max_ratio, note=note)
    if isinstance(data, Reject):
        yield data
        return
    if not data.strip():
        return
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        yield _line_reject(source_uri, RejectCode.BAD_JSON, f"file is not valid JSON: {exc}", data)
        return
    except RecursionError:
        yield _line_reject(source_uri, TOO_DEEP, "JSON nested deeper than the parser's recursion limit", data)
        return
    if not isinstance(value, list):
        yield object_document(source_uri, value, names, data, JSON_FORMAT)
        return
    for number, obj in enumerate(value, 1):
        raw = json.dumps(obj, ensure_ascii=False)[:RAW_PREFIX_BYTES].encode("utf-8", "replace")
        yield object_document(f"{source_uri}#{number}", obj, names, raw, JSON_FORMAT)

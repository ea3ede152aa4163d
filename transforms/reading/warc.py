"""WARC input (Common Crawl, CC-NEWS): one document per response record.

Read with warcio (Webrecorder's WARC library): pure Python, so it installs on
any Beam worker from the sdist alone, and it streams record by record, so a
1 GB CC-NEWS file never sits in memory. See ``docs/inputs.md`` for why not
FastWARC.

Each ``response`` record with an HTML (or plain-text) payload becomes a
:class:`RawDocument` with ``url`` from ``WARC-Target-URI`` and the charset from
the HTTP ``Content-Type``; ``resource`` and WET ``conversion`` records are read
the same way. ``WARC-Date`` is when the page was fetched, not when it was
published, so it is kept in ``meta["fetched_at"]`` and never used as a date.
Records that are not documents (``warcinfo``, ``request``, ``metadata``,
``revisit``) are skipped. ``#N`` counts every record in the file from 1.

A record that cannot be used (error status, not HTML, cut short, too large)
becomes a reject and the next record is read. A file whose framing breaks gives
the records before the break and one reject for the rest; a gzip cut short
gives its complete records and a reject for the one it cut.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsclean.schemas.records import RawDocument, Reject, Skipped
from newsclean.transforms.reading.read import (
    DEFAULT_MAX_BYTES,
    HTML_FORMAT,
    STAGE,
    TEXT_FORMAT,
    WARC_FORMAT,
    ReadError,
    check_ratio,
    raw_prefix,
)
from newsclean.transforms.runtime.limits import DEFAULT_MAX_RATIO, TOO_LARGE
from newsclean.transforms.vocabulary import RejectCode

DOCUMENT_RECORDS = frozenset({"response", "resource", "conversion"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+html"})
TEXT_TYPES = frozenset({"text/plain"})
_INFLATE_STEP = 1 << 16


class _GzipTracker:
    """Passes a stream through and follows its gzip members, to tell a cut-short file and a bomb.

    warcio stops quietly at the end of a truncated ``.warc.gz``; this tells
    whether the last member was complete. The inflated bytes are thrown away,
    but counted per member (one member per record in a ``.warc.gz``): a member
    expanding more than ``max_ratio`` times is a gzip bomb. warcio is then
    handed the bytes before that member only, and its next read raises
    :class:`ReadError` (``compression_ratio``): the records before the bomb are
    read, and warcio never inflates the bomb itself.
    """

    def __init__(self, stream: BinaryIO, max_ratio: float = DEFAULT_MAX_RATIO) -> None:
        self._stream = stream
        self._inflater = None  # the current member's zlib decompressor
        self._gzipped: bool | None = None
        self._max_ratio = max_ratio
        self._member_start = 0  # stream offset where the current member begins
        self._member_in = 0  # its compressed bytes inflated so far
        self._member_out = 0  # and what they expanded to
        self.corrupt = False
        self.size = 0  # bytes handed on so far
        self.bomb: ReadError | None = None

    def read(self, size: int = -1) -> bytes:
        if self.bomb is not None:
            raise self.bomb
        data = self._stream.read(size)
        if data:
            data = self._follow(data)
            self.size += len(data)
        return data

    def _follow(self, data: bytes) -> bytes:
        """``data``, or its part before a bomb member (raising when nothing comes before it)."""
        if self._gzipped is None:
            self._gzipped = data[:2] == b"\x1f\x8b"
        if not self._gzipped or self.corrupt:
            return data
        offset = 0
        try:
            while offset < len(data):
                if self._inflater is None:
                    self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    self._member_start, self._member_in, self._member_out = self.size + offset, 0, 0
                piece = data[offset:]
                tail = piece
                while tail:
                    self._member_out += len(self._inflater.decompress(tail, _INFLATE_STEP))
                    tail = self._inflater.unconsumed_tail
                    check_ratio(self._member_out, self._member_in + len(piece) - len(tail), self._max_ratio)
                    if self._inflater.eof:
                        break
                self._member_in += len(piece) - len(self._inflater.unused_data)
                if self._inflater.eof:
                    offset += len(piece) - len(self._inflater.unused_data)
                    self._inflater = None
                else:
                    offset = len(data)
        except zlib.error:
            self.corrupt = True
        except ReadError as exc:
            self.bomb = exc
            cut = self._member_start - self.size
            if cut <= 0:
                raise
            return data[:cut]
        return data

    @property
    def truncated(self) -> bool:
        """True when the stream ended inside a gzip member."""
        return bool(self._gzipped) and not self.corrupt and self._inflater is not None


def _media_type(value: str | None) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` for ``text/html; charset=UTF-8``."""
    if not value:
        return "", None
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for param in parts[1:]:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return parts[0].lower(), charset


def _looks_like_html(payload: bytes) -> bool:
    head = payload[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--", b"<meta"))


def _record_document(uri: str, record, payload: bytes) -> RawDocument | Reject:
    """A WARC record already read as a document or a reject."""
    headers = record.rec_headers
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return Reject(uri, STAGE, RejectCode.HTTP_STATUS, f"HTTP status {status}", raw_prefix(payload))
        media, charset = _media_type(record.http_headers.get_header("Content-Type"))
    else:
        media, charset = _media_type(headers.get_header("Content-Type"))
    if media in HTML_TYPES or (not media and _looks_like_html(payload)):
        content_type = HTML_FORMAT
    elif media in TEXT_TYPES:
        content_type = TEXT_FORMAT
    else:
        return Reject(
            uri, STAGE, RejectCode.UNSUPPORTED_MEDIA_TYPE, f"payload is {media or 'unknown'}", raw_prefix(payload)
        )
    meta: dict[str, object] = {}
    for key, header in (("warc_record_id", "WARC-Record-ID"), ("fetched_at", "WARC-Date")):
        value = headers.get_header(header)
        if value:
            meta[key] = value
    return RawDocument(
        source_uri=uri,
        data=payload,
        source_format=WARC_FORMAT,
        url=headers.get_header("WARC-Target-URI") or None,
        charset=charset,
        meta=meta,
        content_type=content_type,
    )


def _bomb_reject(uri: str, exc: ReadError, index: int) -> Reject:
    return Reject(uri, STAGE, exc.error, f"{exc}; records 1-{index} were read, the rest of the file is lost")


def read_warc(
    source_uri: str, stream: BinaryIO, *, max_bytes: int = DEFAULT_MAX_BYTES, max_ratio: float = DEFAULT_MAX_RATIO
) -> Iterator[RawDocument | Reject | Skipped]:
    """Every document record of a WARC or WARC.gz file, as a raw document or a reject."""
    from warcio.archiveiterator import ArchiveIterator

    tracker = _GzipTracker(stream, max_ratio)
    archive = ArchiveIterator(tracker)
    records = iter(archive)
    index = 0
    last_cut = False  # the last record was already rejected as cut short
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except ReadError as exc:  # a gzip bomb, stopped by the tracker
            yield _bomb_reject(f"{source_uri}#{index + 1}", exc, index)
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises many types for broken framing
            if tracker.bomb is not None:
                yield _bomb_reject(f"{source_uri}#{index + 1}", tracker.bomb, index)
                return
            yield Reject(
                f"{source_uri}#{index + 1}",
                STAGE,
                RejectCode.CORRUPT_WARC,
                f"{type(exc).__name__}: {exc}; records 1-{index} were read, the rest of the file is lost",
            )
            return
        index += 1
        last_cut = False
        if record.rec_type not in DOCUMENT_RECORDS:
            yield Skipped(f"{source_uri}#{index}", f"warc/{record.rec_type}")
            continue
        uri = f"{source_uri}#{index}"
        try:
            content = record.content_stream()
            payload = content.read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Reject(uri, STAGE, TOO_LARGE, f"payload longer than {max_bytes} bytes", raw_prefix(payload))
                continue
            while content.read(_INFLATE_STEP):  # nothing should be left; reading it settles the length check
                pass
        except Exception as exc:  # noqa: BLE001 - a bad chunked or compressed payload
            if tracker.bomb is not None:
                yield _bomb_reject(uri, tracker.bomb, index - 1)
                return
            yield Reject(uri, STAGE, RejectCode.BAD_PAYLOAD, f"{type(exc).__name__}: {exc}")
            continue
        missing = getattr(record.raw_stream, "limit", 0) or 0
        if missing > 0:
            last_cut = True
            yield Reject(
                uri,
                STAGE,
                RejectCode.TRUNCATED_RECORD,
                f"record ends {missing} bytes before its Content-Length",
                raw_prefix(payload),
            )
            continue
        yield _record_document(uri, record, payload)
    if tracker.bomb is not None:
        yield _bomb_reject(f"{source_uri}#{index + 1}", tracker.bomb, index)
        return
    # warcio ends quietly when a file stops inside a record's headers or a gzip member.
    leftover = tracker.size - (getattr(archive, "offset", tracker.size) or 0)
    if (tracker.truncated or leftover > 0) and not last_cut:
        yield Reject(
            f"{source_uri}#{index + 1}",
            STAGE,
            RejectCode.TRUNCATED_GZIP if tracker.truncated else RejectCode.TRUNCATED_RECORD,
            f"the file ends inside a record ({leftover} bytes after record {index} were not a whole record)",
        )

"""WARC and ARC input (Common Crawl, CC-NEWS, WET, old ARC crawls): one document per HTML page.

Read with warcio (Webrecorder's WARC library): pure Python, so it installs on
any Beam worker from the sdist alone, and it streams record by record, so a
1 GB CC-NEWS file never sits in memory. See ``docs/inputs.md`` for why not
FastWARC (it reads no ARC, among other things).

**Which records are documents.** A ``response`` with a 2xx HTTP status and an
HTML payload (``text/html``, ``application/xhtml+xml``, or HTML by sniffing
when there is no ``Content-Type``), and a WET ``conversion`` record of plain
text. ``document_records`` adds record types (``resource`` for wget crawls)
that count as documents when their payload is HTML. Every other record is a
:class:`Skipped` whose kind says its type and why, e.g. ``warc/request``,
``warc/resource``, ``warc/response/404``, ``warc/response/image/png``,
``arc/filedesc``; kinds stay few: type, then status or media type (without
parameters). Real problems are rejects: a record cut short (by the end of the
file, or by a ``Content-Length`` that stops before its data), broken framing, a
payload too large or badly encoded, a gzip bomb.

A document has ``url`` from ``WARC-Target-URI`` (the ARC URL), exactly as the
file has it (warcio would turn spaces into ``%20``), and the charset from the
HTTP ``Content-Type``. ``WARC-Date`` is when the page was fetched, not when it
was published, so it is kept in ``meta["fetched_at"]`` and never used as a
date. ``#N`` counts every record in the file from 1.

**Gzip** is inflated here, not by warcio, and warcio reads the plain bytes: a
``.warc.gz`` compressed as one stream instead of one member per record (which
warcio refuses after its first record) or with members that do not match the
records reads like any other. The inflater measures each member's expansion
(one member per record in a ``.warc.gz``) to stop a gzip bomb, and tells a
file cut inside a member. A file whose framing breaks gives the records before
the break and one reject for the rest; a file cut short gives its complete
records and a reject for the one it cut.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
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

DOCUMENT_RECORDS = frozenset({"response", "conversion"})  # always documents (when HTML or WET text)
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml+html"})
TEXT_TYPES = frozenset({"text/plain"})
_INFLATE_STEP = 1 << 16
_COMPRESSED_STEP = 1 << 14
_GZIP_MAGIC = b"\x1f\x8b"


class _Inflater:
    """A file's bytes, gunzipped when they are gzip (every member in turn), for warcio to read plain.

    Each member's expansion is measured on its own: one expanding more than
    ``max_ratio`` times is a gzip bomb, and the read that finds it raises
    :class:`ReadError` (``compression_ratio``), as does corrupt gzip data
    (``corrupt_gzip``); ``error`` keeps it, and every later read raises it again.
    ``truncated`` tells a stream that ended inside a member.
    """

    def __init__(self, stream: BinaryIO, max_ratio: float = DEFAULT_MAX_RATIO) -> None:
        self._stream = stream
        self._max_ratio = max_ratio
        self._pending = b""  # bytes read from the stream, not handed on (compressed ones when gzipped)
        self._out = b""  # inflated bytes
        self._out_at = 0  # and how many of them were handed on
        self._gzipped: bool | None = None
        self._inflater = None  # the current member's zlib decompressor
        self._member_in = 0  # its compressed bytes inflated so far
        self._member_out = 0  # and what they expanded to
        self.error: ReadError | None = None
        self.truncated = False
        self.ended = False  # the stream has been read to its end
        self.size = 0  # bytes handed on so far

    def read(self, size: int = -1) -> bytes:
        if self.error is not None:
            raise self.error
        if size is None or size < 0:
            size = _INFLATE_STEP
        if self._gzipped is None:
            self._pending = self._stream.read(_COMPRESSED_STEP)
            self._gzipped = self._pending[:2] == _GZIP_MAGIC
        if self._gzipped:
            while self._out_at >= len(self._out) and self._inflate():
                pass
            data = self._out[self._out_at : self._out_at + size]
            self._out_at += len(data)
        else:
            data = self._plain(size)
        self.size += len(data)
        return data

    def _plain(self, size: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        data = self._stream.read(size)
        self.ended = not data
        return data

    def _inflate(self) -> bool:
        """Inflate the next compressed block into ``_out``; False at the end of the stream.

        Blocks are small (16 KiB), so one block's output stays bounded (deflate expands
        at most about 1,000 times) and the ratio is checked before the next is read.
        """
        if not self._pending:
            self._pending = self._stream.read(_COMPRESSED_STEP)
            if not self._pending:
                self.truncated = self._inflater is not None
                self.ended = True
                return False
        if self._inflater is None:
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._member_in = self._member_out = 0
        try:
            out = self._inflater.decompress(self._pending)
        except zlib.error as exc:
            self.error = ReadError(RejectCode.CORRUPT_GZIP, f"gzip data is corrupt: {exc}")
            raise self.error from exc
        rest = self._inflater.unused_data
        self._member_in += len(self._pending) - len(rest)
        self._member_out += len(out)
        self._pending = rest
        if self._inflater.eof:
            self._inflater = None  # another member may follow
        try:
            check_ratio(self._member_out, self._member_in, self._max_ratio)
        except ReadError as exc:
            self.error = exc
            raise
        self._out, self._out_at = out, 0
        return True


def _loader():
    """warcio's record loader, but keeping a ``WARC-Target-URI`` with spaces as the file has it."""
    from warcio.recordloader import ArcWarcRecordLoader

    class _Loader(ArcWarcRecordLoader):
        def _ensure_target_uri_format(self, rec_headers):
            uri = rec_headers.get_header("WARC-Target-URI")
            if uri is not None and uri.startswith("<") and uri.endswith(">"):  # wget 1.19 wrote <uri>
                uri = uri[1:-1]
                rec_headers.replace_header("WARC-Target-URI", uri)
            return uri

    return _Loader(verify_http=False, arc2warc=False)


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


def _kind_part(value: str) -> str:
    """A status or media type as it goes into a skipped kind: short, lower case, no spaces."""
    return "".join(ch for ch in value.strip().lower()[:60] if ch.isprintable() and not ch.isspace()) or "unknown"


class _Record:
    """What the policy needs to know of one warcio record, for WARC and ARC alike."""

    def __init__(self, record) -> None:
        self.record = record
        self.arc = record.format == "arc"
        headers = record.rec_headers
        if self.arc:
            self.type = "filedesc" if record.rec_type == "arc_header" else "response"
            self.url = headers.get_header("uri") or None
            self.length = headers.get_header("length")
            self.fetched_at = _arc_date(headers.get_header("archive-date"))
            self.record_id = None
            self.block_type = headers.get_header("content-type")
        else:
            self.type = (record.rec_type or "unknown").lower()
            self.url = headers.get_header("WARC-Target-URI") or None
            self.length = headers.get_header("Content-Length")
            self.fetched_at = headers.get_header("WARC-Date")
            self.record_id = headers.get_header("WARC-Record-ID")
            self.block_type = headers.get_header("Content-Type")
        self.prefix = "arc" if self.arc else "warc"
        self.http = record.http_headers if self.type == "response" else None

    def length_error(self) -> str | None:
        """Why the record's length cannot frame it, if it cannot."""
        if self.length is None:
            return None if self.arc else "the record has no Content-Length"
        if not self.length.strip().isdigit():
            return f"the record's length {self.length.strip()[:40]!r} is not a number of bytes"
        return None


def _arc_date(value: str | None) -> str | None:
    if not value or not value.isdigit():
        return None
    from warcio.timeutils import timestamp_to_iso_date

    try:
        return timestamp_to_iso_date(value)
    except ValueError:
        return None


def _policy(rec: _Record, extra_types: frozenset[str]) -> tuple[str | None, str, str | None]:
    """``(skipped kind or None, media type, charset)`` from the record's headers alone.

    The media type is ``""`` when the headers name none: the payload decides (HTML by sniffing).
    """
    kind = f"{rec.prefix}/{rec.type}"
    if rec.type == "response":
        if rec.http is not None:
            status = (rec.http.get_statuscode() or "").strip()
            if not (len(status) == 3 and status.isdigit()):
                return f"{kind}/no-status", "", None
            if not status.startswith("2"):
                return f"{kind}/{status}", "", None
            media, charset = _media_type(rec.http.get_header("Content-Type"))
        elif rec.url and rec.url.lower().startswith(("http:", "https:")) and not rec.arc:
            return f"{kind}/no-http-headers", "", None
        else:  # dns:, whois: ... records, an ARC record without HTTP headers
            media, charset = _media_type(rec.block_type)
            media = media or "unknown"
        if media and media not in HTML_TYPES:
            return f"{kind}/{_kind_part(media)}", media, charset
        return None, media, charset
    if rec.type == "conversion" or rec.type in extra_types:
        media, charset = _media_type(rec.block_type)
        if media in HTML_TYPES or (rec.type == "conversion" and media in TEXT_TYPES):
            return None, media, charset
        if not media and rec.type != "conversion":
            return None, "", charset  # sniffed
        return f"{kind}/{_kind_part(media)}", media, charset
    return kind, "", None


def _stop_reject(uri: str, exc: ReadError, index: int) -> Reject:
    return Reject(uri, STAGE, exc.error, f"{exc}; records 1-{index} were read, the rest of the file is lost")


def _payload_cut(rec: _Record, content, missing: int) -> str | None:
    """Why the record's payload is incomplete, if it is.

    A record ending before its length is cut, unless its HTTP body is whole by the
    body's own ``Content-Length`` (an ARC length that counts a few bytes too many).
    An HTTP body gzip- or deflate-encoded that stops before its end marker is cut too.
    """
    if missing > 0:
        declared = rec.http.get_header("Content-Length") if rec.http is not None else None
        chunked = rec.http is not None and (rec.http.get_header("Transfer-Encoding") or "").lower() == "chunked"
        held = (rec.record.payload_length or 0) - missing
        if not (declared and declared.strip().isdigit() and not chunked and 0 <= int(declared) <= held):
            return f"record ends {missing} bytes before its length"
    decompressor = getattr(content, "decompressor", None)
    if decompressor is not None and getattr(content, "num_block_read", 0) and not getattr(decompressor, "eof", True):
        return "its HTTP body's compressed stream ends before its end marker"
    return None


def _document(uri: str, rec: _Record, payload: bytes, media: str, charset: str | None) -> RawDocument | Skipped:
    if media in HTML_TYPES or (not media and _looks_like_html(payload)):
        content_type = HTML_FORMAT
    elif media in TEXT_TYPES:
        content_type = TEXT_FORMAT
    else:
        return Skipped(uri, f"{rec.prefix}/{rec.type}/{_kind_part(media) if media else 'unknown'}")
    meta: dict[str, object] = {}
    for key, value in (("warc_record_id", rec.record_id), ("fetched_at", rec.fetched_at)):
        if value:
            meta[key] = value
    if rec.arc:
        meta["archive_format"] = "arc"
    return RawDocument(
        source_uri=uri,
        data=payload,
        source_format=WARC_FORMAT,
        url=rec.url,
        charset=charset,
        meta=meta,
        content_type=content_type,
    )


def read_warc(
    source_uri: str,
    stream: BinaryIO,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_ratio: float = DEFAULT_MAX_RATIO,
    document_records: Iterable[str] = (),
) -> Iterator[RawDocument | Reject | Skipped]:
    """Every record of a WARC, WARC.gz, ARC or ARC.gz file, as a raw document, a skipped record or a reject.

    ``document_records`` names record types read as documents too when their payload is HTML
    (``resource``); ``response`` and WET ``conversion`` records always are.
    """
    from warcio.archiveiterator import ArchiveIterator

    extra_types = frozenset(t.strip().lower() for t in document_records if t.strip()) - DOCUMENT_RECORDS
    inflater = _Inflater(stream, max_ratio)
    archive = ArchiveIterator(inflater, arc2warc=False)
    archive.loader = _loader()
    # Each item waits for the next record's headers: when no blank line follows a record, its
    # Content-Length stopped short of its data (warcio counts it in err_count, and reads on).
    held: RawDocument | Reject | Skipped | None = None
    errors = 0
    for item in _records(source_uri, archive, inflater, max_bytes, extra_types):
        if held is not None:
            yield _overrun(held) if archive.err_count > errors else held
        held, errors = item, archive.err_count
    if held is not None:
        yield _overrun(held) if archive.err_count > errors else held


def _overrun(item: RawDocument | Reject | Skipped) -> RawDocument | Reject | Skipped:
    """A document whose record was not followed by a blank line: its payload was cut at a wrong length."""
    if not isinstance(item, RawDocument):
        return item
    return Reject(
        item.source_uri,
        STAGE,
        RejectCode.TRUNCATED_RECORD,
        "the record's data goes on past its Content-Length (no blank line after it): its payload is cut short",
        raw_prefix(item.data),
    )


def _records(
    source_uri: str, archive, inflater: _Inflater, max_bytes: int, extra_types: frozenset[str]
) -> Iterator[RawDocument | Reject | Skipped]:
    records = iter(archive)
    index = 0
    last_cut = False  # the last record was already rejected as cut short
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except ReadError as exc:  # a gzip bomb or corrupt gzip, stopped by the inflater
            yield _stop_reject(f"{source_uri}#{index + 1}", exc, index)
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises many types for broken framing
            if inflater.error is not None:
                yield _stop_reject(f"{source_uri}#{index + 1}", inflater.error, index)
                return
            yield Reject(
                f"{source_uri}#{index + 1}",
                STAGE,
                RejectCode.TRUNCATED_GZIP if inflater.truncated else RejectCode.CORRUPT_WARC,
                f"{type(exc).__name__}: {exc}; records 1-{index} were read, the rest of the file is lost",
            )
            return
        index += 1
        last_cut = False
        uri = f"{source_uri}#{index}"
        rec = _Record(record)
        broken = rec.length_error()
        if broken and inflater.ended:  # the file ends inside the record's headers
            code = RejectCode.TRUNCATED_GZIP if inflater.truncated else RejectCode.TRUNCATED_RECORD
            yield Reject(uri, STAGE, code, f"the file ends inside the record's headers ({broken.removeprefix('the ')})")
            return
        if broken:
            yield Reject(
                uri, STAGE, RejectCode.CORRUPT_WARC, f"{broken}; records 1-{index - 1} were read, the rest is lost"
            )
            return
        skipped, media, charset = _policy(rec, extra_types)
        payload = b""
        try:
            if skipped:  # not read, only followed to its end: a cut-short record is still a reject
                content = record.raw_stream
                while content.read(_INFLATE_STEP):
                    pass
            else:
                content = record.content_stream()
                payload = content.read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield Reject(uri, STAGE, TOO_LARGE, f"payload longer than {max_bytes} bytes", raw_prefix(payload))
                    continue
                while content.read(_INFLATE_STEP):  # nothing should be left; reading it settles the length check
                    pass
        except Exception as exc:  # noqa: BLE001 - a bad chunked or compressed payload
            if inflater.error is not None:
                yield _stop_reject(uri, inflater.error, index - 1)
                return
            yield Reject(uri, STAGE, RejectCode.BAD_PAYLOAD, f"{type(exc).__name__}: {exc}")
            continue
        cut = _payload_cut(rec, None if skipped else content, getattr(record.raw_stream, "limit", 0) or 0)
        if cut:
            last_cut = True
            yield Reject(uri, STAGE, RejectCode.TRUNCATED_RECORD, cut, raw_prefix(payload))
            continue
        yield Skipped(uri, skipped) if skipped else _document(uri, rec, payload, media, charset)
    if inflater.error is not None:
        yield _stop_reject(f"{source_uri}#{index + 1}", inflater.error, index)
        return
    # warcio ends quietly when a file stops inside a record's headers or a gzip member.
    leftover = inflater.size - (getattr(archive, "offset", inflater.size) or 0)
    if (inflater.truncated or leftover > 0) and not last_cut:
        yield Reject(
            f"{source_uri}#{index + 1}",
            STAGE,
            RejectCode.TRUNCATED_GZIP if inflater.truncated else RejectCode.TRUNCATED_RECORD,
            f"the file ends inside a record ({leftover} bytes after record {index} were not a whole record)",
        )

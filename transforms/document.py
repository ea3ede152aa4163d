"""One raw document through every per-document stage: decode, extract, clean, fields.

``process_document`` never raises: whatever goes wrong becomes a :class:`Reject`
naming the stage, so one bad input can never stop a run.
"""

from __future__ import annotations

import datetime as dt
import traceback

from schemas.records import Article, RawDocument, Reject
from transforms import fields
from transforms.clean import clean_text
from transforms.decode import decode_bytes
from transforms.errors import StageError
from transforms.fingerprint import content_hash, doc_id
from transforms.read import raw_prefix
from transforms.text import word_count


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def document_to_article(raw: RawDocument, *, now: dt.datetime) -> Article:
    """The cleaned article for ``raw``; raises :class:`StageError` when there is none."""
    stage = "decode"
    try:
        text, _encoding = decode_bytes(raw.data, raw.charset)
        stage = "clean"
        cleaned = clean_text(text, today=now.date())
        if not cleaned.paragraphs:
            raise StageError("clean", "empty_after_cleaning", f"all {len(cleaned.removed)} lines were noise")
        stage = "fields"
        body = cleaned.text
        parsed_date, date_source = fields.choose_date(cleaned)
        authors, _author_source = fields.choose_authors([("text", cleaned.bylines)])
        return Article(
            doc_id=doc_id(raw.source_uri, raw.data),
            source_uri=raw.source_uri,
            url=raw.url,
            source_format=raw.source_format,
            title=cleaned.title,
            text=body,
            published_date=parsed_date.day if parsed_date else None,
            published_at=fields.published_at(parsed_date),
            date_source=date_source,
            authors=authors,
            contributors=list(cleaned.contributors),
            agency=fields.choose_agency(cleaned),
            dateline=cleaned.dateline.place if cleaned.dateline else None,
            language=cleaned.language,
            word_count=word_count(body),
            removed=list(cleaned.removed),
            content_hash=content_hash(body),
            ingested_at=now,
        )
    except StageError:
        raise
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        raise StageError(
            stage, f"exception:{type(exc).__name__}", f"{exc} (at {where.filename}:{where.lineno})"
        ) from exc


def process_document(raw: RawDocument, *, now: dt.datetime | None = None) -> Article | Reject:
    """An :class:`Article`, or a :class:`Reject` saying which stage failed and why."""
    now = now or _now()
    try:
        return document_to_article(raw, now=now)
    except StageError as exc:
        return Reject(
            source_uri=raw.source_uri,
            stage=exc.stage,
            error=exc.error,
            message=exc.message,
            raw_prefix=raw_prefix(raw.data),
            ingested_at=now,
        )

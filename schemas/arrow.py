"""The pyarrow schemas of the output, the single source of truth for columns."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pyarrow as pa

from newsclean.schemas.records import SCHEMA_VERSION, Article, Contributor, Reject, Removed

SCHEMA_METADATA_KEY = b"newsclean.schema_version"
_METADATA = {SCHEMA_METADATA_KEY: SCHEMA_VERSION.encode()}

_TS = pa.timestamp("us", tz="UTC")

CONTRIBUTOR_TYPE = pa.struct([("name", pa.string()), ("location", pa.string())])
REMOVED_TYPE = pa.struct([("rule", pa.string()), ("text", pa.string())])

ARTICLE_SCHEMA = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_uri", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("source_format", pa.string()),
        pa.field("title", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("published_date", pa.date32()),
        pa.field("published_at", _TS),
        pa.field("date_source", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("contributors", pa.list_(CONTRIBUTOR_TYPE)),
        pa.field("agency", pa.string()),
        pa.field("dateline", pa.string()),
        pa.field("language", pa.string()),
        pa.field("word_count", pa.int32()),
        pa.field("removed", pa.list_(REMOVED_TYPE)),
        pa.field("content_hash", pa.string()),
        pa.field("duplicate_of", pa.string()),
        pa.field("duplicate_kind", pa.string()),
        pa.field("ingested_at", _TS),
        pa.field("source_id", pa.string()),
        pa.field("encoding", pa.string()),
        pa.field("encoding_repaired", pa.bool_()),
    ],
    metadata=_METADATA,
)

REJECT_SCHEMA = pa.schema(
    [
        pa.field("source_uri", pa.string(), nullable=False),
        pa.field("stage", pa.string(), nullable=False),
        pa.field("error", pa.string(), nullable=False),
        pa.field("message", pa.string()),
        pa.field("raw_prefix", pa.string()),
        pa.field("ingested_at", _TS),
    ],
    metadata=_METADATA,
)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """pyarrow stores tz-aware datetimes as UTC; naive ones are taken as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def article_to_row(article: Article) -> dict:
    """An :class:`Article` as a dict whose keys and values fit ``ARTICLE_SCHEMA``: what
    ``dataclasses.asdict`` gives, built field by field (asdict deep-copies every value, and each
    article becomes a row up to three times in a default run)."""
    row = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    row["authors"] = list(article.authors)
    row["contributors"] = [{"name": c.name, "location": c.location} for c in article.contributors]
    row["removed"] = [{"rule": r.rule, "text": r.text} for r in article.removed]
    row["published_at"] = _utc(article.published_at)
    row["ingested_at"] = _utc(article.ingested_at)
    return row


def reject_to_row(reject: Reject) -> dict:
    """A :class:`Reject` as a dict whose keys and values fit ``REJECT_SCHEMA``."""
    row = dataclasses.asdict(reject)
    row["ingested_at"] = _utc(reject.ingested_at)
    return row


def row_to_article(row: dict) -> Article:
    """The :class:`Article` a row of ``ARTICLE_SCHEMA`` holds (the inverse of :func:`article_to_row`)."""
    values = dict(row)
    values["authors"] = list(values.get("authors") or [])
    values["contributors"] = [Contributor(**c) for c in values.get("contributors") or []]
    values["removed"] = [Removed(**r) for r in values.get("removed") or []]
    return Article(**values)

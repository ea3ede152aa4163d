"""Python record types that mirror the Parquet schemas in :mod:`newsclean.schemas.arrow`.

These are plain dataclasses so the pure transforms never need Beam or pyarrow;
``newsclean.schemas.arrow`` turns them into rows.
"""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass, field, fields

# Bump the major part when a contract column changes meaning or type,
# the minor part when columns are added.
SCHEMA_VERSION = "1.3"  # 1.1: source_id; 1.2: encoding, encoding_repaired; 1.3: duplicate_kind recapture


@dataclass(frozen=True)
class Contributor:
    """A person credited as contributing, with the place they reported from."""

    name: str
    location: str | None = None


@dataclass(frozen=True)
class Removed:
    """One stripped piece of text and the named rule that stripped it."""

    rule: str
    text: str


@dataclass
class RawDocument:
    """One input document before decoding.

    ``source_format`` is the container (text, html, jsonl, warc); ``content_type``
    says what ``data`` holds, ``"text"`` or ``"html"`` (a JSONL line may carry
    either). ``meta`` carries fields a container format already knows (a JSONL
    ``title``, ``date``, ``authors``, ``id`` ...), so later stages can prefer them.
    """

    source_uri: str
    data: bytes
    source_format: str = "text"
    url: str | None = None
    charset: str | None = None
    meta: dict[str, object] = field(default_factory=dict)
    content_type: str = "text"


@dataclass
class Article:
    """A cleaned document: one row of ``articles/*.parquet``."""

    doc_id: str
    source_uri: str
    text: str
    source_format: str = "text"
    url: str | None = None
    title: str | None = None
    published_date: dt.date | None = None
    published_at: dt.datetime | None = None
    date_source: str | None = None
    authors: list[str] = field(default_factory=list)
    contributors: list[Contributor] = field(default_factory=list)
    agency: str | None = None
    dateline: str | None = None
    language: str | None = None
    word_count: int = 0
    removed: list[Removed] = field(default_factory=list)
    content_hash: str | None = None
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact, near, spun, recapture (vocabulary.DuplicateKind)
    ingested_at: dt.datetime | None = None
    source_id: str | None = None  # the input's own id (a JSONL "id" field)
    encoding: str | None = (
        None  # the encoding the bytes were decoded with, a WHATWG name (utf-8, windows-1252, gbk ...)
    )
    encoding_repaired: bool = False  # ftfy repaired mojibake (double-encoded UTF-8 ...) in the decoded text

    def __reduce__(self) -> tuple:
        """Pickle compressed: between pipeline stages articles travel (and wait) as these bytes.

        A local runner holds every collection between stages in memory, and a
        cluster ships it over the network; zstd (pyarrow's, level 1) takes an
        article to about half its plain pickle in some tens of microseconds.
        """
        import pyarrow as pa  # imported here: the record types themselves need no pyarrow

        plain = pickle.dumps(tuple(getattr(self, name) for name in _ARTICLE_FIELDS), protocol=pickle.HIGHEST_PROTOCOL)
        return _unpack_article, (len(plain), pa.compress(plain, codec="zstd", asbytes=True))


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))


def _unpack_article(size: int, packed: bytes) -> Article:
    import pyarrow as pa

    return Article(*pickle.loads(pa.decompress(packed, decompressed_size=size, codec="zstd", asbytes=True)))


@dataclass
class Reject:
    """A document that could not be cleaned: one row of ``rejects/*.parquet``.

    ``stage`` names the pipeline stage (read, decode, clean ...), ``error`` a
    short machine-readable reason (empty, binary, undecodable ...).
    """

    source_uri: str
    stage: str
    error: str
    message: str = ""
    raw_prefix: str | None = None
    ingested_at: dt.datetime | None = None


@dataclass(frozen=True)
class Skipped:
    """An input record that is not a document (a WARC ``request``, an image, a 404 page): counted, not written.

    ``kind`` says what it was, as ``run.json``'s ``skipped_by_kind`` counts it:
    ``warc/request``, ``warc/response/404``, ``warc/response/image/png`` ...
    """

    source_uri: str
    kind: str

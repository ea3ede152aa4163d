"""Record contract: pyarrow schemas and the matching Python record types."""

from schemas.arrow import (
    ARTICLE_SCHEMA,
    REJECT_SCHEMA,
    SCHEMA_METADATA_KEY,
    article_to_row,
    reject_to_row,
)
from schemas.records import (
    SCHEMA_VERSION,
    Article,
    Contributor,
    RawDocument,
    Reject,
    Removed,
)

__all__ = [
    "ARTICLE_SCHEMA",
    "REJECT_SCHEMA",
    "SCHEMA_METADATA_KEY",
    "SCHEMA_VERSION",
    "Article",
    "Contributor",
    "RawDocument",
    "Reject",
    "Removed",
    "article_to_row",
    "reject_to_row",
]

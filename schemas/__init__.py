"""Record contract: pyarrow schemas and the matching Python record types.

The names below are imported on first use (PEP 562), so a process that only
builds records (the guard's child, which cleans documents) never loads pyarrow
(about 40 MB of RSS and 0.13 s of import a process).
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ARTICLE_SCHEMA": "newsclean.schemas.arrow",
    "REJECT_SCHEMA": "newsclean.schemas.arrow",
    "SCHEMA_METADATA_KEY": "newsclean.schemas.arrow",
    "article_to_row": "newsclean.schemas.arrow",
    "reject_to_row": "newsclean.schemas.arrow",
    "SCHEMA_VERSION": "newsclean.schemas.records",
    "Article": "newsclean.schemas.records",
    "Contributor": "newsclean.schemas.records",
    "RawDocument": "newsclean.schemas.records",
    "Reject": "newsclean.schemas.records",
    "Removed": "newsclean.schemas.records",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'schemas' has no attribute {name!r}")
    return getattr(importlib.import_module(_WHERE[name]), name)

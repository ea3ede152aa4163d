"""Choosing each metadata field from the candidates cleaning found.

One small function per field (newspaper4k's layout), each with a stated order
of preference, so a reader can see why a value won.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from transforms.clean import CleanedText
from transforms.dates import ParsedDate

# Most trusted first: the article's own byline and dateline, then the tail, then photo credits.
AGENCY_SOURCES = ("byline", "dateline", "tail", "credit")
# The input's own field first (a JSONL "date"), then the page's metadata, then the text.
DATE_SOURCES = ("jsonl", "html-meta", "header")


def choose_date(
    cleaned: CleanedText, extra: Iterable[tuple[str, ParsedDate]] = ()
) -> tuple[ParsedDate | None, str | None]:
    """The publication date and where it came from, by ``DATE_SOURCES`` order.

    ``extra`` adds candidates found outside the text (input fields, HTML metadata).
    """
    candidates = [*extra, *cleaned.dates]
    for source in DATE_SOURCES:
        for found_source, parsed in candidates:
            if found_source == source:
                return parsed, source
    return None, None


def choose_agency(cleaned: CleanedText) -> str | None:
    """The wire service credited, by ``AGENCY_SOURCES`` order."""
    for source in AGENCY_SOURCES:
        for found_source, agency in cleaned.agencies:
            if found_source == source:
                return agency
    return None


def published_at(parsed: ParsedDate | None) -> dt.datetime | None:
    """The instant, only when the text gave a time of day and a zone."""
    return parsed.at if parsed else None

"""The plain records that pass between stages inside one document's processing.

``schemas`` holds what a run writes; these are what cleaning and extraction find
on the way (dates, datelines, the clean text with its candidates, the page's
facts), so the fields stage can choose from them without importing either.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsclean.schemas.records import Contributor, Removed

# The kinds of content block extraction gives (the block rules of cleaning read them).
HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"
ROW = "row"
QUOTE = "quote"
CODE = "code"


@dataclass(frozen=True)
class Block:
    """One block of extracted content, with the kind of element it came from."""

    kind: str
    text: str
    level: int | None = None  # heading level (1 for h1 ...)


@dataclass(frozen=True)
class ParsedDate:
    """A date found in text, with the instant when time and zone are both known."""

    day: dt.date
    at: dt.datetime | None
    start: int
    end: int


@dataclass(frozen=True)
class Dateline:
    """A dateline split from the start of a paragraph."""

    place: str
    agency: str | None
    printed: str
    rest: str


@dataclass
class CleanedText:
    """What cleaning found: the body, what it removed and why, and the metadata it held."""

    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    dates: list[tuple[str, ParsedDate]] = field(default_factory=list)  # (source, date)
    dateline: Dateline | None = None
    contributors: list[Contributor] = field(default_factory=list)
    agencies: list[tuple[str, str]] = field(default_factory=list)  # (source, agency)
    bylines: list[str] = field(default_factory=list)  # byline lines as printed
    language: str | None = None  # ISO 639-1 of the clean body

    def add_agency(self, source: str, agency: str | None) -> None:
        """Record an agency credit once per source."""
        if agency and (source, agency) not in self.agencies:
            self.agencies.append((source, agency))

    @property
    def text(self) -> str:
        """The body as the contract wants it: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs)


@dataclass
class PageFacts:
    """What the extract stage knew about an HTML page: the one record it hands the fields stage."""

    title: str | None = None
    author_candidates: list[tuple[str, list[str]]] = field(default_factory=list)  # (source, raw names)
    authors: tuple[list[str], str | None] | None = None  # the page's own choice among them, and its source
    date_candidates: list[tuple[str, str]] = field(default_factory=list)  # (source, raw date)
    extractor_date: str | None = None
    not_names: frozenset[str] = frozenset()  # the site's own names, never an author
    url: str | None = None
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)

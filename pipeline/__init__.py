"""newsclean: clean raw news into described records, as a library or as a Beam pipeline.

The library entry points need no Beam::

    import newsclean
    record = newsclean.process(open("story.txt", "rb").read())   # an Article or a Reject
    cleaned = newsclean.clean_text("date 2025-01-17 Headline\\n\\nBody ...")

This package is the repository's ``pipeline/`` folder; ``newsclean.transforms``
(the cleaning, pure functions by stage) and ``newsclean.schemas`` (the records)
are its ``transforms/`` and ``schemas/`` folders. The CLI, graph and options
modules here are what import Beam, and only when they are used.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.schemas.records import Article, Reject
    from newsclean.transforms.cleaning.rules import RuleSet
    from newsclean.transforms.facts import CleanedText

__version__ = "0.1.0"
__all__ = ["__version__", "clean_text", "local_cores", "process"]

FORMATS = ("text", "html")
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html\b|<head\b|<\?xml[^>]*>\s*<html\b)", re.I)
_HTML_TAGS = re.compile(rb"<(?:body|article|div|p)\b", re.I)


def local_cores() -> int:
    """The cores this process may run on: the local runner's worker count (benchmarks use it too).

    Here, not in :mod:`newsclean.runners`, so callers need not import Beam."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def sniff_format(data: bytes) -> str:
    """``html`` when the bytes open as an HTML document or carry its block tags early, else ``text``."""
    head = data[:4096]
    return "html" if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 2 else "text"


def process(
    data: bytes | str,
    *,
    format: str | None = None,
    url: str | None = None,
    rules: RuleSet | str | None = None,
    source_uri: str = "<memory>",
    now: dt.datetime | None = None,
) -> Article | Reject:
    """One document, cleaned: an :class:`~newsclean.schemas.records.Article`, or a
    :class:`~newsclean.schemas.records.Reject` naming the stage that failed. Never raises on bad input.

    ``format`` is ``text`` or ``html`` (sniffed from the bytes when None); ``rules`` a
    :class:`RuleSet` or the path of a rules file (TOML/JSON, as ``--rules``); ``now`` the
    clock for ``ingested_at`` and for refusing future dates."""
    from newsclean.schemas.records import RawDocument
    from newsclean.transforms.document import process_document

    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    kind = format or sniff_format(raw)
    if kind not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    document = RawDocument(source_uri=source_uri, data=raw, source_format=kind, url=url, content_type=kind)
    options = {"rules": _rules(rules)} if rules is not None else {}
    return process_document(document, now=now, **options)


def clean_text(text: str, *, rules: RuleSet | str | None = None, today: dt.date | None = None) -> CleanedText:
    """The line and paragraph cleaning of plain text alone: the clean paragraphs, every removed
    piece with its rule, and the metadata those pieces held (header date, dateline, contributors,
    agencies, title, bylines, language). ``today`` bounds the dates it accepts."""
    from newsclean.transforms.cleaning.clean import clean_text as clean

    options = {"rules": _rules(rules)} if rules is not None else {}
    return clean(text, today=today or dt.date.today(), **options)


def _rules(rules: RuleSet | str) -> RuleSet:
    if isinstance(rules, str):
        from newsclean.transforms.cleaning.rules_file import rules_option

        return rules_option(rules)
    return rules

"""Dates a page prints: <time> elements, the text around the headline, and dates in the URL."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from newsclean.transforms.extraction.patterns import (
    BEFORE_HEADLINE_CHARS,
    BEFORE_HEADLINE_ELEMENTS,
    HIDDEN,
    UPDATE_WORD,
    UPDATED_LABEL,
    URL_DATE,
    VISIBLE_DATE_CHARS,
)
from newsclean.transforms.extraction.tree import PageMeta, PageScan, element_text, short_text
from newsclean.transforms.vocabulary import FieldSource


def _is_update(element) -> bool:
    """A ``<time>`` that states a modification: ``itemprop="dateModified"`` or a text saying ``Updated``."""
    return (element.get("itemprop") or "").lower() == "datemodified" or bool(
        UPDATE_WORD.search(short_text(element) or "")
    )


def time_elements(scan: PageScan, meta: PageMeta, under_headline=None) -> None:
    """A ``<time>`` marked as the publication (itemprop, pubdate, class), else the first one under the
    headline (``under_headline``), else the first in the article, header or main."""
    for element in scan.published:
        if element.tag == "time" and _is_update(element):
            continue
        value = element.get("datetime") or element.get("content") or element_text(element)
        if value:
            meta.dates.append((FieldSource.TIME, value))
            return
    fallback = [under_headline] if under_headline is not None else []
    inside = (t for t in scan.times if any(a.tag in ("article", "header", "main") for a in t.iterancestors()))
    for element in fallback or islice(inside, 3):
        if _is_update(element):
            continue
        value = element.get("datetime") or element_text(element)
        if value:
            meta.dates.append((FieldSource.TIME, value))
        return


def _time_value(element) -> str | None:
    """A ``<time>``'s own text, or its ``datetime`` when the printed text gives no day (``03/01/2017``,
    ``2 days ago``) and says nothing of an update (``Last Updated: …`` stays excluded by its label)."""
    from newsclean.transforms.fields.dates import find_date

    printed = short_text(element) or ""
    stamp = element.get("datetime")
    if not stamp or find_date(printed) is not None or UPDATE_WORD.search(printed):
        return element.text
    return stamp


def headline_text(tree) -> tuple[str, str, object]:
    """Visible text from the page's first ``<h1>`` on (the body's start when there is none), about 600 chars,
    and the last ~200 chars of visible text just before that ``<h1>``, and the first ``<time>`` in that window.

    Both are read outward from the ``<h1>``, so nothing before it is walked but the ~200 chars.
    A ``<time datetime="…">`` contributes its machine-readable value instead of its own text when that
    text gives no day, so an ambiguous ``03/01/2017`` printed inside it still gives its day.
    """
    body = tree.find("body")
    if body is None:
        return "", "", None
    h1 = next(body.iter("h1"), None)
    first_time = None
    parts: list[str] = []
    size = 0
    for text, element in _following_texts(h1) if h1 is not None else _forward_texts(body):
        if element is not None and element.tag == "time" and first_time is None and h1 is not None:
            first_time = element
        if text and text.strip():
            parts.append(" ".join(text.split()))
            size += len(parts[-1])
            if size > VISIBLE_DATE_CHARS:
                break
    return " | ".join(parts), (_text_before(h1) if h1 is not None else ""), first_time


def _forward_texts(element) -> Iterator[tuple[str | None, object]]:
    """The visible texts of ``element`` in reading order, each with the element whose own text it is
    (None for the text after an element); hidden regions skipped, read lazily."""
    yield (_time_value(element) if element.tag == "time" else element.text), element
    for child in element:
        if isinstance(child.tag, str) and child.tag not in HIDDEN:
            yield from _forward_texts(child)
        if child.tail:
            yield child.tail, None


def _following_texts(h1) -> Iterator[tuple[str | None, object]]:
    """:func:`_forward_texts` of ``h1``, then of everything after it in the page, climbing its ancestors."""
    yield from _forward_texts(h1)
    node = h1
    while node.getparent() is not None and node.tag != "body":
        if not any(a.tag in HIDDEN for a in node.iterancestors()):
            if node.tail:
                yield node.tail, None
            for sibling in node.itersiblings():
                if isinstance(sibling.tag, str) and sibling.tag not in HIDDEN:
                    yield from _forward_texts(sibling)
                if sibling.tail:
                    yield sibling.tail, None
        node = node.getparent()


def _reversed_texts(element, budget: list[int]) -> Iterator[str]:
    """The visible texts inside ``element`` (and the text after its children), last first, hidden regions
    skipped, read lazily; each element read spends one of ``budget``."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    for child in reversed(element):
        if child.tail and child.tail.strip():
            yield child.tail
        if isinstance(child.tag, str) and child.tag not in HIDDEN:
            yield from _reversed_texts(child, budget)
            if budget[0] < 0:
                return
    own = _time_value(element) if element.tag == "time" else element.text
    if own and own.strip():
        yield own


def _preceding_texts(h1, budget: list[int]) -> Iterator[str]:
    """The visible texts before ``h1``, nearest first: earlier siblings, then the parent's own text, climbing."""
    node = h1
    while budget[0] >= 0:
        for sibling in node.itersiblings(preceding=True):
            if sibling.tail and sibling.tail.strip():
                yield sibling.tail
            if isinstance(sibling.tag, str) and sibling.tag not in HIDDEN:
                yield from _reversed_texts(sibling, budget)
            else:
                budget[0] -= 1
            if budget[0] < 0:
                return
        node = node.getparent()
        if node is None or node.tag == "body" or node.tag in HIDDEN:
            return
        if node.text and node.text.strip():
            yield node.text


def _text_before(h1) -> str:
    """About ``BEFORE_HEADLINE_CHARS`` of visible text just above ``h1``, read backwards from it."""
    found: list[str] = []
    size = 0
    for text in _preceding_texts(h1, [BEFORE_HEADLINE_ELEMENTS]):
        found.append(" ".join(text.split()))
        size += len(found[-1])
        if size >= BEFORE_HEADLINE_CHARS:
            break
    return " | ".join(reversed(found))[-BEFORE_HEADLINE_CHARS:]


def visible_dates(after: str, before: str) -> list[tuple[str, str]]:
    """Dates printed near the headline (``visible``; the texts :func:`headline_text` reads), except those
    labelled as updates: below it first, then just above it (a kicker line)."""
    from newsclean.transforms.fields.dates import find_all_dates

    found_dates = []
    for text in (after, before):
        for found in find_all_dates(text)[:3]:
            if not UPDATED_LABEL.search(text[max(0, found.start - 30) : found.start]):
                found_dates.append((FieldSource.VISIBLE, text[found.start : found.end]))
    return found_dates


def url_date(url: str | None) -> str | None:
    """``2025-01-17`` for ``https://site/2025/01/17/story``; None when the URL has no full date."""
    if not url:
        return None
    match = URL_DATE.search(url)
    if not match:
        return None
    y, m, d = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"

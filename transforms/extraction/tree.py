"""The page tree's shared pieces: the PageMeta record the readers fill, and text and region walkers."""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.etree
import lxml.html

from newsclean.transforms.extraction.patterns import COMMENTS, SLUG_TOKEN


@dataclass
class PageMeta:
    """What a page says about itself, each candidate with where it came from."""

    title: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    authors: list[tuple[str, list[str]]] = field(default_factory=list)  # (source, raw names)
    dates: list[tuple[str, str]] = field(default_factory=list)  # (source, raw date text)
    modified: list[tuple[str, str]] = field(default_factory=list)


def element_text(element) -> str:
    """Visible text with a space between nodes, so ``<b>Jane Doe</b><i>Editor</i>`` stays two words."""
    parts = [t for t in element.itertext() if t and t.strip()]
    return " ".join(" ".join(parts).split())


def short_text(element, limit: int = 120) -> str | None:
    """:func:`element_text` when it is under ``limit`` characters, else None, without reading further.

    Byline searches look at hundreds of elements; a container's whole text (the
    article itself) is what they skip, so it is never joined.
    """
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        if text and text.strip():
            parts.append(text)
            size += len(text)
            if size > 4 * limit:  # whitespace collapses, so stop only well past the limit
                return None
    joined = " ".join(" ".join(parts).split())
    return joined if len(joined) < limit else None


def headline_wrappers(tree) -> frozenset:
    """The elements enclosing the page's first ``<h1>``: a ``<nav>`` or ``<footer>`` among them is broken
    markup wrapping the whole article (legalzoom.com), not a menu, and its bylines count."""
    first = next(iter(tree.xpath("//body//h1[1]")), None)
    return frozenset(first.iterancestors()) if first is not None else frozenset()


def in_region(element, tags, wrappers: frozenset) -> bool:
    """Whether an ancestor of ``element`` is one of ``tags`` (and not a wrapper of the headline)."""
    return any(a.tag in tags and a not in wrappers for a in element.iterancestors())


def element_label(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def in_comments(element) -> bool:
    """Whether ``element`` sits in a comment thread (a class or id saying comments, replies, discussion)."""
    return any(COMMENTS.search(element_label(a)) for a in element.iterancestors())


def fold_words(text: str) -> list[str]:
    """Lower-case tokens without accents: ``Martínez-Beltrán`` -> ``martinez``, ``beltran``."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return SLUG_TOKEN.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def element_sibling(element, step: int):
    """The element just before (``step`` -1) or after (+1) ``element``, past comments and processing
    instructions (whose text cannot be read as an element's)."""
    return next(element.itersiblings(lxml.etree.Element, preceding=step < 0), None)

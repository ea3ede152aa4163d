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


def headline_wrappers(scan: PageScan) -> frozenset:
    """The elements enclosing the page's first ``<h1>``: a ``<nav>`` or ``<footer>`` among them is broken
    markup wrapping the whole article (legalzoom.com), not a menu, and its bylines count."""
    first = scan.first_h1
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


@dataclass
class PageScan:
    """What the metadata readers look up in a page, gathered in one walk of its tree.

    Each reader used to run its own XPath over the whole tree (about 0.1 to 0.4 ms each, a
    dozen a page); each list here keeps document order, as those XPaths gave it.
    """

    labelled: list[tuple[object, str, str]] = field(default_factory=list)  # the body's: (element, class, id)
    item_authors: list = field(default_factory=list)  # itemprop="author"
    rel_authors: list = field(default_factory=list)  # <a> whose rel holds the word author
    published: list = field(default_factory=list)  # itemprop="datePublished", or a <time> saying it is
    times: list = field(default_factory=list)  # every <time>
    links: list[tuple[object, str]] = field(default_factory=list)  # the body's <a href>: (element, href)
    scripts: list = field(default_factory=list)  # every <script>
    canonical: str | None = None  # the first <link rel="canonical">'s href
    first_h1: object = None  # the body's first <h1>
    first_article: object = None  # the first <article> or <main>


_XML_SPACE = str.maketrans("\t\r\n", "   ")  # normalize-space() separates words at these and spaces only
_NOTED = frozenset(("time", "script", "h1", "article", "main"))


def scan_page(tree) -> PageScan:
    """One walk of ``tree`` gathering :class:`PageScan`; the body is the first ``<body>`` (the parser makes one)."""
    scan = PageScan()
    body = next(tree.iter("body"), None)
    after_body = None  # the first element after the body's subtree: where the body ends
    node = body
    while node is not None and after_body is None:
        after_body = node.getnext()
        while after_body is not None and not isinstance(after_body.tag, str):
            after_body = after_body.getnext()
        node = node.getparent()
    in_body = False
    labelled, links = scan.labelled, scan.links
    for element in tree.iter(lxml.etree.Element):
        tag = element.tag
        label, name = element.get("class"), element.get("id")
        if element is body:
            in_body = True
        elif element is after_body:
            in_body = False
        elif in_body and (label is not None or name is not None):
            labelled.append((element, label or "", name or ""))
        if len(element.attrib) > (label is not None) + (name is not None):  # an attribute besides these two
            if tag == "a":
                if in_body and (href := element.get("href")) is not None:
                    links.append((element, href))
                rel = element.get("rel")
                if rel is not None and "author" in rel and " author " in f" {rel.translate(_XML_SPACE)} ":
                    scan.rel_authors.append(element)
            prop = element.get("itemprop")
            if prop == "author":
                scan.item_authors.append(element)
            if prop == "datePublished" or (
                tag == "time"
                and (element.get("pubdate") is not None or "publish" in (label or "") or "posted" in (label or ""))
            ):
                scan.published.append(element)
            if tag == "link" and scan.canonical is None and element.get("rel") == "canonical":
                scan.canonical = element.get("href")
        elif tag == "time" and ("publish" in (label or "") or "posted" in (label or "")):
            scan.published.append(element)
        if tag in _NOTED:
            if tag == "time":
                scan.times.append(element)
            elif tag == "script":
                scan.scripts.append(element)
            elif tag == "h1":
                if in_body and scan.first_h1 is None:
                    scan.first_h1 = element
            elif scan.first_article is None:
                scan.first_article = element
    return scan

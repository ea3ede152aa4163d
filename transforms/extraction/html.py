"""HTML to article blocks and page metadata, through trafilatura.

trafilatura finds the main content and the page's metadata (title, authors,
date, site name, canonical URL, language). We take its content as an XML tree
rather than its text output, so every block keeps its kind (heading, paragraph,
list item, table row, quote, code): the section rules in
:mod:`newsclean.transforms.cleaning.sections` need that, and the line rules of
:mod:`newsclean.transforms.cleaning.clean` then run on the same text the plain-text path cleans.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import regex

from newsclean.transforms.cleaning.language_codes import iso639_1
from newsclean.transforms.errors import StageError
from newsclean.transforms.extraction import trafilatura_adapter
from newsclean.transforms.facts import CODE, HEADING, ITEM, PARAGRAPH, QUOTE, ROW, Block
from newsclean.transforms.vocabulary import RejectCode, Stage

STAGE = Stage.EXTRACT

# trafilatura XML tags for blocks, and the kind each becomes.
_BLOCK_KINDS = {"p": PARAGRAPH, "head": HEADING, "quote": QUOTE, "code": CODE, "item": ITEM}
# Tags whose content starts a new line inside a block's text.
_LINE_TAGS = frozenset({"list", "item", "p", "head", "row", "quote", "code", "table"})
_SPACES = regex.compile(r"[^\S\n]+")

# trafilatura logs every page it finds too short; that is a reject here, not a warning.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass
class PageMetadata:
    """What trafilatura read from the page besides the content, as it said it.

    ``author`` is its ``"A; B"`` string and ``date`` its ISO day: the field
    choosers in :mod:`newsclean.transforms.fields.choose` weigh them against the page's own
    metadata (:mod:`newsclean.transforms.extraction.page_meta`).
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass
class HtmlExtraction:
    """The content blocks of a page and its metadata."""

    blocks: list[Block]
    metadata: PageMetadata


def _text_of(element) -> str:
    """An element's text with ``<lb/>`` and nested blocks as line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _LINE_TAGS:
            parts.append("\n" + _text_of(child) + "\n")
        elif child.tag == "cell":
            parts.append(" " + _text_of(child) + " ")
        else:
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _heading_level(rend: str | None) -> int | None:
    if rend and len(rend) == 2 and rend[0] == "h" and rend[1].isdigit():
        return int(rend[1])
    return None


def body_blocks(body) -> list[Block]:
    """The blocks of a trafilatura ``<body>`` tree, in document order."""
    blocks: list[Block] = []

    def add(kind: str, text: str, level: int | None = None) -> None:
        text = _tidy(text)
        if text:
            blocks.append(Block(kind, text, level))

    def walk(parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == "list":
                walk(child)
            elif tag == "item" and (child.find(".//list") is not None or child.find("p") is not None):
                add(ITEM, child.text or "")
                walk(child)
            elif tag == "table":
                for row in child.iter("row"):
                    cells = [_tidy(_text_of(cell)).replace("\n", " ") for cell in row.iter("cell")]
                    add(ROW, " | ".join(cell for cell in cells if cell))
            elif tag in ("div", "section", "body"):
                walk(child)
            elif tag != "lb":
                add(_BLOCK_KINDS.get(tag, PARAGRAPH), _text_of(child), _heading_level(child.get("rend")))
            if child.tail and child.tail.strip():
                add(PARAGRAPH, child.tail)

    walk(body)
    return blocks


# Tag by tag: one pattern over the page with two lazy runs inside a tag tried every way
# ("<meta http-equiv=content-language " repeated) took seconds per page.
_LANGUAGE_TAG = regex.compile(r"<(html|meta)\b[^<>]*", regex.I)  # a tag ends at the next < or >: linear
_LANG_ATTRIBUTE = regex.compile(r"\s(?:xml:)?lang\s*=\s*[\"']?([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)*)", regex.I)
_LANGUAGE_META = regex.compile(r"http-equiv\s*=\s*[\"']?content-language|property\s*=\s*[\"']?og:locale", regex.I)
_CONTENT_LANGUAGE = regex.compile(r"content\s*=\s*[\"']?([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)*)", regex.I)


def declared_language(html: str) -> str | None:
    """The language a page declares (``<html lang>``, content-language, ``og:locale``), ISO 639-1."""
    for tag in _LANGUAGE_TAG.finditer(html[:20000], timeout=1.0):
        text = tag.group()
        if tag.group(1).lower() == "html":
            found = _LANG_ATTRIBUTE.search(text, timeout=1.0)
        else:
            marker = _LANGUAGE_META.search(text, timeout=1.0)
            found = _CONTENT_LANGUAGE.search(text, marker.end(), timeout=1.0) if marker else None
        if found:
            return iso639_1(found.group(1))
    return None


_VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"


def visible_language(tree) -> str | None:
    """The language of a page's visible text (:func:`newsclean.transforms.cleaning.language.detect_language`), for pages
    that declare none."""
    from newsclean.transforms.cleaning.language import MAX_CHARS, detect_language

    sample: list[str] = []
    size = 0
    for text in tree.xpath(_VISIBLE_TEXT):
        if text.strip():
            sample.append(text.strip())
            size += len(sample[-1])
            if size >= MAX_CHARS:
                break
    return detect_language(" ".join(sample))


def _blocks(document) -> list[Block]:
    return body_blocks(document.body) if document is not None and document.body is not None else []


def _words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def html_metadata(html: str, url: str | None, tree) -> PageMetadata:
    """trafilatura's reading of the page's metadata (less its markup byline search), from the parsed ``tree``."""
    declared = declared_language(html) if isinstance(html, str) else None
    if declared:
        languages: trafilatura_adapter.DateLanguages = trafilatura_adapter.date_languages(declared)
    else:  # read only if htmldate asks for dateparser (few pages do)
        languages = lambda: trafilatura_adapter.date_languages(visible_language(tree))  # noqa: E731
    found = trafilatura_adapter.page_metadata(tree, url, languages, search_author=False)
    return PageMetadata(
        title=(found.title or "").strip() or None,
        author=(found.author or "").strip() or None,
        date=found.date or None,
        sitename=(found.sitename or "").strip() or None,
        url=found.url or None,
        language=iso639_1(found.language) or declared,
    )


# Whether trafilatura's pass skips its comparison with readability and jusText (its ``fast``): a
# sixth of the pass's time, but it costs wcxb-dev's bodies a little, and scores come first
# (docs/inputs.md has the figures).
FAST_RECALL_PASS = False


def main_blocks(tree, url: str | None) -> list[Block]:
    """The main content blocks of the page ``tree`` (which this prunes: read it before, not after).

    trafilatura runs once, with ``favor_recall`` (on news and blog pages it keeps more of
    the story without keeping more boilerplate: our own rules remove that). When that
    covers little of the page, jusText's reading of it is tried as trafilatura's own
    escalation tries it, and kept when much longer. Raises :class:`StageError`
    (``extract/no_content``) when there is no main content.
    """
    found = trafilatura_adapter.main_content(tree, url, fast=FAST_RECALL_PASS)
    if found is None:
        raise StageError(STAGE, RejectCode.NO_CONTENT, "trafilatura found no main content")
    body, text = found
    blocks = body_blocks(body)
    rescue = trafilatura_adapter.justext_candidate(tree, text)
    if rescue is not None:
        blocks = body_blocks(rescue)
    if not blocks:
        raise StageError(STAGE, RejectCode.NO_CONTENT, "trafilatura found no main content")
    return blocks


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """The main content blocks and metadata of one page (:func:`html_metadata`, :func:`main_blocks`)."""
    tree = trafilatura_adapter.load_html(html)
    if tree is None:
        raise StageError(STAGE, RejectCode.NO_CONTENT, "trafilatura found no main content")
    # metadata first, as trafilatura orders it: its canonical URL goes to the extractor
    metadata = html_metadata(html, url, tree)
    return HtmlExtraction(main_blocks(tree, url or metadata.url), metadata)

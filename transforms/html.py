"""HTML to article blocks and page metadata, through trafilatura.

trafilatura finds the main content and the page's metadata (title, authors,
date, site name, canonical URL, language). We take its content as an XML tree
rather than its text output, so every block keeps its kind (heading, paragraph,
list item, table row, quote, code): the section rules in
:mod:`transforms.sections` need that, and the line rules of
:mod:`transforms.clean` then run on the same text the plain-text path cleans.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from transforms.errors import StageError

STAGE = "extract"

HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"
ROW = "row"
QUOTE = "quote"
CODE = "code"

# trafilatura XML tags for blocks, and the kind each becomes.
_BLOCK_KINDS = {"p": PARAGRAPH, "head": HEADING, "quote": QUOTE, "code": CODE, "item": ITEM}
# Tags whose content starts a new line inside a block's text.
_LINE_TAGS = frozenset({"list", "item", "p", "head", "row", "quote", "code", "table"})
_SPACES = regex.compile(r"[^\S\n]+")

# trafilatura logs every page it finds too short; that is a reject here, not a warning.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Block:
    """One block of extracted content, with the kind of element it came from."""

    kind: str
    text: str
    level: int | None = None  # heading level (1 for h1 ...)


@dataclass
class PageMetadata:
    """What trafilatura read from the page besides the content, as it said it.

    ``author`` is its ``"A; B"`` string and ``date`` its ISO day: the field
    choosers in :mod:`transforms.fields` weigh them against the page's own
    metadata (:mod:`transforms.html_meta`).
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
            return _language_code(found.group(1))
    return None


def _language_code(value: str | None) -> str | None:
    """``en`` for ``en-US`` / ``en_GB``: the contract stores ISO 639-1 codes."""
    code = regex.split(r"[-_]", (value or "").strip().casefold())[0]
    return code if len(code) == 2 and code.isalpha() else None


@lru_cache(maxsize=1)
def _fast_parser():
    """trafilatura's HTML parser with lxml's element classes chosen in C.

    ``lxml.html`` picks each element's Python class with a Python method, called
    every time an element is touched from Python (about 6,000 times a page, in
    trafilatura's passes and ours). Here every element is a plain ``HtmlElement``:
    only form elements lose their form helpers, which neither trafilatura nor we
    use (the same output on all 711 wcxb-dev pages). Copies of the tree keep it.
    """
    from lxml import etree
    from lxml import html as lxml_html
    from trafilatura.utils import HTML_PARSER

    parser = lxml_html.HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    return HTML_PARSER, parser


def parse_html(html: str):
    """The page as trafilatura parses it, to share one parse between extraction and metadata.

    None when there is no tree to be had. trafilatura copies a tree it is given,
    so the same tree can feed both of its passes and :func:`page_metadata`.
    trafilatura's own ``load_html`` (its decoding, repairs and fallbacks) runs
    with :func:`_fast_parser` in place of its module's parser.
    """
    from trafilatura import utils

    theirs, ours = _fast_parser()
    utils.HTML_PARSER = ours
    try:
        return utils.load_html(html)
    finally:
        utils.HTML_PARSER = theirs


def _trafilatura(html, url: str | None, *, favor_recall: bool):
    """The content only: page metadata comes from :func:`_trafilatura_metadata`, once."""
    import trafilatura  # heavy import, only where HTML is read

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=False,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        deduplicate=False,  # its per-process cache would make output depend on document order
    )


# htmldate's last resort for a date written in words is dateparser over all of
# its 205 locales: each string no locale claims is tried against every one,
# compiling each locale's patterns on first use. When the page declares its
# language, only that language and English are tried (the same dates on all 711
# wcxb-dev pages, ~8% less CPU a page in one process, more in a fresh worker). A page
# that declares none is read in the language of its visible text.
_DATE_LANGUAGES: contextvars.ContextVar[tuple[str, ...] | None] = contextvars.ContextVar(
    "newsclean_date_languages", default=None
)
# htmldate's own dateparser settings (htmldate.extractors.get_external_parser); a test checks they agree.
DATEPARSER_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}


@lru_cache(maxsize=64)
def _language_date_parser(languages: tuple[str, ...]):
    from dateparser import DateDataParser

    return DateDataParser(languages=list(languages), settings=DATEPARSER_SETTINGS)


_VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"


def visible_language(tree) -> str | None:
    """The language of a page's visible text (:func:`transforms.language.detect_language`), for pages
    that declare none."""
    from transforms.language import MAX_CHARS, detect_language

    sample: list[str] = []
    size = 0
    for text in tree.xpath(_VISIBLE_TEXT):
        if text.strip():
            sample.append(text.strip())
            size += len(sample[-1])
            if size >= MAX_CHARS:
                break
    return detect_language(" ".join(sample))


def date_languages(declared: str | None) -> tuple[str, ...] | None:
    """The languages dateparser tries on a page in ``declared``; None (all of them) when unknown."""
    from dateparser.data import language_locale_dict

    if declared is None or declared not in language_locale_dict:
        return None
    return tuple(dict.fromkeys((declared, "en")))


@lru_cache(maxsize=1)
def _install_date_parser_hook() -> None:
    """Make htmldate ask us for its dateparser; outside :func:`_dates_in` it gets its own, unchanged."""
    from htmldate import extractors

    htmldate_parser = extractors.get_external_parser

    def external_parser():
        languages = _DATE_LANGUAGES.get()
        return _language_date_parser(languages) if languages else htmldate_parser()

    extractors.get_external_parser = external_parser


@contextlib.contextmanager
def _dates_in(languages: tuple[str, ...] | None) -> Iterator[None]:
    _install_date_parser_hook()
    token = _DATE_LANGUAGES.set(languages)
    try:
        yield
    finally:
        _DATE_LANGUAGES.reset(token)


def _trafilatura_metadata(
    tree, url: str | None, date_languages: tuple[str, ...] | None = None, *, search_author: bool = True
):
    """trafilatura's ``extract_metadata`` less what no record of ours holds.

    The same steps in the same order (meta tags, JSON-LD, title, author, URL,
    htmldate, site name, then its trimming), without the category, tag and
    licence searches that cost about a tenth of a page's extraction. trafilatura
    is pinned (constraints.txt); a test checks the fields we read agree with
    its own ``extract_metadata``.
    """
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = tm.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's own guard: bugs in its JSON-LD reader
        pass
    if not meta.title:
        meta.title = tm.extract_title(tree)
    if not meta.author and search_author:
        meta.author = tm.extract_author(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    # what bare_extraction passes by default: its configuration's extensive date search
    date_config = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    date_config["url"] = meta.url
    with _dates_in(date_languages):
        meta.date = find_date(tree, **date_config)
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url:
        found = tm.META_URL.match(meta.url)
        if found:
            meta.sitename = found[1]
    meta.clean_and_trim()
    return meta


def trafilatura_author(tree) -> str | None:
    """trafilatura's search of the page's markup for a byline (the step ``extract_html`` leaves out).

    It copies and prunes the whole tree (~10 ms a page), so it runs only when no
    source of our own names anyone (``transforms.document``); trimmed as
    trafilatura trims its metadata.
    """
    from html import unescape

    from trafilatura import metadata as tm
    from trafilatura.utils import line_processing

    found = tm.extract_author(tree)
    if not found:
        return None
    return line_processing(unescape(found if len(found) <= 10000 else found[:9999] + "…")) or None


def _blocks(document) -> list[Block]:
    return body_blocks(document.body) if document is not None and document.body is not None else []


def _words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


# Below this many words the recall-oriented pass may have taken the wrong part
# of the page; the default pass then runs too and the longer result wins.
SECOND_PASS_WORDS = 500
SECOND_PASS_GAIN = 1.1


def extract_html(html: str, url: str | None = None, tree=None) -> HtmlExtraction:
    """The main content blocks and metadata of one page.

    trafilatura runs with ``favor_recall`` (on news and blog pages it keeps more
    of the story without keeping more boilerplate: our own rules remove that);
    when that finds little, its default pass runs as well and the longer
    content is kept. Raises :class:`StageError` (``extract/no_content``) when
    neither finds main content.
    """
    from trafilatura.utils import load_html

    tree = tree if tree is not None else load_html(html)
    if tree is None:
        raise StageError(STAGE, "no_content", "trafilatura found no main content")
    declared = declared_language(html) if isinstance(html, str) else None
    # metadata first, as trafilatura orders it: its canonical URL goes to the extractor
    found = _trafilatura_metadata(tree, url, date_languages(declared or visible_language(tree)), search_author=False)
    page_url = url or found.url
    blocks = _blocks(_trafilatura(tree, page_url, favor_recall=True))
    if _words(blocks) < SECOND_PASS_WORDS:
        second_blocks = _blocks(_trafilatura(tree, page_url, favor_recall=False))
        if _words(second_blocks) > SECOND_PASS_GAIN * _words(blocks):
            blocks = second_blocks
    if not blocks:
        raise StageError(STAGE, "no_content", "trafilatura found no main content")
    metadata = PageMetadata(
        title=(found.title or "").strip() or None,
        author=(found.author or "").strip() or None,
        date=found.date or None,
        sitename=(found.sitename or "").strip() or None,
        url=found.url or None,
        language=_language_code(found.language) or declared,
    )
    return HtmlExtraction(blocks, metadata)

"""trafilatura and htmldate, as newsclean uses them: the one module that reaches into them.

It owns every departure from calling them plainly, each scoped to our own calls:
- pages are parsed by :func:`load_html`, trafilatura's own decoding, repair and
  fallback steps run with a parser whose element classes lxml picks in C (lxml.html
  looks each one up in Python, ~6,000 times a page); trafilatura's module parser is
  never swapped, so other callers in the process see it unchanged;
- htmldate asks :func:`_install_date_parser_hook`'s function for its dateparser; it
  answers with a page's languages only inside :func:`dates_in`, and with htmldate's
  own parser everywhere else;
- :func:`page_metadata` repeats trafilatura's ``extract_metadata`` steps less the
  fields no record holds.
The versions these were written against are pinned in ``constraints.txt`` and
checked by :func:`check_versions` (a test runs it).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from functools import lru_cache

# What the adapter was written and tested against (constraints.txt pins the same).
PINNED = {"trafilatura": "2.3.1", "htmldate": "1.11.0"}


def check_versions() -> dict[str, str]:
    """The installed versions of the adapted packages that differ from :data:`PINNED` (empty when all agree)."""
    from importlib.metadata import version

    installed = {name: version(name) for name in PINNED}
    return {name: found for name, found in installed.items() if found != PINNED[name]}


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


def load_html(html: str | bytes):
    """The page as trafilatura's ``load_html`` parses it, with :func:`_fast_parser`'s parser.

    The same steps in the same order (decode, dubious-HTML check, repair, string
    parse, bytes fallback, rejection of a one-child non-HTML tree), calling
    trafilatura's own helpers; None when there is no tree to be had. trafilatura
    copies a tree it is given, so one parse can feed both of its passes and the
    page-metadata readers.
    """
    from lxml.html import HtmlElement, fromstring
    from trafilatura import utils

    if isinstance(html, HtmlElement):
        return html
    if not isinstance(html, (bytes, str)):
        raise TypeError("incompatible input type", type(html))
    _theirs, parser = _fast_parser()

    def from_bytes(text: str):
        try:
            return fromstring(text.encode("utf8", "surrogatepass"), parser=parser)
        except Exception:  # noqa: BLE001 - trafilatura's own guard: lxml raises many kinds
            return None

    text = utils.decode_file(html)
    beginning = text[:50].lower()
    dubious = utils.is_dubious_html(beginning)
    text = utils.repair_faulty_html(text, beginning)
    tree, fallback = None, False
    try:
        tree = fromstring(text, parser=parser)
    except ValueError:  # a str with an encoding declaration
        tree, fallback = from_bytes(text), True
    except Exception:  # noqa: BLE001 - as trafilatura: a parse that fails is no tree
        tree = None
    if (tree is None or len(tree) < 1) and not fallback:
        tree = from_bytes(text)
    if tree is not None and dubious and len(tree) < 2:
        tree = None
    return tree


def content(html, url: str | None, *, favor_recall: bool, fast: bool = False):
    """trafilatura's own ``bare_extraction`` of the content only, as :func:`main_content` reproduces it."""
    import trafilatura  # heavy import, only where HTML is read

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=False,
        fast=fast,
        favor_recall=favor_recall,
        include_comments=False,
        include_tables=True,
        deduplicate=False,  # its per-process cache would make output depend on document order
    )


@lru_cache(maxsize=4)
def _extractor(favor_recall: bool, fast: bool):
    """The options :func:`content` passes, built once: trafilatura reads its configuration on each build.

    Its output format is XML so that ``bare_extraction`` leaves the body as a tree: the
    text rendering of its Python format is work nothing here reads.
    """
    from trafilatura.settings import Extractor

    return Extractor(output_format="xml", fast=fast, recall=favor_recall, comments=False, tables=True, dedup=False)


def main_content(tree, url: str | None, *, fast: bool = False):
    """trafilatura's recall-oriented content of ``tree``: its body element and text, or None.

    The steps of ``bare_extraction`` for a tree without metadata, language or
    size limits, less its copy of the tree: ``tree`` is pruned in place (as
    trafilatura prunes its copy) and must not be read afterwards except by
    :func:`justext_candidate`, which takes it in exactly that state. ``fast``
    skips trafilatura's comparison with readability and jusText.
    """
    from copy import copy

    options = copy(_extractor(True, fast))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    body, text = _recall_sequence(tree, options, url)
    if len(text) < options.min_output_size:  # bare_extraction's size check (comments are off)
        return None
    return body, text


def _recall_sequence(tree, options, url: str | None):
    """trafilatura's ``trafilatura_sequence`` for its recall focus without comments, as ``main_content`` asks.

    The same steps on the same trees; what differs is what they cost: the attribute-pattern
    prunes run as :mod:`trafilatura_prunes` finds their elements, and the two copies its
    comparison with readability and jusText takes (the cleaned tree before tag conversion, the raw
    tree) are made only when that comparison reads them: in recall focus it returns at once for
    a text over ten times the minimum size. The cleaned tree is made again from the raw tree,
    which nothing changes in between.
    """
    from copy import copy

    from trafilatura.baseline import baseline
    from trafilatura.core import _forum_thread_page
    from trafilatura.external import compare_extraction
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.xml import delete_element

    from newsclean.transforms.extraction.trafilatura_prunes import fast_prunes, raw_prunes

    if options.focus != "recall" or options.comments:  # not the case reproduced here: trafilatura's own
        from trafilatura.core import trafilatura_sequence

        body, text, _comments, _comment_text = trafilatura_sequence(tree, options, url)
        return body, text
    is_forum = _forum_thread_page(tree)
    scroll, shares, comments = raw_prunes(tree)
    for element in (*scroll, *shares, *(comments if not is_forum else ())):
        delete_element(element)
    with fast_prunes():
        cleaned = convert_tags(tree_cleaning(copy(tree), options), options, url)
        body, text = extract_content(cleaned, options)
        if not options.fast and len(text) <= options.min_extracted_size * 10:
            body, text = compare_extraction(tree_cleaning(copy(tree), options), copy(tree), body, text, options)
    if len(text) < options.min_extracted_size:  # stage 3: the baseline rescue
        baseline_body, baseline_text, baseline_length = baseline(tree)
        if baseline_length > len(text):
            body, text = baseline_body, baseline_text
    return body, text


# Words every alternative of trafilatura's cookie-banner pattern holds (a test checks it).
COOKIE_WORDS = ("cookie", "consent", "borlabs", "cmplz", "onetrust", "moove")
# Letters Python's case-insensitive matching equates with those words' letters but ``str.lower`` does not map.
_UNLOWERED = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=1)
def _basic_clean_parts():
    """trafilatura's ``BASIC_CLEAN_XPATH`` in two parts: its plain XPath, and its cookie-banner
    test of ``class`` and ``id``, which lxml answers with a Python call for every element (two
    thirds of a page's cleaning). :func:`basic_cleaning` reads every ``class`` and ``id`` at once
    and runs the pattern as lxml runs EXSLT ``re:test``: ``re.search`` with these flags."""
    import re

    from lxml.etree import XPath
    from trafilatura import settings

    plain, _sep, _cookie = settings.BASIC_CLEAN_XPATH.path.partition("|.//*[re:test(")
    pattern = re.compile(settings._COOKIE_CONSENT_RE, re.UNICODE | re.I)
    return XPath(plain), XPath(".//*/@class|.//*/@id"), pattern


def _cookie_labelled(values: list) -> list:
    """The elements whose ``class`` or ``id`` (``values``, read by XPath) meets the cookie-banner pattern.

    The pattern runs only on values holding one of :data:`COOKIE_WORDS`, found in all the
    values joined and lower-cased (most pages hold none); a page with a letter that
    lower-casing would not map runs it on every value.
    """
    from newsclean.transforms.text import indices_holding

    _plain, _labels, cookie = _basic_clean_parts()
    joined = "\n".join(values)
    folded = joined.lower()
    if len(folded) != len(joined) or any(letter in joined for letter in _UNLOWERED):
        return [value.getparent() for value in values if cookie.search(value)]
    holding = indices_holding(values, COOKIE_WORDS, folded)
    return [values[i].getparent() for i in sorted(holding) if cookie.search(values[i])]


def basic_cleaning(tree):
    """trafilatura's ``baseline.basic_cleaning`` of ``tree`` (in place), by :func:`_basic_clean_parts`.

    The same elements go (deleting them in another order leaves the same tree: each
    deletion moves its tail to the element before it or to its parent).
    """
    from trafilatura.xml import delete_element

    plain, labels, _cookie = _basic_clean_parts()
    for element in plain(tree) + _cookie_labelled(labels(tree)):
        delete_element(element)
    return tree


def _page_text_length(tree) -> int:
    """The length of trafilatura's ``html2txt`` text of ``tree``, whose body (else all of it) this cleans in
    place (:func:`basic_cleaning`) instead of cleaning a copy.

    Cleaning is idempotent, so a later cleaning of the whole tree leaves what it would have; the spaces
    ``html2txt`` writes around blocks are taken out again, each text and tail as it was.
    """
    from trafilatura.baseline import _BLOCK_ELEMS, _spaced_text

    body = tree.find(".//body")
    root = basic_cleaning(tree if body is None else body)
    written = [(element, element.text, element.tail) for element in root.iter(*_BLOCK_ELEMS)]
    try:
        return len(_spaced_text(root))
    finally:
        for element, text, tail in written:
            element.text, element.tail = text, tail


@lru_cache(maxsize=1)
def _paragraph_reading_once():
    """jusText's paragraph with its text and word count worked out once, not at every ask.

    Its classification asks each paragraph for them several times, and each ask joins and
    normalises the paragraph's text again (most of a jusText run). A paragraph's text is
    complete once the paragraphs are made, so the first answer stands.
    """
    from functools import cached_property

    from justext.paragraph import Paragraph

    class ParagraphReadOnce(Paragraph):
        text = cached_property(Paragraph.text.fget)
        words_count = cached_property(Paragraph.words_count.fget)

    return ParagraphReadOnce


@lru_cache(maxsize=1)
def _justext_stoplist() -> frozenset[str]:
    """trafilatura's jusText stop words of every language, as jusText's classifier lower-cases them.

    jusText caches that set under the list it is given; trafilatura gives a tuple of
    154,000 words, which every run hashes anew (a third of a classification). A frozenset
    keeps its hash.
    """
    from trafilatura import external

    return frozenset(word.lower() for word in external.JT_STOPLIST or external.jt_stoplist_init())


def try_justext(tree):
    """trafilatura's ``external.try_justext`` for a page of no declared language: the body of jusText's
    good paragraphs, with :func:`_paragraph_reading_once`'s paragraphs (made by
    :func:`newsclean.transforms.extraction.justext_paragraphs.make_paragraphs`) and :func:`_justext_stoplist`."""
    from justext.core import classify_paragraphs, revise_paragraph_classification
    from lxml.etree import Element, SubElement

    from newsclean.transforms.extraction.justext_paragraphs import make_paragraphs

    body = Element("body")
    try:
        paragraphs = make_paragraphs(tree, _paragraph_reading_once())
        classify_paragraphs(paragraphs, _justext_stoplist(), 50, 150, 0.1, 0.2, 0.25, True)
        revise_paragraph_classification(paragraphs, 150)
    except Exception:  # noqa: BLE001 - as trafilatura: a jusText failure is an empty candidate
        return body
    for paragraph in paragraphs:
        if not paragraph.is_boilerplate:
            SubElement(body, "p").text = paragraph.text
    return body


def justext_candidate(pruned_tree, text: str):
    """The jusText candidate of trafilatura's recall escalation, for a page whose ``text`` covers little of it.

    trafilatura's balanced pass, when its text is short (under ``ESCALATION_MAX_LENGTH``
    characters and ``ESCALATION_PAGE_SHARE`` of the page's text), reruns the recall pass and
    tries jusText on the pruned page, keeping jusText's text when it is ``ESCALATION_JUSTEXT_RATIO``
    times longer. After a recall pass (:func:`main_content`) only the jusText try is new:
    the body element it finds, or None. ``pruned_tree`` is the tree that pass pruned; it is
    modified. The steps are trafilatura's ``html2txt`` and ``justext_rescue`` with
    :func:`basic_cleaning` and :func:`try_justext`.
    """
    from trafilatura import core
    from trafilatura.utils import trim

    if not 0 < len(text) < core.ESCALATION_MAX_LENGTH:
        return None
    if len(text) >= core.ESCALATION_PAGE_SHARE * _page_text_length(pruned_tree):
        return None
    body = try_justext(basic_cleaning(pruned_tree))
    found = trim(" ".join(body.itertext()))
    return body if len(found) > core.ESCALATION_JUSTEXT_RATIO * len(text) else None


# htmldate's last resort for a date written in words is dateparser over all of
# its 205 locales: each string no locale claims is tried against every one,
# compiling each locale's patterns on first use. When the page declares its
# language, only that language and English are tried (the same dates on all 711
# wcxb-dev pages, ~8% less CPU a page in one process, more in a fresh worker). A page
# that declares none is read in the language of its visible text.
# The languages, or a function that finds them when htmldate first asks (a page declaring none is
# read for its visible text's language only if htmldate needs dateparser at all).
DateLanguages = tuple[str, ...] | Callable[[], tuple[str, ...] | None] | None
_DATE_LANGUAGES: contextvars.ContextVar[DateLanguages] = contextvars.ContextVar(
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


def date_languages(declared: str | None) -> tuple[str, ...] | None:
    """The languages dateparser tries on a page in ``declared``; None (all of them) when unknown."""
    from dateparser.data import language_locale_dict

    if declared is None or declared not in language_locale_dict:
        return None
    return tuple(dict.fromkeys((declared, "en")))


@lru_cache(maxsize=1)
def _install_date_parser_hook() -> None:
    """Make htmldate ask us for its dateparser; outside :func:`dates_in` it gets its own, unchanged."""
    from htmldate import extractors

    htmldate_parser = extractors.get_external_parser

    def external_parser():
        languages = _DATE_LANGUAGES.get()
        if callable(languages):
            languages = languages()
        return _language_date_parser(languages) if languages else htmldate_parser()

    extractors.get_external_parser = external_parser


@contextlib.contextmanager
def dates_in(languages: DateLanguages) -> Iterator[None]:
    """htmldate's dateparser reads ``languages`` (all of them when None) inside this block.

    A function is called at htmldate's first ask and its answer kept for the block.
    """
    _install_date_parser_hook()
    if callable(languages):
        languages = lru_cache(maxsize=1)(languages)
    token = _DATE_LANGUAGES.set(languages)
    try:
        yield
    finally:
        _DATE_LANGUAGES.reset(token)


@lru_cache(maxsize=1)
def _json_minify_split():
    """trafilatura's ``JSON_MINIFY`` (a JSON string, or one space outside strings) as a split: the strings
    are captured, the spaces (in runs) are not."""
    import re

    from trafilatura.metadata import JSON_MINIFY

    strings, _bar, _space = JSON_MINIFY.pattern.rpartition("|")
    return re.compile(f"{strings}|\\s+")


def minify_json(text: str) -> str:
    """``JSON_MINIFY.sub(r"\\1", text)`` as trafilatura minifies a JSON-LD script, without a Python call per
    string and per space (``sub`` expands its template for each: most of its JSON-LD reading)."""
    return "".join(part for part in _json_minify_split().split(text) if part)


def _meta_json(tree, meta):
    """trafilatura's ``extract_meta_json``, its scripts minified by :func:`minify_json`."""
    import json

    from trafilatura import metadata as tm

    for element in tree.xpath('.//script[@type="application/ld+json" or @type="application/settings+json"]'):
        if not element.text:
            continue
        text = tm.normalize_json(minify_json(element.text))
        try:
            meta = tm.extract_json(json.loads(text, strict=False), meta)
        except json.JSONDecodeError:
            meta = tm.extract_json_parse_error(text, meta)
    return meta


def page_metadata(tree, url: str | None, date_languages: DateLanguages = None, *, search_author: bool = True):
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
        meta = _meta_json(tree, meta)
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
    with dates_in(date_languages):
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
    source of our own names anyone (``newsclean.transforms.document``); trimmed as
    trafilatura trims its metadata.
    """
    from html import unescape

    from trafilatura import metadata as tm
    from trafilatura.utils import line_processing

    from newsclean.transforms.extraction.markup_byline import markup_byline

    if tree.find(".//rel") is not None:  # its XPath reads a <rel> child's text, which pruning may change
        found = tm.extract_author(tree)
    else:
        found = markup_byline(tree)
        found = tm.normalize_authors(None, found) if found else None
    if not found:
        return None
    return line_processing(unescape(found if len(found) <= 10000 else found[:9999] + "…")) or None

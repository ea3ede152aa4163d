"""The HTML path: trafilatura blocks, block rules, shared line rules, charset handling."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from lxml import etree

from newsclean.schemas.records import Article, RawDocument, Reject
from newsclean.transforms.cleaning.sections import (
    clean_blocks,
    cut_tail_sections,
    drop_author_bio,
    drop_page_title,
    drop_table_of_contents,
)
from newsclean.transforms.document import process_document
from newsclean.transforms.extraction.html import (
    HEADING,
    ITEM,
    PARAGRAPH,
    ROW,
    Block,
    body_blocks,
    declared_language,
    extract_html,
)
from newsclean.transforms.reading.decode import html_charset, sniff_html_charset
from tests.warc_helpers import article_html

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ('<html lang="de-AT"><head>', "de"),
        ('<html xml:lang="fr"><body>', "fr"),
        ('<head><meta property="og:locale" content="es_ES">', "es"),
        ("<html><head><title>t</title>", None),
    ],
)
def test_declared_language(page: str, code: str | None) -> None:
    assert declared_language(page) == code


def test_body_blocks_keep_kinds_and_line_breaks() -> None:
    body = etree.fromstring(
        '<body><head rend="h1">Title here</head><p>One<lb/>two <hi rend="#b">bold</hi> end</p>'
        "<list><item>first</item><item>second</item></list>"
        "<table><row><cell>a</cell><cell>b</cell></row></table></body>"
    )
    assert body_blocks(body) == [
        Block(HEADING, "Title here", 1),
        Block(PARAGRAPH, "One\ntwo bold end"),
        Block(ITEM, "first"),
        Block(ITEM, "second"),
        Block(ROW, "a | b"),
    ]


def _p(text: str) -> Block:
    return Block(PARAGRAPH, text)


PROSE = _p(" ".join(["word"] * 60))


def test_page_title_heading_is_dropped_only_at_the_top() -> None:
    blocks = [Block(HEADING, "Council Approves Budget", 1), PROSE, Block(HEADING, "Council Approves Budget", 2)]
    kept, removed = drop_page_title(blocks, "Council approves budget | Example News")
    assert kept == blocks[1:] and [r.rule for r in removed] == ["title"]
    # an h2 that is not the title stays
    kept, removed = drop_page_title([Block(HEADING, "Key facts", 2), PROSE], "Council approves budget")
    assert removed == [] and len(kept) == 2


def test_related_section_is_cut_in_the_second_half_only() -> None:
    related = [Block(HEADING, "Related articles"), Block(ITEM, "Bus drivers strike"), Block(ITEM, "Tram opens")]
    kept, removed = cut_tail_sections([PROSE, PROSE, *related])
    assert kept == [PROSE, PROSE]
    assert {r.rule for r in removed} == {"related_section"} and len(removed) == 3
    # the same marker before the story's middle cuts nothing
    early = [Block(HEADING, "Related articles"), PROSE, PROSE]
    assert cut_tail_sections(early) == (early, [])


def test_related_marker_followed_by_prose_is_not_a_tail() -> None:
    blocks = [PROSE, PROSE, _p("See also:"), _p("Another title"), PROSE]
    assert cut_tail_sections(blocks) == (blocks, [])


def test_references_and_author_sections() -> None:
    kept, removed = cut_tail_sections([PROSE, PROSE, Block(HEADING, "References"), _p("Doe J. (2020) A paper.")])
    assert kept == [PROSE, PROSE] and removed[0].rule == "references_section"
    kept, removed = cut_tail_sections([PROSE, PROSE, Block(HEADING, "About the Author"), _p("Jane writes.")])
    assert kept == [PROSE, PROSE] and removed[0].rule == "author_section"


def test_table_of_contents_repeating_headings() -> None:
    blocks = [
        _p("Table of Contents"),
        Block(ITEM, "Why it matters"),
        Block(ITEM, "What happens next"),
        Block(ITEM, "Who pays"),
        Block(HEADING, "Why it matters"),
        PROSE,
        Block(HEADING, "What happens next"),
        PROSE,
        Block(HEADING, "Who pays"),
        PROSE,
    ]
    kept, removed = drop_table_of_contents(blocks)
    assert kept == blocks[4:]
    assert len(removed) == 4 and {r.rule for r in removed} == {"table_of_contents"}


def test_author_bio_at_the_end_names_the_author() -> None:
    bio = _p("Jane Doe is a transport reporter based in Leeds. She has covered the city for ten years.")
    other = _p("Jane Doe is expected to testify next week, the court said.")
    kept, removed = drop_author_bio([PROSE, other, PROSE, PROSE, bio], ["Jane Doe"])
    assert bio not in kept and other in kept and [r.rule for r in removed] == ["author_bio"]
    lead = _p("About the author: JOHN ROE, a former editor of the Gazette, writes about courts.")
    longer = _p("Jane Does is a name no author here has.")
    kept, removed = drop_author_bio([PROSE, PROSE, longer, PROSE, lead], ["Jane Doe", "John Roe"])
    assert kept == [PROSE, PROSE, longer, PROSE] and [r.text for r in removed] == [lead.text]


def test_clean_blocks_reports_every_rule() -> None:
    blocks = [Block(HEADING, "Budget", 1), PROSE, PROSE, Block(HEADING, "More from Example News"), Block(ITEM, "x")]
    kept, removed = clean_blocks(blocks, title="Budget")
    assert kept == [PROSE, PROSE]
    assert [r.rule for r in removed] == ["title", "related_section", "related_section"]


def test_extract_html_keeps_the_story_and_page_metadata() -> None:
    extraction = extract_html(article_html("Council approves budget", "https://news.example/budget"))
    meta = extraction.metadata
    assert meta.title.startswith("Council approves budget")
    assert meta.author == "Jane Doe"
    assert meta.date == "2025-03-14"
    assert meta.url == "https://news.example/budget"
    assert meta.language == "en"
    text = " ".join(b.text for b in extraction.blocks)
    assert "city council voted on Tuesday" in text


_STORY = "<p>" + "The council met on Friday to vote on the budget for the coming year. " * 10 + "</p>"


def _bylined(byline: str) -> str:
    head = "<html><head><title>T</title></head>"
    return f"{head}<body><article><h1>Budget vote</h1>{byline}{_STORY}</article></body></html>"


def test_trafilatura_byline_search_runs_only_when_no_source_of_ours_names_anyone(monkeypatch) -> None:
    """Its search copies the whole tree (~10 ms a page): skipped when a byline of ours names a person."""
    import newsclean.transforms.document as document
    from newsclean.transforms.extraction import trafilatura_adapter

    calls: list[object] = []
    real = trafilatura_adapter.trafilatura_author
    monkeypatch.setattr(trafilatura_adapter, "trafilatura_author", lambda tree: calls.append(tree) or real(tree))
    _, facts = document.extract_document(_bylined('<span class="posted-by">Jane Roe</span>'), None)
    assert ("trafilatura", ["Jane Roe"]) in facts.author_candidates and len(calls) == 1  # ours misses this one
    _, facts = document.extract_document(_bylined('<div class="byline">Jane Roe</div>'), None)
    assert ("trafilatura", []) in facts.author_candidates and len(calls) == 1  # ours names her: not searched
    assert ("byline-element", ["Jane Roe"]) in facts.author_candidates


def test_html_document_end_to_end() -> None:
    raw = RawDocument(
        "page.html", article_html("Council approves budget", "https://news.example/budget").encode(), "html"
    )
    raw.content_type = "html"
    article = process_document(raw, now=NOW)
    assert isinstance(article, Article)
    assert article.title.startswith("Council approves budget")
    assert article.authors == ["Jane Doe"]
    assert article.published_date == dt.date(2025, 3, 14)
    assert article.date_source in ("html-meta", "htmldate")
    assert article.url == "https://news.example/budget" and article.language == "en"
    assert article.text.startswith("The city council voted on Tuesday")
    assert "Share this article" not in article.text and "Bus drivers strike" not in article.text
    assert "Council approves budget" not in article.text  # the headline is the title, not body
    by_text = {r.text: r.rule for r in article.removed}
    assert by_text["Council approves budget"] == "title"
    assert by_text["Share this article"] in ("share", "engagement_section")


def test_jsonl_fields_win_over_page_metadata() -> None:
    raw = RawDocument(
        "d.jsonl#3",
        article_html("Council approves budget", "https://news.example/budget").encode(),
        "jsonl",
        url="https://mirror.example/x",
        charset="utf-8",
        meta={"title": "Given title", "date": "2025-03-20", "authors": ["Given Author"], "id": "abc"},
        content_type="html",
    )
    article = process_document(raw, now=NOW)
    assert isinstance(article, Article)
    assert (article.title, article.authors, article.url) == (
        "Given title",
        ["Given Author"],
        "https://mirror.example/x",
    )
    assert (article.published_date, article.date_source, article.source_id) == (dt.date(2025, 3, 20), "jsonl", "abc")


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (b'<html><head><meta charset="windows-1251">', "windows-1251"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "shift_jis"),
        (b'<?xml version="1.0" encoding="ISO-8859-2"?><html>', "iso-8859-2"),
        (b"<html><head><title>none</title>", None),
        (b'<meta charset="no-such-charset">', None),
        (b'<meta charset="utf-7"><meta charset="GB2312">', "gbk"),  # the prescan goes on past an unknown label
    ],
)
def test_sniff_html_charset(page: bytes, expected: str | None) -> None:
    assert sniff_html_charset(page) == expected


def test_html_charset_follows_browsers() -> None:
    assert html_charset("ISO-8859-1") == "windows-1252"
    assert html_charset("us-ascii") == "windows-1252"
    assert html_charset("utf-16") == "utf-8"
    assert html_charset("koi8-r") == "koi8-r"
    assert html_charset("x-user-defined") == "windows-1252"
    assert html_charset("iso-2022-kr") is None  # a "replacement" label: no decoder


def _html_doc(data: bytes, charset: str | None = None) -> Article | Reject:
    raw = RawDocument("p.html", data, "html", charset=charset)
    raw.content_type = "html"
    return process_document(raw, now=NOW)


def test_meta_charset_decodes_a_cyrillic_page() -> None:
    page = article_html("Трамвай пойдёт в сентябре", "https://e.ru/t", "windows-1251")
    page = page.replace("The city council voted", "Городской совет проголосовал")
    article = _html_doc(page.encode("cp1251"))
    assert isinstance(article, Article)
    assert article.title.startswith("Трамвай пойдёт в сентябре")
    assert "Городской совет проголосовал" in article.text


def test_http_charset_wins_over_meta() -> None:
    page = article_html("Café crème", "https://e.fr/c", "windows-1252").replace("The city", "Le café de la ville")
    article = _html_doc(page.encode("utf-8"), charset="utf-8")  # header right, meta wrong
    assert isinstance(article, Article) and "Le café de la ville" in article.text


def test_binary_html_is_a_decode_reject() -> None:
    reject = _html_doc(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert isinstance(reject, Reject) and (reject.stage, reject.error) == ("decode", "binary")


def test_page_without_content_is_a_reject() -> None:
    """A menu-only page: no main content; trafilatura's fast pass would hand its link text on (its baseline
    rescue), and the line rules would take it."""
    from newsclean.transforms.extraction import html

    reject = _html_doc(b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    expected = ("clean", "empty_after_cleaning") if html.FAST_RECALL_PASS else ("extract", "no_content")
    assert isinstance(reject, Reject) and (reject.stage, reject.error) == expected
    reject = _html_doc(b"<html><head><title>x</title></head><body></body></html>")
    assert isinstance(reject, Reject) and reject.stage == "extract"


def test_closing_calls_to_action_are_dropped_back_to_the_story() -> None:
    cta = [_p("Ready to simplify your week? Get started today."), Block(HEADING, "Book a demo with Acme")]
    kept, removed = clean_blocks([PROSE, PROSE, _p("The council will vote again in May."), *cta])
    assert kept == [PROSE, PROSE, _p("The council will vote again in May.")]
    assert [r.rule for r in removed] == ["call_to_action", "call_to_action"]
    # a call to action in the story's first half is the story
    early = [_p("Sign up for the free course today."), PROSE]
    assert clean_blocks(early)[0] == early


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("This post contains affiliate links. If you buy through them we may earn a commission.", "disclosure"),
        ("Advertiser Disclosure", "disclosure"),
        ("Jun 08, 2023 • 11 Minute Read", "date_line"),
        ("Friday, November 14, 2025", "date_line"),
        ("Skip to content", "navigation"),
        ("Table of Contents", "navigation"),
    ],
)
def test_new_line_rules_are_shared_with_plain_text(line: str, rule: str) -> None:
    from newsclean.transforms.cleaning.clean import clean_text

    story = "The council approved the budget on Tuesday after a long debate about bus routes in the city."
    cleaned = clean_text(f"{line}\n\n{story}\n\n{story.replace('Tuesday', 'Monday')}")
    assert [r.rule for r in cleaned.removed if r.text == line] == [rule]
    assert line not in cleaned.text


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year the route will be running again.",
        "The firm may earn more from its new contracts, analysts said.",
        "March 3, 2025 was the day the bridge reopened to traffic after years of repairs.",
    ],
)
def test_new_line_rules_leave_prose_alone(line: str) -> None:
    from newsclean.transforms.cleaning.clean import clean_text

    story = "The council approved the budget on Tuesday after a long debate about bus routes in the city."
    cleaned = clean_text(f"{line}\n\n{story}")
    assert line in cleaned.text


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Enter email address", "signup_form"),
        ("Thanks for subscribing! Look out for your first newsletter in your inbox soon!", "signup_form"),
    ],
)
def test_form_and_label_leftovers(line: str, rule: str) -> None:
    from newsclean.transforms.cleaning.clean import clean_text

    story = "The council approved the budget on Tuesday after a long debate about bus routes in the city."
    cleaned = clean_text(f"{line}\n\n{story}\n\n{story.replace('Tuesday', 'Monday')}")
    assert [r.rule for r in cleaned.removed if r.text == line] == [rule]


def test_explain_shows_an_html_page_as_extracted_text(tmp_path, capsys) -> None:
    from newsclean import cli

    page = tmp_path / "page.html"
    page.write_text(article_html("Council approves budget", "https://news.example/budget"))
    assert cli.main(["explain", str(page), "--color", "never"]) == 0
    shown = capsys.readouterr().out
    assert "- [title] Council approves budget" in shown
    assert "+ The city council voted on Tuesday" in shown
    assert "<p>" not in shown


def test_page_metadata_matches_trafilatura_extract_metadata() -> None:
    """Our trimmed call of trafilatura's metadata steps reads the fields we keep as its own does."""
    import glob
    import gzip

    from trafilatura.metadata import extract_metadata
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params
    from trafilatura.utils import load_html

    from newsclean.transforms.extraction.trafilatura_adapter import load_html as parse_html
    from newsclean.transforms.extraction.trafilatura_adapter import page_metadata as _trafilatura_metadata
    from newsclean.transforms.extraction.trafilatura_adapter import trafilatura_author
    from tests.conftest import SHARED

    pages = sorted(glob.glob(str(SHARED / "data" / "wcxb-dev" / "wcxb_*.html.gz")))[:40]
    if not pages:
        pytest.skip("needs ../shared/data/wcxb-dev")
    compared = 0
    for path in pages:
        html = gzip.decompress(open(path, "rb").read()).decode("utf-8", "replace")
        ours = _trafilatura_metadata(parse_html(html), None)
        date_params = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
        theirs = extract_metadata(load_html(html), None, date_params)
        for name in ("title", "author", "date", "sitename", "url", "language"):
            assert getattr(ours, name) == getattr(theirs, name), (path, name)
        # extract_html leaves the markup byline search out; run apart, it gives trafilatura's author
        tree = parse_html(html)
        lazy = _trafilatura_metadata(tree, None, search_author=False)
        assert (lazy.author or trafilatura_author(tree)) == theirs.author, path
        compared += 1
    assert compared == len(pages)


def test_parse_html_extracts_as_trafilaturas_own_parse() -> None:
    """Our parser's C-level element classes change nothing trafilatura extracts, and its own parser stays."""
    import glob
    import gzip

    from lxml import html as lxml_html
    from trafilatura import utils

    from newsclean.transforms.extraction.html import _blocks
    from newsclean.transforms.extraction.trafilatura_adapter import content as _trafilatura
    from newsclean.transforms.extraction.trafilatura_adapter import load_html as parse_html
    from tests.conftest import SHARED

    pages = sorted(glob.glob(str(SHARED / "data" / "wcxb-dev" / "wcxb_*.html.gz")))[40:70]
    if not pages:
        pytest.skip("needs ../shared/data/wcxb-dev")
    theirs = utils.HTML_PARSER
    for path in pages:
        html = gzip.decompress(open(path, "rb").read()).decode("utf-8", "replace")
        ours = parse_html(html)
        assert utils.HTML_PARSER is theirs
        assert {type(e) for e in ours.iter("html", "form", "input", "select")} <= {lxml_html.HtmlElement}
        for recall in (True, False):
            assert _blocks(_trafilatura(ours, None, favor_recall=recall)) == _blocks(
                _trafilatura(utils.load_html(html), None, favor_recall=recall)
            ), path


@pytest.mark.parametrize("fast", [False, True])
def test_main_content_is_bare_extractions_recall_pass(fast: bool) -> None:
    """Our call of trafilatura's sequence on the parsed tree finds what its ``bare_extraction`` finds."""
    import glob
    import gzip

    from newsclean.transforms.extraction.html import _blocks, body_blocks
    from newsclean.transforms.extraction.trafilatura_adapter import content, load_html, main_content
    from tests.conftest import SHARED

    pages = sorted(glob.glob(str(SHARED / "data" / "wcxb-dev" / "wcxb_*.html.gz")))[70:100]
    if not pages:
        pytest.skip("needs ../shared/data/wcxb-dev")
    for path in pages:
        html = gzip.decompress(open(path, "rb").read()).decode("utf-8", "replace")
        theirs = _blocks(content(load_html(html), None, favor_recall=True, fast=fast))
        found = main_content(load_html(html), None, fast=fast)
        assert (body_blocks(found[0]) if found else []) == theirs, path


# Pages where trafilatura's balanced pass escalates and keeps jusText's reading (wcxb-dev).
_JUSTEXT_PAGES = ("wcxb_0296", "wcxb_0354", "wcxb_0781", "wcxb_4163", "wcxb_4705")


def test_justext_candidate_is_trafilaturas_escalation() -> None:
    """After the recall pass, the jusText candidate is the content trafilatura's own escalation keeps."""
    import gzip

    from newsclean.transforms.extraction.html import _blocks, body_blocks
    from newsclean.transforms.extraction.trafilatura_adapter import (
        content,
        justext_candidate,
        load_html,
        main_content,
    )
    from tests.conftest import SHARED

    folder = SHARED / "data" / "wcxb-dev"
    if not folder.is_dir():
        pytest.skip("needs ../shared/data/wcxb-dev")
    for name in _JUSTEXT_PAGES:
        html = gzip.decompress((folder / f"{name}.html.gz").read_bytes()).decode("utf-8", "replace")
        tree = load_html(html)
        _body, text = main_content(tree, None)
        candidate = justext_candidate(tree, text)
        assert candidate is not None, name
        assert body_blocks(candidate) == _blocks(content(load_html(html), None, favor_recall=False)), name


def test_try_justext_is_trafilaturas() -> None:
    """Paragraphs read once and a hashed-once stop list leave jusText's choice as trafilatura's call makes it."""
    import glob
    import gzip
    from copy import copy

    from trafilatura.external import try_justext as theirs

    from newsclean.transforms.extraction.trafilatura_adapter import basic_cleaning, load_html, try_justext
    from tests.conftest import SHARED

    pages = sorted(glob.glob(str(SHARED / "data" / "trafilatura-eval" / "te_*.html.gz")))[20:45]
    if not pages:
        pytest.skip("needs ../shared/data/trafilatura-eval")
    for path in pages:
        tree = basic_cleaning(load_html(gzip.decompress(open(path, "rb").read()).decode("utf-8", "replace")))
        assert etree.tostring(try_justext(copy(tree))) == etree.tostring(theirs(copy(tree), None, None)), path


def test_justext_candidate_only_for_a_page_read_little() -> None:
    from newsclean.transforms.extraction.trafilatura_adapter import justext_candidate, load_html

    sentence = "The council met on Friday to vote on the budget for the coming year."
    page = f"<html><body><article><p>{' '.join([sentence] * 10)}</p></article></body></html>"
    assert justext_candidate(load_html(page), "x" * 3000) is None  # long enough whatever the page
    assert justext_candidate(load_html(page), " ".join([sentence] * 9)) is None  # most of the page
    assert justext_candidate(load_html(page), "") is None
    assert justext_candidate(load_html(page), sentence) is not None  # a tenth of it: jusText reads more


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def test_basic_cleaning_prefilter_words_cover_trafilaturas_cookie_pattern() -> None:
    from trafilatura import settings

    from newsclean.transforms.extraction.trafilatura_adapter import COOKIE_WORDS

    alternatives = _top_level_alternatives(settings._COOKIE_CONSENT_RE)
    assert len(alternatives) > 5
    assert all(any(word in alternative for word in COOKIE_WORDS) for alternative in alternatives)
    assert (
        "\n" not in settings._COOKIE_CONSENT_RE and "." not in settings._COOKIE_CONSENT_RE
    )  # no match crosses a value


@pytest.mark.parametrize(
    "label",
    [
        'class="Cookie-Banner"',
        'id="x cookienotice"',
        'class="cmplz-x"',
        'id="OneTrust"',
        'class="coo\u212aie_bar"',
        'class="con\u017fent-banner"',
        'class="cookie-jar"',
        'class="consentless"',
    ],
)
def test_basic_cleaning_is_trafilaturas(label: str) -> None:
    """The same elements go as with trafilatura's own cleaning, on odd cases as on real pages."""
    from copy import copy

    from trafilatura.baseline import basic_cleaning as theirs
    from trafilatura.baseline import html2txt

    from newsclean.transforms.extraction.trafilatura_adapter import _page_text_length, basic_cleaning, load_html
    from tests.conftest import dev_pages

    page = f"<html><body><div {label}>banner</div><p>kept</p><aside>aside</aside> tail</body></html>"
    pages = [page, *dev_pages("trafilatura-eval", 0, 20)]
    for html in pages:
        tree = load_html(html)
        assert etree.tostring(basic_cleaning(copy(tree))) == etree.tostring(theirs(copy(tree)))
        assert _page_text_length(tree) == len(html2txt(tree))


def test_parse_html_of_no_page_leaves_trafilaturas_parser_alone() -> None:
    from trafilatura import utils

    from newsclean.transforms.extraction.trafilatura_adapter import load_html as parse_html

    theirs = utils.HTML_PARSER
    assert parse_html("") is None
    with pytest.raises(TypeError):
        parse_html(42)  # type: ignore[arg-type]
    assert utils.HTML_PARSER is theirs


_ENGLISH = "Paragraph {} of the story, with words enough to count as its body."
_SPANISH = "El párrafo {} de la noticia, con palabras suficientes para contar como su cuerpo."


def _dated_page(lang: str | None, date_text: str) -> str:
    paragraph = _SPANISH if lang is None else _ENGLISH
    body = "".join(f"<p>{paragraph.format(i)}</p>" for i in range(12))
    opening = f'<html lang="{lang}">' if lang else "<html>"
    return (
        f"{opening}<head><title>T</title></head><body><article><h1>Headline</h1>"
        f'<div class="meta"><span class="date">{date_text}</span></div>{body}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("lang", "date_text", "asks_dateparser"),
    [
        ("es", "martes, 14 de enero de 2025", True),
        ("pt", "terça-feira, 14 de janeiro de 2025", True),
        (None, "14 de enero de 2025", True),  # undeclared: the language of the visible text
        ("en", "Tuesday, January 14, 2025", False),  # htmldate's own patterns read it
    ],
)
def test_dates_in_words_are_read_in_the_declared_language(
    lang: str | None, date_text: str, asks_dateparser: bool
) -> None:
    """htmldate caches each string's answer, so every case here has its own string."""
    from htmldate import extractors

    seen: list[list[str] | None] = []  # the languages of the dateparser htmldate asks, at each ask
    external_date = extractors._external_date

    def spy(string: str):
        seen.append(extractors.get_external_parser().languages)
        return external_date(string)

    extractors._external_date = spy
    try:
        extracted = extract_html(_dated_page(lang, date_text)).metadata
    finally:
        extractors._external_date = external_date
    assert extracted.date == "2025-01-14"
    assert bool(seen) == asks_dateparser
    if seen:
        assert seen[-1] == list(dict.fromkeys((lang or "es", "en")))


def test_dateparser_settings_are_htmldates() -> None:
    from htmldate import extractors

    from newsclean.transforms.extraction.trafilatura_adapter import DATEPARSER_SETTINGS, _install_date_parser_hook

    _install_date_parser_hook()
    own = extractors.get_external_parser()  # outside a page: htmldate's own parser
    assert own.languages is None
    for key, value in DATEPARSER_SETTINGS.items():
        assert getattr(own._settings, key) == value, key


def test_date_languages_fall_back_to_every_locale_when_unknown() -> None:
    import lxml.html

    from newsclean.transforms.extraction.html import visible_language
    from newsclean.transforms.extraction.trafilatura_adapter import date_languages

    assert date_languages("de") == ("de", "en") and date_languages("en") == ("en",)
    assert date_languages(None) is None and date_languages("xx") is None  # not a dateparser language
    assert visible_language(lxml.html.fromstring("<html><body><p>Menu</p><script>var x</script></body></html>")) is None


def test_the_adapter_runs_against_the_pinned_versions() -> None:
    """trafilatura and htmldate are reached into only by the adapter, written against these versions."""
    from newsclean.transforms.extraction.trafilatura_adapter import check_versions

    assert check_versions() == {}


def test_ruby_readings_are_not_the_text() -> None:
    """Japanese news for learners prints readings over kanji (<rt>); the text is the kanji, not both."""
    sentence = (
        "<p><ruby>政府<rt>せいふ</rt></ruby>は、<ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を"
        "<ruby>禁止<rt>きんし</rt></ruby>する<ruby>法律<rt>ほうりつ</rt></ruby>を作りました。"
        "親が子どもをたたくことは、しつけのためでもできなくなります。</p>"
    )
    page = (
        "<html><head><title>t</title></head><body><article><h1><ruby>子<rt>こ</rt></ruby>どもへの"
        f"<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>{sentence * 4}</article></body></html>"
    )
    raw = RawDocument("easy.html", page.encode(), "html")
    raw.content_type = "html"
    article = process_document(raw, now=NOW)
    assert isinstance(article, Article)
    assert article.title == "子どもへの体罰を禁止する法律ができる"
    assert article.text.startswith("政府は、子どもへの体罰を禁止する法律を作りました。")
    assert "せいふ" not in article.text and "たいばつ" not in article.text


def test_undeclared_language_is_read_only_when_dateparser_is_asked(monkeypatch) -> None:
    """A page that declares no language is read for it only if htmldate needs dateparser for its date."""
    from newsclean.transforms.extraction import html

    calls: list[object] = []
    real = html.visible_language
    monkeypatch.setattr(html, "visible_language", lambda tree: calls.append(tree) or real(tree))
    assert extract_html(_dated_page(None, "2025-01-14")).metadata.date == "2025-01-14"
    assert calls == []  # htmldate read the ISO date itself
    assert extract_html(_dated_page(None, "15 de enero de 2025")).metadata.date == "2025-01-15"
    assert len(calls) == 1  # once for the page, however often htmldate asks


def test_author_search_reads_trafilaturas_xpaths() -> None:
    """The byline search's translation is of the XPaths trafilatura runs: its patterns and tags are theirs,
    and every alternative of every pattern holds one of the words that choose the values read."""
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    from newsclean.transforms.extraction import markup_byline as ta

    paths = [" ".join(x.path.split()) for x in (*AUTHOR_XPATHS, *AUTHOR_DISCARD_XPATHS)]
    for pattern in ta._AUTHOR_CLASS:
        assert any(f"re:test(@class, '{pattern}')" in path for path in paths), pattern
    for pattern in ta._AUTHOR_ID:
        assert any(f"re:test(@id, '{pattern}')" in path for path in paths), pattern
    assert f"re:test(@class, '{ta._DISCARD_CLASS}')" in paths[3] and f"re:test(@id, '{ta._DISCARD_ID}')" in paths[3]
    assert paths[4] == "//time|//figure" and len(paths) == 5
    for path, tags in zip(paths, (*ta._AUTHOR_TAGS, None, ta._DISCARD_TAGS, None), strict=True):
        if tags is not None:
            assert set(re.findall(r"self::(\w+)", path.split("][")[0])) == tags
    for whole in ("byline", "username", "byl", "BBL", "author", "comments", "title", "date"):
        assert any(f"='{whole}'" in path for path in paths) and any(w in whole for w in ta.AUTHOR_WORDS)
    for pattern in (*ta._AUTHOR_CLASS, *ta._AUTHOR_ID, ta._DISCARD_CLASS, ta._DISCARD_ID):
        assert "." not in pattern and "\\" not in pattern  # no match crosses a line break
        assert all(any(word in alt for word in ta.AUTHOR_WORDS) for alt in _top_level_alternatives(pattern)), pattern


@pytest.mark.parametrize(
    "body",
    [
        '<div class="post"><span class="author">Jo<time>today</time>hn Doe</span></div>',
        '<p class="byline">By <span class="date">May 1</span>Jane <figure>x</figure>Roe</p>',
        '<div class="sidebar"><a rel="author">Sidebar Person</a></div><span itemprop="author">Kept Name</span>',
        '<div class="author-box">Ann <div class="comments">c</div><div class="quote">q</div> Lee</div>',
        '<span class="writer">x</span><div id="Author">Ida Bell</div><author>Tag Person</author>',
        '<div data-component="Byline">Zed Ray</div><span class="username">user1</span>',
        "<p><rel>me</rel>Rel Person</p>",
    ],
)
def test_author_search_is_trafilaturas(body: str) -> None:
    """The byline search finds what trafilatura's ``extract_author`` finds, on odd cases and real pages."""
    from html import unescape

    from trafilatura import metadata as tm
    from trafilatura.utils import line_processing

    from newsclean.transforms.extraction.trafilatura_adapter import load_html, trafilatura_author
    from tests.conftest import dev_pages

    page = f"<html><body>{body}<p>Some text of the story, long enough.</p></body></html>"
    pages = [page, *dev_pages("trafilatura-eval", 0, 10)]
    for html in pages:
        tree = load_html(html)
        theirs = tm.extract_author(load_html(html))
        assert trafilatura_author(tree) == (line_processing(unescape(theirs)) if theirs else None), html[:200]


@pytest.mark.parametrize(
    "text",
    [
        '{"@type": "NewsArticle",\n  "headline": "A  b\\tc", "x": [1, 2 ]}',
        '{"a": "say \\"hi\\"  there", "b" :\u00a0"c\u2003d"}',
        '{"broken": "no end  here',
        "  \r\n\t  ",
        '{"a":"\\\\"  ,  "b":"<p> x </p>"}',
        "",
    ],
)
def test_json_ld_minified_as_trafilatura_minifies_it(text: str) -> None:
    from trafilatura.metadata import JSON_MINIFY

    from newsclean.transforms.extraction.trafilatura_adapter import minify_json

    assert JSON_MINIFY.pattern.endswith(r"|\s")
    assert minify_json(text) == JSON_MINIFY.sub(r"\1", text)


def test_justext_paragraphs_are_justexts_own() -> None:
    """The one-walk paragraph maker gives jusText's paragraphs: text nodes, tag and link counts, DOM path."""
    from justext.core import ParagraphMaker
    from lxml import html as lxml_html

    from newsclean.transforms.extraction.justext_paragraphs import make_paragraphs

    page = (
        "<html><body><div>Intro <a href='/x'>a link</a> tail<br>after break<br><br>new paragraph</div>"
        "<!-- a comment --> loose text <p>\n  <br>\n</p><ul><li>one</li><li><b>two</b> and more</li></ul>"
        "<h2>Heading</h2><table><tr><td>cell <span>inner</span></td></tr></table>"
        "<p>Last words <a href='#'>here</a>.</p></body></html>"
    )

    def described(paragraphs: list) -> list:
        return [(p.dom_path, p.text_nodes, p.tags_count, p.chars_count_in_links) for p in paragraphs]

    tree = lxml_html.fromstring(page)
    made = described(make_paragraphs(tree))
    assert made == described(ParagraphMaker.make_paragraphs(tree))
    assert len(made) >= 8 and any(count > 0 for *_, count in made)

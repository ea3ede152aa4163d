"""Metadata candidates from HTML, each with its source."""

from __future__ import annotations

import lxml.html

from newsclean.transforms.extraction import bylines, patterns, structured
from newsclean.transforms.extraction.page_meta import page_metadata, url_date
from newsclean.transforms.extraction.tree import scan_page
from newsclean.transforms.fields.choose import choose_authors

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Pact signed | Example News</title>
<link rel="canonical" href="https://example.com/2025/01/17/pact">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-01-17T10:30:00+03:00">
<meta property="article:modified_time" content="2025-01-18T08:00:00Z">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example News"},
  {"@type": "NewsArticle", "headline": "Putin and Pezeshkian sign a pact",
   "datePublished": "2025-01-17T10:30:00+03:00",
   "author": [{"@type": "Person", "name": "JIM HEINTZ"}, {"@type": "Person", "name": "Nasser Karimi"},
              {"@type": "Organization", "name": "Associated Press"}],
   "publisher": {"@type": "Organization", "name": "Example News"}}]}
</script>
<script>window.dataLayer = [{"pageAuthor": "x", "author": "Jane Doe"}];</script>
</head><body>
<article><h1>Putin and Pezeshkian sign a pact</h1>
<div class="byline">By <a rel="author" href="/jane">Jane Doe</a></div>
<time datetime="2025-01-17">Jan 17</time>
<p>MOSCOW (AP) — Text.</p>
<div class="comments"><span itemprop="author">A Commenter</span></div>
</article></body></html>"""


def test_every_source_is_collected() -> None:
    meta = page_metadata(PAGE, url="https://example.com/2025/01/17/pact")
    sources = dict(meta.authors)
    assert sources["json-ld"] == ["JIM HEINTZ", "Nasser Karimi"]  # the Organization is not a person
    assert sources["html-meta"] == ["Jane Doe"]
    assert sources["rel-author"] == ["Jane Doe"]
    assert sources["byline-element"] == ["By Jane Doe"]
    assert sources["script"] == ["Jane Doe"]
    assert "itemprop" not in sources  # comment authors are not bylines
    dates = dict(meta.dates)
    assert dates["json-ld"].startswith("2025-01-17")
    assert dates["html-meta"].startswith("2025-01-17")
    assert dates["time"] == "2025-01-17"
    assert dates["url"] == "2025-01-17"
    assert meta.modified[0][1].startswith("2025-01-18")
    assert meta.title == "Putin and Pezeshkian sign a pact"
    assert meta.site_name == "Example News"
    assert meta.language == "en"
    assert meta.canonical_url == "https://example.com/2025/01/17/pact"


def test_choose_authors_on_a_page() -> None:
    meta = page_metadata(PAGE)
    assert choose_authors(meta.authors) == (["Jim Heintz", "Nasser Karimi"], "json-ld")


def test_written_by_label_with_the_name_in_the_next_element() -> None:
    html = "<html><body><main><p>Written by</p><p>Edzel Tabing</p><p>Body text here.</p></main></body></html>"
    assert dict(page_metadata(html).authors)["text"] == ["Edzel Tabing"]


def test_broken_json_ld_and_garbage_do_not_raise() -> None:
    html = '<html><head><script type="application/ld+json">{"author": </script></head><body>x</body></html>'
    assert page_metadata(html).authors == []
    assert page_metadata("").authors == []
    assert page_metadata(b"\x00\x01\x02").dates == []


def test_url_dates() -> None:
    assert url_date("https://x.com/2025/01/17/story") == "2025-01-17"
    assert url_date("https://x.com/news/2025-1-7-story") == "2025-01-07"
    assert url_date("https://x.com/20250117/story") == "2025-01-17"
    assert url_date("https://x.com/2025/13/40/story") is None
    assert url_date("https://x.com/story-2025") is None
    assert url_date(None) is None


def _authors(html: str) -> dict[str, list[str]]:
    return dict(page_metadata(html).authors)


def test_author_page_links_whose_address_spells_the_name() -> None:
    html = """<html><body><article><h1>Solar guide</h1>
    <span>Written by: <ul><li><a href="/authors/emily-walker/">Emily Walker</a></li>
    <li><a href="/authors/casey-mcdevitt/">Casey McDevitt</a></li></ul></span>
    <p>Body text.</p>
    <div class="related"><a href="/authors/john-roe/">John Roe</a></div></article>
    <div class="comments"><a href="/profile/saty-chary">Saty Chary</a></div>
    <nav><a href="/author/nav-person">Nav Person</a></nav></body></html>"""
    assert _authors(html)["author-link"] == ["Emily Walker", "Casey McDevitt"]  # co-authors beside, not related
    assert _authors('<html><body><a href="/people/jane-doe-1a2b">Jane Doe</a></body></html>')["author-link"] == [
        "Jane Doe"
    ]  # Arc/Brightspot style
    assert _authors('<html><body><a href="/library/?_author=John%20A.%20Alic">John A. Alic</a></body></html>')[
        "author-link"
    ] == ["John A. Alic"]
    assert _authors('<html><body><a href="/author/maziarforoudian">Mazi</a></body></html>')["author-link"] == ["Mazi"]


def test_author_links_that_do_not_spell_the_name_or_sit_in_comments_are_not_bylines() -> None:
    for html in (
        '<html><body><a href="/author/jdoe">Read more</a></body></html>',
        '<html><body><a href="/author/jane-doe">John Roe</a></body></html>',
        '<html><body><a href="/authors/">All authors</a></body></html>',
        '<html><body><div id="comments"><a href="/profile/jane-doe">Jane Doe</a></div></body></html>',
        '<html><body><footer><a href="/people/jane-doe">Jane Doe</a></footer></body></html>',
    ):
        assert "author-link" not in _authors(html), html


def test_text_bylines_need_a_capitalised_name_or_a_handle() -> None:
    page = "<html><body><main><p>{}</p><p>Body.</p></main></body></html>"
    assert _authors(page.format("By Preetam Jinka"))["text"] == ["By Preetam Jinka"]
    assert _authors(page.format("by ibby"))["text"] == ["by ibby"]
    for prose in ("By batching, we can have better latency", "By submitting, you acknowledge the policy"):
        assert "text" not in _authors(page.format(prose)), prose


def test_dates_printed_near_the_headline_except_updates() -> None:
    html = """<html><body><nav>Jan 2, 2020</nav><div class="top">Menu</div>
    <article><h1>Headline</h1><p class="meta">Published 8 Oct 2022 | Updated: <span>Dec 2, 2022</span></p>
    <p>Body text.</p></article><footer>March 3, 2023</footer></body></html>"""
    assert [raw for source, raw in page_metadata(html).dates if source == "visible"] == ["8 Oct 2022"]
    page = "<html><body><h1>H</h1><p>Last updated on</p><p>January 25, 2026</p></body></html>"
    assert [raw for source, raw in page_metadata(page).dates if source == "visible"] == []


def _visible(html: str) -> list[str]:
    return [raw for source, raw in page_metadata(html).dates if source == "visible"]


def test_dates_printed_just_above_the_headline() -> None:
    kicker = """<html><body><header><a href="/">Home</a></header><div class="hero"><p>Published</p>
    <p>October 14, 2025</p><h1>Top eLearning companies</h1></div><p>Body text.</p></body></html>"""
    assert _visible(kicker) == ["October 14, 2025"]
    # below the headline first, then above it
    both = "<html><body><p>Jan 23, 2025</p><h1>H</h1><p>By Jane Doe, March 2, 2025</p></body></html>"
    assert _visible(both) == ["March 2, 2025", "Jan 23, 2025"]
    nested = """<html><body><div class="hero"><h5 class="preheadline"> January 23, 2025 </h5>
    <div class="title"><div><h1>Solar installation</h1></div></div></div></body></html>"""
    assert _visible(nested) == ["January 23, 2025"]  # in an ancestor's earlier sibling
    parent = "<html><body><div>Dec 17, 2025<h1>H</h1></div></body></html>"
    assert _visible(parent) == ["Dec 17, 2025"]  # the enclosing element's own text
    tail = "<html><body><div><span>Published</span> October 14, 2025 <h1>H</h1></div></body></html>"
    assert _visible(tail) == ["October 14, 2025"]  # the text after an element


def test_dates_above_the_headline_that_are_updates_menus_or_far_away_are_not_taken() -> None:
    updated = "<html><body><div>Last updated:</div><div>Dec 12, 2025</div><h1>H</h1><p>Text.</p></body></html>"
    assert _visible(updated) == []
    menu = "<html><body><nav><p>Sunday, November 22, 2026</p></nav><h1>H</h1><p>Text.</p></body></html>"
    assert _visible(menu) == []
    far = "<html><body><p>May 1, 2024</p>" + "<p>A menu entry of some length.</p>" * 12 + "<h1>H</h1></body></html>"
    assert _visible(far) == []  # more than ~200 characters above the headline
    behind = "<html><body><p>May 1, 2024</p>" + "<span></span>" * 400 + "<h1>H</h1></body></html>"
    assert _visible(behind) == []  # more than 300 elements above it: the walk back stops


def test_a_time_element_gives_its_datetime_when_its_text_gives_no_day() -> None:
    ambiguous = """<html><body><h1>H</h1><div class="node__meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time>
    by Agatha C</div></body></html>"""
    assert _visible(ambiguous) == ["2017-03-01T12:00:00Z"]
    printed = '<html><body><h1>H</h1><time datetime="2024-03-01T05:00:00Z">March 1, 2024</time></body></html>'
    assert _visible(printed) == ["March 1, 2024"]
    # an update stays an update, whichever way it is written
    updated = """<html><body><h1>H</h1><time datetime="2024-12-06T11:29:12Z"><strong>Last Updated:</strong>
    December 6, 2024</time></body></html>"""
    assert _visible(updated) == []
    relative = '<html><body><h1>H</h1><time datetime="2024-12-06T11:29:12Z">Updated 2 days ago</time></body></html>'
    assert _visible(relative) == []


def _time_candidates(html: str) -> list[str]:
    return [raw for source, raw in page_metadata(html).dates if source == "time"]


def test_time_elements_that_state_an_update_are_not_publication_dates() -> None:
    labelled = """<html><body><article><h1>H</h1><time class="entry-date published" datetime="2024-12-06T11:29:12Z">
    <strong>Last Updated:</strong> December 6, 2024</time><p>Text.</p></article></body></html>"""
    assert _time_candidates(labelled) == []
    modified = """<html><body><article><time itemprop="dateModified" datetime="2025-08-05">Aug 5</time>
    <time datetime="2024-03-17">March 17, 2024</time></article></body></html>"""
    assert _time_candidates(modified) == ["2024-03-17"]  # the next <time> in the article is taken
    # a publication time is kept, whatever its text
    published = """<html><body><article><time class="entry-date published" datetime="2023-10-02T14:21:11Z">
    Posted October 2, 2023</time></article></body></html>"""
    assert _time_candidates(published) == ["2023-10-02T14:21:11Z"]
    assert _time_candidates('<html><body><main><time datetime="2025-01-17">Jan 17</time></main></body></html>') == [
        "2025-01-17"
    ]


def _site_person(html: str, url: str) -> list[str]:
    return dict(page_metadata(html, url).authors).get("site-person", [])


def test_a_personal_site_named_after_its_author() -> None:
    page = '<html><head><meta property="og:site_name" content="Polly Barks"></head><body><p>x</p></body></html>'
    assert _site_person(page, "https://pollybarks.com/blog/zero-waste") == ["Polly Barks"]
    titled = "<html><head><title>Go ahead, self-host Postgres | Pierce Freeman</title></head><body></body></html>"
    assert _site_person(titled, "https://pierce.dev/notes/postgres") == ["Pierce Freeman"]
    aside = "<html><head><title>The Fold-and-Cut Problem (Erik Demaine)</title></head><body></body></html>"
    assert _site_person(aside, "https://erikdemaine.org/foldcut") == ["Erik Demaine"]
    home = '<html><head><title>30 Years of Tags</title></head><body><a href="/">Christoffer Artmann</a></body></html>'
    assert _site_person(home, "https://www.artmann.co/articles/x") == ["Christoffer Artmann"]  # the surname


def test_site_names_that_are_no_person_or_not_the_domain_are_not_authors() -> None:
    def named(name: str) -> str:
        return f'<html><head><meta property="og:site_name" content="{name}"></head><body></body></html>'

    assert _site_person(named("Menlo Coaching"), "https://menlocoaching.com/x") == []  # no given name
    assert _site_person(named("The Atlantic"), "https://www.theatlantic.com/x") == []
    assert _site_person(named("REI Hub"), "https://www.reihub.net/x") == []  # capitals: a brand
    assert _site_person(named("Logan University"), "https://www.logan.edu/x") == []
    assert _site_person(named("Polly Barks"), "https://www.example.com/x") == []  # the domain does not spell it
    assert _site_person(named("Arla Foods Ingredients"), "https://www.arlafoodsingredients.com/x") == []
    titled = "<html><head><title>What is a smartphone? | Be Connected</title></head><body></body></html>"
    assert _site_person(titled, "https://beconnected.esafety.gov.au/x") == []  # the domain is not the surname
    home = '<html><body><a href="/">Jane Doe</a></body></html>'
    assert _site_person(home, "https://news.example.com/x") == []


def test_a_date_before_the_byline_in_the_same_element() -> None:
    page = """<html><body><article><h1>H</h1><div class="node__meta"><time datetime="2017-03-01">03/01/2017</time>
    by Agatha Caleo, Candidate Representative</div><p>Body.</p></article></body></html>"""
    assert _authors(page)["text"] == ["by Agatha Caleo, Candidate Representative"]
    for printed in ("Dec 23 Written By Linny Smith", "Posted 5 hours ago by Jane Doe", "March 3, 2024 · by Jane Doe"):
        assert "text" in _authors(f"<html><body><article><p>{printed}</p></article></body></html>"), printed


def test_a_title_or_prose_before_by_is_no_dated_byline() -> None:
    for printed in (
        "Animals: 1,419 Copyright-Free Illustrations by Jim Harter",  # a book and its author
        "In 2019 by Contrast Media",
        "2 Comments by Jane Doe",
        "Chapter one by Jane Doe",
    ):
        assert "text" not in _authors(f"<html><body><article><p>{printed}</p></article></body></html>"), printed


def test_nested_wrappers_printing_one_byline_count_once() -> None:
    page = """<html><body><div><div><div><h2>Article by</h2><div>Matias Heikkilä</div><p>Let's talk</p>
    </div></div></div></body></html>"""
    found = _authors(page)["text"]
    assert found == ["Article by Matias Heikkilä Let's talk", "Matias Heikkilä"]
    assert choose_authors([("text", found)])[0] == ["Matias Heikkilä"]
    # distinct bylines: still only the first two are read
    three = "<html><body><article><p>By Jane Doe</p><p>By John Roe</p><p>By Mary Major</p></article></body></html>"
    assert _authors(three)["text"] == ["By Jane Doe", "By John Roe"]


def test_scholarly_author_meta_tags_one_per_author() -> None:
    page = """<html><head><meta name="DC.Creator" content="Jennifer Huberty">
    <meta name="DC.Contributor" content="Jane Editor">
    <meta name="citation_authors" content="Jennifer Huberty"><meta name="citation_authors" content="Jeni Green">
    <meta name="citation_author" content="Chong Lee"></head><body></body></html>"""
    # every author in order, once; a Dublin Core contributor is not an author
    assert _authors(page)["html-meta"] == ["Jennifer Huberty", "Jeni Green", "Chong Lee"]


def test_css_module_class_names_mark_bylines() -> None:
    page = """<html><body><div class="styles_dateAndAuthorContainer__JAvHP"><span>Dec 17, 2025</span>
    <span>Julian K. Arni</span></div></body></html>"""
    assert _authors(page)["byline-element"] == ["Dec 17, 2025 Julian K. Arni"]
    for label in ("authorization", "pageAuthority", "coauthored", "AuthorBio"):
        assert "byline-element" not in _authors(f'<html><body><div class="{label}">Jane Doe</div></body></html>')


def test_the_text_after_an_element_and_only_the_top_of_the_article() -> None:
    tail = """<html><body><h1>RogerBW's Blog</h1><fieldset><legend>Advent of Code 2025 week 2</legend>
    20 December 2025 <div class="body"><p>I did it.</p></div></fieldset></body></html>"""
    assert _visible(tail) == ["20 December 2025"]
    labelled = "<html><body><h1>H</h1><p><span>Updated</span> Dec 2, 2022</p></body></html>"
    assert _visible(labelled) == []  # the label before a tail still counts
    deep = "<html><body><h1>H</h1>" + "<p>Some long paragraph of article prose here.</p>" * 15
    deep += "<p>As of 30 October 2025, it changed.</p></body></html>"
    assert _visible(deep) == []  # past the top of the article: prose, not a byline date


def test_the_time_under_the_headline_is_the_articles() -> None:
    related_first = """<html><body><article><div class="related"><time datetime="2025-01-31">01/31/2025</time></div>
    <h1>Candidate experience</h1><div class="node__meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time>
    by Agatha Caleo</div></article></body></html>"""
    assert _time_candidates(related_first) == ["2017-03-01T12:00:00Z"]
    no_article = '<html><body><div><h1>H</h1><p><time datetime="2025-12-19">Dec 19, 2025</time></p></div></body></html>'
    assert _time_candidates(no_article) == ["2025-12-19"]
    # a time marked as the publication wins wherever it is; an update under the headline is none
    marked = """<html><body><article><h1>H</h1><time datetime="2025-01-02">Jan 2</time>
    <time itemprop="datePublished" datetime="2024-05-06">May 6</time></article></body></html>"""
    assert _time_candidates(marked) == ["2024-05-06"]
    update = """<html><body><article><time datetime="2024-01-01">Jan 1</time><h1>H</h1>
    <time datetime="2025-02-03">Updated Feb 3, 2025</time></article></body></html>"""
    assert _time_candidates(update) == []


def test_labels_and_the_names_they_introduce() -> None:
    tail = "<html><body><article><div><strong>Contributors:</strong> Janet Loughrey</div></article></body></html>"
    assert _authors(tail)["text"] == ["Janet Loughrey"]
    box = """<html><body><article><p>Body.</p></article><section><h2>Article written by:</h2>
    <div><img alt=""><div><h3>Doris Munoz-Mantilla, MD, FOMA</h3><p>Dr. Munoz-Mantilla is an obesity medicine
    physician who has worked for many years in the field and now leads the clinic's research.</p></div></div>
    </section></body></html>"""
    assert _authors(box)["text"] == ["Doris Munoz-Mantilla, MD, FOMA"]  # the first short text of the author box
    listed = "<html><body><main><h6>Author(s)</h6><ul><li>John A. Alic</li><li>David C. Mowery</li></ul></main></body>"
    assert _authors(listed)["text"] == ["John A. Alic; David C. Mowery"]
    outside = "<html><body><article><p>Body.</p></article><h3>Written by Cassidy Horton</h3></body></html>"
    assert _authors(outside)["text"] == ["Written by Cassidy Horton"]  # the article has none: the body is read


def test_menus_are_not_bylines() -> None:
    nav = "<html><body><main><nav><ul><li>BY USE CASE</li></ul></nav><p>By Preetam Jinka</p></main></body></html>"
    assert _authors(nav)["text"] == ["By Preetam Jinka"]
    menu = "<html><body><footer><ul><li>By State</li></ul></footer><p>Text.</p></body></html>"
    assert "text" not in _authors(menu)
    assert "text" not in _authors("<html><body><main><p>Author</p></main></body></html>")


def test_json_ld_names_escaped_as_html() -> None:
    html = """<html><head><script type="application/ld+json">{"@type": "BlogPosting",
    "author": {"@type": "Person", "name": "Maria &amp; Katerina"}}</script></head><body>x</body></html>"""
    assert _authors(html)["json-ld"] == ["Maria & Katerina"]
    assert choose_authors(page_metadata(html).authors)[0] == ["Maria", "Katerina"]


def test_byline_prefilter_passes_every_text_a_byline_test_takes() -> None:
    """The first-word test that skips most elements must never skip one of the byline forms."""
    takes = [
        "By Jane Doe",
        "BY JIM HEINTZ and NASSER KARIMI",
        "Written by: Ana Ruiz",
        "Story by Tom Lee",
        "Von Anna Schmidt",
        "Par Marie Curie",
        "Por Juan Pérez",
        "door Jan de Vries",
        "by ibby",
        "03/01/2017 by Agatha Caleo",
        "Dec 23 Written By Sam Hill",
        "5 hours ago by Lee Min",
        "Published 2 days ago by Kim Jones",
        "Written by",
        "Authors:",
        "Contributors",
        "Autor:",
        "Autorin Eva Roth",
        "11.12.2019 - Amelie Loevenich",
        "| By",
    ]
    skips = ["Share this story", "The council said on Monday", "— By Jane Doe", "Related: By the numbers"]
    tests = (
        patterns.TEXT_BYLINE.match,
        lambda text: patterns.BYLINE_LABEL.match(text.lstrip("| ")),
        patterns.DATED_BYLINE.match,
        patterns.DATED_NAME.match,
    )
    for text in takes:
        assert any(test(text) for test in tests), text
        element = lxml.html.fragment_fromstring(f"<p><span> </span>{text}<b>x</b></p>")
        assert bylines._may_start_byline(element), text
    for text in skips:
        element = lxml.html.fragment_fromstring(f"<p>{text}</p>")
        assert not bylines._may_start_byline(element), text
        assert not any(test(text) for test in tests), text


def test_scholarly_tags_that_print_family_name_first() -> None:
    page = """<html><head><meta name="citation_author" content="Roy, Aniruddha">
    <meta name="citation_author" content="van der Merwe, Marna"><meta name="DC.Creator" content="Jane Doe, Reuters">
    </head><body></body></html>"""
    assert _authors(page)["html-meta"] == ["Aniruddha Roy", "Marna van der Merwe", "Jane Doe, Reuters"]
    assert structured._uninverted("Roy, Aniruddha; Patel, Jyoti") == "Aniruddha Roy; Jyoti Patel"
    for kept in ("Jane Doe, John Roe, Ann Lee", "Jane Doe, AP", "Jane Doe"):
        assert structured._uninverted(kept) == kept  # a list, an agency, a plain name


def test_a_nav_wrapping_the_headline_is_no_menu() -> None:
    wrapped = """<html><body><nav class="top"><div><h1>How to start an LLC</h1><span>by </span>
    <p><a href="/articles/authors/shannon-grilli">Shannon Grilli</a></p><p>Body.</p></div></nav></body></html>"""
    assert _authors(wrapped)["author-link"] == ["Shannon Grilli"]
    menu = """<html><body><nav><a href="/authors/jane-doe">Jane Doe</a></nav><article><h1>H</h1><p>Body.</p>
    </article></body></html>"""
    assert "author-link" not in _authors(menu)


def test_this_post_was_written_by_inside_the_text() -> None:
    page = """<html><body><article><h1>H</h1><p><em>This post was written by <a href="/p/2838">Vanessa Mendez,
    MD</a>, gastroenterologist, Parkview Health.</em></p></article></body></html>"""
    assert choose_authors(page_metadata(page).authors)[0] == ["Vanessa Mendez"]


def test_author_boxes_bios_more_by_links_and_person_icons() -> None:
    bio = """<html><body><article><p>Body.</p></article><div class="callout"><div><img alt="alban Brooke"></div>
    <div class="callout__content"><h3>Alban Brooke</h3><p>Alban Brooke is the Head of Marketing at
    <a href="/">Buzzsprout</a>.</p></div></div></body></html>"""
    assert _authors(bio)["author-box"] == ["Alban Brooke"]
    label = """<html><body><p>Body.</p><p>About the Author:</p><p>Juliette Carreiro is a skilled content creator.</p>
    </body></html>"""
    assert _authors(label)["author-box"] == ["Juliette Carreiro"]
    more = """<html><body><p>Body.</p><button aria-label="All articles by Elliot Raba"><span>All articles by
    Elliot Raba</span></button></body></html>"""
    assert _authors(more)["author-box"] == ["Elliot Raba"]
    icon = """<html><body><h1>H</h1><ul class="entry-meta"><li><i class="bi bi-person"></i> Bence Kovács</li></ul>
    </body></html>"""
    assert _authors(icon)["author-box"] == ["Bence Kovács"]
    avatar = """<html><body><h1>H</h1><p>Dec 5 <img src="x" class='avatar avatar-xs'/> Mahua Das in
    <a href="/c">Guides</a></p></body></html>"""
    assert _authors(avatar)["author-box"] == ["Mahua Das"]


def test_what_is_no_author_box() -> None:
    listicle = """<html><body><h1>Styles</h1><div class="entry"><h3>Art Deco</h3><p>Art Deco is a style of the
    1920s.</p></div></body></html>"""  # a heading and a paragraph opening with it, but no portrait or author box
    login = """<html><body><header><a href="/login"><i class="fa-user"></i> Login</a></header><h1>H</h1>
    <a href="/c"><i class="fa-user"></i> Contact Us</a></body></html>"""
    comment = """<html><body><h1>H</h1><div class="comments"><img class="avatar" alt="Jane Doe"> Jane Doe</div>
    </body></html>"""
    for page in (listicle, login, comment):
        assert "author-box" not in _authors(page)


def test_a_personal_blogs_copyright_owner_is_the_very_last_resort() -> None:
    blog = """<html><body><article><h1>H</h1><p>Body.</p></article>
    <footer> &copy; 2025 Toby Hede. All rights reserved. <a href="/rss">RSS</a></footer></body></html>"""
    assert _authors(blog)["copyright"] == ["Toby Hede"]
    assert choose_authors(page_metadata(blog).authors)[0] == ["Toby Hede"]
    # a source that names anyone at all, even a bare username, keeps the page
    with_handle = blog.replace("<p>Body.</p>", '<p class="byline">By apblackmd</p><p>Body.</p>')
    assert choose_authors(page_metadata(with_handle).authors)[0] == ["Apblackmd"]
    not_owners = (
        "<footer>©2026 Ava Community Energy</footer>",  # three words: an organisation
        "<footer>© 2025 MongoDB, Inc.</footer>",
        '<div class="figure-footer">Portrait, 1937 © Lee Miller Archives</div>',  # a photo credit
        "<p>© 2025 Jane Doe</p>",  # not the page's footer
        "<footer>This information is copyrighted by TE Certified Electricians</footer>",
    )
    for line in not_owners:
        assert "copyright" not in _authors(f"<html><body><h1>H</h1>{line}</body></html>"), line


def test_a_standfirst_closing_on_its_writers_name_in_capitals() -> None:
    page = """<html><body><h1>Three great evergreens</h1><div class="teaser">It is a great time to plant
    evergreen shrubs, says OLIVE RYAN. </div><p>Body.</p></body></html>"""
    assert _authors(page)["standfirst"] == ["OLIVE RYAN"]
    assert choose_authors(page_metadata(page).authors)[0] == ["Olive Ryan"]
    for text in ("The launch slipped again, says NASA.", "Prices rose, says Jane Doe.", "It rose, she says NOW."):
        assert "standfirst" not in _authors(f"<html><body><h1>H</h1><p>{text}</p></body></html>"), text


def test_a_round_portrait_captioned_with_its_name() -> None:
    page = """<html><body><h1>H</h1><span>2025-12-17</span><a title="Trond Teigen"><img src="/a.png"
    alt="Trond Teigen" class="inline-block rounded-full"><div>Trond Teigen</div></a></body></html>"""
    assert _authors(page)["author-box"] == ["Trond Teigen"]
    uncaptioned = '<html><body><h1>H</h1><img alt="Trond Teigen" class="rounded-full"><p>Body.</p></body></html>'
    assert "author-box" not in _authors(uncaptioned)


def test_comments_beside_bylines_and_author_boxes_are_passed_over() -> None:
    page = """<html><body><h1>H</h1><div class="author-box"><h3>Alban Brooke</h3><!-- bio -->
    <p>Alban Brooke is the Head of Marketing.</p></div></body></html>"""
    assert _authors(page)["author-box"] == ["Alban Brooke"]  # a comment is no element whose text can be read
    icon = '<html><body><h1>H</h1><span><i class="fa-user"></i><!-- n --><span>Mahua Das</span></span></body></html>'
    assert _authors(icon)["author-box"] == ["Mahua Das"]
    label = "<html><body><main><p>Written by</p><!-- c --><p>Jane Doe</p></main></body></html>"
    assert _authors(label)["text"] == ["Jane Doe"]


def test_last_resorts_are_not_searched_when_a_source_names_someone() -> None:
    page = """<html><head><meta name="author" content="Jane Doe"></head><body><h1>H</h1>
    <div class="callout"><div><img alt="Alban Brooke"></div><div><h3>Alban Brooke</h3>
    <p>Alban Brooke is the Head of Marketing.</p></div></div>
    <footer>© 2025 Toby Hede.</footer></body></html>"""
    assert set(_authors(page)) == {"html-meta"}
    site_only = page.replace("Jane Doe", "Buzzsprout")  # the site's name or no person: they are read
    assert {"author-box", "copyright"} <= set(_authors(site_only))


def test_author_boxes_in_other_languages() -> None:
    german = """<html><body><p>Text.</p><h4>Über den Autor</h4><p>Jonas Weber ist Redakteur im Ressort Wirtschaft.</p>
    </body></html>"""
    assert _authors(german)["author-box"] == ["Jonas Weber"]
    french = """<html><body><p>Texte.</p><a href="/auteurs/jd">Tous les articles de Jean Dupont</a></body></html>"""
    assert _authors(french)["author-box"] == ["Jean Dupont"]
    spanish = """<html><body><p>Texto.</p><div class="autor-bio"><div><img alt="María López"></div><h3>María López</h3>
    <p>María López es periodista de economía.</p></div></body></html>"""
    assert _authors(spanish)["author-box"] == ["María López"]


def test_labels_of_other_languages_and_a_date_with_a_name_under_the_headline() -> None:
    label = """<html><body><article><h1>Skoda</h1><h5 class="title-inline">Autor: </h5>Peter Maahn/SP-X
    <p>Der lange Weg zum Strom.</p></article></body></html>"""
    assert _authors(label)["text"] == ["Peter Maahn/SP-X"]
    assert choose_authors(page_metadata(label).authors)[0] == ["Peter Maahn"]
    colon = "<html><body><main><p><b>Text:</b> Lena Vogt</p><p>Body.</p></main></body></html>"
    assert _authors(colon)["text"] == ["Lena Vogt"]
    heading = "<html><body><main><h3>Text</h3><p>Lena Vogt wrote this paragraph.</p></main></body></html>"
    assert "text" not in _authors(heading)  # "Text" without its colon is a heading
    dated = """<html><body><main><h1>Variablen</h1><p class="text-muted">11.12.2019 - Amelie Loevenich</p>
    <p>Body.</p></main></body></html>"""
    assert _authors(dated)["text"] == ["Amelie Loevenich"]
    teaser = """<html><body><main><h1>News</h1><p>11.12.2019 - Neue Regeln</p><p>12.12.2019 - Tagung Berlin</p>
    </main></body></html>"""
    assert "text" not in _authors(teaser)  # a dated teaser title is no name: no given name first


def test_a_press_contact_is_the_last_resort() -> None:
    release = """<html><body><main><h1>Umfrage</h1><p>Die Ergebnisse finden Sie hier.</p>
    <p><strong>Pressekontakt</strong><br>Dr. Tim Loppe<br>Pressesprecher<br>Tel.: 0211 77900 363</p>
    </main></body></html>"""
    assert _authors(release)["press-contact"] == ["Tim Loppe"]
    assert choose_authors(page_metadata(release).authors) == (["Tim Loppe"], "press-contact")
    media = """<html><body><main><p>Body.</p><div>Media contact:</div><p><b>Jane Roe</b>, +1 555 0100</p>
    </main></body></html>"""
    assert _authors(media)["press-contact"] == ["Jane Roe"]
    no_person = """<html><body><main><p>Body.</p><p><strong>Pressekontakt</strong><br>presse@example.com</p>
    <nav><a>Kontakt</a> Hanna Berg</nav></main></body></html>"""
    assert "press-contact" not in _authors(no_person)
    bylined = release.replace("<h1>Umfrage</h1>", "<h1>Umfrage</h1><p>Von Anna Schmidt</p>")
    assert "press-contact" not in _authors(bylined)  # a byline names someone: the last resorts are not read


def test_all_articles_links_in_german() -> None:
    box = """<html><body><main><p>Body.</p></main><div class="author-bio footer"><h3>Martin Junker</h3>
    <p><a href="/author/martin">Alles von Martin Junker</a></p></div></body></html>"""
    assert _authors(box)["author-box"] == ["Martin Junker"]


def test_dated_names_with_a_time_or_a_label_and_weak_labels_that_need_a_person() -> None:
    timed = """<html><body><main><small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>Stellungnahme</h1>
    <p>Body.</p></main></body></html>"""
    assert _authors(timed)["text"] == ["Uta Helkenberg"]
    labelled = """<html><body><main><div>05.02.2020 <span>- Redaktion: Eberhard Fuhr (Pressesprecher)</span></div>
    </main></body></html>"""
    assert choose_authors(page_metadata(labelled).authors)[0] == ["Eberhard Fuhr"]
    credits = """<html><body><main><div class="credits"><div>Interview</div><div>SVEN MICHAELSEN</div></div>
    </main></body></html>"""
    assert choose_authors(page_metadata(credits).authors)[0] == ["Sven Michaelsen"]
    topics = """<html><body><main><ul><li><a>Interview</a></li><li><a>Veranstaltung</a></li></ul>
    <p>Von: Götz Warnke</p></main></body></html>"""
    assert choose_authors(page_metadata(topics).authors)[0] == ["Götz Warnke"]  # a menu's next topic is no name
    screen_reader = """<html><body><main><h1>H</h1><span class="screen-reader-text">| By </span>
    <span>Cara Stiles</span> | <time>Apr 3</time></main></body></html>"""
    assert _authors(screen_reader)["text"] == ["Cara Stiles"]
    plural = "<html><body><main><p>Body.</p><p>Autoren Jelko Djuren und Jutta Klaukien</p></main></body></html>"
    assert choose_authors(page_metadata(plural).authors)[0] == ["Jelko Djuren", "Jutta Klaukien"]


def test_a_name_signed_under_the_story_and_bold_headings_that_are_not() -> None:
    prose = "<p>" + "Tappara Tampere gastiert nun am 1. März im schwedischen Ängelholm. " * 3 + "</p>"
    signed = f"<html><body><article>{prose}<p><b><i>Stefan Wasmer</i></b></p></article></body></html>"
    assert _authors(signed)["signature"] == ["Stefan Wasmer"]
    right = f'<html><body><article>{prose}<p align="right"><em>Denis Clerc</em></p></article></body></html>'
    assert _authors(right)["signature"] == ["Denis Clerc"]
    heading = f"<html><body><article>{prose}<p><strong>Sunny Weather</strong></p>{prose}</article></body></html>"
    assert "signature" not in _authors(heading)  # prose follows: a heading, not a signature
    first = f"<html><body><article><p><b>Stefan Wasmer</b></p>{prose}</article></body></html>"
    assert "signature" not in _authors(first)


def test_byline_worded_elements_are_those_whose_class_or_id_holds_a_byline_word() -> None:
    """Read at once from every class and id of the body: the elements a test of each element's label picks,
    in document order, each once."""
    tree = lxml.html.fromstring(
        """<html><head><meta class="author"></head><body><div class="x" id="AUTHOR-box"><p class="ByLine">a</p>
        <span class="writer" id="contributor">b</span></div><p class="plain">c</p><i id="by-line"></i></body></html>"""
    )
    worded = [
        e
        for e in tree.xpath("//body//*[@class or @id]")
        if patterns.BYLINE_WORD.search(f"{e.get('class') or ''} {e.get('id') or ''}")
    ]
    assert bylines._byline_worded(scan_page(tree)) == worded
    assert [e.tag for e in worded] == ["div", "p", "span", "i"]


def test_byline_prefilter_letters_are_those_of_the_byline_words() -> None:
    """The two-letter test before the pattern holds only if every byline word is case-folded and two letters long."""
    assert all(len(word) >= 2 and word == word.casefold() for word in patterns.BYLINE_FIRST_WORDS)
    for text, starts in [("Straße", False), ("ÉCRIT PAR X", True), ("BY JANE", True), ("Hour ago", True), ("Q", False)]:
        assert bylines._may_start_byline(lxml.html.fragment_fromstring(f"<p>{text}</p>")) is starts, text


def test_page_scan_gathers_what_the_xpaths_it_replaces_select() -> None:
    """One walk gives each reader the elements its own XPath over the tree selected, in document order."""
    tree = lxml.html.fromstring(
        """<html><head><link rel="canonical"><link rel="canonical" href=" /a "><script type="application/LD+JSON">
        </script></head><body><main><time class="posted-on">1</time><h1>T</h1><article><time>2</time></article>
        <a rel="nofollow\tauthor" class="x">A</a><a rel="authors">B</a><span itemprop="author">C</span>
        <div class="comment-list"><span itemprop="author">D</span></div><p itemprop="datePublished">E</p>
        <script src="x.js"></script></main></body></html>"""
    )
    scan = scan_page(tree)
    labelled = tree.xpath("//body//*[@class or @id]")
    assert scan.labelled == [(e, e.get("class") or "", e.get("id") or "") for e in labelled]
    assert scan.item_authors == tree.xpath('//*[@itemprop="author"]')
    assert scan.rel_authors == tree.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]')
    published = (
        '//time[@itemprop="datePublished" or @pubdate or contains(@class,"publish") or contains(@class,"posted")]'
    )
    assert scan.published == tree.xpath(f'{published}|//*[@itemprop="datePublished"]')
    assert scan.times == tree.xpath("//time") and scan.scripts == tree.xpath("//script")
    assert scan.canonical == tree.xpath('//link[@rel="canonical"]/@href')[0] == " /a "
    assert scan.first_h1 is tree.xpath("//body//h1[1]")[0] and scan.first_article is tree.xpath("//article | //main")[0]
    assert structured._in_comment_label(scan.item_authors[1]) and not structured._in_comment_label(scan.item_authors[0])


def test_regions_the_body_skips_hold_those_the_article_skips() -> None:
    """text_bylines reads no element twice: one the article's reading passed over, the body's would too."""
    assert patterns.MENUS <= patterns.HIDDEN


def test_author_href_words_are_in_every_alternative_of_the_pattern() -> None:
    """Each way AUTHOR_HREF can match holds one of the words the links are picked by, so no link it matches
    is passed over; spelled out, as the pattern's alternatives nest."""
    spelled = [
        "/authors/", "/byauthor/", "/autor/", "/autores/", "/autoren/", "/auteur/", "/auteurs/", "/autori/",
        "/people/", "/person/", "/profile/", "/profiles/", "/staff/", "/writer/", "/writers/", "/contributor/",
        "/contributors/", "/journalist/", "/journalists/", "/reporter/", "/reporters/", "/columnist/",
        "/columnists/", "/redakteur/", "/redaktion/autor/", "?author=", "&_author_name=",
    ]  # fmt: skip
    alternatives = patterns.AUTHOR_HREF.pattern.split("/(?:")[1].split(")/(")[0].split("|")
    assert patterns.AUTHOR_HREF.pattern.count("|[?&]") == 1 and "en)?" in alternatives  # autor(?:es|en)?
    for alternative in (a for a in alternatives if a != "en)?"):
        assert any(word in alternative.lower() for word in patterns.AUTHOR_HREF_WORDS), alternative
    for href in spelled:
        name = "x=jane-doe" if href.endswith("=") else "jane-doe"
        assert patterns.AUTHOR_HREF.search(f"https://site{href}{name}".replace("x=", "")), href
        assert any(word in href.lower() for word in patterns.AUTHOR_HREF_WORDS), href


def test_author_links_are_picked_as_the_pattern_picks_them() -> None:
    """The links read are those AUTHOR_HREF matches, in document order, also with odd letters and line breaks."""
    for odd in ("", "\u212a", "\n"):
        tree = lxml.html.fromstring(
            f"""<html><body><a href="/a/b">x</a><a href="/AUTHOR/jane-doe{odd}">Jane Doe</a><a>none</a>
            <p><a href="/news?author=Ann%20Lee">Ann Lee</a><a href="/staff/">s</a></p></body></html>"""
        )
        scan = scan_page(tree)
        picked = [link for link, href in bylines._author_hrefs(scan) if patterns.AUTHOR_HREF.search(href)]
        assert picked == [a for a in tree.iter("a") if patterns.AUTHOR_HREF.search(a.get("href") or "")]
        assert len(picked) == 2


def test_every_author_page_label_opens_as_more_by_starts_says() -> None:
    """The byline search joins a link's text only when its first four letters may open MORE_BY's label."""
    import itertools

    from newsclean.transforms.extraction.patterns import MORE_BY, MORE_BY_STARTS

    verbs = ["", "view ", "see ", "show ", "read ", "browse ", "zeige ", "voir ", "ver ", "vedi "]
    counts = ["all", "more", "alle", "mehr", "weitere", "tous les", "plus d'", "todos los", "todas las", "todos os"]
    counts.append("tutti gli")
    for verb, count in itertools.product(verbs, counts):
        label = f"{verb}{count} articles by Jane Doe".replace("d' ", "d'")
        assert MORE_BY.match(label), label
        assert label[:4].casefold() in MORE_BY_STARTS, label
    for label in ("Alles von Jane Doe", "Mehr von Jane Doe"):
        assert MORE_BY.match(label)[1] == "Jane Doe" and label[:4].casefold() in MORE_BY_STARTS

"""Metadata candidates from an HTML page: JSON-LD, meta tags, <time>, rel=author, bylines, URL.

Every candidate keeps its source, so the field choosers in :mod:`transforms.fields`
can rank them with a stated order and ``date_source`` can say which one won.
The parser never fetches anything: lxml's HTML parser resolves no external
entities and loads no linked resources.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.etree
import lxml.html
import regex

_ARTICLE_TYPES = regex.compile(
    r"(?:News)?Article|BlogPosting|Report|LiveBlogPosting|ScholarlyArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|Posting",
    regex.I,
)
_PAGE_TYPES = regex.compile(
    r"WebPage|ItemPage|CollectionPage|AboutPage|FAQPage|MedicalWebPage|Recipe|Review|HowTo|VideoObject|Product", regex.I
)

AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "citation_author", "citation_authors", "cxenseparse:author", "article.author", "authors",
    "twitter:data1",
)  # fmt: skip
DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "article.published", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
    "displaydate", "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
)  # fmt: skip
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified")
_BYLINE_CLASS = regex.compile(
    r"(?:^|[\s_-])(?:byline|by-line|author(?:s|-?name|-?info|-?link|-?byline)?|article-?author|post-?author|"
    r"entry-?author|writer|contributor)(?:$|[\s_-])"
    # CSS-module names: "styles_dateAndAuthorContainer__JAvHP", "ArticleByline_wrapper"
    r"|(?-i:(?<=\p{Ll})(?:Author|Byline)(?:s|Name)?(?=\p{Lu}|[\s_-]|$))",
    regex.I,
)
_BYLINE_WORDS = ("author", "byline", "by-line", "writer", "contributor")
# The cheap test before _BYLINE_CLASS (one pattern call, not five tests a label).
_BYLINE_WORD = regex.compile("|".join(regex.escape(word) for word in _BYLINE_WORDS), regex.I)
_NOT_BYLINE_CLASS = regex.compile(r"bio|avatar|image|img|photo|comment|about|description|social|follow", regex.I)
_URL_DATE = regex.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\.|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)


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


def _text(element) -> str:
    """Visible text with a space between nodes, so ``<b>Jane Doe</b><i>Editor</i>`` stays two words."""
    parts = [t for t in element.itertext() if t and t.strip()]
    return " ".join(" ".join(parts).split())


def _short_text(element, limit: int = 120) -> str | None:
    """:func:`_text` when it is under ``limit`` characters, else None, without reading further.

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


def _names_from_ld(value) -> list[str]:
    """Author names from a JSON-LD ``author`` value: a string, a Person, or a list of them."""
    if isinstance(value, str):
        return [html.unescape(value)]  # CMSs often escape JSON-LD strings as HTML: "Maria &amp; Katerina"
    if isinstance(value, dict):
        kind = str(value.get("@type", "Person"))
        if "Organization" in kind or "Organisation" in kind:
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [html.unescape(name)]
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
        given, family = value.get("givenName"), value.get("familyName")
        return [f"{given} {family}"] if isinstance(given, str) and isinstance(family, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names_from_ld(item)]
    return []


def _ld_objects(data) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _ld_objects(data[key])


def _json_ld(tree, meta: PageMeta) -> None:
    found_article = False
    page_objects: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(regex.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        for obj in _ld_objects(data):
            kind = obj.get("@type", "")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind)
            if _ARTICLE_TYPES.search(kind):
                found_article = True
                _take_ld(obj, "json-ld", meta)
            elif _PAGE_TYPES.search(kind):
                page_objects.append(obj)
            if not meta.site_name and "Organization" in kind and isinstance(obj.get("name"), str):
                pass
    if not found_article:
        for obj in page_objects:
            _take_ld(obj, "json-ld-page", meta)


def _take_ld(obj: dict, source: str, meta: PageMeta) -> None:
    names = _names_from_ld(obj.get("author")) or _names_from_ld(obj.get("creator"))
    if names:
        meta.authors.append((source, names))
    for key in ("datePublished", "dateCreated", "uploadDate"):
        if isinstance(obj.get(key), str):
            meta.dates.append((source, obj[key]))
            break
    if isinstance(obj.get("dateModified"), str):
        meta.modified.append((source, obj["dateModified"]))
    headline = obj.get("headline") or obj.get("name")
    if isinstance(headline, str) and not meta.title:
        meta.title = headline.strip()
    publisher = obj.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and not meta.site_name:
        meta.site_name = publisher["name"].strip()


# Library-catalogue tags print "Family, Given" ("Roy, Aniruddha"); one tag per author, or "; " between them.
_INVERTED_META = frozenset({"citation_author", "citation_authors", "dc.creator", "dcterms.creator"})
_FAMILY_GIVEN = regex.compile(
    r"^\s*(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}),\s+(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2})\s*$"
)


def _uninverted(content: str) -> str:
    """``Roy, Aniruddha; Patel, Jyoti`` -> ``Aniruddha Roy; Jyoti Patel``, when the part before each comma is
    one word (or has a particle: ``van der Merwe``) or the part after starts with a given name;
    ``Jane Doe, Reuters`` is left as it is."""
    from transforms.agency import canonical_agency
    from transforms.firstnames import is_known_given_name

    def family_first(match) -> bool:
        family = match[1].split()
        if canonical_agency(match[2]):
            return False
        return len(family) == 1 or any(w.islower() for w in family) or is_known_given_name(match[2].split()[0])

    parts = [p for p in content.split(";") if p.strip()]
    matches = [_FAMILY_GIVEN.match(p) for p in parts]
    if not parts or not all(m and family_first(m) for m in matches):
        return content
    return "; ".join(f"{m[2]} {m[1]}" for m in matches)


def _meta_tags(tree, meta: PageMeta) -> None:
    authors: list[str] = []
    for element in tree.iter("meta"):
        key = (element.get("name") or element.get("property") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if not key or not content:
            continue
        if key in AUTHOR_META:
            if key == "twitter:data1" and not any(
                (m.get("name") or "").lower() == "twitter:label1" and "written" in (m.get("content") or "").lower()
                for m in tree.iter("meta")
            ):
                continue
            if not content.startswith(("http://", "https://", "/")):
                authors.append(_uninverted(content) if key in _INVERTED_META else content)
        elif key in DATE_META:
            meta.dates.append(("html-meta", content))
        elif key in {k.lower() for k in MODIFIED_META}:
            meta.modified.append(("html-meta", content))
        elif key in ("og:site_name", "application-name") and not meta.site_name:
            meta.site_name = content
        elif key in ("og:title", "twitter:title") and not meta.title:
            meta.title = content
    if authors:
        meta.authors.append(("html-meta", list(dict.fromkeys(authors))))


def _itemprop_and_rel(tree, meta: PageMeta) -> None:
    names = []
    for element in tree.xpath(
        '//*[@itemprop="author"][not(ancestor::*[contains(@class,"comment") or contains(@id,"comment")])]'
    ):
        inner = element.xpath('.//*[@itemprop="name"]')
        if inner:
            names.append(inner[0].get("content") or _text(inner[0]))
        elif element.tag != "meta":
            names.append(_text(element))
        elif element.get("content"):
            names.append(element.get("content"))
    names = [n for n in names if n and len(n) < 120]
    if names:
        meta.authors.append(("itemprop", list(dict.fromkeys(names))))
    rel = [_text(a) for a in tree.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]')]
    rel = [n for n in rel if n and len(n) < 80]
    if rel:
        meta.authors.append(("rel-author", list(dict.fromkeys(rel))))


def _byline_elements(tree, meta: PageMeta) -> None:
    texts: list[str] = []
    seen: set = set()
    for element in tree.xpath("//body//*[@class or @id]"):
        label = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not _BYLINE_WORD.search(label):
            continue  # the cheap test first: most elements' classes name no byline
        if not _BYLINE_CLASS.search(label) or _NOT_BYLINE_CLASS.search(label):
            continue
        if element.tag in ("script", "style", "img", "meta", "link", "noscript"):
            continue
        if any(ancestor in seen for ancestor in element.iterancestors()):
            continue  # already counted through an enclosing byline element
        seen.add(element)
        text = _short_text(element)
        if text and len(text) > 2:
            texts.append(text)
        if len(texts) >= 3:
            break
    if texts:
        meta.authors.append(("byline-element", list(dict.fromkeys(texts))))


# The lead in any case, the name with a capital (case-sensitive) or one lower-case handle ("by ibby"):
# "By batching, we can ..." is prose.
_TEXT_BYLINE = regex.compile(
    r"^(?i:by|written\s+by|story\s+by|words\s+by|article\s+by|posted\s+by|author|von|par|por|door|di|av|af"
    r"|this\s+(?:post|article|story|piece|blog\s+post|guide)\s+(?:was\s+)?(?:written|authored|contributed)\s+by)"
    r"(?:\s*:\s+|\s+)(?:\p{Lu}[^!?]{1,100}|\p{Ll}[\p{L}\p{N}._-]{1,30})$"
)
# A date before the byline in the same element (``03/01/2017 by …``, ``Dec 23 Written By …``,
# ``5 hours ago by …``): one to four words, each with a digit or a month, weekday or time word.
_DATE_WORD = (
    r"(?:[\p{N}][\p{N}.,/:-]*(?:st|nd|rd|th|am|pm|h)?,?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"\p{L}{0,6}\.?,?|(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}{0,6}\.?,?|(?i:ago|at|on|am|pm|hours?|minutes?|mins?|days?|"
    r"weeks?|published|posted))"
)
_DATED_BYLINE = regex.compile(
    rf"^(?=[^\n]{{0,40}}?\d)(?:{_DATE_WORD}\s*[|·•—–-]?\s+){{1,8}}?(?=(?i:by|written\s+by|posted\s+by|story\s+by)\s)"
)


# Every first word the three byline tests above can start with (as prefixes, so a superset):
# an element whose text starts otherwise is passed over before its text is joined.
_BYLINE_FIRST_WORDS = (
    *("by", "written", "story", "words", "article", "posted", "author", "contributor", "published", "this"),
    *("von", "par", "por", "door", "di", "av", "af"),
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun", "ago", "at", "on", "am", "pm", "hour", "min", "day", "week"),
)
_LEADING_LETTERS = regex.compile(r"\A\s*+(\p{L}{1,12})")  # anchored: a search is one attempt, not one a space


def _may_start_byline(element) -> bool:
    """Whether the element's text could start a byline: its first word, read without joining the rest.

    Byline searches visit hundreds of elements a page; most start with a word no
    byline starts with, and joining their text was a tenth of a page's time.
    """
    own = element.text  # most elements start with their own text: no iterator needed
    for text in (own,) if own and not own.isspace() else element.itertext():
        stripped = text.lstrip()
        if stripped:
            if stripped[0].isnumeric():
                return True
            word = _LEADING_LETTERS.match(stripped)
            return word is not None and word[1].casefold().startswith(_BYLINE_FIRST_WORDS)
    return False


def _has_by(text: str) -> bool:
    """The cheap test before :data:`_DATED_BYLINE`: a word ``by`` somewhere after the start."""
    return " by " in text or " By " in text or " BY " in text


# A label alone ("Written by") whose name sits in the next element.
_BYLINE_LABEL = regex.compile(
    r"^(?:by|(?:article\s+|post\s+)?written\s+by|story\s+by|article\s+by|posted\s+by|author(?:ed\s+by|s|\(s\))?"
    r"|contributors?|words\s+by)\s*:?$",
    regex.I,
)
_BLOCKS = "p div span li h1 h2 h3 h4 h5 h6 address td section header a strong b em i small".split()


# A standfirst that ends on its writer's name in capitals, as Irish and British papers print it:
# "…, it is a great time to plant evergreens, says OLIVE RYAN." ("…, says NASA." is one word: no person).
_STANDFIRST_CREDIT = regex.compile(
    r"[,.]\s+(?:says|writes|reports|explains)\s+(\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-]+){1,2})\.?\s*$"
)


def _standfirst_credit(under_headline: str, meta: PageMeta) -> None:
    """The name in capitals that closes a standfirst (``…, says OLIVE RYAN.``), in the visible texts
    under the headline (:func:`_headline_text`, joined by `` | ``)."""
    for text in under_headline.split(" | "):
        if match := _STANDFIRST_CREDIT.search(text[-200:]):
            meta.authors.append(("standfirst", [match[1]]))
            return


def _headline_wrappers(tree) -> frozenset:
    """The elements enclosing the page's first ``<h1>``: a ``<nav>`` or ``<footer>`` among them is broken
    markup wrapping the whole article (legalzoom.com), not a menu, and its bylines count."""
    first = next(iter(tree.xpath("//body//h1[1]")), None)
    return frozenset(first.iterancestors()) if first is not None else frozenset()


def _in_region(element, tags, wrappers: frozenset) -> bool:
    """Whether an ancestor of ``element`` is one of ``tags`` (and not a wrapper of the headline)."""
    return any(a.tag in tags and a not in wrappers for a in element.iterancestors())


def _text_bylines(tree, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """``By Jane Doe`` in the visible text near the top of the article, or a ``Written by`` label and its name.

    The article (``<article>``, ``<main>``) is read first, the whole body when it has none.
    """
    body = tree.find("body")
    roots = [r for r in (next(iter(tree.xpath("//article | //main")), None), body) if r is not None]
    found: list[str] = []
    for root in dict.fromkeys(roots):
        for count, element in enumerate(root.iter(*_BLOCKS)):
            if count > 600 or len(found) >= 2:
                break
            if not _may_start_byline(element):
                continue
            text = _short_text(element, 121)
            if not text:
                continue
            skip = _MENUS if root is not body else _HIDDEN  # menus; on the whole body also footers, asides, forms
            if _in_region(element, skip, wrappers):
                continue
            byline = None
            if _TEXT_BYLINE.match(text):
                byline = text
            elif _has_by(text) and (dated := _DATED_BYLINE.match(text)) and _TEXT_BYLINE.match(text[dated.end() :]):
                byline = text[dated.end() :]  # "03/01/2017 by Agatha Caleo", "Dec 23 Written By …"
            elif _BYLINE_LABEL.match(text):
                byline = _named_after_label(element)
            if byline and byline not in found:  # nested wrappers print the same text: count it once
                found.append(byline)
        if found:
            break
    if found:
        meta.authors.append(("text", list(dict.fromkeys(found))))


def _named_after_label(label) -> str | None:
    """The names a ``Written by`` / ``Contributors:`` label introduces: its tail text, or the next element
    (list items joined by ``;``, or the first short text inside a larger author box)."""
    tail = " ".join((label.tail or "").split())
    if 2 < len(tail) < 120:
        return tail
    following = _element_sibling(label, 1)
    if following is None:
        return None
    items = [_text(li) for li in following.iter("li")]
    if following.tag in ("ul", "ol") and items:
        joined = "; ".join(i for i in items if i)
        return joined if len(joined) < 200 else None
    text = _short_text(following)
    if text and len(text) > 2:
        return text
    for inner in following.iter(*_BLOCKS):
        text = _short_text(inner)
        if text and len(text) > 2:
            return text
    return None


# Author pages as CMSs link them: WordPress ``/author/jane-doe/``, Arc and Brightspot ``/people/…``,
# ``/authors/…``, ``/profile/…``, ``/staff/…``, or a ``?author=Jane+Doe`` listing.
_AUTHOR_HREF = regex.compile(
    r"/(?:[\w-]*authors?|autor(?:es|en)?|auteurs?|autori|people|person|profiles?|staff|writers?|"
    r"contributors?|journalists?|reporters?|columnists?|redakteur|redaktion/autor)/([^/?#]{2,80})/?(?:[?#]|$)"
    r"|[?&]_?author(?:_name)?=([^&#]{2,80})",
    regex.I,
)
_SLUG_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_COMMENTS = regex.compile(r"comment|replies|discussion", regex.I)


def _label(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _in_comments(element) -> bool:
    """Whether ``element`` sits in a comment thread (a class or id saying comments, replies, discussion)."""
    return any(_COMMENTS.search(_label(a)) for a in element.iterancestors())


_SKIP_REGIONS = ("nav", "footer", "form", "button", "select", "noscript")


def _fold(text: str) -> list[str]:
    """Lower-case tokens without accents: ``Martínez-Beltrán`` -> ``martinez``, ``beltran``."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _SLUG_TOKEN.findall("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _slug_names(link, slug: str) -> list[str]:
    """The link's name when the author-page slug spells it (first and last word), else nothing."""
    from urllib.parse import unquote_plus

    from transforms.names import split_names

    slug_tokens = set(_fold(unquote_plus(slug)))
    text = _text(link) or link.get("title") or link.get("aria-label") or ""
    if not text or len(text) > 120:
        return []
    first_slug = _fold(unquote_plus(slug))[:1]
    named = []
    for name in split_names(text)[0]:
        words = _fold(name)
        if len(words) >= 2 and words[0] in slug_tokens and words[-1] in slug_tokens:
            named.append(name)
        elif len(words) == 1 and len(words[0]) >= 3 and first_slug and first_slug[0].startswith(words[0]):
            named.append(name)  # "Mazi" -> /author/maziarforoudian
    return named


def _author_links(tree, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """Links to author pages whose address spells the linked name (``/author/jane-doe`` -> Jane Doe).

    The first such link is the byline; links beside it (same block, a few levels up) are co-authors,
    later ones elsewhere on the page (related stories, comment authors) are not.
    """
    body = tree.find("body")
    if body is None:
        return
    found: list[tuple[object, str]] = []
    for link in body.iter("a"):
        match = _AUTHOR_HREF.search(link.get("href") or "")
        if not match or _in_region(link, _SKIP_REGIONS, wrappers):
            continue
        if _in_comments(link):
            continue
        for name in _slug_names(link, match[1] or match[2]):
            found.append((link, name))
        if len(found) >= 12:
            break
    if not found:
        return
    first = found[0][0]
    group = [a for a in list(first.iterancestors())[:3] if a.tag not in ("body", "html", "main", "article")]
    names = [name for link, name in found if link is first or any(a in group for a in link.iterancestors())]
    meta.authors.append(("author-link", list(dict.fromkeys(names))))


# An author box: a bio that opens with the name printed just above it ("<h3>Alban Brooke</h3>
# <p>Alban Brooke is the Head of Marketing ..."), or after an "About the author" label.
_BIO_START = regex.compile(
    r"^(\p{Lu}[\p{L}'’.\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]+|de|da|van|von|der|den|del|la|le)){0,3})\s+"
    r"(?:is|was|has|writes|covers|joined|leads|works|holds|brings|loves|specializes|specialises"
    r"|ist|war|schreibt|est|a|écrit|es|fue|escribe|è|ha|scrive|é|foi|escreve)\s"  # de, fr, es, it, pt
)
_ABOUT_AUTHOR = regex.compile(
    r"^(?:about\s+the\s+(?:author|writer)|meet\s+the\s+author|author\s+bio(?:graphy)?"
    r"|über\s+(?:den\s+autor|die\s+autorin)|à\s+propos\s+de\s+l['’]auteur(?:e|rice)?|sobre\s+(?:el|la|o|a)\s+autora?"
    r"|sull['’]autore|over\s+de\s+auteur)\s*:?$",
    regex.I,
)
# "All articles by Elliot Raba", "View all posts by Jane Doe", "More stories from Jane Doe", and
# "Alle Artikel von …", "Tous les articles de …", "Todos los artículos de …", "Tutti gli articoli di …".
_MORE_BY = regex.compile(
    r"^(?:(?:view|see|read|browse)\s+)?(?:all|more)\s+(?:posts|articles|stories|blogs?|blog\s+posts|content|work)\s+"
    r"(?:by|from)\s+(\p{Lu}.{2,60})$"
    r"|^(?:alle\s+(?:artikel|beiträge)\s+von|tous\s+les\s+articles\s+de|todos\s+los\s+artículos\s+de"
    r"|tutti\s+gli\s+articoli\s+di|todos\s+os\s+artigos\s+de)\s+(\p{Lu}.{2,60})$",
    regex.I,
)
_MORE_BY_STARTS = frozenset(("all ", "more", "view", "see ", "read", "brow", "alle", "tous", "todo", "tutt"))
# A person icon before the name ("<i class="bi bi-person"></i> Bence Kovács"), or an avatar image
# beside it ("<img class='avatar'/> Mahua Das in <a>Guides</a>").
_PERSON_ICON = regex.compile(
    r"(?:^|\s)(?:fa-user(?:-circle|-o)?|fa-user-pen|bi-person(?:-circle|-fill)?|icon-user|icon-person|icon-author|"
    r"dashicons-admin-users|glyphicon-user|avatar|gravatar)(?:$|\s)",
    regex.I,
)
_AUTHOR_HINT = regex.compile(r"author|writer|byline|contributor|bio(?:graphy)?(?:$|[\s_-])", regex.I)
_TAIL_CONNECTIVE = regex.compile(r"(?<!\s)\s+(?:in|on|at|from|posted|published)$", regex.I)


def _element_sibling(element, step: int):
    """The element just before (``step`` -1) or after (+1) ``element``, past comments and processing
    instructions (whose text cannot be read as an element's)."""
    return next(element.itersiblings(lxml.etree.Element, preceding=step < 0), None)


def _bio_name(paragraph) -> str | None:
    """The name a bio paragraph opens with, when the element before it prints that name or an
    "About the author" label."""
    match = _BIO_START.match((paragraph.text or "").lstrip())
    before = _element_sibling(paragraph, -1)
    if not match or before is None:
        return None
    shown = _short_text(before, 80) or ""
    if _ABOUT_AUTHOR.match(shown):
        return match[1]
    if shown != match[1]:
        return None
    # A heading and a paragraph opening with it is also a listicle entry ("Art Deco is a style"):
    # the box must also show the person (a portrait whose alt is the name) or say it is an author box.
    box = list(paragraph.iterancestors())[:3]
    portrait = any((img.get("alt") or "").strip().casefold() == match[1].casefold() for img in box[-1].iter("img"))
    return match[1] if portrait or any(_AUTHOR_HINT.search(_label(a)) for a in box) else None


def _icon_name(icon) -> str | None:
    """The text right after a person icon or avatar, or the image's ``alt``, when it is short."""
    tail = " ".join((icon.tail or "").split())
    following = _element_sibling(icon, 1)
    if not tail and following is not None and following.tag in ("span", "a", "strong", "b"):
        tail = _short_text(following, 60) or ""
    tail = _TAIL_CONNECTIVE.sub("", tail)
    if 3 <= len(tail) <= 60:
        return tail
    alt = " ".join((icon.get("alt") or "").split())
    return alt if icon.tag == "img" and 3 <= len(alt) <= 60 else None


def _author_box(tree, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """Names an author box prints: a bio opening with the name shown above it, an "All articles by"
    link, or the text beside a person icon or avatar. Comments and menus are not read."""
    from transforms.firstnames import is_known_given_name

    body = tree.find("body")
    if body is None:
        return
    names: list[str] = []
    for paragraph in body.iter("p"):
        if (name := _bio_name(paragraph)) and not _in_region(paragraph, _HIDDEN, wrappers):
            names.append(name)
            break
    for element in body.iter("a", "button", "span"):
        label = element.get("aria-label") or element.get("title") or ""
        if not label and (element.text or "").lstrip()[:4].casefold() in _MORE_BY_STARTS:
            label = _short_text(element, 80) or ""  # joined only when it may say "All articles by"
        if (match := _MORE_BY.match(label)) and not _in_comments(element):
            names.append(match[1] or match[2])
            break
    for icon in tree.xpath(
        "//body//*[self::i or self::span or self::img or self::svg][contains(@class,'user') or "
        "contains(@class,'person') or contains(@class,'avatar') or contains(@class,'author')]"
    ):
        if not _PERSON_ICON.search(icon.get("class") or ""):
            continue
        if _in_region(icon, _HIDDEN, wrappers) or _in_comments(icon):
            continue
        name = _icon_name(icon)
        if name and is_known_given_name(name.split()[0]):  # "Login", "Contact Us" sit beside user icons too
            names.append(name)
            break
    for portrait in tree.xpath(
        "//body//img[contains(@class,'rounded-full') or contains(@class,'rounded-circle')][@alt]"
    ):
        if (name := _captioned_portrait(portrait)) and is_known_given_name(name.split()[0]):
            if not _in_region(portrait, _HIDDEN, wrappers):
                names.append(name)
                break
    if names:
        meta.authors.append(("author-box", list(dict.fromkeys(names))))


def _captioned_portrait(image) -> str | None:
    """A round portrait whose ``alt`` the text beside it repeats (``<a title="Trond Teigen"><img
    alt="Trond Teigen" class="rounded-full"><div>Trond Teigen</div></a>``): that name."""
    alt = " ".join((image.get("alt") or "").split())
    if not 3 <= len(alt) <= 60:
        return None
    following = _element_sibling(image, 1)
    beside = [_short_text(following, 80) if following is not None else None, image.getparent().get("title")]
    return alt if any(text and text.casefold() == alt.casefold() for text in beside) else None


_SCRIPT_AUTHOR = regex.compile(
    r"""["'](?:author|authors|authorName|author_name|pagePostAuthor|byline|writer)["']\s*:\s*"""
    r"""(?:["']([^"'\n]{2,80})["']|\[\s*["']([^"'\n]{2,80})["'](?:\s*,\s*["']([^"'\n]{2,80})["'])?)"""
)


def _script_authors(tree, meta: PageMeta) -> None:
    """Author fields in analytics objects (``dataLayer``, page config), the last resort."""
    names: list[str] = []
    for script in tree.xpath("//script[not(@src)]"):
        text = script.text or ""
        if "uthor" not in text and "yline" not in text and "riter" not in text:
            continue
        for match in _SCRIPT_AUTHOR.finditer(text[:200000], timeout=1.0):
            names.extend(n for n in match.groups() if n)
        if names:
            break
    if names:
        meta.authors.append(("script", list(dict.fromkeys(names))[:5]))


def _is_update(element) -> bool:
    """A ``<time>`` that states a modification: ``itemprop="dateModified"`` or a text saying ``Updated``."""
    return (element.get("itemprop") or "").lower() == "datemodified" or bool(
        _UPDATE_WORD.search(_short_text(element) or "")
    )


_TITLE_SEPARATOR = regex.compile(r"\s[|—–-]\s")
_TITLE_ASIDE = regex.compile(r"\(([^()]{3,40})\)\s*$")


def _site_person(tree, meta: PageMeta, url: str | None) -> None:
    """A personal site named after its author (``Polly Barks`` on pollybarks.com, ``… | Pierce Freeman`` on
    pierce.dev, ``The Fold-and-Cut Problem (Erik Demaine)`` on erikdemaine.org, a home link ``Christoffer
    Artmann`` on artmann.co): the site's name, the ``<title>``'s last part or closing parenthesis, or the
    text of the first link home, when it is two words, a known given name first, and the domain spells
    the given name or is the surname. The last resort of :func:`transforms.fields.choose_authors`."""
    from transforms.firstnames import is_known_given_name
    from transforms.names import clean_person_name

    host = regex.sub(r"^https?://", "", url or meta.canonical_url or "").split("/")[0].split(":")[0].lower()
    labels = [part for part in host.split(".") if part not in {"www", "m", "blog"}]
    if not labels:
        return
    head = tree.find("head")
    title = head.find("title") if head is not None else None
    title_text = _text(title) if title is not None else ""
    parts = _TITLE_SEPARATOR.split(title_text)
    aside = _TITLE_ASIDE.search(title_text)
    home = next(iter(tree.xpath('//body//a[@href="/" or @href="./" or @href="../"][normalize-space()][1]')), None)
    spelled = "".join(_SLUG_TOKEN.findall(labels[0]))
    for raw in (
        meta.site_name,
        parts[-1] if len(parts) > 1 else None,
        aside[1] if aside else None,
        _short_text(home, 40) if home is not None else None,
    ):
        words = (raw or "").split()
        if len(words) != 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
            continue  # "REI Hub", "ELLE Decor": capitals are a brand
        if clean_person_name(raw) != raw.strip():
            continue  # "The Atlantic", "Logan University"
        first, last = ("".join(_fold(w)) for w in words)
        if is_known_given_name(words[0]) and (
            (len(first) >= 3 and first in spelled) or (len(last) >= 4 and last == spelled)
        ):
            meta.authors.append(("site-person", [raw.strip()]))
            return


# "© 2025 Toby Hede. All rights reserved.", "Copyright © 2019-2025 Cassidy Williams": a person owning the site,
# the line's whole start ("… 1937 © Lee Miller Archives" is a photo credit), first and last name only.
_COPYRIGHT_PERSON = regex.compile(
    r"^(?:©|\((?i:c)\)|(?i:copyright))\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s+\p{Lu}\.)?\s+\p{Lu}\p{Ll}[\p{L}'’\-]*)"
    r"(?=\s*(?:[.,|·•]|$)|\s+(?i:all\s+rights))"
)


_FOOTER = regex.compile(r"footer|copyright|colophon", regex.I)


def _copyright_person(tree, meta: PageMeta) -> None:
    """The person a personal blog's copyright line names, when it names a full name with a known
    given name (not ``© 2025 Associated Press``, ``© MongoDB, Inc.``). After every other source."""
    from transforms.firstnames import is_known_given_name

    for text in reversed(tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright')]")[-5:]):
        parent = text.getparent()
        if parent is None or not any(  # the page's footer: a photo's "© Lee Miller Archives" is a credit
            a.tag == "footer" or _FOOTER.search(_label(a)) for a in (parent, *parent.iterancestors())
        ):
            continue
        match = _COPYRIGHT_PERSON.match(" ".join(str(text).split()))
        if match and is_known_given_name(match[1].split()[0]):
            meta.authors.append(("copyright", [match[1]]))
            return


def _times(tree, meta: PageMeta, under_headline=None) -> None:
    """A ``<time>`` marked as the publication (itemprop, pubdate, class), else the first one under the
    headline (``under_headline``), else the first in the article, header or main."""
    published = tree.xpath(
        '//time[@itemprop="datePublished" or @pubdate or contains(@class,"publish") or contains(@class,"posted")]'
        '|//*[@itemprop="datePublished"]'
    )
    for element in published:
        if element.tag == "time" and _is_update(element):
            continue
        value = element.get("datetime") or element.get("content") or _text(element)
        if value:
            meta.dates.append(("time", value))
            return
    fallback = [under_headline] if under_headline is not None else []
    for element in fallback or tree.xpath("//article//time | //header//time | //main//time")[:3]:
        if _is_update(element):
            continue
        value = element.get("datetime") or _text(element)
        if value:
            meta.dates.append(("time", value))
        return


_HIDDEN = frozenset(("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "select"))
_UPDATED_LABEL = regex.compile(
    r"(?:updated|modified|revised|edited|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt)"
    r"[\s:,.|-]{0,5}(?:on|at|am|le|el|il|op)?[\s:,.|-]{0,5}$",
    regex.I,
)
_UPDATE_WORD = regex.compile(
    r"updated|modified|revised|edited|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato", regex.I
)
_MENUS = frozenset(("nav", "select"))
VISIBLE_DATE_CHARS = 600  # of visible text from the headline on: where a page prints its byline date


BEFORE_HEADLINE_CHARS = 200  # of visible text just above the headline: a kicker or hero line may print the date


def _time_value(element) -> str | None:
    """A ``<time>``'s own text, or its ``datetime`` when the printed text gives no day (``03/01/2017``,
    ``2 days ago``) and says nothing of an update (``Last Updated: …`` stays excluded by its label)."""
    from transforms.dates import find_date

    printed = _short_text(element) or ""
    stamp = element.get("datetime")
    if not stamp or find_date(printed) is not None or _UPDATE_WORD.search(printed):
        return element.text
    return stamp


def _headline_text(tree) -> tuple[str, str, object]:
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
        if isinstance(child.tag, str) and child.tag not in _HIDDEN:
            yield from _forward_texts(child)
        if child.tail:
            yield child.tail, None


def _following_texts(h1) -> Iterator[tuple[str | None, object]]:
    """:func:`_forward_texts` of ``h1``, then of everything after it in the page, climbing its ancestors."""
    yield from _forward_texts(h1)
    node = h1
    while node.getparent() is not None and node.tag != "body":
        if not any(a.tag in _HIDDEN for a in node.iterancestors()):
            if node.tail:
                yield node.tail, None
            for sibling in node.itersiblings():
                if isinstance(sibling.tag, str) and sibling.tag not in _HIDDEN:
                    yield from _forward_texts(sibling)
                if sibling.tail:
                    yield sibling.tail, None
        node = node.getparent()


BEFORE_HEADLINE_ELEMENTS = 300  # elements read backwards from the headline at most (empty wrappers, icons)


def _reversed_texts(element, budget: list[int]) -> Iterator[str]:
    """The visible texts inside ``element`` (and the text after its children), last first, hidden regions
    skipped, read lazily; each element read spends one of ``budget``."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    for child in reversed(element):
        if child.tail and child.tail.strip():
            yield child.tail
        if isinstance(child.tag, str) and child.tag not in _HIDDEN:
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
            if isinstance(sibling.tag, str) and sibling.tag not in _HIDDEN:
                yield from _reversed_texts(sibling, budget)
            else:
                budget[0] -= 1
            if budget[0] < 0:
                return
        node = node.getparent()
        if node is None or node.tag == "body" or node.tag in _HIDDEN:
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


def _visible_dates(after: str, before: str) -> list[tuple[str, str]]:
    """Dates printed near the headline (``visible``; the texts :func:`_headline_text` reads), except those
    labelled as updates: below it first, then just above it (a kicker line)."""
    from transforms.dates import find_all_dates

    found_dates = []
    for text in (after, before):
        for found in find_all_dates(text)[:3]:
            if not _UPDATED_LABEL.search(text[max(0, found.start - 30) : found.start]):
                found_dates.append(("visible", text[found.start : found.end]))
    return found_dates


def url_date(url: str | None) -> str | None:
    """``2025-01-17`` for ``https://site/2025/01/17/story``; None when the URL has no full date."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    y, m, d = (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def names_someone(meta: PageMeta, url: str | None) -> bool:
    """Whether a source read so far names a convincing person (as :func:`transforms.fields.choose_authors`
    judges it): then no last resort (author box, personal site, copyright owner) can be chosen, and
    they are not searched for (about 2 ms a page)."""
    from transforms.fields import clean_author_list, convincing_people
    from transforms.names import outlet_keys

    not_names = outlet_keys(meta.site_name, url)
    return any(convincing_people(clean_author_list(raws, not_names), not_names) for _source, raws in meta.authors)


def page_metadata(html: str | bytes | lxml.html.HtmlElement, url: str | None = None) -> PageMeta:
    """All metadata candidates of a page (markup, or a tree parsed already, which is only read).

    An unparsable page gives an empty :class:`PageMeta`.
    """
    meta = PageMeta()
    if isinstance(html, lxml.html.HtmlElement):
        tree = html
    else:
        try:
            tree = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            return meta
    meta.language = (tree.get("lang") or tree.get("xml:lang") or "").split("-")[0].lower() or None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.canonical_url = canonical[0].strip() if canonical else None
    _json_ld(tree, meta)
    _meta_tags(tree, meta)
    _itemprop_and_rel(tree, meta)
    _byline_elements(tree, meta)
    wrappers = _headline_wrappers(tree)
    _text_bylines(tree, meta, wrappers)
    _author_links(tree, meta, wrappers)
    after, before, first_time = _headline_text(tree)
    _standfirst_credit(after, meta)
    _script_authors(tree, meta)
    if not names_someone(meta, url):  # the last resorts, read only when they can count
        _author_box(tree, meta, wrappers)
        _site_person(tree, meta, url)
        _copyright_person(tree, meta)
    visible = _visible_dates(after, before)
    _times(tree, meta, first_time)
    meta.dates.extend(visible)
    found = url_date(url) or url_date(meta.canonical_url)
    if found:
        meta.dates.append(("url", found))
    if not meta.title:
        titles = tree.xpath("//title")
        meta.title = _text(titles[0]) if titles else None
    return meta

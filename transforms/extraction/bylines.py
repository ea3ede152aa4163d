"""Bylines a page prints: byline elements, 'By' texts, author links, author boxes and last resorts."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

from newsclean.transforms.extraction.patterns import (
    ABOUT_AUTHOR,
    AUTHOR_HINT,
    AUTHOR_HREF,
    AUTHOR_HREF_WORDS,
    BIO_START,
    BLOCKS,
    BYLINE_CLASS,
    BYLINE_FIRST_WORDS,
    BYLINE_LABEL,
    BYLINE_WORD,
    CONTACT_LABEL,
    COPYRIGHT_PERSON,
    DATED_BYLINE,
    DATED_NAME,
    FOOTER,
    HIDDEN,
    LEADING_LETTERS,
    MENUS,
    MORE_BY,
    MORE_BY_STARTS,
    NOT_BYLINE_CLASS,
    PERSON_ICON,
    SKIP_REGIONS,
    SLUG_TOKEN,
    STANDFIRST_CREDIT,
    TAIL_CONNECTIVE,
    TEXT_BYLINE,
    TITLE_ASIDE,
    TITLE_SEPARATOR,
    WEAK_BYLINE_LABEL,
)
from newsclean.transforms.extraction.tree import (
    PageMeta,
    PageScan,
    element_label,
    element_sibling,
    element_text,
    fold_words,
    in_comments,
    in_region,
    short_text,
)
from newsclean.transforms.vocabulary import FieldSource


def _byline_worded(scan: PageScan) -> list:
    """The body's elements whose ``class`` or ``id`` holds a :data:`BYLINE_WORD`, in document order.

    Every label is searched joined, each element's ``class`` and ``id`` by a space and the elements by
    NUL, which no byline word holds and no attribute value can: one pattern call a page, not one an
    element; a match's element is the number of NULs before it.
    """
    labels = [f"{label} {name}" for _element, label, name in scan.labelled]
    joined = "\x00".join(labels)
    if joined.count("\x00") != max(len(labels) - 1, 0):  # a value holding NUL after all: count by lengths
        starts = list(accumulate((len(label) + 1 for label in labels), initial=0))
        return [
            scan.labelled[i][0]
            for i in sorted({bisect_right(starts, m.start()) - 1 for m in BYLINE_WORD.finditer(joined)})
        ]
    found, index, at = [], 0, 0
    for match in BYLINE_WORD.finditer(joined):
        index += joined.count("\x00", at, match.start())
        at = match.start()
        if not found or found[-1] is not scan.labelled[index][0]:
            found.append(scan.labelled[index][0])
    return found


def byline_elements(scan: PageScan, meta: PageMeta) -> None:
    texts: list[str] = []
    seen: set = set()
    for element in _byline_worded(scan):
        label = f"{element.get('class') or ''} {element.get('id') or ''}"
        if not BYLINE_CLASS.search(label) or NOT_BYLINE_CLASS.search(label):
            continue
        if element.tag in ("script", "style", "img", "meta", "link", "noscript"):
            continue
        if any(ancestor in seen for ancestor in element.iterancestors()):
            continue  # already counted through an enclosing byline element
        seen.add(element)
        text = short_text(element)
        if text and len(text) > 2:
            texts.append(text)
        if len(texts) >= 3:
            break
    if texts:
        meta.authors.append((FieldSource.BYLINE_ELEMENT, list(dict.fromkeys(texts))))


def _may_start_byline(element) -> bool:
    """Whether the element's text could start a byline: its first word, read without joining the rest.

    Byline searches visit hundreds of elements a page; most start with a word no
    byline starts with, and joining their text was a tenth of a page's time.
    """
    own = element.text  # most elements start with their own text: no iterator needed
    for text in (own,) if own and not own.isspace() else element.itertext():
        stripped = text.lstrip()
        if stripped:
            first = stripped[0]
            if first.isnumeric():
                return True
            if first.isalpha() and stripped[:2].casefold()[:2] not in _BYLINE_PREFIXES:
                return False  # the word's first two letters start no byline word: the pattern need not run
            word = LEADING_LETTERS.match(stripped)
            return word is not None and word[1].casefold().startswith(BYLINE_FIRST_WORDS)
    return False


# The first two letters of every byline word (each has two or more, case-folded already: a test checks it).
_BYLINE_PREFIXES = frozenset(word[:2] for word in BYLINE_FIRST_WORDS)


def _has_by(text: str) -> bool:
    """The cheap test before :data:`DATED_BYLINE`: a word ``by`` somewhere after the start."""
    return " by " in text or " By " in text or " BY " in text


def standfirst_credit(under_headline: str, meta: PageMeta) -> None:
    """The name in capitals that closes a standfirst (``…, says OLIVE RYAN.``), in the visible texts
    under the headline (:func:`headline_text`, joined by `` | ``)."""
    for text in under_headline.split(" | "):
        if match := STANDFIRST_CREDIT.search(text[-200:]):
            meta.authors.append((FieldSource.STANDFIRST, [match[1]]))
            return


def text_bylines(tree, scan: PageScan, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """``By Jane Doe`` in the visible text near the top of the article, or a ``Written by`` label and its name.

    The article (``<article>``, ``<main>``) is read first, the whole body when it has none. The body's
    reading skips the elements the article's read already: they gave nothing then, and give nothing
    now (the body skips more regions, :data:`HIDDEN` holding :data:`MENUS`).
    """
    body = tree.find("body")
    roots = [r for r in (scan.first_article, body) if r is not None]
    found: list[str] = []
    read: set = set()
    for root in dict.fromkeys(roots):
        for count, element in enumerate(root.iter(*BLOCKS)):
            if count > 600 or len(found) >= 2:
                break
            if root is not body:
                read.add(element)
            elif element in read:
                continue
            if not _may_start_byline(element):
                continue
            text = short_text(element, 121)
            if not text:
                continue
            skip = MENUS if root is not body else HIDDEN  # menus; on the whole body also footers, asides, forms
            if in_region(element, skip, wrappers):
                continue
            byline = None
            if TEXT_BYLINE.match(text):
                byline = text
            elif _has_by(text) and (dated := DATED_BYLINE.match(text)) and TEXT_BYLINE.match(text[dated.end() :]):
                byline = text[dated.end() :]  # "03/01/2017 by Agatha Caleo", "Dec 23 Written By …"
            elif BYLINE_LABEL.match(label := text.lstrip("| ")):  # "| By" printed for screen readers
                byline = _named_after_label(element)
                if byline and WEAK_BYLINE_LABEL.match(label) and not _a_person(byline):
                    byline = None
            elif (dated_name := DATED_NAME.match(text)) and _a_person(dated_name[1]):
                byline = dated_name[1]  # "11.12.2019 - Amelie Loevenich"
            if byline and byline not in found:  # nested wrappers print the same text: count it once
                found.append(byline)
        if found:
            break
    if found:
        meta.authors.append((FieldSource.TEXT_BYLINE, list(dict.fromkeys(found))))


def _given_name_first(name: str) -> bool:
    from newsclean.transforms.fields.firstnames import is_known_given_name

    return is_known_given_name(name.split()[0])


def _a_person(text: str) -> str | None:
    """The full name ``text`` holds when its first word is a known given name (a line that only may be a
    byline: a dated teaser title, a contact block's next line), else None."""
    from newsclean.transforms.fields.names import clean_person_name

    name = clean_person_name(text)
    return name if name and " " in name and _given_name_first(name) else None


def _named_after_label(label) -> str | None:
    """The names a ``Written by`` / ``Contributors:`` label introduces: its tail text, or the next element
    (list items joined by ``;``, or the first short text inside a larger author box)."""
    tail = " ".join((label.tail or "").split())
    if 2 < len(tail) < 120:
        return tail
    following = element_sibling(label, 1)
    if following is None:
        return None
    items = [element_text(li) for li in following.iter("li")]
    if following.tag in ("ul", "ol") and items:
        joined = "; ".join(i for i in items if i)
        return joined if len(joined) < 200 else None
    text = short_text(following)
    if text and len(text) > 2:
        return text
    for inner in following.iter(*BLOCKS):
        text = short_text(inner)
        if text and len(text) > 2:
            return text
    return None


def _slug_names(link, slug: str) -> list[str]:
    """The link's name when the author-page slug spells it (first and last word), else nothing."""
    from urllib.parse import unquote_plus

    from newsclean.transforms.fields.names import split_names

    slug_tokens = set(fold_words(unquote_plus(slug)))
    text = element_text(link) or link.get("title") or link.get("aria-label") or ""
    if not text or len(text) > 120:
        return []
    first_slug = fold_words(unquote_plus(slug))[:1]
    named = []
    for name in split_names(text)[0]:
        words = fold_words(name)
        if len(words) >= 2 and words[0] in slug_tokens and words[-1] in slug_tokens:
            named.append(name)
        elif len(words) == 1 and len(words[0]) >= 3 and first_slug and first_slug[0].startswith(words[0]):
            named.append(name)  # "Mazi" -> /author/maziarforoudian
    return named


def _author_hrefs(scan: PageScan) -> list[tuple[object, str]]:
    """The body's links whose ``href`` holds one of :data:`AUTHOR_HREF_WORDS`, in document order: the only
    ones :data:`AUTHOR_HREF` can match, found in every ``href`` joined and lower-cased (one search a word,
    not one a link). ASCII only: other letters may match those words' letters when lower-casing does not
    map them (``K`` for k); a page with such an ``href``, or one holding a line break, is read link by link."""
    hrefs = [href for _link, href in scan.links]
    joined = "\n".join(hrefs)
    if not joined.isascii() or joined.count("\n") != max(len(hrefs) - 1, 0):
        return scan.links
    lowered = joined.lower()
    holding: set[int] = set()
    for word in AUTHOR_HREF_WORDS:
        at = lowered.find(word)
        while at >= 0:
            holding.add(lowered.count("\n", 0, at))
            at = lowered.find(word, at + 1)
    return [scan.links[i] for i in sorted(holding)]


def author_links(tree, scan: PageScan, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """Links to author pages whose address spells the linked name (``/author/jane-doe`` -> Jane Doe).

    The first such link is the byline; links beside it (same block, a few levels up) are co-authors,
    later ones elsewhere on the page (related stories, comment authors) are not.
    """
    if tree.find("body") is None:
        return
    found: list[tuple[object, str]] = []
    for link, href in _author_hrefs(scan):
        match = AUTHOR_HREF.search(href)
        if not match or in_region(link, SKIP_REGIONS, wrappers):
            continue
        if in_comments(link):
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
    meta.authors.append((FieldSource.AUTHOR_LINK, list(dict.fromkeys(names))))


def _bio_name(paragraph) -> str | None:
    """The name a bio paragraph opens with, when the element before it prints that name or an
    "About the author" label."""
    match = BIO_START.match((paragraph.text or "").lstrip())
    before = element_sibling(paragraph, -1)
    if not match or before is None:
        return None
    shown = short_text(before, 80) or ""
    if ABOUT_AUTHOR.match(shown):
        return match[1]
    if shown != match[1]:
        return None
    # A heading and a paragraph opening with it is also a listicle entry ("Art Deco is a style"):
    # the box must also show the person (a portrait whose alt is the name) or say it is an author box.
    box = list(paragraph.iterancestors())[:3]
    portrait = any((img.get("alt") or "").strip().casefold() == match[1].casefold() for img in box[-1].iter("img"))
    return match[1] if portrait or any(AUTHOR_HINT.search(element_label(a)) for a in box) else None


def _icon_name(icon) -> str | None:
    """The text right after a person icon or avatar, or the image's ``alt``, when it is short."""
    tail = " ".join((icon.tail or "").split())
    following = element_sibling(icon, 1)
    if not tail and following is not None and following.tag in ("span", "a", "strong", "b"):
        tail = short_text(following, 60) or ""
    tail = TAIL_CONNECTIVE.sub("", tail)
    if 3 <= len(tail) <= 60:
        return tail
    alt = " ".join((icon.get("alt") or "").split())
    return alt if icon.tag == "img" and 3 <= len(alt) <= 60 else None


def author_box(tree, scan: PageScan, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """Names an author box prints: a bio opening with the name shown above it, an "All articles by"
    link, or the text beside a person icon or avatar. Comments and menus are not read."""
    from newsclean.transforms.fields.firstnames import is_known_given_name

    body = tree.find("body")
    if body is None:
        return
    names: list[str] = []
    for paragraph in body.iter("p"):
        if (name := _bio_name(paragraph)) and not in_region(paragraph, HIDDEN, wrappers):
            names.append(name)
            break
    for element in body.iter("a", "button", "span"):
        label = element.get("aria-label") or element.get("title") or ""
        if not label and (element.text or "").lstrip()[:4].casefold() in MORE_BY_STARTS:
            label = short_text(element, 80) or ""  # joined only when it may say "All articles by"
        if (match := MORE_BY.match(label)) and not in_comments(element):
            names.append(match[1])
            break
    icons = (
        element
        for element, label, _name in scan.labelled
        if element.tag in ("i", "span", "img", "svg") and any(word in label for word in _ICON_WORDS)
    )
    for icon in icons:
        if not PERSON_ICON.search(icon.get("class") or ""):
            continue
        if in_region(icon, HIDDEN, wrappers) or in_comments(icon):
            continue
        name = _icon_name(icon)
        if name and is_known_given_name(name.split()[0]):  # "Login", "Contact Us" sit beside user icons too
            names.append(name)
            break
    portraits = (
        element
        for element, label, _name in scan.labelled
        if element.tag == "img"
        and ("rounded-full" in label or "rounded-circle" in label)
        and element.get("alt") is not None
    )
    for portrait in portraits:
        if (name := _captioned_portrait(portrait)) and is_known_given_name(name.split()[0]):
            if not in_region(portrait, HIDDEN, wrappers):
                names.append(name)
                break
    if names:
        meta.authors.append((FieldSource.AUTHOR_BOX, list(dict.fromkeys(names))))


# The class words of a person icon or avatar (contains(@class, …) in the XPath this replaced).
_ICON_WORDS = ("user", "person", "avatar", "author")


def _captioned_portrait(image) -> str | None:
    """A round portrait whose ``alt`` the text beside it repeats (``<a title="Trond Teigen"><img
    alt="Trond Teigen" class="rounded-full"><div>Trond Teigen</div></a>``): that name."""
    alt = " ".join((image.get("alt") or "").split())
    if not 3 <= len(alt) <= 60:
        return None
    following = element_sibling(image, 1)
    beside = [short_text(following, 80) if following is not None else None, image.getparent().get("title")]
    return alt if any(text and text.casefold() == alt.casefold() for text in beside) else None


def site_person(tree, meta: PageMeta, url: str | None) -> None:
    """A personal site named after its author (``Polly Barks`` on pollybarks.com, ``… | Pierce Freeman`` on
    pierce.dev, ``The Fold-and-Cut Problem (Erik Demaine)`` on erikdemaine.org, a home link ``Christoffer
    Artmann`` on artmann.co): the site's name, the ``<title>``'s last part or closing parenthesis, or the
    text of the first link home, when it is two words, a known given name first, and the domain spells
    the given name or is the surname. The last resort of :func:`newsclean.transforms.fields.choose.choose_authors`."""
    from newsclean.transforms.fields.firstnames import is_known_given_name
    from newsclean.transforms.fields.names import clean_person_name

    host = regex.sub(r"^https?://", "", url or meta.canonical_url or "").split("/")[0].split(":")[0].lower()
    labels = [part for part in host.split(".") if part not in {"www", "m", "blog"}]
    if not labels:
        return
    head = tree.find("head")
    title = head.find("title") if head is not None else None
    title_text = element_text(title) if title is not None else ""
    parts = TITLE_SEPARATOR.split(title_text)
    aside = TITLE_ASIDE.search(title_text)
    home = next(iter(tree.xpath('//body//a[@href="/" or @href="./" or @href="../"][normalize-space()][1]')), None)
    spelled = "".join(SLUG_TOKEN.findall(labels[0]))
    for raw in (
        meta.site_name,
        parts[-1] if len(parts) > 1 else None,
        aside[1] if aside else None,
        short_text(home, 40) if home is not None else None,
    ):
        words = (raw or "").split()
        if len(words) != 2 or not all(w[:1].isupper() and not w.isupper() for w in words):
            continue  # "REI Hub", "ELLE Decor": capitals are a brand
        if clean_person_name(raw) != raw.strip():
            continue  # "The Atlantic", "Logan University"
        first, last = ("".join(fold_words(w)) for w in words)
        if is_known_given_name(words[0]) and (
            (len(first) >= 3 and first in spelled) or (len(last) >= 4 and last == spelled)
        ):
            meta.authors.append((FieldSource.SITE_PERSON, [raw.strip()]))
            return


def copyright_person(tree, meta: PageMeta) -> None:
    """The person a personal blog's copyright line names, when it names a full name with a known
    given name (not ``© 2025 Associated Press``, ``© MongoDB, Inc.``). After every other source."""
    from newsclean.transforms.fields.firstnames import is_known_given_name

    for text in reversed(tree.xpath("//body//text()[contains(., '©') or contains(., 'opyright')]")[-5:]):
        parent = text.getparent()
        if parent is None or not any(  # the page's footer: a photo's "© Lee Miller Archives" is a credit
            a.tag == "footer" or FOOTER.search(element_label(a)) for a in (parent, *parent.iterancestors())
        ):
            continue
        match = COPYRIGHT_PERSON.match(" ".join(str(text).split()))
        if match and is_known_given_name(match[1].split()[0]):
            meta.authors.append((FieldSource.COPYRIGHT, [match[1]]))
            return


def press_contact(tree, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """The person a press release names under its contact label (``Pressekontakt``, ``Media contact``,
    ``Ansprechpartnerin``, ``Kontakt:``): the first text after the label, when it is a full name with a
    known given name (``Dr. Tim Loppe``, not ``Telefon …`` or ``presse@example.com``). A last resort."""
    body = tree.find("body")
    if body is None:
        return
    for element in body.iter("strong", "b", "p", "div", "span", "h2", "h3", "h4", "h5", "h6", "dt", "td", "li"):
        own = (element.text or "").strip()
        if not 6 <= len(own) <= 45 or not CONTACT_LABEL.match(own) or len(element) > 1:
            continue
        if in_region(element, MENUS, wrappers):
            continue
        following = element.xpath("following::text()[normalize-space()][1]")
        if following and (name := _a_person(" ".join(str(following[0]).split()))):
            meta.authors.append((FieldSource.PRESS_CONTACT, [name]))
            return


_EMPHASIS = frozenset(("b", "strong", "i", "em", "font", "span", "small"))


def _set_apart(paragraph) -> bool:
    """Whether a paragraph is printed apart from prose: wholly in bold or italics, or aligned right."""
    if "right" in (paragraph.get("align") or "") or "right" in (paragraph.get("style") or ""):
        return True
    inner = paragraph
    while len(inner) == 1 and not (inner.text or "").strip() and not (inner[0].tail or "").strip():
        inner = inner[0]
        if inner.tag in ("b", "strong", "i", "em"):
            return True
        if inner.tag not in _EMPHASIS:
            return False
    return False


def signature(tree, scan: PageScan, meta: PageMeta, wrappers: frozenset = frozenset()) -> None:
    """The writer's name signed under the story: a paragraph after the prose, with no prose after it, that
    is only a full name with a known given name, set apart in bold, italics or right-aligned (``<p><b><i>Stefan
    Wasmer</i></b></p>``; a bold ``Key Features`` over the next paragraphs is a heading). A last resort."""
    root = scan.first_article
    if root is None:
        root = tree.find("body")
    if root is None:
        return
    prose = False
    signed = None
    for paragraph in root.iter("p"):
        text = short_text(paragraph, 60)
        if text is None:
            prose, signed = True, None  # a paragraph longer than a name: what came before signs nothing
            continue
        if not prose or not 5 <= len(text) <= 50 or len(text.split()) > 4 or not _set_apart(paragraph):
            continue
        if in_region(paragraph, HIDDEN, wrappers) or in_comments(paragraph):
            continue
        signed = _a_person(text) or signed
    if signed:
        meta.authors.append((FieldSource.SIGNATURE, [signed]))

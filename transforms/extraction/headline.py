"""The headline as the page prints it, never with the site's name.

``og:title`` and ``<title>`` often carry the site (``Headline | Site``, ``Headline - Site -
30.01.2024``, ``Site：Headline``); the page's ``h1`` usually does not. The headline is an
``h1`` that agrees with the title (equal, or one of its segments, or its start), else the
title with its segments that name the site (``og:site_name``, the host) or a date dropped.
"""

from __future__ import annotations

import regex

from newsclean.transforms.fields.names import name_key

# Segment separators of a title: spaced bars, dashes, bullets and guillemets, or full-width
# bars and colons, which CJK titles use unspaced. A spaced ASCII colon is part of many
# headlines ("Ukraine: ...") and is not one. A whitespace run is entered only at its start, so
# a title of long blank runs splits in linear time.
_CJK = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}！？。」』）]"
_SEPARATOR = regex.compile(
    r"(?<!\s)\s++(?:[|·•»«/]|[-–—]{1,2}|::)\s+|(?<!\s)\s*+[｜︱|：]\s*|(?<="
    + _CJK
    + r")\s*+[-_－—]\s*(?=\p{Han}|\p{Hangul})"
)
_DATE_ONLY = regex.compile(r"^[\d\s./\-:,]+$|^(?:\d{1,2}\.\s*)?\p{L}+\.?\s+\d{1,2},?\s+\d{4}$")
MAX_H1 = 3  # a page's first h1s: later ones head teasers and widgets
MIN_WORDS = 2
MIN_H1_WORDS = 3  # an h1 taken over a title that names no story
MIN_SHARED_WORDS = 2  # words of 4+ letters a lone h1 shares with the title to be the same story's
MIN_SHARED_LETTERS = 4


def _norm(text: str) -> str:
    return " ".join(regex.sub(r"[\p{P}\p{S}]+", " ", text.casefold()).split())


# A Chinese site's name closing its title: "…-新华网", "…_人民网", "…|中新網" (a web site, a daily, a times).
_CJK_SITE = regex.compile(r"^\p{Han}{1,6}(?:网|網|新闻|新聞|日报|日報|时报|時報|晚报|晚報)$")


def _is_site(segment: str, site_keys: frozenset[str]) -> bool:
    key = name_key(segment)
    if not key:
        return False
    if _CJK_SITE.match(segment):
        return True
    return key in site_keys or any(len(site) >= 4 and (site in key or key in site) for site in site_keys)


def strip_site(title: str, site_keys: frozenset[str]) -> str:
    """``title`` without leading or trailing segments naming the site or holding only a date."""
    segments = [part.strip() for part in _SEPARATOR.split(title) if part and part.strip()]
    if len(segments) < 2:
        return title.strip()
    kept = list(segments)
    while len(kept) > 1 and (_is_site(kept[-1], site_keys) or _DATE_ONLY.match(kept[-1])):
        kept.pop()
    while len(kept) > 1 and (_is_site(kept[0], site_keys) or _DATE_ONLY.match(kept[0])):
        kept.pop(0)
    if len(kept) == len(segments):
        return title.strip()
    if len(kept) == 1:
        return kept[0]
    # the middle kept whole, with its own separators, as printed
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(kept)


def _words(text: str) -> set[str]:
    return {word for word in _norm(text).split() if len(word) >= MIN_SHARED_LETTERS}


def _agreeing_h1(title: str, h1s: list[str], site_keys: frozenset[str]) -> str | None:
    """The page's one story h1 when it shares words with the title: the headline as printed, where the
    title is the search-engine wording of the same story (``Tote Hummeln unter Linden: Die Erklärung``
    over the printed ``Tote Hummeln unter Linden``)."""
    stories = [h1 for h1 in h1s[:MAX_H1] if not _is_site(h1, site_keys)]
    if len(stories) != 1:
        return None
    shared = _words(stories[0]) & _words(title)
    if len(shared) >= min(MIN_SHARED_WORDS, len(_words(stories[0]))) and shared:
        return " ".join(stories[0].split())
    return None


# Page furniture that an extractor can take for the title: navigation and section labels.
_FURNITURE_TITLE = regex.compile(
    r"^(?:(?:haupt|bereichs|service)?(?:navigation|menü|menu)(?:\s+(?:und|and|di|de|du)\s+\p{L}+)*|"
    r"skip\s+to\s+(?:main\s+)?content|zum\s+inhalt(?:\s+springen)?|quicklinks?|startseite|home(?:page)?|"
    r"aktuelles|aktuelle|news|neuigkeiten|nachrichten|pressemitteilungen|press\s+releases|blog|archiv(?:e)?|"
    r"allgemein|uncategori[sz]ed|actualités|noticias|notizie)$",
    regex.I,
)


def _is_furniture_title(text: str) -> bool:
    """A navigation or section label (``Navigation und Service``, ``Hauptmenü``, ``Aktuelles``): no story's title."""
    return bool(_FURNITURE_TITLE.match(_norm(text)))


def printed_headline(
    title: str | None, h1s: list[str], site_keys: frozenset[str], fallback: str | None = None
) -> str | None:
    """The headline: an agreeing ``h1``, else ``title`` less the site's segments (None without either).

    ``fallback`` (the page's own ``og:title`` or ``<title>``) stands in for a ``title`` that is a
    navigation or section label."""
    h1s = [h1 for h1 in h1s if not _is_furniture_title(h1)]
    if title and _is_furniture_title(title) and fallback and not _is_furniture_title(fallback):
        title = fallback
    if title:
        target = _norm(title)
        parts = {_norm(part) for part in _SEPARATOR.split(title) if part}
        for h1 in h1s[:MAX_H1]:
            found = _norm(h1)
            if (len(found.split()) < MIN_WORDS and len(found) < 8) or _is_site(h1, site_keys):
                continue  # a logo or section h1, not the story's
            if found == target or found in parts or (len(found) >= 20 and target.startswith(found)):
                return " ".join(h1.split())
        shared = _agreeing_h1(title, h1s, site_keys)
        if shared:
            return shared
        if len(target.split()) < MIN_WORDS or _is_site(title, site_keys):
            # the title names only the site or a section ("Pressemitteilungen"): the first h1 of a few
            # words is the story's
            for h1 in h1s[:MAX_H1]:
                if len(_norm(h1).split()) >= MIN_H1_WORDS and not _is_site(h1, site_keys):
                    return " ".join(h1.split())
        return strip_site(title, site_keys)
    return None


# Not read as the headline: code, and ruby annotations (the readings printed over Japanese kanji).
_INVISIBLE = frozenset({"style", "script", "noscript", "template", "rt", "rp"})
# Text only screen readers get ("<span class="visuallyhidden">Headline:</span>", "<span
# class="element-invisible"> | Site</span>"): not printed, so not the headline's.
_SCREEN_READER_ONLY = regex.compile(
    r"(?:^|\s)(?:sr-only|visually-?hidden|element-invisible|screen-?reader(?:-text|-only)?|offscreen|a11y-hidden|u-hidden)(?:$|\s)",
    regex.I,
)


def _visible(element, parts: list[str]) -> None:
    if element.tag in _INVISIBLE or _SCREEN_READER_ONLY.search(element.get("class") or ""):
        return
    if element.text:
        parts.append(element.text)
    for child in element:
        _visible(child, parts)
        if child.tail:  # the text after a child is its parent's, even after a style element
            parts.append(child.tail)


# A kicker inside an h1 (``<span class="overline">Klimaschutz</span> Bohren, bis es heiß wird``) is a
# section or topic line above the headline, not part of it; a child marked as the headline is the headline.
_KICKER_CLASS = regex.compile(
    r"kicker|overline|topline|toptitle|roofline|dachzeile|eyebrow|subheadline|supertitle|pretitle|"
    r"spitzmarke|label|small|rubri|category|ressort|section|tag\b",
    regex.I,
)
_HEADLINE_CLASS = regex.compile(r"headline|title|heading__title|titel", regex.I)


def _classes(element) -> str:
    return " ".join(filter(None, (element.get("class"), element.get("itemprop"), element.get("data-test-id"))))


_CJK_EDGE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _text_of(element) -> str:
    """The visible text, nodes joined by a space, except between two nodes of Chinese or Japanese
    script, which is written without spaces (``子<rt>こ</rt>どもへの`` is ``子どもへの``)."""
    parts: list[str] = []
    _visible(element, parts)
    joined = ""
    for part in (" ".join(p.split()) for p in parts):
        if not part:
            continue
        if joined and not (_CJK_EDGE.match(joined[-1]) and _CJK_EDGE.match(part[0])):
            joined += " "
        joined += part
    return joined


def _is_kicker(element) -> bool:
    """A kicker is marked: a ``small`` element or a kicker's class (a line break alone also splits
    two-line headlines)."""
    return element.tag == "small" or bool(_KICKER_CLASS.search(_classes(element)))


def _without_subline(element, children: list) -> str:
    """The h1's text without a closing ``small`` line (``Headline<br><small>02.02.2022 • Presse</small>``)."""
    whole = _text_of(element)
    if len(children) < 1 or children[-1].tag != "small" or (children[-1].tail or "").strip():
        return whole
    subline = _text_of(children[-1])
    head = whole[: -len(subline)].strip() if subline and whole.endswith(subline) else ""
    return head if len(head.split()) >= MIN_WORDS else whole


def _h1_headline(element) -> str:
    """An h1's headline: its child marked as the headline, else its text without a leading kicker."""
    children = [c for c in element if isinstance(c.tag, str) and c.tag not in _INVISIBLE]
    whole = _without_subline(element, children)
    if not children or (element.text or "").strip() or not _is_kicker(children[0]):
        return whole
    for child in children[1:]:  # after the kicker, the child marked as the headline
        classes = _classes(child)
        if _HEADLINE_CLASS.search(classes) and not _KICKER_CLASS.search(classes) and "sub" not in classes.lower():
            text = _text_of(child)
            if len(text.split()) >= MIN_WORDS:
                return text
    kicker = _text_of(children[0])
    rest = whole[len(kicker) :].lstrip(" :|-–—").strip() if whole.startswith(kicker) else ""
    return rest if len(rest.split()) >= MIN_WORDS else whole


def h1_texts(tree) -> list[str]:
    """The headline text of a page's first ``h1`` elements: visible text only (a ``style`` or ``script``
    inside one is not), without a kicker line printed above the headline."""
    found = []
    for element in tree.iterfind(".//h1"):
        text = _h1_headline(element)
        if text:
            found.append(text)
        if len(found) >= MAX_H1:
            break
    return found

"""Choosing each metadata field from the candidates cleaning found.

One small function per field (newspaper4k's layout), each with a stated order
of preference, so a reader can see why a value won.
"""

from __future__ import annotations

import datetime as dt

import regex

from newsclean.transforms.facts import CleanedText, ParsedDate
from newsclean.transforms.fields.dates import find_date
from newsclean.transforms.fields.firstnames import is_known_given_name
from newsclean.transforms.fields.names import MAX_FRAGMENT_CHARS, clean_person_name, name_key, split_names
from newsclean.transforms.vocabulary import FieldSource

# Most trusted first: the article's own byline and dateline, then the tail, then photo credits.
AGENCY_SOURCES = (FieldSource.BYLINE, FieldSource.DATELINE, FieldSource.TAIL, FieldSource.CREDIT)
DATE_SOURCES = (FieldSource.HEADER,)


def choose_date(cleaned: CleanedText) -> tuple[ParsedDate | None, str | None]:
    """The publication date and where it came from, by ``DATE_SOURCES`` order."""
    for source in DATE_SOURCES:
        for found_source, parsed in cleaned.dates:
            if found_source == source:
                return parsed, source
    return None, None


def choose_agency(cleaned: CleanedText) -> str | None:
    """The wire service credited, by ``AGENCY_SOURCES`` order."""
    for source in AGENCY_SOURCES:
        for found_source, agency in cleaned.agencies:
            if found_source == source:
                return agency
    return None


def published_at(parsed: ParsedDate | None) -> dt.datetime | None:
    """The instant, only when the text gave a time of day and a zone."""
    return parsed.at if parsed else None


# Structured data first (the page's own statement), then visible bylines, then trafilatura's guess.
AUTHOR_SOURCES = (
    FieldSource.JSON_LD,
    FieldSource.HTML_META,
    FieldSource.ITEMPROP,
    FieldSource.REL_AUTHOR,
    FieldSource.BYLINE_ELEMENT,
    FieldSource.TEXT_BYLINE,
    FieldSource.AUTHOR_LINK,
    FieldSource.STANDFIRST,
    FieldSource.JSON_LD_PAGE,
    FieldSource.TRAFILATURA,
    FieldSource.SCRIPT,
    FieldSource.AUTHOR_BOX,
    FieldSource.SIGNATURE,
    FieldSource.PRESS_CONTACT,
    FieldSource.SITE_PERSON,
    FieldSource.COPYRIGHT,
)


def clean_author_list(raw_names: list[str], not_names: frozenset[str] = frozenset()) -> list[str]:
    """People from one source's raw strings, split, cleaned and deduplicated in order."""
    people: list[str] = []
    for raw in raw_names:
        for name in split_names(raw, not_names)[0]:
            if name not in people:
                people.append(name)
    return people


def looks_like_person(name: str) -> bool:
    """A full name (``Nicole Forbes``) or a known given name (``Katerina``)."""
    words = name.split()
    full = len(words) >= 2 and all(w[0].isupper() or w.islower() for w in words) and words[-1][0].isupper()
    return is_known_given_name(words[0]) if not full else (is_known_given_name(words[0]) or len(words) <= 4)


# Sources whose strings are separate page elements: only the first that names someone is the byline,
# later ones are usually other articles' authors (related stories, author boxes).
_FIRST_ELEMENT_ONLY = {FieldSource.BYLINE_ELEMENT, FieldSource.TEXT_BYLINE}
# Sources read from the page's visible text, where a role is often glued to the name.
_VISIBLE_SOURCES = {
    FieldSource.REL_AUTHOR,
    FieldSource.BYLINE_ELEMENT,
    FieldSource.TEXT_BYLINE,
    FieldSource.AUTHOR_LINK,
    FieldSource.TRAFILATURA,
}


def _complete_first_names(names: list[str], everything: list[str], visible: bool = False) -> list[str]:
    """``Mike`` -> ``Mike Marshall`` when another source prints the full name; ``Sofia Kondrat EdTech``
    (a role glued to a ``visible`` byline, not to structured data) -> ``Sofia Kondrat`` when another source
    prints that."""
    completed = []
    for name in names:
        if " " not in name:
            fuller = next((n for n in everything if n.split()[0] == name and " " in n), None)
            name = fuller or name
        elif visible:  # a last initial is the name's own ("Juan Carlos Muñoz C."), not a glued role
            shorter = [
                n
                for n in everything
                if " " in n and name.startswith(n + " ") and not _INITIAL.fullmatch(name[len(n) :])
            ]
            name = max(shorter, key=len) if shorter else name
        if name not in completed:
            completed.append(name)
    return completed


_INITIAL = regex.compile(r"\s\p{Lu}\.?")


def _drop_extended(names: list[str]) -> list[str]:
    """``Jordana Cepelewicz Math`` goes when ``Jordana Cepelewicz`` is there too."""
    return [n for n in names if not any(o != n and n.startswith(o + " ") for o in names)]


# Sources that name the site's owner, not the article's author: they complete no other source's first name.
_LAST_RESORTS = {FieldSource.SITE_PERSON, FieldSource.COPYRIGHT}


def _site_named(name: str, not_names: frozenset[str]) -> bool:
    """The site's own name (``One Tree Planted`` on onetreeplanted.org) and not a person's (``Gary Marcus``)."""
    words = name.split()
    return name_key(name) in not_names and not (len(words) == 2 and is_known_given_name(words[0]))


def convincing_people(names: list[str], not_names: frozenset[str]) -> list[str]:
    """The names that read as people and are not the site's own name: what makes a source win."""
    return [n for n in names if looks_like_person(n) and not _site_named(n, not_names)]


def _with_co_authors(names: list[str], by_source: dict[str, list[str]], not_names: frozenset[str]) -> list[str]:
    """One name from structured data, and the visible byline that prints it first with co-authors after
    it (``Written by Marna van der Merwe, Dieter Veldsman, Erik van Vulpen``): the byline's people."""
    if len(names) != 1:
        return names
    for source in (FieldSource.BYLINE_ELEMENT, FieldSource.TEXT_BYLINE):
        shown = convincing_people(by_source.get(source, []), not_names)
        others = [n for n in shown[1:] if " " in n and is_known_given_name(n.split()[0]) and names[0] not in n]
        if others and name_key(shown[0]) == name_key(names[0]) and len(others) == len(shown) - 1:
            return [names[0], *others]
    return names


# Sources that gather every matching element of the page, so a teaser list's writers come along.
_GATHERING_SOURCES = {FieldSource.HTML_META, FieldSource.ITEMPROP, FieldSource.REL_AUTHOR}


def _only_the_byline(names: list[str], source: str, by_source: dict[str, list[str]]) -> list[str]:
    """A gathering source's names cut to those the story's own first bylines print, when they print some
    of them and not all: ``rel="author"`` links to eight writers, the byline ``By Tatyana Turner``."""
    if source not in _GATHERING_SOURCES or len(names) < 2:
        return names
    printed = {
        name_key(n)
        for byline in (FieldSource.BYLINE_ELEMENT, FieldSource.TEXT_BYLINE)
        for n in by_source.get(byline, [])
    }
    shown = [n for n in names if name_key(n) in printed]
    return shown if shown else names


# Visible sources that print a byline on the page itself.
_SHOWN_SOURCES = (FieldSource.BYLINE_ELEMENT, FieldSource.TEXT_BYLINE, FieldSource.AUTHOR_LINK, FieldSource.REL_AUTHOR)


# Sources whose person yields to a byline two other visible sources agree on: a meta tag names the CMS
# account, and the first byline element may be a teaser's ("Par Philippe Douroux" in a related list
# above the story, "Par Kab Niang" in the story's own byline and its author link).
_OUTVOTED_SOURCES = (FieldSource.HTML_META, FieldSource.BYLINE_ELEMENT)


def _shown_instead(
    meta_names: list[str], by_source: dict[str, list[str]], not_names: frozenset[str], outvoted: str
) -> tuple[list[str], str | None]:
    """The byline the page prints and its first source, when two visible sources other than ``outvoted``
    agree on it and none of them prints the ``outvoted`` source's people (a CMS account, an editor:
    ``Colin Madison`` in the tag, ``Christian Dupuis`` in the byline and his author link); else nothing."""
    firsts = {}
    others = [source for source in _SHOWN_SOURCES if source != outvoted]
    for source in others:
        shown = convincing_people(by_source.get(source, []), not_names)
        if shown:
            firsts[source] = shown[0]
    keys = [name_key(n) for n in firsts.values()]
    # a person's name (a known given name first), not a company's ("Thomson Reuters Tax")
    agreed = [
        (name, source)
        for source, name in firsts.items()
        if keys.count(name_key(name)) >= 2 and is_known_given_name(name.split()[0])
    ]
    every_shown = " ".join(name_key(n) for source in others for n in by_source.get(source, []))
    if not agreed or any(name_key(n) in every_shown for n in meta_names):
        return [], None  # the tag's person is printed too: the tag stands
    return [agreed[0][0]], agreed[0][1]


# A person the page credits with another job than writing: "Researched by Oliver Simpson", "Medically reviewed
# by …", "Fact checked by …", "Edited by …" (Reuters' "Editing by"). Structured data often lists them as authors.
_OTHER_CREDIT = regex.compile(
    r"(?i:researched|(?:medically\s+|expert\s+)?reviewed|fact[\s-]?checked|edited|editing|illustrat(?:ed|ions)|"
    r"photo(?:graph)?s|photographed|produced|translated)\s+(?i:by)(?:\s*:)?\s+"
    r"(\p{Lu}[^|•·;\n]{2,80})"
)


_NEXT_CREDIT = regex.compile(r"(?<!\s)\s+(?i:written|updated|published|posted|reviewed|edited)\b")


def _credited_otherwise(candidates: list[tuple[str, list[str]]]) -> set[str]:
    """Keys of the people a visible byline credits with reviewing, research, editing or pictures."""
    keys: set[str] = set()
    for source, raws in candidates:
        if source in _VISIBLE_SOURCES:
            for raw in raws:
                if " by" in raw or " By" in raw:
                    for match in _OTHER_CREDIT.finditer(raw[:MAX_FRAGMENT_CHARS]):
                        # the name up to the next credit: "Oliver Simpson Updated on …" -> Oliver Simpson
                        person = clean_person_name(_NEXT_CREDIT.split(match[1], maxsplit=1)[0])
                        if person:
                            keys.add(name_key(person))
    return keys


def _without_other_credits(chosen: tuple[list[str], str | None], others: set[str]) -> tuple[list[str], str | None]:
    """The chosen authors less those credited otherwise, unless that would leave none."""
    names, source = chosen
    kept = [n for n in names if name_key(n) not in others]
    return (kept, source) if kept else chosen


def choose_authors(
    candidates: list[tuple[str, list[str]]], not_names: frozenset[str] = frozenset()
) -> tuple[list[str], str | None]:
    """Byline people and the source they came from, by ``AUTHOR_SOURCES`` order.

    The first source that names a convincing person wins; inside it, fragments
    that are not convincing (``Home``, ``Gardener``) are dropped when convincing
    ones stand beside them. A source with only unconvincing names (a username,
    ``KatieS``) yields to later sources, and is used only when nothing better exists.
    People a visible byline credits with another job (``Researched by …``) are dropped.
    """
    return _without_other_credits(_first_convincing(candidates, not_names), _credited_otherwise(candidates))


def _first_convincing(
    candidates: list[tuple[str, list[str]]], not_names: frozenset[str]
) -> tuple[list[str], str | None]:
    """:func:`choose_authors` before other credits are taken out."""
    by_source: dict[str, list[str]] = {}
    for source, raw in candidates:
        if source == FieldSource.BODY_BYLINE:  # a byline the body printed stands for the page's text byline
            source = FieldSource.TEXT_BYLINE
        if source in by_source:
            continue
        if source in _FIRST_ELEMENT_ONLY:
            names = next((found for text in raw if (found := clean_author_list([text], not_names))), [])
        else:
            names = clean_author_list(raw, not_names)
        if names:
            by_source[source] = _drop_extended(names)
    everything = [n for source, names in by_source.items() if source not in _LAST_RESORTS for n in names]
    fallback: tuple[list[str], str | None] = ([], None)
    for source in AUTHOR_SOURCES:
        names = by_source.get(source)
        if not names:
            continue
        if source == FieldSource.COPYRIGHT and fallback[1] is not None:
            break  # the site owner only when no source names anyone: "Nayane" (meta) is no owner's "Sofia …"
        convincing = convincing_people(names, not_names)
        if (
            convincing
            and source in _OUTVOTED_SOURCES
            and (shown := _shown_instead(convincing, by_source, not_names, source))[0]
        ):
            return shown
        if convincing:
            names = _with_co_authors(_only_the_byline(convincing, source, by_source), by_source, not_names)
            return _complete_first_names(names, everything, visible=source in _VISIBLE_SOURCES), source
        if fallback[1] is None:
            fallback = (_complete_first_names(names, everything), source)
    return fallback


# When the extractor's own date (trafilatura/htmldate, which reads the visible page) disagrees with
# the page's structured data, it was right more often on real pages (wcxb-dev: 10 of 12 against
# JSON-LD, 29 of 42 against <time>); structured data still names the source when they agree.
STRUCTURED_DATE_SOURCES = (
    FieldSource.JSON_LD,
    FieldSource.HTML_META,
    FieldSource.TIME,
    FieldSource.JSON_LD_PAGE,
    FieldSource.URL,
    FieldSource.HEADER,
)


def choose_page_date(
    candidates: list[tuple[str, str]],
    extractor_date: str | None = None,
    *,
    today: dt.date | None = None,
) -> tuple[ParsedDate | None, str | None]:
    """The publication date of a page and where it came from.

    1. the extractor's date when a structured candidate agrees (named after that candidate,
       which also supplies the time of day when it has one);
    2. otherwise a structured candidate that is the extractor's day with day and month swapped
       (htmldate read a numeric ``09.10.2024`` the other way round);
       otherwise the extractor's date (``htmldate``);
    3. otherwise the first structured candidate in ``STRUCTURED_DATE_SOURCES`` order;
    4. but when the page prints, near its headline and not labelled as an update, the day of
       another candidate more than a day away (``visible``), that candidate wins: the page shows it;
       a printed month name that is the chosen day with day and month swapped wins too.
    Dates after ``today`` (plus a day for time zones) are never taken, nor htmldate's floor
    (:data:`HTMLDATE_FLOOR`) from any source, nor the extractor's January 1 when no candidate
    gives that day (:func:`_guessed_day`); a January 1 that only structured data gives loses to
    another day printed near the headline.
    """
    not_after = today + dt.timedelta(days=1) if today else None
    parsed: list[tuple[str, ParsedDate]] = []
    for source in STRUCTURED_DATE_SOURCES:
        for found_source, raw in candidates:
            if found_source != source:
                continue
            value = find_date(raw, not_after=not_after)
            if value is not None and value.day != HTMLDATE_FLOOR:
                parsed.append((source, value))
    visible = [
        (v, raw.isascii() and not any(c.isalpha() for c in raw))
        for raw in (r for s, r in candidates if s == "visible")
        if (v := find_date(raw, not_after=not_after)) and v.day != HTMLDATE_FLOOR
    ]
    extracted = find_date(extractor_date, not_after=not_after) if extractor_date else None
    guessed = extracted is not None and _guessed_day(extracted.day, [p for _, p in parsed] + [v for v, _ in visible])
    chosen = _first_choice(parsed, None if guessed else extracted)
    if chosen is None:
        # the guess would have lost to the day printed near the headline (rule 4): that day stands alone
        return (visible[0][0], "visible") if guessed and visible else (None, None)
    extracted = None if guessed else extracted
    everything = parsed + ([("htmldate", extracted)] if extracted is not None else [])
    unconfirmed = chosen[0] == "htmldate" or _january_first(chosen[1].day)
    shown = _shown_date(chosen[1], everything, visible, unconfirmed=unconfirmed)
    source, value = shown or chosen
    return value, source


# htmldate's earliest date (``htmldate.settings.MIN_DATE``, its ``min_date`` default; a test checks they
# agree): a page's date there is a placeholder or a clamp, never the day a story was published.
HTMLDATE_FLOOR = dt.date(1995, 1, 1)


def _january_first(day: dt.date) -> bool:
    return day.month == 1 and day.day == 1


def _guessed_day(day: dt.date, others: list[ParsedDate]) -> bool:
    """Whether the extractor's day is a guess rather than a day the page gives: htmldate's floor, or a
    January 1 that no other candidate gives (htmldate makes one from a copyright year, a URL's year
    or a year alone: stored as such, 53 on wcxb-dev, 33 on trafilatura-eval, 1 on htmldate-eval, and
    not one right; the 5 true January 1 days among them all had a structured or printed candidate)."""
    return day == HTMLDATE_FLOOR or (_january_first(day) and day not in [o.day for o in others])


def _first_choice(parsed: list[tuple[str, ParsedDate]], extracted: ParsedDate | None) -> tuple[str, ParsedDate] | None:
    if extracted is not None:
        agreeing = [(s, p) for s, p in parsed if p.day == extracted.day]
        if agreeing:
            return next(((s, p) for s, p in agreeing if p.at is not None), agreeing[0])
        swapped = [(s, p) for s, p in parsed if _day_month_swapped(p.day, extracted.day)]
        if swapped:
            return swapped[0]  # htmldate read the page's "09.10.2024" the other way round
        return "htmldate", extracted
    return parsed[0] if parsed else None


def _day_month_swapped(a: dt.date, b: dt.date) -> bool:
    """``2024-09-10`` and ``2024-10-09``: one printed numeric date read in the two orders."""
    return a != b and a.year == b.year and a.month == b.day and a.day == b.month


def _shown_date(
    chosen: ParsedDate, parsed: list[tuple[str, ParsedDate]], visible: list[tuple[ParsedDate, bool]], unconfirmed: bool
) -> tuple[str, ParsedDate] | None:
    """The candidate the page prints near its headline, when the chosen day is not that one.

    Only a candidate more than a day away from the chosen one is taken: a day's difference is
    usually one instant in two time zones (a page in UTC-7 prints July 4 for 2025-07-05T02:00Z).
    """
    for shown, numeric in visible:
        if abs((shown.day - chosen.day).days) <= 1:
            return None
        if _day_month_swapped(shown.day, chosen.day):
            # "09.10.2024" printed for a chosen 2024-09-10 is the same day read the other way round;
            # "March 9, 2026" printed for a chosen 2026-09-03 says how the chosen one was misread.
            return None if numeric else ("visible", shown)
        match = [(s, p) for s, p in parsed if p.day == shown.day]
        if match:
            return next(((s, p) for s, p in match if p.at is not None), match[0])
        if unconfirmed:
            return "visible", shown
    return None

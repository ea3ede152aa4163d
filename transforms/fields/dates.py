"""Parsing publication dates printed in news text.

Returns the day, and the instant only when a time of day *and* a zone are known,
so a missing time is never invented as midnight.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import regex

from newsclean.transforms.facts import ParsedDate
from newsclean.transforms.runtime.limits import regex_timeout

# Month names as news pages print them, by language: full names, then the abbreviations that are no
# common word of the language ("ago", Spanish August, would read "5 hours ago" as a month).
MONTH_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
           ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
           ("november", "nov"), ("december", "dec")),
    "de": (("januar", "jänner"), ("februar", "feber"), ("märz", "maerz"), ("april",), ("mai",), ("juni",), ("juli",),
           ("august",), ("september",), ("oktober", "okt"), ("november",), ("dezember", "dez")),
    "fr": (("janvier", "janv"), ("février", "fevrier", "févr"), ("mars",), ("avril", "avr"), ("mai",), ("juin",),
           ("juillet", "juil"), ("août", "aout"), ("septembre",), ("octobre",), ("novembre",),
           ("décembre", "decembre", "déc")),
    "es": (("enero",), ("febrero",), ("marzo",), ("abril",), ("mayo",), ("junio",), ("julio",), ("agosto",),
           ("septiembre", "setiembre"), ("octubre",), ("noviembre",), ("diciembre",)),
    "pt": (("janeiro",), ("fevereiro",), ("março", "marco"), ("abril",), ("maio",), ("junho",), ("julho",),
           ("agosto",), ("setembro",), ("outubro",), ("novembro",), ("dezembro",)),
    "it": (("gennaio",), ("febbraio",), ("marzo",), ("aprile",), ("maggio",), ("giugno",), ("luglio",), ("agosto",),
           ("settembre",), ("ottobre",), ("novembre",), ("dicembre",)),
    "nl": (("januari",), ("februari",), ("maart",), ("april",), ("mei",), ("juni",), ("juli",), ("augustus",),
           ("september",), ("oktober",), ("november",), ("december",)),
    "sv": (("januari",), ("februari",), ("mars",), ("april",), ("maj",), ("juni",), ("juli",), ("augusti",),
           ("september",), ("oktober",), ("november",), ("december",)),
    "pl": (("stycznia", "styczeń"), ("lutego", "luty"), ("marca", "marzec"), ("kwietnia", "kwiecień"),
           ("maja", "maj"), ("czerwca", "czerwiec"), ("lipca", "lipiec"), ("sierpnia", "sierpień"),
           ("września", "wrzesień"), ("października", "październik"), ("listopada", "listopad"),
           ("grudnia", "grudzień")),
    "tr": (("ocak",), ("şubat",), ("mart",), ("nisan",), ("mayıs",), ("haziran",), ("temmuz",), ("ağustos",),
           ("eylül",), ("ekim",), ("kasım",), ("aralık",)),
    "ru": (("января", "январь"), ("февраля", "февраль"), ("марта", "март"), ("апреля", "апрель"), ("мая", "май"),
           ("июня", "июнь"), ("июля", "июль"), ("августа", "август"), ("сентября", "сентябрь"),
           ("октября", "октябрь"), ("ноября", "ноябрь"), ("декабря", "декабрь")),
}  # fmt: skip
MONTHS = {
    name: number for months in MONTH_NAMES.values() for number, names in enumerate(months, start=1) for name in names
}
# Words between a day and its month or year ("17 de enero de 2025"), and before a time ("à 14h50").
DATE_JOINERS = ("de", "del")
TIME_JOINERS = ("at", "à", "a", "um", "às", "alle", "om", "kl", "o")

# Zones news sites print after a time of day, as offsets in hours.
ZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3,
    "msk": 3, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
    "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "jst": 9, "kst": 9,
    "aest": 10, "aedt": 11, "sgt": 8, "hkt": 8, "wib": 7, "wat": 1, "cat": 2, "sast": 2, "eat": 3,
    "ist": 5.5, "pkt": 5, "nzst": 12, "nzdt": 13, "art": -3, "brt": -3, "ast": -4, "hst": -10, "akst": -9,
    "west": 1, "wet": 0, "awst": 8, "acst": 9.5,
}  # fmt: skip
# US zones printed without saying whether daylight time applies.
REGION_ZONES = {
    "et": "America/New_York", "ct": "America/Chicago",
    "mt": "America/Denver", "pt": "America/Los_Angeles",
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Weekday names spelled out: a loose ``(?:mon|...)[a-z]*`` backtracks over a long run of letters.
_WEEKDAY = r"(?:(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?\s+)?"
_TIME = (
    r"(?:(?:,|\s+(?:" + "|".join(TIME_JOINERS) + r")\.?|\s*[|·•-])?\s*(?P<hour>\d{1,2})[:.h](?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?(?:\s*uhr\b)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?P<zone>[A-Z]{1,4}\b|[+-]\d{2}:?\d{2})?)?"
)
_JOIN = r"(?:\s+(?:" + "|".join(DATE_JOINERS) + r"))?"
_ISO_TIME = (
    r"(?:[T\s](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)

DATE_PATTERNS = [
    # 2025-01-17, 2025/01/17, 2025.01.17, with an optional ISO time
    regex.compile(r"(?P<year>(?:19|20)\d{2})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)" + _ISO_TIME, regex.I),
    # Friday, January 17, 2025 10:30 AM EST / Jan. 17, 2025
    regex.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b" + _TIME, regex.I),
    # 17 January 2025 / Fri 17 Jan 2025 14:05 GMT
    regex.compile(_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?\.?" + _JOIN + r"\s+" + _MONTH + r",?" + _JOIN + r"\s+(?P<year>(?:19|20)\d{2})\b" + _TIME, regex.I),
    # 17.01.2025 (day first, as printed across Europe)
    regex.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b" + _TIME, regex.I),
    # 01/17/2025 or 17/01/2025: taken only when the order is unambiguous
    regex.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d{2})\b" + _TIME, regex.I),
]  # fmt: skip


def _zone_offset(zone: str | None) -> dt.tzinfo | None:
    if not zone:
        return None
    if zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        minutes = int(digits[:2]) * 60 + int(digits[2:])
        return dt.timezone(dt.timedelta(minutes=minutes if zone[0] == "+" else -minutes))
    key = zone.casefold()
    if key in REGION_ZONES:
        return ZoneInfo(REGION_ZONES[key])
    hours = ZONES.get(key)
    return None if hours is None else dt.timezone(dt.timedelta(hours=hours))


def _day(match: regex.Match, day_first: bool | None = None) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month = MONTHS[groups["month"].casefold()]
        day = int(groups["day"])
    elif groups.get("mnum"):
        month, day = int(groups["mnum"]), int(groups["day"])
    else:
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        elif a == b:
            month = day = a
        elif day_first is not None:  # 01/02/2025 where the caller knows the locale's order
            day, month = (a, b) if day_first else (b, a)
        else:
            return None  # 01/02/2025: day and month cannot be told apart
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _instant(match: regex.Match, day: dt.date) -> dt.datetime | None:
    groups = match.groupdict()
    if groups.get("hour") is None:
        return None
    zone = _zone_offset(groups.get("zone"))
    if zone is None:
        return None
    hour, minute = int(groups["hour"]), int(groups["minute"])
    second = int(groups.get("second") or 0)
    ampm = (groups.get("ampm") or "").casefold().replace(".", "").replace(" ", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        local = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return local.astimezone(dt.UTC)


# Every date pattern needs a year; the two with a month name need a run of letters as long as the
# shortest name. Searched first, they spare a text the patterns that cannot match it (most page
# date fields are ISO stamps, and the month-name patterns are the costly ones).
_YEAR = regex.compile(r"(?:19|20)\d{2}")
_MONTH_LETTERS = regex.compile(r"\p{L}{" + str(min(map(len, MONTHS))) + "}")
_NUMERIC_PATTERNS = [DATE_PATTERNS[0], DATE_PATTERNS[3], DATE_PATTERNS[4]]


# What the month-first pattern (DATE_PATTERNS[1]) must hold after its month: the day, then the year. It
# tries every month name at every position of a text (a tenth of a page's metadata reading); this runs
# only where a digit is, and most texts hold no such day and year.
_DAY_YEAR = regex.compile(r"\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b", regex.I)
_WITHOUT_MONTH_FIRST = [p for i, p in enumerate(DATE_PATTERNS) if i != 1]


def _patterns_for(text: str) -> list[regex.Pattern]:
    """The :data:`DATE_PATTERNS` that can match ``text``, in their order."""
    if not _YEAR.search(text):
        return []
    if not _MONTH_LETTERS.search(text):
        return _NUMERIC_PATTERNS
    return DATE_PATTERNS if _DAY_YEAR.search(text) else _WITHOUT_MONTH_FIRST


def find_date(text: str, *, not_after: dt.date | None = None, day_first: bool | None = None) -> ParsedDate | None:
    """The first valid date in ``text``; ``not_after`` rejects dates in the future; ``day_first`` reads an
    ambiguous ``01/02/2025`` (None refuses it)."""
    best: ParsedDate | None = None
    for pattern in _patterns_for(text):
        for match in pattern.finditer(text, **regex_timeout(text)):
            day = _day(match, day_first)
            if day is None or (not_after is not None and day > not_after):
                continue
            if best is None or match.start() < best.start:
                best = ParsedDate(day, _instant(match, day), match.start(), match.end())
            break
    return best


def find_all_dates(text: str, *, not_after: dt.date | None = None, day_first: bool | None = None) -> list[ParsedDate]:
    """Every valid date in ``text`` in reading order (overlapping matches resolved by start)."""
    found: list[ParsedDate] = []
    for pattern in _patterns_for(text):
        for match in pattern.finditer(text, **regex_timeout(text, 2.0)):
            day = _day(match, day_first)
            if day is None or (not_after is not None and day > not_after):
                continue
            found.append(ParsedDate(day, _instant(match, day), match.start(), match.end()))
    found.sort(key=lambda d: (d.start, -d.end))
    result: list[ParsedDate] = []
    for item in found:
        if result and item.start < result[-1].end:
            continue
        result.append(item)
    return result

"""The date vocabulary of the line rules: month names, zones, times, publication and update labels.

Data first (label lists per language; month names and zones come from
:mod:`newsclean.transforms.fields.dates`, which parses what these patterns find), then the
loose patterns the header rules are built from. ``rule_pattern`` compiles every rule.
"""

from __future__ import annotations

import regex

from newsclean.transforms.fields.dates import DATE_JOINERS, MONTHS, REGION_ZONES, TIME_JOINERS, ZONES


def rule_pattern(pattern: str) -> regex.Pattern:
    """Case-insensitive with simple case folding: V1's default full folding (``ß`` = ``ss``) made the
    credit pattern backtrack for seconds on long unspaced menu lines (``SchedulingCall BookingMarketing…``),
    and exponentially on one long word (``imagesimages…``, tests/test_regex_safety.py)."""
    return regex.compile(r"(?-f)" + pattern, regex.I | regex.V1)


MONTH = r"(?:" + "|".join(regex.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# Zone names as printed (case-sensitive: "ET" is a zone, "et" a word), from fields.dates' table.
_ZONE = r"(?-i:" + "|".join(sorted((z.upper() for z in (*ZONES, *REGION_ZONES)), key=len, reverse=True)) + r")"
_TIME_TEXT = r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*uhr\b)?\s*(?:[ap]\.?\s?m\.?)?(?:\s*" + _ZONE + r"\b)?"
_JOIN = r"(?:\s+(?:" + "|".join(DATE_JOINERS) + r"))?"
# A printed date, loose on purpose: newsclean.transforms.fields.dates does the strict parsing.
# A time may come first ("Updated 3:45 PM EST, Jan. 18, 2025") or after ("17 janvier 2025 à 14h05").
DATE_TEXT = (
    r"(?:" + _TIME_TEXT + r",?\s+(?:on\s+)?)?"
    r"(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(?:(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?\s+)?"
    r"(?:" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
    r"|\d{1,2}(?:st|nd|rd|th|er|º)?\.?" + _JOIN + r"\s+" + MONTH + r",?" + _JOIN + r"\s+(?:19|20)\d{2})"
    r"|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})"
    r"(?:(?:,|\s+(?:" + "|".join(TIME_JOINERS) + r")\.?|\s*[|·•-])?\s*" + _TIME_TEXT + r")?"
    r"(?:\s*" + _ZONE + r"\b)?"
)
# "4 hours ago", "vor 2 Stunden", "il y a 3 heures", "hace 5 horas": an update stamp's relative time.
RELATIVE_TIME = (
    r"(?:\d{1,3}\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago"
    r"|vor\s+\d{1,3}\s+(?:minuten|stunden?|tagen?)|il\s+y\s+a\s+\d{1,3}\s+(?:minutes?|heures?|jours?)"
    r"|hace\s+\d{1,3}\s+(?:minutos?|horas?|días?)|\d{1,3}\s+(?:minuti|ore|giorni)\s+fa)"
)
# Labels of a publication date, as data: English first, then the languages news is printed in.
PUBLISHED_LABELS = (
    r"date[ds]?", r"published(?:\s+on)?", r"first\s+published(?:\s+on)?", r"posted(?:\s+on)?", r"released",
    r"issued", r"created", r"(?:release|news|publication|publish)\s+date", r"veröffentlicht(?:\s+am)?", r"veröffentlichung(?:sdatum)?",
    r"date\s+de\s+publication", r"fecha\s+de\s+publicación", r"data\s+(?:di|de)\s+pubblica(?:zione|ção)", r"erschienen(?:\s+am)?", r"datum", r"publié(?:\s+le)?",
    r"mis\s+en\s+ligne(?:\s+le)?", r"publicado(?:\s+(?:el|em|a))?", r"fecha", r"pubblicato(?:\s+il)?", r"data",
    r"gepubliceerd(?:\s+op)?", r"opublikowano", r"publicerad", r"yayınlanma(?:\s+tarihi)?", r"опубликовано",
)  # fmt: skip
# Labels of an update: a stamp that is noise, never the publication date.
UPDATED_LABELS = (
    r"updated(?:\s+on)?", r"last\s+updated(?:\s+on)?", r"modified", r"last\s+modified(?:\s+on)?", r"aktualisiert(?:\s+am)?",
    r"letzte\s+(?:änderung|aktualisierung)(?:\s+am)?", r"zuletzt\s+geändert(?:\s+am)?", r"geändert\s+am", r"dernière\s+mise\s+à\s+jour(?:\s+le)?",
    r"última\s+(?:actualización|atualização)", r"ultimo\s+aggiornamento",
    r"zuletzt\s+aktualisiert(?:\s+am)?", r"stand", r"mis\s+à\s+jour(?:\s+le)?", r"actualizado(?:\s+(?:el|a))?",
    r"aggiornato(?:\s+(?:il|alle))?", r"bijgewerkt(?:\s+op)?", r"atualizado(?:\s+(?:em|a))?", r"zaktualizowano",
    r"uppdaterad", r"güncellenme(?:\s+tarihi)?", r"обновлено",
)  # fmt: skip
ENGLISH_LABELS = (*PUBLISHED_LABELS[:8], *UPDATED_LABELS[:4])  # the rest say the page is not English
PUBLISHED_LABEL = r"(?:" + "|".join(PUBLISHED_LABELS) + r")"
UPDATED_LABEL = r"(?:" + "|".join(UPDATED_LABELS) + r")"
DATE_LABEL = r"(?:" + UPDATED_LABEL + "|" + PUBLISHED_LABEL + r")"
# The labels in a stamp, to tell which of its dates is the publication day (cleaning.clean).
STAMP_LABEL = rule_pattern(
    r"(?<!\w)(?:(?P<updated>" + UPDATED_LABEL + r")|(?P<published>" + PUBLISHED_LABEL + r"))(?!\w)"
)
ENGLISH_LABEL = rule_pattern(r"^(?:" + "|".join(ENGLISH_LABELS) + r")$")
# What says a slash date is month first: a 12-hour clock or a North American zone.
MONTH_FIRST_HINT = rule_pattern(r"\d\s*[ap]\.?\s?m\b|(?-i:\b(?:E|C|M|P)[SD]?T\b)")


def stamp(label: str) -> regex.Pattern:
    """A date stamp on a line of its own opening on ``label``: one or more dates (or relative times),
    each after an optional label, joined by bars, dots or commas."""
    one = r"(?:" + DATE_TEXT + "|" + RELATIVE_TIME + r")"
    return rule_pattern(
        r"^"
        + label
        + r"\s*[:\-–—]?\s*"
        + one
        + r"(?:\s*[|·•,]\s*"
        + DATE_LABEL
        + r"?\s*[:\-–—]?\s*"
        + one
        + r")*[.\s]*$"
    )

"""Datelines: ``MOSCOW (AP) —``, ``WASHINGTON, Jan 17 (Reuters) -``, ``KYIV, Ukraine —``, ``MOSCOW–``."""

from __future__ import annotations

import regex

from newsclean.transforms.facts import Dateline
from newsclean.transforms.fields.agency import canonical_agency
from newsclean.transforms.runtime.limits import regex_timeout

# Words in capitals that open a paragraph with a dash but are not places.
_NOT_PLACES = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE WATCH LIVE OPINION ANALYSIS EDITORIAL "
    "COMMENTARY NOTE EDITOR'S EDITORS CORRECTION FILE PHOTO VIDEO REVIEW FACT CHECK "
    "WARNING ALERT URGENT NEW FIRST LAST THE AND BUT".split()
)

# Atomic: a word is read one way, so a long "A-B-C-..." is not split at every hyphen in turn.
_CAPS_WORD = r"(?>[\p{Lu}][\p{Lu}'’.\-]*[\p{Lu}.])"
DATELINE = regex.compile(
    r"^(?P<place>" + _CAPS_WORD + r"(?:[ \-]" + _CAPS_WORD + r"){0,3})"
    # ", Ukraine" / ", Mo." / ", D.C." / ", Calif." (a region as printed)
    r"(?P<region>(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,3}(?=[\s,(—–-]))?)"
    # ", Jan 17" (Reuters puts the day in the dateline)
    r"(?P<day>,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"(?P<dash>\s*[—–]+\s*|\s*--?\s+|\s+-\s*)"
    r"(?P<rest>[\p{Lu}\p{N}\"“‘'(].*)$",
    regex.S,
)


# German, French and Italian wires print the place in ordinary case, always with the agency:
# "Hamburg (dpa/lno) – …", "Paris (AFP) - …", "Bad Homburg (dpa) -". Without a known agency in the
# brackets, a capitalised word and a dash is an ordinary sentence.
MIXED_CASE_DATELINE = regex.compile(
    r"^(?P<place>(?>\p{Lu}\p{Ll}+)(?:[ \-](?>\p{Lu}\p{Ll}+|an der|am|an|im|upon|on|sur|de)){0,3})(?P<region>)(?P<day>)"
    r"\s*\((?P<agency>[^()\n]{1,40})\)"
    r"(?P<dash>\s*[—–]+\s*|\s*--?\s+|\s+-\s*)"
    r"(?P<rest>[\p{Lu}\p{N}\"“„‘'(].*)$",
    regex.S,
)


def _agency_of(printed: str) -> str | None:
    """The agency a dateline's brackets name: ``AP``, ``dpa/lno`` (a regional desk after the slash)."""
    return canonical_agency(printed) or next(
        (found for part in printed.split("/") if (found := canonical_agency(part))), None
    )


def split_dateline(paragraph: str) -> Dateline | None:
    """Split a leading dateline off ``paragraph``; the sentence after it is kept."""
    match = DATELINE.match(paragraph, **regex_timeout(paragraph))
    if not match:
        match = MIXED_CASE_DATELINE.match(paragraph, **regex_timeout(paragraph))
        if not match or _agency_of(match["agency"]) is None:
            return None
    place = match["place"]
    if all(w.rstrip(".") in _NOT_PLACES for w in place.split()) or len(place.replace(".", "")) < 3:
        return None
    agency_text = match["agency"]
    agency = _agency_of(agency_text) if agency_text else None
    if agency_text and agency is None:
        return None  # "(Photo)", "(File)": a parenthesis we cannot vouch for
    region = match["region"] or ""
    printed = paragraph[: match.start("rest")].rstrip()
    return Dateline(place + region, agency, printed, match["rest"])

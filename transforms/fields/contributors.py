"""Contributor tails: ``Associated Press writers X in Y, and Z in W contributed.``

Recognises the tail line and splits its name list into people with locations.
The forms are agency-wide, including reworded ("spun") ones such as
``Associated Press author X in Y added.``
"""

from __future__ import annotations

import regex

from newsclean.schemas.records import Contributor
from newsclean.transforms.fields.agency import AGENCY_PATTERN, find_agency

_ROLE = (
    r"(?i:(?:staff\s+)?(?:writers?|reporters?|journalists?|correspondents?|authors?|"
    r"photographers?|videojournalists?|researchers?))"
)
_VERB = r"(?i:(?:also\s+)?(?:contributed|added|reported|helped|assisted))"
_OBJECT = r"(?i:\s+(?:to|for|with|in)\s+(?:this|the)\s+(?:report|story|article|coverage|reporting))?"
# The outlet a writer works for: "Associated Press", "Washington Post", "AP".
_OUTLET = r"(?:(?i:the)\s+)?(?:" + AGENCY_PATTERN + r"|\p{Lu}[\p{L}.&'’\-]*(?:\s+\p{Lu}[\p{L}.&'’\-]*){0,3})\s+"

TAIL_PATTERNS: list[tuple[str, regex.Pattern]] = [
    # Associated Press writers X in Y, and Z in W contributed (to this report).
    (
        "agency_writers",
        regex.compile(r"^(?:" + _OUTLET + r")?" + _ROLE + r"\s+(?P<list>\p{Lu}.+?)\s+" + _VERB + _OBJECT + r"\s*\.?$"),
    ),
    # X and Y contributed to this report (from Z).
    (
        "contributed_to_report",
        regex.compile(
            r"^(?P<list>[\p{Lu}].{0,300}?)\s+(?:also\s+)?(?:contributed|helped)\s+(?:to|with)\s+"
            r"(?:this|the)\s+(?:report|story|article|reporting)(?:\s+from\s+(?P<from>[^.]+))?\s*\.?$"
        ),
    ),
    # Additional reporting by X in Y and Z.
    (
        "additional_reporting",
        regex.compile(
            r"^(?:additional|further|with\s+additional)\s+reporting\s+(?:by|from)\s+(?P<list>.+?)\s*\.?$",
            regex.I,
        ),
    ),
    # Reporting by X and Y; Editing by Z (Reuters): reporters kept, editors are not contributors.
    (
        "reporting_by",
        regex.compile(
            r"^\(?(?:reporting|writing|compiled)\s+by\s+(?P<list>[^;]+?)(?:\s*;\s*(?:additional\s+)?"
            r"(?:reporting|writing|editing|compiled|graphics)\s+by\s+[^;]+?)*\s*\)?\s*\.?$",
            regex.I,
        ),
    ),
]

# A person's name: 1-5 capitalised tokens, allowing particles and initials.
_NAME = regex.compile(
    r"^(?:\p{Lu}[\p{L}'’.\-]*|(?:de|da|del|van|von|der|al|el|bin|le|la|di)\b)"
    r"(?:\s+(?:\p{Lu}[\p{L}'’.\-]*|(?:de|da|del|van|von|der|al|el|bin|le|la|di)\b)){0,4}$"
)
_SEPARATOR = regex.compile(r"(,\s*and\s+|,\s*&\s*|(?<!\s)\s+and\s+|(?<!\s)\s*&\s*|;\s*|,\s*)")
_IN = regex.compile(r"(?<!\s)\s+(?:in|from|at)\s+")


def _is_name(text: str) -> bool:
    return bool(_NAME.match(text)) and not any(ch.isdigit() for ch in text)


def parse_contributor_list(text: str) -> list[Contributor]:
    """People and places in a list such as ``X in Dubai, United Arab Emirates, and Z in Tehran``.

    A comma-separated piece right after a located person is taken as more of the
    place (``Dubai, United Arab Emirates``) when it is followed by ``, and``, by
    nothing, or by another located person; people named before a shared place
    (``X and Y in Tehran``) get that place.
    """
    parts = _SEPARATOR.split(text.strip().rstrip("."))
    pieces, seps = parts[0::2], [""] + parts[1::2]
    people: list[list[str | None]] = []
    pending: list[list[str | None]] = []  # named, not yet located
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        split = _IN.split(piece, maxsplit=1)
        name = split[0].strip()
        location = split[1].strip() if len(split) == 2 else None
        next_sep = seps[i + 1] if i + 1 < len(seps) else ""
        previous_located = bool(people) and people[-1][1] is not None and not pending
        if (
            location is None
            and previous_located
            and seps[i].strip() == ","
            and (next_sep.strip() in ("", ", and", ",and") or (next_sep.startswith(",") and "and" in next_sep))
        ):
            people[-1][1] = f"{people[-1][1]}, {piece}"
            continue
        if not _is_name(name):
            continue
        person: list[str | None] = [name, location]
        people.append(person)
        if location is None:
            pending.append(person)
        else:
            for waiting in pending:
                waiting[1] = location
            pending = []
    return [Contributor(name=str(n), location=loc) for n, loc in people]


def parse_contributor_tail(line: str) -> tuple[list[Contributor], str | None] | None:
    """Contributors and the credited agency if ``line`` is a contributor tail, else None."""
    line = line.strip()
    if len(line) > 400:
        return None
    for _name, pattern in TAIL_PATTERNS:
        match = pattern.match(line, timeout=1.0)
        if not match:
            continue
        people = parse_contributor_list(match["list"])
        if not people:
            continue
        shared_place = match.groupdict().get("from")
        if shared_place:
            people = [Contributor(p.name, p.location or shared_place.strip()) for p in people]
        return people, find_agency(line[: match.start("list")])
    return None

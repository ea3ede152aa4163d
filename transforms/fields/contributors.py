"""Contributor tails: ``Associated Press writers X in Y, and Z in W contributed.``

Recognises the tail line and splits its name lists into people with places. A tail
line is one or more clauses (split at ``;``, or at a comma before a new lead such as
``, Editing by``), each of one of two shapes:

- a *lead* and a list: ``Reporting by X``, ``Additional reporting by X in Y``,
  ``Writing by X``, ``With assistance from X and Y``, ``Editing by Z``;
- a list and a *verb*: ``[outlet] [role] X in Y and Z contributed [to this report]
  [from W]``, ``X filed from Lagos``, ``X reported from Kyiv and Y from Moscow``
  (reworded, "spun" forms such as ``Associated Press author X in Y added`` too).

People credited with reporting, writing, contributing, filing or assisting are
contributors; editors (``Editing by``, ``Edited by``) are not, but their clause is
still part of the tail line. The leads, roles, verbs and the words of place names
are data below; names and places are told apart by shape: a name is a capitalised
given name and surname (with particles such as ``van den``, ``al-``, initials,
other scripts), a place is ``City`` or ``City, Region`` where the region may be
abbreviated (``Raleigh, N.C.``).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from newsclean.schemas.records import Contributor
from newsclean.transforms.fields.agency import AGENCY_PATTERN, canonical_agency, find_agency

MAX_LINE_CHARS = 400  # longer paragraphs are prose, never a tail

# --- the words of a tail -------------------------------------------------------------------

# Leads of a "<lead> by <people>" clause; the first credit their people, the second do not.
CREDITING_LEADS = ("reporting", "writing", "written", "compiled", "compiling", "assistance", "contributions")
NON_CREDITING_LEADS = ("editing", "edited", "graphics", "production")
LEAD_MODIFIERS = ("additional", "further", "extra")
# Roles before the names: "Associated Press writers", "Staff correspondent".
ROLES = (
    "writer", "reporter", "journalist", "correspondent", "author", "photographer", "photojournalist",
    "videojournalist", "video journalist", "researcher", "producer", "staffer", "stringer", "contributor",
)  # fmt: skip
ROLE_ADJECTIVES = ("staff", "freelance", "special", "senior", "chief", "contributing", "local", "foreign")
# Verbs after the names; without a role before the names only these credit, and "contributed"
# is the only one that may stand alone ("X contributed."; "X added." is how prose quotes people).
VERBS = ("contributed", "added", "reported", "filed", "helped", "assisted", "wrote")
BARE_VERBS = ("contributed", "reported", "filed", "helped", "assisted", "wrote")
FROM_VERBS = ("contributed", "reported", "filed", "wrote")  # "X filed from Lagos"
OBJECT_NOUNS = ("report", "story", "article", "coverage", "reporting", "dispatch", "piece")

# --- the words of names and places ---------------------------------------------------------

# Lowercase words inside a name: "Pieter van den Berg", "Ana da Silva", "Mohammed bin Salman".
NAME_PARTICLES = frozenset(
    "de da das do dos du del della dei degli di van von der den ter ten te zu zur y e la le les el al bin ibn "
    "bint ben abu".split()
)
# Lowercase words inside a place: "Rio de Janeiro", "Dar es Salaam", "Frankfurt am Main".
PLACE_PARTICLES = NAME_PARTICLES | frozenset("of on upon am an im sur en es aux sous".split())
# What may open a place before its name: "in the West Bank", "in northern Gaza".
PLACE_OPENERS = frozenset(
    "the northern southern eastern western central northeastern northwestern southeastern southwestern".split()
)
# Capitalised words that open a phrase but never a person's name.
NOT_NAME_STARTS = frozenset(
    "The A An This That These Those He She It They We I You His Her Its Their Our My Your There Here Many Some "
    "All Both Several Few Most Other Such Each Every No".split()
)
NAME_SUFFIXES = frozenset(("Jr.", "Sr.", "Jr", "Sr"))
# A region after "City, ": first or last words that make a multi-word piece a region, not a person.
REGION_LEADS = frozenset(
    "North South East West Northern Southern Eastern Western Central New United Upper Lower Greater Inner "
    "Outer Baja Nova Equatorial".split()
)
REGION_HEADS = frozenset(
    "strip bank island islands isles republic coast territory territories province region state states emirates "
    "kingdom peninsula heights valley county district oblast prefecture governorate department sahara pradesh "
    "federation country city".split()
)
# Multi-word regions and countries that neither of the above marks.
MULTIWORD_REGIONS = frozenset(
    (
        "Abu Dhabi", "Andhra Pradesh", "British Columbia", "Buenos Aires", "Burkina Faso", "Cabo Verde",
        "Cape Verde", "Costa Rica", "El Salvador", "Hong Kong", "Isle of Man", "Minas Gerais", "Nuevo León",
        "Papua New Guinea", "Puerto Rico", "Quintana Roo", "Rio de Janeiro", "Rio Grande do Sul", "San Marino",
        "Saudi Arabia", "Sierra Leone", "Sri Lanka", "São Paulo", "Tamil Nadu", "Tierra del Fuego", "Sint Maarten",
    )
)  # fmt: skip
# Abbreviated regions whose final period is part of the place even at the end of a sentence
# ("filed from Jackson, Miss."); initialisms such as "N.C." and "D.C." are told by shape.
REGION_ABBREVIATIONS = frozenset(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
    "Okla Ore Pa Penn Tenn Tex Vt Va Wash Wis Wyo W.Va Alta Ont Que Sask Nfld Qld Vic Tas".split()
)

# --- patterns --------------------------------------------------------------------------------


def _words(words: tuple[str, ...] | frozenset[str]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", " ") for w in sorted(words, key=len, reverse=True))


_LEAD_NOUN = r"(?:" + _words(CREDITING_LEADS + NON_CREDITING_LEADS) + r")"
_LEAD_HEAD = r"(?:with )?(?:(?:" + _words(LEAD_MODIFIERS) + r") )?"
# "Additional reporting by ", "With assistance from ", "Writing and editing by ".
LEAD = regex.compile(
    r"^(?i:" + _LEAD_HEAD + r"(?P<first>" + _LEAD_NOUN + r")(?: and " + _LEAD_HEAD + r"(?P<second>" + _LEAD_NOUN
    + r"))? (?:by|from) )"
)  # fmt: skip
# Where a new clause starts: a semicolon, comma or "and" before a lead ("Reporting by X; Editing by Y",
# "Reporting by X, editing by Y"). A semicolon before anything else separates people ("X in A; Y in B").
CLAUSE_BREAK = regex.compile(
    r"(?:; ?|, | and )(?=(?i:" + _LEAD_HEAD + _LEAD_NOUN + r"(?: and " + _LEAD_HEAD + _LEAD_NOUN + r")? (?:by|from) ))"
)
# The outlet and role before the names: "The Associated Press writers ", "Kyodo News correspondents ",
# or the outlet's possessive: "Bloomberg's ", "The Associated Press' staff writer ".
_OUTLET = r"(?:(?i:the) )?(?:" + AGENCY_PATTERN + r"|\p{Lu}[\p{L}.&\-]*(?: \p{Lu}[\p{L}.&\-]*){0,3})"
_ROLE = r"(?i:(?:(?:" + _words(ROLE_ADJECTIVES) + r") )?(?:" + _words(ROLES) + r")s?) "
ROLE_PREFIX = regex.compile(r"^(?:" + _OUTLET + r"(?:['’]s?)? )??" + _ROLE + r"(?=\S)")
POSSESSIVE_PREFIX = regex.compile(r"^" + _OUTLET + r"['’]s? (?:" + _ROLE + r")?(?=\S)")
# The verb after the names, and what may follow it: "contributed", " also contributed to this report".
VERB = regex.compile(r"(?<=\S) (?:also )?(?P<verb>" + _words(VERBS) + r")(?= |$)")
AFTER_VERB = regex.compile(
    r"(?: (?P<object>(?:to|for|with|in) (?:this|the) (?:" + _words(OBJECT_NOUNS) + r")|"
    r"(?:(?:to|with) )?(?:(?:additional|further) )?reporting))?(?: from (?P<from>\S.*))?$"
)
# Pieces of a list: "X in A, Y and Z" splits at ", ", " and ", ", and ", " & ", ";", "; and".
_SEPARATOR = regex.compile(r"([,;]\s*and\s+|,\s*&\s*|(?<!\s)\s+and\s+|(?<!\s)\s*&\s*|;\s*|,\s*)")
# A person and their place: "X in Dubai", "X from Kyiv", "X at the United Nations".
_IN = regex.compile(r"(?<!\s)\s+(?:in|from|at)\s+")

# Words of names and places, by shape.
_CAP_WORD = regex.compile(r"[\p{Lu}\p{Lt}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*")  # Müller, O'Brien, Hyung-jin
_INITIAL = regex.compile(r"\p{Lu}\.(?:-?\p{Lu}\.)*")  # J., J.R., J.-P.
_INITIALISM = regex.compile(r"\p{Lu}\.(?:\p{Lu}\.)+")  # N.C., D.C.
_ABBREVIATION = regex.compile(r"\p{Lu}[\p{L}.]{0,6}\.")  # St., Ill., Calif., N.C., W.Va.
_PARTICLE_WORD = regex.compile(r"\p{Ll}{1,4}[-'’]\p{Lu}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*")  # al-Amin, d'Alema
_CASELESS = regex.compile(r"[\p{Lo}\p{M}]+")  # scripts without capitals: 王小明, محمد

# --- names and places ------------------------------------------------------------------------


def _is_name(text: str) -> bool:
    """A person's name: a given name and a surname, with particles, initials or a suffix."""
    words = text.split(" ")
    if not 1 <= len(words) <= 7 or words[0] in NOT_NAME_STARTS or canonical_agency(text):
        return False
    weight = 0
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if _CAP_WORD.fullmatch(word) or _PARTICLE_WORD.fullmatch(word):
            weight += 1
        elif _CASELESS.fullmatch(word):
            weight += 2
        elif _INITIAL.fullmatch(word) and not last:
            weight += 1
        elif not (word in NAME_PARTICLES and 0 < i and not last) and not (word in NAME_SUFFIXES and last and i > 1):
            return False
    return weight >= 2


def _is_place(text: str, *, opened: bool = True) -> bool:
    """A place name: ``Tehran``, ``Rio de Janeiro``, ``St. Louis``, ``N.C.``; with ``opened``
    also ``the West Bank``, ``northern Gaza``."""
    words = text.split(" ")
    while opened and len(words) > 1 and words[0] in PLACE_OPENERS:
        words = words[1:]
    if not 1 <= len(words) <= 6:
        return False
    for i, word in enumerate(words):
        inner = 0 < i < len(words) - 1
        if _CAP_WORD.fullmatch(word) or _ABBREVIATION.fullmatch(word) or _CASELESS.fullmatch(word):
            continue
        if inner and word in PLACE_PARTICLES:
            continue
        if i == len(words) - 1 and i > 0 and word in REGION_HEADS:  # "Guangdong province"
            continue
        return False
    return True


def _is_region(text: str) -> bool:
    """The region or country after ``City,``: one word (``Colombia``, ``Ill.``), or words that
    read as a region (``United Arab Emirates``, ``Gaza Strip``, ``Sri Lanka``) or as no name."""
    if not _is_place(text, opened=False):
        return False
    words = text.split(" ")
    return (
        len(words) == 1
        or words[0] in REGION_LEADS
        or words[-1].casefold() in REGION_HEADS
        or text in MULTIWORD_REGIONS
        or not _is_name(text)
    )


def _ends_in_abbreviation(text: str) -> bool:
    last = text.rsplit(" ", 1)[-1]
    return bool(_INITIALISM.fullmatch(last)) or last.removesuffix(".") in REGION_ABBREVIATIONS


def _strip_period(text: str) -> str:
    """``text`` without a sentence's final period, unless it closes an abbreviation (``Raleigh, N.C.``)."""
    text = text.strip()
    if text.endswith(".") and not _ends_in_abbreviation(text):
        text = text[:-1].rstrip()
    return text


def _parse_list(text: str) -> list[Contributor] | None:
    """The people in ``text``, or None when a piece of it is neither a person nor a place."""
    parts = _SEPARATOR.split(" ".join(text.split()))
    pieces, separators = parts[0::2], [""] + parts[1::2]
    people: list[tuple[str, list[list[str]]]] = []  # name, and a box holding its place (shared when pending)
    waiting: list[list[list[str]]] = []  # boxes of people named before a place, filled by the next place
    open_place: list[str] | None = None  # the place just given, which ", Region" pieces (two at most) extend
    for piece, separator in zip(pieces, separators, strict=True):
        piece = piece.strip()
        if not piece:
            continue
        split = _IN.split(piece, maxsplit=1)
        if len(split) == 2:
            name, place = split[0].strip(), split[1].strip()
            if not (_is_name(name) and _is_place(place)):
                return None
            open_place = [place]
            for box in waiting:
                box.append(open_place)
            waiting = []
            people.append((name, [open_place]))
            continue
        if open_place is not None and len(open_place) <= 2 and separator.strip() == "," and _is_region(piece):
            open_place.append(piece)  # "Dubai, United Arab Emirates": every person sharing the place gets it
            continue
        if not _is_name(piece):
            return None
        box: list[list[str]] = []
        people.append((piece, box))
        waiting.append(box)
        open_place = None
    return [Contributor(name, ", ".join(box[0]) if box else None) for name, box in people] or None


def parse_contributor_list(text: str) -> list[Contributor]:
    """People and places in a list such as ``X in Dubai, United Arab Emirates, and Z in Tehran``.

    A comma-separated piece right after a placed person is more of the place when it reads as
    a region (``Dubai, United Arab Emirates``, ``Springfield, Ill.``), else another person
    (``X in Vienna, Y, and Z``); people named before a place (``X and Y in Austin, Texas``)
    get that place, region included. Empty when a piece is neither a person nor a region.
    """
    return _parse_list(_strip_period(text)) or []


# --- tail lines ------------------------------------------------------------------------------


def _parse_clause(clause: str) -> tuple[list[Contributor], bool, str | None] | None:
    """``(people, credited, agency)`` of one clause of a tail, or None if it is not one."""
    clause = _strip_period(clause)
    lead = LEAD.match(clause)
    if lead:
        people = _parse_list(clause[lead.end() :])
        if people is None:
            return None
        nouns = {lead["first"].casefold(), (lead["second"] or "").casefold()}
        return people, bool(nouns & set(CREDITING_LEADS)), None
    verb = VERB.search(clause)
    after = AFTER_VERB.match(clause, verb.end()) if verb else None
    if not verb or not after:
        return None
    subject, word = clause[: verb.start()], verb["verb"]
    role = ROLE_PREFIX.match(subject) or POSSESSIVE_PREFIX.match(subject)
    if role:
        listed, agency = subject[role.end() :], find_agency(subject[: role.end()])
    elif word in BARE_VERBS and (word == "contributed" or after["object"] or (after["from"] and word in FROM_VERBS)):
        listed, agency = subject, None
    else:
        return None
    if after["from"]:
        if word not in FROM_VERBS:
            return None
        listed = f"{listed} from {after['from']}"  # "X reported from Kyiv and Y from Moscow"
    people = _parse_list(listed)
    if people is None:
        named = canonical_agency(subject)  # "The Associated Press contributed to this report."
        return ([], True, named) if named and not role and word == "contributed" and after["object"] else None
    return people, True, agency


def parse_contributor_tail(line: str) -> tuple[list[Contributor], str | None] | None:
    """Contributors and the credited agency if ``line`` is a contributor tail, else None.

    A tail of editors only (``Editing by Z``) is a tail with no contributors.
    """
    parsed = _parse_tail(line)
    return None if parsed is None else (list(parsed[0]), parsed[1])


@lru_cache(maxsize=8192)
def _parse_tail(line: str) -> tuple[tuple[Contributor, ...], str | None] | None:
    """:func:`parse_contributor_tail`, remembered: cleaning asks it of every line the classifier
    doubts, again in each pass of its fixed-point loop."""
    line = line.strip()
    if len(line) > MAX_LINE_CHARS:
        return None
    line = " ".join(line.split()).lstrip("-–—•* ")
    line = _strip_period(_strip_period(line).lstrip("([").rstrip(")]"))  # "(Reporting by X; Editing by Y)."
    people: list[Contributor] = []
    agency: str | None = None
    for clause in CLAUSE_BREAK.split(line):
        parsed = _parse_clause(clause)
        if parsed is None:
            return None
        found, credited, named = parsed
        if credited:
            people += [p for p in found if p not in people]
        agency = agency or named
    return tuple(people), agency

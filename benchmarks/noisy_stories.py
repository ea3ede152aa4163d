"""Seed-like noisy news stories with their truth, and a benchmark of the cleaner over them.

    python -m benchmarks.noisy_stories [--seeds 1 2 3 4] [--n 500] [--show-failures 10]

Each story is a real body from the wcxb-dev truth (English prose of 150-1500 words that
reads like news: it quotes people or keeps to the third person; the set holds few news
pages, so about a hundred bodies qualify) dressed the way the seeds in ``/work/shared/seeds`` are:
a header date (on its own line or fused to the headline, in many locales' formats),
UPDATE stamps, photo credits and captions in agencies' styles, separators, share bars,
comment counters, newsletter prompts, contributor / reporting / editing tails and runs of
repeated credits at the end. The generator writes the truth beside the text: the clean
body, the headline, the publication day, the contributors, the agency and every noise
line it inserted.

Truth conventions:

- ``date`` is the publication day the header prints. A story with no header date, or
  only an UPDATE stamp, has ``None``: an update is not the publication.
- ``contributors`` are the people a tail credits with contributing, reporting, filing or
  writing, with the place it gives them (``None`` when it gives none); people sharing one
  place (``X and Y in Berlin``) both get it. Editors are not contributors. This follows
  ``newsclean.transforms.fields.contributors`` (``Reporting by X; Editing by Y`` gives X, and a leading
  ``Writing by Z; editing by W`` gives Z), applied to every clause: a ``Writing by`` or
  ``Additional reporting by`` clause after ``Reporting by`` credits its people too.
- ``agency`` is the wire service the story is from (canonical names as in
  ``newsclean.transforms.fields.agency``) when a noise line names it (a tail, a closing tag, a copyright or
  "Follow AP's coverage" line, a photo credit or caption credit), else ``None``. Photo
  agencies (Getty Images, Shutterstock, Alamy, EPA) never make a story theirs; the failure
  list says which kinds of line named the agency, so credit-only cases can be told apart.

Scoring: a noise line is *left* when its text, whitespace-normalised, is still in the
cleaned text (more often than the true body and the headline hold it, and not only as
part of a longer noise line that is left). A caption is noise as a whole: it is left
when its descriptive sentence stays, even if its credit went. A *fragment* is a kept
paragraph that is only a piece of a noise line (``UTC`` after a rule took the rest of
``Published 2025-01-17 10:32 UTC``). Headline accuracy and body F1 are also given for the
same bodies cleaned with no noise at all, to tell the noise's cost from the bodies' own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import glob
import json
import random
import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsclean.schemas.records import Article, Reject

_REPO = Path(__file__).resolve().parent.parent
# Beside the checkout (as benchmarks.common has it), else the shared folder a worktree elsewhere uses.
DATA = next(
    (p for p in (_REPO.parent / "shared" / "data" / "wcxb-dev", Path("/work/shared/data/wcxb-dev")) if p.is_dir()),
    _REPO.parent / "shared" / "data" / "wcxb-dev",
)
NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)  # the tests' clock: every generated date is before it
FIRST_DAY, LAST_DAY = dt.date(2014, 1, 1), dt.date(2025, 12, 28)
MIN_WORDS, MAX_WORDS = 150, 1500

NOISE_KINDS = (
    "header_date",
    "update_stamp",
    "credit",
    "caption",
    "separator",
    "share",
    "comment_count",
    "newsletter",
    "advertisement",
    "related",
    "follow",
    "copyright",
    "contributor_tail",
    "reporting_tail",
    "editing_tail",
    "agency_tag",
)

# --- wording: people and places ------------------------------------------------------------

GIVEN_NAMES = (
    # English-speaking
    "Jon", "Ann", "Matthew", "Sarah", "Emily", "James", "Rebecca", "Michael", "Laura", "David", "Kate", "Thomas",
    # Spanish / Portuguese / Italian / French
    "José", "María", "Alejandro", "Lucía", "Joao", "Ana", "Giulia", "Marco", "Chiara", "Luis", "Camille", "Julien",
    "Élodie", "François", "Inês", "Rafael",
    # German / Dutch / Nordic / Slavic
    "Jürgen", "Anja", "Katrin", "Stefan", "Pieter", "Sanne", "Lars", "Ingrid", "Olga", "Dmitri", "Natalia",
    "Tomasz", "Agnieszka", "Yuras", "Illia", "Vasilisa",
    # Arabic / Persian / Turkish / Hebrew
    "Amir", "Nasser", "Fatima", "Samy", "Bassem", "Mariam", "Omar", "Leila", "Reza", "Shirin", "Mehmet", "Zeynep",
    "Suzan", "Abby", "Tia", "Yousef",
    # South and East Asian
    "Aijaz", "Priya", "Sheikh", "Rajesh", "Ananya", "Mari", "Haruka", "Kiyoshi", "Hyung-jin", "Kim", "Didi",
    "Ken", "Huizhong", "Aniruddha", "Thanh", "Jintamas",
    # African
    "Chinedu", "Ngozi", "Baba", "Rodney", "Cara", "Mogomotsi", "Evelyne", "Kwasi", "Abdi", "Wanjiru", "Tshepo",
    "Sam", "Mulugeta", "Ruth", "Sylvie", "Justin",
)  # fmt: skip

SURNAMES = (
    # English-speaking
    "Doe", "Roe", "Miller", "Turner", "Harper", "Bennett", "Collins", "Foster", "Hughes", "Lawson", "O'Brien",
    "MacLeod",
    # Spanish / Portuguese / Filipino / Italian / French
    "García", "Rodríguez", "Pérez", "Núñez", "Oliveira", "Castillo", "Morales", "Díaz", "da Silva", "Ortega",
    "Ferreira", "Santos", "Reyes", "Bautista", "Rossi", "Bianchi", "D'Angelo", "Moreau", "Lefèvre", "Girard",
    # German / Dutch / Nordic / Slavic
    "Müller", "Schmidt", "Becker", "Hoffmann", "van den Berg", "de Vries", "Jansen", "Lindqvist", "Nyström",
    "Haugen", "Kowalski", "Wiśniewska", "Novak", "Petrova", "Ivanenko", "Sokolov", "Horvat",
    # Arabic / Persian / Turkish / Hebrew
    "Haddad", "Khalil", "Mansour", "al-Amin", "El Masri", "Abdel-Rahman", "Rahimi", "Tehrani", "Yilmaz", "Demir",
    "Levi", "Cohen",
    # South and East Asian
    "Sharma", "Patel", "Iyer", "Chowdhury", "Rahman", "Tanaka", "Suzuki", "Sato", "Kim", "Park", "Choi", "Lee",
    "Chen", "Wang", "Liu", "Nguyen", "Tran", "Pham",
    # African
    "Okonkwo", "Adebayo", "Mensah", "Owusu", "Ndlovu", "Dlamini", "Kamau", "Otieno", "Abdullahi", "Tesfaye",
    "Diallo", "Traoré",
)  # fmt: skip

CITIES = (
    "Washington", "New York", "London", "Paris", "Berlin", "Tehran", "Lagos", "Nairobi", "Cairo", "Beirut",
    "Jerusalem", "Moscow", "Kyiv", "Beijing", "Tokyo", "Seoul", "New Delhi", "Mumbai", "Jakarta", "Manila",
    "Bangkok", "Sydney", "Johannesburg", "Mexico City", "São Paulo", "Buenos Aires", "Bogotá", "Lima", "Madrid",
    "Rome", "Brussels", "Geneva", "Vienna", "Warsaw", "Istanbul", "Ankara", "Islamabad", "Kabul", "Baghdad",
    "Damascus", "Riyadh", "Doha", "Addis Ababa", "Kinshasa", "Dakar", "Accra", "Havana", "Caracas", "Ottawa",
    "Toronto", "Hong Kong", "Singapore", "Taipei", "Hanoi", "Dhaka", "Stockholm", "Oslo", "Athens", "Lisbon",
    "Dublin", "Brasília", "Santiago", "The Hague", "Kuala Lumpur", "Tel Aviv", "Abu Dhabi", "Cape Town",
)  # fmt: skip

CITY_COUNTRY = (
    "Dubai, United Arab Emirates", "Kharkiv, Ukraine", "Gaza City, Gaza Strip", "Rafah, Gaza Strip",
    "Goma, Congo", "Port-au-Prince, Haiti", "Tbilisi, Georgia", "Yerevan, Armenia", "Valencia, Spain",
    "Lyon, France", "Munich, Germany", "Osaka, Japan", "Karachi, Pakistan", "Mosul, Iraq", "Aleppo, Syria",
    "Khartoum, Sudan", "Juba, South Sudan", "Benghazi, Libya", "Sanaa, Yemen", "Ramallah, West Bank",
    "Chisinau, Moldova", "Cluj-Napoca, Romania", "Guadalajara, Mexico", "Medellín, Colombia", "Cebu, Philippines",
    "Chiang Mai, Thailand", "Abuja, Nigeria", "Kampala, Uganda", "Mogadishu, Somalia", "Tripoli, Libya",
)  # fmt: skip

CITY_STATE = (
    "Austin, Texas", "Des Moines, Iowa", "Sacramento, California", "Miami, Florida", "Columbus, Ohio",
    "Portland, Oregon", "Phoenix, Arizona", "Atlanta, Georgia", "Raleigh, N.C.", "Tallahassee, Fla.",
    "Springfield, Ill.", "Jackson, Miss.", "Albany, New York", "Denver, Colorado", "Nashville, Tennessee",
)  # fmt: skip

# --- wording: agencies and their credits ------------------------------------------------------

# Wire services a story can come from: canonical name (as fields.agency names it) -> printed forms.
HOUSE_AGENCIES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "REUTERS"),
    "AFP": ("AFP", "Agence France-Presse"),
    "dpa": ("dpa",),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Xinhua": ("Xinhua",),
    "PA": ("PA", "PA Media"),
    "Bloomberg": ("Bloomberg",),
}
HOUSE_WEIGHTS = {
    "Associated Press": 5,
    "Reuters": 4,
    "AFP": 2,
    "dpa": 2,
    "EFE": 1,
    "ANSA": 1,
    "Kyodo": 1,
    "Xinhua": 1,
    "PA": 1,
    "Bloomberg": 1,
}
# Photo agencies that credit pictures in anyone's story without making it theirs.
PHOTO_AGENCIES = ("Getty Images", "Shutterstock", "Alamy", "Alamy Stock Photo", "EPA", "iStock")

CREDIT_LABELS = (
    "Credit", "Photo", "Image", "Picture", "Photograph", "Photo credit", "Image credit", "Foto", "Bild",
    "Picture source", "Bildquelle", "Photos", "Source",
)  # fmt: skip

SEPARATORS = ("___", "***", "---", "* * *", "— — —", "___________", "• • •", "~~~", "-----")
SHARE_LINES = (
    "Share this article", "Share on Facebook", "Share on X", "Share on WhatsApp", "Email | Print | Tweet",
    "Copy link", "Share", "Facebook Twitter LinkedIn Email", "Share via Email", "Link copied", "Save article",
    "Print this page", "Gift this article", "Share this story", "Tweet", "Facebook | Twitter | Email",
)  # fmt: skip
COMMENT_LINES = ("{n} comments", "Comments ({n})", "View {n} comments", "{n} Comments", "Show comments ({n})")
NEWSLETTER_LINES = (
    "Sign up for our daily newsletter", "Get the latest news delivered to your inbox",
    "Subscribe to our newsletter", "Sign up for The Morning Briefing newsletter",
    "Newsletter", "Get our free Evening Briefing email", "Sign up here to receive our weekly politics newsletter",
    "Never miss a story: sign up for breaking news alerts",
)  # fmt: skip
ADVERTISEMENTS = (
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Anzeige", "Publicité",
    "Publicidad", "Article continues after this advertisement", "Sponsored",
)  # fmt: skip
RELATED_LEADS = ("READ MORE:", "Read more:", "RELATED:", "Related:", "See also:", "Also read:", "MORE:")
FOLLOW_TOPICS = (
    "the Middle East", "the war in Ukraine", "climate change", "the 2024 elections", "Africa", "Latin America",
    "Asia-Pacific", "the economy", "immigration", "global health",
)  # fmt: skip

CAPTION_SUBJECTS = (
    "Protesters", "Firefighters", "Residents", "Supporters of the opposition", "Police officers", "A woman",
    "Rescue workers", "Delegates", "Farmers", "Fans", "Soldiers", "Children", "Voters", "Medical staff",
    "Demonstrators", "Volunteers", "Commuters", "A man", "Officials", "Students",
)  # fmt: skip
CAPTION_ACTIONS = (
    "gather outside the parliament building", "walk past a damaged building", "wait in line for fuel",
    "hold flags during a rally", "inspect the site of an explosion", "arrive for a summit",
    "clear debris after a storm", "march through the city centre", "queue to cast their ballots",
    "look at the ruins of a market", "attend a memorial service", "carry supplies across a flooded street",
    "listen to a speech", "take part in a vigil", "stand guard at a checkpoint",
)  # fmt: skip

# --- wording: dates ---------------------------------------------------------------------------

EN_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
ABBR_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DE_MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
)  # fmt: skip
FR_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
)  # fmt: skip
ES_MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ZONES_12H = ("EST", "EDT", "ET", "PT", "PST", "CST", "CT")
ZONES_24H = ("CET", "CEST", "UTC", "GMT", "BST", "JST", "IST", "AEST", "SAST", "WAT", "MSK")

# Header labels by locale and the date styles that locale prints under them.
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("date", "Date:", "Published", "Published:", "Published on", "Posted", "Posted on", "Posted:",
           "First published on", "PUBLISHED:"),
    "de": ("Veröffentlicht", "Veröffentlicht am", "Datum:", "Erschienen am"),
    "fr": ("Publié le", "Publié le :", "Mis en ligne le"),
    "es": ("Publicado", "Publicado el", "Publicado:", "Fecha:"),
    "it": ("Pubblicato il", "Data:"),
}  # fmt: skip
LOCALE_STYLES: dict[str, tuple[str, ...]] = {
    "en": ("iso", "iso_time", "mdy_slash", "ap_month", "abbr_month", "month_day_year", "weekday_long",
           "day_month_year", "guardian"),
    "de": ("iso", "dmy_dot", "de_long"),
    "fr": ("iso", "dmy_slash", "fr_long"),
    "es": ("dmy_slash", "es_long"),
    "it": ("dmy_slash", "dmy_dot"),
}  # fmt: skip
LOCALE_WEIGHTS = {"en": 10, "de": 2, "fr": 2, "es": 1, "it": 1}


# --- the story ------------------------------------------------------------------------------


@dataclass
class Story:
    """One noisy story and the truth the generator wrote for it."""

    text: str
    body: str  # the clean body: paragraphs separated by blank lines
    headline: str
    date: dt.date | None  # the publication day the header prints; None without one or with only an UPDATE stamp
    contributors: list[tuple[str, str | None]]
    agency: str | None
    noise: list[tuple[str, str]]  # (kind, line) for every noise line inserted, exactly as inserted
    probes: list[str] = field(default_factory=list)  # per noise line: the text whose presence means it is left
    styles: list[str] = field(default_factory=list)  # "kind:style" of each part, for grouping failures
    update_date: dt.date | None = None  # the day an UPDATE stamp prints, if any
    source: str = ""  # the wcxb case the body came from


@dataclass
class Noise:
    """One noise line as a part: its kind, text, style and what it credits."""

    kind: str
    line: str
    style: str
    probe: str | None = None  # default: the line itself
    people: tuple[tuple[str, str | None], ...] = ()
    agency: str | None = None  # the house agency, when this line names it


@dataclass
class Case:
    """A body from the development set: its headline and paragraphs."""

    source: str
    headline: str
    paragraphs: tuple[str, ...]


@dataclass
class StoryParts:
    """The parts of one story, before composing; a test can build one by hand."""

    case: Case
    house: str | None = None
    header: Noise | None = None  # header_date
    header_day: dt.date | None = None
    fused: str | None = None  # the separator joining the header date to the headline, when fused
    stamp: Noise | None = None  # update_stamp
    stamp_day: dt.date | None = None
    stamp_position: str = "after_headline"  # top | after_header | after_headline
    head: list[Noise] = field(default_factory=list)  # between headline and body
    inserts: dict[int, list[Noise]] = field(default_factory=dict)  # after body paragraph i
    after_body: list[Noise] = field(default_factory=list)
    tails: list[Noise] = field(default_factory=list)
    closing: list[Noise] = field(default_factory=list)
    gap: str = "\n\n"  # between lines: a blank line (seed 000) or a newline (seed 003)
    blank_after_headline: bool = False
    leading_space: bool = False  # seed 000 opens with a space


# --- bodies ---------------------------------------------------------------------------------

_EN_STOPWORDS = frozenset(
    "the of and to a in is that for it as was with on be by at this are have from or an but not they his "
    "her has were which their its said he she we you been would will can more who one also".split()
)
_REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|according to|announced|reported)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_TERMINAL = tuple('.!?"”’)')
# Lines of the forms the generator inserts: a body holding one would make its own truth noisy.
_NOISE_FORM = re.compile(
    r"^\W*(?:credits?|photo\w*|image\w*|pictures?|foto\w*|bild\w*|getty|shutterstock|alamy|copyright|©|source:|"
    r"share\b|email\b|print\b|tweet\b|copy\s+link|advertisement|anzeige|sponsored|sign\s+up|subscribe|newsletter|"
    r"updated|last\s+updated|published|posted|veröffentlicht|publié|publicado|date\b|read\s+more|related|see\s+also|"
    r"also\s+read|more:|follow\b|additional\s+reporting|(?:reporting|writing|editing)\s+by|\(?reporting)"
    r"|(?:contributed|contributed\s+to\s+this\s+report|contributed\s+reporting|filed\s+from\s+.{1,40})\.?$"
    r"|^[\W_]+$|^\d+\s+comments?$|^comments\s*\(\d+\)$|\b(?:via\s+getty|/getty|/reuters|/afp|ap\s+photo)\b"
    r"|^[\w.,/: -]{0,40}\b(?:19|20)\d\d\b[\w.,/: -]{0,24}$|^\W*(?:--|—)\s*\w+/\w+\s*$|with\s+assistance\s+from",
    re.I,
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def looks_english(text: str) -> bool:
    """Enough of the commonest English words to be English prose."""
    tokens = _words(text)
    return bool(tokens) and sum(t in _EN_STOPWORDS for t in tokens) / len(tokens) >= 0.25


def usable_body(case: dict) -> Case | None:
    """The case as a story body, or None when it is not English news prose or holds a noise-form line."""
    body, title = case.get("body") or "", (case.get("title") or "").strip()
    n_words = len(body.split())
    if not (MIN_WORDS <= n_words <= MAX_WORDS) or not title or "|" in title or not 2 <= len(title.split()) <= 25:
        return None
    paragraphs = tuple(unicodedata.normalize("NFC", p.strip()) for p in body.split("\n\n") if p.strip())
    prose = sum(len(p.split()) for p in paragraphs if len(p.split()) >= 8 and p.endswith(_TERMINAL))
    if len(paragraphs) < 3 or prose / n_words < 0.7 or not looks_english(body):
        return None
    # wcxb-dev holds few news pages: news-looking here is prose that quotes people or keeps to the
    # third person (guides and sales pages talk to "you").
    second_person = len(_SECOND_PERSON.findall(body)) / n_words
    if len(_REPORTED_SPEECH.findall(body)) < 2 and second_person >= 0.01:
        return None
    if any(_NOISE_FORM.search(line.strip()) for p in paragraphs for line in p.split("\n") if line.strip()):
        return None
    if _norm(paragraphs[0]) == _norm(title):
        return None
    return Case(str(case.get("url") or ""), unicodedata.normalize("NFC", title), paragraphs)


@functools.cache
def load_bodies(folder: str = str(DATA)) -> tuple[Case, ...]:
    """The usable bodies of the development set (loaded once per process)."""
    cases = []
    for path in sorted(glob.glob(str(Path(folder) / "wcxb_*.json"))):
        case = usable_body(json.loads(Path(path).read_text(encoding="utf-8")))
        if case is not None:
            cases.append(Case(Path(path).stem, case.headline, case.paragraphs))
    if not cases:
        raise FileNotFoundError(f"no usable bodies under {folder}")
    return tuple(cases)


# --- building parts ---------------------------------------------------------------------------


def person(rng: random.Random) -> str:
    """An invented name: given name and surname of many origins, sometimes an initial or a double surname."""
    given, surname = rng.choice(GIVEN_NAMES), rng.choice(SURNAMES)
    roll = rng.random()
    if roll < 0.08:
        return f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {surname}"
    if roll < 0.13 and " " not in surname:
        return f"{given} {surname}-{rng.choice([s for s in SURNAMES if ' ' not in s and s != surname])}"
    return f"{given} {surname}"


def place(rng: random.Random) -> str:
    """A city; a city and country; or a city and US state."""
    roll = rng.random()
    return rng.choice(CITIES if roll < 0.55 else CITY_COUNTRY if roll < 0.85 else CITY_STATE)


def random_day(rng: random.Random) -> dt.date:
    return FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))


def _time_12h(rng: random.Random, zone: bool = True) -> str:
    hour, minute = rng.randint(1, 12), rng.randrange(60)
    ampm = rng.choice(("AM", "PM", "a.m.", "p.m."))
    return f"{hour}:{minute:02d} {ampm}" + (f" {rng.choice(ZONES_12H)}" if zone else "")


def _time_24h(rng: random.Random) -> tuple[int, int]:
    return rng.randrange(24), rng.randrange(60)


def format_date(style: str, day: dt.date, rng: random.Random, with_time: bool = False, locale: str = "en") -> str:
    """``day`` printed in one locale's style, with a time of day (and often a zone) when asked.

    ``locale`` picks how the numeric day-first styles print their time (``à 14h05``, ``14:05 Uhr``).
    """
    d, m, y = day.day, day.month, day.year
    h, mi = _time_24h(rng)
    if style == "iso":
        return f"{day:%Y-%m-%d}" + (rng.choice((f" {h:02d}:{mi:02d}", f" {h:02d}:{mi:02d} UTC")) if with_time else "")
    if style == "iso_time":
        return f"{day:%Y-%m-%d}T{h:02d}:{mi:02d}:00" + rng.choice(("Z", "+01:00", "-05:00", "+00:00"))
    if style == "dmy_dot":
        times: tuple[str, ...] = (f" {h:02d}:{mi:02d}", f" {h:02d}:{mi:02d} CET")
        if locale == "de":
            times += (f", {h:02d}:{mi:02d} Uhr", f" um {h:02d}:{mi:02d} Uhr")
        return f"{d:02d}.{m:02d}.{y}" + (rng.choice(times) if with_time else "")
    if style == "mdy_slash":
        printed = rng.choice((f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}"))
        return printed + (f" {_time_12h(rng, zone=rng.random() < 0.6)}" if with_time else "")
    if style == "dmy_slash":
        times = (f" {h:02d}:{mi:02d}", f" - {h:02d}:{mi:02d} CET", f", {h:02d}:{mi:02d}")
        if locale == "fr":
            times = (f" à {h:02d}h{mi:02d}", f" {h:02d}h{mi:02d}", f" à {h:02d}:{mi:02d}")
        return f"{d:02d}/{m:02d}/{y}" + (rng.choice(times) if with_time else "")
    if style == "ap_month":
        times = (f" {_time_12h(rng)}", f", {_time_12h(rng)}", f" at {_time_12h(rng)}")
        return f"{AP_MONTHS[m - 1]} {d}, {y}" + (rng.choice(times) if with_time else "")
    if style == "abbr_month":
        return f"{ABBR_MONTHS[m - 1]} {d}, {y}" + (f" {_time_12h(rng)}" if with_time else "")
    if style == "month_day_year":
        return f"{EN_MONTHS[m - 1]} {d}, {y}" + (f", {_time_12h(rng)}" if with_time else "")
    if style == "weekday_long":
        return f"{WEEKDAYS[day.weekday()]}, {EN_MONTHS[m - 1]} {d}, {y}" + (f" {_time_12h(rng)}" if with_time else "")
    if style == "day_month_year":
        month = rng.choice((EN_MONTHS[m - 1], ABBR_MONTHS[m - 1]))
        return f"{d} {month} {y}" + (f" {h:02d}:{mi:02d} {rng.choice(ZONES_24H)}" if with_time else "")
    if style == "guardian":
        return (
            f"{WEEKDAYS[day.weekday()][:3]} {d} {ABBR_MONTHS[m - 1]} {y} {h:02d}.{mi:02d} {rng.choice(('GMT', 'BST'))}"
        )
    if style == "de_long":
        return f"{d}. {DE_MONTHS[m - 1]} {y}" + (f", {h:02d}:{mi:02d} Uhr" if with_time else "")
    if style == "fr_long":
        return f"{d} {FR_MONTHS[m - 1]} {y}" + (f" à {h:02d}h{mi:02d}" if with_time else "")
    if style == "es_long":
        return f"{d} de {ES_MONTHS[m - 1]} de {y}" + (f" - {h:02d}:{mi:02d} CET" if with_time else "")
    raise ValueError(f"unknown date style {style!r}")


def header_date(rng: random.Random, day: dt.date, fused: bool = False) -> Noise:
    """A header date line: a label (or none) and ``day`` in a locale's style, sometimes with an update beside it."""
    locale = rng.choices(list(LOCALE_WEIGHTS), weights=list(LOCALE_WEIGHTS.values()))[0]
    style = rng.choice(LOCALE_STYLES[locale])
    printed = format_date(style, day, rng, with_time=rng.random() < 0.45, locale=locale)
    if locale == "en" and not fused and rng.random() < 0.12:  # "Published ... | Updated ..." on one line
        later = day + dt.timedelta(days=rng.randrange(0, 3))
        updated = format_date(style, later, rng, with_time=True)
        if rng.random() < 0.5:
            return Noise("header_date", f"Published {printed} | Updated {updated}", f"published_updated:{style}")
        return Noise("header_date", f"Updated {updated} | Published {printed}", f"updated_published:{style}")
    label = rng.choice(HEADER_LABELS[locale]) if fused or rng.random() < 0.85 else ""
    line = f"{label} {printed}".strip()
    return Noise("header_date", line, f"{locale}:{style}:{'label' if label else 'bare'}")


def update_stamp(rng: random.Random, day: dt.date) -> Noise:
    """An UPDATE stamp: noise, and never the publication date."""
    h, mi = _time_24h(rng)
    forms: list[tuple[str, str]] = [
        ("time_first", f"Updated {_time_12h(rng)}, {AP_MONTHS[day.month - 1]} {day.day}, {day.year}"),
        ("time_first_abbr", f"Updated {_time_12h(rng)}, {ABBR_MONTHS[day.month - 1]} {day.day}, {day.year}"),
        ("updated_colon", f"Updated: {format_date('ap_month', day, rng, with_time=True)}"),
        ("last_updated", f"Last updated: {format_date('day_month_year', day, rng, with_time=True)}"),
        ("last_updated_on", f"Last updated on {format_date('month_day_year', day, rng)}"),
        ("upper_iso", f"UPDATED: {day:%Y-%m-%d} {h:02d}:{mi:02d} UTC"),
        ("updated_dot", f"Updated {day.day:02d}.{day.month:02d}.{day.year} {h:02d}:{mi:02d}"),
        ("de", f"Aktualisiert am {day.day:02d}.{day.month:02d}.{day.year}, {h:02d}:{mi:02d} Uhr"),
        ("fr", f"Mis à jour le {day.day:02d}/{day.month:02d}/{day.year} à {h:02d}h{mi:02d}"),
        ("es", f"Actualizado: {day.day:02d}/{day.month:02d}/{day.year} {h:02d}:{mi:02d} CET"),
        ("modified", f"Modified: {format_date('month_day_year', day, rng)}"),
        ("relative", f"Updated {rng.randint(2, 11)} hours ago"),
    ]
    style, line = rng.choice(forms)
    return Noise("update_stamp", line, style)


def _printed(rng: random.Random, agency: str) -> str:
    return rng.choice(HOUSE_AGENCIES[agency])


def _short_form(agency: str) -> str:
    return HOUSE_AGENCIES[agency][0]


def credit(rng: random.Random, house: str | None) -> Noise:
    """One photo credit in one of the agencies' styles (a wire credit only for the story's own agency)."""
    name = person(rng)
    photo = rng.choice(PHOTO_AGENCIES)
    wire = house is not None and rng.random() < 0.7
    source = _printed(rng, house) if wire and house else photo
    short = _short_form(house) if wire and house else photo
    forms: list[tuple[str, str]] = [
        ("label_colon", f"{rng.choice(CREDIT_LABELS)}: {source}"),
        ("label_name_slash", f"{rng.choice(CREDIT_LABELS)}: {name}/{short}"),
        ("name_slash", f"{name}/{short}"),
        ("bare_photo_agency", photo),
        ("photo_by", f"Photo by {name}/{photo}" if rng.random() < 0.7 else f"Photo by {name} on Unsplash"),
        ("image_label", f"Image: {photo}"),
    ]
    if wire and house:
        if house == "Associated Press":
            forms += [("ap_photo_paren", f"(AP Photo/{name})"), ("ap_photo_file", f"(AP Photo/{name}, File)")]
            forms += [("agency_photo", "AP Photo")]
        if house == "Reuters":
            forms += [("upper_slash", f"REUTERS/{name}"), ("name_slash", f"{name}/Reuters")]
        if house == "AFP":
            forms += [
                ("photograph_via", f"Photograph: {name}/AFP via Getty Images"),
                ("via_getty", "AFP via Getty Images"),
            ]
        if house == "dpa":
            forms += [
                ("picture_source", "Picture source: dpa"),
                ("bild", "Bild: dpa"),
                ("alliance", f"picture alliance/dpa/{name}"),
            ]
        if house == "EFE":
            forms += [("foto", "Foto: EFE"), ("epa_efe", f"EPA-EFE/{name.upper()}")]
        if house == "Xinhua":
            forms += [("copyright_sign", "© Xinhua"), ("agency_slash", f"Xinhua/{name}")]
        if house in ("PA", "ANSA", "Kyodo", "Bloomberg"):
            forms += [("agency_slash", f"{short}/{name}"), ("copyright_sign", f"© {short}")]
    else:
        forms += [("photograph_name", f"Photograph: {name}/{photo}"), ("epa_upper", f"EPA/{name.upper()}")]
    style, line = rng.choice(forms)
    named = house if wire and house and _names(line, house) else None
    return Noise("credit", line, style, agency=named)


def _names(line: str, agency: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", line) for form in HOUSE_AGENCIES[agency])


def credit_run_line(rng: random.Random, house: str | None) -> Noise:
    """A credit repeated on one line, as in seed 000 (``Credit: AP Credit: AP``), or a single one."""
    one = credit(rng, house)
    times = rng.choice((1, 2, 2, 3))
    if times == 1:
        return one
    return Noise("credit", " ".join([one.line] * times), f"run{times}:{one.style}", agency=one.agency)


def caption(rng: random.Random, house: str | None, day: dt.date) -> Noise:
    """A sentence describing a photo, closing on a credit: ``... on Friday. (AP Photo/Jane Doe)``."""
    when = rng.choice(
        (
            f"on {WEEKDAYS[day.weekday()]}",
            f"on {WEEKDAYS[day.weekday()]}, {AP_MONTHS[day.month - 1]} {day.day}, {day.year}",
            f"on {day.day} {EN_MONTHS[day.month - 1]} {day.year}",
            "earlier this month",
        )
    )
    subject, action = rng.choice(CAPTION_SUBJECTS), rng.choice(CAPTION_ACTIONS)
    if subject.startswith("A "):  # one person: "A woman walks past ..."
        verb, rest = action.split(" ", 1)
        action = f"{_third_person(verb)} {rest}"
    sentence = f"{subject} {action} in {place(rng)} {when}."
    if rng.random() < 0.2:
        sentence = "FILE - " + sentence
    name = person(rng)
    photo = rng.choice(("Getty Images", "Shutterstock", "EPA"))
    wire = house is not None and rng.random() < 0.75
    if wire and house:
        short = _short_form(house)
        forms = {
            "Associated Press": [("paren_agency", "(AP)"), ("ap_photo", f"(AP Photo/{name})")],
            "Reuters": [
                ("paren_agency", "(Reuters)"),
                ("paren_name_slash", f"({name}/Reuters)"),
                ("bare_upper_slash", f"REUTERS/{name}"),
            ],
            "AFP": [("via_getty", f"({name}/AFP via Getty Images)"), ("photograph", f"Photograph: {name}/AFP")],
            "dpa": [("paren_label", f"(Photo: {name}/dpa)"), ("paren_agency", "(dpa)")],
            "EFE": [("paren_agency_slash", f"(EFE/{name})"), ("paren_epa_efe", f"(EPA-EFE/{name.upper()})")],
            "Xinhua": [("paren_agency_slash", f"(Xinhua/{name})")],
        }.get(house, [("paren_agency", f"({short})"), ("paren_agency_slash", f"({short}/{name})")])
    else:
        forms = [
            ("paren_getty", f"({name}/Getty Images)"),
            ("paren_photo_by", f"(Photo by {name}/{photo})"),
            ("paren_bare", f"({photo})"),
            ("photograph", f"Photograph: {name}/{photo}"),
        ]
    style, credit_text = rng.choice(forms)
    named = house if wire and house and _names(credit_text, house) else None
    return Noise("caption", f"{sentence} {credit_text}", style, probe=sentence, agency=named)


def _third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("ch", "sh", "ss")) else "s")


def separator(rng: random.Random) -> Noise:
    line = rng.choice(SEPARATORS)
    return Noise("separator", line, line)


def share_line(rng: random.Random) -> Noise:
    line = rng.choice(SHARE_LINES)
    return Noise("share", line, line)


def comment_count(rng: random.Random) -> Noise:
    form = rng.choice(COMMENT_LINES)
    return Noise("comment_count", form.format(n=rng.randint(1, 480)), form)


def newsletter_line(rng: random.Random) -> Noise:
    line = rng.choice(NEWSLETTER_LINES)
    return Noise("newsletter", line, line)


def advertisement(rng: random.Random) -> Noise:
    line = rng.choice(ADVERTISEMENTS)
    return Noise("advertisement", line, line)


def related_line(rng: random.Random, other_headline: str) -> Noise:
    lead = rng.choice(RELATED_LEADS)
    return Noise("related", f"{lead} {other_headline}", lead)


def follow_line(rng: random.Random, house: str | None) -> Noise:
    topic = rng.choice(FOLLOW_TOPICS)
    slug = re.sub(r"\W+", "-", topic.removeprefix("the ").casefold()).strip("-")
    if house == "Associated Press":
        return Noise("follow", f"Follow AP’s coverage of {topic} at https://apnews.com/hub/{slug}", "ap_coverage")
    return Noise("follow", rng.choice(("Follow us on X and Facebook", "Follow our live coverage of " + topic)), "us")


def copyright_line(rng: random.Random, house: str | None, day: dt.date) -> Noise:
    if house:
        owner = max(HOUSE_AGENCIES[house], key=len)
        line = rng.choice(
            (
                f"Copyright {day.year} {owner}. All rights reserved.",
                f"© {day.year} {owner}",
                f"Copyright {day.year} {owner}. All rights reserved. This material may not be published, "
                "broadcast, rewritten or redistributed.",
            )
        )
        return Noise("copyright", line, "agency", agency=house if _names(line, house) else None)
    return Noise("copyright", f"© {day.year} All rights reserved.", "site")


def _person_list(
    rng: random.Random, count: int, *, located: float = 0.8, serial: bool | None = None
) -> tuple[str, list[tuple[str, str | None]]]:
    """``X in A, Y in B(,) and Z in C`` or ``X and Y in A`` or ``X, Y and Z``, and the people it credits."""
    names = list(dict.fromkeys(person(rng) for _ in range(count)))
    serial = rng.random() < 0.5 if serial is None else serial
    if len(names) >= 2 and rng.random() < 0.25:  # one place for everyone
        where = place(rng)
        text = _join(names, serial) + f" in {where}"
        return text, [(n, where) for n in names]
    people = [(n, place(rng) if rng.random() < located else None) for n in names]
    # Unplaced people last: one named before a placed person reads as sharing its place ("X and Y in Z").
    people.sort(key=lambda p: p[1] is None)
    pieces = [f"{n} in {p}" if p else n for n, p in people]
    return _join(pieces, serial), people


def _join(items: Sequence[str], serial: bool) -> str:
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ("," if serial else "") + f" and {items[-1]}"


def tail(rng: random.Random, house: str | None) -> Noise:
    """A contributor, reporting or editing tail in the story's agency's style."""
    count = rng.choice((1, 1, 2, 2, 3))
    listed, people = _person_list(rng, count)
    first, came_from, filed_from = people[0][0], place(rng), place(rng)
    forms: list[tuple[str, str, str, list[tuple[str, str | None]]]] = [
        ("contributor_tail", "contributed_from", f"{first} contributed to this report from {came_from}.",
         [(first, came_from)]),
        ("contributor_tail", "contributed_reporting", f"{listed} contributed reporting.", people),
        ("contributor_tail", "filed_from", f"{first} filed from {filed_from}.", [(first, filed_from)]),
        ("reporting_tail", "additional_reporting", f"Additional reporting by {listed}", people),
    ]  # fmt: skip
    if house == "Associated Press":
        outlet = rng.choice(("Associated Press", "AP", "The Associated Press"))
        role = rng.choice(("writer", "reporter", "correspondent", "videojournalist", "photographer", "journalist"))
        role += "s" if len(people) > 1 else ""
        ending = rng.choice(("contributed.", "contributed to this report.", "contributed to this story."))
        forms += [("contributor_tail", "ap_writers", f"{outlet} {role} {listed} {ending}", people)] * 4
    elif house == "Reuters":
        editors = _join([person(rng) for _ in range(rng.choice((1, 1, 2)))], False)
        writer = person(rng)
        extra_listed, extra_people = _person_list(rng, rng.choice((1, 2)))
        forms += [
            ("reporting_tail", "reporting_editing", f"Reporting by {listed}; Editing by {editors}", people),
            ("reporting_tail", "reporting_writing_editing",
             f"(Reporting by {listed}; Writing by {writer}; Editing by {editors})", people + [(writer, None)]),
            ("reporting_tail", "reporting_additional",
             f"Reporting by {listed}; Additional reporting by {extra_listed}; Editing by {editors}",
             people + extra_people),
            ("editing_tail", "writing_editing", f"Writing by {writer}; editing by {editors}", [(writer, None)]),
            ("editing_tail", "editing_only", f"Editing by {editors}", []),
        ] * 2  # fmt: skip
    elif house == "Bloomberg":
        names = _join([n for n, _ in people], False)
        forms += [
            ("contributor_tail", "with_assistance", f"--With assistance from {names}.", [(n, None) for n, _ in people])
        ] * 3
    elif house is not None:
        outlet = _printed(rng, house)
        role = rng.choice(("correspondent", "reporter", "writer")) + ("s" if len(people) > 1 else "")
        forms += [
            ("contributor_tail", "agency_role", f"{outlet} {role} {listed} contributed to this report.", people)
        ] * 2
    kind, style, line, credited = rng.choice(forms)
    line = line.replace("..", ".")  # a place ending in an abbreviation closes the sentence: "Jackson, Miss."
    named = house if house and _names(line, house) else None
    return Noise(kind, line, style, people=tuple(credited), agency=named)


def agency_tag(rng: random.Random, house: str) -> Noise:
    """A closing agency tag: ``-- dpa/xyz``, ``(AP)``, ``— Reuters``, AFP's ``bur-jm/fz``."""
    initials = "".join(rng.choice("abcdefghijklmnoprstuvwxyz") for _ in range(3))
    forms = {
        "dpa": [("dpa_initials", f"-- dpa/{initials}"), ("dpa_bare", f"dpa/{initials}"), ("paren", "(dpa)")],
        "AFP": [("afp_bur", f"bur-{initials[:2]}/{initials[1:]}"), ("dash", "— AFP"), ("with", "(With AFP)")],
        "Associated Press": [("paren", "(AP)"), ("dash", "— AP")],
        "Reuters": [("dash", "— Reuters"), ("paren", "(Reuters)")],
    }.get(house, [("paren", f"({_short_form(house)})"), ("dash", f"— {_printed(rng, house)}")])
    style, line = rng.choice(forms)
    return Noise("agency_tag", line, style, agency=house)


# --- composing ----------------------------------------------------------------------------------


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _norm(text: str) -> str:
    """Whitespace-normalised, without the invisible characters the cleaner drops."""
    return " ".join(_INVISIBLE.sub("", text).split())


def _fresh(make: Callable[[], Noise], banned: str, tries: int = 6) -> Noise | None:
    """A part whose text the body and headline do not already hold (so it can be told apart), or None."""
    for _ in range(tries):
        part = make()
        if _norm(part.probe or part.line) not in banned and _norm(part.line) not in banned:
            return part
    return None


def story_parts(rng: random.Random, case: Case | None = None, other_headline: str | None = None) -> StoryParts:
    """Random parts for one story around ``case`` (default: a random usable body)."""
    bodies = load_bodies() if case is None or other_headline is None else ()
    case = case or rng.choice(bodies)
    other_headline = other_headline or rng.choice([c for c in bodies if c.headline != case.headline]).headline
    banned = _norm(" ".join(case.paragraphs) + " " + case.headline + " " + other_headline)
    house = None if rng.random() < 0.25 else rng.choices(list(HOUSE_WEIGHTS), weights=list(HOUSE_WEIGHTS.values()))[0]
    parts = StoryParts(case=case, house=house)
    parts.gap = "\n\n" if rng.random() < 0.7 else "\n"
    parts.leading_space = rng.random() < 0.1
    parts.blank_after_headline = rng.random() < 0.3
    day = random_day(rng)

    def add(target: list[Noise], make: Callable[[], Noise]) -> None:
        part = _fresh(make, banned)
        if part is not None:
            target.append(part)

    if rng.random() < 0.75:
        fused = rng.random() < 0.35
        part = _fresh(lambda: header_date(rng, day, fused=fused), banned)
        if part is not None:
            parts.header, parts.header_day = part, day
            if fused:
                parts.fused = rng.choice((" ", " ", " | ", " - ", " — "))
    if rng.random() < 0.3:
        stamp_day = day + dt.timedelta(days=rng.randrange(0, 4))
        part = _fresh(lambda: update_stamp(rng, stamp_day), banned)
        if part is not None:
            parts.stamp = part
            parts.stamp_day = None if part.style == "relative" else stamp_day
            positions = ["top", "after_headline"] + (["after_header"] if parts.header and not parts.fused else [])
            parts.stamp_position = rng.choice(positions)
    head_makers: list[Callable[[], Noise]] = [
        lambda: share_line(rng),
        lambda: caption(rng, house, day),
        lambda: credit(rng, house),
        lambda: comment_count(rng),
    ]
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        add(parts.head, rng.choice(head_makers))
    middle_makers: list[Callable[[], Noise]] = [
        lambda: caption(rng, house, day),
        lambda: caption(rng, house, day),
        lambda: credit_run_line(rng, house),
        lambda: advertisement(rng),
        lambda: newsletter_line(rng),
        lambda: related_line(rng, other_headline),
        lambda: share_line(rng),
    ]
    gaps = len(case.paragraphs) - 1
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 5))):
        inserted: list[Noise] = []
        add(inserted, rng.choice(middle_makers))
        if inserted:
            parts.inserts.setdefault(rng.randrange(gaps), []).extend(inserted)
    after_makers: list[Callable[[], Noise]] = [
        lambda: share_line(rng),
        lambda: comment_count(rng),
        lambda: newsletter_line(rng),
        lambda: follow_line(rng, house),
        lambda: related_line(rng, other_headline),
    ]
    if rng.random() < 0.5:
        add(parts.after_body, lambda: separator(rng))
    for _ in range(rng.choice((0, 0, 1, 2))):
        add(parts.after_body, rng.choice(after_makers))
    if rng.random() < 0.7:
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            add(parts.tails, lambda: tail(rng, house))
    if house and rng.random() < 0.25:
        add(parts.tails, lambda: agency_tag(rng, house))
    if rng.random() < 0.15:
        add(parts.tails, lambda: copyright_line(rng, house, day))
    if rng.random() < 0.4:  # runs of credits at the end, like seed 000's thirteen
        one = _fresh(lambda: credit_run_line(rng, house), banned)
        if one is not None:
            count = rng.choice((1, 2, 3, 5, 8, 13, 15))
            mixed = rng.random() < 0.3
            for _ in range(count):
                parts.closing.append((_fresh(lambda: credit_run_line(rng, house), banned) or one) if mixed else one)
    if rng.random() < 0.15:
        add(parts.closing, lambda: comment_count(rng))
    return parts


def compose(parts: StoryParts) -> Story:
    """The story's text and truth from its parts."""
    lines: list[str] = []
    noise: list[Noise] = []

    def put(part: Noise | None) -> None:
        if part is not None:
            lines.append(part.line)
            noise.append(part)

    headline = parts.case.headline
    if parts.stamp_position == "top":
        put(parts.stamp)
    if parts.header is not None and parts.fused is not None:
        lines.append(f"{parts.header.line}{parts.fused}{headline}")
        noise.append(parts.header)
    else:
        put(parts.header)
        if parts.stamp_position == "after_header":
            put(parts.stamp)
        lines.append(headline)
    if parts.stamp_position == "after_headline":
        put(parts.stamp)
    if parts.blank_after_headline:
        lines.append("")
    for part in parts.head:
        put(part)
    for i, paragraph in enumerate(parts.case.paragraphs):
        lines.append(paragraph)
        for part in parts.inserts.get(i, []):
            put(part)
    for part in [*parts.after_body, *parts.tails, *parts.closing]:
        put(part)
    text = (" " if parts.leading_space else "") + parts.gap.join(lines)
    contributors = list(dict.fromkeys(p for part in noise for p in part.people))
    agency = parts.house if any(part.agency == parts.house for part in noise) and parts.house else None
    styles = [f"{part.kind}:{part.style}" for part in noise]
    if parts.fused is not None:
        styles.append("layout:fused")
    return Story(
        text=text,
        body="\n\n".join(parts.case.paragraphs),
        headline=headline,
        date=parts.header_day if parts.header is not None else None,
        contributors=contributors,
        agency=agency,
        noise=[(part.kind, part.line) for part in noise],
        probes=[part.probe or part.line for part in noise],
        styles=styles,
        update_date=parts.stamp_day if parts.stamp is not None else None,
        source=parts.case.source,
    )


def generate(seed: int, n: int) -> list[Story]:
    """``n`` noisy stories, the same ones for the same ``seed``."""
    rng = random.Random(seed)
    return [compose(story_parts(rng)) for _ in range(n)]


# --- scoring ---------------------------------------------------------------------------------


def clean(text: str) -> Article | Reject:
    """The cleaner under test: the one place to switch to ``newsclean.process`` later."""
    import newsclean

    return newsclean.process(text.encode("utf-8"), format="text", source_uri="noisy-story.txt", now=NOW)


def _title_key(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def noise_left(story: Story, cleaned: str) -> list[bool]:
    """Per noise line of ``story``: whether it is still in ``cleaned``.

    Occurrences the body or headline account for do not count, nor those inside a longer
    noise line that is itself left (``Credit: AP`` inside a left ``Credit: AP Credit: AP``).
    """
    text = _norm(cleaned)
    truth = _norm(story.body)
    headline = _norm(story.headline)
    in_headline = text.count(headline) if headline else 0
    lines = [_norm(line) for _kind, line in story.noise]
    probes = [_norm(p) for p in story.probes] if story.probes else lines
    line_of = dict(zip(probes, lines, strict=True))
    inserted = Counter(probes)
    left_count: dict[str, int] = {}
    kept: Counter[str] = Counter()  # what the left lines keep in the text: the whole line, or just its probe
    for probe in sorted(inserted, key=len, reverse=True):
        extra = text.count(probe) - truth.count(probe) - in_headline * headline.count(probe)
        extra -= sum(n * held.count(probe) for held, n in kept.items())
        left_count[probe] = max(0, min(inserted[probe], extra))
        if left_count[probe]:
            kept[line_of[probe] if line_of[probe] in text else probe] += left_count[probe]
    flags = []
    seen: Counter[str] = Counter()
    for probe in probes:
        seen[probe] += 1
        flags.append(seen[probe] <= left_count[probe])
    return flags


def _contributor_set(people: Iterable[tuple[str, str | None]]) -> set[tuple[str, str]]:
    return {(_norm(n).casefold(), _norm(loc or "").casefold()) for n, loc in people}


def _pr(pred: set, true: set) -> tuple[float, float]:
    tp = len(pred & true)
    return (tp / len(pred) if pred else 0.0), tp / len(true)


@dataclass
class Result:
    """One story cleaned: what came out, in the terms the scores use."""

    story: Story
    rejected: str | None
    text: str
    title: str | None
    date: dt.date | None
    contributors: list[tuple[str, str | None]]
    agency: str | None
    left: list[bool]


def run(stories: Sequence[Story]) -> list[Result]:
    """Clean every story."""
    from newsclean.schemas.records import Reject

    results = []
    for story in stories:
        out = clean(story.text)
        if isinstance(out, Reject):
            results.append(
                Result(story, f"{out.stage}/{out.error}", "", None, None, [], None, [True] * len(story.noise))
            )
            continue
        people = [(c.name, c.location) for c in out.contributors]
        results.append(
            Result(
                story, None, out.text, out.title, out.published_date, people, out.agency, noise_left(story, out.text)
            )
        )
    return results


def fragments(story: Story, cleaned: str, left: Sequence[bool]) -> list[tuple[str, str, str]]:
    """Pieces of noise lines the cleaner cut short and kept: ``(kind, piece, line)``.

    A kept paragraph that is neither in the body or headline nor holds a left noise line, but
    is part of a noise line (``UTC`` after ``Published 2025-01-17 10:32`` went).
    """
    truth = _norm(story.body)
    headline = _norm(story.headline)
    held = [_norm(p) for p, is_left in zip(story.probes, left, strict=False) if is_left]
    found = []
    for paragraph in cleaned.split("\n\n"):
        piece = _norm(paragraph)
        if not piece or piece in truth or piece == headline or any(h in piece for h in held):
            continue
        rest = piece.replace(headline, " ").strip() if headline and headline in piece else piece
        source = next(((kind, line) for kind, line in story.noise if rest and rest in _norm(line)), None)
        if source is not None:
            found.append((source[0], rest, source[1]))
    return found


def _noise_kind(story: Story, text: str | None) -> str | None:
    """The kind of the noise line ``text`` is (a part of), if any."""
    piece = _norm(text or "")
    if not piece:
        return None
    for kind, line in story.noise:
        line = _norm(line)
        if piece in line or line in piece:
            return kind
    return None


def _headline_failure(story: Story, result: Result) -> str:
    """Why the title is not the headline, in terms of what the cleaner kept."""
    paragraphs = [p for p in result.text.split("\n\n") if p.strip()]
    first = paragraphs[0] if paragraphs else ""
    if result.title is None:
        if _title_key(first) == _title_key(story.headline):
            after = _noise_kind(story, paragraphs[1]) if len(paragraphs) > 1 else None
            return f"not taken: headline kept as first paragraph, then {'noise ' + after if after else 'body'}"
        kind = _noise_kind(story, first) or ("fragment" if story.headline in first else None)
        return f"not taken: a {kind} line stays above it" if kind else "not taken: first paragraph is body"
    kind = _noise_kind(story, result.title)
    if story.headline in result.title:
        return f"title holds a {kind or 'fragment'} beside the headline"
    return f"title is a {kind} line" if kind else "title is other text"


def control(stories: Sequence[Story]) -> dict[str, float]:
    """Headline accuracy and body F1 of the same bodies cleaned without any noise (headline, blank, body)."""
    from newsclean.transforms.scoring.metrics import body_precision_recall, f1

    cases = {story.source: story for story in stories}
    ok, precisions, recalls = 0, [], []
    for story in cases.values():
        out = clean(f"{story.headline}\n\n{story.body}")
        text, title = getattr(out, "text", ""), getattr(out, "title", None)
        ok += _title_key(title) == _title_key(story.headline)
        p, r = body_precision_recall(text, story.body)
        precisions.append(p)
        recalls.append(r)
    bp, br = _mean(precisions), _mean(recalls)
    return {"bodies": len(cases), "headline_accuracy": ok / len(cases) if cases else 0.0, "body_f1": f1(bp, br)}


def _tail_failures(story: Story, result: Result) -> list[tuple[str, str]]:
    """Per tail line whose people came out wrong: ``(style: what went wrong, example)``."""
    out = []
    for (kind, line), style, left in zip(story.noise, story.styles, result.left, strict=False):
        if not kind.endswith("_tail"):
            continue
        truth = {(n, p) for n, p in story.contributors if n in line}
        got = {(n, p) for n, p in result.contributors if n in line}
        if _contributor_set(got) == _contributor_set(truth):
            continue
        true_names, got_names = {n for n, _ in truth}, {n for n, _ in got}
        if left and truth:
            how = "tail left in the text"
        elif got_names - true_names:
            how = "invents a person from a place piece"
        elif true_names - got_names:
            how = "misses people"
        else:
            how = "wrong places"
        out.append(
            (f"{style.split(':', 1)[1]}: {how}", f"{line!r}\n      got   {sorted(got)}\n      truth {sorted(truth)}")
        )
    return out


def score(stories: Sequence[Story], results: Sequence[Result] | None = None, show: int = 0) -> dict:
    """Clean ``stories`` (unless ``results`` are given), print the figures and return them.

    ``show``: print up to this many examples of each failing class.
    """
    from newsclean.transforms.scoring.metrics import body_precision_recall, f1

    results = list(results) if results is not None else run(stories)
    n = len(results)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # inserted, left, stories with it left
    by_style: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    fragment_kinds: Counter[str] = Counter()
    failures: dict[str, list[str]] = defaultdict(list)
    stories_left = 0
    body_p, body_r = [], []
    dated = date_ok = stamp_taken = invented_dates = 0
    headline_ok = 0
    contrib_p, contrib_r, name_p, name_r = [], [], [], []
    invented_people_stories = invented_people = 0
    agency_ok = agency_docs = 0
    rejects = 0

    for result in results:
        story = result.story
        if result.rejected:
            rejects += 1
            failures["reject"].append(f"{result.rejected}: {story.source} {story.text[:120]!r}")
        kinds_left: set[str] = set()
        for (kind, line), style, left in zip(story.noise, story.styles, result.left, strict=False):
            by_kind[kind][0] += 1
            by_style[style][0] += 1
            if left:
                by_kind[kind][1] += 1
                by_style[style][1] += 1
                kinds_left.add(kind)
                failures[f"noise left: {style}"].append(repr(line))
        for kind, piece, line in fragments(story, result.text, result.left):
            fragment_kinds[kind] += 1
            failures[f"noise fragment left: {kind}"].append(f"{piece!r} of {line!r}")
        for kind in kinds_left:
            by_kind[kind][2] += 1
        stories_left += bool(kinds_left)
        p, r = body_precision_recall(result.text, story.body)
        body_p.append(p)
        body_r.append(r)
        header_line = next((line for kind, line in story.noise if kind == "header_date"), None)
        stamp_line = next((line for kind, line in story.noise if kind == "update_stamp"), None)
        if story.date is not None:
            dated += 1
            date_ok += result.date == story.date
            if result.date != story.date:
                style = next(s for s in story.styles if s.startswith("header_date:")).split(":", 1)[1]
                how = (
                    "not read"
                    if result.date is None
                    else "update day taken"
                    if result.date == story.update_date
                    else "wrong day"
                )
                stamp = f"; stamp {stamp_line!r}" if stamp_line else ""
                failures[f"date {how}: {style}"].append(f"{header_line!r} -> {result.date} (truth {story.date}){stamp}")
        elif result.date is not None:
            invented_dates += 1
            where = stamp_line or next((line for kind, line in story.noise if kind == "caption"), "?")
            failures["date invented (no header date)"].append(f"{result.date} from {where!r}")
        if story.update_date is not None and result.date == story.update_date and result.date != story.date:
            stamp_taken += 1
            failures["update stamp taken as the date"].append(
                f"{stamp_line!r} -> {result.date} (truth {story.date}, header {header_line!r})"
            )
        if _title_key(result.title) == _title_key(story.headline):
            headline_ok += 1
        else:
            first = story.text.strip().split("\n")[0][:140]
            failures[f"headline wrong: {_headline_failure(story, result)}"].append(
                f"got {result.title!r}; truth {story.headline!r}; text opens {first!r}"
            )
        pred, true = _contributor_set(result.contributors), _contributor_set(story.contributors)
        tails = [
            (line, left) for (kind, line), left in zip(story.noise, result.left, strict=False) if kind.endswith("_tail")
        ]
        if true:
            cp, cr = _pr(pred, true)
            contrib_p.append(cp)
            contrib_r.append(cr)
            np_, nr = _pr({a for a, _ in pred}, {a for a, _ in true})
            name_p.append(np_)
            name_r.append(nr)
            if pred != true:
                for label, example in _tail_failures(story, result):
                    failures[f"contributors: {label}"].append(example)
        elif pred:
            invented_people_stories += 1
            invented_people += len(pred)
            failures["contributors invented"].append(f"got {result.contributors} from tails {tails!r}")
        if story.agency is not None or result.agency is not None:
            agency_docs += 1
            agency_ok += result.agency == story.agency
            if result.agency != story.agency:
                named_in = sorted({k for k, line in story.noise if story.agency and _names(line, story.agency)})
                lines = [line for _k, line in story.noise if story.agency and _names(line, story.agency)][:2]
                failures[f"agency wrong: named only in {'+'.join(named_in) or 'nothing'}"].append(
                    f"got {result.agency!r}, truth {story.agency!r}: {lines!r}"
                )

    bp, br = _mean(body_p), _mean(body_r)
    cp, cr, np_, nr = _mean(contrib_p), _mean(contrib_r), _mean(name_p), _mean(name_r)
    figures = {
        "stories": n,
        "stories_with_noise_left": stories_left,
        "noise_left_by_kind": {
            k: {"inserted": v[0], "left": v[1], "stories": v[2], "fragments": fragment_kinds[k]}
            for k, v in sorted(by_kind.items())
        },
        "body_precision": bp,
        "body_recall": br,
        "body_f1": f1(bp, br),
        "dated_stories": dated,
        "header_date_read": date_ok / dated if dated else 0.0,
        "update_stamp_taken": stamp_taken,
        "dates_invented": invented_dates,
        "headline_accuracy": headline_ok / n if n else 0.0,
        "contributors_docs": len(contrib_p),
        "contributors_precision": cp,
        "contributors_recall": cr,
        "contributors_f1": f1(cp, cr),
        "contributor_names_f1": f1(np_, nr),
        "stories_with_invented_contributors": invented_people_stories,
        "invented_contributors": invented_people,
        "agency_accuracy": agency_ok / agency_docs if agency_docs else 0.0,
        "agency_docs": agency_docs,
        "rejects": rejects,
        "left_by_style": {k: v for k, v in sorted(by_style.items()) if v[1]},
        "without_noise": control([r.story for r in results]),
    }
    _print(figures, failures, show)
    return figures


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _print(figures: dict, failures: dict[str, list[str]], show: int) -> None:
    n = figures["stories"]
    print(f"stories: {n}   rejects: {figures['rejects']}")
    left = figures["stories_with_noise_left"]
    print(f"stories with any noise left: {left} ({_share(left, n)})")
    print(f"  {'kind':18s} {'inserted':>9s} {'left':>7s} {'share':>7s} {'stories':>8s} {'fragments':>10s}")
    for kind, row in figures["noise_left_by_kind"].items():
        share = _share(row["left"], row["inserted"])
        print(
            f"  {kind:18s} {row['inserted']:9d} {row['left']:7d} {share:>7s} {row['stories']:8d} {row['fragments']:10d}"
        )
    print(f"body: F1 {figures['body_f1']:.4f} (P {figures['body_precision']:.4f}, R {figures['body_recall']:.4f})")
    print(
        f"header date read: {figures['header_date_read']:.4f} of {figures['dated_stories']} dated stories; "
        f"update stamp taken as the date: {figures['update_stamp_taken']}; dates invented: {figures['dates_invented']}"
    )
    control = figures["without_noise"]
    print(
        f"headline accuracy: {figures['headline_accuracy']:.4f} (the same {control['bodies']} bodies without noise: "
        f"{control['headline_accuracy']:.4f}; their body F1 {control['body_f1']:.4f})"
    )
    print(
        f"contributors with places: F1 {figures['contributors_f1']:.4f} (P {figures['contributors_precision']:.4f}, "
        f"R {figures['contributors_recall']:.4f}) over {figures['contributors_docs']} stories; names only F1 "
        f"{figures['contributor_names_f1']:.4f}; stories with invented contributors: "
        f"{figures['stories_with_invented_contributors']} ({figures['invented_contributors']} people)"
    )
    print(f"agency: {figures['agency_accuracy']:.4f} of {figures['agency_docs']} stories naming or given one")
    if figures["left_by_style"]:
        print("noise left by style (kind:style left/inserted):")
        for style, (inserted, left) in sorted(figures["left_by_style"].items(), key=lambda kv: -kv[1][1]):
            print(f"  {style:60s} {left:5d}/{inserted}")
    if show:
        print(f"\nfailures (up to {show} each):")
        for name, examples in sorted(failures.items(), key=lambda kv: -len(kv[1])):
            print(f"[{name}] {len(examples)}")
            for example in list(dict.fromkeys(examples))[:show]:
                print(f"    {example}")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--n", type=int, default=500, help="stories per seed")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N", help="examples per failing class")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stories = [story for seed in args.seeds for story in generate(seed, args.n)]
    print(f"{len(load_bodies())} usable bodies; seeds {args.seeds} x {args.n} stories")
    score(stories, show=args.show_failures)
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()

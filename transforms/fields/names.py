"""People's names as printed in bylines: cleaning, casing, and telling people from outlets.

A byline carries more than names: "By", credentials (", MS, RD"), roles
("Trending Editor"), emails, dates and outlet names. ``clean_person_name``
keeps the person and drops the rest, or returns None when there is no person.
"""

from __future__ import annotations

import regex

from newsclean.transforms.fields.agency import canonical_agency, is_agency_code

# An author page's link label, in the languages of news sites: "View all posts", "Alle Artikel",
# "Tous les articles", "Todos los artículos" ... Before the name with AUTHOR_PAGE_BY ("View all posts
# by Jane Doe": a byline lead, extraction.patterns.MORE_BY), or after it alone ("Jane Doe Alle Artikel").
AUTHOR_PAGE_LABEL = (
    r"(?:(?:view|see|show|read|browse|zeige|voir|ver|vedi)\s+)?"
    r"(?:(?:all|more|alle|mehr|weitere|tous\s+les|todos\s+los|todas\s+las|todos\s+os|tutti\s+gli)\s+|plus\s+d['’]\s*)"
    r"(?:posts|articles|stories|blogs?|blog\s+posts|content|work|beitr[äa]ge|artikel|texte|art[íi]culos|artigos"
    r"|entradas|articoli)"
)
AUTHOR_PAGE_BY = r"(?:by|from|von|de|di|por)"
# "By", "Written by", and the forms of other news languages.
BYLINE_LEAD = (
    r"(?:(?:written|story|words|text|reporting|report|posted|published|compiled|interview|photos?\s+and\s+text)\s+by"
    r"|(?:ver[öo]ffentlicht|erstellt|eingestellt|geschrieben|verfasst|gepostet)\s+von"
    r"|(?:publi[ée]e?|[ée]crite?)\s+par|(?:escrito|publicado)\s+por|(?:scritto|pubblicato)\s+da"
    r"|(?:geschreven|gepubliceerd)\s+door|interview|redaktion(?=\s*:)"
    r"|by|from|author(?:s|ed\s+by)?|von|par|por|di|door|av|af|de|autor(?:es|innen|in|en|a)?|auteur(?:e|s)?"
    r"|texto?|redacci[oó]n"
    # an author page's link text: "View all posts by …", "Zeige alle Beiträge von …", "Voir tous les articles de …"
    r"|" + AUTHOR_PAGE_LABEL + r"\s+" + AUTHOR_PAGE_BY + r"|alles\s+von|mehr\s+von)"
)
_LEAD = regex.compile(
    r"^\s*(?:this\s+(?:post|article|story|piece|guide|blog)\s+(?:was|is|has\s+been)\s+(?=\w+\s+by\b))?"
    r"(?:" + BYLINE_LEAD + r"(?:\s*:\s+|\s+)|By(?=\p{Lu}\p{Ll}))",
    regex.I,
)  # "This post was written by Danielle Padula, Head of Marketing" too
# Honorifics go: "Dr. Vahid Osman" is Vahid Osman.
_HONORIFIC = regex.compile(
    r"^(?:(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame|rev|fr|sr|sra|herr|frau|mme|m)\.?\s+)+", regex.I
)
# A username or a domain is not a name: "andrew.keaveney", "Paperium.net", "q_admin".
_HANDLE_LIKE = regex.compile(
    r"(?-i:[\p{L}\d]\.[\p{Ll}\d])|_|\.(?:com|net|org|io|co|uk|de)\b", regex.I
)  # not "R.C. Baker"
_EMAIL = regex.compile(r"(?<!\S)[^\s@]+@\S+\.\w+")
_URL = regex.compile(r"https?://\S+|www\.\S+")
_HANDLE = regex.compile(r"(?<!\w)@\w+")
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?!\w)"
)
# Months that are also surnames ("Tom May", "Theresa May") go only with a day after them.
_BARE_MONTHS = r"(?:january|february|march|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
# A date printed before the name in one byline element: "Dec 17, 2025 Julian K. Arni", "2025-12-17 · Jane Doe".
_DATE_HEAD = regex.compile(
    r"^(?:" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+" + _MONTHS + r",?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\s*[|·•,\-–—]?\s*(?=\p{Lu})",
    regex.I,
)
_DATE_TAIL = regex.compile(
    r"(?:\s*[|·•,\-–—]\s*|\s+)(?:(?:at|on|le|el|il|am|op|em)\s+)?(?:(?:updated|published|posted|last\s+updated|on)\b.*|"
    + _MONTHS
    + r"\s+\d{1,2}\b.*|"
    + _BARE_MONTHS
    + r"|\d{1,2}\s+"
    + _MONTHS
    + r".*|\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}.*|\d+\s+(?:min|hour|day|week|month|year)s?\b.*)$",
    regex.I,
)
# Credentials printed after a name: "Jane Doe, MS, RD", "John Roe PhD". Each is spelled one way
# only ("MD" is in "M\.?D\.?"): a form listed twice doubles the ways to read every repeat.
_CREDENTIAL = regex.compile(
    r"(?:,?\s+(?:Ph\.?\s?D\.?|M\.?D\.?|DO|RN|NP|PA-C|MS|MSc|MA|MBA|JD|CPA|CFP|CFA|RD|RDN|LD|LDN|"
    r"CDCES|FAND|DDS|DMD|DVM|PharmD|PsyD|LCSW|LMFT|MPH|MSW|BSN|CEPF|CPT|CSCS|Esq\.?|II|III|IV))+$"
)
# Unlisted credentials or an outlet in capitals after a name printed in mixed case:
# "Jeffrey A. Slotnick CPP, PSP", "Jane Doe CNN" ("JIM HEINTZ" is all capitals and stays).
# Two mixed-case words must come first, and a single word has at most four letters: "Jean DUPONT" and
# "Marie Claire DUPONT" (surnames in capitals) keep DUPONT.
_CAPS_TAIL = regex.compile(
    r"(?<=\p{Lu}\p{Ll}+ (?:\p{Lu}\. )?\p{Lu}\p{Ll}[\p{Ll}'’\-]*)(?:(?:,? \p{Lu}{2,6}){2,}|,? \p{Lu}{2,4})$"
)
# Link labels printed after an author box's name: "Johanna Kropfitsch Alle Artikel", "Jane Doe View all posts".
_NAV_TAIL = regex.compile(
    r"\s+(?:" + AUTHOR_PAGE_LABEL + r"|mehr\s+von|view\s+(?:profile|posts)|tous\s+ses\s+articles|date|datum)\W*$",
    regex.I,
)
# When and how long, printed after the names in many languages: "… y José Miguel Wilson Hace 13 horas Tiempo de
# lectura: 8 minutos", "vor 2 Stunden", "il y a 3 heures", "há 5 minutos", "Lesezeit: 4 Min."
_RELATIVE_TAIL = regex.compile(
    r"\s+(?:(?:hace|vor|il\s+y\s+a|há|fa|ago)\s+\d+|\d+\s+(?:hours?|minutes?|days?)\s+ago"
    r"|(?:tiempo\s+de\s+lectura|lesezeit|lesedauer|temps\s+de\s+lecture|tempo\s+de\s+leitura|tempo\s+di\s+lettura"
    r"|reading\s+time|leestijd)\b|\d+\s*min(?:ute)?s?\.?\s+(?:read|lesezeit|de\s+lectura|de\s+lecture)\b).*$",
    regex.I,
)
# A dateline's "Place /Country" glued after a byline's last name: "Sebastian Drescher Kakuma /Kenia".
_PLACE_TAIL = regex.compile(r"(?<=\p{L}+\s+\p{L}+)\s+\p{Lu}\p{Ll}+\s*/\s*\p{Lu}\p{Ll}+$")
# A role in brackets or a desk's short code after a name: "Eberhard Fuhr (Pressesprecher des EJW)",
# "Peter Maahn/SP-X", "Jane Doe/dpa".
_ASIDE_TAIL = regex.compile(r"(?<=\p{Ll}\.?)(?:\s*\([^()]{1,60}\)?|/[\p{L}\-]{1,12})$")
# Soft hyphens and zero-width marks a CMS hyphenates names with: "Mat\u00adthi\u00adas Lauerer".
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u2060\ufeff]")
# Affiliation marks of a paper's author list: "Marwan H. Adwan 1", "Jane Doe1,2", "John Roe*".
_FOOTNOTE_TAIL = regex.compile(r"(?<=\p{Ll})\s?(?:\d{1,2}(?:\s?,\s?\d{1,2})*|[*†‡§]+)$")
# "Jane Doe for The New York Times", "X on behalf of Y": the person comes first.
_AFFILIATION_TAIL = regex.compile(
    r"(?<!\s)\s+(?:on\s+behalf\s+of|for|at|from|of\s+the|(?i:former))\s+\p{Lu}.*$"
)  # "Liz Kenny Former McKinsey Consultant" too
_ROLE_WORDS = (
    r"(?:senior|junior|chief|deputy|managing|executive|contributing|associate|assistant|staff|freelance|special|"
    r"guest|political|foreign|national|business|sports|tech|technology|science|health|trending|news|digital|"
    r"editor(?:ial|-in-chief)?|editors|writer|reporter|correspondent|columnist|contributor|journalist|producer|analyst|"
    r"director|manager|founder|co-founder|ceo|cto|coo|vp|president|author|photographer|intern|fellow|host|anchor|"
    r"critic|blogger|expert|consultant|coordinator|specialist|strategist|officer|lead|head|partner|attorney|"
    r"lawyer|physician|nurse|dietitian|nutritionist|therapist|engineer|developer|designer|scientist|"
    r"researcher|professor|teacher|educator|coach|trainer|chef|gardener|winemaker|horticulturalist|"
    r"marketing|content|communications|former|master|licensed|certified|registered|"
    r"team|desk|staffer|at\s+large|in\s+chief|"
    # German and other roles printed before a name: "FOCUS-Online-Experte Robin Tschöpe", "Rechtsanwalt X"
    r"(?:\p{L}+-)*expert(?:e|in)|redakteur(?:in)?|korrespondent(?:in)?|reporter(?:in)|journalist(?:in)|"
    r"rechtsanw[aä]lt(?:in)?|pressesprecher(?:in)?|chefredakteur(?:in)?|gastautor(?:in)?|autor(?:in)?|auteur(?:e)?|autore|autrice)"
)
_ROLE_TAIL = regex.compile(
    r"(?:\s*[,|]\s*|\s+[\-–—]\s+|\s+)(?:(?:the|an?)\s+)?" + _ROLE_WORDS + r"(?:\s+" + _ROLE_WORDS + r")*\s*$", regex.I
)
_ROLE_ONLY = regex.compile(r"^(?:(?:the|an?)\s+)?" + _ROLE_WORDS + r"(?:[\s\-]+" + _ROLE_WORDS + r")*$", regex.I)
_ROLE_HEAD = regex.compile(r"^(?:" + _ROLE_WORDS + r")(?:\s+" + _ROLE_WORDS + r")*\s*:?\s+", regex.I)
# "ACO Rankings Team", "NETGEAR Orbi Team", "TOI Lifestyle Desk": a group named after the outlet, not a
# person with a role ("Jane Doe, Staff Writer" keeps Jane Doe: a role word follows "staff" there).
_GROUP_TAIL = regex.compile(r"(?<![,|])\s+(?:team|desk|newsroom|staff|editors)$", regex.I)
# Words that make a byline an organisation or a placeholder, not a person.
_NOT_PERSON_WORDS = frozenset(
    """staff editorial board editors newsroom desk team admin administrator guest author authors
    contributor contributors correspondent writer reporters press news media agency wire wires service
    services times post herald tribune journal gazette daily weekly magazine network group inc ltd llc
    corp company co foundation institute university college clinic hospital association society
    health healthcare medical solutions systems technologies labs consulting capital holdings global software
    council committee department ministry office bureau center centre studio studios online digital
    follow subscribe share email anonymous unknown none null undefined update updates updated published posted
    sponsored advertisement the a an by and of our your today lifestyle about home privacy terms
    on in at to for with from is it or date datum
    redaktion redaction rédaction redazione redactie redakcja redakce redakcia
    january february march september october november december
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun""".split()
)
_PARTICLES = frozenset("de da del della der den van von la le du di dos das al el bin bint ibn ter ten y".split())
# "Gary Marcus", "Marna van der Merwe", "Justin C. Meserole": first and last name at least.
_FULL_NAME = regex.compile(  # one inner capital per word: McCravy, MacDonald, DeShawn, O'Brien
    r"^\p{Lu}[\p{Ll}'’\-]+(?:\p{Lu}\p{Ll}+)?(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’\-]+(?:\p{Lu}\p{Ll}+)?|(?:"
    + "|".join(sorted(_PARTICLES))
    + r")))*\s+\p{Lu}[\p{Ll}'’\-]+(?:\p{Lu}\p{Ll}+)?$"
)
_TOKEN = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’.\-]*")
MAX_NAME_WORDS = 5
# A byline fragment longer than this holds no person's name; the tail patterns
# above (credentials, roles, dates) are then never run on page-sized strings.
MAX_FRAGMENT_CHARS = 200


def _case_word(word: str, first: bool) -> str:
    lower = word.lower()
    if not first and lower in _PARTICLES:
        return lower
    parts = regex.split(r"([\-'’.])", lower)
    cased = []
    for part in parts:
        if part in "-'’." or not part:
            cased.append(part)
        elif part.startswith("mc") and len(part) > 3:
            cased.append("Mc" + part[2:].capitalize())
        else:
            cased.append(part.capitalize())
    return "".join(cased)


def _shouting(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def case_name(name: str) -> str:
    """``JIM HEINTZ`` -> ``Jim Heintz``, ``jane doe`` -> ``Jane Doe``; mixed case stays as printed."""
    words = name.split()
    if all(w.islower() for w in words):
        return " ".join(_case_word(w, i == 0) for i, w in enumerate(words))
    return " ".join(_case_word(w, i == 0) if _shouting(w) else w for i, w in enumerate(words))


def is_person_name(name: str) -> bool:
    """A plausible person: 1-5 name-like words, capitalised, no digits, no outlet words."""
    words = name.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in name):
        return False
    if canonical_agency(name) is not None:
        return False
    folded = [w.casefold().strip(",") for w in words]
    if any(w in _NOT_PERSON_WORDS for w in folded if len(w.rstrip(".")) > 1 or not w.endswith(".")):
        return False
    if len(words) == 1 and (name.isupper() or len(name) < 2 or is_agency_code(name)):
        return False  # "CNN", "AP", a title-cased "Dpa": an outlet, not a person
    if not all(_TOKEN.fullmatch(w) for w in words) or not any(len(w.rstrip(".")) > 1 for w in words):
        return False
    return all(w[0].isupper() or w.casefold() in _PARTICLES for w in words) and words[0][0].isupper()


def name_key(text: str) -> str:
    return regex.sub(r"[^\p{L}\p{N}]+", "", text.casefold())


def clean_person_name(raw: str, not_names: frozenset[str] = frozenset()) -> str | None:
    """The person in one byline fragment, cleanly cased, or None when there is none.

    ``not_names`` are keys (see :func:`outlet_keys`) of the site's own names,
    so ``USA TODAY`` on usatoday.com is never taken for a person.
    """
    if len(raw) > MAX_FRAGMENT_CHARS:
        return None
    text = _URL.sub(" ", _EMAIL.sub(" ", _INVISIBLE.sub("", raw)))
    text = _HANDLE.sub(" ", text)
    text = regex.sub(r"\s+", " ", text).strip(' \t|•·,;:-–—()[]"“”')
    text = _LEAD.sub("", text)
    text = _DATE_TAIL.sub("", text)
    text = _NAV_TAIL.sub("", _ASIDE_TAIL.sub("", _PLACE_TAIL.sub("", _RELATIVE_TAIL.sub("", text))))
    if " " in (unmarked := _FOOTNOTE_TAIL.sub("", text)):
        text = unmarked  # "Jane Doe 1", never "June 12"
    text = _AFFILIATION_TAIL.sub("", text)
    if _ROLE_ONLY.match(text) or _GROUP_TAIL.search(text):
        return None
    for _ in range(3):
        before = text
        text = _CREDENTIAL.sub("", text).strip(" ,;|-–—")
        text = _CAPS_TAIL.sub("", text).strip(" ,;|-–—")
        text = _ROLE_TAIL.sub("", text).strip(" ,;|-–—")
        text = _ROLE_HEAD.sub("", text).strip(" ,;|-–—")
        if text == before:
            break
    text = _HONORIFIC.sub("", text).strip(" ,;:")
    if text.endswith(".") and not regex.search(r"(?:\s\p{Lu}|\sJr|\sSr)\.$", text):
        text = text.rstrip(".")  # a sentence's full stop, not an initial's ("Juan Carlos Muñoz C.", "Jr.")
    if _HANDLE_LIKE.search(text):
        return None
    if not text or _CREDENTIAL.fullmatch(" " + text) or (" " not in text and _shouting(text) and len(text) <= 5):
        return None  # "MS", "CNN": a credential or an outlet on its own
    if " " not in text and text.islower() and len(text) <= 3:
        return None  # "det/dpa", "red, wien.ORF.at": an editor's or desk's code, not a name
    text = case_name(text)
    if name_key(text) in not_names and not _FULL_NAME.match(text):
        return None  # the site's own name; a personal site named after its author keeps it
    return text if is_person_name(text) else None


def outlet_keys(*names: str | None) -> frozenset[str]:
    """Comparison keys for a site's names and domain (``www.usatoday.com`` -> ``usatoday``)."""
    keys = set()
    for name in names:
        if not name:
            continue
        host = regex.sub(r"^https?://", "", name).split("/")[0]
        if "." in host and " " not in host:
            labels = [part for part in host.split(".") if part not in {"www", "m", "amp", "edition"}]
            if labels:
                keys.add(name_key(labels[0]))
        else:
            keys.add(name_key(name))
    return frozenset(k for k in keys if k)


_SPLIT = regex.compile(
    r"\s*(?:,\s*(?:and|&)\s+|;|\||·|•|⋅|\s[-–—]\s|\s/\s|,|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+en\s+|\s+og\s+"
    # two people of an interview: "Richard David Precht im Gespräch mit Karin Fischer"
    r"|\s+(?:im\s+gespr[äa]ch\s+mit|in\s+conversation\s+with|en\s+conversation\s+avec|en\s+conversaci[óo]n\s+con"
    r"|in\s+conversazione\s+con|in\s+gesprek\s+met)\s+)\s*",
    regex.I,
)


# "Danielle Padula, Head of Marketing and Community Development": a role with its remit, whose "and"
# joins no second person; it goes before the byline is split.
_ROLE_OF = regex.compile(
    r",\s*(?:(?:the|an?)\s+)?" + _ROLE_WORDS + r"(?:\s+" + _ROLE_WORDS + r"){0,3}\s+(?:of|for)\s+[^;|•·,]{0,80}",
    regex.I,
)


# A byline box of labelled fields, "Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet": the author's field
# runs from its label to the next label (a capitalised word and a colon).
_AUTHOR_FIELD = regex.compile(
    r"(?:^|\s)(?i:autor(?:in|en)?|authors?|auteur(?:e|s)?|autore|autori|autora?|written\s+by|text|texto|von|by)\s*:\s*"
    r"(\p{Lu}.*?)(?=\s+\p{Lu}[\p{L}\-]+\s*:\s|$)"
)
_FIELD_LABEL = regex.compile(r"(?:^|\s)\p{Lu}[\p{L}\-]+\s*:\s")


# A social handle printed after each writer separates them: "By April Roach @aprilroach28 Daniel O'Mahony".
_HANDLE_BETWEEN = regex.compile(r"(?<=\p{L})\s+@\w{2,30}\s+(?=\p{Lu})")


def _author_field(text: str) -> str:
    """The author's field of a byline box of two or more labelled fields, else the text as it is."""
    if len(text) > MAX_FRAGMENT_CHARS or text.count(":") < 2 or len(_FIELD_LABEL.findall(text)) < 2:
        return text
    match = _AUTHOR_FIELD.search(text)
    return match[1] if match else text


def split_names(byline: str, not_names: frozenset[str] = frozenset()) -> tuple[list[str], str | None]:
    """People in a byline, in order, and the agency it credits (``By X and Y, Associated Press``)."""
    text = _LEAD.sub("", _DATE_HEAD.sub("", _author_field(regex.sub(r"\s+", " ", byline).strip())))
    text = _ROLE_OF.sub("", text)
    text = _HANDLE_BETWEEN.sub("; ", text)
    agency = None
    people: list[str] = []
    for fragment in _SPLIT.split(text):
        fragment = fragment.strip()
        if not fragment:
            continue
        found = canonical_agency(fragment)
        if found:
            agency = agency or found
            continue
        if (slash := fragment.rfind("/")) > 0 and (found := canonical_agency(fragment[slash + 1 :])):
            agency, fragment = agency or found, fragment[:slash]  # "Jane Doe/dpa"
        # "NASSER KARIMI Associated Press": a trailing agency glued to the last name
        for form_agency in _trailing_agency(fragment):
            agency = agency or form_agency[1]
            fragment = form_agency[0]
        name = clean_person_name(fragment, not_names)
        if name and name not in people:
            people.append(name)
    return people, agency


def _trailing_agency(fragment: str) -> list[tuple[str, str]]:
    words = fragment.split()
    for size in (3, 2, 1):
        if len(words) > size:
            tail = " ".join(words[-size:])
            agency = canonical_agency(tail)
            if agency:
                return [(" ".join(words[:-size]), agency)]
    return []

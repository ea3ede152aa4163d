"""Wire services: recognising how they are printed and naming them one way."""

from __future__ import annotations

import regex

from newsclean.transforms.runtime.limits import regex_timeout

# Canonical name -> the forms it is printed in (matched case-sensitively where
# the short form is also an ordinary word, e.g. "AP", "dpa").
AGENCIES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("The Associated Press", "Associated Press", "AP"),
    "Reuters": ("Thomson Reuters", "Reuters", "REUTERS"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "dpa": ("Deutsche Presse-Agentur", "dpa", "DPA"),
    "Bloomberg": ("Bloomberg News", "Bloomberg"),
    "UPI": ("United Press International", "UPI"),
    "Xinhua": ("Xinhua News Agency", "Xinhua"),
    "TASS": ("TASS", "Tass"),
    "EFE": ("Agencia EFE", "EFE"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "PTI": ("Press Trust of India", "PTI"),
    "IANS": ("Indo-Asian News Service", "IANS"),
    "ANI": ("Asian News International", "ANI"),
    "CNA": ("Central News Agency",),
    "Anadolu": ("Anadolu Agency", "Anadolu"),
    "PA": ("PA Media", "Press Association", "PA"),
    "AAP": ("Australian Associated Press", "AAP"),
    "CP": ("The Canadian Press", "Canadian Press"),
    "APA": ("Austria Presse Agentur", "APA"),
    "SDA": ("Keystone-SDA", "SDA", "sda"),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti",),
    # German-language church, Protestant, sports and news wires; Dutch, Belgian, Polish, Czech, Norwegian,
    # Portuguese, Spanish, Italian, Danish, Malaysian, Indonesian, Japanese, Iranian and Ukrainian wires
    "KNA": ("Katholische Nachrichten-Agentur", "KNA"),
    "epd": ("Evangelischer Pressedienst", "epd"),
    "SID": ("Sport-Informations-Dienst", "SID"),
    "ddp": ("ddp",),
    "ANP": ("Algemeen Nederlands Persbureau", "ANP"),
    "Belga": ("Belga",),
    "PAP": ("Polska Agencja Prasowa", "PAP"),
    "ČTK": ("ČTK", "CTK"),
    "NTB": ("Norsk Telegrambyrå", "NTB"),
    "Lusa": ("Agência Lusa", "Lusa"),
    "Europa Press": ("Europa Press",),
    "Adnkronos": ("Adnkronos",),
    "Ritzau": ("Ritzau",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "Jiji": ("Jiji Press",),
    "IRNA": ("IRNA",),
    "Ukrinform": ("Ukrinform",),
}

_FORM_TO_NAME = {form: name for name, forms in AGENCIES.items() for form in forms}
_FOLDED_TO_NAME = {form.casefold(): name for form, name in _FORM_TO_NAME.items() if len(form) > 4}

AGENCY_FORMS = sorted(_FORM_TO_NAME, key=len, reverse=True)
# Matches any printed form as a whole word; use canonical_agency() on the match.
AGENCY_PATTERN = r"(?:" + "|".join(regex.escape(form) for form in AGENCY_FORMS) + r")"
_AGENCY_WORD = regex.compile(r"(?<!\w)" + AGENCY_PATTERN + r"(?!\w)")


# Short forms in any case ("Dpa", "Afp" after a title-casing step): a single such word is no person's name.
_SHORT_FORMS = frozenset(form.casefold() for form in _FORM_TO_NAME if len(form) <= 5)


def is_agency_code(word: str) -> bool:
    """Whether ``word`` is a wire's short form in any case (``Dpa``, ``AFP``, ``Sid``)."""
    return word.casefold() in _SHORT_FORMS


def canonical_agency(printed: str | None) -> str | None:
    """The canonical agency name for a printed form, or None if it is not an agency."""
    if not printed:
        return None
    printed = printed.strip(" .,;:()[]")
    return _FORM_TO_NAME.get(printed) or _FOLDED_TO_NAME.get(printed.casefold())


def find_agency(text: str) -> str | None:
    """The first agency named anywhere in ``text`` (e.g. in a tail or credit line)."""
    match = _AGENCY_WORD.search(text, **regex_timeout(text))
    return canonical_agency(match.group()) if match else None

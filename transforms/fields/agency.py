"""Wire services: recognising how they are printed and naming them one way."""

from __future__ import annotations

import regex

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
    "APA": ("Austria Presse Agentur",),
    "SDA": ("Keystone-SDA",),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti",),
}

_FORM_TO_NAME = {form: name for name, forms in AGENCIES.items() for form in forms}
_FOLDED_TO_NAME = {form.casefold(): name for form, name in _FORM_TO_NAME.items() if len(form) > 4}

AGENCY_FORMS = sorted(_FORM_TO_NAME, key=len, reverse=True)
# Matches any printed form as a whole word; use canonical_agency() on the match.
AGENCY_PATTERN = r"(?:" + "|".join(regex.escape(form) for form in AGENCY_FORMS) + r")"
_AGENCY_WORD = regex.compile(r"(?<!\w)" + AGENCY_PATTERN + r"(?!\w)")


def canonical_agency(printed: str | None) -> str | None:
    """The canonical agency name for a printed form, or None if it is not an agency."""
    if not printed:
        return None
    printed = printed.strip(" .,;:()[]")
    return _FORM_TO_NAME.get(printed) or _FOLDED_TO_NAME.get(printed.casefold())


def find_agency(text: str) -> str | None:
    """The first agency named anywhere in ``text`` (e.g. in a tail or credit line)."""
    match = _AGENCY_WORD.search(text, timeout=1.0)
    return canonical_agency(match.group()) if match else None

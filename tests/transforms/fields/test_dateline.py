"""Datelines split from the first body paragraph, the sentence kept."""

from __future__ import annotations

import pytest

from newsclean.transforms.fields.dateline import split_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("MOSCOW– Russian Head Of State Vladimir Putin is holding", "MOSCOW", None, "Russian Head"),
        ("MOSCOW (AP) — Russian President Vladimir Putin", "MOSCOW", "Associated Press", "Russian President"),
        ("WASHINGTON, Jan 17 (Reuters) - The U.S. Treasury", "WASHINGTON", "Reuters", "The U.S."),
        ("KYIV, Ukraine (AP) — Ukraine's air force", "KYIV, Ukraine", "Associated Press", "Ukraine's"),
        ("KANSAS CITY, Mo. (AP) — A man was charged", "KANSAS CITY, Mo.", "Associated Press", "A man"),
        ("SAN JUAN, Puerto Rico — The island's power grid", "SAN JUAN, Puerto Rico", None, "The island"),
        ("NEW YORK (AP) -- Stocks rose", "NEW YORK", "Associated Press", "Stocks"),
        ("PARIS (AFP) - French prosecutors", "PARIS", "AFP", "French"),
        ("BERLIN, March 3 (dpa) - Germany's", "BERLIN", "dpa", "Germany"),
        # German, French and Austrian wires print the place in ordinary case, always with the agency
        ("Hamburg (dpa/lno) – Trotz eines Gespräches", "Hamburg", "dpa", "Trotz"),
        ("Frankfurt am Main (dpa) - Die Börse", "Frankfurt am Main", "dpa", "Die Börse"),
        ("Paris (AFP) - Le gouvernement a annoncé", "Paris", "AFP", "Le gouvernement"),
        ("Wien (APA) - Die Regierung", "Wien", "APA", "Die Regierung"),
    ],
)
def test_datelines(paragraph: str, place: str, agency: str | None, rest: str) -> None:
    found = split_dateline(paragraph)
    assert found is not None
    assert found.place == place
    assert found.agency == agency
    assert found.rest.startswith(rest)
    assert paragraph.startswith(found.printed)


@pytest.mark.parametrize(
    "paragraph",
    [
        "What to know about the relationship between Russia and Iran:",
        "BREAKING — Parliament votes on the bill",
        "EDITOR'S NOTE — This story contains graphic details",
        "NATO - the alliance met on Friday",
        "The MOSCOW — talks resumed",
        "U.S. — officials said",
        "LONDON (Photo) — not an agency",
        "Moscow — mixed case is prose, not a dateline",
        "Berlin (Tagesspiegel) - no wire in the brackets",
        "Apple (AAPL) - Shares rose on Monday",
    ],
)
def test_not_datelines(paragraph: str) -> None:
    assert split_dateline(paragraph) is None

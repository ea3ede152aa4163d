"""Printed dates: the day always, the instant only with a time and a zone."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.transforms.fields.dates import find_date

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("date 2025-01-17 What to know", dt.date(2025, 1, 17), None),
        ("2025/01/17", dt.date(2025, 1, 17), None),
        ("Friday, January 17, 2025", dt.date(2025, 1, 17), None),
        ("Jan. 17, 2025", dt.date(2025, 1, 17), None),
        ("17 January 2025", dt.date(2025, 1, 17), None),
        ("17.01.2025", dt.date(2025, 1, 17), None),
        ("1/17/2025", dt.date(2025, 1, 17), None),
        ("17/1/2025", dt.date(2025, 1, 17), None),
        ("January 17, 2025 10:30 AM EST", dt.date(2025, 1, 17), dt.datetime(2025, 1, 17, 15, 30, tzinfo=UTC)),
        ("Fri 17 Jan 2025 14.05 GMT", dt.date(2025, 1, 17), dt.datetime(2025, 1, 17, 14, 5, tzinfo=UTC)),
        ("2025-01-17T10:30:00+03:00", dt.date(2025, 1, 17), dt.datetime(2025, 1, 17, 7, 30, tzinfo=UTC)),
        ("June 5, 2023 at 3:04 p.m. ET", dt.date(2023, 6, 5), dt.datetime(2023, 6, 5, 19, 4, tzinfo=UTC)),
        ("January 17, 2025 10:30 AM", dt.date(2025, 1, 17), None),  # no zone: no instant
    ],
)
def test_parses(text: str, day: dt.date, at: dt.datetime | None) -> None:
    found = find_date(text)
    assert found is not None
    assert found.day == day
    assert found.at == at


@pytest.mark.parametrize(
    "text",
    [
        "01/02/2025",  # day and month cannot be told apart
        "2025-02-30",  # no such day
        "13/13/2025",
        "in 2025 the treaty",
        "version 1.2.3",
        "call 555-0100",
    ],
)
def test_refuses(text: str) -> None:
    assert find_date(text) is None


def test_future_dates_are_refused() -> None:
    assert find_date("January 17, 2031", not_after=dt.date(2026, 11, 22)) is None
    assert find_date("January 17, 2025", not_after=dt.date(2026, 11, 22)) is not None


_PIECES = [
    "2025-01-17", "2025-01-17T10:30:00+03:00", "17.01.2025", "01/17/2025", "17/01/2025 14:05", "Jan.", "January",
    "17", "2025", "1999", "Friday,", "Fri", "de", "enero", "März", "mayıs", "октября", "5 hours ago", "at 10:30 AM",
    "EST", "Z", "T", "|", "·", "Updated", "3rd", "١٧", "20٢٥", "2019-", "/", ".", " ", "  ", "\n", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join) | st.text(max_size=40))
@settings(max_examples=3000, deadline=None)
def test_patterns_a_text_cannot_match_are_skipped_without_changing_a_date(text: str) -> None:
    """The year and month-name tests before the date patterns find what all the patterns find."""
    import newsclean.transforms.fields.dates as dates

    fast = (dates.find_all_dates(text), dates.find_date(text, day_first=True), dates.find_date(text))
    real = dates._patterns_for
    dates._patterns_for = lambda _text: dates.DATE_PATTERNS
    try:
        assert fast == (dates.find_all_dates(text), dates.find_date(text, day_first=True), dates.find_date(text))
    finally:
        dates._patterns_for = real

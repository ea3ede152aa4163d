"""Choosing a field among candidates, with the stated order."""

from __future__ import annotations

import datetime as dt

from newsclean.transforms.fields.choose import HTMLDATE_FLOOR, choose_page_date

TODAY = dt.date(2026, 11, 21)


def test_agreeing_structured_source_names_the_date_and_gives_the_time() -> None:
    candidates = [("time", "2025-01-17"), ("html-meta", "2025-01-17T10:30:00+03:00")]
    day, source = choose_page_date(candidates, "2025-01-17", today=TODAY)
    assert day.day == dt.date(2025, 1, 17)
    assert source == "html-meta"
    assert day.at == dt.datetime(2025, 1, 17, 7, 30, tzinfo=dt.UTC)


def test_extractor_wins_a_disagreement() -> None:
    day, source = choose_page_date([("json-ld", "2019-08-14")], "2025-09-17", today=TODAY)
    assert (day.day, source) == (dt.date(2025, 9, 17), "htmldate")


def test_copyright_year_guess_loses_to_structured_data() -> None:
    day, source = choose_page_date([("json-ld", "2021-08-04")], "2020-01-01", today=TODAY)
    assert (day.day, source) == (dt.date(2021, 8, 4), "json-ld")


def test_an_unconfirmed_january_first_from_the_extractor_is_no_date() -> None:
    # htmldate's guess from a copyright year or a URL's year alone, with nothing on the page to back it
    assert choose_page_date([], "2022-01-01", today=TODAY) == (None, None)
    assert choose_page_date([("json-ld", "1995-01-01")], "2021-01-01", today=TODAY) == (None, None)
    # the day printed near the headline, which rule 4 preferred to the guess, stands alone
    day, source = choose_page_date([("visible", "Dec 12, 2025")], "2026-01-01", today=TODAY)
    assert (day.day, source) == (dt.date(2025, 12, 12), "visible")


def test_a_confirmed_january_first_stands() -> None:
    day, source = choose_page_date([("html-meta", "2016-01-01T18:23:32+00:00")], "2016-01-01", today=TODAY)
    assert (day.day, source) == (dt.date(2016, 1, 1), "html-meta")
    day, source = choose_page_date([("visible", "1. Januar 2023")], "2023-01-01", today=TODAY)
    assert (day.day, source) == (dt.date(2023, 1, 1), "htmldate")
    day, source = choose_page_date([("time", "1. Januar 2023")], None, today=TODAY)
    assert (day.day, source) == (dt.date(2023, 1, 1), "time")


def test_a_structured_january_first_loses_to_another_printed_day() -> None:
    # wcxb-dev: JSON-LD 2025-01-01T03:00 (a template's default) on a story printed "Mar 5, 2025"
    candidates = [("json-ld", "2025-01-01T03:00:00"), ("visible", "Mar 5, 2025")]
    day, source = choose_page_date(candidates, "2025-01-01", today=TODAY)
    assert (day.day, source) == (dt.date(2025, 3, 5), "visible")


def test_htmldates_floor_is_never_a_publication_day() -> None:
    assert choose_page_date([], "1995-01-01", today=TODAY) == (None, None)
    assert choose_page_date([("json-ld", "1995-01-01")], "1995-01-01", today=TODAY) == (None, None)
    day, source = choose_page_date([("json-ld", "1995-01-01"), ("time", "2024-05-06")], "1995-01-01", today=TODAY)
    assert (day.day, source) == (dt.date(2024, 5, 6), "time")


def test_the_floor_is_htmldates() -> None:
    from htmldate.settings import MIN_DATE

    assert MIN_DATE.date() == HTMLDATE_FLOOR


def test_future_and_impossible_dates_are_refused() -> None:
    assert choose_page_date([("json-ld", "2031-01-01")], None, today=TODAY) == (None, None)
    assert choose_page_date([("json-ld", "2025-02-30")], None, today=TODAY) == (None, None)
    day, source = choose_page_date([("json-ld", "2031-01-01"), ("url", "2025-01-17")], None, today=TODAY)
    assert (day.day, source) == (dt.date(2025, 1, 17), "url")


def test_no_candidates() -> None:
    assert choose_page_date([], None) == (None, None)


def test_the_date_printed_near_the_headline_picks_among_disagreeing_candidates() -> None:
    candidates = [("html-meta", "2022-10-24T12:40:59+00:00"), ("time", "On 8 Oct 2022"), ("visible", "8 Oct 2022")]
    day, source = choose_page_date(candidates, "2022-10-24", today=TODAY)
    assert (day.day, source) == (dt.date(2022, 10, 8), "time")


def test_a_printed_date_that_no_candidate_gives_or_a_day_away_changes_nothing() -> None:
    # printed but confirmed by no candidate: not taken (it may be a related story's date)
    day, source = choose_page_date([("json-ld", "2025-01-17"), ("visible", "March 3, 2024")], None, today=TODAY)
    assert (day.day, source) == (dt.date(2025, 1, 17), "json-ld")
    # a day away: the same instant in another time zone; the structured day stays
    candidates = [("json-ld", "2025-07-05T02:00:00Z"), ("time", "July 4, 2025"), ("visible", "July 4, 2025")]
    day, source = choose_page_date(candidates, "2025-07-05", today=TODAY)
    assert (day.day, source) == (dt.date(2025, 7, 5), "json-ld")
    # visible dates alone are never a page's date
    assert choose_page_date([("visible", "March 3, 2024")], None, today=TODAY) == (None, None)


def test_a_printed_date_beats_the_extractors_unconfirmed_guess() -> None:
    # htmldate's day is confirmed by no structured candidate; the page prints another one under its headline
    day, source = choose_page_date([("visible", "Dec 12, 2025")], "2025-12-19", today=TODAY)
    assert (day.day, source) == (dt.date(2025, 12, 12), "visible")
    # but not when a structured candidate confirms the extractor
    day, source = choose_page_date([("json-ld", "2025-12-19"), ("visible", "Dec 12, 2025")], "2025-12-19", today=TODAY)
    assert (day.day, source) == (dt.date(2025, 12, 19), "json-ld")


def test_a_day_and_month_swapped_by_the_extractor_yield_to_the_structured_date() -> None:
    # htmldate read the page's "09.10.2024" day-first; JSON-LD says September 10
    day, source = choose_page_date([("json-ld", "2024-09-10T16:07:00Z")], "2024-10-09", today=TODAY)
    assert (day.day, source) == (dt.date(2024, 9, 10), "json-ld")
    # the same numeric date printed under the headline is that day, not a reason to switch back
    candidates = [("json-ld", "2024-09-10T16:07:00Z"), ("visible", "09.10.2024")]
    day, source = choose_page_date(candidates, "2024-10-09", today=TODAY)
    assert (day.day, source) == (dt.date(2024, 9, 10), "json-ld")
    # a disagreement that is no swap is still the extractor's (2024-11-09 is not 2024-10-09 turned round)
    day, source = choose_page_date([("json-ld", "2024-11-09")], "2024-10-09", today=TODAY)
    assert (day.day, source) == (dt.date(2024, 10, 9), "htmldate")
    # a day past 12 cannot be swapped
    day, source = choose_page_date([("json-ld", "2024-09-13")], "2024-10-09", today=TODAY)
    assert (day.day, source) == (dt.date(2024, 10, 9), "htmldate")


def test_a_month_name_printed_under_the_headline_corrects_a_day_month_misreading() -> None:
    # the page prints "March 9, 2026"; its "03-09-2026" was read day-first as September 3
    day, source = choose_page_date([("visible", "March 9, 2026")], "2026-09-03", today=TODAY)
    assert (day.day, source) == (dt.date(2026, 3, 9), "visible")
    day, source = choose_page_date([("html-meta", "2026-09-03"), ("visible", "March 9, 2026")], "2026-09-03")
    assert (day.day, source) == (dt.date(2026, 3, 9), "visible")

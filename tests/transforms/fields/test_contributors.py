"""Contributor tails across agencies, including reworded ones."""

from __future__ import annotations

import pytest

from newsclean.schemas.records import Contributor as C
from newsclean.transforms.fields.contributors import parse_contributor_list, parse_contributor_tail


@pytest.mark.parametrize(
    ("line", "people", "agency"),
    [
        (
            "Associated Press writers Jon Gambrell in Dubai, United Arab Emirates, "
            "and Amir Vahdat in Tehran contributed.",
            [C("Jon Gambrell", "Dubai, United Arab Emirates"), C("Amir Vahdat", "Tehran")],
            "Associated Press",
        ),
        (
            "Associated Press author Jon Gambrell in Dubai, United Arab Emirates, and Amir Vahdat in Tehran added.",
            [C("Jon Gambrell", "Dubai, United Arab Emirates"), C("Amir Vahdat", "Tehran")],
            "Associated Press",
        ),
        (
            "Associated Press writer Matthew Lee in Washington contributed to this report.",
            [C("Matthew Lee", "Washington")],
            "Associated Press",
        ),
        (
            "AP writers Jim Heintz and Nasser Karimi in Tehran contributed.",
            [C("Jim Heintz", "Tehran"), C("Nasser Karimi", "Tehran")],
            "Associated Press",
        ),
        (
            "Washington Post reporters Jane Doe, John Roe and Mary Major contributed to this report.",
            [C("Jane Doe"), C("John Roe"), C("Mary Major")],
            None,
        ),
        ("Jane Doe contributed to this report from London.", [C("Jane Doe", "London")], None),
        ("Additional reporting by Jane Doe in Paris and John Roe.", [C("Jane Doe", "Paris"), C("John Roe")], None),
        ("Reporting by Jane Doe and John Roe; Editing by Mark Heinrich", [C("Jane Doe"), C("John Roe")], None),
        ("Staff writer Jane Doe contributed.", [C("Jane Doe")], None),
    ],
)
def test_tails(line: str, people: list[C], agency: str | None) -> None:
    found = parse_contributor_tail(line)
    assert found is not None
    assert found[0] == people
    assert found[1] == agency


@pytest.mark.parametrize(
    "line",
    [
        '"We will fight to the end," he added.',
        "The minister in Moscow added.",
        "Officials said the funds contributed to the deficit.",
        "Iran has contributed troops to the coalition, the ministry said.",
        "He reported from Tehran for a decade before joining the agency.",
    ],
)
def test_prose_is_not_a_tail(line: str) -> None:
    assert parse_contributor_tail(line) is None


def test_list_with_a_person_between_places() -> None:
    people = parse_contributor_list("Jane Doe in Dubai, John Roe and Ann Lee in Tehran")
    assert people == [C("Jane Doe", "Dubai"), C("John Roe", "Tehran"), C("Ann Lee", "Tehran")]

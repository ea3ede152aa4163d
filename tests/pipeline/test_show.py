"""``newsclean show``: readable records and filters over a run's output."""

from __future__ import annotations

import json

import pytest

from newsclean.cli import main


@pytest.fixture(scope="module")
def out(seeds_run):
    return seeds_run


def test_show_articles(out, capsys) -> None:
    assert main(["show", str(out)]) == 0
    text = capsys.readouterr().out
    assert "2025-01-17 | Associated Press | 780 words" in text
    assert "Russian Head Of State Vladimir Putin" in text
    assert "removed 16: contributor_tail, credit, header_date, separator" in text
    assert text.rstrip().endswith("2 of 2 articles")


@pytest.mark.parametrize(
    ("where", "count"),
    [
        ('agency = "Associated Press"', 2),
        ("dateline = MOSCOW", 1),
        ("dateline is null", 1),
        ("word_count > 800", 1),
        ("published_date = 2025-01-17", 1),
        ("contributors contains tehran and dateline is not null", 1),
        ("text contains Revolutionary", 2),
        ("authors contains nobody", 0),
        ("dateline = MOSCOW or word_count < 800", 2),
        ("dateline = MOSCOW and word_count < 800 or dateline = nowhere", 0),
        ("dateline in (MOSCOW, 'KYIV')", 1),
        ("dateline not in (MOSCOW)", 1),
        ("agency in ('Associated Press')", 2),
        ("contributors is null", 0),
        ("contributors is not null", 2),
        ("authors is null", 2),
        ("published_date >= 2025-01-01 and published_date < 2025-02-01", 1),
        ("ingested_at > 2000-01-01T00:00:00", 2),
        ('dateline = "and or" or text contains "Revolutionary"', 2),
    ],
)
def test_where(out, capsys, where: str, count: int) -> None:
    assert main(["show", str(out), "--where", where, "--lines", "0"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(f"{count} of {count} articles")


def test_rejects_and_bad_filters(out, capsys) -> None:
    assert main(["show", str(out), "--rejects"]) == 0
    assert "decode/empty" in capsys.readouterr().out
    assert main(["show", str(out), "--where", "nope = 1"]) == 2
    assert "no column 'nope'" in capsys.readouterr().err
    assert main(["show", str(out), "--where", "word_count is big"]) == 2
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("word_count > abc", "'abc' is not a whole number"),
        ("published_date > 2025-13-45", "is not a date (YYYY-MM-DD)"),
        ("ingested_at > yesterday", "is not a timestamp"),
        ("dateline in MOSCOW", "takes a list in parentheses"),
        ("authors = x", "is a list"),
        ("dateline = MOSCOW xor word_count > 1", "cannot read"),
    ],
)
def test_bad_filters_are_one_line(out, capsys, where: str, message: str) -> None:
    assert main(["show", str(out), "--where", where]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


def test_a_filter_on_an_empty_table_matches_nothing(tmp_path, capsys) -> None:
    from newsclean.schemas.arrow import REJECT_SCHEMA
    from newsclean.transforms.beam.parquet_io import write_table

    write_table(str(tmp_path / "rejects" / "part-00000-of-00001.parquet"), [], REJECT_SCHEMA)
    for where in ("stage = read", "stage = read and error = empty", "stage = read or error is null"):
        assert main(["show", str(tmp_path), "--rejects", "--where", where]) == 0, where
        captured = capsys.readouterr()
        assert captured.err == "", where


def test_show_json_round_trips(out, capsys) -> None:
    assert main(["show", str(out), "--json", "--where", "dateline = MOSCOW"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["dateline"] == "MOSCOW" and record["agency"] == "Associated Press"
    assert record["ingested_at"][:2] == "20"  # a timestamp, as ISO 8601
    assert record["contributors"][1] == {"name": "Amir Vahdat", "location": "Tehran"} and "text" in record

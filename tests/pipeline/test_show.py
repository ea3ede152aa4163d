"""``newsclean show``: readable records and filters over a run's output."""

from __future__ import annotations

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

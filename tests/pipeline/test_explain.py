"""``newsclean explain``: each line kept or removed with its rule, then the fields."""

from __future__ import annotations

from newsclean.cli import main
from newsclean.explain import line_verdicts
from tests.conftest import SEED_000, SEED_003


def test_explain_seed_000_shows_removed_credit_lines(capsys) -> None:
    assert main(["explain", str(SEED_000)]) == 0
    out = capsys.readouterr().out
    assert "\033[" not in out  # plain when not a terminal
    assert out.count("- [credit] Credit: AP Credit: AP") == 13
    assert "- [header_date] date 2025-01-17" in out
    assert "+   What to know about the relationship between Russia and Iran:" in out
    assert "- [contributor_tail] Associated Press writers Jon Gambrell" in out
    assert "published_date  2025-01-17  (from header)" in out
    assert "Jon Gambrell (Dubai, United Arab Emirates); Amir Vahdat (Tehran)" in out


def test_explain_colours_when_asked(capsys) -> None:
    assert main(["explain", str(SEED_003), "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\033[31m- [dateline] MOSCOW–" in out
    assert "dateline" in out and "MOSCOW" in out


def test_explain_reports_a_reject(tmp_path, capsys) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"")
    assert main(["explain", str(path)]) == 1
    assert "REJECT decode/empty" in capsys.readouterr().out


def test_line_verdicts_match_removed_pieces_in_reading_order() -> None:
    paragraphs = ["date 2025-01-17 Title here", "Body.", "Credit: AP", "Body.", "Credit: AP"]
    removed = [("credit", "Credit: AP"), ("credit", "Credit: AP"), ("header_date", "date 2025-01-17")]
    assert line_verdicts(paragraphs, removed) == [
        ("Title here", "date 2025-01-17", "header_date"),
        ("Body.", "", None),
        ("", "Credit: AP", "credit"),
        ("Body.", "", None),
        ("", "Credit: AP", "credit"),
    ]

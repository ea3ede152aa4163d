"""``newsclean explain``: each line kept or removed with its rule, then the fields."""

from __future__ import annotations

import json
import subprocess
import sys

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


def _story(place: str) -> str:
    return (
        f"Ferry crossings to {place} resumed on Monday after three weeks of repairs to the harbour ramp, "
        "the operator said, and extra crossings were added for the holiday weekend to clear the backlog."
    )


def test_explain_takes_a_record_as_source_uri_prints_it(tmp_path, capsys) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"text": _story(p)}) + "\n" for p in ("Arran", "Bute", "Mull")))
    assert main(["explain", f"{path}#2", "--color", "never"]) == 0
    assert "Bute" in capsys.readouterr().out
    assert main(["explain", str(path), "--record", "3", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "Mull" in out and "Bute" not in out
    assert main(["explain", f"{path}#9"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no record #9" in err and "#1 to #3" in err


def test_a_file_whose_name_holds_a_hash_is_read_as_named(tmp_path, capsys) -> None:
    path = tmp_path / "story#2"
    path.write_text(_story("Islay"))
    assert main(["explain", str(path), "--color", "never"]) == 0
    assert "Islay" in capsys.readouterr().out


def test_the_command_line_loads_without_beam_or_the_cleaning_stack() -> None:
    """``newsclean --help`` stays fast by importing Beam, trafilatura and the rules only when a command needs them."""
    probe = "import sys, newsclean.cli; print(sorted(m for m in ('apache_beam', 'trafilatura', "
    probe += "'newsclean.transforms.cleaning.rules') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"

"""Exit statuses and one-line errors: stdin input, a run with no article (exit 3), unexpected errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsclean import cli
from tests.conftest import SEED_000


def test_stdin_is_read_by_content(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED_000.read_bytes())))
    assert cli.main(["run", "-", "--output", str(tmp_path / "out"), "-q"]) == 0
    report = json.loads((tmp_path / "out" / "run.json").read_text())
    assert report["articles"] == 1 and report["accounted"]
    assert cli.main(["show", str(tmp_path / "out"), "--json"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["agency"] == "Associated Press" and record["source_uri"].endswith("stdin")


def test_a_run_without_articles_exits_3_naming_reasons_and_fields(tmp_path: Path, capsys) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"id": i, "story_body": "Text."}) + "\n" for i in range(3)))
    out = str(tmp_path / "out")
    assert cli.main(["run", str(dump), "--output", out, "-q"]) == 3
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "no article from 3 input record(s)" in err
    assert "read/no_content 3" in err and "story_body" in err and "--jsonl-field text=FIELD" in err
    assert json.loads((tmp_path / "out" / "run.json").read_text())["rejects"] == 3  # the run is still written
    assert cli.main(["run", str(dump), "--output", out, "-q", "--allow-empty"]) == 0


def test_an_unexpected_error_is_one_line_unless_debug(tmp_path: Path, monkeypatch, capsys) -> None:
    def broken(args):
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(cli.show, "run", broken)
    assert cli.main(["show", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == (
        "newsclean: RuntimeError: disk on fire second line (--debug shows the traceback)"
    )
    with pytest.raises(RuntimeError):
        cli.main(["show", str(tmp_path), "--debug"])

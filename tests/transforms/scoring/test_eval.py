"""``newsclean eval``: both systems scored in the same run on cases in the data README's format."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsclean import cli
from newsclean.transforms.scoring import evaluate
from newsclean.transforms.scoring.metrics import Scores

WCXB = Path(__file__).resolve().parents[4] / "shared" / "data" / "wcxb-dev"
PAGE = """<html lang="en"><head><title>Ferry service resumes</title>
<meta name="author" content="Ann Lee"><meta property="article:published_time" content="2025-06-02"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ferry service resumes</h1>
<p>The island ferry resumed its full timetable on Monday after three weeks of repairs to the harbour ramp,
the operator said, and extra crossings were added for the holiday weekend to clear the backlog.</p>
<p>Passengers who bought tickets for cancelled crossings can ask for a refund at the terminal or online
until the end of the month, a spokesperson said.</p>
<p>Sign up for our newsletter</p></article></body></html>"""
TRUTH = {
    "url": "https://port.example/ferry",
    "title": "Ferry service resumes",
    "authors": ["Ann Lee"],
    "date": "2025-06-02",
    "body": "The island ferry resumed its full timetable on Monday after three weeks of repairs to the harbour ramp, "
    "the operator said, and extra crossings were added for the holiday weekend to clear the backlog.\n\n"
    "Passengers who bought tickets for cancelled crossings can ask for a refund at the terminal or online "
    "until the end of the month, a spokesperson said.",
}


@pytest.fixture()
def cases_dir(tmp_path: Path) -> Path:
    (tmp_path / "case1.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "case1.json").write_text(json.dumps(TRUTH))
    (tmp_path / "case2.html").write_text(PAGE.replace("Ann Lee", "Bo Chan"))
    (tmp_path / "case2.json").write_text(json.dumps({**TRUTH, "authors": ["Bo Chan"], "date": None}))
    (tmp_path / "SOURCE.json").write_text("{}")  # no page beside it: not a case
    return tmp_path


def test_load_cases(cases_dir: Path) -> None:
    cases = evaluate.load_cases(str(cases_dir))
    assert [c.case_id for c in cases] == ["case1", "case2"]
    assert cases[1].html.startswith(b"<html") and cases[0].truth["authors"] == ["Ann Lee"]


def test_eval_scores_both_systems_and_writes_json(cases_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "scores.json"
    assert cli.main(["eval", str(cases_dir), "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "newsclean" in printed and "trafilatura" in printed and "body F1" in printed
    result = json.loads(out.read_text())
    assert result["cases"] == 2
    ours, theirs = result["systems"]["newsclean"], result["systems"]["trafilatura"]
    assert ours["body_docs"] == 2 and ours["author_docs"] == 2 and ours["date_docs"] == 1
    assert ours["body_f1"] > 0.95 and ours["author_f1"] == 1.0 and ours["date_accuracy"] == 1.0
    for key in ("body_precision", "body_recall", "body_f1", "author_f1", "date_accuracy"):
        assert 0.0 <= theirs[key] <= 1.0
    # the newsletter prompt is page furniture: trafilatura keeps it, newsclean does not
    assert ours["body_precision"] > theirs["body_precision"]


def test_eval_table_lines_up_the_systems() -> None:
    scores = Scores(body_f1=0.9, body_docs=3, date_accuracy=0.75, date_docs=4)
    other = Scores(body_f1=0.8, body_docs=3, date_accuracy=0.5, date_docs=4)
    table = evaluate.format_table(
        {"newsclean": evaluate.SystemResult(scores, 1.0), "trafilatura": evaluate.SystemResult(other, 1.0)}, 3
    )
    assert "+0.1000" in table and "+0.2500" in table
    assert "headline accuracy" in table and "people F1" in table and "snippet F1" in table


def test_eval_json_has_a_row_per_page_and_system(cases_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    assert cli.main(["eval", str(cases_dir), "--json", str(out)]) == 0
    pages = json.loads(out.read_text())["pages"]
    assert [p["id"] for p in pages["newsclean"]] == ["case1", "case2"] == [p["id"] for p in pages["trafilatura"]]
    first = pages["newsclean"][0]
    assert first["title"] == "Ferry service resumes" and first["authors"] == ["Ann Lee"]
    assert first["scores"]["title_ok"] == 1.0 and first["scores"]["people_recall"] == 1.0


@pytest.mark.skipif(not WCXB.is_dir(), reason="../shared/data/wcxb-dev not present")
def test_eval_on_a_handful_of_wcxb_cases() -> None:
    cases = evaluate.load_cases(str(WCXB), limit=4)
    results = evaluate.evaluate(cases)
    assert set(results) == {"newsclean", "trafilatura"}
    assert results["newsclean"].scores.body_docs == 4
    assert results["newsclean"].scores.body_f1 > 0.8

"""The hostile corpus through the whole pipeline: nothing lost, nothing hangs, nothing fetched.

``tests/hostile/corpus.py`` generates about 75 kinds of bad input (binary files
named .html, gzip bombs, 50 MB single-line pages, HTML nested ten thousand deep,
broken JSONL, truncated WARC, text crafted to make the patterns backtrack, XXE
and linked resources ...) mixed with good documents, in every format. One
``newsclean run`` on the default runner must account for every document as
exactly one article or one reject with the expected stage and reason.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections import Counter

import pyarrow.parquet as pq
import pytest

from tests.conftest import REPO
from tests.hostile import corpus
from tests.hostile.server import ConnectionRecorder

STAGES = {"read", "decode", "extract", "clean", "fields"}
SECRET = "NEWSCLEAN-SECRET-7f3a9c"
RUN_TIMEOUT = 600  # a hung run fails here instead of hanging the suite


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("hostile")
    secret = root / "secret.txt"
    secret.write_text(SECRET + "\n")
    with ConnectionRecorder() as server:
        cases = corpus.build(root / "in", port=server.port, secret=secret)
        started = time.monotonic()
        completed = subprocess.run(
            [sys.executable, "-m", "newsclean.cli", "run", str(root / "in"), "--output", str(root / "out"),
             "--max-bytes", str(corpus.MAX_BYTES), "--max-seconds", str(corpus.MAX_SECONDS)],
            cwd=REPO, capture_output=True, text=True, timeout=RUN_TIMEOUT,
        )  # fmt: skip
        seconds = time.monotonic() - started
    for big in (root / "in").iterdir():  # 120 MB of input: do not leave it in pytest's kept temp folders
        if big.stat().st_size > 1_000_000:
            big.unlink()
    articles = pq.read_table(root / "out" / "articles").to_pylist()
    rejects = pq.read_table(root / "out" / "rejects").to_pylist()
    report = json.loads((root / "out" / "run.json").read_text()) if completed.returncode == 0 else {}
    yield {
        "cases": cases, "completed": completed, "seconds": seconds, "articles": articles, "rejects": rejects,
        "report": report, "folder": str(root / "in"), "connections": server.connections,
    }  # fmt: skip
    shutil.rmtree(root, ignore_errors=True)


def _outcomes(run: dict) -> dict[str, list[str]]:
    """source_uri relative to the input folder -> every outcome written for it."""
    found: dict[str, list[str]] = {}
    prefix = run["folder"].rstrip("/") + "/"
    for article in run["articles"]:
        found.setdefault(article["source_uri"].removeprefix(prefix), []).append(corpus.ARTICLE)
    for reject in run["rejects"]:
        found.setdefault(reject["source_uri"].removeprefix(prefix), []).append(f"{reject['stage']}/{reject['error']}")
    return found


def test_the_run_finishes_without_crashing(hostile_run: dict) -> None:
    completed = hostile_run["completed"]
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert not [r for r in hostile_run["rejects"] if r["error"].startswith("exception")]  # no unexpected errors


def test_every_reject_speaks_the_vocabulary(hostile_run: dict) -> None:
    from newsclean.transforms.vocabulary import RejectCode, Stage

    assert {r["stage"] for r in hostile_run["rejects"]} <= set(Stage)
    assert {r["error"] for r in hostile_run["rejects"]} <= set(RejectCode)


def test_corpus_is_as_hostile_as_promised(hostile_run: dict) -> None:
    cases = hostile_run["cases"]
    bad_kinds = {c.kind for c in cases if any(o != {corpus.ARTICLE} for o in c.expected.values())}
    assert len(bad_kinds) >= 40
    assert {"jsonl", "warc", "html", "txt"} <= {c.name.removesuffix(".gz").rsplit(".", 1)[-1] for c in cases}
    assert sum(1 for c in cases for o in c.expected.values() if o == {corpus.ARTICLE}) >= 40  # good documents


def test_every_document_is_exactly_one_article_or_one_reject(hostile_run: dict) -> None:
    found = _outcomes(hostile_run)
    expected = {
        c.name + suffix: allowed
        for c in hostile_run["cases"]
        for suffix, allowed in c.expected.items()
        if not any(o.startswith(corpus.SKIPPED) for o in allowed)
    }
    assert sorted(found) == sorted(expected)  # nothing lost, nothing invented
    wrong = {
        uri: (got, sorted(expected[uri])) for uri, got in found.items() if len(got) != 1 or got[0] not in expected[uri]
    }
    assert wrong == {}


def test_inputs_equal_articles_plus_rejects(hostile_run: dict) -> None:
    report = hostile_run["report"]
    expected_skipped = Counter(
        o.removeprefix(corpus.SKIPPED)
        for c in hostile_run["cases"]
        for allowed in c.expected.values()
        for o in allowed
        if o.startswith(corpus.SKIPPED)
    )
    documents = sum(len(c.expected) for c in hostile_run["cases"]) - sum(expected_skipped.values())
    assert report["inputs"] == report["articles"] + report["rejects"] + report["skipped"]
    assert report["articles"] + report["rejects"] == documents
    # every WARC opens with a warcinfo record, skipped too; nothing else is skipped
    skipped = Counter(report["skipped_by_kind"])
    assert set(skipped) <= set(expected_skipped) | {"warc/warcinfo"}
    assert all(skipped[kind] >= count for kind, count in expected_skipped.items())
    assert report["accounted"] is True and report["files"] == len(hostile_run["cases"])


def test_every_reject_names_its_stage_and_reason(hostile_run: dict) -> None:
    for reject in hostile_run["rejects"]:
        assert reject["stage"] in STAGES and reject["error"] and reject["message"], reject


def test_good_documents_in_bad_files_are_written_whole(hostile_run: dict) -> None:
    texts = "\n".join(a["text"] for a in hostile_run["articles"])
    found = _outcomes(hostile_run)
    # a page allowed to time out on a busy machine (an article or extract/timeout) carries its markers
    # only when it came out an article; which outcome is right is test_every_document_is_exactly_one_...
    late = {c.name for c in hostile_run["cases"] if any(
        corpus.ARTICLE in allowed and corpus.ARTICLE not in found.get(c.name + suffix, [corpus.ARTICLE])
        for suffix, allowed in c.expected.items()
    )}  # fmt: skip
    missing = [m for c in hostile_run["cases"] if c.name not in late for m in c.markers if m not in texts]
    assert missing == []


def test_nothing_hangs_past_the_time_limit(hostile_run: dict) -> None:
    timeouts = [r for r in hostile_run["rejects"] if r["error"] == "timeout"]
    assert any(r["source_uri"].endswith("/slow.html") for r in timeouts)
    assert all(f"longer than {corpus.MAX_SECONDS:g} s" in r["message"] for r in timeouts)
    # each late document costs the limit plus a worker restart, never the extraction's own 20 s and more
    assert hostile_run["seconds"] < RUN_TIMEOUT


def test_untrusted_html_fetches_nothing_and_reads_no_local_file(hostile_run: dict) -> None:
    assert hostile_run["connections"] == []
    for row in hostile_run["articles"] + hostile_run["rejects"]:
        dumped = json.dumps(row, default=str)
        assert SECRET not in dumped and "root:x:0:0" not in dumped


def test_summary(hostile_run: dict, capsys: pytest.CaptureFixture) -> None:
    """Not a check: the figures the issue asks to show (visible with ``pytest -s``)."""
    report, cases = hostile_run["report"], hostile_run["cases"]
    with capsys.disabled():
        print(
            f"\nhostile corpus: {len({c.kind for c in cases})} kinds in {len(cases)} files, "
            f"inputs {report['inputs']} = articles {report['articles']} + rejects {report['rejects']} "
            f"+ skipped {report['skipped']}, {hostile_run['seconds']:.1f} s wall"
        )
        print(
            "rejects by reason: "
            + ", ".join(f"{k} {v}" for k, v in sorted(Counter(report["rejects_by_reason"]).items()))
        )
        print("skipped by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(report["skipped_by_kind"].items())))

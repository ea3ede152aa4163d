"""End to end through Beam: a CC-NEWS-style WARC, a JSONL dump and broken files in one run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsclean import cli, report
from tests.warc_helpers import article_html, warc_bytes


@pytest.fixture(scope="module")
def run_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    inputs = tmp_path_factory.mktemp("inputs")
    records = [
        {"url": f"https://news.example/story-{i}", "body": article_html(f"Story {i}", f"https://x/{i}").encode()}
        for i in range(3)
    ]
    records.insert(1, {"url": "https://news.example/logo.png", "body": b"\x89PNG", "content_type": "image/png"})
    (inputs / "CC-NEWS-20250314.warc.gz").write_bytes(warc_bytes(records))
    truncated = warc_bytes(records)
    (inputs / "cut.warc.gz").write_bytes(truncated[: len(truncated) - 200])
    lines = [
        json.dumps({"id": "a1", "url": "https://wire.example/1", "title": "Wire one", "text": "A first story. " * 20}),
        '{"id": "a2", "url": "https://wire.example/2", "text": "unterminated',
        json.dumps({"id": "a3", "url": "https://wire.example/3", "html": article_html("Wire three", "https://w/3")}),
    ]
    (inputs / "dump.jsonl").write_text("\n".join(lines) + "\n")
    many = [
        json.dumps({"id": f"c{i}", "text": f"Story {i} of the day: " + f"{i * 7919} words " * 30}) for i in range(40)
    ]
    dump = gzip.compress(("\n".join(many) + "\n").encode())
    (inputs / "cut.jsonl.gz").write_bytes(dump[: int(len(dump) * 0.5)])
    (inputs / "README.md").write_text("not news")  # a folder's other files are not read
    output = tmp_path_factory.mktemp("out")
    code = cli.main(["run", str(inputs), "--output", str(output), "--quiet", "--runner=DirectRunner"])
    assert code == 0
    return output


def test_every_input_is_an_article_or_a_reject(run_output: Path) -> None:
    summary = json.loads((run_output / "run.json").read_text())
    assert summary["accounted"] is True
    assert summary["inputs"] == summary["articles"] + summary["rejects"] + summary["skipped"]
    # one warcinfo per WARC file, and the image response of each: not documents, counted
    assert summary["skipped_by_kind"] == {"warc/warcinfo": 2, "warc/response/image/png": 2}


def test_warc_records_keep_their_url_and_position(run_output: Path) -> None:
    articles = report.read_table(str(run_output), "articles").to_pylist()
    warc = sorted((a for a in articles if "CC-NEWS" in a["source_uri"]), key=lambda a: a["source_uri"])
    assert [a["source_uri"].rsplit("/", 1)[1] for a in warc] == [
        "CC-NEWS-20250314.warc.gz#2",
        "CC-NEWS-20250314.warc.gz#4",
        "CC-NEWS-20250314.warc.gz#5",
    ]
    assert [a["url"] for a in warc] == [f"https://news.example/story-{i}" for i in range(3)]
    assert all(a["source_format"] == "warc" for a in warc)
    # the page's date, never the WARC-Date (the fetch time, today)
    assert {str(a["published_date"]) for a in warc} == {"2025-03-14"}
    assert warc[0]["title"].startswith("Story 0") and warc[0]["authors"] == ["Jane Doe"]
    assert warc[0]["text"].startswith("The city council voted")


def test_jsonl_lines_and_broken_files(run_output: Path) -> None:
    articles = report.read_table(str(run_output), "articles").to_pylist()
    rejects = report.read_table(str(run_output), "rejects").to_pylist()
    dump = {a["source_uri"].rsplit("/", 1)[1]: a for a in articles if "dump.jsonl" in a["source_uri"]}
    assert set(dump) == {"dump.jsonl#1", "dump.jsonl#3"}
    assert dump["dump.jsonl#1"]["url"] == "https://wire.example/1" and dump["dump.jsonl#1"]["title"] == "Wire one"
    assert dump["dump.jsonl#1"]["source_id"] == "a1"
    assert dump["dump.jsonl#3"]["text"].startswith("The city council voted")
    reasons: dict[str, set[str]] = {}  # a file's rejects, in no particular order (a WARC gives several)
    for r in rejects:
        reasons.setdefault(r["source_uri"].rsplit("/", 1)[1].split("#")[0], set()).add(r["error"])
    assert reasons["dump.jsonl"] == {"bad_json"}
    assert reasons["cut.jsonl.gz"] == {"truncated_gzip"}
    assert reasons["cut.warc.gz"] & {"truncated_gzip", "truncated_record", "corrupt_warc"}
    assert "CC-NEWS-20250314.warc.gz" not in reasons  # its image record is skipped, not rejected
    # the good records before each cut were written
    assert sum("cut.jsonl.gz#" in a["source_uri"] for a in articles) >= 1
    assert sum("cut.warc.gz#" in a["source_uri"] for a in articles) >= 1


def test_counts_per_file(run_output: Path) -> None:
    articles = report.read_table(str(run_output), "articles").to_pylist()
    rejects = report.read_table(str(run_output), "rejects").to_pylist()

    def count(rows: list[dict], name: str) -> int:
        return sum(r["source_uri"].rsplit("/", 1)[1].split("#")[0] == name for r in rows)

    assert (count(articles, "CC-NEWS-20250314.warc.gz"), count(rejects, "CC-NEWS-20250314.warc.gz")) == (3, 0)
    assert (count(articles, "dump.jsonl"), count(rejects, "dump.jsonl")) == (2, 1)
    assert count(articles, "README.md") + count(rejects, "README.md") == 0
    summary = json.loads((run_output / "run.json").read_text())
    assert summary["files"] == 4

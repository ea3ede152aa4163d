"""End to end: files are read as their content says, whatever they are called; a folder's other files are named."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest

from newsclean import cli, report
from tests.warc_helpers import article_html, warc_bytes

STORY = "MOSCOW (AP) — The city council voted on Tuesday to approve the budget for the new tram line. " * 6


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, list[dict]]:
    inputs = tmp_path_factory.mktemp("inputs")
    (inputs / "page-without-extension").write_bytes(gzip.compress(article_html("No name", "https://e.com/n").encode()))
    (inputs / "page.php").write_text(article_html("A PHP page", "https://e.com/p"))
    news_please = {"maintext": STORY, "title": "Budget approved", "url": "https://e.com/np", "authors": ["Jane Doe"]}
    (inputs / "article.json").write_text(json.dumps(news_please, indent=2))
    dump = "".join(json.dumps({"text": f"{STORY} Story {i}.", "url": f"https://e.com/d{i}"}) + "\n" for i in range(3))
    (inputs / "dump.jsonl.bz2").write_bytes(bz2.compress(dump.encode()))
    pages = [
        {"url": f"https://e.com/w{i}", "body": article_html(f"Crawled {i}", "https://e.com/").encode()}
        for i in range(2)
    ]
    (inputs / "crawl.gz").write_bytes(warc_bytes(pages))  # a WARC, whatever the name says
    (inputs / "notes.md").write_text("# not news")
    (inputs / "table.csv").write_text("a,b\n1,2\n")
    named = tmp_path_factory.mktemp("named") / "story.csv"  # named on the command line: read, by content
    named.write_text(STORY)
    output = tmp_path_factory.mktemp("out")
    code = cli.main(["run", str(inputs), str(named), "--output", str(output), "--quiet", "--runner=DirectRunner"])
    assert code == 0
    summary = json.loads((output / "run.json").read_text())
    return inputs, summary, report.read_table(str(output), "articles").to_pylist()


def test_every_record_is_accounted_for(run) -> None:
    _, summary, _ = run
    assert summary["accounted"] is True and summary["rejects"] == 0
    assert summary["inputs"] == summary["articles"] + summary["skipped"]
    assert summary["skipped_by_kind"] == {"warc/warcinfo": 1}


def test_formats_come_from_the_content(run) -> None:
    _, _, articles = run
    by_name = {}
    for article in articles:
        by_name.setdefault(article["source_uri"].rsplit("/", 1)[1].split("#")[0], []).append(article)
    assert {name: len(rows) for name, rows in by_name.items()} == {
        "page-without-extension": 1, "page.php": 1, "article.json": 1, "dump.jsonl.bz2": 3, "crawl.gz": 2,
        "story.csv": 1,
    }  # fmt: skip
    formats = {name: {r["source_format"] for r in rows} for name, rows in by_name.items()}
    assert formats == {
        "page-without-extension": {"html"}, "page.php": {"html"}, "article.json": {"json"},
        "dump.jsonl.bz2": {"jsonl"}, "crawl.gz": {"warc"}, "story.csv": {"text"},
    }  # fmt: skip
    (article,) = by_name["article.json"]
    assert article["title"] == "Budget approved" and article["authors"] == ["Jane Doe"]
    assert article["url"] == "https://e.com/np" and article["text"].startswith("The city council voted")
    assert sorted(a["url"] for a in by_name["crawl.gz"]) == ["https://e.com/w0", "https://e.com/w1"]


def test_a_folders_other_files_are_listed_as_not_read(run) -> None:
    inputs, summary, _ = run
    assert summary["not_read"] == 2
    assert summary["not_read_files"] == [str(inputs / "notes.md"), str(inputs / "table.csv")]

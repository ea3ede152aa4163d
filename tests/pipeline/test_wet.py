"""A Common Crawl WET file and a wget-style WARC of resource records through the whole pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean import cli, report
from tests.transforms.reading.test_readers import wet_texts
from tests.warc_helpers import article_html, warc_bytes, wet_bytes


@pytest.fixture(scope="module")
def wet_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    inputs = tmp_path_factory.mktemp("wet")
    texts = wet_texts()
    wet = inputs / "CC-MAIN-20250314-00001.gz"  # read as a WET file by its content, not its name
    wet.write_bytes(wet_bytes(texts))
    output = tmp_path_factory.mktemp("out")
    code = cli.main(["run", str(wet), "--output", str(output), "--quiet", "--runner=DirectRunner"])
    assert code == 0
    return output, texts


def test_one_article_per_conversion_record(wet_run: tuple[Path, list[tuple[str, str]]]) -> None:
    output, texts = wet_run
    summary = json.loads((output / "run.json").read_text())
    articles = report.read_table(str(output), "articles").to_pylist()
    assert summary["articles"] == len(texts) and summary["rejects"] == 0
    assert summary["skipped"] == 1 and summary["skipped_by_kind"] == {"warc/warcinfo": 1}
    assert summary["inputs"] == summary["articles"] + summary["rejects"] + summary["skipped"]
    by_position = {a["source_uri"].rsplit("#", 1)[1]: a for a in articles}
    assert sorted(by_position, key=int) == [str(i + 2) for i in range(len(texts))]
    assert [by_position[str(i + 2)]["url"] for i in range(len(texts))] == [u for u, _ in texts]
    assert {a["source_format"] for a in articles} == {"warc"}


def test_resource_records_are_documents_only_with_the_option(tmp_path: Path) -> None:
    records = [
        {"url": f"https://site.example/{i}", "type": "resource", "body": article_html(f"Page {i}", "x").encode()}
        for i in range(2)
    ]
    records.append(
        {"url": "https://site.example/wget.log", "type": "resource", "body": b"log", "content_type": "text/plain"}
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc.gz").write_bytes(warc_bytes(records))
    summaries = []
    for extra in ([], ["--warc-records", "resource"]):
        out = tmp_path / f"out{len(extra)}"
        assert cli.main(["run", str(tmp_path / "in"), "--output", str(out), "--quiet", "--allow-empty", *extra]) == 0
        summaries.append(json.loads((out / "run.json").read_text()))
    assert (summaries[0]["articles"], summaries[0]["skipped_by_kind"]) == (0, {"warc/warcinfo": 1, "warc/resource": 3})
    assert summaries[1]["articles"] == 2
    assert summaries[1]["skipped_by_kind"] == {"warc/warcinfo": 1, "warc/resource/text/plain": 1}
    assert summaries[1]["options"]["warc_records"] == ["resource"]

"""``newsclean run`` end to end on fixture files, reading the Parquet back."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsclean.cli import main
from newsclean.schemas.arrow import ARTICLE_SCHEMA, REJECT_SCHEMA, SCHEMA_METADATA_KEY
from newsclean.schemas.records import SCHEMA_VERSION
from tests.conftest import SEED_000, SEED_003


def _run(inputs: list[str], out: Path, *extra: str) -> dict:
    assert main(["run", *inputs, "--output", str(out), "--quiet", *extra]) == 0
    return json.loads((out / "run.json").read_text())


@pytest.fixture(scope="module")
def mixed_run(tmp_path_factory) -> tuple[Path, dict]:
    """The seeds (one gzipped) beside an empty file, a binary file and invalid bytes."""
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copy(SEED_000, inputs / "seed000.txt")
    (inputs / "seed003.txt.gz").write_bytes(gzip.compress(SEED_003.read_bytes()))
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (inputs / "invalid.txt").write_bytes(bytes(range(0x80, 0xA0)) * 30 + b"\x01\x02")
    (inputs / "README.md").write_text("folder notes are not inputs")
    out = tmp_path_factory.mktemp("out")
    return out, _run([str(inputs)], out)


def test_every_input_is_accounted_for(mixed_run) -> None:
    _, report = mixed_run
    assert report["files"] == 5
    assert report["inputs"] == 5
    assert report["articles"] == 2 and report["rejects"] == 3
    assert report["inputs"] == report["articles"] + report["rejects"]
    assert report["accounted"] is True
    assert report["rejects_by_reason"] == {"decode/empty": 1, "decode/binary": 1, "decode/undecodable": 1}
    assert report["removed_by_rule"]["credit"] == 13
    assert report["encodings"] == {"utf-8": 2} and report["mojibake_repaired"] == 0
    assert report["seconds"] > 0
    # every stage that ran reports the time of its own code
    assert set(report["stage_seconds"]) == {"read", "clean", "source_boilerplate", "copies", "write"}
    for times in report["stage_seconds"].values():
        assert 0 <= times["cpu_seconds"] and 0 <= times["seconds"]


def test_the_report_counts_encodings_and_mojibake_repairs(tmp_path) -> None:
    from newsclean import report as report_module
    from newsclean.schemas.arrow import article_to_row
    from newsclean.schemas.records import Article
    from newsclean.transforms.beam.parquet_io import write_table

    kinds = [("utf-8", True), ("utf-8", False), ("gbk", False), ("windows-1252", True), ("utf-8", False)]
    articles = [Article(f"d{i}", f"f{i}", "text", encoding=e, encoding_repaired=r) for i, (e, r) in enumerate(kinds)]
    part = tmp_path / "articles" / "part-00000-of-00001.parquet"
    write_table(str(part), map(article_to_row, articles), ARTICLE_SCHEMA)
    report_module.ensure_outputs(str(tmp_path))
    from newsclean.transforms.beam.documents import NAMESPACE

    report = report_module.build_report(str(tmp_path), {f"{NAMESPACE}:inputs": 5}, 1.0, {})
    assert report["encodings"] == {"utf-8": 3, "gbk": 1, "windows-1252": 1}
    assert report["mojibake_repaired"] == 2
    summary = report_module.format_summary(report)
    assert "mojibake repaired" in summary and "articles by encoding" in summary


def test_summary_counts_a_batch_at_a_time_and_agrees_with_a_full_read(mixed_run, monkeypatch) -> None:
    from collections import Counter

    from newsclean import report as report_module

    out, report = mixed_run
    monkeypatch.setattr(report_module, "COUNT_BATCH_ROWS", 1)  # every row its own batch
    articles, removed, copies, rejects, reasons = report_module.output_counts(str(out))
    table = report_module.read_table(str(out), "articles")
    whole = Counter(r["rule"] for rules in table.column("removed").to_pylist() for r in rules or [])
    assert (articles, rejects) == (table.num_rows, report["rejects"]) == (2, 3)
    assert removed == whole and dict(removed.most_common()) == report["removed_by_rule"]
    assert dict(copies) == report["copies_by_kind"] and dict(reasons) == report["rejects_by_reason"]


def test_articles_parquet_follows_the_contract(mixed_run) -> None:
    out, _ = mixed_run
    files = sorted((out / "articles").glob("part-*.parquet"))
    assert files
    table = pq.read_table(files[0]).schema
    assert table.metadata[SCHEMA_METADATA_KEY] == SCHEMA_VERSION.encode()
    rows = {Path(r["source_uri"]).name: r for f in files for r in pq.read_table(f).to_pylist()}
    assert set(rows) == {"seed000.txt", "seed003.txt.gz"}
    assert pq.read_table(files[0]).schema.equals(ARTICLE_SCHEMA, check_metadata=False)
    seed0, seed3 = rows["seed000.txt"], rows["seed003.txt.gz"]
    assert seed0["published_date"] == dt.date(2025, 1, 17)
    assert seed0["agency"] == "Associated Press"
    assert seed0["contributors"] == [
        {"name": "Jon Gambrell", "location": "Dubai, United Arab Emirates"},
        {"name": "Amir Vahdat", "location": "Tehran"},
    ]
    assert "Credit: AP" not in seed0["text"]
    assert {"rule": "credit", "text": "Credit: AP Credit: AP"} in seed0["removed"]
    assert seed3["dateline"] == "MOSCOW" and seed3["published_date"] is None
    assert seed3["text"].startswith("Russian Head Of State Vladimir Putin")
    assert seed0["ingested_at"].tzinfo is not None


def test_rejects_parquet_names_stage_and_reason(mixed_run) -> None:
    out, _ = mixed_run
    table = pq.read_table(out / "rejects")
    assert table.schema.equals(REJECT_SCHEMA, check_metadata=False)
    rows = {Path(r["source_uri"]).name: r for r in table.to_pylist()}
    assert rows["image.txt"]["error"] == "binary"
    assert rows["image.txt"]["raw_prefix"].startswith("\\x89PNG")
    assert rows["invalid.txt"]["stage"] == "decode"
    assert all(r["message"] for r in rows.values())


def test_rerun_replaces_output_and_keeps_ids(mixed_run, tmp_path) -> None:
    out, _ = mixed_run
    ids_before = sorted(pq.read_table(out / "articles", columns=["doc_id"]).column("doc_id").to_pylist())
    rerun_out = tmp_path / "again"
    shutil.copytree(out, rerun_out)
    report = _run([str(SEED_000.parent / "*.txt")], rerun_out)
    assert report["articles"] == 2 and report["rejects"] == 0
    assert pq.read_table(rerun_out / "articles").num_rows == 2  # the old shards are gone
    assert len(ids_before) == 2


def test_missing_input_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["run", str(tmp_path / "nope.txt"), "--output", str(tmp_path / "out")]) == 2
    assert "no input matches" in capsys.readouterr().err


def test_beam_options_pass_through(tmp_path) -> None:
    report = _run([str(SEED_003)], tmp_path, "--runner", "DirectRunner", "--direct_num_workers", "1")
    assert report["articles"] == 1 and report["options"]["runner"] == "DirectRunner"


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "newsclean"
    assert script.exists(), "install the project (make test does) so the CLI exists"
    result = subprocess.run([str(script), "run", "--help"], capture_output=True, text=True, check=True)
    assert "--output" in result.stdout and "--runner" in result.stdout


def test_default_runner_never_tries_to_download_prism(monkeypatch, tmp_path) -> None:
    from apache_beam.runners.portability import prism_runner

    attempts: list[str] = []

    def record(self, *args, **kwargs):
        attempts.append("prism")
        raise RuntimeError("offline")

    monkeypatch.setattr(prism_runner.PrismRunner, "run_pipeline", record)
    for extra in ((), ("--runner", "DirectRunner")):
        assert _run([str(SEED_003)], tmp_path / str(len(extra)), *extra)["articles"] == 1
    assert attempts == []


def test_source_boilerplate_option(tmp_path) -> None:
    """A footer in 3 different stories of one folder goes with --boilerplate-min-docs 3, stays when off."""
    inputs = tmp_path / "site"
    inputs.mkdir()
    footer = "The Valley Courier is published by Valley Media Group and delivered every weekday morning."
    stories = [
        "The council approved the new bridge budget on Monday after a long and heated public debate.",
        "Teachers at the high school said the new schedule had given students more time for reading.",
        "The harbour authority reported record traffic this summer as cruise ships returned to the port.",
    ]
    for i, story in enumerate(stories):
        (inputs / f"{i}.txt").write_text(f"{story}\n\n{story.replace('the', 'a')}\n\n{footer}\n", encoding="utf-8")
    for mode, expected in (("on", 0), ("off", 3)):
        out = tmp_path / f"out-{mode}"
        report = _run([str(inputs)], out, "--boilerplate", mode, "--boilerplate-min-docs", "3")
        texts = pq.read_table(out / "articles").column("text").to_pylist()
        assert len(texts) == 3
        assert sum(footer in t for t in texts) == expected
        assert report["removed_by_rule"].get("recurring_in_source", 0) == 3 - expected
    assert main(["run", str(inputs), "--output", str(tmp_path / "x"), "--boilerplate-min-docs", "1"]) == 2

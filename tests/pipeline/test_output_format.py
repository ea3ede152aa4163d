"""``--output-format jsonl``: the same records as Parquet, one per line, readable by pandas and DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsclean import cli
from newsclean.report import read_table
from tests.conftest import SEED_000, SEED_003

COMPARED = ["text", "title", "authors", "agency", "dateline", "word_count", "duplicate_kind"]


@pytest.fixture(scope="module")
def jsonl_run(tmp_path_factory) -> Path:
    """The seeds run's inputs, written as JSONL."""
    tmp_path = tmp_path_factory.mktemp("jsonl")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEED_000.read_bytes())
    (folder / "b.txt").write_bytes(SEED_003.read_bytes())
    (folder / "c.txt").write_bytes(b"")
    output = tmp_path / "out"
    argv = ["run", str(folder), "--output", str(output), "--output-format", "jsonl", "--quiet"]
    assert cli.main([*argv, "--direct_num_workers", "1"]) == 0
    return output


def test_jsonl_output_round_trips_through_pandas_and_duckdb(jsonl_run: Path, seeds_run: Path) -> None:
    output = jsonl_run
    assert not list(output.rglob("*.parquet")) and list((output / "articles").glob("part-*.jsonl"))
    parquet = _by_file(pq.read_table(seeds_run / "articles").to_pandas())
    lines = [json.loads(line) for path in sorted((output / "articles").glob("*.jsonl")) for line in path.open()]
    names = pq.read_schema(next((seeds_run / "articles").glob("*.parquet"))).names
    assert [list(row) for row in lines] == [names, names]  # every column on every line, in order, nulls too

    frame = pd.concat(pd.read_json(p, lines=True, dtype=False) for p in (output / "articles").glob("*.jsonl"))
    frame = _by_file(frame)  # doc_id hashes the source path, which differs between the two runs
    assert list(frame["file"]) == list(parquet["file"]) == ["a.txt", "b.txt"]
    for column in COMPARED:
        assert [_plain(v) for v in frame[column]] == [_plain(v) for v in parquet[column]], column
    dates = [_plain(d) and str(d) for d in parquet["published_date"]]
    assert [_plain(d) for d in frame["published_date"]] == dates and dates[0] == "2025-01-17"

    query = f"SELECT source_uri, published_date, contributors FROM read_json('{output}/articles/*.jsonl')"
    rows = sorted(duckdb.sql(query).fetchall(), key=lambda row: row[0])
    assert [Path(row[0]).name for row in rows] == ["a.txt", "b.txt"]
    assert [row[1] for row in rows] == list(parquet["published_date"])  # a DATE, not a string
    assert [[c["name"] for c in row[2]] for row in rows] == [[c["name"] for c in cs] for cs in parquet["contributors"]]


def test_a_jsonl_output_is_read_back_with_the_record_schema(jsonl_run: Path, seeds_run: Path) -> None:
    output = jsonl_run
    for name in ("articles", "rejects"):
        assert read_table(str(output), name).schema.equals(read_table(str(seeds_run), name).schema)
    rejects = read_table(str(output), "rejects").to_pylist()
    expected = read_table(str(seeds_run), "rejects").to_pylist()
    assert [(r["stage"], r["error"], Path(r["source_uri"]).name) for r in rejects] == [
        (r["stage"], r["error"], Path(r["source_uri"]).name) for r in expected
    ] and len(rejects) == 1
    assert json.loads((output / "run.json").read_text())["articles"] == 2


def _by_file(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.assign(file=[Path(uri).name for uri in frame["source_uri"]])
    return frame.sort_values("file").reset_index(drop=True)


def _plain(value):
    if value is None or (isinstance(value, float) and value != value):
        return None
    return list(value) if hasattr(value, "__len__") and not isinstance(value, str) else value

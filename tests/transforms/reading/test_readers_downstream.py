"""The output reads in pandas and DuckDB with the contract's types."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def out(seeds_run):
    return seeds_run


def test_pandas(out) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(out / "articles")
    assert len(frame) == 2
    assert str(frame["ingested_at"].dtype) == "datetime64[us, UTC]"
    assert str(frame["word_count"].dtype) == "int32"
    row = frame[frame["published_date"].notna()].iloc[0]
    assert row["published_date"] == dt.date(2025, 1, 17)
    assert list(row["contributors"][0].keys()) == ["name", "location"]
    assert len(pd.read_parquet(out / "rejects")) == 1


def test_duckdb(out) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    rows = con.execute(f"DESCRIBE SELECT * FROM '{out}/articles/*.parquet'").fetchall()
    described = {name: kind for name, kind, *_ in rows}
    assert described["published_date"] == "DATE"
    assert described["published_at"] == "TIMESTAMP WITH TIME ZONE"
    assert described["word_count"] == "INTEGER"
    assert described["authors"] == "VARCHAR[]"
    assert described["contributors"] == 'STRUCT("name" VARCHAR, "location" VARCHAR)[]'
    assert described["removed"] == 'STRUCT("rule" VARCHAR, "text" VARCHAR)[]'
    [(count,)] = con.execute(
        f"SELECT count(*) FROM '{out}/articles/*.parquet' WHERE agency = 'Associated Press' "
        "AND list_contains(list_transform(contributors, lambda c: c.name), 'Amir Vahdat')"
    ).fetchall()
    assert count == 2

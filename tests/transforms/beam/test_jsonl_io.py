"""JSONL part files hold the record schema's values and read back as the same table."""

from __future__ import annotations

import datetime as dt
import io
import json

from newsclean.schemas.arrow import ARTICLE_SCHEMA, article_to_row
from newsclean.schemas.records import Article, Contributor, Removed
from newsclean.transforms.beam import jsonl_io


def _article(n: int, **changes) -> Article:
    values = dict(
        doc_id=f"d{n}", source_uri=f"in.jsonl#{n}", url=None, source_format="jsonl", title="Flood «warning»",
        text="Rain fell.\n\nRivers rose.", published_date=dt.date(2025, 1, 17),
        published_at=dt.datetime(2025, 1, 17, 9, 30, 1, 250, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        date_source="header", authors=["Jane Q. Public", "李明"], contributors=[Contributor("Ann Lee", None)],
        agency="AP", dateline="PARIS", language="en", word_count=4, removed=[Removed("credit", "Photo: AP")],
        content_hash="h", duplicate_of=None, duplicate_kind=None,
        ingested_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), source_id="s", encoding="utf-8", encoding_repaired=False,
    )  # fmt: skip
    values.update(changes)
    return Article(**values)


def test_rows_round_trip_with_every_type(tmp_path) -> None:
    rows = [
        article_to_row(_article(1)),
        article_to_row(_article(2, published_date=None, published_at=None, authors=[])),
    ]
    path = str(tmp_path / "part-00000-of-00001.jsonl")
    assert jsonl_io.write_jsonl(path, rows, ARTICLE_SCHEMA) == 2
    first = json.loads(open(path, encoding="utf-8").readline())
    assert first["published_at"] == "2025-01-17T07:30:01.000250Z" and first["published_date"] == "2025-01-17"
    assert first["authors"][1] == "李明" and list(first) == ARTICLE_SCHEMA.names
    with open(path, "rb") as handle:
        table = jsonl_io.read_jsonl(handle, ARTICLE_SCHEMA)
    assert table.schema.equals(ARTICLE_SCHEMA)
    assert table.to_pylist() == [ARTICLE_SCHEMA.empty_table().from_pylist([r], schema=ARTICLE_SCHEMA).to_pylist()[0]
                                 for r in rows]  # fmt: skip


def test_empty_files_and_column_choices() -> None:
    assert jsonl_io.read_jsonl(io.BytesIO(b""), ARTICLE_SCHEMA).num_rows == 0
    line = jsonl_io.json_line(article_to_row(_article(3)), ARTICLE_SCHEMA).encode() + b"\n"
    table = jsonl_io.read_jsonl(io.BytesIO(line * 3), ARTICLE_SCHEMA, ["doc_id", "published_date"])
    assert table.column_names == ["doc_id", "published_date"] and table.column("published_date")[2].as_py().day == 17

"""Records as JSON Lines (``--output-format jsonl``): one record per line, the Parquet schema's columns.

Dates are ISO days (``2025-01-17``), timestamps ISO 8601 in UTC, lists and structs as
JSON arrays and objects, missing values ``null``: what pandas (``read_json(lines=True)``),
DuckDB (``read_json``) and jq read without options. Reading back goes through the
record schema, so a JSONL output is counted, shown and compared as a Parquet one is.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.json as pj

from newsclean.transforms.beam import filesystem

SUFFIX = ".jsonl"
BLOCK_BYTES = 4 << 20  # what pyarrow parses at a time: a batch of a few thousand news records


def _value(value: Any) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC)
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a record value")


def json_line(row: dict, schema: pa.Schema) -> str:
    """One record row (``schemas.arrow.article_to_row``'s dict) as a JSON line in ``schema``'s column
    order, every column present (null when missing), without the newline."""
    ordered = {name: row.get(name) for name in schema.names}
    return json.dumps(ordered, ensure_ascii=False, default=_value, separators=(",", ":"))


def write_jsonl(path: str, rows: Iterable[dict], schema: pa.Schema) -> int:
    """Write ``rows`` to ``path`` through a temporary name, so no reader sees half a file; the row count."""
    temporary = f"{path}.tmp-{uuid.uuid4().hex}"
    count = 0
    with filesystem.create(temporary) as handle:
        for row in rows:
            handle.write(json_line(row, schema).encode("utf-8") + b"\n")
            count += 1
    if filesystem.exists(path):
        filesystem.delete([path])
    filesystem.rename([temporary], [path])
    return count


def _parse_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with dates read as strings: pyarrow's JSON reader parses timestamps, not days."""
    return pa.schema(
        [field.with_type(pa.string()) if pa.types.is_date(field.type) else field for field in schema],
        metadata=schema.metadata,
    )


def iter_batches(handle: BinaryIO, schema: pa.Schema, columns: list[str] | None = None) -> Iterator[pa.RecordBatch]:
    """The records of one JSONL file as batches of ``schema`` (only ``columns`` if given), streamed."""
    options = pj.ParseOptions(explicit_schema=_parse_schema(schema), unexpected_field_behavior="ignore")
    try:
        reader = pj.open_json(handle, read_options=pj.ReadOptions(block_size=BLOCK_BYTES), parse_options=options)
    except pa.ArrowInvalid as exc:
        if "Empty JSON" in str(exc):  # an empty part: no records
            return
        raise
    for batch in reader:
        table = pa.Table.from_batches([batch]).select(schema.names).cast(schema)
        if columns is not None:
            table = table.select(columns)
        yield from table.to_batches()


def read_jsonl(handle: BinaryIO, schema: pa.Schema, columns: list[str] | None = None) -> pa.Table:
    """One JSONL file as a table of ``schema`` (an empty file gives an empty table)."""
    wanted = schema if columns is None else pa.schema([schema.field(name) for name in columns])
    batches = list(iter_batches(handle, schema, columns))
    return pa.Table.from_batches(batches, schema=wanted) if batches else wanted.empty_table()

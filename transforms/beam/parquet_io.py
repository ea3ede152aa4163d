"""Writing record rows to Parquet files, whole files at a time, atomically.

Used by the sharded writer (for runners where Beam's ``WriteToParquet`` loses
data, see :class:`newsclean.transforms.beam.documents.WriteRecords`) and by anything that needs a
Parquet file with the contract's schema and metadata.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.transforms.beam import filesystem

COMPRESSION = "zstd"
ROW_GROUP_ROWS = 10_000  # ~50 MB of news text: big enough to compress well, small enough to stream


def shard_of(key: str, num_shards: int) -> int:
    """A stable shard for ``key``: the same on every run, process and runner."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % num_shards


def shard_name(directory: str, index: int, num_shards: int, suffix: str = ".parquet") -> str:
    return f"{directory.rstrip('/')}/part-{index:05d}-of-{num_shards:05d}{suffix}"


def write_table(path: str, rows: Iterable[dict], schema: pa.Schema) -> int:
    """Write ``rows`` to ``path`` through a temporary name, so no reader sees half a file.

    Returns the number of rows. Rewriting the same rows to the same path (a
    retried task) gives the same file.
    """
    table = pa.Table.from_pylist(list(rows), schema=schema)
    temporary = f"{path}.tmp-{uuid.uuid4().hex}"
    with filesystem.create(temporary) as handle:
        pq.write_table(table, handle, compression=COMPRESSION, row_group_size=ROW_GROUP_ROWS)
    if filesystem.exists(path):
        filesystem.delete([path])
    filesystem.rename([temporary], [path])
    return table.num_rows

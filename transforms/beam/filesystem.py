"""The one adapter between newsclean and Beam's file systems (local, gs://, s3:// ...).

Everything the Beam layer writes or reads besides its sources and sinks (staged
parts, copy profiles and pair blocks, Parquet shards) goes through here, so a
file-system choice or a retry policy has one place to live.
"""

from __future__ import annotations

from typing import BinaryIO

from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems


def create(path: str) -> BinaryIO:
    """A new file open for writing (replacing one of the same name), bytes as given."""
    return FileSystems.create(path, compression_type=CompressionTypes.UNCOMPRESSED)


def open_read(path: str) -> BinaryIO:
    """An existing file open for reading, bytes as stored (no decompression by extension)."""
    return FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED)


def exists(path: str) -> bool:
    return FileSystems.exists(path)


def delete(paths: list[str]) -> None:
    FileSystems.delete(paths)


def rename(sources: list[str], destinations: list[str]) -> None:
    FileSystems.rename(sources, destinations)


def match(pattern: str) -> list[str]:
    """The paths ``pattern`` matches (none when it matches nothing)."""
    found = FileSystems.match([pattern])[0].metadata_list
    return [m.path for m in found]

"""Corpus stages over staged Parquet parts: articles wait on disk, not in the runner's memory.

The corpus stages (source boilerplate, copies) need the whole corpus counted
before any article can be finished. Passed as a collection, every article would
wait in the runner between the stages (Beam's local runner keeps collections in
memory, so peak memory grows with the corpus). Here the articles are written
to Parquet parts under the run's staging folder as they are cleaned, only small
records (line hashes, copy profiles, part paths) cross the shuffles, and each
later stage streams the parts back::

    cleaned articles ─┬─ WriteParts ─ part paths ─ Reshuffle ─ ReadParts ─ finish ...
                      └─ small records ─ GroupByKey/Combine ─ side input ─┘

A part's path is emitted when the part is opened and the part is closed at the
end of the bundle; its readers run after a shuffle, so only once every writing
bundle has finished (and a failed bundle's paths are discarded with its output).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import apache_beam as beam
import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.schemas.arrow import ARTICLE_SCHEMA, article_to_row, row_to_article
from newsclean.schemas.records import Article
from newsclean.transforms.beam import filesystem
from newsclean.transforms.beam.parquet_io import COMPRESSION
from newsclean.transforms.beam.stagetime import calls_in, steps_in, timed_steps

PART_ROWS = 2000  # articles per staged part: a few MB, enough parts to spread over workers
BATCH_ROWS = 250  # rows buffered before they are appended to the open part


class _PartWriter:
    def __init__(self, path: str) -> None:
        self.path = path
        self._handle = filesystem.create(path)
        self._writer = pq.ParquetWriter(self._handle, ARTICLE_SCHEMA, compression=COMPRESSION)
        self._rows: list[dict] = []
        self.count = 0

    def add(self, article: Article) -> None:
        self._rows.append(article_to_row(article))
        self.count += 1
        if len(self._rows) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=ARTICLE_SCHEMA))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        self._handle.close()


class WritePartsDoFn(beam.DoFn):
    """Articles to staged Parquet parts under ``directory``; emits each part's path when it opens.

    ``stage`` names the corpus stage its time counts to (:mod:`newsclean.transforms.beam.stagetime`)."""

    def __init__(self, directory: str, part_rows: int = PART_ROWS, stage: str | None = None) -> None:
        self._directory = directory.rstrip("/")
        self._part_rows = part_rows
        self._writer: _PartWriter | None = None
        self.stage = stage

    def start_bundle(self) -> None:
        self._writer = None

    @steps_in()
    def process(self, article: Article) -> Iterator[str]:
        if self._writer is not None and self._writer.count >= self._part_rows:
            self._writer.close()
            self._writer = None
        if self._writer is None:
            self._writer = _PartWriter(f"{self._directory}/part-{uuid.uuid4().hex}.parquet")
            yield self._writer.path
        self._writer.add(article)

    @calls_in()
    def finish_bundle(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def read_part(path: str) -> Iterator[Article]:
    """The articles of one staged part, a batch of rows at a time."""
    with filesystem.open_read(path) as handle:
        for batch in pq.ParquetFile(handle).iter_batches(batch_size=BATCH_ROWS):
            for row in batch.to_pylist():
                yield row_to_article(row)


class StageArticles(beam.PTransform):
    """Articles to the paths of the staged parts that hold them, spread over workers for reading;
    the writing's time counts to ``stage``."""

    def __init__(self, directory: str, stage: str | None = None) -> None:
        super().__init__()
        self._directory = directory
        self._stage = stage

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        write = WritePartsDoFn(self._directory, stage=self._stage)
        return articles | "WriteParts" >> beam.ParDo(write) | "Spread" >> beam.Reshuffle()


class ReadParts(beam.PTransform):
    """Staged part paths to their articles (streamed); the reading's time counts to ``stage``."""

    def __init__(self, stage: str | None = None) -> None:
        super().__init__()
        self._stage = stage

    def expand(self, paths: beam.PCollection) -> beam.PCollection:
        return paths | "Read" >> beam.FlatMap(timed_steps(read_part, self._stage) if self._stage else read_part)

"""Thin Beam wrappers around the pure transforms.

Each DoFn calls one pure function and routes its result: records to the main
output, :class:`Reject` records to the ``rejects`` output. Counters use the
``newsclean`` namespace so the same figures show in any runner's UI and in
``run.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes, FileMetadata
from apache_beam.metrics import Metrics

from newsclean.schemas.arrow import ARTICLE_SCHEMA, REJECT_SCHEMA, article_to_row, reject_to_row
from newsclean.schemas.records import Article, RawDocument, Reject, Skipped
from newsclean.transforms.beam import jsonl_io
from newsclean.transforms.beam.parquet_io import shard_name, shard_of, write_table
from newsclean.transforms.beam.stagetime import CLEAN, READ, WRITE, steps_in, timed
from newsclean.transforms.reading.read import DEFAULT_MAX_BYTES, is_read_in_folder, read_documents
from newsclean.transforms.runtime.guard import DocumentGuard
from newsclean.transforms.runtime.limits import DEFAULT_MAX_RATIO, Limits
from newsclean.transforms.runtime.malloc import return_freed_memory
from newsclean.transforms.runtime.progress import ProgressWriter

if TYPE_CHECKING:  # the rules compile their patterns when imported: the driver need not (None: built-in)
    from newsclean.transforms.cleaning.rules import RuleSet

NAMESPACE = "newsclean"
ROW_GROUP_BYTES = 16 * 1024 * 1024  # what WriteToParquet buffers per open file before a row group
REMOVED_NAMESPACE = "newsclean.removed"


class Read(NamedTuple):
    """The outputs of :class:`ReadDocuments`: ``skipped`` holds the kinds (``warc/request`` ...) of
    the input records that are not documents, one string each."""

    documents: beam.PCollection
    rejects: beam.PCollection
    skipped: beam.PCollection


class Cleaned(NamedTuple):
    """The outputs of :class:`CleanDocuments`."""

    articles: beam.PCollection
    rejects: beam.PCollection


def split_rejects(pcoll: beam.PCollection, label: str) -> tuple[beam.PCollection, beam.PCollection]:
    """``(records, rejects)`` from a collection holding both.

    Two filters rather than a multi-output ParDo: Beam's DaskRunner routes tagged
    outputs of one ParDo to the wrong consumers (seen with Beam 2.77), while plain
    single-output steps work on every runner and fuse to one pass elsewhere.
    """
    records = pcoll | f"{label}Records" >> beam.Filter(lambda item: not isinstance(item, Reject))
    rejects = pcoll | f"{label}Rejects" >> beam.Filter(lambda item: isinstance(item, Reject))
    return records, rejects


def _with_time(reject: Reject) -> Reject:
    if reject.ingested_at is None:
        reject.ingested_at = dt.datetime.now(dt.UTC)
    return reject


class ReadFileDoFn(beam.DoFn):
    """A matched file to its raw documents; unreadable files to ``rejects``."""

    def __init__(
        self,
        source_format: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        jsonl_fields: dict[str, str] | None = None,
        max_ratio: float = DEFAULT_MAX_RATIO,
        warc_records: Iterable[str] = (),
    ) -> None:
        self._format = source_format
        self._max_bytes = max_bytes
        self._max_ratio = max_ratio
        self._jsonl_fields = dict(jsonl_fields or {})
        self._warc_records = tuple(warc_records)
        self._files = Metrics.counter(NAMESPACE, "files")
        self._inputs = Metrics.counter(NAMESPACE, "inputs")

    @steps_in(READ)
    def process(self, readable: fileio.ReadableFile) -> Iterator[RawDocument | Reject | Skipped]:
        uri = readable.metadata.path
        self._files.inc()
        try:
            stream = readable.open(compression_type=CompressionTypes.UNCOMPRESSED)
        except OSError as exc:
            self._inputs.inc()
            yield _with_time(Reject(uri, "read", "io_error", str(exc)))
            return
        with stream:
            items = read_documents(
                uri,
                stream,
                source_format=self._format,
                max_bytes=self._max_bytes,
                jsonl_fields=self._jsonl_fields,
                max_ratio=self._max_ratio,
                warc_records=self._warc_records,
            )
            for item in items:
                self._inputs.inc()
                yield _with_time(item) if isinstance(item, Reject) else item


FILES_PER_BATCH = 16  # small files read together after the shuffle: few elements, still spread
# A batch closes at this size, so large files travel alone, and pages (~250 KB of HTML)
# go four or so to a batch: the local runner deals batches to workers in turn, so many
# small batches even out a run's end (1,422 wcxb-dev pages: 355 batches, not 89).
BATCH_BYTES = 1024 * 1024


def file_batches(found: Iterable[FileMetadata]) -> Iterator[list[tuple[str, int, float]]]:
    """Matched files as batches of ``(path, size, last_updated)``: at most ``FILES_PER_BATCH``
    files and, unless one file is larger, ``BATCH_BYTES``."""
    batch: list[tuple[str, int, float]] = []
    size = 0
    for metadata in found:
        if batch and (len(batch) >= FILES_PER_BATCH or size + metadata.size_in_bytes > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append((metadata.path, metadata.size_in_bytes, metadata.last_updated_in_seconds))
        size += metadata.size_in_bytes
    if batch:
        yield batch


class ReadDocuments(beam.PTransform):
    """File patterns to raw documents (main output) and read rejects (``rejects``).

    ``Match → batches of files → Reshuffle → ReadMatches``: the Reshuffle spreads
    files over workers (without it a multi-process runner reads everything in one
    bundle); files travel in small batches (:func:`file_batches`) because the
    local runner keeps every shuffled element in memory, ~2 KB each, which
    mattered for folders of one small file per document.
    Patterns given as ``(pattern, True)`` keep only files with a known extension
    or none (:func:`~newsclean.transforms.reading.read.is_read_in_folder`; used for
    folders, so a README beside the data is not read as news); every file kept is
    read by its content.
    ``warc_records`` names WARC record types read as documents too when HTML (``resource``).
    """

    def __init__(
        self,
        source_format: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        jsonl_fields: dict[str, str] | None = None,
        max_ratio: float = DEFAULT_MAX_RATIO,
        warc_records: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self._format = source_format
        self._max_bytes = max_bytes
        self._max_ratio = max_ratio
        self._jsonl_fields = dict(jsonl_fields or {})
        self._warc_records = tuple(warc_records)

    def expand(self, patterns: beam.PCollection) -> Read:
        def match(item: tuple[str, bool]) -> Iterator[list[tuple[str, int, float]]]:
            pattern, filtered = item
            found = beam.io.filesystems.FileSystems.match([pattern])[0].metadata_list
            yield from file_batches(m for m in found if not filtered or is_read_in_folder(m.path))

        items = (
            patterns
            | "Match" >> beam.FlatMap(match)
            | "Spread" >> beam.Reshuffle()
            | "Files" >> beam.FlatMap(lambda batch: [FileMetadata(*entry) for entry in batch])
            | "ReadMatches" >> fileio.ReadMatches()
            | "ReadFiles"
            >> beam.ParDo(
                ReadFileDoFn(self._format, self._max_bytes, self._jsonl_fields, self._max_ratio, self._warc_records)
            )
        )
        kept = items | "NotSkipped" >> beam.Filter(lambda item: not isinstance(item, Skipped))
        skipped = (
            items
            | "Skipped" >> beam.Filter(lambda item: isinstance(item, Skipped))
            | "SkippedKinds" >> beam.Map(lambda item: item.kind)
        )
        return Read(*split_rejects(kept, "Read"), skipped)


class CleanDocumentDoFn(beam.DoFn):
    """Decode, clean and extract fields of one raw document (:func:`process_document`).

    Under ``limits`` (:mod:`newsclean.transforms.runtime.limits`); the per-document time limit runs
    documents in a child process that :class:`DocumentGuard` keeps per DoFn
    instance, started by the first document that needs it and stopped in ``teardown``.
    """

    def __init__(
        self, rules: RuleSet | None = None, progress_dir: str | None = None, limits: Limits | None = None
    ) -> None:
        self._rules = rules
        self._progress_dir = progress_dir
        self._progress: ProgressWriter | None = None
        self._limits = limits or Limits()
        self._guard: DocumentGuard | None = None
        self._articles = Metrics.counter(NAMESPACE, "articles")
        self._rejects = Metrics.counter(NAMESPACE, "rejects")
        self._removed: dict[str, object] = {}

    def _count_removed(self, article: Article) -> None:
        for removed in article.removed:
            counter = self._removed.get(removed.rule)
            if counter is None:
                counter = self._removed[removed.rule] = Metrics.counter(REMOVED_NAMESPACE, removed.rule)
            counter.inc()  # type: ignore[attr-defined]

    def setup(self) -> None:
        return_freed_memory()  # this worker and the guard's child (newsclean.transforms.runtime.malloc)
        self._progress = ProgressWriter(self._progress_dir)
        # The guard's child process starts with the first document that needs it (HTML, large
        # text): a run of small plain texts never pays its start-up or its memory.
        self._guard = DocumentGuard(self._limits, rules=self._rules)

    def teardown(self) -> None:
        if self._guard is not None:
            self._guard.close()
            self._guard = None

    def finish_bundle(self) -> None:
        if self._progress is not None:
            self._progress.flush()

    @steps_in(CLEAN)
    def process(self, raw: RawDocument) -> Iterator[Article | Reject]:
        if self._guard is None:  # a runner that skipped setup
            self.setup()
        assert self._guard is not None
        result = self._guard.process(raw)
        if self._progress is not None:
            self._progress.count(isinstance(result, Reject))
        if isinstance(result, Reject):
            self._rejects.inc()
            Metrics.counter(f"{NAMESPACE}.rejects", f"{result.stage}/{result.error}").inc()
            yield result
        else:
            self._articles.inc()
            self._count_removed(result)
            yield result


class CleanDocuments(beam.PTransform):
    """Raw documents to articles (main output) and rejects (``rejects``), under ``limits``."""

    def __init__(
        self, rules: RuleSet | None = None, progress_dir: str | None = None, limits: Limits | None = None
    ) -> None:
        super().__init__()
        self._rules = rules
        self._progress_dir = progress_dir
        self._limits = limits or Limits()

    def expand(self, documents: beam.PCollection) -> Cleaned:
        cleaned = documents | "Clean" >> beam.ParDo(CleanDocumentDoFn(self._rules, self._progress_dir, self._limits))
        return Cleaned(*split_rejects(cleaned, "Clean"))


class WriteRecords(beam.PTransform):
    """Articles and rejects to ``OUT/articles/part-*.parquet`` and ``OUT/rejects/part-*.parquet``.

    By default Beam's ``WriteToParquet``: each bundle streams into its own file, so
    memory stays flat however many records pass. ``sharded=True`` instead groups
    rows into ``num_shards`` stable shards and writes each shard whole from a plain
    ``process`` call: slower to start, but correct on runners that drop what a DoFn
    emits from ``finish_bundle`` (Beam 2.77's DaskRunner, where ``WriteToParquet``
    leaves empty files and temp folders behind).

    ``output_format="jsonl"`` writes ``part-*.jsonl`` instead, one record per line
    (:mod:`newsclean.transforms.beam.jsonl_io`), by the same two paths.
    """

    def __init__(
        self, output: str, num_shards: int = 0, *, sharded: bool = False, output_format: str = "parquet"
    ) -> None:
        super().__init__()
        if output_format not in OUTPUT_FORMATS:
            raise ValueError(f"output format {output_format!r}: one of {', '.join(OUTPUT_FORMATS)}")
        self._output = output.rstrip("/")
        self._num_shards = num_shards
        self._sharded = sharded
        self._jsonl = output_format == "jsonl"

    def expand(self, pcolls: tuple[beam.PCollection, beam.PCollection]) -> dict[str, beam.PCollection]:
        articles, rejects = pcolls
        written = {}
        for name, pcoll, to_row, schema, key in (
            ("articles", articles, article_to_row, ARTICLE_SCHEMA, "doc_id"),
            ("rejects", rejects, reject_to_row, REJECT_SCHEMA, "source_uri"),
        ):
            rows = pcoll | f"{name}ToRows" >> beam.Map(timed(to_row, WRITE))
            directory = f"{self._output}/{name}"
            if not self._sharded and self._jsonl:
                written[name] = (
                    rows
                    | f"{name.title()}ToJson" >> beam.Map(timed(jsonl_io.json_line, WRITE), schema)
                    | f"Write{name.title()}"
                    >> beam.io.WriteToText(
                        f"{directory}/part", file_name_suffix=jsonl_io.SUFFIX, num_shards=self._num_shards
                    )
                )
                continue
            if not self._sharded:
                written[name] = rows | f"Write{name.title()}" >> beam.io.WriteToParquet(
                    f"{directory}/part",
                    schema,
                    codec="zstd",
                    file_name_suffix=".parquet",
                    num_shards=self._num_shards,
                    # Beam buffers 64 MiB per open file before a row group is written; a
                    # quarter keeps workers lean and row groups still large for readers.
                    row_group_buffer_size=ROW_GROUP_BYTES,
                )
                continue
            shards = self._num_shards or DEFAULT_SHARDS

            def write(item, directory=directory, schema=schema, shards=shards, key=key, jsonl=self._jsonl):
                index, shard_rows = item
                ordered = sorted(shard_rows, key=lambda row: row[key] or "")
                if jsonl:
                    path = shard_name(directory, index, shards, jsonl_io.SUFFIX)
                    return path, jsonl_io.write_jsonl(path, ordered, schema)
                path = shard_name(directory, index, shards)
                return path, write_table(path, ordered, schema)

            written[name] = (
                rows
                | f"Shard{name.title()}" >> beam.Map(lambda row, key=key, n=shards: (shard_of(row[key] or "", n), row))
                | f"Group{name.title()}" >> beam.GroupByKey()
                | f"Write{name.title()}" >> beam.Map(timed(write, WRITE))
            )
        return written


DEFAULT_SHARDS = 4
OUTPUT_FORMATS = ("parquet", "jsonl")


COUNTS_FILE = "_inputs.count"
SKIPPED_FILE = "_skipped.json"  # {kind: count} of the input records that were not documents


class CountKindsInto(beam.PTransform):
    """Count strings by value and write ``{value: count}`` as JSON to ``path`` (``{}`` when none).

    Data, not runner metrics, for the reason :class:`CountInto` gives."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path

    def expand(self, pcoll: beam.PCollection) -> beam.PCollection:
        path = self._path

        def write(counts: dict[str, int]) -> int:
            import json

            with beam.io.filesystems.FileSystems.create(path) as handle:
                handle.write(json.dumps(dict(sorted(counts.items()))).encode())
            return sum(counts.values())

        return (
            pcoll
            | "Count" >> beam.combiners.Count.PerElement()
            | "Dict" >> beam.combiners.ToDict()
            | "Write" >> beam.Map(write)
        )


class CountInto(beam.PTransform):
    """Count the elements and write the number to ``path``.

    The count of inputs must not depend on runner metrics (the DaskRunner has
    none), so it is computed as data and read back by the report.
    """

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path

    def expand(self, pcoll: beam.PCollection) -> beam.PCollection:
        path = self._path

        def write(count: int) -> int:
            with beam.io.filesystems.FileSystems.create(path) as handle:
                handle.write(str(count).encode())
            return count

        return pcoll | "Count" >> beam.combiners.Count.Globally() | "Write" >> beam.Map(write)

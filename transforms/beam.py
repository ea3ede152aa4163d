"""Thin Beam wrappers around the pure transforms.

Each DoFn calls one pure function and routes its result: records to the main
output, :class:`Reject` records to the ``rejects`` output. Counters use the
``newsclean`` namespace so the same figures show in any runner's UI and in
``run.json``.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable, Iterator

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.metrics import Metrics
from apache_beam.pvalue import TaggedOutput

from schemas.arrow import ARTICLE_SCHEMA, REJECT_SCHEMA, article_to_row, reject_to_row
from schemas.records import Article, RawDocument, Reject
from transforms.document import process_document
from transforms.read import DEFAULT_MAX_BYTES, read_documents

NAMESPACE = "newsclean"
REMOVED_NAMESPACE = "newsclean.removed"
REJECTS = "rejects"


def _with_time(reject: Reject) -> Reject:
    if reject.ingested_at is None:
        reject.ingested_at = dt.datetime.now(dt.UTC)
    return reject


class ReadFileDoFn(beam.DoFn):
    """A matched file to its raw documents; unreadable files to ``rejects``."""

    def __init__(self, source_format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._format = source_format
        self._max_bytes = max_bytes
        self._files = Metrics.counter(NAMESPACE, "files")
        self._inputs = Metrics.counter(NAMESPACE, "inputs")

    def process(self, readable: fileio.ReadableFile) -> Iterator[RawDocument | TaggedOutput]:
        uri = readable.metadata.path
        self._files.inc()
        try:
            stream = readable.open(compression_type=CompressionTypes.UNCOMPRESSED)
        except OSError as exc:
            self._inputs.inc()
            yield TaggedOutput(REJECTS, _with_time(Reject(uri, "read", "io_error", str(exc))))
            return
        with stream:
            for item in read_documents(uri, stream, source_format=self._format, max_bytes=self._max_bytes):
                self._inputs.inc()
                if isinstance(item, Reject):
                    yield TaggedOutput(REJECTS, _with_time(item))
                else:
                    yield item


def _has_extension(path: str, extensions: frozenset[str]) -> bool:
    name = posixpath.basename(path.replace("\\", "/")).lower()
    if name.startswith("."):
        return False
    if name.endswith(".gz"):
        name = name[:-3]
    return any(name.endswith(ext) for ext in extensions)


class ReadDocuments(beam.PTransform):
    """File patterns to raw documents (main output) and read rejects (``rejects``).

    ``MatchAll → Reshuffle → ReadMatches``: the Reshuffle spreads files over
    workers, without it a multi-process runner reads everything in one bundle.
    Patterns given as ``(pattern, True)`` keep only files with a known extension
    (used for folders, so a README beside the data is not read as news).
    """

    def __init__(
        self,
        source_format: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        extensions: Iterable[str] = (".txt", ".text"),
    ) -> None:
        super().__init__()
        self._format = source_format
        self._max_bytes = max_bytes
        self._extensions = frozenset(extensions)

    def expand(self, patterns: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        extensions = self._extensions

        def wanted(item: tuple[fileio.FileMetadata, bool]) -> bool:
            metadata, filtered = item
            return not filtered or _has_extension(metadata.path, extensions)

        def match(item: tuple[str, bool]) -> Iterator[tuple[fileio.FileMetadata, bool]]:
            pattern, filtered = item
            for metadata in beam.io.filesystems.FileSystems.match([pattern])[0].metadata_list:
                yield metadata, filtered

        return (
            patterns
            | "Match" >> beam.FlatMap(match)
            | "KnownExtensions" >> beam.Filter(wanted)
            | "Metadata" >> beam.Map(lambda item: item[0])
            | "Spread" >> beam.Reshuffle()
            | "ReadMatches" >> fileio.ReadMatches()
            | "ReadFiles"
            >> beam.ParDo(ReadFileDoFn(self._format, self._max_bytes)).with_outputs(REJECTS, main="documents")
        )


class CleanDocumentDoFn(beam.DoFn):
    """Decode, clean and extract fields of one raw document (:func:`process_document`)."""

    def __init__(self) -> None:
        self._articles = Metrics.counter(NAMESPACE, "articles")
        self._rejects = Metrics.counter(NAMESPACE, "rejects")
        self._removed: dict[str, object] = {}

    def _count_removed(self, article: Article) -> None:
        for removed in article.removed:
            counter = self._removed.get(removed.rule)
            if counter is None:
                counter = self._removed[removed.rule] = Metrics.counter(REMOVED_NAMESPACE, removed.rule)
            counter.inc()  # type: ignore[attr-defined]

    def process(self, raw: RawDocument) -> Iterator[Article | TaggedOutput]:
        result = process_document(raw)
        if isinstance(result, Reject):
            self._rejects.inc()
            Metrics.counter(f"{NAMESPACE}.rejects", f"{result.stage}/{result.error}").inc()
            yield TaggedOutput(REJECTS, result)
        else:
            self._articles.inc()
            self._count_removed(result)
            yield result


class CleanDocuments(beam.PTransform):
    """Raw documents to articles (main output) and rejects (``rejects``)."""

    def expand(self, documents: beam.PCollection) -> beam.pvalue.DoOutputsTuple:
        return documents | "Clean" >> beam.ParDo(CleanDocumentDoFn()).with_outputs(REJECTS, main="articles")


class WriteRecords(beam.PTransform):
    """Articles and rejects to ``OUT/articles/part-*.parquet`` and ``OUT/rejects/part-*.parquet``."""

    def __init__(self, output: str, num_shards: int = 0) -> None:
        super().__init__()
        self._output = output.rstrip("/")
        self._num_shards = num_shards

    def expand(self, pcolls: tuple[beam.PCollection, beam.PCollection]) -> dict[str, beam.PCollection]:
        articles, rejects = pcolls
        written = {}
        for name, pcoll, to_row, schema in (
            ("articles", articles, article_to_row, ARTICLE_SCHEMA),
            ("rejects", rejects, reject_to_row, REJECT_SCHEMA),
        ):
            written[name] = (
                pcoll
                | f"{name}ToRows" >> beam.Map(to_row)
                | f"Write{name.title()}"
                >> beam.io.WriteToParquet(
                    f"{self._output}/{name}/part",
                    schema,
                    codec="zstd",
                    file_name_suffix=".parquet",
                    num_shards=self._num_shards,
                )
            )
        return written

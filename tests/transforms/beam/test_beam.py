"""The Beam layer: ReadDocuments and CleanDocuments under TestPipeline."""

from __future__ import annotations

import gzip

import apache_beam as beam
from apache_beam.io.filesystem import FileMetadata
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from newsclean.transforms.beam.documents import (
    BATCH_BYTES,
    FILES_PER_BATCH,
    CleanDocuments,
    ReadDocuments,
    file_batches,
)
from tests.conftest import SEED_000, SEED_003


def _pipeline() -> BeamTestPipeline:
    return BeamTestPipeline(runner="FnApiRunner")  # DirectRunner would first try to download Prism


def test_read_and_clean_a_folder(tmp_path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED_000.read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt.gz").write_bytes(gzip.compress(SEED_003.read_bytes()))
    (tmp_path / "notes.md").write_text("not news, skipped in a folder")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(SEED_000.read_bytes())[:400])
    with _pipeline() as p:
        read = p | beam.Create([(str(tmp_path / "**"), True)]) | ReadDocuments()
        cleaned = read.documents | CleanDocuments()
        assert_that(
            cleaned.articles | "Articles" >> beam.Map(lambda a: (a.source_uri.rsplit("/", 1)[-1], a.dateline)),
            equal_to([("a.txt", None), ("b.txt.gz", "MOSCOW")]),
            label="articles",
        )
        assert_that(
            cleaned.rejects | "CleanRejects" >> beam.Map(lambda r: (r.source_uri.rsplit("/", 1)[-1], r.stage, r.error)),
            equal_to([("empty.txt", "decode", "empty")]),
            label="clean_rejects",
        )
        assert_that(
            read.rejects | "ReadRejects" >> beam.Map(lambda r: (r.source_uri.rsplit("/", 1)[-1], r.stage, r.error)),
            equal_to([("broken.txt.gz", "read", "truncated_gzip")]),
            label="read_rejects",
        )


def test_files_travel_in_small_batches_and_large_files_alone() -> None:
    small = [FileMetadata(f"/in/{i}.txt", 5_000, 1.0) for i in range(2 * FILES_PER_BATCH + 3)]
    large = FileMetadata("/in/big.warc.gz", BATCH_BYTES + 1, 2.0)
    batches = list(file_batches([*small[:5], large, *small[5:]]))
    paths = [path for batch in batches for path, _, _ in batch]
    assert paths == [m.path for m in [*small[:5], large, *small[5:]]]  # every file once, in order
    assert [len(b) for b in batches] == [5, 1, FILES_PER_BATCH, FILES_PER_BATCH - 2]
    assert batches[1] == [("/in/big.warc.gz", BATCH_BYTES + 1, 2.0)]
    assert list(file_batches([])) == []


def test_a_folder_of_many_files_is_read_whole(tmp_path) -> None:
    count = 3 * FILES_PER_BATCH + 1
    for i in range(count):
        (tmp_path / f"doc{i:03d}.txt").write_text(f"Story number {i} about the harbour.\n\nIt rained on day {i}.")
    with _pipeline() as p:
        read = p | beam.Create([(str(tmp_path / "**"), True)]) | ReadDocuments()
        assert_that(
            read.documents | beam.Map(lambda d: d.source_uri.rsplit("/", 1)[-1]),
            equal_to([f"doc{i:03d}.txt" for i in range(count)]),
        )


def test_explicit_files_are_read_whatever_their_extension(tmp_path) -> None:
    path = tmp_path / "story.dat"
    path.write_bytes(SEED_003.read_bytes())
    with _pipeline() as p:
        read = p | beam.Create([(str(path), False)]) | ReadDocuments()
        cleaned = read.documents | CleanDocuments()
        assert_that(cleaned.articles | beam.Map(lambda a: a.dateline), equal_to(["MOSCOW"]))


def test_articles_travel_between_stages_compressed_and_whole() -> None:
    """Beam's fallback coder pickles records: an article must come back equal, in fewer bytes."""
    import dataclasses
    import pickle

    from apache_beam.coders import coders

    from newsclean.schemas.records import RawDocument
    from newsclean.transforms.document import process_document

    article = process_document(RawDocument(str(SEED_000), SEED_000.read_bytes()))
    article = dataclasses.replace(article, duplicate_of="x", duplicate_kind="near")
    coder = coders.FastPrimitivesCoder()
    encoded = coder.encode(article)
    assert coder.decode(encoded) == article
    plain = pickle.dumps(dataclasses.asdict(article))
    assert len(encoded) < 0.7 * len(plain)

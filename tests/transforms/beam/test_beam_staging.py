"""Corpus stages through staged Parquet parts give the same articles as through memory."""

from __future__ import annotations

import dataclasses
import datetime as dt

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from newsclean.schemas.arrow import article_to_row, row_to_article
from newsclean.schemas.records import Article, Contributor, Removed
from newsclean.transforms.beam.boilerplate import RemoveSourceBoilerplate
from newsclean.transforms.beam.copies import MarkCopies
from newsclean.transforms.beam.corpus import CorpusStages
from newsclean.transforms.beam.staging import WritePartsDoFn, read_part


def _article(i: int, text: str) -> Article:
    return Article(
        doc_id=f"d{i:03d}",
        source_uri=f"/data/site/{i}.txt",
        text=text,
        title=f"Title {i}",
        published_date=dt.date(2025, 1, 1 + i % 28),
        published_at=dt.datetime(2025, 1, 1 + i % 28, 12, 30, tzinfo=dt.UTC),
        authors=["Jane Doe", "John Roe"],
        contributors=[Contributor("Amir Vahdat", "Tehran")],
        removed=[Removed("credit", "Credit: AP")],
        word_count=len(text.split()),
        ingested_at=dt.datetime(2026, 11, 22, tzinfo=dt.UTC),
    )


FOOTER = "The Valley Courier is published by Valley Media Group, 12 Mill Street, every weekday morning."


def _corpus() -> list[Article]:
    stories = [
        f"Story {i}: the council met on day {i} to discuss project {i * 7} and its cost of {i * 13} thousand."
        for i in range(30)
    ]
    own = [
        _article(i, f"{stories[i]}\n\nResidents asked about plan {i}, member {i} answered.\n\n{FOOTER}")
        for i in range(30)
    ]
    copy = dataclasses.replace(own[3], doc_id="d900", source_uri="/data/site/900.txt")  # a copy in the folder
    return [*own, copy]


def test_rows_round_trip_to_the_same_article() -> None:
    for article in _corpus():
        assert row_to_article(article_to_row(article)) == article


def test_parts_hold_every_article_in_order(tmp_path) -> None:
    writer = WritePartsDoFn(str(tmp_path), part_rows=7)
    writer.start_bundle()
    corpus = _corpus()
    paths = [path for article in corpus for path in writer.process(article)]
    writer.finish_bundle()
    assert len(paths) == 5  # 31 articles, 7 to a part
    assert [a for path in paths for a in read_part(path)] == corpus


def _key(article: Article) -> tuple:
    return (
        article.doc_id,
        article.text,
        tuple(article.removed),
        article.duplicate_of,
        article.duplicate_kind,
        tuple(article.authors),
        article.published_at,
    )


def _compare(items: list[tuple[str, tuple]]) -> tuple[bool, int]:
    staged = sorted(k for tag, k in items if tag == "staged")
    memory = sorted(k for tag, k in items if tag == "memory")
    return staged == memory, len(staged)


def test_staged_and_in_memory_corpus_stages_agree(tmp_path) -> None:
    corpus = _corpus()
    with BeamTestPipeline(runner="FnApiRunner") as p:
        staged = (
            p
            | "Staged" >> beam.Create(corpus)
            | "StagedBoilerplate" >> RemoveSourceBoilerplate(min_docs=10, staging=str(tmp_path / "b"))
            | "StagedCopies" >> MarkCopies(staging=str(tmp_path / "c"))
        )
        memory = (
            p
            | "Memory" >> beam.Create(corpus)
            | "MemoryBoilerplate" >> RemoveSourceBoilerplate(min_docs=10)
            | "MemoryCopies" >> MarkCopies()
        )
        both = (
            staged | "TagStaged" >> beam.Map(lambda a: ("staged", _key(a))),
            memory | "TagMemory" >> beam.Map(lambda a: ("memory", _key(a))),
        ) | beam.Flatten()
        assert_that(both | beam.combiners.ToList() | beam.Map(_compare), equal_to([(True, len(corpus))]), label="agree")
        assert_that(
            staged | "Footer" >> beam.Map(lambda a: (a.doc_id, FOOTER in a.text, len(a.removed))),
            equal_to([(a.doc_id, False, 2) for a in corpus]),
            label="footer",
        )
        assert_that(
            staged
            | "Copies" >> beam.Filter(lambda a: a.duplicate_of is not None)
            | "Pairs" >> beam.Map(lambda a: (a.doc_id, a.duplicate_of, a.duplicate_kind)),
            equal_to([("d900", "d003", "exact")]),
            label="copy",
        )


def test_one_staging_for_both_corpus_stages_gives_the_same_articles(tmp_path) -> None:
    corpus = [
        *_corpus(),
        # a paragraph holding a line break: its keys are not its lines', so they are searched again
        _article(
            40,
            "Story 40: the mayor spoke to the council about the new bridge and its cost.\nShe took questions "
            f"from residents for an hour.\n\nA reply came on day 40, when the council voted on it.\n\n{FOOTER}",
        ),
        # a syndicated copy of story 5 whose recurring line is most of it: left whole
        _article(41, FOOTER),
    ]
    with BeamTestPipeline(runner="FnApiRunner") as p:
        one = p | "One" >> beam.Create(corpus) | "Corpus" >> CorpusStages(str(tmp_path / "corpus"), min_docs=10)
        two = (
            p
            | "Two" >> beam.Create(corpus)
            | "Boilerplate" >> RemoveSourceBoilerplate(min_docs=10, staging=str(tmp_path / "b"))
            | "Copies" >> MarkCopies(staging=str(tmp_path / "c"))
        )
        both = (
            one | "TagOne" >> beam.Map(lambda a: ("staged", _key(a))),
            two | "TagTwo" >> beam.Map(lambda a: ("memory", _key(a))),
        ) | beam.Flatten()
        assert_that(both | beam.combiners.ToList() | beam.Map(_compare), equal_to([(True, len(corpus))]))
        assert_that(
            one | "Footer" >> beam.Map(lambda a: (a.doc_id, FOOTER in a.text)),
            equal_to([(a.doc_id, a.doc_id == "d041") for a in corpus]),
            label="footer",
        )

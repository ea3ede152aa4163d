"""MarkCopies on Beam: same decisions as the in-memory reference, nothing dropped, and the CLI switch."""

from __future__ import annotations

import datetime as dt
import glob
import json
import os

import apache_beam as beam
import numpy as np
import pyarrow.parquet as pq
import pytest
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from newsclean import cli
from newsclean.transforms.beam.copies import ConnectedComponents, MarkCopies
from newsclean.transforms.beam.copy_paragraphs import travelling_rows
from newsclean.transforms.corpus.copies import components as cc
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.reference import Record, mark_copies
from tests.copies_helpers import ROOT, article, chain_trap, edited, seeds, summit

D = dt.date


def _articles():
    original, spun = seeds()
    return [
        article("o1", original.text, D(2025, 1, 17), "http://www.example.com/x?utm_medium=rss"),
        article("o2", original.text.replace("\n\n", "\n"), D(2025, 1, 17)),  # exact, same day: doc_id decides
        article("n1", edited(original.text), D(2025, 1, 18)),
        article("s1", spun.text, None),
        article("a", summit("a"), D(2025, 3, 1)),
        article("b", summit("b"), D(2025, 3, 1)),
        article("a-copy", summit("a"), D(2025, 3, 2)),
        # a capture of o1's page again, a line added: a recapture
        article("o1-again", original.text + "\n\nUpdated.", D(2025, 1, 17), "https://example.com/x"),
        # a short story, a copy carrying a paragraph of an unrelated brief, the brief and its copy
        *(
            article(name, text, D(2025, 4, 1))
            for name, text in zip(("t", "t-carrier", "brief"), chain_trap(), strict=True)
        ),
        article("brief-copy", chain_trap()[2].upper(), D(2025, 4, 2)),
    ]


def _pipeline() -> BeamTestPipeline:
    return BeamTestPipeline(runner="DirectRunner")


def _marks(pcoll):
    return pcoll | beam.Map(lambda a: (a.doc_id, a.duplicate_of, a.duplicate_kind))


@pytest.mark.parametrize("stored", [False, True], ids=["joined", "stored"])
def test_mark_copies_matches_the_reference_and_keeps_every_article(stored, tmp_path) -> None:
    articles = _articles()
    reference = mark_copies([Record(a.doc_id, a.text, a.content_hash, a.published_date, a.url) for a in articles])
    expected = [
        (
            a.doc_id,
            *(
                (reference[a.doc_id].duplicate_of, reference[a.doc_id].duplicate_kind)
                if a.doc_id in reference
                else (None, None)
            ),
        )
        for a in articles
    ]
    assert ("s1", "o1", "spun") in expected and ("a-copy", "a", "exact") in expected and ("b", None, None) in expected
    assert ("o1-again", "o1", "recapture") in expected and ("t-carrier", "t", "near") in expected
    assert ("brief", None, None) in expected and ("brief-copy", "brief", "exact") in expected
    with _pipeline() as p:
        out = p | beam.Create(articles) | MarkCopies(CopiesConfig(), staging=str(tmp_path) if stored else None)
        assert_that(_marks(out), equal_to(expected))
        assert_that(
            out | "Texts" >> beam.Map(lambda a: (a.doc_id, a.text)),
            equal_to([(a.doc_id, a.text) for a in articles]),
            label="texts kept",
        )


@pytest.mark.parametrize("stored", [False, True], ids=["joined", "stored"])
def test_content_hash_is_assigned_when_missing(stored, tmp_path) -> None:
    original, _ = seeds()
    bare = [article("x", original.text), article("y", original.text.upper())]
    for a in bare:
        a.content_hash = None
    with _pipeline() as p:
        out = p | beam.Create(bare) | MarkCopies(staging=str(tmp_path) if stored else None)
        assert_that(_marks(out), equal_to([("x", None, None), ("y", "x", "exact")]))


def test_connected_components_are_exact_with_any_number_of_rounds() -> None:
    chain = [(i, i + 1) for i in range(0, 40)] + [(100, 101), (101, 102), (205, 200)]
    expected = sorted(cc.components(chain).items())
    for rounds in (0, 1, 3):
        with _pipeline() as p:
            out = p | f"Edges{rounds}" >> beam.Create(chain) | f"CC{rounds}" >> ConnectedComponents(rounds)
            assert_that(out, equal_to(expected))


def test_cli_marks_the_seeds_and_copies_off_skips_the_stage(tmp_path) -> None:
    for switch, expected in (("on", ("spun", "000")), ("off", None)):
        out = tmp_path / switch
        assert (
            cli.main(["run", os.path.join(ROOT, "samples"), "--output", str(out), "--quiet", "--copies", switch]) == 0
        )
        rows = pq.read_table(glob.glob(str(out / "articles" / "*.parquet"))).to_pylist()
        with open(out / "run.json", encoding="utf-8") as handle:
            assert json.load(handle)["copies_by_kind"] == ({} if expected is None else {"spun": 1})
        by_name = {os.path.basename(r["source_uri"])[:3]: r for r in rows}
        assert set(by_name) == {"000", "003"}
        if expected is None:
            assert all(r["duplicate_of"] is None and r["duplicate_kind"] is None for r in rows)
        else:
            kind, canonical = expected
            assert by_name["003"]["duplicate_kind"] == kind
            assert by_name["003"]["duplicate_of"] == by_name[canonical]["doc_id"]
            assert by_name["000"]["duplicate_of"] is None


def test_travelling_rows_give_parts_to_candidate_groups_only():
    """A paragraph held in two groups travels; a group's own paragraph, or one only lone texts share, does not,
    and a lone text (no candidate group) gets no parts."""

    component = (np.array([1, 2, 3, 4], dtype=np.uint64), np.array([1, 1, 3, 3], dtype=np.uint64))
    rows = np.array(
        [
            (100, 1), (100, 2),  # held by group 1's two texts only: its own
            (200, 2), (200, 9),  # group 1 and lone text 9: travels, a part for group 1 only
            (300, 1), (300, 4), (300, 4),  # groups 1 and 3 (a row seen twice): a part for each
            (400, 8), (400, 9),  # lone texts only: nothing to decide
            (500, 3),  # held once
        ],
        dtype=np.uint64,
    )  # fmt: skip
    parts = travelling_rows(rows, component)
    assert sorted(parts) == [(1, ("travel", 200)), (1, ("travel", 300)), (3, ("travel", 300))]
    assert travelling_rows(rows, (np.zeros(0, np.uint64), np.zeros(0, np.uint64))) == []
    assert travelling_rows(np.zeros((0, 2), np.uint64), component) == []

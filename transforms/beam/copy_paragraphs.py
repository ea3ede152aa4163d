"""Paragraphs that travel between candidate groups: the Beam side of
:func:`newsclean.transforms.corpus.copies.reference.travelling`.

A long paragraph held by texts of two candidate groups belongs to one story and
was carried into another (a copy that adds a paragraph of an unrelated story):
the canonical choice reads it as added, not as one the original kept. A short
first or last line held by texts of two groups is a site's furniture (a
footer, a stock lede), looked up the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import apache_beam as beam
import numpy as np

from newsclean.transforms.beam.copy_rows import ArrayRows, shard_of
from newsclean.transforms.beam.stagetime import COPIES, timed, timed_steps
from newsclean.transforms.corpus.copies.canonical import paragraph_view
from newsclean.transforms.corpus.copies.features import Profile
from newsclean.transforms.corpus.copies.origin import indexed_paragraphs


def paragraph_rows(node: int, p: Profile) -> list[tuple[int, tuple[int, int]]]:
    """A text's long paragraphs and its first and last lines as ``(shard, (paragraph hash, node))`` rows."""
    return [(shard_of(h), (h, node)) for h in indexed_paragraphs(paragraph_view(p)).tolist()]


def shared_paragraph_holders(element: tuple[int, np.ndarray]) -> list[tuple[int, int]]:
    """One shard's ``(hash, node)`` rows to ``(node, hash)`` for the paragraphs two or more texts hold."""
    _, rows = element
    if not len(rows):
        return []
    rows = np.unique(rows, axis=0)
    hashes = rows[:, 0]
    many = np.flatnonzero(np.r_[hashes[1:] == hashes[:-1], False] | np.r_[False, hashes[1:] == hashes[:-1]])
    return [(node, h) for h, node in rows[many].tolist()]


def _paragraph_groups(element: tuple[int, dict[str, list]]) -> Iterator[tuple[int, int]]:
    """A text's shared paragraphs under its candidate group: ``(hash, group)``."""
    node, joined = element
    group = joined["component"][0] if joined["component"] else node
    for h in sorted(set(joined["paragraph"])):
        yield h, group


def _travelling(element: tuple[int, Iterable[int]]) -> Iterator[tuple[int, tuple[str, object]]]:
    """A paragraph held in two or more candidate groups, as a part of each group."""
    h, groups = element
    distinct = sorted(set(groups))
    if len(distinct) > 1:
        for group in distinct:
            yield group, ("travel", h)


class TravellingParagraphs(beam.PTransform):
    """``(node, Profile)`` texts and ``(node, component)`` ids to ``(group, ("travel", hash))``: each
    candidate group's long paragraphs and first or last lines that a text of another group holds too (see
    :func:`newsclean.transforms.corpus.copies.reference.travelling`). Hashes travel as numpy rows per shard;
    ``gathered``: the texts come as those rows already, ``(shard, (n, 2) array)`` (staged runs)."""

    def __init__(self, component: beam.PCollection, gathered: bool = False) -> None:
        super().__init__()
        self._component = component
        self._gathered = gathered  # texts come as their rows, already gathered per shard: (shard, array)

    def expand(self, texts: beam.PCollection) -> beam.PCollection:
        if not self._gathered:
            texts = texts | "ParagraphRows" >> beam.FlatMapTuple(timed(paragraph_rows, COPIES))
        holders = (
            texts
            | "ParagraphShards" >> beam.CombinePerKey(ArrayRows(2))
            | "SharedParagraphs" >> beam.FlatMap(timed(shared_paragraph_holders, COPIES))
        )
        return (
            {"paragraph": holders, "component": self._component}
            | "ParagraphJoin" >> beam.CoGroupByKey()
            | "ParagraphGroups" >> beam.FlatMap(timed_steps(_paragraph_groups, COPIES))
            | "ByParagraph" >> beam.GroupByKey()
            | "Travelling" >> beam.FlatMap(timed_steps(_travelling, COPIES))
        )

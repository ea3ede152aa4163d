"""Paragraphs that travel between candidate groups: the Beam side of
:func:`newsclean.transforms.corpus.copies.reference.travelling`.

A long paragraph held by texts of two candidate groups belongs to one story and
was carried into another (a copy that adds a paragraph of an unrelated story):
the canonical choice reads it as added, not as one the original kept. A short
first or last line held by texts of two groups is a site's furniture (a
footer, a stock lede), looked up the same way.

Each shard of paragraph hashes is read with the candidate groups' ids at hand (a side
input: only the texts with a copy candidate have one, and the copy stage already holds
every text's profile location that way), and only candidate groups get parts: a text
alone has nothing to decide. Joining the ids to every shared paragraph instead took
two shuffles of one element a paragraph, most of the copy stage's runner work on a
corpus whose texts share paragraphs.
"""

from __future__ import annotations

import apache_beam as beam
import numpy as np

from newsclean.transforms.beam.copy_rows import ArrayRows, shard_of
from newsclean.transforms.beam.stagetime import COPIES, calls_in, timed
from newsclean.transforms.corpus.copies.canonical import paragraph_view
from newsclean.transforms.corpus.copies.features import Profile
from newsclean.transforms.corpus.copies.origin import indexed_paragraphs


def paragraph_rows(node: int, p: Profile) -> list[tuple[int, tuple[int, int]]]:
    """A text's long paragraphs and its first and last lines as ``(shard, (paragraph hash, node))`` rows."""
    return [(shard_of(h), (h, node)) for h in indexed_paragraphs(paragraph_view(p)).tolist()]


def travelling_rows(rows: np.ndarray, component: tuple[np.ndarray, np.ndarray]) -> list[tuple[int, tuple[str, int]]]:
    """One shard's ``(paragraph hash, node)`` rows to ``(group, ("travel", hash))`` for each candidate
    group holding a paragraph that a text of another group holds too. ``component``: the nodes of the
    candidate groups, sorted, and each one's group; any other node is a group of its own, which has
    nothing to decide (one text), so it gets no parts, though the paragraphs it holds still travel."""
    if not len(rows):
        return []
    rows = np.unique(rows, axis=0)
    hashes, nodes = rows[:, 0], rows[:, 1]
    members, groups = component
    if not len(members):  # no candidate group: nothing to decide
        return []
    at = np.minimum(np.searchsorted(members, nodes), len(members) - 1)
    grouped = members[at] == nodes
    held = np.unique(np.column_stack([hashes, np.where(grouped, groups[at], nodes), grouped]), axis=0)
    hashes = held[:, 0]
    new_hash = np.r_[True, hashes[1:] != hashes[:-1]]
    starts = np.flatnonzero(new_hash)
    counts = np.diff(np.r_[starts, len(hashes)])
    many = np.repeat(counts > 1, counts)  # held by two or more groups
    keep = many & (held[:, 2] == 1)
    return [(group, ("travel", h)) for h, group in held[keep, :2].tolist()]


class _TravellingDoFn(beam.DoFn):
    """:func:`travelling_rows` of each shard, the candidate groups (a side input) as sorted arrays, built
    once per view."""

    def __init__(self) -> None:
        self._view: dict[int, int] | None = None
        self._arrays: tuple[np.ndarray, np.ndarray] = (np.zeros(0, np.uint64), np.zeros(0, np.uint64))

    @calls_in(COPIES)
    def process(self, element: tuple[int, np.ndarray], component: dict[int, int]) -> list[tuple[int, tuple]]:
        if component is not self._view:
            nodes = np.fromiter(component.keys(), dtype=np.uint64, count=len(component))
            groups = np.fromiter(component.values(), dtype=np.uint64, count=len(component))
            order = np.argsort(nodes)
            self._view, self._arrays = component, (nodes[order], groups[order])
        return travelling_rows(element[1], self._arrays)


class TravellingParagraphs(beam.PTransform):
    """``(node, Profile)`` texts and ``(node, component)`` ids (a side input) to ``(group, ("travel", hash))``:
    each candidate group's long paragraphs and first or last lines that a text of another group holds too (see
    :func:`newsclean.transforms.corpus.copies.reference.travelling`). Hashes travel as numpy rows per shard;
    ``gathered``: the texts come as those rows already, ``(shard, (n, 2) array)`` (staged runs)."""

    def __init__(self, component: beam.PCollection, gathered: bool = False) -> None:
        super().__init__()
        self._component = component
        self._gathered = gathered  # texts come as their rows, already gathered per shard: (shard, array)

    def expand(self, texts: beam.PCollection) -> beam.PCollection:
        if not self._gathered:
            texts = texts | "ParagraphRows" >> beam.FlatMapTuple(timed(paragraph_rows, COPIES))
        return (
            texts
            | "ParagraphShards" >> beam.CombinePerKey(ArrayRows(2))
            | "Travelling" >> beam.ParDo(_TravellingDoFn(), beam.pvalue.AsDict(self._component))
        )

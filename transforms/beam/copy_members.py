"""Which record stands for its text, and which records reach a candidate group: the copy stage's
bookkeeping of records (:mod:`.copies`), without a join of every record.

A text's representative profile is the smallest ``(case rank, doc_id)`` of its records, counted in the
same combine, so the texts two or more records hold (exact copies, each with something to decide)
come out of it too; a record then reaches its candidate group through side inputs of the few texts
that have one.
"""

from __future__ import annotations

from collections.abc import Iterable

import apache_beam as beam

from newsclean.transforms.beam.copy_store import Location
from newsclean.transforms.beam.stagetime import COPIES, timed
from newsclean.transforms.corpus.copies.canonical import Member


class _FirstAndCount(beam.CombineFn):
    """The smallest value and how many values there were: a text's representative ``(key, location)``
    (ordinary case, then the smallest ``doc_id``) and how many records hold the text."""

    def create_accumulator(self) -> tuple[object, int]:
        return None, 0

    def add_input(self, acc: tuple[object, int], value: object) -> tuple[object, int]:
        first, count = acc
        return (value if first is None or value < first else first), count + 1  # type: ignore[operator]

    def merge_accumulators(self, accs: Iterable[tuple[object, int]]) -> tuple[object, int]:
        accs = list(accs)
        firsts = [first for first, _ in accs if first is not None]
        return (min(firsts) if firsts else None), sum(count for _, count in accs)  # type: ignore[type-var]

    def extract_output(self, acc: tuple[object, int]) -> tuple[object, int]:
        return acc


def _take_location(node: int, chosen: tuple[tuple[tuple[int, str], Location], int]) -> tuple[int, Location]:
    return node, chosen[0][1]


def _held_twice(node: int, chosen: tuple[object, int]) -> list[tuple[int, int]]:
    return [(node, chosen[1])] if chosen[1] > 1 else []


class Representatives(beam.PTransform):
    """``(node, (key, location))`` of every record's stored profile to ``(node, location)`` of each
    text's representative (:func:`.reference.representative_key`: ordinary case, then the smallest
    ``doc_id``) and ``(node, records)`` of the texts two or more records hold (exact copies)."""

    def expand(self, chosen: beam.PCollection) -> tuple[beam.PCollection, beam.PCollection]:
        counted = chosen | "OneProfilePerText" >> beam.CombinePerKey(_FirstAndCount())
        return (
            counted | "Location" >> beam.MapTuple(timed(_take_location, COPIES)),
            counted | "HeldTwice" >> beam.FlatMapTuple(_held_twice),
        )


def member_parts(
    element: tuple[int, Member], component: dict[int, int], held_twice: dict[int, int]
) -> list[tuple[int, tuple[str, Member]]]:
    """A record as a part of its candidate group (its text's component, else its text when two or
    more records hold it); a record alone with its text has nothing to decide: no part."""
    node, member = element
    group = component.get(node)
    if group is None and node not in held_twice:
        return []
    return [(node if group is None else group, ("member", member))]

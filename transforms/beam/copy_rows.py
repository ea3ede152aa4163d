"""Rows of small integers gathered into numpy arrays per shard: what the copy stage shuffles instead
of a tuple per row (bucket keys, paragraph hashes)."""

from __future__ import annotations

from collections.abc import Iterable

import apache_beam as beam
import numpy as np

from newsclean.transforms.beam.stagetime import COPIES, calls_in

SHARDS = 64  # bucket keys and candidate pairs are gathered in this many numpy arrays


def shard_of(value: int) -> int:
    """A stable shard of a key or node (multiplicative hash: sampled keys have zero low bits)."""
    return ((value * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF) >> 58


class ArrayRows(beam.CombineFn):
    """Rows of ``columns`` non-negative ints into one ``(n, columns)`` uint64 array.

    Single rows are folded into an array every ``FOLD_AT`` rows, so a partial result
    costs 8 bytes a value wherever it waits (a tuple per row costs ten times that).
    A worker's partial results hold up to ``FOLD_AT`` pending rows for each of the
    ``SHARDS`` keys, so the threshold is kept small.
    """

    FOLD_AT = 2048

    def __init__(self, columns: int) -> None:
        self._columns = columns

    def _array(self, acc: tuple[list[np.ndarray], list[tuple[int, ...]]]) -> np.ndarray:
        folded, pending = acc
        parts = [*folded, np.array(pending, dtype=np.uint64).reshape(-1, self._columns)]
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def create_accumulator(self) -> tuple[list[np.ndarray], list[tuple[int, ...]]]:
        return [], []

    def add_input(self, acc, row: tuple[int, ...] | np.ndarray):
        """One row, or an ``(n, columns)`` array of rows."""
        folded, pending = acc
        if isinstance(row, np.ndarray):
            folded.append(row.reshape(-1, self._columns).astype(np.uint64, copy=False))
            return acc
        pending.append(row)
        if len(pending) >= self.FOLD_AT:
            folded.append(np.array(pending, dtype=np.uint64))
            return folded, []
        return acc

    @calls_in(COPIES)
    def compact(self, acc):
        return [self._array(acc)], []

    @calls_in(COPIES)
    def merge_accumulators(self, accs: Iterable):
        return [self._array(acc) for acc in accs], []

    @calls_in(COPIES)
    def extract_output(self, acc) -> np.ndarray:
        return self._array(acc)


def shards_of(values: np.ndarray) -> np.ndarray:
    """:func:`shard_of` of every value of a uint64 array (the product wraps as it does there)."""
    return (values * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(58)

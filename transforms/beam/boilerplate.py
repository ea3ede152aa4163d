"""The corpus boilerplate stage in Beam: two passes over the cleaned articles.

Pass 1 counts, per line of a source (a 64-bit hash), the distinct document
signatures it appears under, and keeps the lines at or above the threshold. The
count is one lifted global combine over numpy arrays of distinct
``(line, signature)`` pairs packed in 64 bits, at most ``min_docs`` a line
(:func:`cap_per_line`): each article gives one array of its pairs (one element,
not one per line, through the runner), each worker folds them, and the merge sees
a few arrays of 8 bytes a pair, never a dictionary entry per line.
Pass 2 removes the recurring lines from each article, with their hashes as a
side input (only lines that recur: small next to the corpus).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import apache_beam as beam
import numpy as np
from apache_beam.metrics import Metrics

from newsclean.schemas.records import Article
from newsclean.transforms.beam.documents import NAMESPACE, REMOVED_NAMESPACE
from newsclean.transforms.beam.stagetime import BOILERPLATE, calls_in, steps_in, timed
from newsclean.transforms.beam.staging import ReadParts, StageArticles
from newsclean.transforms.corpus import DEFAULT_MIN_DOCS
from newsclean.transforms.corpus.boilerplate import (
    RULE_RECURRING_IN_SOURCE,
    cap_per_line,
    pack_pairs,
    packed_occurrences,
    recurring_in_packed,
    remove_recurring,
)


class RecurringLines(beam.CombineFn):
    """``(line_hash, signature)`` pairs to the line hashes seen under ``min_docs`` distinct signatures.

    The accumulator is a sorted numpy array of distinct packed pairs (8 bytes
    each, :func:`pack_pairs`), at most ``min_docs`` a line, plus a short list of
    articles' arrays not yet folded in and their rows, so a worker's partial count
    and the merge of all of them stay small arrays, not one dictionary entry per line.
    """

    FOLD_AT = 50_000

    def __init__(self, min_docs: int) -> None:
        self._min_docs = min_docs

    def create_accumulator(self) -> tuple[np.ndarray, list[np.ndarray], int]:
        return np.zeros(0, dtype=np.uint64), [], 0

    def add_input(self, acc, pairs: np.ndarray | tuple[int, int]):
        """``pairs``: an article's packed pairs (:func:`packed_occurrences`), or one ``(line, signature)``."""
        folded, pending, rows = acc
        packed = pairs if isinstance(pairs, np.ndarray) else pack_pairs([pairs])
        pending.append(packed)
        rows += len(packed)
        if rows >= self.FOLD_AT:
            return self._fold(folded, pending), [], 0
        return folded, pending, rows

    @calls_in(BOILERPLATE)
    def _fold(self, folded: np.ndarray, pending: list[np.ndarray], rows: int = 0) -> np.ndarray:
        if not pending:
            return folded
        return cap_per_line(np.concatenate([folded, *pending]), self._min_docs)

    def compact(self, acc):
        return self._fold(*acc), [], 0

    @calls_in(BOILERPLATE)
    def merge_accumulators(self, accs: Iterable):
        arrays = [self._fold(*acc) for acc in accs]
        merged = cap_per_line(np.concatenate(arrays), self._min_docs) if arrays else np.zeros(0, dtype=np.uint64)
        return merged, [], 0

    @calls_in(BOILERPLATE)
    def extract_output(self, acc) -> frozenset[int]:
        return recurring_in_packed(self._fold(*acc), self._min_docs)


class RemoveRecurringDoFn(beam.DoFn):
    """Pass 2: strip the recurring lines of the article's source (:func:`remove_recurring`)."""

    def __init__(self) -> None:
        self._touched = Metrics.counter(NAMESPACE, "articles_with_source_boilerplate")
        self._removed = Metrics.counter(REMOVED_NAMESPACE, RULE_RECURRING_IN_SOURCE)

    @steps_in(BOILERPLATE)
    def process(self, article: Article, recurring: frozenset[int]) -> Iterator[Article]:
        cleaned = remove_recurring(article, recurring)
        removed = len(cleaned.removed) - len(article.removed)
        if removed:
            self._touched.inc()
            self._removed.inc(removed)
        yield cleaned


class RemoveSourceBoilerplate(beam.PTransform):
    """Articles to articles without lines that recur in ``min_docs`` different documents of their source.

    With ``staging`` (a folder), the articles wait for the count in staged
    Parquet parts there (:mod:`newsclean.transforms.beam.staging`), not in the runner.
    """

    def __init__(self, min_docs: int = DEFAULT_MIN_DOCS, staging: str | None = None) -> None:
        super().__init__()
        if min_docs < 2:
            raise ValueError("min_docs must be at least 2: every line occurs in one document")
        self._min_docs = min_docs
        self._staging = staging

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        recurring = (
            articles
            | "LineOccurrences" >> beam.Map(timed(packed_occurrences, BOILERPLATE))
            | "RecurringLines" >> beam.CombineGlobally(RecurringLines(self._min_docs))
        )
        if self._staging:
            staged = articles | "Stage" >> StageArticles(self._staging, BOILERPLATE)
            articles = staged | "ReadBack" >> ReadParts(BOILERPLATE)
        return articles | "RemoveRecurring" >> beam.ParDo(RemoveRecurringDoFn(), beam.pvalue.AsSingleton(recurring))

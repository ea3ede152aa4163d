"""The corpus boilerplate stage in Beam: two passes over the cleaned articles.

Pass 1 counts, per line of a source (a 64-bit hash), the distinct document
signatures it appears under, and keeps the lines at or above the threshold. The
count is a lifted combine whose accumulators hold at most ``min_docs``
signatures, so workers pre-aggregate and only small integers cross the shuffle.
Pass 2 removes the recurring lines from each article, with their hashes as a
side input (only lines that recur: small next to the corpus).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas.records import Article
from transforms.beam import NAMESPACE, REMOVED_NAMESPACE
from transforms.beam_staging import ReadParts, StageArticles
from transforms.boilerplate import DEFAULT_MIN_DOCS, RULE_RECURRING_IN_SOURCE, line_occurrences, remove_recurring


class DistinctAtLeast(beam.CombineFn):
    """Whether at least ``n`` distinct values were seen; keeps at most ``n`` of them.

    A capped set only drops values once it holds ``n``, so the union of capped
    sets reaches ``n`` exactly when the union of the full sets does.
    """

    def __init__(self, n: int) -> None:
        self._n = n

    def create_accumulator(self) -> set[int]:
        return set()

    def add_input(self, acc: set[int], value: int) -> set[int]:
        if len(acc) < self._n:
            acc.add(value)
        return acc

    def merge_accumulators(self, accs: Iterable[set[int]]) -> set[int]:
        merged: set[int] = set()
        for acc in accs:
            if len(merged) >= self._n:
                break
            merged |= acc
        return merged

    def extract_output(self, acc: set[int]) -> bool:
        return len(acc) >= self._n


class RemoveRecurringDoFn(beam.DoFn):
    """Pass 2: strip the recurring lines of the article's source (:func:`remove_recurring`)."""

    def __init__(self) -> None:
        self._touched = Metrics.counter(NAMESPACE, "articles_with_source_boilerplate")
        self._removed = Metrics.counter(REMOVED_NAMESPACE, RULE_RECURRING_IN_SOURCE)
        self._recurring: frozenset[int] | None = None
        self._seen: object = None

    def process(self, article: Article, recurring: Iterable[int]) -> Iterator[Article]:
        if self._recurring is None or self._seen is not recurring:  # one set per side-input value
            self._recurring, self._seen = frozenset(recurring), recurring
        cleaned = remove_recurring(article, self._recurring)
        removed = len(cleaned.removed) - len(article.removed)
        if removed:
            self._touched.inc()
            self._removed.inc(removed)
        yield cleaned


class RemoveSourceBoilerplate(beam.PTransform):
    """Articles to articles without lines that recur in ``min_docs`` different documents of their source.

    With ``staging`` (a folder), the articles wait for the count in staged
    Parquet parts there (:mod:`transforms.beam_staging`), not in the runner.
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
            | "LineOccurrences" >> beam.FlatMap(line_occurrences)
            | "CountSignatures" >> beam.CombinePerKey(DistinctAtLeast(self._min_docs))
            | "Recurring" >> beam.Filter(lambda item: item[1])
            | "Lines" >> beam.Keys()
        )
        if self._staging:
            articles = articles | "Stage" >> StageArticles(self._staging) | "ReadBack" >> ReadParts()
        return articles | "RemoveRecurring" >> beam.ParDo(RemoveRecurringDoFn(), beam.pvalue.AsList(recurring))

"""The corpus boilerplate stage in Beam: two passes over the cleaned articles.

Pass 1 counts, per source and normalised line, the distinct document signatures
the line appears under and keeps the lines at or above the threshold. Pass 2
removes them from each article, with that per-source set as a side input (it
holds only lines that recur, so it stays small next to the corpus).
"""

from __future__ import annotations

from collections.abc import Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas.records import Article
from transforms.beam import NAMESPACE, REMOVED_NAMESPACE
from transforms.boilerplate import (
    DEFAULT_MIN_DOCS,
    RULE_RECURRING_IN_SOURCE,
    line_occurrences,
    remove_recurring,
    source_of,
)


class RemoveRecurringDoFn(beam.DoFn):
    """Pass 2: strip the article's source's recurring lines (:func:`remove_recurring`)."""

    def __init__(self) -> None:
        self._touched = Metrics.counter(NAMESPACE, "articles_with_source_boilerplate")
        self._removed = Metrics.counter(REMOVED_NAMESPACE, RULE_RECURRING_IN_SOURCE)

    def process(self, article: Article, recurring: dict[str, frozenset[str]]) -> Iterator[Article]:
        cleaned = remove_recurring(article, recurring.get(source_of(article), frozenset()))
        removed = len(cleaned.removed) - len(article.removed)
        if removed:
            self._touched.inc()
            self._removed.inc(removed)
        yield cleaned


class RemoveSourceBoilerplate(beam.PTransform):
    """Articles to articles without lines that recur in ``min_docs`` different documents of their source."""

    def __init__(self, min_docs: int = DEFAULT_MIN_DOCS) -> None:
        super().__init__()
        if min_docs < 2:
            raise ValueError("min_docs must be at least 2: every line occurs in one document")
        self._min_docs = min_docs

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        min_docs = self._min_docs
        recurring = (
            articles
            | "LineOccurrences" >> beam.FlatMap(line_occurrences)
            | "OncePerSignature" >> beam.Distinct()
            | "SourceLine" >> beam.Map(lambda item: item[0])
            | "CountSignatures" >> beam.combiners.Count.PerElement()
            | "Recurring" >> beam.Filter(lambda item: item[1] >= min_docs)
            | "BySource" >> beam.Map(lambda item: item[0])
            | "GroupBySource" >> beam.GroupByKey()
            | "AsSets" >> beam.MapTuple(lambda source, keys: (source, frozenset(keys)))
        )
        return articles | "RemoveRecurring" >> beam.ParDo(RemoveRecurringDoFn(), beam.pvalue.AsDict(recurring))

"""Both corpus stages (source boilerplate, then copies) over one staging of the articles.

Run one after the other (:class:`~newsclean.transforms.beam.boilerplate.RemoveSourceBoilerplate`
then :class:`~newsclean.transforms.beam.copies.MarkCopies`), the stages stage every article twice,
and each article's paragraphs are searched for words three times (to count its lines, to remove
them, to profile it). Here each article is staged once, in the cleaning's pass, beside the count
of its lines; one pass over the staged parts profiles it, and a last one writes it::

    cleaned articles ─┬─ (line, signature) pairs ─ CombineGlobally ─ recurring lines ──┐
                      └─ stage (Parquet parts) ─ part paths ─┬─ Reshuffle ─ profile ─┤─ entries ─ copy graph ─┐
                                                             │                       └─ changed doc ids ──────┤
                                                             └─ Reshuffle ─ finish: lines removed, copies marked

The profile's tokens give the article's paragraph keys too (:func:`holds_recurring`): an article
holding none of its source's recurring lines (nearly all) is profiled as it is, the others lose
their lines first (:func:`remove_recurring`) and their doc ids go to ``finish`` (a side input:
few), which removes the lines again from those articles only. The records out are those of the
two stages run one after the other.

Staged runs only (the local runner, Dataflow ...): it relies on ``finish_bundle`` closing files.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

import apache_beam as beam
from apache_beam.metrics import Metrics

from newsclean.schemas.records import Article
from newsclean.transforms.beam.boilerplate import RecurringLines
from newsclean.transforms.beam.copies import (
    _apply_decision,
    _FilePerBundleDoFn,
    decisions_from_locations,
    with_content_hash,
)
from newsclean.transforms.beam.copy_members import Representatives
from newsclean.transforms.beam.copy_store import Location, ProfileFile
from newsclean.transforms.beam.documents import NAMESPACE, REMOVED_NAMESPACE
from newsclean.transforms.beam.stagetime import BOILERPLATE, COPIES, calls_in, timed
from newsclean.transforms.beam.staging import ReadParts, WritePartsDoFn
from newsclean.transforms.corpus import DEFAULT_MIN_DOCS
from newsclean.transforms.corpus.boilerplate import (
    RULE_RECURRING_IN_SOURCE,
    holds_recurring,
    packed_occurrences,
    remove_recurring,
)
from newsclean.transforms.corpus.copies.canonical import Member
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Tokens, case_rank, node_id, profile_of, tokenise
from newsclean.transforms.corpus.urls import normalise_url


class Entry(NamedTuple):
    """What the copy stage needs of one article: its text's node and stored profile, and its record."""

    node: int
    key: tuple[int, str]  # (case rank, doc_id): which record stands for a text
    location: Location
    member: Member


class _ProfileDoFn(_FilePerBundleDoFn):
    """A staged article to its :class:`Entry`, the profile of its text without its source's
    recurring lines appended to one file per bundle; the doc ids of the articles that lose lines
    go to the ``changed`` output."""

    PREFIX = "profiles"
    CHANGED = "changed"

    def _open(self, path: str) -> ProfileFile:
        return ProfileFile(path)

    def process(self, article: Article, recurring: frozenset[int]) -> Iterator:
        tokens = _tokens(article)
        if _holds(article, tokens.keys, recurring):
            cleaned = _remove(article, recurring)
            if cleaned is not article:
                yield beam.pvalue.TaggedOutput(self.CHANGED, article.doc_id)
                article, tokens = cleaned, _tokens(cleaned)
        yield self._entry(article, tokens)

    @calls_in(COPIES)
    def _entry(self, article: Article, tokens: Tokens) -> Entry:
        config = self._config
        article = with_content_hash(article)
        p = profile_of(tokens, article.content_hash, config.near_shingle, config.spun_shingle)
        node = node_id(article.content_hash)
        member = Member(article.doc_id, node, article.published_date, normalise_url(article.url))
        return Entry(node, (case_rank(article.text), article.doc_id), self._current().add(p), member)  # type: ignore[arg-type]


def _tokenise(article: Article) -> Tokens:
    return tokenise(article.text)


_tokens = timed(_tokenise, COPIES)
_holds = timed(holds_recurring, BOILERPLATE)
_remove = timed(remove_recurring, BOILERPLATE)


class _FinishDoFn(beam.DoFn):
    """A staged article to its record out: its source's recurring lines removed when they change it
    (``changed``), then its copy decision written."""

    def __init__(self) -> None:
        self._touched = Metrics.counter(NAMESPACE, "articles_with_source_boilerplate")
        self._removed = Metrics.counter(REMOVED_NAMESPACE, RULE_RECURRING_IN_SOURCE)

    def process(self, article: Article, recurring: frozenset[int], changed: set[str], decisions: dict) -> Iterator:
        if article.doc_id in changed:
            cleaned = _remove(article, recurring)
            self._touched.inc()
            self._removed.inc(len(cleaned.removed) - len(article.removed))
            article = cleaned
        yield _mark(_content_hash(article), decisions)


_content_hash = timed(with_content_hash, COPIES)
_mark = timed(_apply_decision, COPIES)


def _by_node(entry: Entry) -> tuple[int, tuple[tuple[int, str], Location]]:
    return entry.node, (entry.key, entry.location)


def _member_of(entry: Entry) -> tuple[int, Member]:
    return entry.node, entry.member


class CorpusStages(beam.PTransform):
    """Articles to the same articles without their sources' recurring lines and with copies marked:
    what ``RemoveSourceBoilerplate(min_docs) | MarkCopies(config)`` give, over one staging folder."""

    def __init__(self, staging: str, min_docs: int = DEFAULT_MIN_DOCS, config: CopiesConfig | None = None) -> None:
        super().__init__()
        if min_docs < 2:
            raise ValueError("min_docs must be at least 2: every line occurs in one document")
        self._staging = staging.rstrip("/")
        self._min_docs = min_docs
        self._config = config or CopiesConfig()

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        config = self._config
        recurring = beam.pvalue.AsSingleton(
            articles
            | "LineOccurrences" >> beam.Map(timed(packed_occurrences, BOILERPLATE))
            | "RecurringLines" >> beam.CombineGlobally(RecurringLines(self._min_docs))
        )
        written = articles | "Stage" >> beam.ParDo(WritePartsDoFn(f"{self._staging}/articles", stage=BOILERPLATE))
        # The two passes over the parts leave from two shuffles of their paths: from one, the runner
        # would fuse them into one stage, and the last pass, which waits for the decisions the
        # first one leads to, would then take every article through the runner.
        profiled = (
            written
            | "SpreadToProfile" >> beam.Reshuffle()
            | "Read" >> ReadParts(COPIES)
            | "Profile"
            >> beam.ParDo(_ProfileDoFn(f"{self._staging}/profiles", config), recurring).with_outputs(
                _ProfileDoFn.CHANGED, main="entries"
            )
        )
        changed = beam.pvalue.AsSingleton(profiled[_ProfileDoFn.CHANGED] | "Changed" >> beam.combiners.ToSet())
        entries = profiled.entries
        locations, held_twice = (
            entries | "ByNode" >> beam.Map(timed(_by_node, COPIES)) | "Representatives" >> Representatives()
        )
        members = entries | "Members" >> beam.Map(timed(_member_of, COPIES))
        decisions = beam.pvalue.AsDict(decisions_from_locations(locations, held_twice, members, config, self._staging))
        return (
            written
            | "SpreadToFinish" >> beam.Reshuffle()
            | "ReadBack" >> ReadParts(COPIES)
            | "Finish" >> beam.ParDo(_FinishDoFn(), recurring, changed, decisions)
        )

"""``MarkCopies``: the Beam composite of the copy stage (exact, near and spun copies).

A thin wiring of the pure steps in :mod:`transforms.copies`; the in-memory
:func:`transforms.copies.reference.mark_copies` gives the same decisions and is
what the tests compare against. The graph, one GroupByKey per line::

    articles ─ profile each distinct text (one record per content_hash: ordinary case, then min doc_id)
      near LSH bands ─GBK─ bucket pairs ┐
      sampled immutables ─GBK─ pairs ─count─ >= spun_min_keys ┴─ Distinct
      candidate pairs ─CoGBK(profile a)─CoGBK(profile b)─ verify ─ edges
      edges ─ cc_rounds x (large-star GBK, small-star GBK) ─ labels GBK ─ residual (usually empty) ─ component ids
      (node: records, profile, component) ─CoGBK─ GBK by component ─ canonical + kinds
      articles + decisions (side input: copies only) ─ duplicate_of, duplicate_kind

Nothing materialises all pairs: buckets propose pairs only among their
members, large buckets only among sorted neighbours. Nothing depends on
element order or process state: keys are stable hashes, every choice is a min
or a sort, so every runner gives the same output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics

from schemas.records import Article
from transforms.beam_staging import ReadParts, StageArticles
from transforms.copies import components as cc
from transforms.copies.canonical import Decision, Member, resolve
from transforms.copies.config import CopiesConfig
from transforms.copies.features import Profile, case_rank, node_id, profile
from transforms.copies.keys import bucket_pairs, near_keys, spun_bucket_pairs, spun_keys
from transforms.copies.verify import copy_kind, score
from transforms.fingerprint import content_hash

NAMESPACE = "newsclean.copies"


def with_content_hash(article: Article) -> Article:
    """The article with ``content_hash`` set (cleaning sets it; other sources may not)."""
    if article.content_hash:
        return article
    return dataclasses.replace(article, content_hash=content_hash(article.text))


def _representative(values: Iterable[tuple[tuple[int, str], Profile]]) -> tuple[tuple[int, str], Profile]:
    """The profile of the record that stands for a text (see ``reference.representative_key``)."""
    return min(values, key=lambda v: v[0])


class _VerifyDoFn(beam.DoFn):
    """Second half of the pair join: both profiles in hand, keep the pairs that are copies."""

    def __init__(self, config: CopiesConfig) -> None:
        self._config = config
        self._kept = {k: Metrics.counter(NAMESPACE, f"edges_{k}") for k in ("near", "spun")}
        self._checked = Metrics.counter(NAMESPACE, "candidate_pairs")

    def process(self, element: tuple[int, dict[str, list]]) -> Iterator[cc.Edge]:
        node_b, joined = element
        profiles_b = joined["profile"]
        if not profiles_b:
            return
        profile_b = profiles_b[0]
        for node_a, profile_a in joined["left"]:
            self._checked.inc()
            kind = copy_kind(score(profile_a, profile_b), self._config)
            if kind is not None:
                self._kept[kind].inc()
                yield (node_a, node_b)


def _attach_left_profile(element: tuple[int, dict[str, list]]) -> Iterator[tuple[int, tuple[int, Profile]]]:
    node_a, joined = element
    if joined["profile"]:
        profile_a = joined["profile"][0]
        for node_b in sorted(set(joined["pairs"])):
            yield node_b, (node_a, profile_a)


class _ResolveResidual(beam.CombineFn):
    """All residual edges to one union-find: label -> component id (empty once the rounds converged)."""

    def create_accumulator(self) -> list[cc.Edge]:
        return []

    def add_input(self, acc: list[cc.Edge], edge: cc.Edge) -> list[cc.Edge]:
        acc.append(edge)
        return acc

    def merge_accumulators(self, accs: Iterable[list[cc.Edge]]) -> list[cc.Edge]:
        return [edge for acc in accs for edge in acc]

    def extract_output(self, acc: list[cc.Edge]) -> dict[int, int]:
        return cc.resolve_residual(sorted(acc))


def _residual_edges(element: tuple[tuple[int, int], Iterable[int]]) -> Iterator[cc.Edge]:
    _, labels = element
    distinct = sorted(set(labels))
    for other in distinct[1:]:
        Metrics.counter(NAMESPACE, "cc_residual_edges").inc()
        yield distinct[0], other


def _edge_labels(element: tuple[int, Iterable[int]]) -> Iterator[tuple[tuple[int, int], int]]:
    node, neighbours = element
    around = set(neighbours)
    mine = cc.label(node, around)
    for other in around:
        yield (min(node, other), max(node, other)), mine


class ConnectedComponents(beam.PTransform):
    """Undirected edges ``(a, b)`` to ``(node, component)``: the component's smallest node.

    ``rounds`` large-star + small-star rounds, then the exact finishing step
    of :mod:`transforms.copies.components` (correct for any ``rounds``).
    """

    def __init__(self, rounds: int) -> None:
        super().__init__()
        self._rounds = rounds

    def expand(self, edges: beam.PCollection) -> beam.PCollection:
        for r in range(self._rounds):
            edges = (
                edges
                | f"LargeStarOut{r}" >> beam.FlatMap(cc.both_ways)
                | f"LargeStarGroup{r}" >> beam.GroupByKey()
                | f"LargeStar{r}" >> beam.FlatMapTuple(cc.large_star)
                | f"SmallStarKey{r}" >> beam.Map(cc.larger_first)
                | f"SmallStarGroup{r}" >> beam.GroupByKey()
                | f"SmallStar{r}" >> beam.FlatMapTuple(cc.small_star)
            )
        grouped = edges | "LabelOut" >> beam.FlatMap(cc.both_ways) | "LabelGroup" >> beam.GroupByKey()
        labels = grouped | "Label" >> beam.MapTuple(lambda node, around: (node, cc.label(node, around)))
        moves = (
            grouped
            | "EdgeLabels" >> beam.FlatMap(_edge_labels)
            | "EdgeLabelGroup" >> beam.GroupByKey()
            | "Residual" >> beam.FlatMap(_residual_edges)
            | "ResolveResidual" >> beam.CombineGlobally(_ResolveResidual())
        )
        return labels | "Component" >> beam.Map(_move_label, moved=beam.pvalue.AsSingleton(moves))


def _move_label(node_label: tuple[int, int], moved: dict[int, int]) -> tuple[int, int]:
    node, lab = node_label
    return node, moved.get(lab, lab)


def _cluster_parts(element: tuple[int, dict[str, list]]) -> Iterator[tuple[int, tuple[str, object]]]:
    """Per text: its records and profile, under its component id (texts alone with one record: none)."""
    node, joined = element
    members = sorted(set(joined["members"]), key=lambda m: m.doc_id)
    component = joined["component"][0] if joined["component"] else None
    if component is None and len(members) < 2:
        return
    key = node if component is None else component
    for member in members:
        yield key, ("member", member)
    if joined["profile"]:
        yield key, ("profile", joined["profile"][0])


class _ResolveDoFn(beam.DoFn):
    def __init__(self, config: CopiesConfig) -> None:
        self._config = config
        self._clusters = Metrics.counter(NAMESPACE, "clusters")
        self._kinds = {k: Metrics.counter(NAMESPACE, f"duplicates_{k}") for k in ("exact", "near", "spun")}
        self._largest = Metrics.distribution(NAMESPACE, "cluster_size")

    def process(self, element: tuple[int, Iterable[tuple[str, object]]]) -> Iterator[tuple[str, Decision]]:
        _, parts = element
        members: list[Member] = []
        profiles: dict[int, Profile] = {}
        for tag, value in parts:
            if tag == "member":
                members.append(value)  # type: ignore[arg-type]
            else:
                profiles[value.node] = value  # type: ignore[union-attr]
        _, decisions = resolve(members, profiles, self._config)
        self._clusters.inc()
        self._largest.update(len(members))
        for decision in decisions:
            self._kinds[decision.duplicate_kind].inc()
            yield decision.doc_id, decision


def _apply_decision(article: Article, decisions: dict[str, Decision]) -> Article:
    decision = decisions.get(article.doc_id)
    if decision is None:
        return article
    return dataclasses.replace(article, duplicate_of=decision.duplicate_of, duplicate_kind=decision.duplicate_kind)


class MarkCopies(beam.PTransform):
    """Articles in, the same articles out, copies marked with ``duplicate_of`` and ``duplicate_kind``.

    Nothing is dropped. See :mod:`transforms.copies.canonical` for the rule
    that picks each cluster's canonical record.
    """

    def __init__(self, config: CopiesConfig | None = None, staging: str | None = None) -> None:
        super().__init__()
        self._config = config or CopiesConfig()
        self._staging = staging  # a folder: articles wait there, not in the runner (transforms.beam_staging)

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        config = self._config
        articles = articles | "ContentHash" >> beam.Map(with_content_hash)
        profiles = (
            articles
            | "Profile"
            >> beam.Map(
                lambda a: (
                    a.content_hash,
                    (
                        (case_rank(a.text), a.doc_id),
                        profile(a.text, a.content_hash, config.near_shingle, config.spun_shingle),
                    ),
                )
            )
            | "OneProfilePerText" >> beam.CombinePerKey(_representative)
            | "ByNode" >> beam.MapTuple(lambda _hash, chosen: (chosen[1].node, chosen[1]))
        )
        near_pairs = (
            profiles
            | "NearKeys" >> beam.FlatMapTuple(lambda node, p: [(key, node) for key in near_keys(p, config)])
            | "NearBuckets" >> beam.GroupByKey()
            | "NearPairs" >> beam.FlatMapTuple(lambda _key, nodes: bucket_pairs(nodes, config))
        )
        spun_pairs = (
            profiles
            | "SpunKeys" >> beam.FlatMapTuple(lambda node, p: [(key, node) for key in spun_keys(p, config)])
            | "SpunBuckets" >> beam.GroupByKey()
            | "SpunPairs"
            >> beam.FlatMapTuple(lambda _key, nodes: ((pair, 1) for pair in spun_bucket_pairs(nodes, config)))
            | "SharedKeys" >> beam.CombinePerKey(sum)
            | "EnoughShared" >> beam.Filter(lambda kv: kv[1] >= config.spun_min_keys)
            | "SpunCandidates" >> beam.Keys()
        )
        candidates = (near_pairs, spun_pairs) | "AllCandidates" >> beam.Flatten() | "DistinctPairs" >> beam.Distinct()
        left = {"pairs": candidates, "profile": profiles} | "JoinA" >> beam.CoGroupByKey()
        edges = (
            {"left": left | "WithA" >> beam.FlatMap(_attach_left_profile), "profile": profiles}
            | "JoinB" >> beam.CoGroupByKey()
            | "Verify" >> beam.ParDo(_VerifyDoFn(config))
        )
        component = edges | "Components" >> ConnectedComponents(config.cc_rounds)
        members = articles | "Members" >> beam.Map(
            lambda a: (node_id(a.content_hash), Member(a.doc_id, node_id(a.content_hash), a.published_date))
        )
        decisions = (
            {"members": members, "component": component, "profile": profiles}
            | "JoinClusters" >> beam.CoGroupByKey()
            | "ClusterParts" >> beam.FlatMap(_cluster_parts)
            | "Clusters" >> beam.GroupByKey()
            | "Resolve" >> beam.ParDo(_ResolveDoFn(config))
        )
        # Decisions exist only for copies, so they travel as a side input and the
        # articles themselves never cross a shuffle.
        if self._staging:
            articles = articles | "Stage" >> StageArticles(self._staging) | "ReadBack" >> ReadParts()
        return articles | "Mark" >> beam.Map(_apply_decision, beam.pvalue.AsDict(decisions))

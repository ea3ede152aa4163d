"""``MarkCopies``: the Beam composite of the copy stage (exact, near and spun copies).

A thin wiring of the pure steps in :mod:`newsclean.transforms.corpus.copies`; the in-memory
:func:`newsclean.transforms.corpus.copies.reference.mark_copies` gives the same decisions and is
what the tests compare against. Staged runs (the local runner, Dataflow, ...)
keep profiles and candidate pairs in files (:mod:`newsclean.transforms.beam.copy_store`) and
shuffle only small things::

    articles ─ profile, appended to a file per bundle ─ (node, location) ─ min and count per node:
      one per text, and the texts two or more records hold
    locations ─ bucket keys and indexed paragraphs (one read a profile), numpy rows per shard
    key rows ─ buckets ─ pair blocks, appended to a file per bundle ─ (shard, block location)
      ─ GBK: a shard's blocks read back
      ─ distinct near pairs + spun pairs with >= spun_min_keys keys ─ verify (profiles read by location) ─ edges
    edges ─ cc_rounds x (large-star GBK, small-star GBK) ─ labels GBK ─ residual (usually empty) ─ component ids
    paragraph rows + component ids (side input) ─ paragraphs held in two groups, per candidate group
    records + component ids and texts held twice (side inputs) ─ GBK by candidate group ─ star clusters,
      each canonical and kinds (profiles read by location)
    articles (staged parts) + decisions (side input: copies only) ─ duplicate_of, duplicate_kind

Without a staging folder (the DaskRunner, which drops ``finish_bundle`` work)
profiles travel through two CoGroupByKeys instead, one copy per candidate pair.

Nothing materialises all pairs: buckets propose pairs only among their
members, large buckets only among sorted neighbours. Nothing depends on
element order or process state: keys are stable hashes, every choice is a min
or a sort, so every runner gives the same output.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Iterator

import apache_beam as beam
import numpy as np
from apache_beam.metrics import Metrics
from apache_beam.transforms.window import GlobalWindows

from newsclean.schemas.records import Article
from newsclean.transforms.beam.copy_members import Representatives, member_parts
from newsclean.transforms.beam.copy_paragraphs import TravellingParagraphs
from newsclean.transforms.beam.copy_rows import ArrayRows, shards_of
from newsclean.transforms.beam.copy_store import Block, BlockFile, Location, ProfileFile, ProfileReader, read_blocks
from newsclean.transforms.beam.stagetime import COPIES, calls_in, steps_in, timed, timed_steps
from newsclean.transforms.beam.staging import ReadParts, StageArticles
from newsclean.transforms.corpus.copies import components as cc
from newsclean.transforms.corpus.copies.canonical import Decision, Member, paragraph_view, resolve
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile, case_rank, node_id, profile
from newsclean.transforms.corpus.copies.keys import (
    all_bucket_pairs,
    bucket_pairs,
    near_keys,
    spun_bucket_pairs,
    spun_keys,
)
from newsclean.transforms.corpus.copies.origin import indexed_paragraphs
from newsclean.transforms.corpus.copies.verify import Scored, verify
from newsclean.transforms.corpus.fingerprint import content_hash
from newsclean.transforms.corpus.urls import normalise_url
from newsclean.transforms.runtime.malloc import return_freed_memory
from newsclean.transforms.vocabulary import DuplicateKind

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

    @steps_in(COPIES)
    def process(self, element: tuple[int, dict[str, list]]) -> Iterator[cc.Edge]:
        node_b, joined = element
        profiles_b = joined["profile"]
        if not profiles_b:
            return
        profile_b = profiles_b[0]
        for node_a, profile_a in joined["left"]:
            self._checked.inc()
            kind = verify(profile_a, profile_b, self._config)
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

    @calls_in(COPIES)
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
    of :mod:`newsclean.transforms.corpus.copies.components` (correct for any ``rounds``).
    """

    def __init__(self, rounds: int) -> None:
        super().__init__()
        self._rounds = rounds

    def expand(self, edges: beam.PCollection) -> beam.PCollection:
        for r in range(self._rounds):
            edges = (
                edges
                | f"LargeStarOut{r}" >> beam.FlatMap(timed_steps(cc.both_ways, COPIES))
                | f"LargeStarGroup{r}" >> beam.GroupByKey()
                | f"LargeStar{r}" >> beam.FlatMapTuple(timed_steps(cc.large_star, COPIES))
                | f"SmallStarKey{r}" >> beam.Map(timed(cc.larger_first, COPIES))
                | f"SmallStarGroup{r}" >> beam.GroupByKey()
                | f"SmallStar{r}" >> beam.FlatMapTuple(timed_steps(cc.small_star, COPIES))
            )
        grouped = (
            edges | "LabelOut" >> beam.FlatMap(timed_steps(cc.both_ways, COPIES)) | "LabelGroup" >> beam.GroupByKey()
        )
        labels = grouped | "Label" >> beam.MapTuple(timed(_node_label, COPIES))
        moves = (
            grouped
            | "EdgeLabels" >> beam.FlatMap(timed_steps(_edge_labels, COPIES))
            | "EdgeLabelGroup" >> beam.GroupByKey()
            | "Residual" >> beam.FlatMap(_residual_edges)
            | "ResolveResidual" >> beam.CombineGlobally(_ResolveResidual())
        )
        return labels | "Component" >> beam.Map(timed(_move_label, COPIES), moved=beam.pvalue.AsSingleton(moves))


def _node_label(node: int, around: Iterable[int]) -> tuple[int, int]:
    return node, cc.label(node, around)


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
    if joined.get("profile"):
        yield key, ("profile", joined["profile"][0])


class _ProfilesDoFn(beam.DoFn):
    """A DoFn that reads stored profiles: one :class:`ProfileReader` per instance, closed at teardown."""

    _reader: ProfileReader | None = None

    def setup(self) -> None:
        return_freed_memory()  # the stage's arrays come and go (newsclean.transforms.runtime.malloc)
        self._reader = ProfileReader()

    def teardown(self) -> None:
        if self._reader is not None:
            self._reader.close()

    def stored(self, location: Location) -> Profile:
        if self._reader is None:  # a runner that skipped setup
            self.setup()
        return self._reader.get(location)  # type: ignore[union-attr]

    def scored(self, location: Location) -> Scored:
        """What verifying reads of a stored profile (:meth:`ProfileReader.scored`)."""
        if self._reader is None:
            self.setup()
        return self._reader.scored(location)  # type: ignore[union-attr]


class _ResolveDoFn(_ProfilesDoFn):
    """One cluster to its decisions; profiles come with the members or, given ``locations``, from the store."""

    def __init__(self, config: CopiesConfig) -> None:
        self._config = config
        self._clusters = Metrics.counter(NAMESPACE, "clusters")
        self._kinds = {k: Metrics.counter(NAMESPACE, f"duplicates_{k}") for k in DuplicateKind}
        self._largest = Metrics.distribution(NAMESPACE, "cluster_size")

    @steps_in(COPIES)
    def process(
        self, element: tuple[int, Iterable[tuple[str, object]]], locations: dict[int, Location] | None = None
    ) -> Iterator[tuple[str, Decision]]:
        _, parts = element
        members: list[Member] = []
        profiles: dict[int, Profile] = {}
        moving: list[int] = []
        for tag, value in parts:
            if tag == "member":
                members.append(value)  # type: ignore[arg-type]
            elif tag == "travel":
                moving.append(value)  # type: ignore[arg-type]
            else:
                profiles[value.node] = value  # type: ignore[union-attr]
        if not members:  # a lone text's travelling paragraphs: nothing to decide
            return
        if locations is not None:
            profiles = {m.node: self.stored(locations[m.node]) for m in members}
        decisions = resolve(members, profiles, self._config, sorted(moving))
        self._clusters.inc(len({d.duplicate_of for d in decisions}))  # star clusters, not candidate groups
        self._largest.update(len(members))
        for decision in decisions:
            self._kinds[decision.duplicate_kind].inc()
            yield decision.doc_id, decision


# --- the stored-profile graph (staged runs): profiles and pairs in files, keys as numpy rows ---


class _FilePerBundleDoFn(beam.DoFn):
    """Appends to one new file per bundle under ``directory``, opened by the bundle's first
    record and closed when the bundle ends; readers run after a shuffle, so after the close."""

    PREFIX = "records"

    def __init__(self, directory: str, config: CopiesConfig) -> None:
        self._directory = directory.rstrip("/")
        self._config = config
        self._file: ProfileFile | BlockFile | None = None

    def _open(self, path: str) -> ProfileFile | BlockFile:
        raise NotImplementedError

    def _current(self) -> ProfileFile | BlockFile:
        if self._file is None:
            self._file = self._open(f"{self._directory}/{self.PREFIX}-{uuid.uuid4().hex}.bin")
        return self._file

    def start_bundle(self) -> None:
        self._file = None

    @calls_in(COPIES)
    def finish_bundle(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class _WriteProfilesDoFn(_FilePerBundleDoFn):
    """Articles to profiles appended to one file per bundle; emits ``(node, (rank, location))``."""

    PREFIX = "profiles"

    def _open(self, path: str) -> ProfileFile:
        return ProfileFile(path)

    @steps_in(COPIES)
    def process(self, article: Article) -> Iterator[tuple[int, tuple[tuple[int, str], Location]]]:
        config = self._config
        p = profile(article.text, article.content_hash, config.near_shingle, config.spun_shingle)
        yield p.node, ((case_rank(article.text), article.doc_id), self._current().add(p))  # type: ignore[arg-type]


class _KeysDoFn(_ProfilesDoFn):
    """Texts' locations to their bucket keys (main output, some sixty a text) and indexed paragraphs
    (``PARAGRAPHS``, some twenty), one read a profile, gathered per shard over a bundle: ``(shard, rows)``,
    rows ``(n, 2)`` uint64 ``(value, node)``. A runner element or a Python step a row costs more than a
    sort a shard. Staged runs only: ``finish_bundle`` (which the DaskRunner drops) sends the rest."""

    PARAGRAPHS = "paragraphs"
    FLUSH_ROWS = 16_384  # rows held before every shard's rows are sent on

    def __init__(self, config: CopiesConfig) -> None:
        self._config = config
        self._rows: dict[str | None, list[np.ndarray]] = {}
        self._held = 0

    def start_bundle(self) -> None:
        self._rows, self._held = {}, 0

    def _gather(self, tag: str | None, values: np.ndarray, node: int) -> None:
        rows = np.empty((len(values), 2), dtype=np.uint64)
        rows[:, 0], rows[:, 1] = values, node
        self._rows.setdefault(tag, []).append(rows)
        self._held += len(values)

    def _gathered(self) -> list:
        """Every held row, by output and shard: ``(shard, rows)``, tagged for ``PARAGRAPHS``."""
        out: list = []
        for tag, parts in sorted(self._rows.items(), key=lambda item: item[0] or ""):
            rows = np.concatenate(parts)
            shards = shards_of(rows[:, 0])
            order = np.argsort(shards, kind="stable")
            rows, shards = rows[order], shards[order]
            cuts = np.flatnonzero(np.r_[True, shards[1:] != shards[:-1]]).tolist()
            for start, end in zip(cuts, [*cuts[1:], len(rows)], strict=True):
                item = (int(shards[start]), rows[start:end])
                out.append(item if tag is None else beam.pvalue.TaggedOutput(tag, item))
        self._rows, self._held = {}, 0
        return out

    @calls_in(COPIES)
    def process(self, element: tuple[int, Location]) -> list:
        node, location = element
        p = self.stored(location)
        keys = near_keys(p, self._config) + spun_keys(p, self._config)
        self._gather(None, np.array(keys, dtype=np.uint64), node)
        self._gather(self.PARAGRAPHS, indexed_paragraphs(paragraph_view(p)).astype(np.uint64), node)
        return self._gathered() if self._held >= self.FLUSH_ROWS else []

    @calls_in(COPIES)
    def finish_bundle(self) -> list:
        return [
            beam.pvalue.TaggedOutput(item.tag, GlobalWindows.windowed_value(item.value))
            if isinstance(item, beam.pvalue.TaggedOutput)
            else GlobalWindows.windowed_value(item)
            for item in self._gathered()
        ]


def bucket_pair_rows(element: tuple[int, np.ndarray], config: CopiesConfig) -> Iterator[tuple[int, np.ndarray]]:
    """One shard's ``(key, node)`` rows to the pairs its buckets propose: ``(a, b, spun)`` rows,
    one array per shard of ``a``. Arrays, not a tuple per pair: a shard's spun buckets can
    propose millions of pairs, nearly all to be dropped for too few shared keys."""
    _, rows = element
    pairs = all_bucket_pairs(rows, config)
    if not len(pairs):
        return
    shards = shards_of(pairs[:, 0])
    order = np.argsort(shards, kind="stable")
    pairs, shards = pairs[order], shards[order]
    cuts = np.flatnonzero(np.r_[True, shards[1:] != shards[:-1]])
    for start, end in zip(cuts.tolist(), np.r_[cuts[1:], len(pairs)].tolist(), strict=True):
        yield int(shards[start]), pairs[start:end]


class _PairBlocksDoFn(_FilePerBundleDoFn):
    """Bucket rows to their pair blocks (:func:`bucket_pair_rows`), appended to one file per bundle;
    emits ``(shard of a, block location)``, so only locations cross the next shuffle."""

    PREFIX = "pairs"

    def _open(self, path: str) -> BlockFile:
        return BlockFile(path, 3)

    @steps_in(COPIES)
    def process(self, element: tuple[int, np.ndarray]) -> Iterator[tuple[int, Block]]:
        for shard, pairs in bucket_pair_rows(element, self._config):
            yield shard, self._current().add(pairs)


def _distinct_rows(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct rows of an ``(n, 2)`` array sorted by the first column, then the second, and how
    often each occurs: ``np.unique(axis=0)``'s answer from one ``lexsort``, several times faster
    on millions of pairs."""
    if not len(rows):
        return rows.reshape(0, 2), np.zeros(0, dtype=np.int64)
    ordered = rows[np.lexsort((rows[:, 1], rows[:, 0]))]
    first = np.flatnonzero(np.r_[True, (ordered[1:, 0] != ordered[:-1, 0]) | (ordered[1:, 1] != ordered[:-1, 1])])
    return ordered[first], np.diff(np.r_[first, len(ordered)])


def candidate_rows(rows: np.ndarray, config: CopiesConfig) -> np.ndarray:
    """``(a, b, spun)`` rows to the distinct candidate pairs: every near pair, and spun pairs
    proposed by at least ``spun_min_keys`` keys (sorted by ``a``, then ``b``)."""
    if not len(rows):
        return np.zeros((0, 2), dtype=np.uint64)
    near = rows[rows[:, 2] == 0, :2]
    spun, counts = _distinct_rows(rows[rows[:, 2] == 1, :2])
    both = np.concatenate([near, spun[counts >= config.spun_min_keys].reshape(-1, 2)])
    return _distinct_rows(both)[0]


class _VerifyStoredDoFn(_ProfilesDoFn):
    """One shard's pair blocks to the edges that are copies; pairs and profiles read from the store."""

    # What a worker keeps of the profiles it has read (signature and immutables, a few KB a text): a
    # text is the second of tens of pairs, read again from the store for each once this is full.
    KEEP_BYTES = 32 * 1024 * 1024

    def __init__(self, config: CopiesConfig) -> None:
        self._config = config
        self._kept = {k: Metrics.counter(NAMESPACE, f"edges_{k}") for k in ("near", "spun")}
        self._checked = Metrics.counter(NAMESPACE, "candidate_pairs")
        self._read: dict[int, Scored] = {}
        self._read_bytes = 0

    def _scored(self, node: int, locations: dict[int, Location]) -> Scored:
        found = self._read.get(node)
        if found is None:
            found = self.scored(locations[node])
            size = found.near_sig.nbytes + found.immutables.nbytes
            if self._read_bytes + size <= self.KEEP_BYTES:
                self._read[node] = found
                self._read_bytes += size
        return found

    @steps_in(COPIES)
    def process(self, element: tuple[int, Iterable[Block]], locations: dict[int, Location]) -> Iterator[cc.Edge]:
        _, blocks = element
        current, profile_a = -1, None
        pairs = candidate_rows(read_blocks(list(blocks), 3), self._config).tolist()
        self._checked.inc(len(pairs))
        for a, b in pairs:
            if a != current:
                current, profile_a = a, self._scored(a, locations)
            kind = verify(profile_a, self._scored(b, locations), self._config)  # type: ignore[arg-type]
            if kind is not None:
                self._kept[kind].inc()
                yield a, b


def _member(a: Article) -> tuple[int, Member]:
    """A record as a member of its text's candidate group."""
    node = node_id(a.content_hash)
    return node, Member(a.doc_id, node, a.published_date, normalise_url(a.url))


def _apply_decision(article: Article, decisions: dict[str, Decision]) -> Article:
    decision = decisions.get(article.doc_id)
    if decision is None:
        return article
    return dataclasses.replace(article, duplicate_of=decision.duplicate_of, duplicate_kind=decision.duplicate_kind)


class MarkCopies(beam.PTransform):
    """Articles in, the same articles out, copies marked with ``duplicate_of`` and ``duplicate_kind``.

    Nothing is dropped. See :mod:`newsclean.transforms.corpus.copies.canonical` for the rule
    that picks each cluster's canonical record. With ``staging`` (a folder) the
    profiles wait in files there and the articles in staged parts
    (:mod:`newsclean.transforms.beam.staging`); without it (runners that drop
    ``finish_bundle`` work, such as Beam's own Dask translation) profiles travel through joins.
    """

    def __init__(self, config: CopiesConfig | None = None, staging: str | None = None) -> None:
        super().__init__()
        self._config = config or CopiesConfig()
        self._staging = staging  # a folder: articles and profiles wait there, not in the runner

    def expand(self, articles: beam.PCollection) -> beam.PCollection:
        articles = articles | "ContentHash" >> beam.Map(timed(with_content_hash, COPIES))
        members = articles | "Members" >> beam.Map(timed(_member, COPIES))
        if self._staging:
            decisions = self._decisions_stored(articles, members)
            articles = articles | "Stage" >> StageArticles(self._staging, COPIES) | "ReadBack" >> ReadParts(COPIES)
        else:
            decisions = self._decisions_joined(articles, members)
        # Decisions exist only for copies, so they travel as a side input and the
        # articles themselves never cross a shuffle.
        return articles | "Mark" >> beam.Map(timed(_apply_decision, COPIES), beam.pvalue.AsDict(decisions))

    def _decisions_stored(self, articles: beam.PCollection, members: beam.PCollection) -> beam.PCollection:
        """Profiles and pair blocks in files under the staging folder; only their locations and
        the bucket keys (numpy arrays per shard) are shuffled."""
        locations, held_twice = (
            articles
            | "WriteProfiles" >> beam.ParDo(_WriteProfilesDoFn(f"{self._staging}/profiles", self._config))
            | "Representatives" >> Representatives()
        )
        return decisions_from_locations(locations, held_twice, members, self._config, self._staging)

    def _decisions_joined(self, articles: beam.PCollection, members: beam.PCollection) -> beam.PCollection:
        """Profiles joined to candidate pairs through shuffles (copied once per pair)."""
        config = self._config
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
        travel = profiles | "Travel" >> TravellingParagraphs(component)
        parts = (
            {"members": members, "component": component, "profile": profiles}
            | "JoinClusters" >> beam.CoGroupByKey()
            | "ClusterParts" >> beam.FlatMap(timed_steps(_cluster_parts, COPIES))
        )
        return _resolved(parts, travel, _ResolveDoFn(config))


def decisions_from_locations(
    locations: beam.PCollection,
    held_twice: beam.PCollection,
    members: beam.PCollection,
    config: CopiesConfig,
    staging: str,
) -> beam.PCollection:
    """``(node, location)`` of each text's stored profile, ``(node, records)`` of the texts two or
    more records hold (:class:`Representatives` gives both) and ``(node, Member)`` of each record to
    ``(doc_id, Decision)`` for the copies; pair blocks go to files under ``staging``. Records reach
    their candidate group through side inputs of the few texts that have one (a copy candidate, or
    another record), not a join of every record."""
    located = beam.pvalue.AsDict(locations)
    gathered = locations | "BucketKeys" >> beam.ParDo(_KeysDoFn(config)).with_outputs(_KeysDoFn.PARAGRAPHS, main="keys")
    edges = (
        gathered.keys
        | "Buckets" >> beam.CombinePerKey(ArrayRows(2))
        | "BucketPairs" >> beam.ParDo(_PairBlocksDoFn(f"{staging}/pairs", config))
        | "CandidatePairs" >> beam.GroupByKey()
        | "Verify" >> beam.ParDo(_VerifyStoredDoFn(config), located)
    )
    component = edges | "Components" >> ConnectedComponents(config.cc_rounds)
    travel = gathered[_KeysDoFn.PARAGRAPHS] | "Travel" >> TravellingParagraphs(component, gathered=True)
    parts = members | "ClusterParts" >> beam.FlatMap(
        timed(member_parts, COPIES), beam.pvalue.AsDict(component), beam.pvalue.AsDict(held_twice)
    )
    return _resolved(parts, travel, _ResolveDoFn(config), located)


def _resolved(parts: beam.PCollection, travel: beam.PCollection, resolve: beam.DoFn, *sides) -> beam.PCollection:
    """Each cluster's parts and travelling paragraphs, grouped, to its members' decisions."""
    return (
        (parts, travel)
        | "WithTravel" >> beam.Flatten()
        | "Clusters" >> beam.GroupByKey()
        | "Resolve" >> beam.ParDo(resolve, *sides)
    )

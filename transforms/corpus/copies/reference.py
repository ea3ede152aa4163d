"""The whole copy stage in memory, built from the same pure steps as the Beam graph.

It exists to be read and to check against: the Beam composite
(:mod:`newsclean.transforms.beam.copies`) must give the same decisions on the same
records, on any runner. Fine for tests and small folders; the Beam graph is
what scales.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsclean.transforms.corpus.copies.canonical import Decision, Member, paragraph_view, resolve
from newsclean.transforms.corpus.copies.components import components
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile, case_rank, node_id, profile
from newsclean.transforms.corpus.copies.keys import bucket_pairs, near_keys, spun_bucket_pairs, spun_keys
from newsclean.transforms.corpus.copies.origin import indexed_paragraphs
from newsclean.transforms.corpus.copies.verify import verify
from newsclean.transforms.corpus.urls import normalise_url


@dataclass(frozen=True)
class Record:
    """The fields of an article the stage reads."""

    doc_id: str
    text: str
    content_hash: str
    published_date: object = None
    url: str | None = None


def representative_key(record: Record) -> tuple[int, str]:
    """Which record stands for its text: ordinary case first, then the smallest ``doc_id``."""
    return case_rank(record.text), record.doc_id


def representatives(records: Iterable[Record]) -> dict[str, Record]:
    """One record per distinct text (``content_hash``), by :func:`representative_key`."""
    chosen: dict[str, Record] = {}
    for r in records:
        if r.content_hash not in chosen or representative_key(r) < representative_key(chosen[r.content_hash]):
            chosen[r.content_hash] = r
    return chosen


def candidate_pairs(profiles: Iterable[Profile], config: CopiesConfig) -> set[tuple[int, int]]:
    """Pairs proposed by near LSH bands, or by at least ``spun_min_keys`` shared spun keys."""
    near_buckets: dict[str, list[int]] = defaultdict(list)
    spun_buckets: dict[str, list[int]] = defaultdict(list)
    for p in profiles:
        for key in near_keys(p, config):
            near_buckets[key].append(p.node)
        for key in spun_keys(p, config):
            spun_buckets[key].append(p.node)
    pairs = {pair for members in near_buckets.values() for pair in bucket_pairs(members, config)}
    counts = Counter(pair for members in spun_buckets.values() for pair in spun_bucket_pairs(members, config))
    pairs.update(pair for pair, n in counts.items() if n >= config.spun_min_keys)
    return pairs


def mark_copies(records: Iterable[Record], config: CopiesConfig | None = None) -> dict[str, Decision]:
    """``doc_id`` -> decision, for every record that is a copy of another."""
    config = config or CopiesConfig()
    records = list(records)
    reps = representatives(records)
    profiles = {
        node_id(h): profile(r.text, h, config.near_shingle, config.spun_shingle) for h, r in sorted(reps.items())
    }
    edges = [
        (a, b)
        for a, b in sorted(candidate_pairs(profiles.values(), config))
        if verify(profiles[a], profiles[b], config) is not None
    ]
    component = components(edges)  # candidate groups; resolve builds the clusters inside each
    clusters: dict[int, list[Member]] = defaultdict(list)
    for r in records:
        node = node_id(r.content_hash)
        clusters[component.get(node, node)].append(Member(r.doc_id, node, r.published_date, normalise_url(r.url)))
    moving = travelling(profiles, component)
    decisions: dict[str, Decision] = {}
    for group, members in clusters.items():
        if len(members) < 2:
            continue
        decisions.update((d.doc_id, d) for d in resolve(members, profiles, config, moving.get(group, ())))
    return decisions


def travelling(profiles: dict[int, Profile], component: dict[int, int]) -> dict[int, set[int]]:
    """Candidate group -> its long paragraphs, and first or last lines, that a text of another group
    (another story) holds too."""
    groups: dict[int, set[int]] = defaultdict(set)
    for node, p in profiles.items():
        for h in indexed_paragraphs(paragraph_view(p)).tolist():
            groups[h].add(component.get(node, node))
    moving: dict[int, set[int]] = defaultdict(set)
    for h, held in groups.items():
        if len(held) > 1:
            for group in held:
                moving[group].add(h)
    return moving

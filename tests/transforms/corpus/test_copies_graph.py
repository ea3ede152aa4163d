"""Candidate keys, bucket pairs and connected components."""

from __future__ import annotations

import random

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.transforms.corpus.copies import components as cc
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile
from newsclean.transforms.corpus.copies.keys import (
    SPUN_FLAG,
    all_bucket_pairs,
    bucket_pairs,
    is_spun_key,
    near_keys,
    sample_level,
    spun_bucket_pairs,
    spun_keys,
)
from newsclean.transforms.corpus.copies.verify import Scored, copy_kind, score, verify


def _profile(values: list[int]) -> Profile:
    imm = np.unique(np.array(values, dtype=np.uint32))
    return Profile(1, 100, np.zeros(128, dtype=np.uint32), 10, imm)


def test_small_bucket_yields_every_pair_once_in_order() -> None:
    assert list(bucket_pairs([5, 3, 9, 3], CopiesConfig())) == [(3, 5), (3, 9), (5, 9)]


def test_large_bucket_yields_a_window_that_still_connects_everyone() -> None:
    config = CopiesConfig(bucket_all_pairs=10, bucket_window=2)
    nodes = list(range(100, 0, -1))
    pairs = list(bucket_pairs(nodes, config))
    assert len(pairs) == 99 + 98  # linear, not quadratic
    assert len(set(cc.components(pairs).values())) == 1


def test_commonplace_spun_key_proposes_nothing() -> None:
    config = CopiesConfig(spun_key_max_df=3)
    assert list(spun_bucket_pairs([1, 2, 3], config)) == [(1, 2), (1, 3), (2, 3)]
    assert list(spun_bucket_pairs([1, 2, 3, 4], config)) == []


@settings(max_examples=60)
@given(st.lists(st.integers(0, 2**63 - 1), max_size=130), st.booleans())
@example(list(range(60, 0, -1)) + [7, 7], False)  # windowed, with a repeated node
@example(list(range(95)), True)  # commonplace
@example(list(range(85)), True)
@example([], False)
def test_pair_array_holds_the_pairs_a_bucket_yields(nodes: list[int], spun: bool) -> None:
    """The staged graph's vectorised pairs are the reference's, for small, windowed and commonplace
    buckets, beside another bucket in the same rows."""
    config = CopiesConfig(bucket_all_pairs=20, bucket_window=3, spun_key_max_df=90)
    key = SPUN_FLAG | 5 if spun else 5
    rows = np.array([(key, node) for node in nodes] + [(9, n) for n in (3, 1, 2)], dtype=np.uint64)
    bucket = spun_bucket_pairs(nodes, config) if spun else bucket_pairs(nodes, config)
    expected = [(a, b, int(spun)) for a, b in bucket] + [(1, 2, 0), (1, 3, 0), (2, 3, 0)]
    got = all_bucket_pairs(rows, config)
    assert got.dtype == np.uint64 and got.shape == (len(expected), 3)
    assert sorted(map(tuple, got.tolist())) == sorted(expected)


def test_sampled_keys_of_a_coarse_text_are_keys_of_a_fine_text_that_has_them() -> None:
    config = CopiesConfig()
    rng = np.random.default_rng(3)
    small = rng.integers(0, 2**32, size=60, dtype=np.uint64).tolist()
    large = small + rng.integers(0, 2**32, size=2000, dtype=np.uint64).tolist()
    fine, coarse = _profile(small), _profile(large)
    assert sample_level(len(fine.immutables), config) < sample_level(len(coarse.immutables), config)
    coarse_keys, fine_keys = set(spun_keys(coarse, config)), set(spun_keys(fine, config))
    shared = {SPUN_FLAG | v for v in fine.immutables.tolist()} & coarse_keys
    assert shared and shared <= fine_keys


def test_near_and_spun_keys_never_meet_and_fit_int64() -> None:
    config = CopiesConfig()
    rng = np.random.default_rng(5)
    p = _profile(rng.integers(0, 2**32, size=400, dtype=np.uint64).tolist())
    near, spun = near_keys(p, config), spun_keys(p, config)
    assert len(near) == config.near_bands and spun
    assert not any(is_spun_key(k) for k in near) and all(is_spun_key(k) for k in spun)
    assert all(0 <= k < 2**63 for k in near + spun)
    assert len({k >> 55 for k in near}) == config.near_bands  # each band its own key range


def _run_rounds(edges: list[cc.Edge], rounds: int) -> dict[int, int]:
    """The Beam ConnectedComponents, step for step, in plain Python."""

    def group(pairs):
        out: dict[int, list[int]] = {}
        for k, v in pairs:
            out.setdefault(k, []).append(v)
        return out

    for _ in range(rounds):
        grouped = group(e for edge in edges for e in cc.both_ways(edge))
        edges = [e for node, around in grouped.items() for e in cc.large_star(node, around)]
        grouped = group(cc.larger_first(e) for e in edges)
        edges = [e for node, around in grouped.items() for e in cc.small_star(node, around)]
    grouped = group(e for edge in edges for e in cc.both_ways(edge))
    labels = {node: cc.label(node, around) for node, around in grouped.items()}
    residual = [
        (labels[a], labels[b]) for node, around in grouped.items() for a, b in [(node, v) for v in around] if a < b
    ]
    moved = cc.resolve_residual([(a, b) for a, b in residual if a != b])
    return {node: moved.get(lab, lab) for node, lab in labels.items()}


@settings(max_examples=60)
@given(
    n=st.integers(min_value=2, max_value=60),
    density=st.floats(min_value=0.0, max_value=0.15),
    rounds=st.integers(min_value=0, max_value=4),
    seed=st.integers(min_value=0, max_value=10**6),
)
def test_star_rounds_and_finishing_step_give_exact_components(n: int, density: float, rounds: int, seed: int) -> None:
    rnd = random.Random(seed)
    nodes = rnd.sample(range(10**9), n)
    edges = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :] if rnd.random() < density]
    assert _run_rounds(edges, rounds) == cc.components(edges)


def test_long_chain_needs_the_finishing_step_with_few_rounds() -> None:
    chain = [(i, i + 1) for i in range(200)]
    assert set(_run_rounds(chain, 0).values()) == {0}
    assert set(_run_rounds(chain, 1).values()) == {0}


def test_star_operations_converge_to_stars() -> None:
    chain = [(i, i + 1) for i in range(64)]
    edges = chain
    for _ in range(8):
        grouped: dict[int, set[int]] = {}
        for a, b in (e for edge in edges for e in cc.both_ways(edge)):
            grouped.setdefault(a, set()).add(b)
        edges = [e for node, around in grouped.items() for e in cc.large_star(node, around)]
        smaller: dict[int, set[int]] = {}
        for a, b in map(cc.larger_first, edges):
            smaller.setdefault(a, set()).add(b)
        edges = [e for node, around in smaller.items() for e in cc.small_star(node, around)]
    assert set(edges) == {(i, 0) for i in range(1, 65)}


def test_union_find_roots_are_smallest_members() -> None:
    sets = cc.UnionFind()
    for a, b in [(9, 4), (4, 7), (12, 11), (7, 3)]:
        sets.union(a, b)
    assert [sets.find(x) for x in (9, 4, 7, 3, 12, 11)] == [3, 3, 3, 3, 11, 11]


@settings(max_examples=200)
@given(
    agree=st.integers(min_value=0, max_value=128),
    sizes=st.tuples(st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=80)),
    shared=st.integers(min_value=0, max_value=80),
    words=st.tuples(st.booleans(), st.booleans()),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
@example(agree=64, sizes=(50, 50), shared=20, words=(True, True), seed=0)
@example(agree=10, sizes=(30, 30), shared=10, words=(True, True), seed=0)
@example(agree=0, sizes=(0, 0), shared=0, words=(False, False), seed=0)
def test_verify_is_the_kind_of_the_pair_score(
    agree: int, sizes: tuple[int, int], shared: int, words: tuple[bool, bool], seed: int
) -> None:
    """The verifier's shortcut (no PairScore, no immutables' count for a near pair) decides as
    ``copy_kind(score(a, b))`` does, at and around every threshold."""
    rng = np.random.default_rng(seed)
    shared = min(shared, *sizes)
    pool = rng.choice(2**32, size=sizes[0] + sizes[1], replace=False).astype(np.uint32)
    mine, theirs = pool[: sizes[0]], np.concatenate([pool[:shared], pool[sizes[0] : sizes[0] + sizes[1] - shared]])
    sig = rng.integers(0, 2**32, size=128, dtype=np.uint64).astype(np.uint32)
    other = sig.copy()
    other[agree:] ^= np.uint32(1)
    a = Scored(100 if words[0] else 0, sig, np.sort(mine))
    b = Scored(100 if words[1] else 0, other, np.sort(theirs))
    config = CopiesConfig()
    assert verify(a, b, config) == copy_kind(score(a, b), config) == verify(b, a, config)

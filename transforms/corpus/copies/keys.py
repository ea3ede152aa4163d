"""Candidate generation: bucket keys and the pairs a bucket proposes.

Two kinds of bucket, both keyed by non-negative 63-bit integers (stable, so
any runner groups them the same way, and 8 bytes in a numpy array):

* near: the band number in bits 55-61 over 55 bits of the band's hash. Texts
  agreeing on all ``rows`` values of a band land together.
* spun (bit 62 set): one sampled immutable shingle. Texts sharing
  ``spun_min_keys`` of them become candidates.

A bucket never yields all pairs of a large membership: past
``bucket_all_pairs`` members each is paired with its next ``bucket_window`` in
sorted order, which keeps a big cluster connected in O(members) pairs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

import numpy as np

from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile

SPUN_FLAG = 1 << 62
_BAND_SHIFT = 55  # bands < NUM_PERM == 128 fit in bits 55-61


def near_keys(profile: Profile, config: CopiesConfig) -> list[int]:
    """One key per LSH band of the near signature."""
    if profile.near_size == 0:
        return []
    sig = profile.near_sig
    keys = []
    for band in range(config.near_bands):
        chunk = sig[band * config.near_rows : (band + 1) * config.near_rows].tobytes()
        digest = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little")
        keys.append((band << _BAND_SHIFT) | (digest >> (64 - _BAND_SHIFT)))
    return keys


def is_spun_key(key: int) -> bool:
    """Whether a bucket key is a sampled immutable shingle (else an LSH band)."""
    return bool(key & SPUN_FLAG)


def sample_level(size: int, config: CopiesConfig) -> int:
    """How many low zero bits a shingle hash needs to be a key of a text with ``size`` shingles."""
    level = 0
    while level < config.spun_max_level and size >= config.spun_sample_base << (level + 1):
        level += 1
    return level


def spun_keys(profile: Profile, config: CopiesConfig) -> list[int]:
    """Sampled immutable shingles: the same shingle is sampled in every text that has it.

    A text samples at a level fitted to its size; two texts at different levels
    still share every key of the coarser level, so the sample stays consistent.
    """
    values = profile.immutables
    if len(values) < config.spun_min_shared:
        return []
    mask = np.uint32((1 << sample_level(len(values), config)) - 1)
    return [SPUN_FLAG | v for v in values[(values & mask) == 0].tolist()]


def bucket_pairs(members: Iterable[int], config: CopiesConfig) -> Iterator[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, proposed by one bucket's member nodes."""
    nodes = sorted(set(members))
    if len(nodes) <= config.bucket_all_pairs:
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                yield a, b
        return
    window = config.bucket_window
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 : i + 1 + window]:
            yield a, b


def spun_bucket_pairs(members: Iterable[int], config: CopiesConfig) -> Iterator[tuple[int, int]]:
    """Pairs from one sampled shingle; none when the shingle is a commonplace held by many texts."""
    nodes = []
    for node in members:
        nodes.append(node)
        if len(nodes) > config.spun_key_max_df:
            return
    yield from bucket_pairs(nodes, config)


def all_bucket_pairs(rows: np.ndarray, config: CopiesConfig) -> np.ndarray:
    """Every bucket's pairs at once: ``(key, node)`` rows (any order) to ``(a, b, spun)`` rows, the
    pairs :func:`bucket_pairs` (for a spun key :func:`spun_bucket_pairs`) yields for each key's
    nodes (``spun``: the key's flag), in no particular order. Whole-array steps, not a Python step
    a bucket: a shard holds tens of thousands of buckets of a few texts each."""
    if not len(rows):
        return np.zeros((0, 3), dtype=np.uint64)
    rows = rows[np.lexsort((rows[:, 1], rows[:, 0]))]
    keys, nodes = rows[:, 0], rows[:, 1]
    new_key = np.r_[True, keys[1:] != keys[:-1]]
    starts = np.flatnonzero(new_key)
    sizes = np.diff(np.r_[starts, len(keys)])
    spun = (keys[starts] & np.uint64(SPUN_FLAG)) != 0
    keep = (sizes >= 2) & ~(spun & (sizes > config.spun_key_max_df))  # a commonplace: no pairs
    group = np.cumsum(new_key) - 1
    distinct = new_key | np.r_[True, nodes[1:] != nodes[:-1]]  # a node once a bucket
    take = distinct & keep[group]
    keys, nodes, group = keys[take], nodes[take], group[take]
    if not len(keys):
        return np.zeros((0, 3), dtype=np.uint64)
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    flags = ((keys[starts] & np.uint64(SPUN_FLAG)) != 0).astype(np.uint64)
    found = [np.zeros((0, 3), dtype=np.uint64)]
    small = (sizes >= 2) & (sizes <= config.bucket_all_pairs)
    for size in np.unique(sizes[small]).tolist():  # all pairs of the buckets of each size at once
        these = small & (sizes == size)
        members = nodes[starts[these][:, None] + np.arange(size)]
        first, second = np.triu_indices(size, 1)
        spun_flags = np.repeat(flags[these], len(first))
        found.append(np.column_stack([members[:, first].ravel(), members[:, second].ravel(), spun_flags]))
    large = sizes > config.bucket_all_pairs
    if large.any():  # each node with its next bucket_window in sorted order
        position_group = np.repeat(np.arange(len(starts)), sizes)
        in_large = large[position_group]
        for step in range(1, min(config.bucket_window, len(nodes) - 1) + 1):
            at = np.flatnonzero(in_large[:-step] & (position_group[:-step] == position_group[step:]))
            found.append(np.column_stack([nodes[at], nodes[at + step], flags[position_group[at]]]))
    return np.concatenate(found).astype(np.uint64, copy=False)

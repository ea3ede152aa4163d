"""Deciding whether a candidate pair of texts are copies, and of what kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile, estimated_jaccard, set_similarity


class Scored(NamedTuple):
    """The part of a :class:`Profile` that :func:`score` reads (a stored profile read in part)."""

    near_size: int
    near_sig: np.ndarray
    immutables: np.ndarray


@dataclass(frozen=True)
class PairScore:
    """The similarities a decision rests on."""

    near: float  # estimated Jaccard of word shingles (MinHash)
    spun: float  # exact Jaccard of immutable shingles
    shared: int  # immutable shingles in common


def score(a: Profile | Scored, b: Profile | Scored) -> PairScore:
    """Both similarities of two texts."""
    near = estimated_jaccard(a.near_sig, b.near_sig) if a.near_size and b.near_size else 0.0
    shared, jaccard, _ = set_similarity(a.immutables, b.immutables)
    return PairScore(near, jaccard, shared)


def copy_kind(pair: PairScore, config: CopiesConfig) -> str | None:
    """``near`` when the words mostly agree, ``spun`` when only the immutables do, else None.

    A near copy agrees on at least ``near_threshold`` of the word shingles of
    the two texts together, so each holds at least that share of the other's:
    containment is high both ways, and one shared paragraph is far from it. A
    spun pair must not owe its immutables to passages shared word for word
    (their word shingles agree as much as their immutables): a spinner leaves
    few word shingles, while a quote or a paragraph lifted from another story
    keeps them all.
    """
    if pair.near >= config.near_threshold:
        return "near"
    if pair.spun >= config.spun_threshold and pair.shared >= config.spun_min_shared:
        if pair.near < config.passage_ratio * pair.spun:
            return "spun"
    return None


def verify(a: Profile | Scored, b: Profile | Scored, config: CopiesConfig) -> str | None:
    """The kind of copy ``a`` and ``b`` are of each other, or None when they are not copies:
    ``copy_kind(score(a, b), config)`` without the immutables' count when the signatures already
    make a near pair. The verifier's step for every candidate
    pair (hundreds of thousands in a corpus whose texts share paragraphs), where one Python step
    more a pair shows."""
    near = estimated_jaccard(a.near_sig, b.near_sig) if a.near_size and b.near_size else 0.0
    if near >= config.near_threshold:
        return "near"
    shared, jaccard, _ = set_similarity(a.immutables, b.immutables)
    return copy_kind(PairScore(near, jaccard, shared), config)

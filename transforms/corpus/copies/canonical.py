"""One cluster's canonical record, and what every other member is a copy of.

The rule, in order:

1. **The original over its copies, when that can be told.** Copies deviate
   from their original independently (each spin replaces different words,
   each edit drops or adds different paragraphs), so the original is the text
   holding the most of the immutable shingles that two or more texts share
   (see :func:`original_text`). It can be told only with three or more
   distinct texts, and only when the leader is ahead by ``centrality_margin``
   of the shared shingles; two texts are symmetric.
2. **The earliest ``published_date``** (undated records last), among the
   original's exact copies when step 1 chose one, else among all members.
3. **The smallest ``doc_id``**, so ties break the same way on every runner.

Every other member gets ``duplicate_of`` = the canonical ``doc_id`` and a kind
relative to the canonical text: ``exact`` for the same ``content_hash``,
``near`` when the word-shingle similarity reaches ``near_threshold``, else
``spun`` (it is in the cluster through immutables only, or through a chain).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile, estimated_jaccard


@dataclass(frozen=True, order=True)
class Member:
    """A record's part in a cluster: which text it carries, and when it was published."""

    doc_id: str
    node: int
    published_date: dt.date | None = None


@dataclass(frozen=True)
class Decision:
    """What the stage writes into a non-canonical record."""

    doc_id: str
    duplicate_of: str
    duplicate_kind: str


def _date_key(member: Member) -> tuple[bool, dt.date, str]:
    return (member.published_date is None, member.published_date or dt.date.min, member.doc_id)


def original_text(profiles: dict[int, Profile], config: CopiesConfig) -> int | None:
    """The text that holds the most of what the texts share, when it clearly leads; else None.

    A shingle is *shared* when two or more distinct texts have it. Every copy
    loses some of the original's shared shingles (a spin replaces words, an
    edit drops a paragraph) and what it adds is its own, so the original holds
    the most shared shingles. With two texts both hold all of them: a tie.
    """
    nodes = sorted(profiles)
    if not 3 <= len(nodes) <= config.centrality_max_texts:
        return None
    values, counts = np.unique(np.concatenate([profiles[n].immutables for n in nodes]), return_counts=True)
    shared = values[counts >= 2]
    if len(shared) == 0:
        return None
    held = {n: int(np.count_nonzero(np.isin(profiles[n].immutables, shared, assume_unique=True))) for n in nodes}
    ranked = sorted(nodes, key=lambda n: (-held[n], n))
    lead = (held[ranked[0]] - held[ranked[1]]) / len(shared)
    return ranked[0] if lead >= config.centrality_margin else None


def kind_against(member: Profile, canonical: Profile, config: CopiesConfig) -> str:
    """The kind of copy ``member`` is of the canonical text (never called for the same text)."""
    if member.near_size and canonical.near_size:
        if estimated_jaccard(member.near_sig, canonical.near_sig) >= config.near_threshold:
            return "near"
    return "spun"


def resolve(
    members: Iterable[Member], profiles: dict[int, Profile], config: CopiesConfig
) -> tuple[str, list[Decision]]:
    """The canonical ``doc_id`` of a cluster and the decision for each other member.

    ``profiles`` must hold every member's text; members are deduplicated by
    ``doc_id`` so a record seen twice is decided once.
    """
    unique = sorted({m.doc_id: m for m in members}.values())
    if not unique:
        raise ValueError("a cluster needs members")
    present = {m.node: profiles[m.node] for m in unique}
    original = original_text(present, config)
    pool = [m for m in unique if m.node == original] if original is not None else unique
    canonical = min(pool, key=_date_key)
    base = present[canonical.node]
    decisions = []
    for m in unique:
        if m.doc_id == canonical.doc_id:
            continue
        kind = "exact" if m.node == canonical.node else kind_against(present[m.node], base, config)
        decisions.append(Decision(m.doc_id, canonical.doc_id, kind))
    return canonical.doc_id, decisions

"""Which of two copies is the original: the traits a text carries for it, and the pairwise rule.

Two kinds of evidence, each read from a text alone (so it fits in a profile):

* **Commonness** (spun copies): a spinner swaps words for synonyms from its
  dictionary, and a synonym is most often a rarer word than the one a writer
  chose (``said`` -> ``asseverated``). The mean Zipf frequency of a text's
  plain lower-case content words (wordfreq's English table) is therefore
  higher for the original than for its spun copies. A table of one language:
  other languages' words are mostly unknown to it, which leaves the rule
  silent rather than wrong (both texts score alike).
* **Paragraphs** (near copies): an edited copy drops paragraphs, is cut short,
  or adds furniture (a boilerplate line, a new lede) and sometimes a paragraph
  of another story. Each paragraph is kept as a hash of its words, its length
  and its *cohesion*, the share of its content words that recur elsewhere in
  the text: a paragraph of the story shares its names and topic words with the
  rest, a paragraph lifted from another story does not.

:func:`compare` turns them into a verdict on a pair; :mod:`.canonical` uses it
to pick each cluster's original. How sure each rule is: docs/copies.md.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

import numpy as np
import regex

from newsclean.transforms.corpus.copies.features import FUNCTION_WORDS

_PARAGRAPH_SPLIT = regex.compile(r"\n\s*")
_WORD = regex.compile(r"\w+")
_COHESION_WORD = regex.compile(r"[^\W\d_]{4,}")

# A paragraph this short (in words) is furniture when only one copy has it: a boilerplate line, a lede.
FURNITURE_WORDS = 15
# A short paragraph is furniture when under this share (percent) of its content words recur in its text.
FURNITURE_COHESION = 50
# A longer paragraph is foreign when its cohesion is under this (percent) and under half its text's
# median: texts differ in how much their paragraphs repeat each other's words.
FOREIGN_COHESION = 40
# A paragraph this long or longer is indexed across the corpus: held by texts of two candidate
# groups, it travels between stories (a copy that carries it added it).
TRAVEL_WORDS = 15
# Paragraph evidence needs the texts to share paragraphs holding at least this share of the
# shorter one's words: a spun copy shares a stray short line at most.
SHARED_PARAGRAPHS = 0.5

_TABLE: tuple[np.ndarray, np.ndarray] | None = None


def _table() -> tuple[np.ndarray, np.ndarray]:
    """wordfreq's English words as (sorted token hashes, Zipf frequency x 10), loaded once per process."""
    global _TABLE
    if _TABLE is None:
        from wordfreq import get_frequency_dict

        from newsclean.transforms.corpus.copies.features import token_hash

        pairs = {}
        for word, freq in get_frequency_dict("en").items():
            if word.isalpha() and freq > 0:
                pairs[token_hash(word)] = min(255, round(10 * (np.log10(freq) + 9)))
        keys = np.array(sorted(pairs), dtype=np.uint64)
        _TABLE = keys, np.array([pairs[k] for k in keys.tolist()], dtype=np.float64) / 10
    return _TABLE


def commonness(plain_hashes: np.ndarray) -> float:
    """Mean Zipf frequency of plain content words (hashes as :func:`features.token_hash` gives them);
    an unknown word counts as 0. 0.0 for a text without any."""
    if len(plain_hashes) == 0:
        return 0.0
    keys, zipf = _table()
    at = np.searchsorted(keys, plain_hashes)
    at[at >= len(keys)] = 0
    found = keys[at] == plain_hashes
    return float(np.where(found, zipf[at], 0.0).mean())


@dataclass(frozen=True)
class Paragraphs:
    """A text's paragraphs: word hashes (uint32), lengths in words (uint16) and cohesion (percent, uint8)."""

    hashes: np.ndarray
    words: np.ndarray
    cohesion: np.ndarray


def paragraphs(text: str) -> Paragraphs:
    """Every non-empty line of ``text`` as a paragraph (layout differences do not matter: words only)."""
    hashes, lengths, vocab = [], [], []
    for line in _PARAGRAPH_SPLIT.split(text):
        words = _WORD.findall(line.casefold())
        if not words:
            continue
        digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=4).digest()
        hashes.append(int.from_bytes(digest, "little"))
        lengths.append(min(len(words), 0xFFFF))
        vocab.append({w for w in _COHESION_WORD.findall(line.casefold()) if w not in FUNCTION_WORDS})
    spread = Counter(w for v in vocab for w in v)
    cohesion = [round(100 * sum(spread[w] > 1 for w in v) / len(v)) if v else 100 for v in vocab]
    return Paragraphs(
        np.array(hashes, dtype=np.uint32), np.array(lengths, dtype=np.uint16), np.array(cohesion, dtype=np.uint8)
    )


def edit_evidence(
    a: Paragraphs, b: Paragraphs, support: Counter | None = None, travelling: frozenset[int] = frozenset()
) -> int:
    """Words of evidence that ``b`` is an edited copy of ``a`` (negative: ``a`` of ``b``; 0: none).

    Paragraphs only one of them has, by what they look like: furniture (short)
    belongs to the copy that added it; a paragraph of the story (cohesive) to
    the original the other dropped it from; a foreign one (not cohesive) to the
    copy that added it. A paragraph in ``travelling`` (held by a text of
    another candidate group: another story) was added; with ``support`` (how
    many texts of the family hold each paragraph) one that two texts hold is
    the story's own whatever its cohesion. A paragraph changed by a few words is in neither's
    paragraphs of the other and cancels out; under ``FURNITURE_WORDS`` of
    evidence tells nothing, nor do texts that share too few paragraphs (a spun
    copy changes them all).
    """
    in_b = np.isin(a.hashes, b.hashes)
    in_a = np.isin(b.hashes, a.hashes)
    shorter = min(int(a.words.sum()), int(b.words.sum()))
    if not shorter or int(a.words[in_b].sum()) < SHARED_PARAGRAPHS * shorter:
        return 0
    evidence = _added(b, ~in_a, support, travelling) - _added(a, ~in_b, support, travelling)
    return evidence if abs(evidence) >= FURNITURE_WORDS else 0


def shares_paragraphs(a: Paragraphs, b: Paragraphs) -> bool:
    """Whether the texts share enough paragraphs for paragraph evidence to count (see :func:`edit_evidence`)."""
    in_b = np.isin(a.hashes, b.hashes)
    shorter = min(int(a.words.sum()), int(b.words.sum()))
    return bool(shorter) and int(a.words[in_b].sum()) >= SHARED_PARAGRAPHS * shorter


def _added(p: Paragraphs, only: np.ndarray, support: Counter | None, travelling: frozenset[int]) -> int:
    """Words of the paragraphs ``only`` of ``p`` that look added to a copy (minus those that look dropped from it)."""
    long = p.words >= FURNITURE_WORDS
    typical = float(np.median(p.cohesion[long])) if long.any() else 100.0
    words = p.words[only].astype(np.int64)
    short = words < FURNITURE_WORDS
    cohesion = p.cohesion[only]
    # furniture (a boilerplate line, a lede) shares few words with the story; a short line of the
    # story itself (a list item, a one-line quote) shares its names and topic words
    foreign = np.where(short, cohesion < FURNITURE_COHESION, cohesion < min(FOREIGN_COHESION, typical / 2))
    hashes = p.hashes[only].tolist()
    if support is not None:
        foreign &= np.array([support[h] < 2 for h in hashes], dtype=bool)
    if travelling:
        foreign |= np.array([h in travelling for h in hashes], dtype=bool)
    furniture = short & foreign
    foreign &= ~short
    own = ~furniture & ~foreign
    # furniture weighs as a full paragraph: a boilerplate line is short but plain evidence
    return int(np.count_nonzero(furniture) * FURNITURE_WORDS + words[foreign].sum() - words[own].sum())


def compare_text(
    a_paragraphs: Paragraphs,
    a_common: float,
    b_paragraphs: Paragraphs,
    b_common: float,
    margin: float,
    support: Counter | None = None,
    travelling: frozenset[int] = frozenset(),
) -> int:
    """+1 when the texts say ``a`` is the original of ``b``, -1 for the reverse, 0 when they do not tell.

    Paragraph evidence first (it is direct); commonness only when the texts do
    not share their paragraphs (spun copies), and only past ``margin`` Zipf units.
    """
    evidence = edit_evidence(a_paragraphs, b_paragraphs, support, travelling)
    if evidence:
        return 1 if evidence > 0 else -1
    if shares_paragraphs(a_paragraphs, b_paragraphs):
        return 0
    gap = a_common - b_common
    if abs(gap) < margin:
        return 0
    return 1 if gap > 0 else -1


def long_paragraphs(p: Paragraphs) -> np.ndarray:
    """The hashes of the paragraphs long enough to be looked up across the corpus (unique, sorted)."""
    return np.unique(p.hashes[p.words >= TRAVEL_WORDS])

"""Corpus-level boilerplate: lines that recur across many different documents of one source.

A footer, a newsletter blurb or a site's legal notice is the same line in every
article of a site; no single-document rule can be sure of it, counting can. The
counting must not mistake a syndicated story for boilerplate: when fifty outlets
(or fifty files of one folder) carry the same article word for word, its lines
recur fifty times too, but in documents that are copies of each other. That is a
duplicate, for the copy stage, not boilerplate. So a line is counted once per
distinct *document signature* (the document's longest lines, which copies share
and different articles do not), and a document never loses most of its words
to this rule: what recurs in it is then its body, not furniture.

Pure functions; ``transforms/beam_boilerplate.py`` runs them in two Beam passes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import posixpath
from collections.abc import Container, Iterable
from urllib.parse import urlsplit

import numpy as np

from newsclean.schemas.records import Article, Removed
from newsclean.transforms.corpus.fingerprint import content_hash
from newsclean.transforms.text import article_word_count, normalise_line, word_count
from newsclean.transforms.vocabulary import RuleName

RULE_RECURRING_IN_SOURCE = RuleName.RECURRING_IN_SOURCE

SIGNATURE_LINES = 3  # longest lines that make a document's signature
MAX_REMOVED_SHARE = 0.5  # a document never loses more of its words than this to the rule


def source_of(article: Article) -> str:
    """The site (URL host without ``www.``) or, without a URL, the input's folder."""
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    path = article.source_uri.split("#", 1)[0]
    return posixpath.dirname(path.replace("\\", "/")) or "."


def paragraphs_of(article: Article) -> list[str]:
    return [p for p in article.text.split("\n\n") if p.strip()]


def line_keys(paragraphs: Iterable[str]) -> list[str]:
    """Comparison keys: case-folded words only, so punctuation and spacing do not matter."""
    return [normalise_line(p) for p in paragraphs]


# A line is a 44-bit hash and a document signature a 20-bit one, so a (line, signature) pair packs
# into one 64-bit integer for counting. 44 bits keep even tens of millions of distinct lines
# apart (a collision merges two lines' counts); 20 bits keep the ten-odd documents a line is
# counted in apart.
LINE_BITS = 44
SIGNATURE_BITS = 64 - LINE_BITS


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def signature(keys: list[str]) -> int:
    """What copies of one article share and different articles do not: its longest lines (a hash)."""
    longest = sorted({k for k in keys if k}, key=lambda k: (-len(k), k))[:SIGNATURE_LINES]
    return _hash64("\n".join(sorted(longest))) >> LINE_BITS


def line_hash(source: str, key: str) -> int:
    """A line of one source as an integer: what the counting shuffles, not the line itself."""
    return _hash64(f"{source}\x00{key}") >> SIGNATURE_BITS


def line_occurrences(article: Article) -> list[tuple[int, int]]:
    """Pass 1 input: ``(line_hash, document_signature)`` once per distinct line of the article."""
    keys = line_keys(paragraphs_of(article))
    sig = signature(keys)
    source = source_of(article)
    return [(line_hash(source, key), sig) for key in sorted({k for k in keys if k})]


def pack_pairs(pairs: Iterable[tuple[int, int]]) -> np.ndarray:
    """``(line_hash, signature)`` pairs as one uint64 each, the line in the high bits."""
    packed = [(line << SIGNATURE_BITS) | sig for line, sig in pairs]
    return np.array(packed, dtype=np.uint64)


def packed_occurrences(article: Article) -> np.ndarray:
    """:func:`line_occurrences` packed (:func:`pack_pairs`): what pass 1 counts, one array an article."""
    return pack_pairs(line_occurrences(article))


def cap_per_line(packed: np.ndarray, keep: int) -> np.ndarray:
    """The distinct packed pairs, at most ``keep`` a line: the ``keep`` smallest signatures of each.

    Whether a line recurs under ``keep`` distinct signatures only needs that
    many, and the smallest ``keep`` of a union lie within the smallest ``keep``
    of each of its parts (bottom-k), so capped partial counts merge exactly. A
    line repeated across a large source then costs ``keep`` pairs, not one per
    document, and an accumulator grows with the source's distinct lines only.
    """
    distinct = np.unique(packed)
    if len(distinct) <= keep:
        return distinct
    lines = distinct >> np.uint64(SIGNATURE_BITS)
    first = np.flatnonzero(np.concatenate(([True], lines[1:] != lines[:-1])))
    sizes = np.diff(np.append(first, len(distinct)))
    if sizes.max() <= keep:
        return distinct
    rank = np.arange(len(distinct)) - np.repeat(first, sizes)
    return distinct[rank < keep]


def recurring_in_packed(packed: np.ndarray, min_docs: int) -> frozenset[int]:
    """The lines of packed pairs (:func:`pack_pairs`) seen under ``min_docs`` or more distinct
    signatures, from 8 bytes a pair: the one count both the in-memory and the Beam pass use."""
    if len(packed) == 0:
        return frozenset()
    lines, counts = np.unique(np.unique(packed) >> np.uint64(SIGNATURE_BITS), return_counts=True)
    return frozenset(int(line) for line in lines[counts >= min_docs])


def frequent_lines(occurrences: Iterable[tuple[int, int]], min_docs: int) -> frozenset[int]:
    """Pass 1, in memory: the line hashes seen under ``min_docs`` or more distinct signatures."""
    return recurring_in_packed(pack_pairs(occurrences), min_docs)


def holds_recurring(article: Article, keys: list[str], recurring: Container[int]) -> bool:
    """Whether :func:`remove_recurring` may change ``article``: one of its paragraphs is a recurring line.

    ``keys``: the case-folded words of each of its lines that has any, joined by spaces, as the
    copy profile's tokens hold them (:attr:`~newsclean.transforms.corpus.copies.features.Tokens.keys`).
    When no paragraph holds a line break they are the paragraphs' keys (case folding keeps word
    characters and others apart, so a line's folded tokens are the tokens of the folded line), and
    the paragraphs need no second word search; otherwise the keys are computed."""
    if not recurring:
        return False
    source = source_of(article)
    if "\n" in article.text.replace("\n\n", ""):
        keys = line_keys(paragraphs_of(article))
    return any(key and line_hash(source, key) in recurring for key in keys)


def remove_recurring(article: Article, recurring: Container[int]) -> Article:
    """Pass 2: ``article`` without the source's recurring lines, each recorded in ``removed``.

    Unchanged when the recurring lines would take more than ``MAX_REMOVED_SHARE``
    of its words: then they are the document's own text (a syndicated copy).
    """
    if not recurring:
        return article
    paragraphs = paragraphs_of(article)
    source = source_of(article)
    drop = [bool(k) and line_hash(source, k) in recurring for k in line_keys(paragraphs)]
    if not any(drop):
        return article
    total = sum(word_count(p) for p in paragraphs) or 1
    dropped = sum(word_count(p) for p, d in zip(paragraphs, drop, strict=True) if d)
    if dropped / total > MAX_REMOVED_SHARE:
        return article
    kept = [p for p, d in zip(paragraphs, drop, strict=True) if not d]
    text = "\n\n".join(kept)
    return dataclasses.replace(
        article,
        text=text,
        word_count=article_word_count(text),
        content_hash=content_hash(text),
        removed=[
            *article.removed,
            *(Removed(RULE_RECURRING_IN_SOURCE, p) for p, d in zip(paragraphs, drop, strict=True) if d),
        ],
    )

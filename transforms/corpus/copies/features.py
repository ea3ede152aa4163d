"""What a text contributes to copy detection: hashed word shingles and the immutables.

Everything here is deterministic across processes and runners: tokens are
hashed with blake2b (never Python's per-process ``hash``), shingles are folded
with fixed odd multipliers, and no state outlives a call except a cache of
token hashes (a pure function's memo).

Two views of a text:

* **word shingles** (``near``): hashes of every run of ``k`` consecutive words,
  case-folded. Copies with small edits share most of them; a spun copy shares
  almost none (the seeds: 6% of word 5-grams).
* **immutables** (``spun``): the tokens a synonym spinner leaves alone, after
  DSpin (Zhang et al., NDSS 2014): numbers, function words and capitalised
  words inside a sentence (names). Content words are dropped, not replaced, so
  a synonym of any length leaves no trace; runs of ``k`` consecutive
  immutables then survive spinning far better than word shingles (the seeds:
  4-immutable shingles Jaccard 0.31 against under 0.04 for unrelated news).
  Sentence-initial capitals are left out: they are mostly ordinary words that
  a spinner does replace.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from dataclasses import dataclass, field

import numpy as np
import regex

# Words, plus the marks after which the next word starts a sentence.
_TOKEN_OR_STOP = regex.compile(r"\w+|[.!?\n]")
_STOPS = frozenset(".!?\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _plane_tokens() -> re.Pattern[str]:
    """``_TOKEN_OR_STOP`` for texts of the Basic Multilingual Plane only, in the standard ``re``.

    ``re`` finds the words of a news text faster than ``regex``, but its ``\\w`` is
    not ``regex``'s (no combining marks or joiners; superscripts and fractions), and the lines'
    keys must stay those of the boilerplate pass. So the class is ``regex``'s ``\\w`` itself, listed
    as ranges over the plane's code points (made once a process, in milliseconds; ``re`` checks
    such a class by table). A text with a character beyond the plane keeps ``regex``."""
    plane = "".join(map(chr, range(0x10000)))
    runs = "".join(
        f"{re.escape(plane[start])}-{re.escape(plane[end - 1])}"
        for start, end in (m.span() for m in regex.finditer(r"\w+", plane))
    )
    return re.compile(f"[{runs}]+|[.!?\\n]")


def _token_strings(text: str) -> list[str]:
    """``_TOKEN_OR_STOP.findall(text)``, by ``re`` when the text allows (:func:`_plane_tokens`)."""
    if _ASTRAL.search(text) is None:
        return _plane_tokens().findall(text)
    return _TOKEN_OR_STOP.findall(text)


# Closed-class English words. Spinners swap content words for synonyms; they
# rarely touch these (DSpin's immutables are the words outside a spinner's
# dictionary). Kept short on purpose: words a spinner does rewrite ("also",
# "however", "between", "about") would only add noise.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those
    i me my we us our you your he him his she her it its they them their
    who whom whose which what
    am is are was were be been being have has had having do does did
    will would shall should can could may might must
    and or nor but if than as so not no
    of in on at to by for from with into onto up out off over
    s t
    """.split()
)

NUM_PERM = 128  # MinHash signature length (one-permutation hashing: one bin each)
_BIN_BITS = 7  # 2**7 == NUM_PERM bins, taken from the top bits of a shingle hash
_VALUE_SHIFT = np.uint64(64 - _BIN_BITS - 32)  # the 32 bits just below the bin bits
_EMPTY = np.uint32(0xFFFFFFFF)
# Odd multipliers that fold a window of token hashes into one shingle hash.
_WINDOW_MUL = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x94D049BB133111EB,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)
MAX_SHINGLE = len(_WINDOW_MUL)

_TOKEN_CACHE_MAX = 1 << 16  # distinct tokens, ~10 MB: a corpus's vocabulary (names, numbers) grows with it
_WORD_KIND, _STOP_KIND, _NEWLINE_KIND = 0, 1, 2


def token_hash(token: str) -> int:
    """A stable 64-bit hash of one (already case-folded) token."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class _Vocabulary:
    """Every token a worker has met, by id, and what a text's tokens are made of, one array a trait.

    A text's tokens become one array of ids (a dict look-up each, in C) and every trait of them
    one array index: no Python step per token. The ids live only inside a call of
    :func:`tokenise`: the vocabulary is emptied when it is full (a pure function's memo)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        size = 1024
        self.hash = np.zeros(size, dtype=np.uint64)  # of the case-folded token
        self.inside = np.zeros(size, dtype=bool)  # immutable inside a sentence (also a capitalised word)
        self.anywhere = np.zeros(size, dtype=bool)  # immutable anywhere: a number or a function word
        self.plain = np.zeros(size, dtype=bool)  # a lower-case content word, what a spinner swaps
        self.zipf = np.zeros(size, dtype=np.float64)  # a plain word's Zipf frequency (.tables.zipf_of)
        self.kind = np.zeros(size, dtype=np.int8)  # a word, a sentence stop, a line break
        self.fold = np.zeros(size, dtype=np.int64)  # id of the case-folded token
        self.cohesion = np.zeros(size, dtype=np.int64)  # its cohesion word's id, -1 none, -2 several
        self.pair_word = np.full(size, -1, dtype=np.int32)  # its index in the word-pair table (.tables.pair_words)
        self.text = np.empty(size, dtype=object)  # the case-folded token (a line's key is made of them)
        self.folded: list[str] = []  # case-folded tokens by fold id
        self.fold_ids: dict[str, int] = {}
        self.cohesion_ids: dict[str, int] = {}
        self.fold_cohesion: list[int] = []  # by fold id: its cohesion word's id, -1 none, -2 several
        self.several: dict[int, list[int]] = {}  # fold id -> its cohesion words' ids, when more than one
        for stop in ".!?":
            self._add(stop, _STOP_KIND)
        self._add("\n", _NEWLINE_KIND)

    _TRAITS = ("hash", "inside", "anywhere", "plain", "zipf", "kind", "fold", "cohesion", "pair_word", "text")

    def _grow(self) -> None:
        for name in self._TRAITS:
            old = getattr(self, name)
            new = np.full(2 * len(old), -1 if name == "pair_word" else None if name == "text" else 0, dtype=old.dtype)
            new[: len(old)] = old
            setattr(self, name, new)

    def _fold_id(self, folded: str) -> int:
        fid = self.fold_ids.get(folded)
        if fid is None:
            from newsclean.transforms.corpus.copies.origin import cohesion_words  # it needs this module's words

            fid = self.fold_ids[folded] = len(self.folded)
            self.folded.append(folded)
            words = sorted(cohesion_words([folded]))
            ids = [self.cohesion_ids.setdefault(w, len(self.cohesion_ids)) for w in words]
            if len(ids) > 1:
                self.several[fid] = ids
            self.fold_cohesion.append(ids[0] if len(ids) == 1 else -2 if ids else -1)
        return fid

    def _add(self, token: str, kind: int = _WORD_KIND) -> None:
        at = len(self.ids)
        if at == len(self.hash):
            self._grow()
        self.ids[token] = at
        self.kind[at] = kind
        if kind != _WORD_KIND:
            return
        from newsclean.transforms.corpus.copies.tables import zipf_of  # it needs this module's words

        folded = token.casefold()
        anywhere = folded in FUNCTION_WORDS or any(c.isdigit() for c in token)
        plain = not anywhere and len(token) > 2 and token.isalpha() and token.islower()
        value = token_hash(folded)
        fid = self._fold_id(folded)
        self.hash[at] = value
        self.text[at] = folded
        self.inside[at] = anywhere or token[0].isupper()
        self.anywhere[at] = anywhere
        self.plain[at] = plain
        self.zipf[at] = zipf_of(value) if plain else 0.0
        self.fold[at] = fid
        self.cohesion[at] = self.fold_cohesion[fid]

    def _add_words(self, tokens: list[str]) -> None:
        """:meth:`_add` of each of ``tokens`` (new words), their traits stored in whole-array steps:
        a worker meets tens of thousands of words, most of them in its first texts."""
        from newsclean.transforms.corpus.copies.tables import pair_words, zipf_of_all  # they need this module's words

        first = len(self.ids)
        while len(self.hash) < first + len(tokens):
            self._grow()
        folded = [token.casefold() for token in tokens]
        anywhere = [f in FUNCTION_WORDS or any(c.isdigit() for c in t) for t, f in zip(tokens, folded, strict=True)]
        fids = [self._fold_id(f) for f in folded]
        added = slice(first, first + len(tokens))
        self.ids.update(zip(tokens, range(first, first + len(tokens)), strict=True))
        self.kind[added] = _WORD_KIND
        self.hash[added] = [token_hash(f) for f in folded]
        self.anywhere[added] = anywhere
        self.inside[added] = [a or t[0].isupper() for t, a in zip(tokens, anywhere, strict=True)]
        plain = np.array(
            [not a and len(t) > 2 and t.isalpha() and t.islower() for t, a in zip(tokens, anywhere, strict=True)],
            dtype=bool,
        )
        self.plain[added] = plain
        self.zipf[added] = np.where(plain, zipf_of_all(self.hash[added]), 0.0)
        self.fold[added] = fids
        self.cohesion[added] = [self.fold_cohesion[f] for f in fids]
        self.text[added] = folded
        self.pair_word[added] = pair_words(self.hash[added])  # all the new words in one look-up

    def lookup(self, tokens: list[str]) -> np.ndarray:
        """The ids of ``tokens``, new ones added."""
        try:
            return np.fromiter(map(self.ids.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        except KeyError:
            self._add_words(sorted(set(tokens).difference(self.ids)))
            return np.fromiter(map(self.ids.__getitem__, tokens), dtype=np.int64, count=len(tokens))


_VOCABULARY = _Vocabulary()


def _vocabulary() -> _Vocabulary:
    """The worker's vocabulary, emptied between texts when full."""
    global _VOCABULARY
    if len(_VOCABULARY.ids) >= _TOKEN_CACHE_MAX:
        _VOCABULARY = _Vocabulary()
    return _VOCABULARY


@dataclass(frozen=True, eq=False)
class Tokens:
    """A text's word tokens as stable hashes: all of them, the immutables only, the plain words only
    (with their Zipf frequencies); and its lines that hold words, as the case-folded words in order
    (``folded``), where each line starts among them (``line_starts``) and, for the paragraphs'
    cohesion, each line's cohesion words by id (``cohesion_lines``, ``cohesion_ids``: pairs)."""

    words: np.ndarray  # uint64, case-folded words in order
    immutables: np.ndarray  # uint64, case-folded immutable tokens in order
    plain: np.ndarray  # uint64, lower-case content words (what a spinner replaces) in order
    plain_zipf: np.ndarray  # float64, the plain words' Zipf frequencies, in order
    word_text: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))  # the case-folded words
    line_starts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    cohesion_lines: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    cohesion_ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    pair_words: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # .tables.pair_words

    @functools.cached_property
    def folded(self) -> tuple[str, ...]:
        """The case-folded words in order (kept as one array of the vocabulary's strings until asked:
        only the boilerplate pass's line keys read them)."""
        return tuple(self.word_text.tolist())

    @functools.cached_property
    def bounds(self) -> list[tuple[int, int]]:
        """Each line's words as a ``(start, end)`` slice of ``folded``."""
        return list(itertools.pairwise([*self.line_starts.tolist(), len(self.word_text)]))

    @functools.cached_property
    def keys(self) -> list[str]:
        """Each line's case-folded words joined by spaces: the line's key (``text.words_key``)."""
        folded = self.folded
        return [" ".join(folded[a:b]) for a, b in self.bounds]

    @property
    def lines(self) -> list[list[str]]:
        """The case-folded words of each line that has any (what :func:`.origin.paragraphs` reads)."""
        return [list(self.folded[a:b]) for a, b in self.bounds]


_EMPTY_TOKENS = np.zeros(0, dtype=np.int64)


def tokenise(text: str) -> Tokens:
    """Hash every ``\\w+`` token once; keep the immutables' hashes in a second sequence.

    A word is an immutable when it is one anywhere (a number, a function word) or a capitalised
    word that does not start a sentence (the text's first token, or one after ``.!?`` or a line
    break). The lines' words come from the same pass: case folding maps word characters to word
    characters only and the others to others only (checked over every code point), so the
    folded tokens of a line are the tokens of the folded line."""
    vocabulary = _vocabulary()
    ids = vocabulary.lookup(_token_strings(text))
    kind = vocabulary.kind[ids]
    is_word = kind == _WORD_KIND
    after_stop = np.empty(len(ids), dtype=bool)
    if len(ids):
        after_stop[0] = True
        after_stop[1:] = kind[:-1] != _WORD_KIND
    word_ids = ids[is_word]
    starts_sentence = after_stop[is_word]
    hashes = vocabulary.hash[word_ids]
    immutable = vocabulary.anywhere[word_ids] | (vocabulary.inside[word_ids] & ~starts_sentence)
    plain = ~immutable & vocabulary.plain[word_ids]
    line_of_word = np.cumsum(kind == _NEWLINE_KIND)[is_word]
    new_line = np.empty(len(word_ids), dtype=bool)
    if len(word_ids):
        new_line[0] = True
        new_line[1:] = line_of_word[1:] != line_of_word[:-1]
    cohesion = vocabulary.cohesion[word_ids]
    line = np.cumsum(new_line) - 1
    has = cohesion >= 0
    cohesion_lines, cohesion_ids = line[has], cohesion[has]
    several = np.flatnonzero(cohesion == -2)
    if len(several):
        folds = vocabulary.fold[word_ids[several]].tolist()
        extra = [(int(line[i]), c) for i, f in zip(several.tolist(), folds, strict=True) for c in vocabulary.several[f]]
        cohesion_lines = np.concatenate([cohesion_lines, np.array([e[0] for e in extra], dtype=np.int64)])
        cohesion_ids = np.concatenate([cohesion_ids, np.array([e[1] for e in extra], dtype=np.int64)])
    return Tokens(
        hashes,
        hashes[immutable],
        hashes[plain],
        vocabulary.zipf[word_ids[plain]],
        vocabulary.text[word_ids],
        np.flatnonzero(new_line),
        cohesion_lines,
        cohesion_ids,
        vocabulary.pair_word[word_ids],
    )


def is_immutable(token: str, sentence_start: bool = False) -> bool:
    """A token a spinner leaves alone: a number, a function word, a capitalised word inside a sentence."""
    vocabulary = _vocabulary()
    at = int(vocabulary.lookup([token])[0])
    return bool(vocabulary.anywhere[at] or (vocabulary.inside[at] and not sentence_start))


def mix64(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser, vectorised: spreads every input bit over the output."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(30))
        values = values * np.uint64(0xBF58476D1CE4E5B9)
        values = values ^ (values >> np.uint64(27))
        values = values * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def sorted_unique(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` of a 1-D array, by one sort: numpy 2's ``np.unique`` goes through a
    hash table and then sorts what it kept, several times slower on the hundreds to thousands of
    values a text has (its shingles, its paragraphs) than sorting them once."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def shingle_hashes(token_hashes: np.ndarray, k: int) -> np.ndarray:
    """Sorted unique 64-bit hashes of every run of ``k`` tokens (the whole run if shorter)."""
    if not 1 <= k <= MAX_SHINGLE:
        raise ValueError(f"shingle size must be 1..{MAX_SHINGLE}")
    n = len(token_hashes)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    width = min(k, n)
    count = n - width + 1
    acc = np.full(count, width, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            acc = acc + token_hashes[j : j + count] * _WINDOW_MUL[j]
    return sorted_unique(mix64(acc))


def minhash(sorted_hashes: np.ndarray) -> np.ndarray:
    """A ``NUM_PERM``-value MinHash signature (uint32) by one-permutation hashing.

    Each hash falls in the bin named by its top bits; a bin keeps its smallest
    value, i.e. the first one in sorted order, so this is one ``searchsorted``
    instead of ``NUM_PERM`` passes. Empty bins borrow from the next full bin to
    the right with the distance mixed in (rotation densification, Shrivastava
    and Li 2014), so two signatures agree on a bin with probability about the
    Jaccard similarity of the sets. Input must be sorted and unique, as
    :func:`shingle_hashes` returns it.
    """
    if len(sorted_hashes) == 0:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    bins = (sorted_hashes >> np.uint64(64 - _BIN_BITS)).astype(np.int64)
    first = np.searchsorted(bins, np.arange(NUM_PERM))
    present = np.zeros(NUM_PERM, dtype=bool)
    inside = first < len(sorted_hashes)
    present[inside] = bins[first[inside]] == np.arange(NUM_PERM)[inside]
    values = np.zeros(NUM_PERM, dtype=np.uint64)
    values[present] = (sorted_hashes[first[present]] >> _VALUE_SHIFT) & np.uint64(0xFFFFFFFF)
    if not present.all():
        full = np.flatnonzero(present)
        idx = np.arange(NUM_PERM)
        # next full bin at or after each bin, circularly
        pos = np.searchsorted(full, idx) % len(full)
        source = full[pos]
        distance = (source - idx) % NUM_PERM
        borrowed = mix64(values[source] + distance.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        values = np.where(present, values, borrowed & np.uint64(0xFFFFFFFF))
    return values.astype(np.uint32)


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of agreeing MinHash bins: an unbiased estimate of the sets' Jaccard similarity."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def set_similarity(a: np.ndarray, b: np.ndarray) -> tuple[int, float, float]:
    """Exact (shared, Jaccard, containment of the smaller) of two sorted unique arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0, 0.0, 0.0
    both = np.concatenate((a, b))
    both.sort()
    shared = int(np.count_nonzero(both[1:] == both[:-1]))  # unique within each: a repeat is in both
    return shared, shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


@dataclass(frozen=True)
class Profile:
    """What copy detection keeps of one distinct text (one ``content_hash``).

    ``node`` is the text's id in the similarity graph; ``near_sig`` the MinHash
    of its word shingles; ``immutables`` the sorted unique 32-bit hashes of its
    immutable shingles, compared exactly when verifying a spun pair. The rest
    tells an original from its copies (:mod:`.origin`): ``commonness``, and
    the paragraphs' hashes, lengths in words, cohesion (percent), the
    hashes of their first and last words, and how many of their word pairs
    are not common English pairs.
    """

    node: int
    words: int
    near_sig: np.ndarray
    near_size: int
    immutables: np.ndarray
    commonness: float = 0.0
    paragraphs: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    paragraph_words: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint16))
    paragraph_cohesion: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint8))
    paragraph_starts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    paragraph_ends: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    paragraph_breaks: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint16))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Profile)
            and self.node == other.node
            and self.words == other.words
            and self.near_size == other.near_size
            and np.array_equal(self.near_sig, other.near_sig)
            and np.array_equal(self.immutables, other.immutables)
            and self.commonness == other.commonness
            and np.array_equal(self.paragraphs, other.paragraphs)
            and np.array_equal(self.paragraph_words, other.paragraph_words)
            and np.array_equal(self.paragraph_cohesion, other.paragraph_cohesion)
            and np.array_equal(self.paragraph_starts, other.paragraph_starts)
            and np.array_equal(self.paragraph_ends, other.paragraph_ends)
            and np.array_equal(self.paragraph_breaks, other.paragraph_breaks)
        )

    def __hash__(self) -> int:
        return hash((self.node, self.words, self.near_size))


_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_CASE_SAMPLE = 4000  # characters: the case of a text shows in its first lines


def case_rank(text: str) -> int:
    """0 for ordinary capitalisation, 1 for text in capitals or without any.

    Exact copies share a ``content_hash`` whatever their case, but immutables
    need the case (names are capitalised words): the text that stands for a
    ``content_hash`` is one with ordinary case when there is one. Counts ASCII
    letters only (fast, and enough to tell the case of a text).
    """
    sample = text[:_CASE_SAMPLE].encode("ascii", "ignore")
    letters = len(sample.translate(None, _NOT_LETTER))
    if not letters:
        return 0
    return 0 if 0.01 <= len(sample.translate(None, _NOT_UPPER)) / letters <= 0.5 else 1


def node_id(content_hash: str) -> int:
    """The graph id of a text: the first 60 bits of its content hash (stable, compact, and a
    non-negative int64 as Beam's integer coder wants)."""
    return int(content_hash[:15], 16)


def profile(text: str, content_hash: str, near_shingle: int = 5, spun_shingle: int = 4) -> Profile:
    """Everything copy detection needs of ``text``, computed once per distinct text."""
    return profile_of(tokenise(text), content_hash, near_shingle, spun_shingle)


def profile_of(tokens: Tokens, content_hash: str, near_shingle: int = 5, spun_shingle: int = 4) -> Profile:
    """:func:`profile` of the text whose :func:`tokenise` is ``tokens`` (a caller that reads the
    tokens for more than the profile tokenises once)."""
    from newsclean.transforms.corpus.copies import origin, tables  # they need this module's words

    near = shingle_hashes(tokens.words, near_shingle)
    immutables = shingle_hashes(tokens.immutables, spun_shingle)
    # 32 bits are plenty to compare two sets of a few thousand; halves what is shipped.
    compact = sorted_unique((immutables >> np.uint64(32)).astype(np.uint32))
    paras = origin.paragraphs_of_tokens(tokens)
    # float32: the value a profile file stores, so a profile read back compares equal
    # each plain word's frequency comes with its token (looked up once per word, not once per text)
    common = float(np.float32(tables.mean_zipf(tokens.plain_zipf)))
    return Profile(
        node_id(content_hash),
        len(tokens.words),
        minhash(near),
        len(near),
        compact,
        common,
        paras.hashes,
        paras.words,
        paras.cohesion,
        paras.starts,
        paras.ends,
        paras.breaks,
    )

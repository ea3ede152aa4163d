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

import hashlib
from dataclasses import dataclass, field

import numpy as np
import regex

# Words, plus the marks after which the next word starts a sentence.
_TOKEN_OR_STOP = regex.compile(r"\w+|[.!?\n]")
_STOPS = frozenset(".!?\n")

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

# token -> (hash of the case-folded token, is_immutable_inside_a_sentence, is_immutable_anywhere,
#           is_plain: a lower-case content word, what a spinner swaps, the case-folded token,
#           a plain word's Zipf frequency as :func:`.origin.mean_zipf` reads it, else 0.0)
_TOKEN_INFO: dict[str, tuple[int, bool, bool, bool, str, float]] = {}
_TOKEN_CACHE_MAX = 1 << 16  # entries, ~16 MB: a corpus's vocabulary (names, numbers) grows with it


def token_hash(token: str) -> int:
    """A stable 64-bit hash of one (already case-folded) token."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _token_info(token: str) -> tuple[int, bool, bool, bool, str, float]:
    info = _TOKEN_INFO.get(token)
    if info is None:
        from newsclean.transforms.corpus.copies.origin import zipf_of  # it needs this module's words

        folded = token.casefold()
        anywhere = folded in FUNCTION_WORDS or any(c.isdigit() for c in token)
        plain = not anywhere and len(token) > 2 and token.isalpha() and token.islower()
        value = token_hash(folded)
        info = (value, anywhere or token[0].isupper(), anywhere, plain, folded, zipf_of(value) if plain else 0.0)
        if len(_TOKEN_INFO) >= _TOKEN_CACHE_MAX:
            _TOKEN_INFO.clear()
        _TOKEN_INFO[token] = info
    return info


@dataclass(frozen=True)
class Tokens:
    """A text's word tokens as stable hashes: all of them, and the immutables only; and the
    case-folded words of each of its lines that has any (what :func:`.origin.paragraphs` reads)."""

    words: np.ndarray  # uint64, case-folded words in order
    immutables: np.ndarray  # uint64, case-folded immutable tokens in order
    plain: np.ndarray  # uint64, lower-case content words (what a spinner replaces) in order
    lines: list[list[str]] = field(default_factory=list)
    plain_zipf: list[float] = field(default_factory=list)  # the plain words' Zipf frequencies, in order


def tokenise(text: str) -> Tokens:
    """Hash every ``\\w+`` token once; keep the immutables' hashes in a second sequence.

    The lines' words come from the same pass: case folding maps word characters to word
    characters only and the others to others only (checked over every code point), so the
    folded tokens of a line are the tokens of the folded line."""
    words: list[int] = []
    immutables: list[int] = []
    plain: list[int] = []
    plain_zipf: list[float] = []
    lines: list[list[str]] = []
    line: list[str] = []
    sentence_start = True
    known = _TOKEN_INFO.get
    for token in _TOKEN_OR_STOP.findall(text):
        if token in _STOPS:
            sentence_start = True
            if token == "\n" and line:
                lines.append(line)
                line = []
            continue
        value, inside, anywhere, is_plain, folded, zipf = known(token) or _token_info(token)
        words.append(value)
        line.append(folded)
        if anywhere or (inside and not sentence_start):
            immutables.append(value)
        elif is_plain:
            plain.append(value)
            plain_zipf.append(zipf)
        sentence_start = False
    if line:
        lines.append(line)
    return Tokens(
        np.array(words, dtype=np.uint64),
        np.array(immutables, dtype=np.uint64),
        np.array(plain, dtype=np.uint64),
        lines,
        plain_zipf,
    )


def is_immutable(token: str, sentence_start: bool = False) -> bool:
    """A token a spinner leaves alone: a number, a function word, a capitalised word inside a sentence."""
    _, inside, anywhere, _, _, _ = _token_info(token)
    return anywhere or (inside and not sentence_start)


def _mix(values: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser, vectorised: spreads every input bit over the output."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(30))
        values = values * np.uint64(0xBF58476D1CE4E5B9)
        values = values ^ (values >> np.uint64(27))
        values = values * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


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
    return np.unique(_mix(acc))


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
        borrowed = _mix(values[source] + distance.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        values = np.where(present, values, borrowed & np.uint64(0xFFFFFFFF))
    return values.astype(np.uint32)


def estimated_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Share of agreeing MinHash bins: an unbiased estimate of the sets' Jaccard similarity."""
    return float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)


def set_similarity(a: np.ndarray, b: np.ndarray) -> tuple[int, float, float]:
    """Exact (shared, Jaccard, containment of the smaller) of two sorted unique arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0, 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared, shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


@dataclass(frozen=True)
class Profile:
    """What copy detection keeps of one distinct text (one ``content_hash``).

    ``node`` is the text's id in the similarity graph; ``near_sig`` the MinHash
    of its word shingles; ``immutables`` the sorted unique 32-bit hashes of its
    immutable shingles, compared exactly when verifying a spun pair. The rest
    tells an original from its copies (:mod:`.origin`): ``commonness``, and
    the paragraphs' hashes, lengths in words, cohesion (percent) and the
    hashes of their first and last words.
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
    from newsclean.transforms.corpus.copies import origin  # it needs this module's words

    near = shingle_hashes(tokens.words, near_shingle)
    immutables = shingle_hashes(tokens.immutables, spun_shingle)
    # 32 bits are plenty to compare two sets of a few thousand; halves what is shipped.
    compact = np.unique((immutables >> np.uint64(32)).astype(np.uint32))
    paras = origin.paragraphs_of_lines(tokens.lines)
    # float32: the value a profile file stores, so a profile read back compares equal
    # each plain word's frequency comes with its token (looked up once per word, not once per text)
    common = float(np.float32(origin.mean_zipf(tokens.plain_zipf)))
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
    )

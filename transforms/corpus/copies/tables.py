"""The word tables the origin rules read (:mod:`.origin`), each built once per package version into
the cache folder: wordfreq's English Zipf frequencies (a text's commonness) and symspellpy's common
English word pairs (a paragraph's broken pairs: fluency)."""

from __future__ import annotations

import numpy as np

_TABLE: tuple[np.ndarray, np.ndarray] | None = None

# Common English word pairs (symspellpy's 243,342 bigrams over 19,792 words): each word of a text
# gets its index among the table's words once per vocabulary entry (exact), and a pair of two known
# words is a key (first index << PAIR_WORD_BITS | second) looked up in a blocked Bloom filter of the
# pairs' keys: one multiplicative hash picks one of 2**PAIR_BLOCK_BITS 64-bit blocks (2 MB) and two
# bits in it, so a look-up is one gather; about 0.2% of other pairs of known words read as common.
PAIR_WORD_BITS = 20  # 2**20 is more than the table's words
PAIR_BLOCK_BITS = 18
PAIRS_FORMAT = 7  # bump when _build_pairs changes what it computes
_PAIR_MUL = np.uint64(0x9E3779B97F4A7C15)
_PAIRS_FILE = "symspellpy/frequency_bigramdictionary_en_243_342.txt"
_PAIRS: dict[str, np.ndarray] | None = None


def _build_table() -> tuple[np.ndarray, np.ndarray]:
    """wordfreq's English words as (sorted token hashes, Zipf frequency x 10 as uint8)."""
    from wordfreq import get_frequency_dict

    from newsclean.transforms.corpus.copies.features import token_hash

    pairs = {}
    for word, freq in get_frequency_dict("en").items():
        if word.isalpha() and freq > 0:
            pairs[token_hash(word)] = min(255, round(10 * (np.log10(freq) + 9)))
    keys = np.array(sorted(pairs), dtype=np.uint64)
    return keys, np.array([pairs[k] for k in keys.tolist()], dtype=np.uint8)


TABLE_FORMAT = 1  # bump when _build_table changes what it computes


def _cached_table() -> tuple[np.ndarray, np.ndarray]:
    """:func:`_build_table`'s arrays, built once per wordfreq version (:func:`_cached`)."""

    def build() -> dict[str, np.ndarray]:
        keys, zipf = _build_table()
        return {"keys": keys, "zipf": zipf}

    stored = _cached("wordfreq-en", "wordfreq", TABLE_FORMAT, build)
    return stored["keys"], stored["zipf"]


def _cached(name: str, package: str, version: int, build) -> dict[str, np.ndarray]:
    """The arrays ``build()`` returns, built once per version of ``package`` into the cache folder that
    holds py3langid's model (``transforms/cleaning/langid_model.py``) and read from there by every
    later process: building them costs each worker about a second of hashing. Built in memory
    where that folder cannot be written."""
    import importlib.metadata
    import os
    import tempfile

    from newsclean.transforms.cleaning.langid_model import cache_folder

    try:
        folder = cache_folder()
        path = folder / f"{name}-{importlib.metadata.version(package)}-{version}.npz"
        if path.is_file():
            with np.load(path, allow_pickle=False) as stored:
                return {key: stored[key] for key in stored.files}
        arrays = build()
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}-", suffix=".npz", dir=folder)
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **arrays)
        os.replace(temporary, path)  # another process may have written the same arrays first
        return arrays
    except (OSError, ValueError, KeyError, importlib.metadata.PackageNotFoundError):
        return build()


def _table() -> tuple[np.ndarray, np.ndarray]:
    """wordfreq's English words as (sorted token hashes, Zipf frequency), loaded once per process."""
    global _TABLE
    if _TABLE is None:
        keys, zipf = _cached_table()
        _TABLE = keys, zipf.astype(np.float64) / 10
    return _TABLE


def _build_pairs() -> dict[str, np.ndarray]:
    """symspellpy's English word pairs: ``words``, the sorted token hashes of the words they are made
    of, and ``pairs``, the blocked Bloom filter (uint64 blocks) of the pairs' keys (:func:`pair_keys`
    of the words' indexes); both empty when the package is missing, which leaves fluency silent
    (every paragraph breaks nothing)."""
    import importlib.metadata

    from newsclean.transforms.corpus.copies.features import token_hash

    try:
        path = importlib.metadata.distribution("symspellpy").locate_file(_PAIRS_FILE)
        with open(path, encoding="utf-8") as handle:
            pairs = [line.split()[:2] for line in handle]
    except (OSError, importlib.metadata.PackageNotFoundError):
        return {"pairs": np.zeros(0, dtype=np.uint64), "words": np.zeros(0, dtype=np.uint64)}
    first = np.array([token_hash(a) for a, b in pairs], dtype=np.uint64)
    second = np.array([token_hash(b) for a, b in pairs], dtype=np.uint64)
    words = np.unique(np.concatenate([first, second]))
    keys = pair_keys(np.searchsorted(words, first), np.searchsorted(words, second))
    block, mask = _pair_block(keys)
    bits = np.zeros(1 << PAIR_BLOCK_BITS, dtype=np.uint64)
    np.bitwise_or.at(bits, block, mask)
    return {"pairs": bits, "words": words}


def _pairs() -> dict[str, np.ndarray]:
    """:func:`_build_pairs`, built once per symspellpy version into the cache folder (as
    :func:`_cached_table`) and loaded once per process."""
    global _PAIRS
    if _PAIRS is None:
        _PAIRS = _cached("en-pairs", "symspellpy", PAIRS_FORMAT, _build_pairs)
    return _PAIRS


def pair_keys(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The key of each word pair (uint64), from the two words' indexes in the table's words."""
    return (first.astype(np.uint64) << np.uint64(PAIR_WORD_BITS)) | second.astype(np.uint64)


def _pair_block(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pair key's block in the Bloom filter and its two bits there (a uint64 mask), all from the
    top bits of one multiplicative hash."""
    hashed = keys * _PAIR_MUL
    block = (hashed >> np.uint64(64 - PAIR_BLOCK_BITS)).astype(np.int64)
    one = np.uint64(1)
    mask = (one << ((hashed >> np.uint64(40)) & np.uint64(63))) | (one << ((hashed >> np.uint64(34)) & np.uint64(63)))
    return block, mask


def pair_words(token_hashes: np.ndarray) -> np.ndarray:
    """Each word's index among the table's words (:func:`features.token_hash` values in; int32, -1 for a
    word the table does not know, and for every word without the table)."""
    words = _pairs()["words"]
    out = np.full(len(token_hashes), -1, dtype=np.int32)
    if not len(words) or not len(token_hashes):
        return out
    at = np.minimum(np.searchsorted(words, token_hashes), len(words) - 1)
    known = words[at] == token_hashes
    out[known] = at[known]
    return out


def pair_breaks(words: np.ndarray, line_starts: np.ndarray) -> np.ndarray:
    """For each line (``line_starts`` into ``words``, each word's :func:`pair_words` index, in order), how
    many of its adjacent word pairs are *broken*: two words of the table's English, not a common pair
    (uint16; all 0 without the table). A pair with a word the table does not know (a name, a number,
    a rare word) says nothing either way."""
    count = len(line_starts)
    common = _pairs()["pairs"]
    if not len(common) or len(words) < 2:
        return np.zeros(count, dtype=np.uint16)
    # a pair across two lines is no pair; only pairs of two known words are looked up
    ok = (words[:-1] >= 0) & (words[1:] >= 0)
    ok[line_starts[1:] - 1] = False
    at = np.flatnonzero(ok)
    block, mask = _pair_block(pair_keys(words[at], words[at + 1]))
    broken = at[(common[block] & mask) != mask]
    line = np.searchsorted(line_starts, broken, side="right") - 1  # each pair's line: its first word's
    return np.minimum(np.bincount(line, minlength=count), 0xFFFF).astype(np.uint16)


def zipf_of(token_hash: int) -> float:
    """One plain word's term of :func:`mean_zipf` (its token hash as :func:`features.token_hash`
    gives it): its Zipf frequency, 0.0 when the table does not know it."""
    keys, zipf = _table()
    at = int(np.searchsorted(keys, np.uint64(token_hash)))
    return float(zipf[at]) if at < len(keys) and int(keys[at]) == token_hash else 0.0


def zipf_of_all(token_hashes: np.ndarray) -> np.ndarray:
    """:func:`zipf_of` of each of ``token_hashes`` (uint64), in one search of the table."""
    keys, zipf = _table()
    if not len(keys):
        return np.zeros(len(token_hashes), dtype=np.float64)
    at = np.minimum(np.searchsorted(keys, token_hashes), len(keys) - 1)
    return np.where(keys[at] == token_hashes, zipf[at], 0.0)


def mean_zipf(frequencies: list[float] | np.ndarray) -> float:
    """A text's commonness: the mean Zipf frequency of its plain content words, each as :func:`zipf_of`
    gives it (an unknown word counts as 0), in order; 0.0 for a text without any."""
    if len(frequencies) == 0:
        return 0.0
    return float(np.asarray(frequencies, dtype=np.float64).mean())

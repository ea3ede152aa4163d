"""Tokens, shingles, MinHash and immutables: the raw material of copy detection."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.transforms.corpus.copies import features as F
from tests.copies_helpers import ROOT, seeds


def _immutable_words(text: str) -> list[str]:
    tokens = F.tokenise(text)
    names = {F.token_hash(w.casefold()): w for w in text.replace(".", " ").split()}
    return [names[h] for h in tokens.immutables.tolist()]


def test_immutables_keep_numbers_function_words_and_names_inside_sentences() -> None:
    kept = _immutable_words("Officials said the 2015 deal with Tehran was signed. Moscow agreed")
    assert kept == ["the", "2015", "with", "Tehran", "was"]


def test_sentence_initial_capital_is_not_an_immutable_but_a_capitalised_function_word_is() -> None:
    assert _immutable_words("Tensions rose. The talks failed") == ["The"]


def test_shingles_depend_on_order_and_case_folding() -> None:
    a = F.tokenise("the cold war ended in 1991").words
    b = F.tokenise("The Cold War ended in 1991").words
    c = F.tokenise("the war cold ended in 1991").words
    assert np.array_equal(F.shingle_hashes(a, 3), F.shingle_hashes(b, 3))
    assert not np.array_equal(F.shingle_hashes(a, 3), F.shingle_hashes(c, 3))


def test_short_text_is_one_shingle() -> None:
    assert len(F.shingle_hashes(F.tokenise("two words").words, 5)) == 1
    assert len(F.shingle_hashes(np.zeros(0, dtype=np.uint64), 5)) == 0


def test_the_standard_re_pattern_finds_regexs_words_over_the_whole_plane() -> None:
    """``re`` with the listed class finds what ``regex``'s ``\\w`` finds, whatever the code point (marks,
    superscripts, joiners, connector punctuation): lines keep the boilerplate pass's keys."""
    plane = "".join(map(chr, range(0x10000)))
    assert F._plane_tokens().findall(plane) == F._TOKEN_OR_STOP.findall(plane)
    for text in ("Cafe\u0301 x\u00b2 \u00bd a\u200db a\u203fb. Next", "Emoji \U0001f389 and \U0001d400bold\nline"):
        assert F._token_strings(text) == F._TOKEN_OR_STOP.findall(text)


@given(
    values=st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=60),
    dtype=st.sampled_from([np.uint64, np.uint32, np.int64]),
)
def test_sorted_unique_is_numpys_unique(values: list[int], dtype: type) -> None:
    array = np.array([v % 2**31 if dtype is not np.uint64 else v for v in values], dtype=dtype)
    got = F.sorted_unique(array)
    assert got.dtype == array.dtype
    assert np.array_equal(got, np.unique(array))


@settings(max_examples=30)
@given(
    size=st.integers(min_value=200, max_value=3000),
    jaccard=st.floats(min_value=0.05, max_value=0.95),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_minhash_estimates_jaccard(size: int, jaccard: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    union = F.mix64(rng.integers(0, 2**63, size=size, dtype=np.uint64))
    shared = round(jaccard * size)
    half = (size - shared) // 2
    a = np.unique(union[: half + shared])
    b = np.unique(union[half:])
    true = len(np.intersect1d(a, b)) / len(np.union1d(a, b))
    # 128 bins: the standard error is at most 0.045; 4.5 of them is a real failure, not noise
    assert abs(F.estimated_jaccard(F.minhash(a), F.minhash(b)) - true) < 0.2


def test_identical_sets_agree_everywhere_disjoint_sets_almost_nowhere() -> None:
    rng = np.random.default_rng(7)
    a = np.unique(F.mix64(rng.integers(0, 2**63, size=50, dtype=np.uint64)))
    b = np.unique(F.mix64(rng.integers(0, 2**63, size=50, dtype=np.uint64)))
    assert F.estimated_jaccard(F.minhash(a), F.minhash(a)) == 1.0
    assert F.estimated_jaccard(F.minhash(a), F.minhash(b)) < 0.1


def test_seeds_share_few_word_shingles_but_many_immutable_shingles() -> None:
    original, spun = seeds()
    a = F.profile(original.text, original.content_hash)
    b = F.profile(spun.text, spun.content_hash)
    assert F.estimated_jaccard(a.near_sig, b.near_sig) < 0.15  # FACTS: word 5-gram Jaccard 0.058
    _, jaccard, _ = F.set_similarity(a.immutables, b.immutables)
    assert jaccard > 0.25


def test_profiles_are_the_same_in_another_process_with_another_hash_seed() -> None:
    script = (
        "from tests.copies_helpers import seeds; from newsclean.transforms.corpus.copies.features import profile; "
        "a, _ = seeds(); p = profile(a.text, a.content_hash); "
        "print(p.node, p.near_sig.tobytes().hex(), p.immutables.tobytes().hex())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1 and outputs.pop().strip()


def test_word_table_from_the_cache_is_the_one_built(tmp_path, monkeypatch) -> None:
    """The commonness table is built once into the cache folder; read back, it is the same arrays,
    and where the folder cannot be written it is built in memory."""
    from newsclean.transforms.corpus.copies import tables

    built = tables._build_table()
    monkeypatch.setenv("NEWSCLEAN_CACHE", str(tmp_path / "cache"))
    for _ in range(2):  # the first call writes the file, the second reads it
        keys, zipf = tables._cached_table()
        assert np.array_equal(keys, built[0]) and np.array_equal(zipf, built[1]) and zipf.dtype == np.uint8
    assert len(list((tmp_path / "cache").glob("wordfreq-en-*.npz"))) == 1
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("NEWSCLEAN_CACHE", str(tmp_path / "file"))
    keys, zipf = tables._cached_table()
    assert np.array_equal(keys, built[0]) and np.array_equal(zipf, built[1])


def test_word_pair_table_from_the_cache_is_the_one_built(tmp_path, monkeypatch) -> None:
    """The word-pair table is built once into the cache folder and read back the same; without
    symspellpy's file it is empty, and every paragraph then breaks nothing."""
    from newsclean.transforms.corpus.copies import origin, tables

    built = tables._build_pairs()
    assert built["pairs"].any() and built["words"].any()
    monkeypatch.setenv("NEWSCLEAN_CACHE", str(tmp_path / "cache"))
    for _ in range(2):  # the first call writes the file, the second reads it
        monkeypatch.setattr(tables, "_PAIRS", None)
        table = tables._pairs()
        assert all(np.array_equal(table[k], built[k]) for k in ("pairs", "words"))
    assert len(list((tmp_path / "cache").glob("en-pairs-*.npz"))) == 1
    monkeypatch.setattr(tables, "_PAIRS_FILE", "symspellpy/no-such-file.txt")
    missing = tables._build_pairs()
    assert not len(missing["pairs"]) and not len(missing["words"])
    monkeypatch.setattr(tables, "_PAIRS", missing)
    monkeypatch.setattr(F, "_VOCABULARY", F._Vocabulary())
    text = "They the provide a user new.\nAnd the more so"
    assert origin.paragraphs(text).breaks.tolist() == [0, 0]
    assert origin.paragraphs_of_tokens(F.tokenise(text)).breaks.tolist() == [0, 0]


def test_paragraph_cohesion_words_are_the_pattern_matches() -> None:
    """Cohesion words read from a line's word tokens are exactly the pattern's matches in the line."""
    from newsclean.transforms.corpus.copies import origin

    line = "Ünïcode 2024_x ab12cdef ＡＢＣＤ ǆemal straße ﬁnance क्षेत्र में ٢٠٢٤ سنة ①② x_y_z abcd_efgh which covid19"
    folded = line.casefold()
    expected = {w for w in origin._COHESION_WORD.findall(folded) if w not in F.FUNCTION_WORDS}
    assert origin.cohesion_words(origin._WORD.findall(folded)) == expected
    assert "efgh" in expected and "covid" in expected and "which" not in expected


_MIXED_TEXTS = (
    "",
    "One",
    "Officials said the 2015 deal with Tehran was signed. Moscow agreed\n\nThe deal held! Tehran agreed? Yes",
    "Ünïcode 2024_x ab12cdef ＡＢＣＤ ǆemal straße STRASSE ﬁnance\nक्षेत्र में ٢٠٢٤ سنة ①② x_y_z abcd_efgh covid19\n\n"
    "abcd_efgh again, straße again and covid19abcd_efgh\n.\n!\nThe The the",
    "short\nlines only\nfour words are here\nfive words are here now\nfive words are here now",
)


def test_paragraphs_from_the_tokens_are_the_paragraphs_of_the_text() -> None:
    """The profile's paragraphs (hashes, lengths, cohesion, edges), read from the tokens' arrays, are
    those :func:`origin.paragraphs` reads from the text's lines, words with several cohesion words too."""
    from newsclean.transforms.corpus.copies import origin

    for text in _MIXED_TEXTS:
        tokens = F.tokenise(text)
        assert tokens.lines == [w for line in text.split("\n") if (w := origin._WORD.findall(line.casefold()))]
        assert tokens.keys == [" ".join(words) for words in tokens.lines]
        got, expected = origin.paragraphs_of_tokens(tokens), origin.paragraphs(text)
        for name in ("hashes", "words", "cohesion", "starts", "ends", "breaks"):
            assert getattr(got, name).dtype == getattr(expected, name).dtype, name
            assert np.array_equal(getattr(got, name), getattr(expected, name)), name


def test_tokens_do_not_depend_on_the_vocabulary_met_before(monkeypatch) -> None:
    """A worker's vocabulary is emptied when full; the tokens of a text stay the same."""
    before = [F.tokenise(text) for text in _MIXED_TEXTS]
    monkeypatch.setattr(F, "_TOKEN_CACHE_MAX", 3)
    for text, expected in zip(_MIXED_TEXTS, before, strict=True):
        got = F.tokenise(text)
        for name in ("words", "immutables", "plain", "plain_zipf", "line_starts"):
            assert np.array_equal(getattr(got, name), getattr(expected, name)), name
        assert got.folded == expected.folded
        assert F.profile_of(got, "ab" * 16) == F.profile_of(expected, "ab" * 16)

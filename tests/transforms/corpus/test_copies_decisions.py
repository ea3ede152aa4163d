"""The canonical record, copy kinds, and the whole stage in memory (the reference)."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np

from newsclean.transforms.corpus.copies.canonical import Dating, Member, earlier, is_original, resolve
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile, profile
from newsclean.transforms.corpus.copies.reference import Record, mark_copies
from newsclean.transforms.corpus.copies.verify import score
from newsclean.transforms.corpus.fingerprint import content_hash
from tests.copies_helpers import edited, seeds, summit

D = dt.date


def _record(doc_id: str, text: str, day: dt.date | None = None) -> Record:
    return Record(doc_id, text, content_hash(text), day)


def _fake(node: int, immutables: list[int], sig: int = 0) -> Profile:
    return Profile(node, 100, np.full(128, sig, dtype=np.uint32), 50, np.array(sorted(immutables), dtype=np.uint32))


def test_seeds_are_one_cluster_with_000_canonical_and_003_spun() -> None:
    original, spun = seeds()
    decisions = mark_copies(
        [_record("a000", original.text, original.published_date), _record("b003", spun.text, spun.published_date)]
    )
    assert {k: (v.duplicate_of, v.duplicate_kind) for k, v in decisions.items()} == {"b003": ("a000", "spun")}


def test_seed_order_of_ids_does_not_decide_the_canonical() -> None:
    original, spun = seeds()
    # the spun copy gets the smaller doc_id; the dated original still wins
    decisions = mark_copies([_record("z000", original.text, D(2025, 1, 17)), _record("a003", spun.text, None)])
    assert decisions["a003"].duplicate_of == "z000"


def test_exact_near_and_spun_copies_are_marked_and_nothing_else() -> None:
    original, spun = seeds()
    text = original.text
    records = [
        _record("orig", text, D(2025, 1, 17)),
        _record("exact", text.replace("\n\n", "\n").upper(), D(2025, 1, 18)),  # layout and case only
        _record("near", edited(text), D(2025, 1, 18)),
        _record("spun", spun.text, D(2025, 1, 20)),
        _record("other-a", summit("a"), D(2025, 1, 17)),
        _record("other-b", summit("b"), D(2025, 1, 17)),
    ]
    decisions = mark_copies(records)
    assert {k: (v.duplicate_of, v.duplicate_kind) for k, v in decisions.items()} == {
        "exact": ("orig", "exact"),
        "near": ("orig", "near"),
        "spun": ("orig", "spun"),
    }


def test_two_reports_of_the_same_summit_are_not_copies() -> None:
    # same people, places, figures and one shared quote; different articles
    assert mark_copies([_record("a", summit("a")), _record("b", summit("b"))]) == {}


def test_shuffled_input_gives_the_same_decisions() -> None:
    original, spun = seeds()
    records = [
        _record("o", original.text, D(2025, 1, 17)),
        _record("n", edited(original.text), D(2025, 1, 17)),
        _record("s", spun.text, D(2025, 1, 17)),
        _record("x", summit("a")),
    ]
    expected = mark_copies(records)
    rnd = random.Random(4)
    for _ in range(3):
        rnd.shuffle(records)
        assert mark_copies(records) == expected


def test_canonical_is_earliest_dated_then_smallest_doc_id() -> None:
    profiles = {1: _fake(1, [1, 2, 3])}
    members = [Member("c", 1, D(2025, 1, 3)), Member("b", 1, None), Member("a", 1, D(2025, 1, 3))]
    decisions = resolve(members, profiles, CopiesConfig())
    assert sorted((d.doc_id, d.duplicate_of, d.duplicate_kind) for d in decisions) == [
        ("b", "a", "exact"),
        ("c", "a", "exact"),
    ]
    decisions = resolve([Member("b", 1, None), Member("a", 1, None)], profiles, CopiesConfig())
    assert [(d.doc_id, d.duplicate_of) for d in decisions] == [("b", "a")]


def test_a_text_not_verified_against_the_canonical_is_not_its_member() -> None:
    # 1 ~ 2 and 2 ~ 3 verify, 1 and 3 share nothing: a chain, not a copy
    profiles = {
        1: _fake(1, list(range(0, 100)), sig=1),
        2: _fake(2, list(range(0, 100)) + list(range(1000, 1100)), sig=2),
        3: _fake(3, list(range(1000, 1100)), sig=3),
    }
    members = [Member("one", 1, D(2025, 1, 1)), Member("two", 2, D(2025, 1, 2)), Member("three", 3, D(2025, 1, 3))]
    decisions = resolve(members, profiles, CopiesConfig())
    # connected components would put all three under "one"; the star keeps "three" out
    assert [(d.doc_id, d.duplicate_of) for d in decisions] == [("two", "one")]


def test_near_kind_follows_the_word_signature() -> None:
    original, _ = seeds()
    a = profile(original.text, original.content_hash)
    near_text = edited(original.text)
    b = profile(near_text, content_hash(near_text))
    decisions = resolve(
        [Member("a", a.node, D(2025, 1, 1)), Member("b", b.node, D(2025, 1, 2))], {a.node: a, b.node: b}, CopiesConfig()
    )
    assert [(d.doc_id, d.duplicate_of, d.duplicate_kind) for d in decisions] == [("b", "a", "near")]


def test_thresholds_are_options_that_change_the_outcome() -> None:
    original, spun = seeds()
    records = [_record("a", original.text, D(2025, 1, 17)), _record("b", spun.text)]
    assert mark_copies(records, CopiesConfig(spun_threshold=0.9)) == {}


def test_a_date_bounds_a_text_with_undated_records_from_above_only() -> None:
    day = Dating(D(2025, 1, 18))
    assert earlier(Dating(D(2025, 1, 17)), day) == 1 and earlier(day, Dating(D(2025, 1, 17))) == -1
    # a text one of whose records is undated may be older than its earliest date: a later date tells nothing
    assert earlier(day, Dating(D(2025, 1, 20), complete=False)) == 0
    assert earlier(Dating(D(2025, 1, 20), complete=False), day) == 0
    # ... but an earlier one still does
    assert earlier(Dating(D(2025, 1, 17), complete=False), day) == 1
    assert earlier(Dating(None), day) == 0 and earlier(day, day) == 0


def test_an_undated_original_is_not_dated_by_its_later_exact_copy() -> None:
    original, _ = seeds()
    records = [
        _record("orig", original.text),  # the original, undated
        _record("reprint", original.text.replace("\n\n", "\n"), D(2025, 1, 20)),  # an exact copy, later
        _record("edited", edited(original.text), D(2025, 1, 18)),  # last paragraph dropped, furniture added
    ]
    # the text's earliest date (20 January) is only an upper bound: the edits decide, not the dates;
    # within the original's text the dated record stands for it
    marks = {k: (v.duplicate_of, v.duplicate_kind) for k, v in mark_copies(records).items()}
    assert marks == {"orig": ("reprint", "exact"), "edited": ("reprint", "near")}


def _change_word(text: str, paragraph: int, old: str = " the ", new: str = " a ") -> str:
    paragraphs = text.split("\n\n")
    assert old in paragraphs[paragraph]
    paragraphs[paragraph] = paragraphs[paragraph].replace(old, new, 1)
    return "\n\n".join(paragraphs)


def test_the_family_tells_the_original_when_its_paragraphs_mislead() -> None:
    original, _ = seeds()
    text = original.text
    # a copy that changed a word and added a paragraph of the story's own words: read alone, the original looks
    # like it dropped that paragraph
    padded = "\n\n".join(
        [
            _change_word(text, 8),
            "Russia and Iran signed the treaty in Moscow as Putin and Pezeshkian met, deepening the trade, "
            "defense and security cooperation between Moscow and Tehran.",
        ]
    )
    a, b = profile(text, content_hash(text)), profile(padded, content_hash(padded))
    assert is_original(a, Dating(), b, Dating(), CopiesConfig()) == -1
    # two more copies, each with a word changed of its own: both share more with the original than with the padded copy
    records = [
        _record("a-padded", padded),
        _record("b-one", _change_word(text, 2)),
        _record("c-two", _change_word(text, 5)),
        _record("z-orig", text),
    ]
    decisions = mark_copies(records)
    assert {v.duplicate_of for v in decisions.values()} == {"z-orig"} and len(decisions) == 3


def test_a_copy_cut_short_loses_to_its_original_though_a_witness_is_cut_shorter() -> None:
    original, _ = seeds()
    paragraphs_ = original.text.split("\n\n")
    cut = "\n\n".join(paragraphs_[:-3])
    shorter = _change_word("\n\n".join(paragraphs_[:-8]), 2)
    # the shorter witness shares as many shingles with the cut copy as with the original: its Jaccard is higher
    # with the cut copy (closer in length), while the cut copy lost shingles the original still has
    a, b, w = (profile(t, content_hash(t)) for t in (original.text, cut, shorter))
    assert score(w, b).spun > score(w, a).spun
    records = [_record("a-cut", cut), _record("b-shorter", shorter), _record("z-orig", original.text)]
    assert {v.duplicate_of for v in mark_copies(records).values()} == {"z-orig"}


def test_a_text_dated_after_a_neighbour_never_leads_it() -> None:
    from newsclean.transforms.corpus.copies.canonical import _rank

    dates = {1: Dating(D(2025, 1, 1)), 2: Dating(D(2025, 1, 3)), 3: Dating(D(2025, 1, 4)), 4: Dating(D(2025, 1, 4))}
    verdicts = {(1, 2): 1, (2, 1): -1, (2, 3): 1, (3, 2): -1, (2, 4): 1, (4, 2): -1}
    closeness = {pair: 0.5 for pair in verdicts}
    # text 2 is the original of more neighbours (3 and 4, whom text 1 does not verify against), but text 1 is
    # dated before it: text 1 leads
    first = _rank(1, {2}, verdicts, dates, closeness)
    assert first < _rank(2, {1, 3, 4}, verdicts, dates, closeness)

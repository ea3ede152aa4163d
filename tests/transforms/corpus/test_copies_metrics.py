"""The benchmark's pair metrics, on a case small enough to count by hand."""

from __future__ import annotations

from benchmarks.copies_metrics import pair_kind, score_pairs

TRUTH = [
    # doc, story, kind, event, is_original
    ("o", "s1", None, "s1", True),
    ("e", "s1", "exact", "s1", False),
    ("p", "s1", "spun", "s1", False),
    ("x", "s2", None, "s1", False),  # another article on s1's event
    ("y", "s3", None, "s3", True),
]


def test_pair_kind_is_the_weaker_of_the_two() -> None:
    assert pair_kind(None, "exact") == "exact"
    assert pair_kind("exact", "spun") == "spun"
    assert pair_kind("near", None) == "near"


def test_perfect_prediction() -> None:
    predicted = {"e": ("o", "exact"), "p": ("o", "spun")}
    s = score_pairs(TRUTH, predicted)
    assert s.recall() == s.precision() == s.kind_accuracy() == 1.0
    assert dict(s.true_pairs) == {"exact": 1, "spun": 2}
    assert s.canonical_is_original == s.clusters_with_original == 1


def test_missed_copy_and_same_event_join_are_counted() -> None:
    # p missed; x (same event, different article) wrongly joined; canonical is the exact copy
    predicted = {"o": ("e", "exact"), "x": ("e", "spun")}
    s = score_pairs(TRUTH, predicted)
    assert s.recall("exact") == 1.0 and s.recall("spun") == 0.0
    assert s.predicted["spun"] == 2 and s.correct["spun"] == 0 and s.precision("exact") == 1.0
    assert s.same_event_clusters == 1 and s.mixed_clusters == 1
    assert s.canonical_is_original == 1  # an exact copy of the original carries its text


def test_an_original_under_its_garbled_copy_is_counted() -> None:
    # the spun copy is canonical while the original is in its cluster: dropping copies loses the original
    s = score_pairs(TRUTH, {"o": ("p", "spun"), "e": ("p", "spun")})
    assert s.original_under_copy == 1 and s.canonical_is_original == 0
    assert s.under_copy == {"p": ["e", "o", "p"]}
    # an exact copy leading is harmless: it carries the original's words
    assert score_pairs(TRUTH, {"o": ("e", "exact"), "p": ("e", "spun")}).original_under_copy == 0


def test_spun_copies_of_edited_versions_are_their_own_split() -> None:
    truth = [("o", "s1", None, "s1", True), ("q", "s1", "spun_edit", "s1", False)]
    s = score_pairs(truth, {"q": ("o", "spun")})
    assert dict(s.true_pairs) == {"spun_edit": 1} and s.recall("spun_edit") == 1.0
    assert s.kind_accuracy() == 1.0  # predicted spun is the right kind for a spun copy of an edit
    assert score_pairs(truth, {}).recall("spun_edit") == 0.0

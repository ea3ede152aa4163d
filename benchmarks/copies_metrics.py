"""Pair precision and recall of copy clusters against a labelled set.

A true pair is two documents of the same story; its kind is the weaker of the
two documents' kinds (exact < near < spun; a story's original counts as
exact), so an exact copy and a spun copy of one story make a spun pair.
A predicted pair is two documents in the same predicted cluster, with the
kind taken the same way from the predicted ``duplicate_kind`` (the canonical
counts as exact). Recall of kind k: true k-pairs predicted together.
Precision of kind k: predicted k-pairs that are true pairs.

Truth kinds add ``spun_edit`` (a spun copy made from an edited version, or
one carrying another story's paragraph), weaker than ``spun``; predicted kinds
add ``recapture`` (weighed as ``near``). ``original_under_copy`` counts the
clusters whose canonical is a non-exact copy while the story's original text
is in the cluster: the clusters where dropping every ``duplicate_of`` row
would drop the original and keep a garbled copy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

_ORDER = {None: 0, "exact": 0, "near": 1, "recapture": 1, "spun": 2, "spun_edit": 3}
KINDS = ("exact", "near", "spun", "spun_edit")


def pair_kind(a: str | None, b: str | None) -> str:
    return max((a, b), key=lambda k: _ORDER[k]) or "exact"


@dataclass
class PairScores:
    """Counts behind the ratios, per kind and over all pairs."""

    true_pairs: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)  # true pairs predicted together, by true kind
    predicted: Counter = field(default_factory=Counter)  # predicted pairs, by predicted kind
    correct: Counter = field(default_factory=Counter)  # predicted pairs that are true, by predicted kind
    kind_agree: int = 0  # true pairs found with the right kind
    same_event_clusters: int = 0  # predicted clusters holding a story and another article on its event
    mixed_clusters: int = 0  # predicted clusters holding more than one story
    canonical_is_original: int = 0
    clusters_with_original: int = 0
    original_under_copy: int = 0  # clusters whose canonical is a non-exact copy of the original they hold
    under_copy: dict[str, list[str]] = field(default_factory=dict)  # those clusters: canonical -> members

    def recall(self, kind: str | None = None) -> float:
        t = sum(self.true_pairs.values()) if kind is None else self.true_pairs[kind]
        f = sum(self.found.values()) if kind is None else self.found[kind]
        return f / t if t else 1.0

    def precision(self, kind: str | None = None) -> float:
        p = sum(self.predicted.values()) if kind is None else self.predicted[kind]
        c = sum(self.correct.values()) if kind is None else self.correct[kind]
        return c / p if p else 1.0

    def kind_accuracy(self) -> float:
        f = sum(self.found.values())
        return self.kind_agree / f if f else 1.0


def score_pairs(
    truth: Iterable[tuple[str, str, str | None, str, bool]],
    predicted: dict[str, tuple[str | None, str | None]],
) -> PairScores:
    """Score predictions against labels.

    ``truth`` rows are ``(doc_id, story, kind, event, is_original)``;
    ``predicted`` maps every doc_id to ``(duplicate_of, duplicate_kind)``.
    """
    rows = list(truth)
    info = {doc: (story, kind, event, original) for doc, story, kind, event, original in rows}
    clusters: dict[str, list[str]] = defaultdict(list)
    for doc in info:
        dup_of, _ = predicted.get(doc, (None, None))
        clusters[dup_of or doc].append(doc)
    cluster_of = {doc: c for c, docs in clusters.items() for doc in docs}
    pkind = {doc: predicted.get(doc, (None, None))[1] for doc in info}
    out = PairScores()
    stories: dict[str, list[str]] = defaultdict(list)
    for doc, (story, _, _, _) in info.items():
        stories[story].append(doc)
    for docs in stories.values():
        docs.sort()
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                k = pair_kind(info[a][1], info[b][1])
                out.true_pairs[k] += 1
                if cluster_of[a] == cluster_of[b]:
                    out.found[k] += 1
                    out.kind_agree += pair_kind(pkind[a], pkind[b]) == ("spun" if k == "spun_edit" else k)
    for canonical, docs in clusters.items():
        docs.sort()
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                k = pair_kind(pkind[a], pkind[b])
                out.predicted[k] += 1
                out.correct[k] += info[a][0] == info[b][0]
        if len(docs) > 1:
            story_set = {info[d][0] for d in docs}
            events = Counter(info[d][2] for d in docs)
            out.mixed_clusters += len(story_set) > 1
            out.same_event_clusters += len(story_set) > 1 and any(
                n > 1 and len({info[d][0] for d in docs if info[d][2] == e}) > 1 for e, n in events.items()
            )
            originals = {info[d][0] for d in docs if info[d][3]}
            if originals:
                # the original text: the original itself or an exact copy of it (indistinguishable)
                out.clusters_with_original += 1
                out.canonical_is_original += info[canonical][0] in originals and info[canonical][1] in (None, "exact")
                if info[canonical][1] not in (None, "exact") and any(
                    info[d][0] == info[canonical][0] and info[d][1] in (None, "exact") for d in docs
                ):
                    out.original_under_copy += 1
                    out.under_copy[canonical] = docs
    return out


def report(scores: PairScores) -> str:
    """The figures as a small table."""
    lines = [f"{'kind':<6} {'true pairs':>10} {'recall':>8} {'pred pairs':>10} {'precision':>9}"]
    for k in (*KINDS, None):
        lines.append(
            f"{k or 'all':<6} {scores.true_pairs[k] if k else sum(scores.true_pairs.values()):>10} "
            f"{scores.recall(k):>8.4f} {scores.predicted[k] if k else sum(scores.predicted.values()):>10} "
            f"{scores.precision(k):>9.4f}"
        )
    lines.append(
        f"kind accuracy on found pairs {scores.kind_accuracy():.4f}; clusters joining stories "
        f"{scores.mixed_clusters}, of which same-event {scores.same_event_clusters}; canonical has the "
        f"original's text in {scores.canonical_is_original}/{scores.clusters_with_original} clusters; "
        f"original under a non-exact copy in {scores.original_under_copy}"
    )
    return "\n".join(lines)

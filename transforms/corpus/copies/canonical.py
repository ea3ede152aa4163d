"""A candidate group's clusters: stars around an original, and what every member is a copy of.

The copy graph's connected components are only *candidate groups*: one copy
that also carries a paragraph of another story, or a quote two reports share,
can link two stories that are not copies of each other. Inside a group the
clusters are built as stars, so no chain joins them:

1. every pair of the group's distinct texts is verified directly (profiles in
   hand, :func:`.verify.verify`);
2. the canonical text is the one that is the original of most of its verified
   copies (:func:`is_original`, summed over its neighbours), then of most by
   the surest verdicts (:func:`sure_verdict`), then the one with most copies,
   then the earliest dated, then the smallest node;
3. its cluster is it and every text verified against it, nothing else;
4. the rest of the group starts again at 2, until no text is left.

Every member of a cluster is then a verified copy of the canonical text, and
a user who drops every record with ``duplicate_of`` set keeps the original.
Within the canonical text the record kept is the earliest dated, then the
smallest ``doc_id`` (undated last). Kinds are relative to the canonical record:
``recapture`` for the same normalised URL, ``exact`` for the same text,
``near`` when the word signatures agree on ``near_threshold`` of their bins,
else ``spun``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import Profile, estimated_jaccard
from newsclean.transforms.corpus.copies.origin import (
    NO_WITNESSES,
    Paragraphs,
    Witnesses,
    compare_text,
    edit_reading,
    shares_paragraphs,
)
from newsclean.transforms.corpus.copies.verify import copy_kind, score, verify


@dataclass(frozen=True, order=True)
class Member:
    """A record's part in a cluster: which text it carries, when it was published, from which URL."""

    doc_id: str
    node: int
    published_date: dt.date | None = None
    url: str | None = None  # normalised (:func:`newsclean.transforms.corpus.urls.normalise_url`)


@dataclass(frozen=True)
class Decision:
    """What the stage writes into a non-canonical record."""

    doc_id: str
    duplicate_of: str
    duplicate_kind: str


def _date_key(member: Member) -> tuple[bool, dt.date, str]:
    return (member.published_date is None, member.published_date or dt.date.min, member.doc_id)


def paragraph_view(p: Profile) -> Paragraphs:
    return Paragraphs(
        p.paragraphs, p.paragraph_words, p.paragraph_cohesion, p.paragraph_starts, p.paragraph_ends, p.paragraph_breaks
    )


@dataclass(frozen=True)
class Dating:
    """When a text was first published, as far as its records say: the earliest date among them, and
    whether every record is dated (else the text may have appeared earlier, undated: the date is
    only an upper bound)."""

    first: dt.date | None = None
    complete: bool = True


def earlier(a: Dating, b: Dating) -> int:
    """+1 when ``a`` was published before ``b``, -1 for the reverse, 0 when the dates do not tell.

    A copy is not published before its original. A text with an undated record
    may be older than its earliest date says (its undated record may be the
    original's own), so a later date only tells against a text whose records
    are all dated.
    """
    if a.first is None or b.first is None or a.first == b.first:
        return 0
    if a.first < b.first:
        return 1 if b.complete else 0
    return -1 if a.complete else 0


def is_original(
    a: Profile,
    a_date: Dating,
    b: Profile,
    b_date: Dating,
    config: CopiesConfig,
    support: Counter | None = None,
    travelling: frozenset[int] = frozenset(),
    witnesses: Witnesses = NO_WITNESSES,
    others: tuple[frozenset[int], ...] = (),
) -> int:
    """+1 when ``a`` is the original of its copy ``b``, -1 for the reverse, 0 when nothing tells.

    The earlier date when the dates tell (:func:`earlier`), then the texts' own
    evidence and the family's (:func:`.origin.compare_text`: paragraphs an edit
    added or dropped, how much closer the family's other texts are to one of
    them; for spun copies, the rarer words a spinner swaps in).
    """
    by_date = earlier(a_date, b_date)
    if by_date:
        return by_date
    return compare_text(
        paragraph_view(a),
        a.commonness,
        paragraph_view(b),
        b.commonness,
        config.commonness_margin,
        support,
        travelling,
        witnesses,
        kind_against(a, b, config) == "near",
        others,
    )


def sure_verdict(
    a: Profile, a_date: Dating, b: Profile, b_date: Dating, config: CopiesConfig, travelling: frozenset[int]
) -> int:
    """:func:`is_original`'s verdict when it rests on the surest evidence, else 0: the dates, or for a
    near pair the plain paragraph reading (furniture or a travelling paragraph in one text, nothing
    saying otherwise; :func:`.origin.edit_reading`), which reads the two texts alone."""
    by_date = earlier(a_date, b_date)
    if by_date or kind_against(a, b, config) != "near":
        return by_date
    return edit_reading(paragraph_view(a), paragraph_view(b), None, travelling, edited=True).plain


def kind_against(member: Profile, canonical: Profile, config: CopiesConfig) -> str:
    """The kind of copy ``member`` is of the canonical text (never called for the same text)."""
    if member.near_size and canonical.near_size:
        if estimated_jaccard(member.near_sig, canonical.near_sig) >= config.near_threshold:
            return "near"
    return "spun"


def stars(
    nodes: list[int],
    profiles: dict[int, Profile],
    dates: dict[int, Dating],
    config: CopiesConfig,
    travelling: frozenset[int] = frozenset(),
    printed: dict[int, int] | None = None,
) -> list[tuple[int, list[int]]]:
    """The group's texts as clusters ``(canonical node, [member nodes])``, each member verified against
    its canonical; ``dates`` holds each text's :class:`Dating`, ``travelling`` the paragraphs other
    groups hold too, ``printed`` how many publishers printed each text (:func:`publishers`; 1 when
    missing). Texts left alone are not returned."""
    nodes = sorted(set(nodes))
    if len(nodes) > config.star_max_texts:
        return _stars_by_date(nodes, profiles, dates, config)
    around: dict[int, set[int]] = defaultdict(set)
    closeness: dict[tuple[int, int], float] = {}
    # immutable shingles shared by every pair, verified or not, and their Jaccard
    shared = np.zeros((len(nodes), len(nodes)), dtype=np.int64)
    spun = np.zeros((len(nodes), len(nodes)))
    for i, a in enumerate(nodes):
        shared[i, i], spun[i, i] = len(profiles[a].immutables), 1.0
        for j in range(i + 1, len(nodes)):
            b = nodes[j]
            pair = score(profiles[a], profiles[b])
            spun[i, j] = spun[j, i] = pair.spun
            shared[i, j] = shared[j, i] = pair.shared
            if copy_kind(pair, config) is not None:
                around[a].add(b)
                around[b].add(a)
                closeness[a, b] = closeness[b, a] = pair.near + pair.spun
    index = {n: i for i, n in enumerate(nodes)}
    # paragraphs held by more than one text of a family (texts sharing their paragraphs) are the story's
    family: dict[int, set[int]] = defaultdict(set)
    for a in nodes:
        for b in around[a]:
            if a < b and shares_paragraphs(paragraph_view(profiles[a]), paragraph_view(profiles[b])):
                family[a].add(b)
                family[b].add(a)
    held = {n: frozenset(profiles[n].paragraphs.tolist()) for n in nodes}  # each text's paragraphs
    verdicts: dict[tuple[int, int], int] = {}
    sure: dict[tuple[int, int], int] = {}
    reprinted = [(printed or {}).get(n, 1) for n in nodes]
    for a in nodes:
        for b in around[a]:
            if a < b:
                support, others = None, ()
                if len(family[a] | family[b] | {a, b}) > 2:
                    kin = family[a] | family[b] | {a, b}
                    support = Counter(h for n in kin for h in held[n])
                    others = tuple(held[n] for n in sorted(kin - {a, b}))
                w = [index[n] for n in sorted((around[a] | around[b]) - {a, b})]
                i, j = index[a], index[b]
                lean = _lean(w, i, j, shared, spun, reprinted)
                v = is_original(profiles[a], dates[a], profiles[b], dates[b], config, support, travelling, lean, others)
                verdicts[a, b], verdicts[b, a] = v, -v
                sure[a, b] = sure_verdict(profiles[a], dates[a], profiles[b], dates[b], config, travelling)
                sure[b, a] = -sure[a, b]
    remaining = set(nodes)
    clusters = []
    while remaining:
        live = {n: around[n] & remaining for n in remaining}
        if not any(live.values()):
            break

        linked = (n for n in remaining if live[n])
        canonical = min(linked, key=lambda n, live=live: _rank(n, live[n], verdicts, dates, closeness, sure))
        members = sorted(live[canonical])
        clusters.append((canonical, members))
        remaining -= {canonical, *members}
    return clusters


def _lean(w: list[int], i: int, j: int, shared: np.ndarray, spun: np.ndarray, printed: list[int]) -> Witnesses:
    """How much closer the witnesses are to text ``i`` than to text ``j``: the family's other texts
    ``w``, and every further publisher's reprint of ``i`` or ``j`` (a witness identical to the text it
    reprints, so it holds all of that text's shingles and only the shared ones of the other)."""
    held = int(np.sum(shared[w, i] - shared[w, j]))
    closer = float(np.sum(spun[w, i] - spun[w, j]))
    again_i, again_j = printed[i] - 1, printed[j] - 1
    if again_i or again_j:
        held += again_i * int(shared[i, i] - shared[i, j]) - again_j * int(shared[j, j] - shared[i, j])
        closer += (again_i - again_j) * (1.0 - float(spun[i, j]))
    return Witnesses(held, closer)


def _rank(
    node: int,
    around: set[int],
    verdicts: dict[tuple[int, int], int],
    dates: dict,
    closeness: dict[tuple[int, int], float],
    sure: dict[tuple[int, int], int] | None = None,
) -> tuple:
    """Sort key of a canonical candidate: not dated after any of its neighbours (a copy is not published
    before its original, so a text the dates put later leads none of them), original of the most
    neighbours, then of the most by the surest verdicts (:func:`sure_verdict`: when the verdicts go
    round in a circle, the one that rests on a date or a plain reading holds), most neighbours,
    earliest, then the closest to its neighbours (copies deviate from the original independently, so
    it is their centre), then the smallest node."""
    wins = sum(verdicts[node, m] for m in around)
    sure_wins = sum(sure[node, m] for m in around) if sure else 0
    late = any(earlier(dates[node], dates[m]) < 0 for m in around)
    day = dates[node].first
    near = round(sum(closeness[node, m] for m in around), 9)
    return (late, -wins, -sure_wins, -len(around), day is None, day or dt.date.min, -near, node)


def _stars_by_date(nodes: list[int], profiles: dict[int, Profile], dates: dict[int, Dating], config):
    """Stars for a group too large to verify every pair: canonicals taken in date order."""
    order = sorted(nodes, key=lambda n: (dates[n].first is None, dates[n].first or dt.date.min, n))
    taken: set[int] = set()
    clusters = []
    for canonical in order:
        if canonical in taken:
            continue
        members = [
            n
            for n in order
            if n != canonical and n not in taken and verify(profiles[canonical], profiles[n], config) is not None
        ]
        if members:
            clusters.append((canonical, sorted(members)))
            taken.update([canonical, *members])
    return clusters


def publishers(records: Iterable[Member]) -> int:
    """How many publishers printed one text: its records' distinct sites (the host of the normalised
    URL), each record without a URL counting as one. A site that printed a page twice (a recapture,
    another address for the same page) is one publisher: its second record witnesses nothing new."""
    sites = {m.url.split("/", 1)[0] for m in records if m.url}
    return len(sites) + sum(1 for m in records if not m.url)


def resolve(
    members: Iterable[Member],
    profiles: dict[int, Profile],
    config: CopiesConfig,
    travelling: Iterable[int] = (),
) -> list[Decision]:
    """The decision for every record of a candidate group that is a copy of another.

    ``profiles`` must hold every member's text; members are deduplicated by
    ``doc_id`` so a record seen twice is decided once. ``travelling``: hashes of
    the group's long paragraphs that texts of other groups hold too.
    """
    unique = sorted({m.doc_id: m for m in members}.values())
    if not unique:
        raise ValueError("a group needs members")
    by_text: dict[int, list[Member]] = defaultdict(list)
    for m in unique:
        by_text[m.node].append(m)
    first = {node: min(records, key=_date_key) for node, records in by_text.items()}
    dates = {
        node: Dating(first[node].published_date, all(m.published_date is not None for m in records))
        for node, records in by_text.items()
    }
    printed = {node: publishers(records) for node, records in by_text.items()}
    clusters = stars(list(by_text), profiles, dates, config, frozenset(travelling), printed)
    clustered = {n for canonical, rest in clusters for n in (canonical, *rest)}
    clusters += [(node, []) for node in sorted(by_text) if node not in clustered and len(by_text[node]) > 1]
    decisions = []
    for canonical_node, rest in clusters:
        canonical = first[canonical_node]
        base = profiles[canonical_node]
        for node in (canonical_node, *rest):
            for m in by_text[node]:
                if m.doc_id == canonical.doc_id:
                    continue
                if m.url is not None and m.url == canonical.url:
                    kind = "recapture"
                elif node == canonical_node:
                    kind = "exact"
                else:
                    kind = kind_against(profiles[node], base, config)
                decisions.append(Decision(m.doc_id, canonical.doc_id, kind))
    return sorted(decisions, key=lambda d: d.doc_id)

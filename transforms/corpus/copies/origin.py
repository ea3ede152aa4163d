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
* **Fluency** (near copies whose only traces are changed words): each
  paragraph also keeps how many of its adjacent word pairs are not among
  English's common word pairs (symspellpy's table of 243,342 bigrams counted
  in Google Books, data only). A word replaced by noise, a spinner's synonym or
  a slip breaks the pairs it stands in (``must provide`` -> ``the provide``),
  so of a paragraph and its edited version the copy's most often breaks more.
  Read before the net paragraph evidence when the versions differ by several
  pairs, else last, where nothing else tells: an editor who fixes a typo
  makes the copy the more fluent one.

:func:`compare` turns them into a verdict on a pair; :mod:`.canonical` uses it
to pick each cluster's original. How sure each rule is: docs/copies.md.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import regex

from newsclean.transforms.corpus.copies.features import FUNCTION_WORDS, Tokens, mix64, sorted_unique, token_hash
from newsclean.transforms.corpus.copies.tables import pair_breaks, pair_words

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
# groups, it travels between stories (a copy that carries it added it). A text's first and last
# lines are indexed whatever their length: a short one that texts of another group hold too is a
# site's furniture (a footer, a stock lede), added by the copy that has it.
TRAVEL_WORDS = 15
# Paragraph evidence needs the texts to share paragraphs holding at least this share of the
# shorter one's words: a spun copy shares a stray short line at most.
SHARED_PARAGRAPHS = 0.5
# Words whose hash marks where a paragraph starts and where it ends: a paragraph edited inside
# keeps one or both, and is matched with its edited version instead of read as added or dropped.
EDGE_WORDS = 4
# Witness evidence under this (summed Jaccard differences) is a tie: float noise, not a lean.
WITNESS_MARGIN = 1e-9
# Shared immutable shingles by which the witnesses must favour one text: a shingle spans a paragraph
# break, so two texts that added different lines at the same place can share one by chance.
WITNESS_HELD_MARGIN = 2
# A text whose long paragraphs share under this median share (percent) of their content words with
# the rest (a digest of unrelated items, a brief) gives cohesion nothing to read: none is foreign.
COHESION_FLOOR = 15
# Broken word pairs (:func:`fluency`) by which one version of the edited paragraphs must exceed the
# other to outweigh the net paragraph evidence; by fewer, fluency decides only what nothing else does.
FLUENCY_SURE = 3


@dataclass(frozen=True)
class Paragraphs:
    """A text's paragraphs: word hashes (uint32), lengths in words (uint16), cohesion (percent, uint8),
    hashes of their first and of their last ``EDGE_WORDS`` words (uint32 each), and how many of their
    word pairs are not common English pairs (``breaks``, uint16: :func:`pair_breaks`)."""

    hashes: np.ndarray
    words: np.ndarray
    cohesion: np.ndarray
    starts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    ends: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    breaks: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint16))


# A run of words hashes as a polynomial over the words' 64-bit hashes in this odd base: the prefix
# sums of a text's words give every run's hash at once, the same for the same words wherever they stand.
_SPAN_BASE = 0x100000001B3
_SPAN_LENGTH = np.uint64(0x9E3779B97F4A7C15)
_POWERS = np.ones(1, dtype=np.uint64)  # _SPAN_BASE ** i, wrapping
_INVERSES = np.ones(1, dtype=np.uint64)  # its inverse ** i (the base is odd, so invertible mod 2**64)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The base's first ``n`` powers and its inverse's, grown by doubling."""
    global _POWERS, _INVERSES
    if len(_POWERS) < n:
        size = max(n, 2 * len(_POWERS))
        with np.errstate(over="ignore"):
            _POWERS = np.cumprod(np.r_[np.uint64(1), np.full(size - 1, _SPAN_BASE, dtype=np.uint64)])
            inverse = np.uint64(pow(_SPAN_BASE, -1, 1 << 64))
            _INVERSES = np.cumprod(np.r_[np.uint64(1), np.full(size - 1, inverse, dtype=np.uint64)])
    return _POWERS[:n], _INVERSES[:n]


def span_hashes(word_hashes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """32-bit hashes of the runs ``word_hashes[start:end]`` (the words' 64-bit hashes): equal runs of
    words hash alike wherever they stand, in whole-array steps (no hash call a run)."""
    n = len(word_hashes)
    powers, inverses = _powers(n + 1)
    starts = np.asarray(starts, dtype=np.int64)
    ends = np.asarray(ends, dtype=np.int64)
    prefix = np.zeros(n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        np.cumsum(word_hashes.astype(np.uint64, copy=False) * powers[:n], out=prefix[1:])
        runs = (prefix[ends] - prefix[starts]) * inverses[starts]
        runs += (ends - starts).astype(np.uint64) * _SPAN_LENGTH
    return (mix64(runs) >> np.uint64(32)).astype(np.uint32)


def _line_hashes(word_hashes: np.ndarray, line_starts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each line's hash, and the hashes of its first and of its last ``EDGE_WORDS`` words (all of a
    shorter line: its whole hash)."""
    starts = np.asarray(line_starts, dtype=np.int64)
    if not len(starts):
        empty = np.zeros(0, dtype=np.uint32)
        return empty, empty, empty
    ends = np.append(starts[1:], len(word_hashes)).astype(np.int64)
    first_end = np.minimum(starts + EDGE_WORDS, ends)
    last_start = np.maximum(ends - EDGE_WORDS, starts)
    found = span_hashes(
        word_hashes, np.concatenate([starts, starts, last_start]), np.concatenate([ends, first_end, ends])
    )
    count = len(starts)
    return found[:count], found[count : 2 * count], found[2 * count :]


def cohesion_words(words: list[str]) -> set[str]:
    """``_COHESION_WORD``'s matches in the line whose ``\\w+`` words these are, less the function words.

    Its runs of letters never cross a word's ends, so a word of letters only is one whole run
    (kept from four letters on) and only the other words (digits, marks, ``_``) need the pattern."""
    found = {w for w in words if len(w) >= 4 and w.isalpha()}
    for word in words:
        if not word.isalpha():
            found.update(_COHESION_WORD.findall(word))
    return found.difference(FUNCTION_WORDS)


def paragraphs(text: str) -> Paragraphs:
    """Every non-empty line of ``text`` as a paragraph (layout differences do not matter: words only)."""
    return paragraphs_of_lines(
        [words for line in _PARAGRAPH_SPLIT.split(text) if (words := _WORD.findall(line.casefold()))]
    )


def paragraphs_of_lines(lines: list[list[str]]) -> Paragraphs:
    """:func:`paragraphs` from the case-folded words of each line that has any
    (:func:`.features.tokenise` gives them)."""
    lengths, vocab = [], []
    for words in lines:
        lengths.append(min(len(words), 0xFFFF))
        vocab.append(cohesion_words(words))
    word_hashes = np.array([token_hash(w) for words in lines for w in words], dtype=np.uint64)
    line_starts = np.cumsum([0, *(len(words) for words in lines)])[:-1]
    hashes, starts, ends = _line_hashes(word_hashes, line_starts)
    spread: Counter[str] = Counter()
    for v in vocab:
        spread.update(v)
    shared = {w for w, n in spread.items() if n > 1}
    cohesion = [round(100 * len(v & shared) / len(v)) if v else 100 for v in vocab]
    return Paragraphs(
        hashes,
        np.array(lengths, dtype=np.uint16),
        np.array(cohesion, dtype=np.uint8),
        starts,
        ends,
        pair_breaks(pair_words(word_hashes), line_starts.astype(np.int64)),
    )


def paragraphs_of_tokens(tokens: Tokens) -> Paragraphs:
    """:func:`paragraphs_of_lines` of ``tokens.lines``, the cohesion in whole-array steps: each line's
    cohesion words come with the tokens as (line, word id) pairs, so a word held by two lines is
    a repeated id, not a set operation a line."""
    hashes, starts, ends = _line_hashes(tokens.words, tokens.line_starts)
    count = len(hashes)
    lengths = np.minimum(np.diff(np.append(tokens.line_starts, len(tokens.words))), 0xFFFF)
    cohesion = np.full(count, 100, dtype=np.uint8)
    if len(tokens.cohesion_ids):
        pairs = sorted_unique((tokens.cohesion_lines << 32) | tokens.cohesion_ids)  # each word once a line
        lines, words = pairs >> 32, pairs & 0xFFFFFFFF
        _, inverse, spread = np.unique(words, return_inverse=True, return_counts=True)
        held = np.bincount(lines, minlength=count)
        shared = np.bincount(lines[spread[inverse] > 1], minlength=count)
        some = held > 0
        cohesion[some] = np.rint(100 * shared[some] / held[some]).astype(np.uint8)
    return Paragraphs(
        hashes, lengths.astype(np.uint16), cohesion, starts, ends, pair_breaks(tokens.pair_words, tokens.line_starts)
    )


@dataclass(frozen=True)
class Reading:
    """What the paragraphs two texts do not share say about which is the edited copy.

    ``net``: words of evidence that ``b`` is an edited copy of ``a`` (negative: ``a`` of ``b``; 0:
    none or under ``FURNITURE_WORDS``). ``plain``: +1 or -1 when, read from the two texts alone,
    every such paragraph tells the same way as ``net`` and one of them is furniture or travelling
    (a line or a paragraph the copy added, seen for what it is), or when only one of them holds a
    site's furniture (a first or last line other stories' texts hold), else 0. ``site``: the plain
    reading rests on that site's furniture, the surest evidence (cohesion and travels can misread an
    original's own lines).
    """

    net: int = 0
    plain: int = 0
    site: bool = False


def fluency(a: Paragraphs, b: Paragraphs, margin: int = 1) -> int:
    """+1 when ``a``'s paragraphs edited inside break fewer common English word pairs than ``b``'s
    versions of them by at least ``margin`` (``a`` is the original), -1 for the reverse, 0 when
    under it or when no paragraph was edited inside (:func:`only_paragraphs`: a paragraph one text
    has whose first or last words open or close a paragraph only the other has).

    A copy's changed words stand in pairs its writer did not make: noise, a spinner's synonym or a
    slip breaks them far more often than it makes one, so the version that breaks fewer is the
    original's. Read from the two versions of the same paragraphs only, so the rest of the texts
    (names, numbers, the story's rare pairs) weighs the same on both sides."""
    if not len(a.breaks) or not len(b.breaks):
        return 0
    only_a = ~np.isin(a.hashes, b.hashes)
    only_b = ~np.isin(b.hashes, a.hashes)
    edited_a = only_a & (np.isin(a.starts, b.starts[only_b]) | np.isin(a.ends, b.ends[only_b]))
    edited_b = only_b & (np.isin(b.starts, a.starts[only_a]) | np.isin(b.ends, a.ends[only_a]))
    gap = int(b.breaks[edited_b].sum()) - int(a.breaks[edited_a].sum())
    return 0 if abs(gap) < margin else (gap > 0) - (gap < 0)


def only_paragraphs(a: Paragraphs, b: Paragraphs) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the paragraphs only ``a`` holds and only ``b`` holds, edited paragraphs left out.

    A paragraph one text has and the other lacks, whose first or last words
    open or close a paragraph only the other has, is the same paragraph edited
    (a few words changed, two paragraphs joined): neither added nor dropped.
    """
    only_a = ~np.isin(a.hashes, b.hashes)
    only_b = ~np.isin(b.hashes, a.hashes)
    edited_a = only_a & (np.isin(a.starts, b.starts[only_b]) | np.isin(a.ends, b.ends[only_b]))
    edited_b = only_b & (np.isin(b.starts, a.starts[only_a]) | np.isin(b.ends, a.ends[only_a]))
    return only_a & ~edited_a, only_b & ~edited_b


def edit_reading(
    a: Paragraphs,
    b: Paragraphs,
    support: Counter | None = None,
    travelling: frozenset[int] = frozenset(),
    edited: bool = False,
    others: tuple[frozenset[int], ...] = (),
) -> Reading:
    """Which of ``a`` and ``b`` the paragraphs only one of them has point at as the edited copy.

    Paragraphs only one of them has, by what they look like: furniture (short)
    belongs to the copy that added it; a paragraph of the story (cohesive) to
    the original the other dropped it from; a foreign one (not cohesive) to the
    copy that added it. A long paragraph in ``travelling`` (held by a text of
    another candidate group: another story) was added, and so was a short
    first or last line in it (a site's furniture, whatever its cohesion); with
    ``support`` (how many texts of the family hold each paragraph) a long one
    that two texts hold is the story's own whatever its cohesion or travels (a
    sentence two stories share), and with ``others`` (the paragraphs of each
    of the family's other texts) a run of paragraphs only one text has, which
    no other text of the family holds while one of them holds the paragraph
    next to the run, was added (:func:`unwitnessed`). A paragraph changed by a
    few words is neither's (:func:`only_paragraphs`); under ``FURNITURE_WORDS``
    of evidence tells nothing, nor do texts that share too few paragraphs (a
    spun copy changes them all). A site's furniture in one text only decides
    the plain reading whatever else differs: it is what a republisher adds, and
    the original does not carry another site's footer.
    """
    if not shares_paragraphs(a, b, edited):
        return Reading()
    only_a, only_b = only_paragraphs(a, b)
    seen_a, foreign_a, own_a, site_a = _readings(a, only_a, support, travelling, others)
    seen_b, foreign_b, own_b, site_b = _readings(b, only_b, support, travelling, others)
    net = (seen_b + foreign_b - own_b) - (seen_a + foreign_a - own_a)
    if bool(site_a) != bool(site_b):
        return Reading(net, 1 if site_b else -1, site=True)
    if abs(net) < FURNITURE_WORDS:
        return Reading()
    if support is not None:  # the plain reading is the pair's own: a copy of a copy holds what the copy added
        seen_a, foreign_a, own_a, _ = _readings(a, only_a, None, travelling)
        seen_b, foreign_b, own_b, _ = _readings(b, only_b, None, travelling)
    says_b = bool(seen_b or foreign_b or own_a)  # b added, or a holds what b dropped
    says_a = bool(seen_a or foreign_a or own_b)
    plain = 1 if says_b else -1
    if not (seen_a or seen_b) or says_a == says_b or plain * net < 0:
        plain = 0
    return Reading(net, plain)


def edit_evidence(
    a: Paragraphs, b: Paragraphs, support: Counter | None = None, travelling: frozenset[int] = frozenset()
) -> int:
    """Words of evidence that ``b`` is an edited copy of ``a`` (negative: ``a`` of ``b``; 0: none):
    :func:`edit_reading`'s ``net``."""
    return edit_reading(a, b, support, travelling).net


def shares_paragraphs(a: Paragraphs, b: Paragraphs, edited: bool = False) -> bool:
    """Whether the texts share enough paragraphs for paragraph evidence to count (see :func:`edit_reading`);
    ``edited``: a paragraph edited inside (:func:`only_paragraphs`) counts as shared."""
    in_b = np.isin(a.hashes, b.hashes)
    if edited and len(a.starts) == len(a.hashes):  # (a view built without edges has none to match)
        in_b |= np.isin(a.starts, b.starts) | np.isin(a.ends, b.ends)
    shorter = min(int(a.words.sum()), int(b.words.sum()))
    return bool(shorter) and int(a.words[in_b].sum()) >= SHARED_PARAGRAPHS * shorter


def unwitnessed(p: Paragraphs, only: np.ndarray, support: Counter, others: tuple[frozenset[int], ...]) -> np.ndarray:
    """Which of the paragraphs ``only`` of ``p`` (a mask) another copy of the story says ``p`` added: a
    run of consecutive paragraphs only ``p`` has, none of them held by another text of the family
    (``support`` under 2), while one of the family's other texts (``others``, each a set of paragraph
    hashes) holds the paragraph just before or just after the run and none of the run.

    Copies are made from the original independently: had the run been the story's own, the text
    lacking it dropped or cut it, and that other copy dropped or cut exactly the same paragraphs,
    next to a paragraph it kept. A copy made from that copy would (the limit of every witness rule)."""
    where = np.flatnonzero(only)
    found = np.zeros(len(where), dtype=bool)
    if not len(where) or not others:
        return found
    hashes = p.hashes.tolist()
    runs = np.split(where, np.flatnonzero(np.diff(where) > 1) + 1)
    at = 0
    for run in runs:
        first, last = int(run[0]), int(run[-1])
        held = {hashes[i] for i in run.tolist()}
        beside = [hashes[i] for i in (first - 1, last + 1) if 0 <= i < len(hashes)]
        if all(support[h] < 2 for h in held):
            found[at : at + len(run)] = any(held.isdisjoint(o) and any(h in o for h in beside) for o in others)
        at += len(run)
    return found


def _readings(
    p: Paragraphs,
    only: np.ndarray,
    support: Counter | None,
    travelling: frozenset[int],
    others: tuple[frozenset[int], ...] = (),
) -> tuple[int, int, int, int]:
    """The paragraphs ``only`` of ``p`` as evidence: ``(seen, foreign, own, site)``, in words but the last.
    Seen: furniture (short lines not cohesive with the rest, and first or last lines other stories'
    texts hold) and travelling paragraphs, added by the copy that has them (furniture weighs as a full
    paragraph: a boilerplate line is short but plain evidence); foreign: long paragraphs not cohesive
    with the rest, added; own: the story's, dropped by the text that lacks them; site: how many of the
    furniture lines are a site's (first or last lines other stories' texts hold). With ``support``, a
    run no other copy holds though one holds what is beside it (:func:`unwitnessed`) is added too:
    furniture when short, else seen. A run holding a long paragraph of the story is the story's own
    whole (:func:`_dropped_runs`), and in a text whose paragraphs share few words none is foreign."""
    long = p.words >= FURNITURE_WORDS
    typical = float(np.median(p.cohesion[long])) if long.any() else 100.0
    words = p.words[only].astype(np.int64)
    short = words < FURNITURE_WORDS
    cohesion = p.cohesion[only]
    # furniture (a boilerplate line, a lede) shares few words with the story; a short line of the
    # story itself (a list item, a one-line quote) shares its names and topic words
    limit = min(FOREIGN_COHESION, typical / 2) if typical >= COHESION_FLOOR else 0
    foreign = np.where(short, cohesion < FURNITURE_COHESION, cohesion < limit)
    hashes = p.hashes[only].tolist()
    if support is not None:
        foreign &= np.array([support[h] < 2 for h in hashes], dtype=bool)
    moved = np.zeros(len(hashes), dtype=bool)
    if travelling:
        moved = np.array([h in travelling for h in hashes], dtype=bool)
    edge = np.zeros(len(p.hashes), dtype=bool)
    if len(edge):
        edge[0] = edge[-1] = True
    site = short & moved & edge[only]  # a first or last line other stories' texts hold: a site's furniture
    moved &= ~short
    added = np.zeros(len(hashes), dtype=bool)
    if support is not None:  # held by two texts of the family: the story's, though another story holds it too
        moved &= np.array([support[h] < 2 for h in hashes], dtype=bool)
        added = unwitnessed(p, only, support, others)
        moved |= added & ~short
        foreign |= added & short
    dropped = _dropped_runs(np.flatnonzero(only), ~short & ~foreign & ~moved) & ~site & ~added
    foreign &= ~dropped
    moved &= ~dropped
    furniture = short & (foreign | site) & ~moved
    foreign &= ~short & ~moved
    own = ~furniture & ~foreign & ~moved
    seen = int(np.count_nonzero(furniture) * FURNITURE_WORDS + words[moved].sum())
    return seen, int(words[foreign].sum()), int(words[own].sum()), int(np.count_nonzero(site))


def _dropped_runs(where: np.ndarray, own_long: np.ndarray) -> np.ndarray:
    """Which of the paragraphs at ``where`` (positions in their text, ascending) stand in a run of two
    or more consecutive ones holding a long paragraph of the story (``own_long``, one flag each).

    An editor adds a unit (a line, a lede, a footer, one paragraph of another story) but drops or
    cuts a stretch of the story: a run of paragraphs the other text lacks that holds one of the
    story's own was dropped whole, its short lines (list items, subheads, a closing line) and a
    paragraph other stories happen to hold with it."""
    found = np.zeros(len(where), dtype=bool)
    if len(where) < 2:
        return found
    for run in np.split(np.arange(len(where)), np.flatnonzero(np.diff(where) > 1) + 1):
        if len(run) > 1 and own_long[run].any():
            found[run] = True
    return found


@dataclass(frozen=True)
class Witnesses:
    """How much closer the family's other texts (witnesses) are to ``a`` than to ``b``, summed over them.

    ``held``: immutable shingles they share with ``a`` minus those they share
    with ``b``: a copy that lost text (cut, dropped, words changed) shares fewer
    of every witness's shingles than its original, whatever the witness's own
    length. ``closer``: the same difference of their Jaccard, which also sees a
    text that added what no witness has, but favours the text whose length is
    closer to a witness's (a cut witness reads closer to a cut copy).
    """

    held: int = 0
    closer: float = 0.0

    def lean(self, jaccard: bool = False, margin: int = WITNESS_HELD_MARGIN) -> int:
        """+1 when the witnesses are closer to ``a``, -1 to ``b``, 0 when level: by their shared shingles,
        a difference under ``margin`` level, or by their Jaccard (``jaccard``)."""
        if not jaccard:
            return 0 if abs(self.held) < margin else (self.held > 0) - (self.held < 0)
        return 0 if abs(self.closer) < WITNESS_MARGIN else (1 if self.closer > 0 else -1)

    def agreed(self) -> int:
        """The lean when both measures give it (shared shingles and Jaccard), else 0: what the witnesses
        say when neither the lost text (counts) nor the added text (Jaccard) tells against it. A single
        shingle counts here: the Jaccard confirms it."""
        held = self.lean(margin=1)
        return held if held == self.lean(jaccard=True) else 0


NO_WITNESSES = Witnesses()


def compare_text(
    a_paragraphs: Paragraphs,
    a_common: float,
    b_paragraphs: Paragraphs,
    b_common: float,
    margin: float,
    support: Counter | None = None,
    travelling: frozenset[int] = frozenset(),
    witnesses: Witnesses = NO_WITNESSES,
    words_agree: bool = False,
    others: tuple[frozenset[int], ...] = (),
) -> int:
    """+1 when the texts say ``a`` is the original of ``b``, -1 for the reverse, 0 when they do not tell.

    ``witnesses``: how much closer the family's other texts are to ``a`` than
    to ``b`` (:class:`Witnesses`); ``others``: those texts' paragraphs, one set
    each (:func:`edit_reading`). Copies deviate from their original
    independently, so a third copy of the story is closer to the original than
    to a sibling that carries edits of its own. ``words_agree``: the pair's
    word shingles reach the near threshold (a near copy, whatever its
    paragraphs), so no spinner made it and commonness says nothing; its
    paragraphs edited inside (a few words changed) count as shared, so an
    editor who touched every paragraph leaves the added and dropped ones to read.

    Near copies (texts sharing their paragraphs): a plain paragraph reading
    first (furniture or a travelling paragraph in one text, nothing saying
    otherwise: it holds even when one copy was made from another), unless it
    rests on cohesion or travels, not a site's furniture, and the witnesses
    point at the other text by both their measures (:meth:`Witnesses.agreed`:
    an original's own short line or closing paragraph its copy cut reads as
    furniture or as travelling, while the family's other copies and reprints
    still hold it); then the witnesses' shared shingles, then fluency when the
    paragraphs edited inside differ by ``FLUENCY_SURE`` broken word pairs or
    more (:func:`fluency`), then the net paragraph evidence, then the
    witnesses' Jaccard, then fluency by any margin. Spun copies: commonness past ``margin`` Zipf units,
    then the witnesses. Texts that share too few paragraphs and whose word
    shingles agree (none on the labelled sets, now that edited paragraphs count
    as shared): the witnesses only, since an editor's words are no rarer than
    the writer's.
    """
    if shares_paragraphs(a_paragraphs, b_paragraphs, words_agree):
        reading = edit_reading(a_paragraphs, b_paragraphs, support, travelling, words_agree, others)
        if reading.plain:
            overruled = not reading.site and witnesses.agreed() == -reading.plain
            return -reading.plain if overruled else reading.plain
        if witnesses.lean():
            return witnesses.lean()
        fluent = fluency(a_paragraphs, b_paragraphs, FLUENCY_SURE)
        if fluent:
            return fluent
        if reading.net:
            return 1 if reading.net > 0 else -1
        return witnesses.lean(jaccard=True) or fluency(a_paragraphs, b_paragraphs)
    gap = a_common - b_common
    if not words_agree and abs(gap) >= margin:
        return 1 if gap > 0 else -1
    return witnesses.lean() or witnesses.lean(jaccard=True)


def indexed_paragraphs(p: Paragraphs) -> np.ndarray:
    """The hashes of the paragraphs looked up across the corpus (unique, sorted): the long ones, and the
    first and last lines when short (where a site's furniture goes)."""
    keep = p.words >= TRAVEL_WORDS
    if len(keep):
        keep[0] = keep[-1] = True
    return sorted_unique(p.hashes[keep])

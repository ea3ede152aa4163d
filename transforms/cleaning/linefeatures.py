"""Features of the lines of a plain-text document, for the line classifier.

Each line is described by what it looks like on its own (length, stopword and
punctuation density, link-like and title-case shape), where it sits (position by
lines and by words, distance to the nearest prose-like line) and what its
neighbours look like: jusText's insight that a short line between two prose
paragraphs is usually body and one between menu items usually is not, applied to
text lines instead of HTML blocks. Nothing here is tied to a site or a wording.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import regex

from newsclean.transforms.text import normalise_line, words

_TERMINAL = tuple('.!?"”’»)')
_URLISH = regex.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|html?)\b|@\w", regex.I)
_SEPARATORS = regex.compile(r"\s[|•·»›>/–—-]\s|\s[|•·»›]|[|•·»›]\s")
_SENTENCE_BREAK = regex.compile(r"[.!?][\"”’)]?\s+\p{Lu}")
_DIGIT = regex.compile(r"\d")
_PUNCT = regex.compile(r"[^\w\s]")
_BULLETS = frozenset("•·-–—*►▶→✓✔")  # a line opening on one of these is a list item
_BULLET = regex.compile("^[" + regex.escape("".join(sorted(_BULLETS))) + "]")
_DATEISH = regex.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
    r"|\b\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago\b",
    regex.I,
)
# Words that stand for a person or thing already named: prose has them, menus and labels do not.
# Counted among a line's word tokens, case-folded (``\b(?:I|we|…)\b``, case-insensitive, gives the same count).
PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that"})

PROSE_WORDS = 15  # a line this long with enough stopwords reads like prose
PROSE_STOP_RATIO = 0.25
WINDOW = 2  # neighbours on each side described in a line's features


@dataclass(frozen=True)
class LineShape:
    """What one line looks like on its own."""

    n_words: int
    stop_ratio: float
    terminal: bool
    colon_end: bool
    punct_ratio: float
    digit_ratio: float
    title_ratio: float
    all_caps: bool
    urlish: bool
    separators: int
    sentences: int
    bullet: bool
    dateish: bool
    mean_word_len: float
    comma_ratio: float
    pronouns: float

    @property
    def prose(self) -> bool:
        return self.n_words >= PROSE_WORDS and self.stop_ratio >= PROSE_STOP_RATIO and self.terminal


def line_shape(line: str, stop: frozenset[str]) -> LineShape:
    """Describe one line; ``stop`` is the document language's stopword list."""
    tokens = words(line)
    n = len(tokens)
    lowered = [t.casefold() for t in tokens]
    alpha = [t for t in tokens if t[:1].isalpha()]
    chars = max(len(line), 1)
    stripped = line.rstrip()
    return LineShape(
        n_words=n,
        stop_ratio=sum(t in stop for t in lowered) / n if n else 0.0,
        terminal=stripped.endswith(_TERMINAL),
        colon_end=stripped.endswith(":"),
        punct_ratio=len(_PUNCT.findall(line)) / chars,
        digit_ratio=len(_DIGIT.findall(line)) / chars,
        title_ratio=sum(t[0].isupper() for t in alpha) / len(alpha) if alpha else 0.0,
        all_caps=bool(alpha) and line.upper() == line and any(ch.isalpha() for ch in line),
        urlish=bool(_URLISH.search(line)),
        separators=len(_SEPARATORS.findall(line)),
        sentences=len(_SENTENCE_BREAK.findall(line)) + (1 if stripped.endswith(_TERMINAL) else 0),
        bullet=bool(_BULLET.match(line)),
        dateish=bool(_DATEISH.search(line)),
        mean_word_len=sum(map(len, tokens)) / n if n else 0.0,
        comma_ratio=line.count(",") / n if n else 0.0,
        pronouns=sum(t in PRONOUNS for t in lowered) / n if n else 0.0,
    )


def _own(shape: LineShape) -> list[float]:
    n = shape.n_words
    return [
        math.log1p(n),
        float(n <= 2),
        float(n <= 5),
        float(n <= 10),
        float(n >= 25),
        shape.stop_ratio,
        shape.stop_ratio * math.log1p(n),
        float(shape.terminal),
        float(shape.colon_end),
        min(shape.punct_ratio, 0.5),
        min(shape.digit_ratio, 0.5),
        shape.title_ratio,
        float(shape.title_ratio >= 0.8 and n >= 2),
        float(shape.all_caps),
        float(shape.urlish),
        math.log1p(shape.separators),
        math.log1p(shape.sentences),
        float(shape.bullet),
        float(shape.dateish),
        min(shape.mean_word_len, 15.0) / 15.0,
        min(shape.comma_ratio, 1.0),
        min(shape.pronouns, 1.0),
        float(shape.prose),
        # a few conjunctions a linear model cannot form on its own
        float(shape.terminal) * math.log1p(n),
        float(shape.terminal) * shape.stop_ratio,
        float(shape.title_ratio >= 0.8) * float(n <= 10) * float(not shape.terminal),
        float(shape.separators > 0) * float(shape.stop_ratio < 0.2),
        float(shape.dateish) * float(n <= 12),
    ]


OWN_NAMES = [
    "log_words", "words_le2", "words_le5", "words_le10", "words_ge25", "stop_ratio", "stop_x_len",
    "terminal", "colon_end", "punct_ratio", "digit_ratio", "title_ratio", "title_case", "all_caps",
    "urlish", "separators", "sentences", "bullet", "dateish", "word_len", "comma_ratio", "pronouns", "prose",
    "terminal_x_len", "terminal_x_stop", "short_title_unended", "separated_few_stop", "short_dated",
]  # fmt: skip
_NEIGHBOUR_OWN = ("log_words", "stop_ratio", "terminal", "title_case", "prose", "separators")
_NEIGHBOUR_IDX = [OWN_NAMES.index(name) for name in _NEIGHBOUR_OWN]
NEIGHBOUR_NAMES = [f"{d:+d}_{name}" for d in (-2, -1, 1, 2) for name in (*_NEIGHBOUR_OWN, "missing")]
CONTEXT_NAMES = [
    "pos_lines", "pos_words", "first_tenth", "last_tenth", "dist_prose_before", "dist_prose_after",
    "between_prose", "prose_in_window", "short_in_window", "doc_prose_share", "doc_log_lines",
    "repeats_in_doc", "same_words_run",
]  # fmt: skip
FEATURE_NAMES = OWN_NAMES + NEIGHBOUR_NAMES + CONTEXT_NAMES


def own_features(line: str, stop: frozenset[str]) -> tuple[float, ...]:
    """The features of ``line`` on its own (names in ``OWN_NAMES``)."""
    return tuple(_own(line_shape(line, stop)))


# A line's own features, by stopword list and line: the fixed-point loop, and boilerplate lines every
# page of a site prints, ask again. Emptied when it reaches its size.
_OWN_CACHE: dict[tuple[frozenset[str], str], np.ndarray] = {}
_OWN_CACHE_SIZE = 8192
_NOT_PUNCT = regex.compile(r"(?:\w|[^\S\n])+")  # what is left is _PUNCT's characters and the line breaks
_NOT_DIGIT = regex.compile(r"[^\d\n]+")


def _log1p(values: np.ndarray) -> np.ndarray:
    """``math.log1p`` of each value: numpy's differs in the last bit, and a line's features must not
    depend on whether it was described alone or with others."""
    return np.fromiter(map(math.log1p, values.tolist()), dtype=float, count=len(values))


def _matches_per_line(pattern: regex.Pattern, joined: str, line_starts: np.ndarray) -> np.ndarray:
    """How many matches of ``pattern`` each line of ``joined`` holds (non-overlapping, as ``findall``)."""
    found = np.fromiter((m.start() for m in pattern.finditer(joined)), dtype=np.intp)
    lines = np.searchsorted(line_starts, found, side="right") - 1
    return np.bincount(lines, minlength=len(line_starts)).astype(float)


def _per_line(kept: str) -> np.ndarray:
    """Characters per line of a text stripped to what is counted (its line breaks kept)."""
    return np.fromiter(map(len, kept.split("\n")), dtype=float)


def own_matrix(lines: Sequence[str], stop: frozenset[str]) -> np.ndarray:
    """:func:`own_features` of many lines at once: token counts over the joined text, in C and numpy."""
    if any("\n" in line or "\x00" in line for line in lines):  # the characters the joined counts below use
        return np.array([own_features(line, stop) for line in lines], dtype=float).reshape(len(lines), len(OWN_NAMES))
    text = "\n".join(lines)
    per_line_tokens = [words(line) for line in lines]
    n = np.fromiter(map(len, per_line_tokens), dtype=float, count=len(lines))
    tokens = [t for line_tokens in per_line_tokens for t in line_tokens]
    starts = np.concatenate([[0], np.cumsum(n)[:-1]]).astype(np.intp)

    def per_line_sum(values: np.ndarray) -> np.ndarray:
        # a zero after the last token, so a line's sum never runs short (reduceat of an empty run
        # gives its first element: masked below)
        sums = np.add.reduceat(np.append(values, 0.0), starts)
        return np.where(n > 0, sums, 0.0)

    lowered = list(map(str.casefold, tokens))
    is_stop = np.fromiter(map(stop.__contains__, lowered), dtype=float, count=len(tokens))
    pronouns = per_line_sum(np.fromiter(map(PRONOUNS.__contains__, lowered), dtype=float, count=len(tokens)))
    firsts = [t[0] for t in tokens]
    alpha_first = np.fromiter(map(str.isalpha, firsts), dtype=bool, count=len(tokens))
    upper_first = np.fromiter(map(str.isupper, firsts), dtype=bool, count=len(tokens))
    lengths = np.fromiter(map(len, tokens), dtype=float, count=len(tokens))
    alpha = per_line_sum(alpha_first.astype(float))
    chars = np.fromiter((max(len(line), 1) for line in lines), dtype=float, count=len(lines))
    safe_n = np.maximum(n, 1)
    stop_ratio = per_line_sum(is_stop) / safe_n
    stripped = [line.rstrip() for line in lines]
    terminal = np.fromiter((t.endswith(_TERMINAL) for t in stripped), dtype=float, count=len(lines))
    title_ratio = per_line_sum((alpha_first & upper_first).astype(float)) / np.maximum(alpha, 1)
    digits = _per_line(_NOT_DIGIT.sub("", text))
    # Joined by a character no pattern's ``\s`` or class takes, a match never runs from one line
    # into the next and the scan restarts at each line: the same matches as line by line.
    joined = "\x00".join(lines)
    line_starts = np.cumsum([0] + [len(line) + 1 for line in lines[:-1]])
    separators = _matches_per_line(_SEPARATORS, joined, line_starts)
    breaks = _matches_per_line(_SENTENCE_BREAK, joined, line_starts)
    dateish = np.zeros(len(lines))  # every date shape holds a digit: only lines with one are searched
    for i in np.flatnonzero(digits):
        dateish[i] = bool(_DATEISH.search(lines[i]))
    urlish = np.minimum(_matches_per_line(_URLISH, joined, line_starts), 1.0)
    sentences = breaks + terminal
    log_n = _log1p(n)
    prose = (n >= PROSE_WORDS) & (stop_ratio >= PROSE_STOP_RATIO) & (terminal > 0)
    columns = [
        log_n,
        n <= 2,
        n <= 5,
        n <= 10,
        n >= 25,
        stop_ratio,
        stop_ratio * log_n,
        terminal,
        np.fromiter((t.endswith(":") for t in stripped), dtype=float, count=len(lines)),
        np.minimum(_per_line(_NOT_PUNCT.sub("", text)) / chars, 0.5),
        np.minimum(digits / chars, 0.5),
        title_ratio,
        (title_ratio >= 0.8) & (n >= 2),
        (alpha > 0) & np.fromiter((line.upper() == line for line in lines), dtype=bool, count=len(lines)),
        urlish,
        _log1p(separators),
        _log1p(sentences),
        np.fromiter((line[:1] in _BULLETS for line in lines), dtype=float, count=len(lines)),
        dateish,
        np.minimum(per_line_sum(lengths) / safe_n, 15.0) / 15.0,
        np.minimum(np.fromiter((line.count(",") for line in lines), dtype=float, count=len(lines)) / safe_n, 1.0)
        * (n > 0),
        np.minimum(pronouns / safe_n, 1.0),
        prose,
        terminal * log_n,
        terminal * stop_ratio,
        (title_ratio >= 0.8) & (n <= 10) & (terminal == 0),
        (separators > 0) & (stop_ratio < 0.2),
        dateish * (n <= 12),
    ]
    return np.column_stack([np.asarray(c, dtype=float) for c in columns])


def _own_rows(lines: Sequence[str], stop: frozenset[str]) -> np.ndarray:
    """Own features of ``lines``, from the cache where it has them."""
    rows: list[np.ndarray | None] = [_OWN_CACHE.get((stop, line)) for line in lines]
    missing = list(dict.fromkeys(line for line, row in zip(lines, rows, strict=True) if row is None))
    if missing:
        if len(_OWN_CACHE) + len(missing) > _OWN_CACHE_SIZE:
            _OWN_CACHE.clear()
        fresh = dict(zip(missing, own_matrix(missing, stop), strict=True))
        for line in missing:
            _OWN_CACHE[(stop, line)] = fresh[line]
        rows = [fresh[line] if row is None else row for line, row in zip(lines, rows, strict=True)]
    return np.array(rows, dtype=float).reshape(len(lines), len(OWN_NAMES))


_IDX = {name: i for i, name in enumerate(OWN_NAMES)}


def document_matrix(lines: Sequence[str], stop: frozenset[str]) -> np.ndarray:
    """One feature row per line (columns in ``FEATURE_NAMES``), computed for all lines at once."""
    n = len(lines)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    own = _own_rows(lines, stop)
    n_words = np.rint(np.expm1(own[:, _IDX["log_words"]]))
    prose = own[:, _IDX["prose"]] > 0
    # neighbours: their own features and a flag where the document ends
    neighbours = []
    picked = own[:, _NEIGHBOUR_IDX]
    width = len(_NEIGHBOUR_IDX)
    for d in (-2, -1, 1, 2):
        block = np.zeros((n, width + 1))
        if d < 0:
            block[-d:, :width] = picked[: n + d]
            block[: min(-d, n), width] = 1.0
        else:
            block[: n - d, :width] = picked[d:]
            block[max(n - d, 0) :, width] = 1.0
        neighbours.append(block)
    index = np.arange(n)
    # lines to the nearest prose line before and after (n when there is none)
    prose_at = np.where(prose, index, -1)
    last_before = np.concatenate([[-1], np.maximum.accumulate(prose_at)[:-1]])
    before = np.where(last_before >= 0, index - last_before, n)
    next_at = np.where(prose, index, n + n)
    next_after = np.concatenate([np.minimum.accumulate(next_at[::-1])[::-1][1:], [n + n]])
    after = np.where(next_after < n + n, next_after - index, n)
    total_words = n_words.sum() or 1.0
    doc_prose = n_words[prose].sum() / total_words
    cum_before = np.concatenate([[0.0], np.cumsum(n_words)[:-1]])
    lo, hi = np.maximum(index - 3, 0), np.minimum(index + 4, n)
    others = np.maximum(hi - lo - 1, 1)
    prose_sum = np.concatenate([[0], np.cumsum(prose)])
    short = n_words <= 5
    short_sum = np.concatenate([[0], np.cumsum(short)])
    keys = [normalise_line(line) for line in lines]
    key_counts = Counter(keys)
    repeats = np.array([math.log1p(key_counts[k] - 1) if k else 0.0 for k in keys])
    # run of lines with this line's word count ending here, at most 10 long
    same_run = np.ones(n)
    for i in range(1, n):
        if n_words[i] == n_words[i - 1]:
            same_run[i] = min(same_run[i - 1] + 1, 10)
    context = np.column_stack(
        [
            index / max(n - 1, 1),
            (cum_before + n_words / 2) / total_words,
            (index < n / 10).astype(float),
            (index >= n - n / 10).astype(float),
            np.log1p(np.minimum(before, 50)),
            np.log1p(np.minimum(after, 50)),
            ((before < n) & (after < n)).astype(float),
            (prose_sum[hi] - prose_sum[lo] - prose) / others,
            (short_sum[hi] - short_sum[lo] - short) / others,
            np.full(n, doc_prose),
            np.full(n, math.log1p(n)),
            repeats,
            np.log1p(same_run - 1),
        ]
    )
    return np.hstack([own, *neighbours, context])


def document_features(lines: Sequence[str], stop: frozenset[str]) -> list[list[float]]:
    """:func:`document_matrix` as lists, for training."""
    return document_matrix(lines, stop).tolist()

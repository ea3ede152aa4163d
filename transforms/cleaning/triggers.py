"""Cheap pre-tests for costly rules, derived from the rules' own phrases.

A phrase rule searches a long alternation of phrases in every language at every
position of a line; most lines hold none of them. Each phrase has words it
cannot match without (``subscribers`` or ``members`` in ``this article is for
(?:subscribers|members)``): a line holding none of any phrase's required words
cannot match the rule, so one substring test per word rejects it before the
pattern runs. The words are read from the phrase's regex source here, so a new
phrase brings its own; a phrase without a required word leaves its rule
untriggered (always searched).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

import ahocorasick

_QUANTIFIERS = "?*+{"
_CLASS_ESCAPES = frozenset("dDsSwWpPbBXNRhHvV")
MIN_TRIGGER = 3  # shorter required words are in too many lines to reject any


def fold(text: str) -> str:
    """``text`` as trigger words are compared: every case the rules' simple case-insensitive matching
    treats as one letter maps to one form (``ſ`` = ``s``, ``ς`` = ``σ``, the Turkish ``ı``/``İ`` = ``i``),
    so a pre-test never rejects a line its pattern would match."""
    return text.casefold().replace("ı", "i").replace("\u0307", "")


def _weight(word: str) -> int:
    """A word's length for :data:`MIN_TRIGGER`: a Han, kana or Hangul character is worth two letters
    (two of them already make a word few lines hold)."""
    return sum(2 if ord(ch) >= 0x1100 and (ch.isalpha() or ord(ch) >= 0x3000) else 1 for ch in word)


def _scan(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each character of ``source`` from ``start`` that is neither escaped nor in a character class,
    with the depth of groups after it."""
    depth, i = 0, start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield i, ch, depth
        i += 1


def _group_end(source: str, start: int) -> int:
    """Index just past the group opening at ``source[start] == '('``."""
    for i, ch, depth in _scan(source, start):
        if ch == ")" and depth == 0:
            return i + 1
    raise ValueError(f"unbalanced group in {source!r}")


def _class_end(source: str, start: int) -> int:
    """Index just past the character class opening at ``source[start] == '['``."""
    i = start + 1
    if i < len(source) and source[i] == "^":
        i += 1
    if i < len(source) and source[i] == "]":
        i += 1
    while i < len(source):
        if source[i] == "\\":
            i += 2
            continue
        if source[i] == "[":  # a nested class (V1 set operations)
            i = _class_end(source, i)
            continue
        if source[i] == "]":
            return i + 1
        i += 1
    raise ValueError(f"unbalanced class in {source!r}")


def _split_top(source: str) -> list[str]:
    """``source``'s top-level alternatives."""
    parts, last = [], 0
    for i, ch, depth in _scan(source):
        if ch == "|" and depth == 0:
            parts.append(source[last:i])
            last = i + 1
    parts.append(source[last:])
    return parts


def _group_body(inner: str) -> str | None:
    """What a group matches, without its opening (``?:``, ``?>``, a name); None for a lookaround,
    flags, a conditional or anything else that is not plainly part of the match."""
    if not inner.startswith("?"):
        return inner
    if inner.startswith(("?:", "?>")):
        return inner[2:]
    if inner.startswith(("?P<", "?<")) and not inner.startswith(("?<=", "?<!")):
        close = inner.find(">")
        return inner[close + 1 :] if close > 0 else None
    return None


def _optional(source: str, end: int) -> tuple[bool, int]:
    """Whether the item ending at ``end`` is optional, and where the next item starts."""
    if end >= len(source) or source[end] not in _QUANTIFIERS:
        return False, end
    if source[end] == "{":
        close = source.index("}", end)
        low = source[end + 1 : close].split(",")[0].strip()
        end, optional = close + 1, (low in ("", "0"))
    else:
        optional, end = source[end] in "?*", end + 1
    if end < len(source) and source[end] in "?+":  # lazy or possessive
        end += 1
    return optional, end


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The candidate whose shortest word is longest: the one fewest lines hold."""
    usable = [c for c in candidates if c and min(map(_weight, c)) >= MIN_TRIGGER]
    return max(usable, key=lambda c: (min(map(_weight, c)), -len(c)), default=None)


def required_words(source: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``source`` contains, or None when none is known."""
    alternatives = _split_top(source)
    if len(alternatives) > 1:
        found = [required_words(a) for a in alternatives]
        if any(f is None for f in found):
            return None
        return frozenset().union(*found)  # type: ignore[arg-type]
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset({fold("".join(run))}))
            run.clear()

    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "(":
            end = _group_end(source, i)
            optional, nxt = _optional(source, end)
            close_run()
            inner = _group_body(source[i + 1 : end - 1])
            if not optional and inner is not None:
                words = required_words(inner)
                if words is not None:
                    candidates.append(words)
            i = nxt
            continue
        if ch == "[":
            end = _class_end(source, i)
            close_run()
            i = _optional(source, end)[1]
            continue
        if ch == "\\":
            escaped = source[i + 1 : i + 2]
            end = i + 2
            if escaped in ("p", "P", "N") and source[end : end + 1] == "{":
                end = source.index("}", end) + 1
            optional, nxt = _optional(source, end)
            if escaped in _CLASS_ESCAPES or escaped.isdigit() or optional:
                close_run()
            else:
                run.append(escaped)
            i = nxt
            continue
        if ch in ".^$":
            close_run()
            i = _optional(source, i + 1)[1]
            continue
        optional, nxt = _optional(source, i + 1)
        if optional:
            close_run()
        else:
            run.append(ch)
            if nxt > i + 1:  # a required repeat ("a+"): the run cannot go on past it
                close_run()
        i = nxt
    close_run()
    return _best(candidates)


def trigger_of(phrases: Iterable[str]) -> tuple[str, ...]:
    """The words one of which any line matching one of ``phrases`` holds; empty when some phrase has none."""
    words: set[str] = set()
    for phrase in phrases:
        found = required_words(phrase)
        if found is None:
            return ()
        words |= found
    # a word that holds another is redundant: the shorter one is in every line the longer one is
    kept = sorted(words, key=len)
    minimal: list[str] = []
    for word in kept:
        if not any(shorter in word for shorter in minimal):
            minimal.append(word)
    return tuple(sorted(minimal))


class Triggered(Protocol):
    trigger: tuple[str, ...]


class TriggerIndex:
    """Every rule's trigger words in one Aho-Corasick automaton: one pass over a folded line says
    which rules' words it holds, whatever the number of rules and words (a substring test per word
    and rule cost more than the patterns it spared)."""

    def __init__(self, rules: Sequence[Triggered]) -> None:
        masks: dict[str, int] = {}
        for i, rule in enumerate(rules):
            for word in rule.trigger:
                masks[word] = masks.get(word, 0) | 1 << i
        self._automaton = ahocorasick.Automaton() if masks else None
        if self._automaton is not None:
            for word, mask in masks.items():
                self._automaton.add_word(word, mask)
            self._automaton.make_automaton()

    def hits(self, folded: str) -> int:
        """Bit ``i`` set when ``folded`` (a :func:`fold`-ed line) holds one of rule ``i``'s trigger words."""
        mask = 0
        if self._automaton is not None:
            for _end, found in self._automaton.iter(folded):
                mask |= found
        return mask

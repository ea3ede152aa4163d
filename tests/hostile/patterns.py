"""Every regular expression in ``transforms/`` and the inputs most likely to make each one backtrack.

Patterns are collected from the modules, not listed by hand, so a new rule is
audited the day it is added. For each pattern the worst inputs are long runs of
what its quantifiers consume: each literal word and character of the pattern
and a member of each character class, repeated with and without separators,
after a start the pattern accepts, and ending in a character it refuses (which
is what forces a backtracking engine to try every split).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, is_dataclass

import regex

import newsclean.transforms as transforms

# One member of each character class the patterns use, and the punctuation they name.
CLASS_MEMBERS = ["A", "a", "Ж", "é", "1", " ", "\t", "\n", "_", ".", ",", ";", ":", "|", "/", "-", "—", "'", "’", "("]
SEPARATORS = ["", " ", ", ", "/", ".", "-", " and ", " | "]
STARTS = ["", "By ", "Credit: ", "date 2025-01-17 ", "MOSCOW (AP) — ", "Associated Press writers ", "<meta "]
TERMINATOR = "\x00§"
_ESCAPE = re.compile(r"\\[pPN]\{[^}]*\}|\\[a-zA-Z]|\(\?[a-zA-Z]+[):]|\{\d*,?\d*\}|\(\?P<\w+>")
_WORD = re.compile(r"[^\W\d_]{2,}|\d+")
_PUNCT = re.compile(r"[^\w\s\\()\[\]{}?*+^$|]")


def normalised(text: str) -> str:
    """What line and paragraph patterns are given: ``clean_text`` and the HTML block tidier
    collapse every run of whitespace to one space before any rule runs."""
    return " ".join(text.split())


# What each pattern's callers guarantee about its input (the longest prefix of a
# pattern's name wins): (normalised whitespace, longest input). Everything else
# is audited on raw input of any length.
CONTEXTS: dict[str, tuple[bool, int | None]] = {
    "cleaning.rules.": (True, None),  # lines of clean_text, blocks of trafilatura output
    "cleaning.date_patterns.": (True, None),  # the same lines (header stamps)
    "fields.dateline.": (True, None),  # paragraphs
    "fields.contributors.": (True, 400),  # parse_contributor_tail refuses longer lines
    "extraction.patterns.TEXT_BYLINE": (True, 120),  # element texts over 120 characters are skipped
    "extraction.patterns.DATED_BYLINE": (True, 121),  # matched on the same short element texts
    "fields.names.": (False, 200),  # names.MAX_FRAGMENT_CHARS, checked first by clean_person_name
    "fields.names._SPLIT": (True, None),  # split_names collapses whitespace, any length
    "fields.names._LEAD": (True, None),
}


@dataclass(frozen=True)
class AuditedPattern:
    """A compiled pattern and where it lives (``module.NAME`` or ``module.NAME[i]``)."""

    where: str
    pattern: regex.Pattern | re.Pattern

    @property
    def source(self) -> str:
        source = self.pattern.pattern
        return source.decode("latin-1") if isinstance(source, bytes) else source

    @property
    def context(self) -> tuple[bool, int | None]:
        """``(normalised, longest)``: what the pattern's callers guarantee (see ``CONTEXTS``)."""
        keys = [k for k in CONTEXTS if self.where.startswith(k)]
        return CONTEXTS[max(keys, key=len)] if keys else (False, None)

    def prepare(self, text: str) -> str | bytes:
        """``text`` as the pattern's callers could hand it over."""
        normalise, longest = self.context
        if normalise:
            text = normalised(text)
        if longest is not None:
            text = text[-longest:]  # keep the end: the refused character that forces backtracking
        return text.encode("utf-8") if isinstance(self.pattern.pattern, bytes) else text

    def search(self, text: str, timeout: float | None) -> None:
        """Search ``text`` as prepared; raises TimeoutError when the pattern runs past ``timeout``
        (``re`` patterns, which have no timeout, only the ``html`` sniffers over 4 KiB, run bare)."""
        data = self.prepare(text)
        if isinstance(self.pattern, regex.Pattern) and timeout is not None:
            self.pattern.search(data, timeout=timeout)
        else:
            self.pattern.search(data)


# Growth, not seconds: a pattern is judged by how its time grows from a short run to a run
# GROWTH_LENGTHS[1] / GROWTH_LENGTHS[0] times longer. Linear grows 8x, quadratic 64x; a busy
# machine slows both runs alike, so the verdict does not depend on load.
GROWTH_LENGTHS = (2_500, 20_000)
MAX_GROWTH = 24.0
HANG_GUARD = 30.0


@dataclass(frozen=True)
class Growth:
    """How a pattern's search time grew from the short input to the long one."""

    short: float  # seconds, best of the repeats
    long: float  # seconds, best of the repeats (the cap when the search ran past it)
    baseline: float  # seconds to scan the long input once with a trivial pattern, same process
    capped: bool

    @property
    def ratio(self) -> float:
        """Long over short, each with the baseline scan added so timer noise on
        microsecond searches cannot fake a steep growth."""
        return (self.long + self.baseline) / (self.short + self.baseline)

    @property
    def linear(self) -> bool:
        return self.ratio <= MAX_GROWTH


_BASELINE = regex.compile(r"\x01\x02")


def _cpu(run: Callable[[], None]) -> float:
    """CPU seconds of this thread spent in ``run``: a busy machine delays it but does not inflate it."""
    begin = time.thread_time()
    run()
    return time.thread_time() - begin


def _best(run: Callable[[], None], repeats: int) -> float:
    return min(_cpu(run) for _ in range(repeats))


def measure_growth(audited: AuditedPattern, unit: str, start: str = "", end: str = TERMINATOR) -> Growth:
    """Time ``audited`` on ``unit`` repeated to each of GROWTH_LENGTHS, as its callers would pass it.

    Times are the thread's CPU time, best of the repeats. The long search is capped (the ``regex``
    timeout, wall time) at 3 x MAX_GROWTH times the short one, so an exponential pattern cannot
    hang the caller; a capped search counts at the cap, far steeper than MAX_GROWTH allows. A
    verdict over the line is measured again with more repeats before it stands, so one scheduling
    hiccup cannot fail a linear pattern. (The short search's own cap, HANG_GUARD, only stops a
    pattern that never ends; a linear one takes milliseconds there.)"""
    short_text, long_text = (repeat(unit, length=n, start=start, end=end) for n in GROWTH_LENGTHS)
    prepared = audited.prepare(long_text)
    sample = prepared if isinstance(prepared, str) else prepared.decode("utf-8", "replace")
    baseline = _best(lambda: _BASELINE.search(sample), 3)
    growth = Growth(0.0, 0.0, baseline, False)
    for repeats in (2, 5):
        try:
            short = _best(lambda: audited.search(short_text, HANG_GUARD), repeats)
        except TimeoutError:
            return Growth(HANG_GUARD, float("inf"), baseline, True)
        cap = max(3 * MAX_GROWTH * (short + baseline), 0.05)
        times = []
        for _ in range(repeats):
            try:
                times.append(_cpu(lambda cap=cap: audited.search(long_text, cap)))
            except TimeoutError:
                times.append(cap)
        growth = Growth(short, min(times), baseline, min(times) >= cap)
        if growth.linear:
            return growth
    return growth


def _patterns_in(value: object, where: str, depth: int = 0) -> Iterator[AuditedPattern]:
    if isinstance(value, (regex.Pattern, re.Pattern)):
        yield AuditedPattern(where, value)
    elif depth < 2 and isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{i}]", depth + 1)
    elif depth < 2 and is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _patterns_in(getattr(value, f.name), f"{where}.{f.name}", depth + 1)


def repeat(unit: str, length: int = 20_000, start: str = "", end: str = TERMINATOR) -> str:
    """``unit`` repeated to about ``length`` characters, between ``start`` and ``end``."""
    return start + unit * max(1, length // max(len(unit), 1)) + end


def find(pattern: regex.Pattern | re.Pattern) -> AuditedPattern:
    """The audited entry (with its callers' context) for a pattern object."""
    for audited in all_patterns():
        if audited.pattern is pattern:
            return audited
    raise LookupError(pattern.pattern)


def all_patterns() -> list[AuditedPattern]:
    """Every compiled pattern held by a module of the ``transforms`` package, once each."""
    found: dict[int, AuditedPattern] = {}
    for info in pkgutil.walk_packages(transforms.__path__, prefix=transforms.__name__ + "."):
        module = importlib.import_module(info.name)
        where = info.name.removeprefix(transforms.__name__ + ".")  # cleaning.rules, extraction.html ...
        for name, value in vars(module).items():
            for audited in _patterns_in(value, f"{where}.{name}"):
                found.setdefault(id(audited.pattern), audited)
    return sorted(found.values(), key=lambda a: a.where)


def atoms(source: str) -> list[str]:
    """The literal words and punctuation a pattern's source names, in order of first appearance."""
    plain = _ESCAPE.sub(" ", source)
    words = _WORD.findall(plain)
    words += [w.upper() for w in words if w.islower()][:10] + [w.capitalize() for w in words if w.islower()][:10]
    return list(dict.fromkeys(words + _PUNCT.findall(plain)))


def units(source: str, max_atoms: int = 60) -> list[str]:
    """What a pattern's quantifiers consume: class members, its words and punctuation, and runs
    of three consecutive ones (the pattern's own sequence, roughly)."""
    words = atoms(source)[:max_atoms]
    found = [*CLASS_MEMBERS, "Aa", "AA", "A.", "Aa-", "aA", *words]
    found += [" ".join(words[i : i + 3]) for i in range(0, max(len(words) - 2, 0))]
    found += ["".join(words[i : i + 3]) for i in range(0, max(len(words) - 2, 0))]
    return list(dict.fromkeys(found))


def worst_inputs(
    source: str, length: int = 20_000, max_atoms: int = 60, separators: list[str] = SEPARATORS
) -> Iterator[tuple[str, str, str]]:
    """Inputs of about ``length`` characters that make a backtracking pattern try the most splits,
    as ``(text, start, piece)``: ``piece`` repeated after ``start``, ending in TERMINATOR.

    Each of :func:`units` repeated, with each separator, after starts the patterns accept.
    """
    seen: set[str] = set()
    for unit in units(source, max_atoms):
        for separator in separators:
            piece = unit + separator
            if not piece.strip(" ") and separator:
                continue
            run = piece * max(1, length // len(piece))
            for start in STARTS if separator in ("", " ") else ("",):
                text = start + run + TERMINATOR
                if text not in seen:
                    seen.add(text)
                    yield text, start, piece

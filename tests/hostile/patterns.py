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
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

import regex

import transforms

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
    "rules.": (True, None),  # lines of clean_text, blocks of trafilatura output
    "dateline.": (True, None),  # paragraphs
    "contributors.": (True, 400),  # parse_contributor_tail refuses longer lines
    "html_meta._TEXT_BYLINE": (True, 120),  # element texts over 120 characters are skipped
    "names.": (False, 200),  # names.MAX_FRAGMENT_CHARS, checked first by clean_person_name
    "names._SPLIT": (True, None),  # split_names collapses whitespace, any length
    "names._LEAD": (True, None),
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

    def search(self, text: str, timeout: float) -> None:
        """Search ``text`` as prepared; raises TimeoutError when the pattern runs past ``timeout``
        (``re`` patterns, which have no timeout, only the ``html`` sniffers over 4 KiB, run bare)."""
        data = self.prepare(text)
        if isinstance(self.pattern, regex.Pattern):
            self.pattern.search(data, timeout=timeout)
        else:
            self.pattern.search(data)


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
    for info in pkgutil.iter_modules(transforms.__path__):
        module = importlib.import_module(f"transforms.{info.name}")
        for name, value in vars(module).items():
            for audited in _patterns_in(value, f"{info.name}.{name}"):
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
) -> Iterator[str]:
    """Inputs of about ``length`` characters that make a backtracking pattern try the most splits.

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
                    yield text

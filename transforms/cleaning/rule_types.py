"""The shapes of the cleaner's rules: a whole-line rule, a prefix rule and a section rule.

Kept apart from the rule data (``cleaning.rules``, ``cleaning.phrases``) so both data modules
build rules of one kind without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from newsclean.transforms.cleaning.triggers import fold

REGEX_TIMEOUT = 1.0  # seconds; a line that takes longer raises TimeoutError (a reject, never a hang)
HEAD = "head"  # the first paragraphs of a document
TAIL = "tail"  # the last paragraphs of a document
ANYWHERE = "any"


@dataclass(frozen=True)
class LineRule:
    """Removes a whole line that matches ``pattern`` (searched, case-insensitive)."""

    name: str
    pattern: regex.Pattern
    where: str = ANYWHERE
    max_words: int = 40
    description: str = ""
    # A second opinion on a match, for rules whose pattern alone is too loose.
    accept: Callable[[str], bool] | None = None
    # Substrings one of which every match contains (compared as ``triggers.fold`` leaves them):
    # a cheap test before costly patterns.
    trigger: tuple[str, ...] = ()
    # Run under the regex module's timeout: for patterns with several bounded repeats that a
    # hostile line could make slow. Plain anchored alternations skip its per-call cost.
    guarded: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "trigger", tuple(fold(t) for t in self.trigger))

    def matches(self, line: str, n_words: int, folded: str | None = None) -> bool:
        """Whether this rule removes ``line`` (of ``n_words`` words; ``folded`` is ``triggers.fold(line)``)."""
        if n_words > self.max_words:
            return False
        if self.trigger:
            folded = fold(line) if folded is None else folded
            if not any(t in folded for t in self.trigger):
                return False
        found = self.pattern.search(line, timeout=REGEX_TIMEOUT) if self.guarded else self.pattern.search(line)
        if not found:
            return False
        return self.accept is None or self.accept(line)


@dataclass(frozen=True)
class PrefixRule:
    """Removes the matched start of a line and keeps the rest (a title after a date label)."""

    name: str
    pattern: regex.Pattern
    where: str = HEAD
    description: str = ""


@dataclass(frozen=True)
class SectionRule:
    """Cuts the document's tail from a line that fully matches ``pattern``."""

    name: str
    pattern: regex.Pattern
    max_words: int = 12
    # Cut only when no paragraph after the marker is longer than this: a related
    # list holds titles and teasers, not prose. None: no limit.
    max_prose_words: int | None = None
    # The marker must come after this share of the document's words.
    min_share: float = 0.5
    description: str = ""

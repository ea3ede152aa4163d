"""The shapes of the cleaner's rules: a whole-line rule, a prefix rule and a section rule.

Kept apart from the rule data (``cleaning.rules``, ``cleaning.phrases``) so both data modules
build rules of one kind without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from newsclean.transforms.cleaning.triggers import TriggerIndex, fold, trigger_of
from newsclean.transforms.runtime.limits import regex_timeout

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
    # Held to linear growth by the regex audit, so a short line skips the timeout
    # (``runtime.limits.regex_timeout``); False for a rules file's patterns, always timed.
    audited: bool = True

    def __post_init__(self) -> None:
        # without trigger words of its own, the words its pattern cannot match without
        trigger = self.trigger or trigger_of([self.pattern.pattern])
        object.__setattr__(self, "trigger", tuple(fold(t) for t in trigger))

    def matches(self, line: str, n_words: int, folded: str | None = None, screened: bool = False) -> bool:
        """Whether this rule removes ``line`` (of ``n_words`` words; ``folded`` is ``triggers.fold(line)``;
        ``screened``: the caller already found one of its trigger words in the line)."""
        if n_words > self.max_words:
            return False
        if self.trigger and not screened:
            folded = fold(line) if folded is None else folded
            if not any(t in folded for t in self.trigger):
                return False
        if not self.guarded:
            found = self.pattern.search(line)
        elif self.audited:
            found = self.pattern.search(line, **regex_timeout(line, REGEX_TIMEOUT))
        else:
            found = self.pattern.search(line, timeout=REGEX_TIMEOUT)
        if not found:
            return False
        return self.accept is None or self.accept(line)


class RuleIndex:
    """Line rules with their trigger words in one automaton, and which of them apply where, as bit masks."""

    def __init__(self, rules: tuple[LineRule, ...]) -> None:
        self.rules = rules
        self.words = TriggerIndex(rules)
        self.untriggered = sum(1 << i for i, rule in enumerate(rules) if not rule.trigger)
        self.allowed = {
            in_head: sum(1 << i for i, r in enumerate(rules) if r.where != TAIL and (in_head or r.where != HEAD))
            for in_head in (True, False)
        }


def first_rule(index: RuleIndex, line: str, in_head: bool) -> LineRule | None:
    """The first of the index's rules (outside the tail ones; the head ones only ``in_head``) that removes
    ``line``; a rule whose trigger words the line lacks is not tried."""
    n_words = len(line.split())
    folded = fold(line)
    candidates = (index.words.hits(folded) | index.untriggered) & index.allowed[in_head]
    while candidates:
        lowest = candidates & -candidates
        candidates ^= lowest
        rule = index.rules[lowest.bit_length() - 1]
        if rule.matches(line, n_words, folded, screened=True):
            return rule
    return None


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

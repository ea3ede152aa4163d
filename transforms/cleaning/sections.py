"""Block-level rules for extracted pages: what comes before and after the story.

Line rules (:mod:`newsclean.transforms.cleaning.clean`) judge one line at a time. Some page
furniture is only visible in the document's shape: a related-stories list
after a "More from X" heading, a table of contents repeating the headings, the
headline repeated as the first heading, the writer's biography closing the
page. These rules work on :class:`~newsclean.transforms.extraction.html.Block` lists and report every
block they drop as a :class:`Removed` entry with the rule's name.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from newsclean.schemas.records import Removed
from newsclean.transforms.cleaning import rules as R
from newsclean.transforms.facts import HEADING, ITEM, PARAGRAPH, Block
from newsclean.transforms.runtime.limits import regex_timeout
from newsclean.transforms.text import normalise_line, word_count
from newsclean.transforms.vocabulary import RuleName

RULE_PAGE_TITLE = RuleName.TITLE
RULE_TABLE_OF_CONTENTS = RuleName.TABLE_OF_CONTENTS
RULE_AUTHOR_BIO = RuleName.AUTHOR_BIO
RULE_CALL_TO_ACTION = RuleName.CALL_TO_ACTION

# A section marker must come after this share of the document's words, so a
# marker-like heading early in a story never cuts the story itself.
TAIL_START_SHARE = 0.5
TITLE_LOOKAHEAD = 3  # the headline is among the first blocks
TITLE_OVERLAP = 0.5  # share of words a heading shares with the title to be the title
BIO_BLOCKS = 3  # a biography is among the last blocks
TOC_MIN_ITEMS = 3

_TOC_MARKER = regex.compile(
    r"^(?:table\s+of\s+contents?|contents|in\s+this\s+(?:article|post|guide|story)(?:,?\s+we['’]ll\s+(?:cover|discuss))?"
    r"|on\s+this\s+page|jump\s+to(?:\s+section)?|what['’]s\s+(?:inside|in\s+this\s+(?:article|post)))\s*:?$",
    regex.I,
)
_BIO_VERB = (
    r"(?:is|was|has|had|writes|covers|joined|lives|holds|serves|specializes|specialises|earned|graduated|reports)"
)


def _same_title(heading: str, title: str) -> bool:
    """A heading that is the page title, give or take a site name or a subtitle."""
    if not heading or not title:
        return False
    if heading == title or title.startswith(heading + " ") or title.endswith(" " + heading):
        return True
    a, b = set(heading.split()), set(title.split())
    return len(a & b) / len(a | b) >= TITLE_OVERLAP


def drop_page_title(blocks: list[Block], title: str | None) -> tuple[list[Block], list[Removed]]:
    """The headline at the top: the page's first ``<h1>``, or a heading that repeats its title.

    It is the ``title`` field, not body text.
    """
    key = normalise_line(title or "")
    for i, block in enumerate(blocks[:TITLE_LOOKAHEAD]):
        if block.kind != HEADING:
            continue
        if (i == 0 and block.level == 1) or _same_title(normalise_line(block.text), key):
            return blocks[:i] + blocks[i + 1 :], [Removed(RULE_PAGE_TITLE, block.text)]
    return blocks, []


def drop_table_of_contents(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """A run of list items that repeat the document's later headings, and its label."""
    headings = {normalise_line(b.text) for b in blocks if b.kind == HEADING}
    drop: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, Block(PARAGRAPH, "")]):
        if block.kind == ITEM and normalise_line(block.text) in headings and i < len(blocks):
            run.append(i)
            continue
        if len(run) >= TOC_MIN_ITEMS:
            drop.update(run)
            label = run[0] - 1
            if label >= 0 and _TOC_MARKER.match(blocks[label].text):
                drop.add(label)
        run = []
    if not drop:
        return blocks, []
    removed = [Removed(RULE_TABLE_OF_CONTENTS, blocks[i].text) for i in sorted(drop)]
    return [b for i, b in enumerate(blocks) if i not in drop], removed


def _section_rule(block: Block) -> R.SectionRule | None:
    return _section_rule_of(block.text)


@lru_cache(maxsize=8192)  # plain text's fixed-point loop asks again about the same lines
def _section_rule_of(text: str) -> R.SectionRule | None:
    if "\n" in text:
        return None
    n_words = word_count(text)
    for rule in R.SECTION_RULES:
        if n_words <= rule.max_words and rule.pattern.match(text, **regex_timeout(text)):
            return rule
    return None


# No section rule cuts before this share of a document's words: blocks before it are not tested.
_EARLIEST_SHARE = min(rule.min_share for rule in R.SECTION_RULES)


def _short_enough(rest: list[Block], max_prose_words: int | None) -> bool:
    return max_prose_words is None or all(word_count(b.text) <= max_prose_words for b in rest if b.kind == PARAGRAPH)


def cut_tail_sections(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """Everything from the first section marker in the document's second half on."""
    counts = [word_count(b.text) for b in blocks]
    total = sum(counts)
    seen = 0
    for i, block in enumerate(blocks):
        if i > 0 and seen >= _EARLIEST_SHARE * total:
            rule = _section_rule(block)
            if (
                rule is not None
                and seen >= rule.min_share * total
                and _short_enough(blocks[i + 1 :], rule.max_prose_words)
            ):
                return blocks[:i], [Removed(rule.name, b.text) for b in blocks[i:]]
        seen += counts[i]
    return blocks, []


_BIO_LEAD = regex.compile(r"about\s+the\s+author:?\s+", regex.I)
# A whitespace run is entered only at its start, so a search over long whitespace stays linear.
_BIO_AFTER_NAME = regex.compile(r"(?:,[^.]{1,80},)?(?<!\s)\s+" + _BIO_VERB + r"\b", regex.I)


def _introduces(text: str, names: list[str]) -> bool:
    """Whether ``text`` opens on one of ``names`` and a bio verb ('Jane Doe, a ..., is')."""
    lead = _BIO_LEAD.match(text, timeout=1.0)
    start = lead.end() if lead else 0
    return any(
        text[start : start + len(name)].casefold() == name.casefold()
        and _BIO_AFTER_NAME.match(text, start + len(name), timeout=1.0)
        for name in names
    )


def drop_author_bio(blocks: list[Block], authors: list[str]) -> tuple[list[Block], list[Removed]]:
    """A closing paragraph that introduces the article's own author: 'Jane Doe is a reporter ...'.

    The patterns are fixed and the names compared as text: compiling a pattern of
    each page's names cost ~3 ms a page."""
    names = [a for a in authors if a]
    if not names or len(blocks) <= BIO_BLOCKS:
        return blocks, []
    start = len(blocks) - BIO_BLOCKS
    kept, removed = blocks[:start], []
    for block in blocks[start:]:
        if block.kind == PARAGRAPH and _introduces(block.text, names):
            removed.append(Removed(RULE_AUTHOR_BIO, block.text))
        else:
            kept.append(block)
    return kept, removed


def drop_closing_calls_to_action(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """The run of calls to action closing a page ('Book a demo', 'Sign up today ...').

    Read from the last block back; the run stops at the first block that is not
    one, and never reaches into the document's first half.
    """
    counts = [word_count(b.text) for b in blocks]
    floor = TAIL_START_SHARE * sum(counts)
    end = len(blocks)
    while end > 1 and sum(counts[: end - 1]) >= floor:
        block = blocks[end - 1]
        if block.kind not in (PARAGRAPH, HEADING) or counts[end - 1] > R.CALL_TO_ACTION_MAX_WORDS:
            break
        if not R.CALL_TO_ACTION.match(block.text, **regex_timeout(block.text)):
            break
        end -= 1
    return blocks[:end], [Removed(RULE_CALL_TO_ACTION, b.text) for b in blocks[end:]]


def clean_blocks(
    blocks: list[Block], *, title: str | None = None, authors: list[str] | None = None
) -> tuple[list[Block], list[Removed]]:
    """All block rules in order: headline, table of contents, tail sections, author biography."""
    removed: list[Removed] = []
    for step in (
        lambda bs: drop_page_title(bs, title),
        drop_table_of_contents,
        cut_tail_sections,
        lambda bs: drop_author_bio(bs, authors or []),
        drop_closing_calls_to_action,
    ):
        blocks, dropped = step(blocks)
        removed.extend(dropped)
    return blocks, removed

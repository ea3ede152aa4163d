"""Wire tags: the agency a story credits in brackets where its text ends (German, French and Italian
wires print ``… werde. (dpa)``, ``(FR mit dpa)``, ``(avec AFP)``), told apart from a caption's credit."""

from __future__ import annotations

import regex

from newsclean.transforms.fields.agency import AGENCY_PATTERN

# The wire a story credits in brackets closing its last paragraph: "… hieß es. (FR mit dpa)", "(dpa)", "(AFP)",
# "(mit Material von dpa und AFP)", "(avec AFP)", "(dpa/lno)". The tag goes, the paragraph stays.
CLOSING_AGENCY_TAG = regex.compile(
    r"(?<=[.!?\"”“»])\s*[(\[](?:\p{Lu}[\p{L}.\-]{0,14}\s+)?(?:(?i:mit|with|avec|con|com)\s+)?"
    r"(?:(?i:material\s+(?:von|der)|informationen\s+von|agenturen)\s+)?"
    r"(?P<agency>(?:" + AGENCY_PATTERN + r")(?:/[\p{L}]{1,6}){0,3}"
    r"(?:\s*(?:,|/|und|and|et|y|e)\s*(?:" + AGENCY_PATTERN + r")(?:/[\p{L}]{1,6}){0,3}){0,3})\s*[)\]]\.?$"
)


_BARE_WIRE_END = regex.compile(r"[(\[]\s*(?:" + AGENCY_PATTERN + r")(?:/\p{Ll}{1,6}){0,3}\s*[)\]]\.?\s*$")
_SENTENCE_BREAK = regex.compile(r"[.!?][\"”’»]?\s+[\p{Lu}\"“„]")


def story_closing_on_its_wire(line: str) -> bool:
    """A paragraph of two or more sentences closed by a bare wire tag (``… werde. (dpa)``): the story's
    last paragraph and its source, not a one-sentence caption and its credit (``… on Friday. (AP)``)."""
    end = _BARE_WIRE_END.search(line)
    return end is not None and _SENTENCE_BREAK.search(line, 0, end.start()) is not None

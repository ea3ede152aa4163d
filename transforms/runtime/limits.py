"""Limits on what one document may cost, and the checks that turn a breach into a reject.

The open web sends everything: gzip bombs, 50 MB single-line pages, HTML nested
ten thousand deep. Each limit below bounds one way a document can cost memory
or time; a document over a limit becomes a reject whose ``error`` names the
limit, and the run goes on. Defaults are set far above real news and well
below what hurts a worker (see ``docs/limits.md``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newsclean.transforms.errors import StageError
from newsclean.transforms.vocabulary import RejectCode

DEFAULT_MAX_BYTES = 64 * 1024 * 1024  # per document, after decompression
# News text and HTML compress 3-15x; a gzip bomb 1000x. Checked once the
# output passes RATIO_FLOOR_BYTES, so a tiny file of repeated text is not a bomb.
DEFAULT_MAX_RATIO = 100.0
RATIO_FLOOR_BYTES = 1024 * 1024
# A paragraph of news is under 10,000 characters; 200,000 is a 30,000-word line.
DEFAULT_MAX_LINE_CHARS = 200_000
# libxml2, and so lxml and trafilatura, silently drop everything nested deeper
# than 256 elements; a page that reaches that ceiling is refused rather than half-read.
PARSER_MAX_DEPTH = 256
DEFAULT_MAX_HTML_DEPTH = PARSER_MAX_DEPTH - 1
# Pages take 20-100 ms here; a slow real page a few seconds.
DEFAULT_MAX_SECONDS = 30.0
# Text up to this many characters is searched without the regex module's timeout when the pattern
# is one of ours: tests/transforms/test_regex_safety.py holds each to linear growth, so such a text
# cannot stall it, and the timeout's per-call cost (about half a microsecond) was most of a short
# line's search. Longer text keeps the timeout.
UNTIMED_CHARS = 1000
_UNTIMED: dict[str, float] = {}


def regex_timeout(text: str, seconds: float = 1.0) -> dict[str, float]:
    """Keyword arguments for searching ``text`` with an audited pattern: a ``timeout`` only past
    :data:`UNTIMED_CHARS` (``pattern.search(text, **regex_timeout(text))``)."""
    return {"timeout": seconds} if len(text) > UNTIMED_CHARS else _UNTIMED


# Reject codes, one per limit.
TOO_LARGE = RejectCode.TOO_LARGE
COMPRESSION_RATIO = RejectCode.COMPRESSION_RATIO
LINE_TOO_LONG = RejectCode.LINE_TOO_LONG
TOO_DEEP = RejectCode.TOO_DEEP
TIMEOUT = RejectCode.TIMEOUT
REGEX_TIMEOUT = RejectCode.REGEX_TIMEOUT
WORKER_DIED = RejectCode.WORKER_DIED


@dataclass(frozen=True)
class Limits:
    """Per-document limits; ``max_seconds`` 0 runs documents in-process, without a time limit."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_ratio: float = DEFAULT_MAX_RATIO
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS
    max_html_depth: int = DEFAULT_MAX_HTML_DEPTH
    max_seconds: float = DEFAULT_MAX_SECONDS

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_ratio", "max_line_chars", "max_html_depth"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.max_seconds < 0:
            raise ValueError("max_seconds must be 0 (no limit) or positive")


def longest_line(text: str) -> int:
    """Length of the longest line of ``text``, without splitting a 50 MB string into a list."""
    longest, start = 0, 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            return max(longest, len(text) - start)
        longest = max(longest, end - start)
        start = end + 1


def check_line_length(text: str, max_chars: int, stage: str) -> None:
    """Raise ``StageError(stage, "line_too_long")`` when a line of ``text`` is longer than ``max_chars``.

    Every line rule reads a whole line; a bound on its length bounds their cost.
    """
    longest = longest_line(text)
    if longest > max_chars:
        raise StageError(stage, LINE_TOO_LONG, f"a line of {longest} characters (limit {max_chars})")


def html_depth(html: str | bytes) -> tuple[int, bool]:
    """``(depth, cut)``: how deep the page's elements nest as lxml parses it, and whether the
    parser cut the tree at its own ceiling (``PARSER_MAX_DEPTH``) and dropped what lay below.

    The same HTML parser trafilatura uses, so the answer is what extraction would see.
    Walking with ``iterwalk`` keeps the count iterative: no recursion on deep trees.
    """
    import lxml.etree

    if isinstance(html, str):
        html = html.encode("utf-8", errors="replace")  # a str may not carry an XML encoding declaration
    parser = lxml.etree.HTMLParser(remove_comments=True, no_network=True, encoding="utf-8")
    try:
        root = lxml.etree.fromstring(html, parser)
    except (ValueError, lxml.etree.ParserError, lxml.etree.XMLSyntaxError):
        return 0, False
    cut = any("excessive depth" in entry.message.lower() for entry in parser.error_log)
    return (element_depth(root) if root is not None else 0), cut


def element_depth(root) -> int:
    """How many elements nest at the deepest point under ``root`` (itself counted), without recursion."""
    import lxml.etree

    depth = deepest = 0
    for event, _element in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


@functools.lru_cache(maxsize=8)
def _path_of_depth(depth: int):
    import lxml.etree

    return lxml.etree.XPath("boolean(" + "/*" * depth + ")")


def nests_deeper_than(tree, depth: int) -> bool:
    """Whether any element of ``tree`` (an ElementTree) lies more than ``depth`` elements deep.

    One XPath step a level, in libxml2: about a seventh of the cost of walking
    every element in Python with :func:`element_depth`, which every page paid.
    """
    return bool(_path_of_depth(depth + 1)(tree))


def check_html_depth(page, max_depth: int, stage: str = "extract") -> None:
    """Raise ``StageError(stage, "too_deep")`` for a page (HTML text, or the tree already parsed)
    nested deeper than ``max_depth`` elements, or up to the parser's ceiling, where it drops what
    lies deeper: a page is refused rather than silently half-read."""
    if isinstance(page, (str, bytes)):
        depth, cut = html_depth(page)
    else:
        tree = page.getroottree() if hasattr(page, "getroottree") else page
        # one XPath on the common path; the exact depth only for a page over a limit
        over = nests_deeper_than(tree, min(max_depth, PARSER_MAX_DEPTH - 1))
        depth = element_depth(tree.getroot()) if over else 0
        cut = depth >= PARSER_MAX_DEPTH  # the tree alone cannot tell a page of exactly 256 from a cut one
    if cut or depth >= PARSER_MAX_DEPTH:
        raise StageError(stage, TOO_DEEP, f"elements nest {PARSER_MAX_DEPTH} deep, where the parser cuts the page")
    if depth > max_depth:
        raise StageError(stage, TOO_DEEP, f"elements nest {depth} deep (limit {max_depth})")

"""trafilatura's attribute-pattern prunes, the same elements found without a Python call per element.

trafilatura finds boilerplate containers (comment threads, infinite-scroll follow-ups, share bars,
navigation, ads, hidden blocks) with XPaths whose ``re:test`` predicates lxml answers by calling back
into Python for each element and attribute it tests: its ``RAW_TREE_PRUNE_XPATH``,
``REMOVE_COMMENTS_AND_LISTS_XPATH`` and ``OVERALL_DISCARD_XPATH`` cost about a sixth of a page's
extraction. Here one walk reads each element's attributes (in source order, as XPath's string value
of ``@id|@class`` takes the first) and the same patterns run once per distinct set of attributes.

Each function returns, in document order, the elements trafilatura's expression returns; the patterns
are trafilatura's own (pinned in constraints.txt; a test checks they are still in its XPaths and that
both select the same elements on real pages). :func:`overall_discard` stands in for
``OVERALL_DISCARD_XPATH`` inside trafilatura's main extractor only while :func:`fast_prunes` is entered.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

# Tags the expressions are restricted to (their ``self::`` tests).
_BLOCKS_RAW = frozenset(("div", "section", "aside"))
_BLOCKS_COMMENTS = frozenset(("div", "list", "section", "details", "ol", "ul"))
_BLOCKS_OVERALL = frozenset(("div", "item", "list", "p", "section", "span"))

# The literal patterns of trafilatura's expressions (the token-built ones are read from its token lists).
RAW_SCROLL = "mvp-post-add-(?:box|wrap)|infinite-?scroll"
RAW_SCROLL_NAMED = "mvp-post-add-(?:box|wrap)"
RAW_SHARE_CLASS = "elementor-share-buttons"
HIDDEN_ID_STYLE = "hidden"
HIDDEN_ID = "reader-comments|akismet"
HIDDEN_CLASS = (
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links"
    "|-hide-|hide-print| hidden| hide|noprint|notloaded"
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """Compiled as lxml compiles an EXSLT ``re:test`` pattern without flags (``re.UNICODE``)."""
    from trafilatura import xpaths as x

    comments_id, comments_class = x._COMMENTS_ID, x._COMMENTS_CLASS
    sources = {
        "raw_scroll": RAW_SCROLL,
        "raw_named": RAW_SCROLL_NAMED,
        "comments_id": f"^(?:{comments_id}|disqus_thread|dsq-comments)",
        "comments_list_id": f"^(?:{comments_id})",
        "comments_class": comments_class,
        "cookie": x._alt(x._CONSENT_ID_CLASS_TOKENS),
        "discard_id": x._alt(x._OVERALL_DISCARD_BOTH_TOKENS + x._OVERALL_DISCARD_ID_TOKENS),
        "discard_class": x._alt(x._OVERALL_DISCARD_BOTH_TOKENS + x._OVERALL_DISCARD_CLASS_TOKENS),
        "hidden_id_style": HIDDEN_ID_STYLE,
        "hidden_id": HIDDEN_ID,
        "hidden_class": HIDDEN_CLASS,
    }
    compiled = {name: re.compile(source, re.UNICODE) for name, source in sources.items()}
    # re:test of a missing attribute tests ''; none of these may match it, or absence would count
    assert not any(pattern.search("") for pattern in compiled.values())
    return compiled


def _walk(tree) -> Iterator[tuple[object, str, list[tuple[str, str]]]]:
    """Each element below ``tree`` that has attributes, in document order: element, tag, attributes
    in source order (an element without any meets none of the tests)."""
    for element in tree.iterdescendants():
        items = element.items()
        if not items:
            continue
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions have no attributes anyway
            continue
        yield element, tag, items


def _first(items: list[tuple[str, str]], names: tuple[str, str]) -> str:
    """XPath's string value of ``@a|@b``: the first of the two in source order, '' when neither."""
    for name, value in items:
        if name in names:
            return value
    return ""


def _get(items: list[tuple[str, str]], name: str) -> str | None:
    for key, value in items:
        if key == name:
            return value
    return None


def raw_prunes(tree) -> tuple[list, list, list]:
    """The elements of ``RAW_TREE_PRUNE_XPATH``'s two expressions and of ``REMOVE_COMMENTS_AND_LISTS_XPATH``.

    All three are read from the tree as it is now; trafilatura runs each after deleting the previous
    one's elements, which only differs inside subtrees already deleted, where deleting again changes
    nothing (none of the tests reads the tree's shape except ``not(.//h1)``, read here before any
    deletion as trafilatura reads it).
    """
    p = _patterns()
    scroll, shares, comments = [], [], []
    seen: dict[tuple, tuple[bool, bool, bool]] = {}
    for element, tag, items in _walk(tree):
        key = (tag, tuple(items))
        decided = seen.get(key)
        if decided is None:
            decided = seen[key] = _raw_decision(tag, items, p)
        is_scroll, is_share, is_comments = decided
        if is_scroll and (
            element.find(".//h1") is None
            or p["raw_named"].search(_get(items, "id") or "")
            or p["raw_named"].search(_get(items, "class") or "")
        ):
            scroll.append(element)
        if is_share:
            shares.append(element)
        if is_comments:
            comments.append(element)
    return scroll, shares, comments


def _raw_decision(tag: str, items: list, p: dict[str, re.Pattern]) -> tuple[bool, bool, bool]:
    id_, class_ = _get(items, "id") or "", _get(items, "class") or ""
    scroll = share = comments = False
    if tag in _BLOCKS_RAW:
        scroll = bool(p["raw_scroll"].search(id_) or p["raw_scroll"].search(class_))
        share = RAW_SHARE_CLASS in class_
    if tag in _BLOCKS_COMMENTS:
        in_class = p["comments_class"].search(class_) is not None
        comments = bool(p["comments_id"].search(id_) or in_class) and (
            tag not in ("ol", "ul") or bool(p["comments_list_id"].search(id_)) or in_class
        )
    return scroll, share, comments


def overall_discard(tree) -> list:
    """The elements of both of ``OVERALL_DISCARD_XPATH``'s expressions, the first's then the second's others."""
    p = _patterns()
    first, second = [], []
    seen: dict[tuple, tuple[bool, bool]] = {}
    for element, tag, items in _walk(tree):
        key = (tag, tuple(items))
        decided = seen.get(key)
        if decided is None:
            decided = seen[key] = _overall_decision(tag, items, p)
        if decided[0]:
            first.append(element)
        elif decided[1]:
            second.append(element)
    if not second:
        return first
    if not first:
        return second
    chosen = set(first)
    return first + [element for element in second if element not in chosen]


def _overall_decision(tag: str, items: list, p: dict[str, re.Pattern]) -> tuple[bool, bool]:
    id_ = _get(items, "id")
    class_ = _get(items, "class")
    style = _get(items, "style")
    first = tag in _BLOCKS_OVERALL and (
        _get(items, "data-lp-replacement-content") is not None
        or "nav" in (_get(items, "role") or "").replace("N", "n")
        or "MostPopularStories" in (_get(items, "data-component") or "")
        or p["cookie"].search(_first(items, ("id", "class"))) is not None
        or p["discard_id"].search(id_ or "") is not None
        or p["discard_class"].search(class_ or "") is not None
    )
    second = (
        class_ == "comments-title"
        or _first(items, ("id", "class")).startswith("reply-")
        or p["hidden_id_style"].search(_first(items, ("id", "style"))) is not None
        or (style is not None and ("display:none" in style or "display: none" in style))
        or p["hidden_id"].search(id_ or "") is not None
        or p["hidden_class"].search(class_ or "") is not None
        or _get(items, "aria-hidden") == "true"
    )
    return first, second


_LOCK = threading.Lock()
_ENTERED = 0
_SAVED: list[Callable] = []


@contextmanager
def fast_prunes() -> Iterator[None]:
    """trafilatura's main extractor prunes with :func:`overall_discard` while this is entered.

    Its ``OVERALL_DISCARD_XPATH`` list is shared by the modules that read it, so its contents are
    swapped, once however many threads enter, and restored when the last leaves; a caller of
    trafilatura in between gets the same elements either way, only found more slowly or faster.
    """
    from trafilatura import xpaths

    global _ENTERED
    with _LOCK:
        if _ENTERED == 0:
            _SAVED[:] = xpaths.OVERALL_DISCARD_XPATH
            xpaths.OVERALL_DISCARD_XPATH[:] = [overall_discard]
        _ENTERED += 1
    try:
        yield
    finally:
        with _LOCK:
            _ENTERED -= 1
            if _ENTERED == 0:
                xpaths.OVERALL_DISCARD_XPATH[:] = _SAVED

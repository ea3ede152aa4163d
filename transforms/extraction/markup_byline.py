"""trafilatura's markup byline search (``metadata.extract_author``) in one walk of the tree.

trafilatura copies the whole tree, prunes it with two XPaths and runs three more over it, each
testing ``class`` and ``id`` with ``re:test`` (lxml calls Python for every element each test reads):
about 6 ms a page. :func:`markup_byline` reads the same attributes in one walk and gives the same
element's text; :func:`newsclean.transforms.extraction.trafilatura_adapter.trafilatura_author`
calls it, and tests check it against trafilatura's own on real and odd pages.
"""

from __future__ import annotations

from functools import lru_cache

from newsclean.transforms.text import indices_holding

# The patterns and tags of trafilatura's AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS (a test checks they still are).
_AUTHOR_CLASS = (
    r"author-?name|AuthorName|authorName",
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name",
    r"[Aa]uthor|screenname|writer|[Bb]yline",
)
_AUTHOR_ID = (r"author|zuozhe|bianji|xiaobian", r"[Aa]uthor")
_DISCARD_CLASS = (
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    r"article-(?:share|support)|print|category|meta-date|meta-reviewer"
)
_DISCARD_ID = r"^comments|comment-?list|ProductReviews"
# A word every alternative of those patterns holds, and the whole values the XPaths compare ``class``
# or ``id`` with (a test checks them): a value holding none is read by no test.
AUTHOR_WORDS = (
    "uthor", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by", "posted-by", "journalist-name",
    "screenname", "writer", "yline", "omment", "ProductReviews", "sidebar", "is-hidden", "quote",
    "embedly-instagram", "article-", "print", "category", "meta-", "username", "byl", "BBL", "title", "date",
)  # fmt: skip
_AUTHOR_TAGS = (
    frozenset(("a", "address", "div", "link", "p", "span", "strong")),
    frozenset(("a", "div", "h3", "h4", "p", "span")),
)
_DISCARD_TAGS = frozenset(("a", "div", "section", "span"))


@lru_cache(maxsize=1)
def _author_patterns():
    """:func:`_author_search`'s patterns compiled as ``re:test`` compiles them (``re.search``, no flags)."""
    import re

    return [re.compile(p) for p in (*_AUTHOR_CLASS, *_AUTHOR_ID, _DISCARD_CLASS, _DISCARD_ID)]


def _holding_words(values: list[str]) -> set[int]:
    """The indexes of the ``values`` holding one of :data:`AUTHOR_WORDS`, found in all of them joined."""
    return indices_holding(values, AUTHOR_WORDS)


def _pruned_texts(element, removed: set) -> list[str]:
    """``element.itertext()`` as trafilatura's pruned copy gives it: the ``removed`` elements gone, each one's
    tail joined to the text before it (``delete_element``)."""
    out: list[str] = []
    current = element.text
    for child in element:
        if child in removed:
            if child.tail:
                current = (current or "") + child.tail
            continue
        if current is not None:
            out.append(current)
        if isinstance(child.tag, str):
            out.extend(_pruned_texts(child, removed))
        current = child.tail
    if current is not None:
        out.append(current)
    return out


def markup_byline(tree) -> str | None:
    """``metadata.extract_author``'s raw find: the first element its three byline XPaths select, in their
    order, in the tree less its discarded regions, whose text is 3 to 119 characters.

    An element matters only with another attribute the XPaths test, as ``<author>``, ``<time>`` or
    ``<figure>``, or when its ``class`` or ``id`` holds one of :data:`AUTHOR_WORDS`.
    """
    from lxml.etree import Element

    by_class0, by_class1, by_class2, by_id1, by_id2, discard_class, discard_id = _author_patterns()
    labelled, classes, ids, rare = [], [], [], []
    for position, element in enumerate(tree.iter(Element)):
        label, name = element.get("class"), element.get("id")
        if label is not None or name is not None:
            labelled.append((position, element))
            classes.append(label or "")
            ids.append(name or "")
        if element.tag in ("author", "time", "figure") or (
            len(element.attrib) > (label is not None) + (name is not None)
            and any(element.get(key) is not None for key in ("rel", "itemprop", "data-testid", "data-component"))
        ):
            rare.append((position, element))
    found = _holding_words(classes) | _holding_words(ids)
    considered = dict(sorted([labelled[i] for i in found] + rare, key=lambda pair: pair[0]))
    steps: tuple[list, list, list] = ([], [], [])
    removed = set()
    for element in considered.values():
        tag, label, name = element.tag, element.get("class") or "", element.get("id") or ""
        prop, component = element.get("itemprop") or "", element.get("data-component") or ""
        if tag == "author" or (
            tag in _AUTHOR_TAGS[0]
            and (
                element.get("rel") == "author"
                or name == "author"
                or label == "author"
                or prop == "author name"
                or element.get("data-testid") in ("AuthorCard", "AuthorURL")
                or by_class0.search(label)
            )
        ):
            steps[0].append(element)
        if tag in _AUTHOR_TAGS[1] and (
            label in ("byline", "username", "byl", "BBL")
            or "author" in prop
            or by_id1.search(name)
            or by_class1.search(label)
        ):
            steps[1].append(element)
        if "Byline" in component or "author" in prop or by_id2.search(name) or by_class2.search(label):
            steps[2].append(element)
        if tag in ("time", "figure") or (
            tag in _DISCARD_TAGS
            and element is not tree
            and (
                name == "comments"
                or label in ("comments", "title", "date")
                or discard_id.search(name)
                or discard_class.search(label)
                or "Figure" in component
            )
        ):
            removed.add(element)
    holding = {a for element in removed for a in element.iterancestors()}  # whose text pruning changes
    for step in steps:
        for element in step:
            if element in removed or any(a in removed for a in element.iterancestors()):
                continue
            texts = _pruned_texts(element, removed) if element in holding else element.itertext()
            content = " ".join(" ".join(texts).split())  # trafilatura's trim
            if content and 2 < len(content) < 120:
                return content
    return None

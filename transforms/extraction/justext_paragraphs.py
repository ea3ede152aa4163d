"""jusText's paragraphs of a tree, made by one walk of it rather than through SAX events.

jusText's ``ParagraphMaker`` has lxml turn the tree into SAX events (building an
attribute map and a qualified name for every element) and keeps each paragraph's
XPath as it goes; that was most of a jusText run on the pages where trafilatura's
recall escalation asks for one. :func:`make_paragraphs` walks the tree itself and
makes the same paragraphs: the same text nodes, tag and link counts and DOM path,
in the same order (a test compares the two on every dev page). The paragraph's XPath,
which jusText's classification never reads, is left empty. A tree holding what the
walk does not reproduce (an entity node, a processing instruction beside the root)
goes to jusText's own maker.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree


@lru_cache(maxsize=1)
def _justext():
    from justext.core import PARAGRAPH_TAGS
    from justext.paragraph import Paragraph
    from justext.utils import normalize_whitespace

    return PARAGRAPH_TAGS, Paragraph, normalize_whitespace


class _Path:
    """What a paragraph keeps of jusText's ``PathInfo``: the dotted names of the open elements."""

    def __init__(self, names: list[str]) -> None:
        self.dom = ".".join(names)
        self.xpath = ""


def _plain(tree: Any) -> bool:
    """Whether every node of ``tree`` is an element, a comment or a processing instruction inside the root."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    for side in (root.getprevious(), root.getnext()):
        if side is not None and side.tag is etree.ProcessingInstruction:
            return False
    return not any(node.tag is etree.Entity for node in root.iter(etree.Entity))


def make_paragraphs(tree: Any, paragraph_class: type | None = None) -> list:
    """jusText's ``ParagraphMaker.make_paragraphs(tree)``, each paragraph of ``paragraph_class``
    (a subclass of jusText's ``Paragraph``; jusText's own by default)."""
    paragraph_tags, base, normalize_whitespace = _justext()
    made = paragraph_class or base
    if not _plain(tree):
        from justext.core import ParagraphMaker

        paragraphs = ParagraphMaker.make_paragraphs(tree)
        for paragraph in paragraphs:
            paragraph.__class__ = made
        return paragraphs
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    names: list[str] = []
    paragraphs: list = []
    state = {"paragraph": made(_Path(names)), "link": False, "br": False}

    def new_paragraph() -> None:
        paragraph = state["paragraph"]
        # jusText keeps a paragraph that is truthy (its text, stripped, is not empty) and has text nodes
        if any(not node.isspace() for node in paragraph.text_nodes):
            paragraphs.append(paragraph)
        state["paragraph"] = made(_Path(names))

    def characters(content: str | None) -> None:
        if not content or content.isspace():
            return
        text = normalize_whitespace(content)
        paragraph = state["paragraph"]
        paragraph.text_nodes.append(text)
        if state["link"]:
            paragraph.chars_count_in_links += len(text)
        state["br"] = False

    def walk(element: Any) -> None:
        tag = element.tag
        if not isinstance(tag, str):  # a comment or processing instruction: its tail only
            characters(element.tail)
            return
        name = tag.rsplit("}", 1)[1] if tag[:1] == "{" else tag
        names.append(name)
        if name in paragraph_tags or (name == "br" and state["br"]):
            if name == "br":
                state["paragraph"].tags_count -= 1  # <br><br> separates; it is no tag of the paragraph
            new_paragraph()
        else:
            state["br"] = name == "br"
            if state["br"]:
                state["paragraph"].text_nodes.append(" ")
            elif name == "a":
                state["link"] = True
            state["paragraph"].tags_count += 1
        characters(element.text)
        for child in element:
            walk(child)
        names.pop()
        if name in paragraph_tags:
            new_paragraph()
        if name == "a":
            state["link"] = False
        characters(element.tail)

    walk(root)
    new_paragraph()
    return paragraphs

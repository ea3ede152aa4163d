"""The attribute-pattern prunes select what trafilatura's own XPaths select."""

from __future__ import annotations

from copy import copy

import pytest
from lxml import etree

from newsclean.transforms.extraction import trafilatura_prunes as tp
from newsclean.transforms.extraction.trafilatura_adapter import load_html
from tests.conftest import dev_pages

# Odd cases: attribute order (XPath's string value of @id|@class is the first in the source),
# lists that are comment threads or not, an infinite-scroll box holding the page's h1, a role
# spelled with a capital N, a presence test on an empty attribute, hidden blocks by each route.
ODD = """<html><body>
<div class="comments" id="main">a</div><div id="comment-12" class="x">b</div>
<ul class="comment-list">c</ul><ul id="disqus_thread">d</ul><ol id="commentary">e</ol>
<section class="post-comments">f</section><details id="comol">g</details><span class="comment">h</span>
<div class="infinite-scroll"><h1>Story</h1><p>i</p></div><div id="infinitescroll">j</div>
<aside class="mvp-post-add-box"><h1>Next</h1></aside><div class="elementor-share-buttons x">k</div>
<div role="Navigation">l</div><p data-lp-replacement-content="">m</p><span data-component="MostPopularStories">n</span>
<div id="x" class="cookie-note">o</div><div class="cookie-note" id="x">p</div><item class="sidebar">q</item>
<div class="my-ad-slot">r</div><div class="bad-content">s</div><list class=" ad ">t</list>
<b class="comments-title">u</b><i id="reply-3" class="x">v</i><i class="x" id="reply-3">w</i>
<em style="hidden" id="y">x</em><em id="y" style="hidden">y</em><u style="display: none">z</u>
<u aria-hidden="true">1</u><u aria-hidden="false">2</u><u class="a hidden">3</u><u id="akismet-x">4</u>
<p class="shareable">5</p><p class="sharing">6</p><p class="navbar">7</p><p id="Footer">8</p>
<!-- a comment --><div class="plain">9<p class="plain">10</p></div>
</body></html>"""


def _pages() -> list[str]:
    return [ODD, *dev_pages("wcxb-dev", 0, 15), *dev_pages("trafilatura-eval", 0, 15)]


def test_raw_prunes_are_trafilaturas_expressions() -> None:
    from trafilatura import xpaths as x

    for html in _pages():
        tree = load_html(html)
        scroll, shares, comments = tp.raw_prunes(tree)
        assert scroll == x.RAW_TREE_PRUNE_XPATH[0](tree)
        assert shares == x.RAW_TREE_PRUNE_XPATH[1](tree)
        assert comments == x.REMOVE_COMMENTS_AND_LISTS_XPATH[0](tree)


def test_overall_discard_is_trafilaturas_expression() -> None:
    from trafilatura import xpaths as x
    from trafilatura.htmlprocessing import tree_cleaning
    from trafilatura.settings import Extractor

    options = Extractor(output_format="xml", recall=True, comments=False, tables=True, dedup=False)
    for html in _pages():
        raw = load_html(html)
        for tree in (raw, tree_cleaning(copy(raw), options)):
            theirs = list(dict.fromkeys(e for expression in x.OVERALL_DISCARD_XPATH for e in expression(tree)))
            assert tp.overall_discard(tree) == theirs


def test_odd_cases_select_something_of_each_kind() -> None:
    """The odd page meets every test, so the comparison above is not vacuous."""
    tree = load_html(ODD)
    scroll, shares, comments = tp.raw_prunes(tree)
    assert [e.text for e in scroll] == ["j", None]  # the box holding the story's h1 stays, a named one goes
    assert len(shares) == 1 and len(comments) == 5  # not the disqus list, nor "commentary"
    found = {(e.text or "").strip() for e in tp.overall_discard(tree)}
    assert {"l", "m", "n", "p", "q", "r", "t", "u", "v", "x", "z", "1", "3", "4", "5", "6", "7", "8"} <= found
    assert not {"o", "w", "y", "2", "9", "10"} & found


def test_the_patterns_are_still_trafilaturas() -> None:
    """A trafilatura upgrade that rewrites its expressions fails here, not silently."""
    from trafilatura import xpaths as x

    raw = x.RAW_TREE_PRUNE_XPATH[0].path
    assert tp.RAW_SCROLL in raw and tp.RAW_SCROLL_NAMED in raw and "not(.//h1)" in raw
    assert tp.RAW_SHARE_CLASS in x.RAW_TREE_PRUNE_XPATH[1].path
    hidden = x.OVERALL_DISCARD_XPATH[1].path
    assert all(p in hidden for p in (tp.HIDDEN_ID_STYLE, tp.HIDDEN_ID, tp.HIDDEN_CLASS))
    assert len(x.RAW_TREE_PRUNE_XPATH) == 2 and len(x.OVERALL_DISCARD_XPATH) == 2


def test_fast_prunes_swaps_trafilaturas_list_only_while_entered() -> None:
    from trafilatura import xpaths as x

    theirs = list(x.OVERALL_DISCARD_XPATH)
    with tp.fast_prunes():
        with tp.fast_prunes():
            assert x.OVERALL_DISCARD_XPATH == [tp.overall_discard]
        assert x.OVERALL_DISCARD_XPATH == [tp.overall_discard]
    assert x.OVERALL_DISCARD_XPATH == theirs
    with pytest.raises(RuntimeError), tp.fast_prunes():
        raise RuntimeError
    assert x.OVERALL_DISCARD_XPATH == theirs
    assert etree.tostring(load_html(ODD)) == etree.tostring(load_html(ODD))


@pytest.mark.parametrize("settings", [{"recall": True}, {"precision": True}, {"recall": True, "comments": True}])
def test_the_sequence_is_trafilaturas_for_any_options(settings: dict) -> None:
    """The recall reproduction, and trafilatura's own sequence for options it does not reproduce."""
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import Extractor

    from newsclean.transforms.extraction.trafilatura_adapter import _recall_sequence

    for html in _pages()[:8]:
        options = Extractor(output_format="xml", tables=True, dedup=False, **{"comments": False, **settings})
        body, text = _recall_sequence(load_html(html), options, None)
        theirs, their_text, _c, _t = trafilatura_sequence(load_html(html), options, None)
        assert text == their_text
        assert etree.tostring(body) == etree.tostring(theirs)

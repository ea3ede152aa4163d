"""The seeds' noise in every wording (benchmarks/noisy_stories), as properties of cleaning.

Any mix of the generator's noise around a real body (one that holds no line of those
forms itself): every noise line goes, the body comes out as it does with no noise around
it, the header date is read (an update stamp never is), and the contributors are read
with their places. Hypothesis draws the generator's seed; the suite's profile is
derandomised, so the stories are the same on every run.
"""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import noisy_stories as ns
from newsclean.schemas.records import Article

EXAMPLES = int(os.environ.get("NEWSCLEAN_HYPOTHESIS_EXAMPLES", "5000")) // 25  # each example cleans two texts
SETTINGS = settings(max_examples=max(EXAMPLES, 20), suppress_health_check=[HealthCheck.too_slow])

if not ns.DATA.exists():
    pytest.skip("needs ../shared/data/wcxb-dev", allow_module_level=True)


def _story(seed: int) -> ns.Story:
    return ns.compose(ns.story_parts(random.Random(seed)))


def _words(text: str) -> str:
    return " ".join(text.split())


@SETTINGS
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_noise_goes_and_the_body_stays(seed: int) -> None:
    story = _story(seed)
    article = ns.clean(story.text)
    assert isinstance(article, Article), article
    left = [line for line, gone in zip(story.noise, ns.noise_left(story, article.text), strict=True) if gone]
    assert not left, left
    alone = ns.clean(story.headline + "\n\n" + story.body)
    text = _words(article.text)
    # prose the body keeps without noise is kept with it (a one-line aside such as "Even so." is the
    # line classifier's call either way, made from its neighbours)
    lost = [p for p in alone.text.split("\n\n") if len(p.split()) >= 5 and _words(p) not in text]
    assert not lost, lost


@SETTINGS
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_header_date_and_contributors_are_read(seed: int) -> None:
    story = _story(seed)
    article = ns.clean(story.text)
    assert isinstance(article, Article), article
    if story.date is not None:
        assert article.published_date == story.date
    elif story.update_date is not None:
        assert article.published_date != story.update_date or article.date_source != "header"
    people = {(c.name, c.location) for c in article.contributors}
    assert ns._contributor_set(people) == ns._contributor_set(story.contributors)

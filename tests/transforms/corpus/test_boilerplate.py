"""Corpus boilerplate: a source's recurring footer goes, a syndicated body stays."""

from __future__ import annotations

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline as BeamTestPipeline
from apache_beam.testing.util import assert_that, equal_to

from newsclean.schemas.records import Article
from newsclean.transforms.beam.boilerplate import RemoveSourceBoilerplate
from newsclean.transforms.corpus.boilerplate import (
    RULE_RECURRING_IN_SOURCE,
    frequent_lines,
    line_hash,
    line_occurrences,
    remove_recurring,
    source_of,
)
from newsclean.transforms.text import normalise_line

FOOTER = "The Valley Courier is published by Valley Media Group, 12 Mill Street, and delivered every weekday morning."
TOPICS = ["bridge", "school", "library", "harbour", "market", "railway", "hospital", "stadium", "museum", "park"]
SYNDICATED = [
    "The national weather service warned on Tuesday that a powerful storm would bring heavy rain to the coast.",
    "Forecasters said rivers could rise quickly overnight, and officials opened shelters in three counties.",
    "Residents were told to avoid driving through flooded roads and to keep phones charged in case of outages.",
]


def _own_story(i: int) -> list[str]:
    topic, other = TOPICS[i % 10], TOPICS[(i // 10) % 10]
    return [
        f"The town council met on day {i} to discuss the {topic} project and its cost of {i * 7} thousand.",
        f"Residents asked about the {other} plans, and council member number {i} promised an answer soon.",
        f"A vote on the {topic} is expected after {i + 2} weeks of public comment, officials said.",
    ]


def _article(n: int, paragraphs: list[str], folder: str = "/data/valley", url: str | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(doc_id=f"d{n}", source_uri=f"{folder}/{n}.txt", text=text, url=url, word_count=len(text.split()))


def _corpus() -> tuple[list[Article], list[Article]]:
    """50 different stories with the site footer, and 50 outlets' copies of one story in the same folder."""
    own = [_article(i, [*_own_story(i), FOOTER]) for i in range(50)]
    copies = [_article(100 + i, [*SYNDICATED, f"Distributed to outlet {i}."]) for i in range(50)]
    return own, copies


def _clean(articles: list[Article], min_docs: int = 10) -> list[Article]:
    recurring = frequent_lines((o for a in articles for o in line_occurrences(a)), min_docs)
    return [remove_recurring(a, recurring) for a in articles]


def test_footer_in_50_documents_goes_and_syndicated_body_stays() -> None:
    own, copies = _corpus()
    cleaned = _clean(own + copies)
    for before, after in zip(own, cleaned[:50], strict=True):
        assert FOOTER not in after.text
        assert after.text == "\n\n".join(before.text.split("\n\n")[:3])
        assert [(r.rule, r.text) for r in after.removed] == [(RULE_RECURRING_IN_SOURCE, FOOTER)]
        assert after.word_count == len(after.text.split()) and after.content_hash
    for before, after in zip(copies, cleaned[50:], strict=True):
        assert after.text == before.text  # the full syndicated body, nothing removed
        assert after.removed == []


def test_syndicated_copies_of_different_sites_are_kept_too() -> None:
    copies = [_article(i, SYNDICATED, url=f"https://outlet{i}.example/story") for i in range(50)]
    assert _clean(copies) == copies


def test_threshold_is_an_option() -> None:
    own, _ = _corpus()
    assert all(FOOTER in a.text for a in _clean(own[:9]))
    assert all(FOOTER not in a.text for a in _clean(own[:9], min_docs=9))


def test_copies_count_once_so_a_syndicated_line_is_never_recurring() -> None:
    """Signatures, not the 50% guard, keep the syndicated body: its lines are not even candidates."""
    own, copies = _corpus()
    recurring = frequent_lines((o for a in own + copies for o in line_occurrences(a)), 10)
    assert recurring == {line_hash("/data/valley", normalise_line(FOOTER))}


def test_a_document_never_loses_most_of_its_words() -> None:
    article = _article(1, ["Short own line.", FOOTER])
    source = source_of(article)
    assert remove_recurring(article, {line_hash(source, "short own line")}).text == FOOTER
    assert remove_recurring(article, {line_hash("/elsewhere", "short own line")}) is article  # another source's
    assert remove_recurring(article, {line_hash(source, normalise_line(FOOTER))}) is article  # the footer is most of it


def test_source_is_the_site_or_the_folder() -> None:
    assert source_of(_article(1, ["x"], url="https://www.example.com/a/b")) == "example.com"
    assert source_of(_article(1, ["x"], folder="gs://bucket/feeds/site-a")) == "gs://bucket/feeds/site-a"
    jsonl = Article(doc_id="d", source_uri="/data/dump.jsonl#7", text="x")
    assert source_of(jsonl) == "/data"


def test_beam_stage_removes_the_footer_and_keeps_the_syndicated_body() -> None:
    own, copies = _corpus()
    with BeamTestPipeline(runner="FnApiRunner") as p:
        out = p | beam.Create(own + copies) | RemoveSourceBoilerplate(min_docs=10)
        assert_that(
            out | beam.Map(lambda a: (a.doc_id, FOOTER in a.text, a.text.count("\n\n") + 1, len(a.removed))),
            equal_to([(a.doc_id, False, 3, 1) for a in own] + [(a.doc_id, False, 4, 0) for a in copies]),
        )


def test_array_count_agrees_with_the_in_memory_count_however_split() -> None:
    """The Beam combine (arrays of distinct pairs, folded and merged in any grouping) finds the same lines."""
    from newsclean.transforms.beam.boilerplate import RecurringLines

    own, copies = _corpus()
    pairs = [o for a in own + copies for o in line_occurrences(a)]
    expected = frequent_lines(pairs, 10)
    fn = RecurringLines(10)
    fn.FOLD_AT = 7  # fold often
    for parts in (1, 3, 8):
        accs = []
        for k in range(parts):
            acc = fn.create_accumulator()
            for pair in pairs[k::parts]:
                acc = fn.add_input(acc, pair)
            accs.append(fn.compact(acc))
        assert fn.extract_output(fn.merge_accumulators(accs)) == expected
    assert fn.extract_output(fn.create_accumulator()) == frozenset()
    assert RecurringLines(2).extract_output(fn.merge_accumulators([fn.create_accumulator()])) == frozenset()
    # as the pipeline adds them: one packed array an article
    from newsclean.transforms.corpus.boilerplate import packed_occurrences

    for parts in (1, 3):
        accs = []
        for k in range(parts):
            acc = fn.create_accumulator()
            for article in (own + copies)[k::parts]:
                acc = fn.add_input(acc, packed_occurrences(article))
            accs.append(acc)
        assert fn.extract_output(fn.merge_accumulators(accs)) == expected


def test_capped_counts_merge_exactly_and_stay_small() -> None:
    """Lines near the threshold, their signatures repeated across overlapping parts: the capped
    accumulators (min_docs pairs a line at most) find exactly what the full count finds."""
    import random

    import numpy as np

    from newsclean.transforms.beam.boilerplate import RecurringLines
    from newsclean.transforms.corpus.boilerplate import cap_per_line, pack_pairs

    rng = random.Random(3)
    pairs = []
    for line in range(1, 200):
        signatures = rng.sample(range(1, 10_000), rng.choice([1, 5, 9, 10, 11, 40, 300]))
        pairs += [(line * 7919, sig) for sig in signatures for _ in range(rng.choice([1, 2]))]
    expected = frequent_lines(pairs, 10)
    assert 0 < len(expected) < 199
    fn = RecurringLines(10)
    fn.FOLD_AT = 50
    for parts in (1, 2, 5):
        accs = []
        for k in range(parts):
            share = [p for p in pairs if rng.random() < 0.6 or hash(p) % parts == k]  # overlapping parts
            acc = fn.create_accumulator()
            for pair in share:
                acc = fn.add_input(acc, pair)
            accs.append(fn.compact(acc))
        merged = fn.merge_accumulators(accs)
        assert fn.extract_output(merged) == expected
        assert len(merged[0]) <= 10 * 199
    capped = cap_per_line(pack_pairs([(5, s) for s in (9, 3, 7, 3, 1)]), 2)
    assert capped.tolist() == pack_pairs([(5, 1), (5, 3)]).tolist()  # the smallest signatures, distinct
    assert cap_per_line(np.zeros(0, dtype=np.uint64), 3).size == 0


def test_the_profile_tokens_tell_which_articles_may_lose_lines() -> None:
    from newsclean.transforms.corpus.boilerplate import holds_recurring
    from newsclean.transforms.corpus.copies.features import tokenise

    own, copies = _corpus()
    broken = _article(7, ["First line of a paragraph\nand its second line.", *_own_story(7), FOOTER])
    articles = [*own, *copies, broken]
    recurring = frequent_lines((o for a in articles for o in line_occurrences(a)), 10)
    assert recurring
    for a in articles:
        may = holds_recurring(a, tokenise(a.text).keys, recurring)
        assert may == any(line_hash(source_of(a), normalise_line(p)) in recurring for p in a.text.split("\n\n"))
        if not may:
            assert remove_recurring(a, recurring) is a
    assert not holds_recurring(own[0], tokenise(own[0].text).keys, frozenset())

"""The pre-tests derived from phrase rules: they reject lines cheaply and never a line the rule would take."""

from __future__ import annotations

import gzip

import pytest
import regex

from newsclean.transforms.cleaning import rules as R
from newsclean.transforms.cleaning.phrase_examples import EXAMPLES
from newsclean.transforms.cleaning.rule_types import LineRule, RuleIndex, first_rule
from newsclean.transforms.cleaning.triggers import TriggerIndex, fold, required_words, trigger_of
from newsclean.transforms.text import normalise_text, split_paragraphs
from tests.conftest import SHARED


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("colou?r", {"colo"}),  # an optional letter ends the run
        ("colou?r chart", {"r chart"}),  # the longest run is the rarest
        ("abc(?:def)? and more", {" and more"}),
        ("x(?:bcde|efgh)y", {"bcde", "efgh"}),  # a required group: one of its alternatives
        ("[xyz]abc", {"abc"}),
        (r"\d+ minutes to read", {" minutes to read"}),
        (r"il vous reste \d+\s?% de (?:cet|l['’]) article", {"il vous reste "}),
        ("(?:free )?articles? left", {"article"}),
        ("ab|cdef", None),  # an alternative too short to reject anything
        (r"\p{L}+plus", {"plus"}),
        ("(?=x)longword", {"longword"}),  # a lookahead is no word of the match
        ("関連(?:記事|ニュース)", {"関連"}),  # two Han characters make a word
        ("(?P<date>monday)!", {"monday"}),  # a named group is part of the match
        ("(?<=abc)defg", {"defg"}),  # a lookbehind is not
    ],
)
def test_required_words(source: str, expected: set[str] | None) -> None:
    found = required_words(source)
    assert (found if found is None else set(found)) == expected


def test_a_trigger_drops_words_that_hold_a_shorter_one() -> None:
    assert trigger_of(["(?:this|the) story is for members", "members"]) == ("members",)
    assert trigger_of(["ab|cd", "members only"]) == ()  # one phrase without a word: the rule runs on every line


def test_fold_maps_what_case_insensitive_matching_joins() -> None:
    assert fold("TÜM HAKLARI SAKLIDIR") == fold("tüm hakları saklıdır")
    assert fold("ſtraße") == fold("STRASSE") and fold("ΟΔΟΣ") == fold("οδος")


def _lines() -> list[str]:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.extend((value, value.upper(), value.title()))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    walk(EXAMPLES)
    return found


# Rules whose trigger words are set by hand, narrower on purpose than their pattern.
HAND_SET = {"credit", "photo_caption"}


def _triggered_rules() -> list[R.LineRule]:
    """The rules whose trigger words are derived from their patterns."""
    return [r for r in R.DEFAULT_RULES.line_rules if r.trigger and r.name not in HAND_SET]


def _bare(rule: R.LineRule, line: str) -> bool:
    """The rule's verdict from its pattern alone, no trigger words."""
    return (
        len(line.split()) <= rule.max_words
        and bool(rule.pattern.search(line))
        and (rule.accept is None or rule.accept(line))
    )


def test_derived_triggers_keep_every_example_a_rule_matches() -> None:
    rules = _triggered_rules()
    phrase_rules = [r for r in R.DEFAULT_RULES.line_rules if "docs/languages.md" in r.description]
    assert len(phrase_rules) >= 10 and all(r.trigger for r in phrase_rules), "every phrase rule carries triggers"
    assert len(rules) > len(phrase_rules)  # hand-written patterns get theirs too
    for rule in rules:
        for line in _lines():
            assert rule.matches(line, len(line.split())) == _bare(rule, line), (rule.name, line)


def test_derived_triggers_change_no_verdict_on_real_pages() -> None:
    """Every line of 120 real pages (their visible text, one block a line): the same verdicts with and without."""
    pages = sorted((SHARED / "data" / "trafilatura-eval").glob("*.html.gz"))[:60]
    pages += sorted((SHARED / "data" / "wcxb-dev").glob("*.html.gz"))[:60]
    if not pages:
        pytest.skip("shared data sets not found")
    from benchmarks.naive_text import html_to_naive_text

    lines = []
    for page in pages:
        lines += split_paragraphs(normalise_text(html_to_naive_text(gzip.decompress(page.read_bytes()))))
    lines = list(dict.fromkeys(lines))
    rules = _triggered_rules()
    rejected = 0
    for rule in rules:
        for line in lines:
            assert rule.matches(line, len(line.split())) == _bare(rule, line), (rule.name, line)
            rejected += not any(t in fold(line) for t in rule.trigger)
    assert rejected > 0.9 * len(lines) * len(rules)  # the pre-test does reject most lines


def test_the_index_finds_the_rules_whose_words_a_line_holds() -> None:
    rules = [
        LineRule("a", regex.compile("x"), trigger=("members only",)),
        LineRule("b", regex.compile("x"), trigger=("news",)),
        LineRule("c", regex.compile("x")),
    ]
    index = TriggerIndex(rules)
    assert index.hits(fold("For MEMBERS ONLY: the news")) == 0b011
    assert index.hits(fold("Nothing here")) == 0
    assert TriggerIndex([rules[2]]).hits("anything") == 0  # no trigger words at all


def test_first_rule_skips_rules_whose_words_are_missing_and_keeps_order() -> None:
    take_all = LineRule("all", regex.compile("."), trigger=("zzz",))
    share = LineRule("share", regex.compile("^share$", regex.I), trigger=("share",))
    head_only = LineRule("head", regex.compile("^nothing$", regex.I), where="head")
    index = RuleIndex((take_all, share, head_only))
    assert first_rule(index, "Share", in_head=False) is share  # "all" would match but its word is missing
    assert first_rule(index, "Share zzz", in_head=False) is take_all
    assert first_rule(index, "Nothing", in_head=False) is None
    assert first_rule(index, "Nothing", in_head=True) is head_only

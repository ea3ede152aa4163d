"""Regular expressions that cannot blow up: every pattern in ``transforms/`` on runs of what it consumes.

Judged by growth, not by seconds: each pattern is searched on a run of 2,500
and of 20,000 characters (as its callers could hand them over), and its CPU time
may grow at most ``MAX_GROWTH`` times (linear grows 8x, quadratic 64x). The
patterns the audit found (``benchmarks/audit_regex.py``, ``docs/limits.md``)
grew quadratically or never ended; a loaded machine slows both runs alike.
"""

from __future__ import annotations

import os

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean.schemas.records import Article, RawDocument, Reject
from newsclean.transforms.cleaning import rules as R
from newsclean.transforms.cleaning import sections
from newsclean.transforms.document import process_document
from newsclean.transforms.extraction import patterns as page_patterns
from newsclean.transforms.extraction.html import declared_language
from newsclean.transforms.fields import contributors, dateline, dates, names
from tests.hostile.patterns import (
    SEPARATORS,
    STARTS,
    TERMINATOR,
    AuditedPattern,
    all_patterns,
    find,
    measure_growth,
    repeat,
    units,
)

EXAMPLES = int(os.environ.get("NEWSCLEAN_HYPOTHESIS_EXAMPLES", "5000"))
SETTINGS = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
PATTERNS = all_patterns()
UNITS = {p.where: st.sampled_from(units(p.source)) for p in PATTERNS}  # built once: strategies are costly to make


def _rule(name: str) -> R.LineRule:
    return next(rule for rule in R.LINE_RULES if rule.name == name)


def test_every_module_pattern_is_audited() -> None:
    places = {p.where.rsplit(".", 1)[0] for p in PATTERNS}
    expected = {"cleaning.rules", "fields.dates", "fields.dateline", "fields.contributors", "fields.names"}
    assert expected | {"extraction.patterns", "extraction.html", "reading.decode"} <= places
    assert len(PATTERNS) >= 60
    assert all(find(rule.pattern) for rule in R.LINE_RULES)


# (what, pattern, unit repeated, start, raw): the audit's findings, each with the input that
# blew it up. raw=True checks the pattern on raw input although its callers normalise whitespace.
KNOWN_BAD = [
    ("credit: V1 full case folding, one long word", _rule("credit").pattern, "images", "", False),
    ("credit: agencies and names", _rule("credit").pattern, "Kyodo PA Media/", "", False),
    ("share: 'copy link' read two ways", _rule("share").pattern, "COPY LINK Share/", "", False),
    ("copyright: unanchored .{0,120}", _rule("copyright").pattern, "all ", "", False),
    ("date_line: space as separator and padding", _rule("date_line").pattern, " \t", "Jan 17, 2025", True),
    ("byline: space around an optional colon", _rule("byline").pattern, " \t", "By", True),
    ("weekday [a-z]*", dates.DATE_PATTERNS[1], "mon", "", True),
    ("weekday [a-z]*, day first", dates.DATE_PATTERNS[2], "thurs", "", True),
    ("dateline words split at every hyphen", dateline.DATELINE, "A-", "", False),
    ("dateline, longer words", dateline.DATELINE, "AA-", "", False),
    ("contributor separators over spaces", contributors._SEPARATOR, " \t", "X", True),
    ("contributor 'in' over spaces", contributors._IN, " \t", "X", True),
    ("text byline colon", page_patterns.TEXT_BYLINE, " \n", "By", True),
    ("affiliation over spaces", names._AFFILIATION_TAIL, " ", "Jane", True),
    ("email over one long token", names._EMAIL, "@/", "", True),
    ("credential listed twice (MD)", names._CREDENTIAL, " MD", "Jane", False),
]


@pytest.mark.parametrize("what,pattern,unit,start,raw", KNOWN_BAD, ids=[k[0] for k in KNOWN_BAD])
def test_known_bad_inputs_grow_linearly(what: str, pattern, unit: str, start: str, raw: bool) -> None:
    audited = find(pattern)
    if raw:  # as if its callers handed it raw input of any length
        audited = type(audited)(audited.where + " (raw)", pattern)
    growth = measure_growth(audited, unit, start=start)
    assert growth.linear, growth


@pytest.mark.parametrize(
    "unit", ["<meta http-equiv=content-language ", "<meta property=og:locale content ", "<html lang "]
)
def test_declared_language_reads_tags_in_linear_time(unit: str) -> None:
    assert declared_language(repeat(unit)) is None  # raised TimeoutError before the rewrite


def test_names_refuse_page_sized_fragments() -> None:
    assert names.clean_person_name("Jane Doe" + " MD" * 5000) is None
    assert names.split_names("By " + "Jane Doe MD, " * 2000)[0] == ["Jane Doe"]


@pytest.mark.parametrize("what,pattern,unit,start,raw", KNOWN_BAD[:5], ids=[k[0] for k in KNOWN_BAD[:5]])
def test_a_document_made_of_bad_lines_is_cleaned(what: str, pattern, unit: str, start: str, raw: bool) -> None:
    """The same inputs as lines of a document: an article or an ordinary reject, never a timeout."""
    lines = [repeat(unit, length=2_000, start=start, end="") for _ in range(5)]
    text = "\n".join(["The council met on Friday to vote on the budget for the new year.", *lines])
    result = process_document(RawDocument("bad.txt", text.encode()))
    assert isinstance(result, Article) or (isinstance(result, Reject) and "timeout" not in result.error)


@st.composite
def pattern_and_input(draw: st.DrawFn) -> tuple[object, str, str, str]:
    """A pattern and what to repeat into a long run: one to three of the things its quantifiers consume."""
    audited = draw(st.sampled_from(PATTERNS))
    pieces = draw(st.lists(UNITS[audited.where], min_size=1, max_size=3))
    separator = draw(st.sampled_from(SEPARATORS))
    start = draw(st.sampled_from(STARTS))
    end = draw(st.sampled_from([TERMINATOR, "", "!", "\n", "x", " ."]))
    return audited, separator.join(pieces) + separator, start, end


@SETTINGS
@example(case=(find(sections._BIO_AFTER_NAME), "\n ", "", TERMINATOR))  # quadratic under search until fixed
@given(pattern_and_input())
def test_no_pattern_backtracks_on_runs_of_what_it_consumes(case: tuple) -> None:
    audited, unit, start, end = case
    growth = measure_growth(audited, unit, start=start, end=end)
    assert growth.linear, (audited.where, growth)


def test_the_growth_check_tells_quadratic_from_linear() -> None:
    """The check itself: a pattern known to be quadratic under search fails it, its fixed form passes."""
    quadratic = measure_growth(AuditedPattern("quadratic", regex.compile(r" +x")), " ")
    linear = measure_growth(AuditedPattern("linear", regex.compile(r"(?<! ) +x")), " ")
    assert not quadratic.linear and linear.linear, (quadratic, linear)

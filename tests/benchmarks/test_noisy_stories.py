"""The noisy-story generator of benchmarks/noisy_stories.py: deterministic, and its truth agrees with its text.

Only the generator is tested here; how well the cleaner does on the stories is the benchmark's business.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pytest

from benchmarks import noisy_stories as ns

pytestmark = pytest.mark.skipif(not ns.DATA.is_dir(), reason="wcxb-dev data not present")

N = 500


@pytest.fixture(scope="module")
def stories() -> list[ns.Story]:
    return ns.generate(11, N)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _norm(text: str) -> str:
    return " ".join(text.split())


def test_same_seed_same_stories() -> None:
    assert ns.generate(5, 40) == ns.generate(5, 40)
    assert [s.text for s in ns.generate(5, 40)] != [s.text for s in ns.generate(6, 40)]


def test_every_noise_line_is_in_the_text_and_the_rest_is_headline_and_body(stories: list[ns.Story]) -> None:
    for story in stories:
        remaining = story.text
        for kind, line in story.noise:
            assert kind in ns.NOISE_KINDS
            assert line in remaining, (kind, line)
            remaining = remaining.replace(line, " ", 1)
        assert _words(remaining) == _words(story.headline + " " + story.body), story.source


def test_body_paragraphs_appear_in_order(stories: list[ns.Story]) -> None:
    for story in stories:
        at = story.text.index(story.headline) + len(story.headline)
        for paragraph in story.body.split("\n\n"):
            found = story.text.find(paragraph, at)
            assert found >= at, paragraph[:80]
            at = found + len(paragraph)


def test_no_noise_inside_the_body_or_headline(stories: list[ns.Story]) -> None:
    for story in stories:
        truth = _norm(story.body + " " + story.headline)
        for (kind, line), probe in zip(story.noise, story.probes, strict=True):
            assert _norm(line) not in truth, (kind, line)
            assert _norm(probe) not in truth, (kind, probe)
            assert probe in line


def test_truth_fields_agree_with_the_noise(stories: list[ns.Story]) -> None:
    for story in stories:
        kinds = Counter(kind for kind, _line in story.noise)
        assert (story.date is not None) == (kinds["header_date"] == 1)
        assert kinds["header_date"] <= 1 and kinds["update_stamp"] <= 1
        if story.update_date is not None:
            assert kinds["update_stamp"] == 1 and (story.date is None or story.update_date >= story.date)
        if story.date is not None:
            assert ns.FIRST_DAY <= story.date <= ns.LAST_DAY
        tails = " ".join(line for kind, line in story.noise if kind.endswith("_tail"))
        for name, place in story.contributors:
            assert name in tails
            assert place is None or place in tails
        assert len(set(story.contributors)) == len(story.contributors)
        if story.agency is not None:
            assert story.agency in ns.HOUSE_AGENCIES
            forms = ns.HOUSE_AGENCIES[story.agency]
            assert any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", line) for _k, line in story.noise for f in forms)


def test_editors_are_not_contributors() -> None:
    rng = random.Random(3)
    for _ in range(400):
        part = ns.tail(rng, "Reuters")
        editors = re.findall(r"[Ee]diting by ([^;)]+)", part.line)
        for listed in editors:
            for name, _place in part.people:
                assert name not in listed


def test_wide_wording_over_500_stories(stories: list[ns.Story]) -> None:
    styles = [s for story in stories for s in story.styles]

    def distinct(kind: str) -> set[str]:
        return {re.sub(r"^run\d:", "", s.split(":", 1)[1]) for s in styles if s.startswith(kind + ":")}

    date_formats = {s.split(":")[1] for s in distinct("header_date") if ":" in s}
    assert len(date_formats) >= 12, date_formats
    assert len({s.split(":")[0] for s in distinct("header_date")}) >= 5  # locales, and published/updated lines
    assert len(distinct("credit")) >= 15
    assert len(distinct("caption")) >= 8
    assert len(distinct("update_stamp")) >= 10
    assert len(distinct("contributor_tail") | distinct("reporting_tail") | distinct("editing_tail")) >= 10
    assert len(distinct("separator")) >= 6 and len(distinct("share")) >= 10
    assert sum("layout:fused" in story.styles for story in stories) >= N // 10
    assert len({story.agency for story in stories}) >= 10
    assert len({story.source for story in stories}) >= 50
    credit_lines = " ".join(line for story in stories for kind, line in story.noise if kind in ("credit", "caption"))
    for source in ("AP Photo/", "Reuters", "AFP via Getty Images", "dpa", "EFE", "Xinhua", "Shutterstock", "Getty"):
        assert source in credit_lines, source


def test_compose_from_chosen_parts() -> None:
    case = ns.Case("hand", "What to know about the pact", ("First paragraph, said one.", "Second paragraph."))
    day = dt.date(2025, 1, 17)
    tail = ns.Noise(
        "contributor_tail",
        "Associated Press writers Jon Doe in Dubai, United Arab Emirates, and Ann Roe in Tehran contributed.",
        "ap_writers",
        people=(("Jon Doe", "Dubai, United Arab Emirates"), ("Ann Roe", "Tehran")),
        agency="Associated Press",
    )
    parts = ns.StoryParts(
        case=case,
        house="Associated Press",
        header=ns.Noise("header_date", "date 2025-01-17", "en:iso:label"),
        header_day=day,
        fused=" ",
        stamp=ns.Noise("update_stamp", "Updated 3:45 PM EST, Jan. 18, 2025", "time_first"),
        stamp_day=dt.date(2025, 1, 18),
        inserts={0: [ns.Noise("caption", "A man waits. (AP)", "paren_agency", probe="A man waits.")]},
        after_body=[ns.Noise("separator", "___", "___")],
        tails=[tail],
        closing=[ns.Noise("credit", "Credit: AP Credit: AP", "run2:label_colon", agency="Associated Press")] * 3,
    )
    story = ns.compose(parts)
    lines = story.text.split("\n\n")
    assert lines[0] == "date 2025-01-17 What to know about the pact"
    assert lines[1] == "Updated 3:45 PM EST, Jan. 18, 2025"
    assert lines[3] == "A man waits. (AP)"
    assert lines[-4:] == [tail.line] + ["Credit: AP Credit: AP"] * 3
    assert story.date == day and story.update_date == dt.date(2025, 1, 18)
    assert story.contributors == [("Jon Doe", "Dubai, United Arab Emirates"), ("Ann Roe", "Tehran")]
    assert story.agency == "Associated Press"
    assert story.body == "First paragraph, said one.\n\nSecond paragraph."
    assert len(story.noise) == 8 and story.probes[2] == "A man waits."


def test_noise_left_counts_a_caption_whose_sentence_stays() -> None:
    story = ns.compose(
        ns.StoryParts(
            case=ns.Case("hand", "A headline here", ("Body one said.", "Body two.")),
            inserts={0: [ns.Noise("caption", "A man waits. (AP)", "paren_agency", probe="A man waits.")]},
            closing=[ns.Noise("credit", "Credit: AP", "label_colon")] * 2,
        )
    )
    assert ns.noise_left(story, "Body one said.\n\nBody two.") == [False, False, False]
    assert ns.noise_left(story, "Body one said.\n\nA man waits.\n\nBody two.") == [True, False, False]
    assert ns.noise_left(story, "Body one said.\n\nBody two.\n\nCredit: AP") == [False, True, False]


def test_noise_left_does_not_count_a_credit_inside_a_left_caption() -> None:
    caption = ns.Noise("caption", "A man waits. (AP)", "paren_agency", probe="A man waits.")
    story = ns.compose(
        ns.StoryParts(
            case=ns.Case("hand", "A headline here", ("Body one said.", "Body two.")),
            inserts={0: [caption]},
            tails=[ns.Noise("agency_tag", "(AP)", "paren")],
        )
    )
    assert ns.noise_left(story, "Body one said.\n\nA man waits. (AP)\n\nBody two.") == [True, False]
    assert ns.noise_left(story, "Body one said.\n\nA man waits. (AP)\n\nBody two.\n\n(AP)") == [True, True]


def test_bodies_with_noise_lines_are_skipped() -> None:
    prose = " ".join(
        ["The minister said the plan would be ready by the end of the year, officials told reporters."] * 4
    )
    clean = {"url": "u", "title": "A plan for the year", "body": "\n\n".join([prose] * 3)}
    assert ns.usable_body(clean) is not None
    for noisy in ("Credit: AP", "Jane Doe contributed to this report.", "Jan. 17, 2025", "Share", "___"):
        case = dict(clean, body=clean["body"] + "\n\n" + noisy)
        assert ns.usable_body(case) is None, noisy

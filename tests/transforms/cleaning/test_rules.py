"""Each named line rule on real-looking lines, with what it must leave alone beside it."""

from __future__ import annotations

import pytest

from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.cleaning.rules import LINE_RULES, PREFIX_RULES, RULE_NAMES


def rules_matching(line: str) -> list[str]:
    return [r.name for r in LINE_RULES if len(line.split()) <= r.max_words and r.pattern.search(line)]


@pytest.mark.parametrize(
    "line",
    [
        "Credit: AP",
        "Credit: AP Credit: AP",
        "Photo: Reuters",
        "Photo credit: Jane Doe",
        "(AP Photo/Jane Doe)",
        "(AP Photo)",
        "AP Photo/Evan Vucci",
        "Getty Images",
        "Jane Doe/Getty Images",
        "Photo by Jane Doe/AFP via Getty Images",
        "REUTERS/Evgenia Novozhenina",
        "Image: Shutterstock",
        "File photo",
        "FILE PHOTO",
        "(Photo: Jane Doe, USA TODAY)",
        "Picture: Alamy",
        "Jane Doe for Getty Images",
    ],
)
def test_credit_lines(line: str) -> None:
    assert rules_matching(line)[:1] == ["credit"]


@pytest.mark.parametrize(
    "line",
    [
        "Getty Images shares fell sharply on Friday after the report.",
        "Photographers gathered in the square before dawn.",
        "Credit card debt rose for a third straight quarter.",
        "The photo was taken in 1945 and shows the ruins of the city.",
        "Reuters reported that the talks had stalled.",
        "AP",
    ],
)
def test_body_lines_are_not_credits(line: str) -> None:
    assert "credit" not in rules_matching(line)
    assert "photo_caption" not in rules_matching(line)


@pytest.mark.parametrize(
    "line",
    [
        "Putin speaks during a meeting in Moscow, Russia, Friday, Jan. 17, 2025. (AP Photo/Alexander Zemlianichenko)",
        "Firefighters work at the site of a fire in Kyiv on Friday. REUTERS/Gleb Garanich",
        "A protester waves a flag outside parliament. Photo: Jane Doe/AFP via Getty Images",
    ],
)
def test_caption_lines_ending_in_a_credit(line: str) -> None:
    assert rules_matching(line)[:1] == ["photo_caption"]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("___", "separator"),
        ("***", "separator"),
        ("* * *", "separator"),
        ("-----", "separator"),
        ("Share", "share"),
        ("Share on Facebook", "share"),
        ("Email | Print | Tweet", "share"),
        ("Share this article", "share"),
        ("Sign up for our daily newsletter.", "newsletter"),
        ("Subscribe to our newsletter to get the latest news in your inbox", "subscribe"),
        ("Follow us on Twitter", "follow"),
        ("Follow Jane Doe on X @janedoe", "follow"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Read more: Putin visits Tehran", "related"),
        ("Related: Russia and Iran sign pact", "related"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "copyright"),
        (
            "This material may not be published, broadcast, rewritten or redistributed without permission.",
            "copyright",
        ),
        ("Image 3 of 12", "gallery_ui"),
        ("Published: January 17, 2025 10:30 AM EST", "header_stamp"),
        ("Updated 17 Jan 2025 14:05 GMT", "header_stamp"),
    ],
)
def test_noise_lines(line: str, rule: str) -> None:
    assert rules_matching(line)[:1] == [rule]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 3% in early trading.",
        "Email remains the main way the agency talks to the public.",
        "Subscribers complained that the service was down for hours.",
        "More than 100 people were killed, officials said.",
        "The copyright case was settled out of court last year.",
        "Tensions ran high in the Cold War, when Tehran was a U.S. ally under the Shah of Iran.",
        "Historic rivals become allies",
        "He followed us on the road to Kyiv.",
        "Updated figures show the economy grew 2% in the quarter.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    assert rules_matching(line) == []


def test_head_only_rules_do_not_fire_deep_in_a_body() -> None:
    body = [f"Paragraph number {i} of a long article about the summit talks in Geneva." for i in range(12)]
    text = "\n\n".join(body[:10] + ["5 min read"] + body[10:])
    cleaned = clean_text(text)
    assert "5 min read" in cleaned.paragraphs
    cleaned = clean_text("5 min read\n\n" + "\n\n".join(body))
    assert [r.rule for r in cleaned.removed] == ["reading_time"]


@pytest.mark.parametrize(
    ("line", "removed", "kept"),
    [
        ("date 2025-01-17 What to know about Russia and Iran", "date 2025-01-17", "What to know about Russia and Iran"),
        ("Published: Jan. 17, 2025 | Putin and Pezeshkian sign a pact", "Published: Jan. 17, 2025 |", "Putin and"),
        ("Posted on 17 January 2025", "Posted on 17 January 2025", None),
    ],
)
def test_header_date_prefix_keeps_what_follows(line: str, removed: str, kept: str | None) -> None:
    body = "A long first paragraph of the story follows here with enough words to be prose, as bodies are."
    cleaned = clean_text(f"{line}\n\n{body}")
    assert cleaned.removed[0].rule == "header_date"
    assert cleaned.removed[0].text == removed
    assert cleaned.dates and cleaned.dates[0][0] == "header"
    if kept:
        assert (cleaned.title or cleaned.paragraphs[0]).startswith(kept)


def test_rule_names_are_unique_and_described() -> None:
    assert len(RULE_NAMES) == len(set(RULE_NAMES))
    for rule in LINE_RULES + PREFIX_RULES:
        assert rule.name in RULE_NAMES
    described = {r.name for r in LINE_RULES + PREFIX_RULES if r.description}
    assert described == {r.name for r in LINE_RULES + PREFIX_RULES}


def test_long_unspaced_menu_line_is_matched_quickly() -> None:
    """Full case folding made this line time out (1 s regex limit) in the credit rule."""
    from newsclean.transforms.cleaning.clean import clean_text

    menu = (
        "DispatchingSchedulingCall BookingMarketingReportingIntacctQuickBooksMobileFinancingCustomer "
        "ExperiencePro Products Titan IntelligenceTitanAdvisor"
    )
    cleaned = clean_text(f"{menu}\n\nA body paragraph that is long enough to be the body of this article.")
    assert cleaned.paragraphs  # no TimeoutError


def test_the_regex_timeout_is_paid_where_a_line_could_stall() -> None:
    """An audited (built-in) guarded rule searches short lines without the timeout; long lines, and every
    line of a rules file's unaudited pattern, run under it."""
    from newsclean.transforms.cleaning.rule_types import LineRule
    from newsclean.transforms.runtime.limits import UNTIMED_CHARS

    class Recording:
        pattern = "footer"

        def __init__(self) -> None:
            self.timeouts: list[float | None] = []

        def search(self, line: str, timeout: float | None = None):
            self.timeouts.append(timeout)
            return None

    short, long = "footer line", "footer " + "x" * UNTIMED_CHARS
    built_in, from_file = Recording(), Recording()
    for pattern, audited in ((built_in, True), (from_file, False)):
        rule = LineRule("footer", pattern, max_words=5, guarded=True, audited=audited)  # type: ignore[arg-type]
        assert not rule.matches(short, 2) and not rule.matches(long, 2)
    assert built_in.timeouts[0] is None and built_in.timeouts[1] is not None
    assert None not in from_file.timeouts and len(from_file.timeouts) == 2

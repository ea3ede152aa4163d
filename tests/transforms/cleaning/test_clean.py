"""Whole-document cleaning: paragraphs, repeats, titles and the removed record."""

from __future__ import annotations

from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.cleaning.rules import RULE_NAMES
from newsclean.transforms.text import normalise_text, split_paragraphs

PROSE = [
    "The central bank raised its key rate by half a point on Thursday, its third increase this year.",
    "Officials said inflation had proved more stubborn than expected, driven by food and energy prices.",
    "Economists had expected a smaller move, and markets fell sharply after the announcement.",
    "The bank's governor said further increases were possible if prices kept rising into the summer.",
]


def test_blank_lines_and_single_newlines_give_the_same_paragraphs() -> None:
    assert split_paragraphs("\n\n".join(PROSE)) == PROSE
    assert split_paragraphs("\n".join(PROSE)) == PROSE


def test_hard_wrapped_text_is_rejoined() -> None:
    wrapped = (
        "The central bank raised its key rate by half a point on\n"
        "Thursday, its third increase this year, and officials said\n"
        "inflation had proved more stubborn than they expected, driven\n"
        "by food and energy prices across the whole of the region\n"
        "\n"
        "Economists had expected a smaller move, and markets fell\n"
        "sharply after the announcement, with bank shares leading the\n"
        "decline in a session that traders described as very nervous\n"
    )
    paragraphs = split_paragraphs(normalise_text(wrapped))
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The central bank") and paragraphs[0].endswith("the region")


def test_normalise_text_unifies_spaces_and_newlines() -> None:
    assert normalise_text("a\u00a0 b\u200b\r\nc  \r\n\r\n\r\nd") == "a b\nc\n\n\nd"


def test_normalise_text_reads_every_space_as_the_pattern_does() -> None:
    """Lines are collapsed with ``str.split`` unless the text holds one of the four separators it alone
    counts as whitespace; every other space character is the same for both."""
    import sys

    import regex

    from newsclean.transforms import text as text_module

    space = regex.compile(r"\s")
    split_only = {ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace() and not space.match(ch)}
    assert split_only == set(text_module._SPLIT_ONLY_SPACES)
    spaces = [ch for ch in map(chr, range(0x3001)) if space.match(ch) and ch not in "\n\r\u2028\u2029"]
    for ch in [*spaces, *split_only]:
        text = f"{ch}a{ch}{ch}b {ch}\nc{ch}"
        expected = "\n".join(text_module._SPACES.sub(" ", line).strip() for line in text.split("\n"))
        assert normalise_text(text) == expected, repr(ch)


def test_runs_of_a_short_line_are_removed() -> None:
    text = "\n".join(PROSE[:2] + ["Image", "Image", "Image"] + PROSE[2:])
    cleaned = clean_text(text)
    assert cleaned.paragraphs == PROSE
    assert [r.rule for r in cleaned.removed] == ["repeated_line"] * 3


def test_a_doubled_line_keeps_one_copy() -> None:
    cleaned = clean_text("\n".join(PROSE[:2] + ["Key points", "Key points"] + PROSE[2:]))
    assert cleaned.paragraphs == PROSE[:2] + ["Key points"] + PROSE[2:]
    assert [r.rule for r in cleaned.removed] == ["repeated_line"]


def test_labels_recurring_apart_are_kept() -> None:
    text = "\n".join([PROSE[0], "Pros:", PROSE[1], "Pros:", PROSE[2], "Pros:", PROSE[3]])
    assert clean_text(text).paragraphs.count("Pros:") == 3


def test_long_repeated_paragraph_is_kept_once() -> None:
    long_paragraph = " ".join(PROSE[:2])
    cleaned = clean_text("\n".join([long_paragraph, *PROSE[2:], long_paragraph]))
    assert cleaned.paragraphs == [long_paragraph, *PROSE[2:]]
    assert [r.rule for r in cleaned.removed] == ["repeated_paragraph"]


def test_title_is_taken_from_a_short_first_line() -> None:
    cleaned = clean_text("\n\n".join(["Central bank raises rates again", *PROSE]))
    assert cleaned.title == "Central bank raises rates again"
    assert cleaned.paragraphs == PROSE


def test_sentence_first_line_is_not_a_title() -> None:
    for first in ("What to know about the rate rise:", "Rates rose again.", "CENTRAL BANK RAISES RATES"):
        cleaned = clean_text("\n\n".join([first, *PROSE]))
        assert cleaned.title is None
        assert cleaned.paragraphs[0] == first


def test_text_is_only_kept_lines_and_removed_lines_are_all_named() -> None:
    noise = ["Advertisement", "Share on Facebook", "Credit: AP", "___", "Read more: Rates explained"]
    lines = [noise[0], PROSE[0], noise[1], PROSE[1], noise[2], PROSE[2], noise[3], PROSE[3], noise[4]]
    cleaned = clean_text("\n".join(lines))
    assert cleaned.paragraphs == PROSE
    assert sorted(r.text for r in cleaned.removed) == sorted(noise)
    assert all(r.rule in RULE_NAMES for r in cleaned.removed)


def test_contributor_tail_only_at_the_end() -> None:
    tail = "Associated Press writer Matthew Lee in Washington contributed to this report."
    early = clean_text("\n".join([tail, *PROSE * 3]))
    assert tail in early.paragraphs and not early.contributors
    late = clean_text("\n".join([*PROSE, tail]))
    assert tail not in late.paragraphs and late.contributors[0].name == "Matthew Lee"


def test_dateline_after_a_title() -> None:
    cleaned = clean_text("\n".join(["Putin hosts Iranian leader", "MOSCOW (AP) — " + PROSE[0], *PROSE[1:]]))
    assert cleaned.title == "Putin hosts Iranian leader"
    assert cleaned.dateline is not None and cleaned.dateline.place == "MOSCOW"
    assert cleaned.paragraphs[0] == PROSE[0]
    assert ("dateline", "Associated Press") in cleaned.agencies


def test_empty_and_noise_only_documents() -> None:
    assert clean_text("").paragraphs == []
    cleaned = clean_text("Credit: AP\n\nAdvertisement\n\n___")
    assert cleaned.paragraphs == [] and len(cleaned.removed) == 3


def test_hard_wrapped_page_without_blank_lines_keeps_short_lines_apart() -> None:
    """A page wrapped at a fixed width with no blank lines must not become one paragraph."""
    wrapped = [
        "The central bank raised its key rate by half a point on",
        "Thursday, its third increase this year, and officials said",
        "inflation had proved more stubborn than they expected, driven",
        "by food and energy prices across the whole of the region.",
        "Economists had expected a smaller move, and markets fell",
        "sharply after the announcement, with bank shares leading the",
        "decline in a session that traders described as nervous.",
    ]
    more = [
        "Analysts said the bank was likely to pause at its next meeting",
        "unless wages kept rising at the pace seen in the spring, which",
        "would push the governor to act again before the end of summer.",
        "Shares in the largest lenders recovered some of their losses",
        "late in the day as investors weighed the outlook for profits.",
    ]
    text = "\n".join(["Home", "News", "Contact", *wrapped[:4], "Advertisement", *wrapped[4:], *more, "Share"])
    paragraphs = split_paragraphs(normalise_text(text))
    assert paragraphs[:3] == ["Home", "News", "Contact"]
    assert "Advertisement" in paragraphs and paragraphs[-1] == "Share"
    assert " ".join(wrapped[4:]) in paragraphs


def test_clearing_the_line_caches_changes_no_result() -> None:
    """Cleaning keeps per-line verdicts for lines it meets again; forgetting them gives the same text."""
    from newsclean.transforms.cleaning.clean import clear_line_caches

    text = "Home\nNews\nSport\nStorm floods coastal towns as rivers burst their banks\n" + (
        "Heavy rain fell for a third day on Tuesday, and rivers in the region rose faster than forecasters "
        "had expected, flooding the lower streets of several coastal towns.\nShare this | Email | Print"
    )
    first = clean_text(text)
    clear_line_caches()
    again = clean_text(text)
    assert again.paragraphs == first.paragraphs and again.removed == first.removed


def test_a_known_language_is_taken_not_identified(monkeypatch) -> None:
    """A page's declared language is the text's: cleaning identifies nothing and reports it."""
    from newsclean.transforms.cleaning import clean

    def refuse(_text: str) -> str:
        raise AssertionError("identified a language it was given")

    text = "\n\n".join(PROSE)
    assert clean_text(text).language == "en"
    monkeypatch.setattr(clean, "detect_language", refuse)
    for classify in (False, True):
        cleaned = clean_text(text, language="de", classify=classify)
        assert cleaned.language == "de" and cleaned.paragraphs == PROSE

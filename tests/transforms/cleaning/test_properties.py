"""Properties of cleaning that must hold for any input (hypothesis).

CI runs each property on ``NEWSCLEAN_HYPOTHESIS_EXAMPLES`` examples (default 5000, the
issue's bar); set it lower for a quick local run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.text import normalise_text

EXAMPLES = int(os.environ.get("NEWSCLEAN_HYPOTHESIS_EXAMPLES", "5000"))
SETTINGS = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])

# Lines that look like news and like its noise, so the rules actually fire.
NEWSY_LINES = [
    "date 2025-01-17 What to know about the talks",
    "Credit: AP Credit: AP",
    "(AP Photo/Jane Doe)",
    "MOSCOW (AP) — Russian President Vladimir Putin met his Iranian counterpart on Friday.",
    "WASHINGTON, Jan 17 (Reuters) - The U.S. Treasury said on Friday it would act.",
    "By JIM HEINTZ and NASSER KARIMI",
    "___",
    "Associated Press writers Jon Gambrell in Dubai and Amir Vahdat in Tehran contributed.",
    "Share on Facebook",
    "Advertisement",
    "Historic rivals become allies",
    "Officials said the agreement would be signed next week in the capital, after months of talks.",
    "Read more: Putin visits Tehran",
    "5 min read",
    "",
]
line = st.one_of(st.sampled_from(NEWSY_LINES), st.text(max_size=80))
documents = st.one_of(
    st.text(max_size=400),
    st.lists(line, max_size=25).map("\n".join),
    st.lists(line, max_size=25).map("\n\n".join),
)


def _render(cleaned) -> str:
    """A cleaned document as text again: its title line, then its body."""
    return "\n\n".join(([cleaned.title] if cleaned.title else []) + cleaned.paragraphs)


def _squash(text: str) -> str:
    return " ".join(normalise_text(text).split())


@SETTINGS
@given(documents)
def test_never_raises_and_fields_are_well_formed(text: str) -> None:
    cleaned = clean_text(text)
    assert all(p and p == p.strip() for p in cleaned.paragraphs)
    assert all(r.rule and r.text for r in cleaned.removed)
    assert all(c.name for c in cleaned.contributors)
    assert "\n\n\n" not in cleaned.text


@SETTINGS
@given(documents)
# a dateline whose removal changes the text's language, and with it the line classifier's stopwords
@example("AAA(AP)–AAAAccounAObt on a\nA@A\n:A\nÀ")
def test_idempotent(text: str) -> None:
    once = clean_text(text)
    twice = clean_text(_render(once))
    assert twice.paragraphs == once.paragraphs
    assert twice.title == once.title


@SETTINGS
@given(documents)
def test_never_invents_text(text: str) -> None:
    source = _squash(text)
    cleaned = clean_text(text)
    for paragraph in cleaned.paragraphs + ([cleaned.title] if cleaned.title else []):
        assert " ".join(paragraph.split()) in source


def test_the_suite_runs_one_reproducible_profile() -> None:
    """conftest's profile: the same examples on every machine, no deadline a busy machine could miss."""
    current = settings.default
    assert current.derandomize and current.database is None and current.deadline is None
    assert SETTINGS.max_examples == EXAMPLES

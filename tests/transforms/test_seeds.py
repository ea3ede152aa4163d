"""The two documents the project was created from, cleaned as the issue demands."""

from __future__ import annotations

import datetime as dt

from newsclean.schemas.records import Article, Contributor, RawDocument
from newsclean.transforms.document import process_document
from tests.conftest import SEED_000, SEED_003

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
CONTRIBUTORS = [
    Contributor("Jon Gambrell", "Dubai, United Arab Emirates"),
    Contributor("Amir Vahdat", "Tehran"),
]


def _article(path) -> Article:
    result = process_document(RawDocument(str(path), path.read_bytes()), now=NOW)
    assert isinstance(result, Article), result
    return result


def test_seed_000_header_date_credits_and_tail() -> None:
    article = _article(SEED_000)
    assert article.published_date == dt.date(2025, 1, 17)
    assert article.date_source == "header"
    assert article.published_at is None  # no time of day printed
    assert "Credit: AP" not in article.text
    assert "Credit" not in article.text
    assert "date 2025" not in article.text
    assert "___" not in article.text
    assert "contributed" not in article.text
    assert article.text.startswith("What to know about the relationship between Russia and Iran:")
    last = article.text.split("\n\n")[-1]
    assert last.startswith("There are signs of growing discontent about Russia within Iran")
    assert "Revolutionary Guard" in last
    assert article.contributors == CONTRIBUTORS
    assert article.agency == "Associated Press"
    assert article.dateline is None


def test_seed_000_keeps_headings_as_paragraphs() -> None:
    paragraphs = _article(SEED_000).text.split("\n\n")
    headings = ("Historic rivals become allies", "How Russia and Iran cooperate", "Healing rifts, lifting suspicions")
    for heading in headings:
        assert heading in paragraphs
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)


def test_seed_000_removed_lines_name_their_rules() -> None:
    removed = _article(SEED_000).removed
    by_rule: dict[str, list[str]] = {}
    for item in removed:
        by_rule.setdefault(item.rule, []).append(item.text)
    assert len(by_rule["credit"]) == 13
    assert all(text == "Credit: AP Credit: AP" for text in by_rule["credit"])
    assert by_rule["header_date"] == ["date 2025-01-17"]
    assert by_rule["separator"] == ["___"]
    assert by_rule["contributor_tail"][0].startswith("Associated Press writers Jon Gambrell")


def test_seed_003_dateline_spun_tail_and_no_invented_date() -> None:
    article = _article(SEED_003)
    assert article.dateline == "MOSCOW"
    assert article.text.startswith("Russian Head Of State Vladimir Putin")
    assert "MOSCOW" not in article.text.split("\n\n")[0]
    assert article.contributors == CONTRIBUTORS
    assert "added." not in article.text.split("\n\n")[-1]
    assert article.published_date is None and article.date_source is None
    assert article.agency == "Associated Press"


def test_seed_003_single_newlines_become_paragraphs() -> None:
    article = _article(SEED_003)
    paragraphs = article.text.split("\n\n")
    input_lines = [line for line in SEED_003.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(paragraphs) == len(input_lines) - 2  # minus the separator and the tail
    assert paragraphs[3] == "What to learn about the Russian-Iranian partnership:"
    assert "\n\n\n" not in article.text


def test_seed_fields_are_consistent() -> None:
    for path in (SEED_000, SEED_003):
        article = _article(path)
        assert article.word_count == len(article.text.split())
        assert len(article.content_hash) == 32
        assert article.doc_id == _article(path).doc_id  # stable across calls
    assert _article(SEED_000).doc_id != _article(SEED_003).doc_id

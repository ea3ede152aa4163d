"""``newsclean.process`` and ``newsclean.clean_text``: the library entry points, no Beam."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import newsclean
from newsclean.schemas.records import Article, RawDocument, Reject
from newsclean.transforms.document import process_document
from tests.conftest import SEED_000, SEED_003
from tests.warc_helpers import article_html

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("seed", [SEED_000, SEED_003])
def test_process_gives_the_pipelines_record(seed) -> None:
    data = seed.read_bytes()
    ours = newsclean.process(data, source_uri=str(seed), now=NOW)
    pipeline = process_document(RawDocument(str(seed), data), now=NOW)
    assert isinstance(ours, Article)
    assert dataclasses.asdict(ours) == dataclasses.asdict(pipeline)


def test_process_takes_text_and_sniffs_html() -> None:
    seed = SEED_000.read_text(encoding="utf-8")
    assert newsclean.process(seed, now=NOW).published_date == dt.date(2025, 1, 17)
    page = article_html("Council approves transport budget", "https://example.com/news/budget")
    article = newsclean.process(page.encode(), now=NOW)
    assert isinstance(article, Article) and article.source_format == "html"
    assert article.title == "Council approves transport budget" and "public transport" in article.text
    assert newsclean.sniff_format(page.encode()) == "html" and newsclean.sniff_format(b"Plain <b>bold</b>") == "text"


def test_process_turns_bad_input_into_a_reject_and_a_wrong_format_into_an_error() -> None:
    assert isinstance(newsclean.process(b"\x00\x01\x02" * 100, now=NOW), Reject)
    assert isinstance(newsclean.process(b"", now=NOW), Reject)
    with pytest.raises(ValueError, match="format"):
        newsclean.process(b"x", format="pdf")


def test_clean_text_returns_what_cleaning_found() -> None:
    cleaned = newsclean.clean_text(SEED_000.read_text(encoding="utf-8"), today=NOW.date())
    assert cleaned.paragraphs[0].startswith("What to know about the relationship")
    assert ("header", dt.date(2025, 1, 17)) in [(s, d.day) for s, d in cleaned.dates]
    assert {r.rule for r in cleaned.removed} >= {"header_date", "credit", "separator", "contributor_tail"}

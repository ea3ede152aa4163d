"""Shared fixtures for the copy-stage tests: the seeds, cleaned, and hand-made variants."""

from __future__ import annotations

import datetime as dt
import glob
import os

from newsclean.schemas.records import Article, RawDocument
from newsclean.transforms.document import process_document

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data", "copies")
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def cleaned(path: str) -> Article:
    """A file through the real cleaning step, as the pipeline would see it."""
    with open(path, "rb") as handle:
        result = process_document(RawDocument(path, handle.read()), now=NOW)
    assert isinstance(result, Article), result
    return result


def seeds() -> tuple[Article, Article]:
    """Seed 000 (the AP story) and seed 003 (its spun copy), cleaned."""
    original = cleaned(glob.glob(os.path.join(ROOT, "samples", "000_*.txt"))[0])
    spun = cleaned(glob.glob(os.path.join(ROOT, "samples", "003_*.txt"))[0])
    return original, spun


def summit(name: str) -> str:
    """One of two different hand-written reports on the same (invented) summit."""
    with open(os.path.join(DATA, f"summit_{name}.txt"), encoding="utf-8") as handle:
        return handle.read()


def article(doc_id: str, text: str, day: dt.date | None = None, url: str | None = None) -> Article:
    """A minimal cleaned article."""
    from newsclean.transforms.corpus.fingerprint import content_hash

    return Article(
        doc_id=doc_id,
        source_uri=f"mem://{doc_id}",
        text=text,
        url=url,
        published_date=day,
        content_hash=content_hash(text),
    )


def chain_trap() -> tuple[str, str, str]:
    """``(story, carrier, brief)``: a short story, a copy of it that also carries one paragraph of
    an unrelated brief, and the brief. The carrier's immutables reach the spun threshold against
    the brief (a spun edge by Jaccard alone), though it is a copy of the story only."""
    original, _ = seeds()
    story = original.text.split("\n\n")[:3]
    brief = summit("a").split("\n\n")[:2]
    return "\n\n".join(story), "\n\n".join([*story, brief[1]]), "\n\n".join(brief)


def edited(text: str) -> str:
    """A near copy: the last paragraph dropped and a line of furniture added."""
    paragraphs = text.split("\n\n")
    return "\n\n".join([*paragraphs[:-1], "This story has been updated with more details."])

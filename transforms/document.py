"""One raw document through every per-document stage: decode, extract, clean, fields.

``process_document`` never raises: whatever goes wrong becomes a :class:`Reject`
naming the stage, so one bad input can never stop a run.

HTML goes through an extract stage first (trafilatura's main content and page
metadata, then the block rules of :mod:`newsclean.transforms.cleaning.sections`); its text then
meets the same line rules as plain text in :func:`newsclean.transforms.cleaning.clean.clean_text`.
"""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable

import lxml.etree

from newsclean.schemas.records import Article, RawDocument, Reject, Removed
from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.cleaning.rules import DEFAULT_RULES, RuleSet
from newsclean.transforms.cleaning.sections import clean_blocks
from newsclean.transforms.corpus.fingerprint import content_hash, doc_id
from newsclean.transforms.errors import StageError
from newsclean.transforms.extraction import trafilatura_adapter
from newsclean.transforms.extraction.headline import h1_texts, printed_headline
from newsclean.transforms.extraction.html import declared_language, html_metadata, main_blocks
from newsclean.transforms.extraction.page_meta import names_someone, page_metadata
from newsclean.transforms.facts import CleanedText, PageFacts, ParsedDate
from newsclean.transforms.fields import choose
from newsclean.transforms.fields.dates import find_date
from newsclean.transforms.fields.names import outlet_keys
from newsclean.transforms.reading.decode import Decoded, decode
from newsclean.transforms.reading.read import raw_prefix
from newsclean.transforms.runtime.limits import REGEX_TIMEOUT, Limits, check_html_depth, check_line_length
from newsclean.transforms.text import article_word_count
from newsclean.transforms.vocabulary import FieldSource, RejectCode, Stage

HTML = "html"
DEFAULT_LIMITS = Limits()
Progress = Callable[[str], None]  # told each stage's name as it starts (the time guard reports it)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def decode_raw(raw: RawDocument) -> Decoded:
    """The document's text, its encoding and whether mojibake was repaired.

    The transport's charset (HTTP header, WARC, JSONL) first; HTML then its ``<meta charset>``.
    """
    return decode(raw.data, raw.charset, html=raw.content_type == HTML)


def decode_document(raw: RawDocument) -> str:
    """The document's text (:func:`decode_raw`)."""
    return decode_raw(raw).text


def extract_document(html: str, url: str | None, max_depth: int | None = None) -> tuple[str, PageFacts]:
    """Main content of a page as text (blocks separated by blank lines) and its metadata.

    ``max_depth``: refuse a page whose elements nest deeper (``extract/too_deep``).
    """
    tree = trafilatura_adapter.load_html(html)
    if tree is not None and "<rt" in html:
        # ruby readings printed over Japanese and Chinese characters are not the text: 子<rt>こ</rt>ども is 子ども
        lxml.etree.strip_elements(tree, "rt", "rp", with_tail=False)
    if max_depth is not None:
        check_html_depth(tree if tree is not None else html, max_depth)
    if tree is None:
        raise StageError(Stage.EXTRACT, RejectCode.NO_CONTENT, "trafilatura found no main content")
    # every reader of the tree before the content pass, which prunes it
    meta = html_metadata(html, url, tree)
    page = page_metadata(tree, url)
    author = meta.author
    if author is None and not names_someone(page, url):
        author = trafilatura_adapter.trafilatura_author(tree)
    trafilatura_authors = [(FieldSource.TRAFILATURA, [a for a in (author or "").split(";") if a.strip()])]
    not_names = outlet_keys(page.site_name, meta.sitename, url or meta.url)
    candidates = [*page.authors, *trafilatura_authors]
    page_authors = choose.choose_authors(candidates, not_names)
    title = printed_headline(meta.title or page.title, h1_texts(tree), not_names, fallback=page.title)
    extracted = main_blocks(tree, url or meta.url)
    blocks, removed = clean_blocks(extracted, title=title, authors=page_authors[0])
    if not blocks:
        raise StageError(
            Stage.EXTRACT, RejectCode.EMPTY_AFTER_CLEANING, f"all {len(removed)} blocks were page furniture"
        )
    facts = PageFacts(
        title=title,
        author_candidates=candidates,
        authors=page_authors,
        date_candidates=list(page.dates),
        extractor_date=meta.date,
        not_names=not_names,
        url=meta.url or page.canonical_url,
        language=meta.language or page.language or declared_language(html),
        removed=removed,
    )
    return "\n\n".join(b.text for b in blocks), facts


def clean_options(raw: RawDocument) -> dict[str, bool]:
    """How ``clean_text`` runs for this document.

    HTML skips the repeated-line, title, line-classifier and section steps: the extractor has
    already dropped the page's furniture (its blocks went through the section rules), and on
    wcxb-dev the classifier took more content than noise from its output (200 pages: precision +0.004, recall -0.006).
    """
    is_html = raw.content_type == HTML
    return {"repeats": not is_html, "take_title": not is_html, "classify": not is_html, "sections": not is_html}


def text_to_clean(raw: RawDocument) -> tuple[str, list[Removed], str | None]:
    """The text ``clean_text`` sees for ``raw``, what the extract stage removed before it, and the
    language the page declares (which cleaning takes as the text's).

    For ``newsclean explain``; raises :class:`StageError` like the stages themselves.
    """
    text = decode_document(raw)
    if raw.content_type != HTML:
        return text, [], None
    text, facts = extract_document(text, raw.url)
    return text, facts.removed, facts.language or None


def _choose_date(
    raw: RawDocument, facts: PageFacts | None, cleaned: CleanedText, today: dt.date
) -> tuple[ParsedDate | None, str | None]:
    """The input's own date field, else the page's date, else a date printed in the text's header."""
    given = raw.meta.get("date")
    if isinstance(given, str):
        parsed = find_date(given, not_after=today + dt.timedelta(days=1))
        if parsed:
            return parsed, FieldSource.JSONL
    if facts is not None:
        parsed, source = choose.choose_page_date(facts.date_candidates, facts.extractor_date, today=today)
        if parsed:
            return parsed, source
    return choose.choose_date(cleaned)


def _title(raw: RawDocument, facts: PageFacts | None, cleaned: CleanedText) -> str | None:
    given = raw.meta.get("title")
    if isinstance(given, str) and given.strip():
        return given.strip()
    return (facts.title if facts else None) or cleaned.title


def _authors(raw: RawDocument, facts: PageFacts | None, cleaned: CleanedText) -> list[str]:
    """The input's own authors field, else the byline sources in ``fields.AUTHOR_SOURCES`` order."""
    given = raw.meta.get("authors")
    if isinstance(given, list) and given:
        return [str(a) for a in given]
    if facts is not None and facts.authors is not None and not cleaned.bylines:
        return list(facts.authors[0])  # the page's choice stands: the text printed no byline to weigh against it
    candidates = list(facts.author_candidates) if facts else []
    candidates.append((FieldSource.TEXT_BYLINE, cleaned.bylines))
    authors, _source = choose.choose_authors(candidates, facts.not_names if facts else frozenset())
    return authors


def document_to_article(
    raw: RawDocument,
    *,
    now: dt.datetime,
    rules: RuleSet = DEFAULT_RULES,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Article:
    """The cleaned article for ``raw``; raises :class:`StageError` when there is none.

    ``limits`` bound the page's nesting depth and the length of a line (see
    :mod:`newsclean.transforms.runtime.limits`); ``progress`` hears each stage's name as it starts.
    """
    stage = "decode"

    def enter(name: str) -> None:
        nonlocal stage
        stage = name
        if progress is not None:
            progress(name)

    try:
        enter("decode")
        decoded = decode_raw(raw)
        text = decoded.text
        facts: PageFacts | None = None
        if raw.content_type == HTML:
            enter("extract")
            text, facts = extract_document(text, raw.url, limits.max_html_depth)
        enter("clean")
        check_line_length(text, limits.max_line_chars, "clean")
        # a page's declared language is the text's: nothing to identify again
        known = facts.language if facts and facts.language else None
        cleaned = clean_text(text, today=now.date(), rules=rules, language=known, **clean_options(raw))
        if not cleaned.paragraphs:
            raise StageError(
                Stage.CLEAN, RejectCode.EMPTY_AFTER_CLEANING, f"all {len(cleaned.removed)} lines were noise"
            )
        enter("fields")
        body = cleaned.text
        parsed_date, date_source = _choose_date(raw, facts, cleaned, now.date())
        return Article(
            doc_id=doc_id(raw.source_uri, raw.data),
            source_uri=raw.source_uri,
            url=raw.url or (facts.url if facts else None),
            source_format=raw.source_format,
            title=_title(raw, facts, cleaned),
            text=body,
            published_date=parsed_date.day if parsed_date else None,
            published_at=choose.published_at(parsed_date),
            date_source=date_source,
            authors=_authors(raw, facts, cleaned),
            contributors=list(cleaned.contributors),
            agency=choose.choose_agency(cleaned),
            dateline=cleaned.dateline.place if cleaned.dateline else None,
            language=(facts.language if facts and facts.language else None) or cleaned.language,
            word_count=article_word_count(body),
            removed=(facts.removed if facts else []) + list(cleaned.removed),
            content_hash=content_hash(body),
            source_id=_source_id(raw),
            encoding=decoded.encoding,
            encoding_repaired=decoded.repaired,
            ingested_at=now,
        )
    except StageError:
        raise
    except TimeoutError as exc:  # a guarded pattern ran past rules.REGEX_TIMEOUT
        raise StageError(stage, REGEX_TIMEOUT, f"a pattern ran too long: {exc}") from exc
    except Exception as exc:
        where = traceback.extract_tb(exc.__traceback__)[-1]
        raise StageError(
            stage, f"exception:{type(exc).__name__}", f"{exc} (at {where.filename}:{where.lineno})"
        ) from exc


def _source_id(raw: RawDocument) -> str | None:
    given = raw.meta.get("id")
    return str(given) if given not in (None, "") else None


def process_document(
    raw: RawDocument,
    *,
    now: dt.datetime | None = None,
    rules: RuleSet = DEFAULT_RULES,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> Article | Reject:
    """An :class:`Article`, or a :class:`Reject` saying which stage failed and why."""
    now = now or _now()
    try:
        return document_to_article(raw, now=now, rules=rules, limits=limits, progress=progress)
    except StageError as exc:
        return Reject(
            source_uri=raw.source_uri,
            stage=exc.stage,
            error=exc.error,
            message=exc.message,
            raw_prefix=raw_prefix(raw.data),
            ingested_at=now,
        )

"""``newsclean explain FILE``: one document's cleaning, line by line, and every field with its source."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections import defaultdict, deque
from typing import TYPE_CHECKING, TextIO

from newsclean.schemas.records import Article, RawDocument, Reject, Skipped

if TYPE_CHECKING:  # the cleaning stack is imported when a document is explained, so `--help` stays fast
    from newsclean.transforms.cleaning.rules import RuleSet

RED, GREEN, DIM, BOLD, RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "explain",
        help="show how one document is cleaned: each line kept or removed, and why",
        description="Show one document's cleaning: every line kept (+) or removed (-) with the rule "
        "that removed it, then every extracted field and where it came from. Colour on a "
        "terminal, plain text when piped.",
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        help="a document file (.txt, .html, .gz ...), or a record of a multi-record file as source_uri prints it "
        "(news.jsonl#3, crawl.warc.gz#12)",
    )
    parser.add_argument(
        "--record",
        type=int,
        metavar="N",
        help="which record of a multi-record file, numbered as source_uri's #N (default: the first)",
    )
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    parser.add_argument(
        "--rules",
        metavar="FILE",
        help="a TOML, YAML or JSON rules file that adds or disables named line rules (see README: Custom rules)",
    )


def _fit(line: str, width: int) -> str:
    """Cut a line to the terminal's width (0: never), so a long paragraph stays one screen line."""
    return line if not width or len(line) <= width else line[: width - 1] + "…"


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{colour}{text}{RESET}" if on else text


def line_verdicts(paragraphs: list[str], removed: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    """``(kept_text, removed_text, rule)`` per input paragraph, in reading order.

    A whole removed line has empty ``kept_text``; a prefix removal (a dateline, a
    header date before a title) keeps the rest of the line.
    """
    queue: dict[str, deque[str]] = defaultdict(deque)
    prefixes: list[tuple[str, str]] = []
    for rule, text in removed:
        queue[text].append(rule)
        prefixes.append((rule, text))
    verdicts = []
    for paragraph in paragraphs:
        if queue.get(paragraph):
            verdicts.append(("", paragraph, queue[paragraph].popleft()))
            continue
        rest, cut, rules = paragraph, [], []
        for rule, text in prefixes:
            if text and rest.startswith(text) and rest != text and queue.get(text):
                queue[text].remove(rule)
                cut.append(text)
                rules.append(rule)
                rest = rest[len(text) :].lstrip()
        verdicts.append((rest, " ".join(cut), "+".join(rules) if rules else None))
    return verdicts


def explain(raw: RawDocument, out: TextIO, colour: bool, rules: RuleSet | None = None) -> int:
    from newsclean.transforms.cleaning.clean import clean_text
    from newsclean.transforms.cleaning.rules import DEFAULT_RULES
    from newsclean.transforms.document import clean_options, process_document, text_to_clean
    from newsclean.transforms.errors import StageError
    from newsclean.transforms.text import normalise_text, split_paragraphs

    rules = rules or DEFAULT_RULES
    now = dt.datetime.now(dt.UTC)
    result = process_document(raw, now=now, rules=rules)
    if isinstance(result, Reject):
        out.write(_paint(f"REJECT {result.stage}/{result.error}: {result.message}\n", RED, colour))
        return 1
    try:
        text, extracted, known = text_to_clean(raw)  # HTML: trafilatura's blocks after the block rules
    except StageError as exc:  # pragma: no cover - process_document would have rejected it
        out.write(f"{exc}\n")
        return 1
    cleaned = clean_text(text, today=now.date(), rules=rules, language=known, **clean_options(raw))
    paragraphs = split_paragraphs(normalise_text(text))
    encoding = f"{result.encoding}{', mojibake repaired' if result.encoding_repaired else ''}"
    out.write(_paint(f"{raw.source_uri}  ({raw.source_format}, {encoding})\n\n", BOLD, colour))
    width = shutil.get_terminal_size().columns if colour else 0
    for removed in extracted:
        out.write(_paint(_fit(f"- [{removed.rule}] {removed.text}", width) + "\n", RED, colour))
    for kept, cut, rule in line_verdicts(paragraphs, [(r.rule, r.text) for r in cleaned.removed]):
        if cut:
            out.write(_paint(_fit(f"- [{rule}] {cut}", width) + "\n", RED, colour))
        if kept:
            out.write(_paint(_fit(("+   " if cut else "+ ") + kept, width) + "\n", GREEN, colour))
    out.write("\n")
    _fields(result, out, colour)
    return 0


def _fields(article: Article, out: TextIO, colour: bool) -> None:
    rows = [
        ("doc_id", article.doc_id, None),
        ("title", article.title, "title rule" if article.title else None),
        ("published_date", article.published_date, article.date_source),
        ("published_at", article.published_at, article.date_source if article.published_at else None),
        ("authors", ", ".join(article.authors) or None, None),
        ("contributors", "; ".join(f"{c.name} ({c.location})" if c.location else c.name for c in article.contributors)
         or None, "contributor_tail" if article.contributors else None),
        ("agency", article.agency, None),
        ("dateline", article.dateline, "dateline" if article.dateline else None),
        ("language", article.language, None),
        ("word_count", article.word_count, None),
        ("content_hash", article.content_hash, None),
    ]  # fmt: skip
    width = max(len(name) for name, _, _ in rows)
    for name, value, source in rows:
        shown = "—" if value in (None, "") else str(value)
        suffix = _paint(f"  (from {source})", DIM, colour) if source and value not in (None, "") else ""
        out.write(f"{name:<{width}}  {shown}{suffix}\n")


def split_record(file: str, record: int | None) -> tuple[str, int | None]:
    """``("news.jsonl", 3)`` for ``news.jsonl#3`` (a name that exists as given is a file, ``#`` and all)."""
    path, mark, number = file.rpartition("#")
    if mark and number.isdigit() and not os.path.exists(file):
        return path, int(number) if record is None else record
    return file, record


def pick_record(items: list, source_uri: str, record: int | None) -> object | None:
    """The item the run names ``source_uri#record`` (the first item when no record is asked for)."""
    if record is None:
        return items[0] if items else None
    wanted = f"{source_uri}#{record}"
    return next((item for item in items if item.source_uri == wanted), None)


def run(args: argparse.Namespace) -> int:
    from newsclean.transforms.cleaning.rules_file import RulesFileError, rules_option
    from newsclean.transforms.reading.read import read_documents

    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    path, record = split_record(args.file, args.record)
    source_uri = os.path.abspath(path)
    try:
        with open(path, "rb") as handle:
            items = list(read_documents(source_uri, handle))
    except OSError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
    item = pick_record(items, source_uri, record)
    if item is None:
        numbers = [uri.rpartition("#")[2] for uri in (i.source_uri for i in items) if "#" in uri]
        known = f"#{numbers[0]} to #{numbers[-1]}" if numbers else "no numbered records"
        print(f"newsclean: {path} has no record #{record} ({len(items)} record(s), {known})", file=sys.stderr)
        return 2
    if isinstance(item, Skipped):
        print(f"SKIPPED {item.kind}: not a document")
        return 1
    if isinstance(item, Reject):
        print(f"REJECT {item.stage}/{item.error}: {item.message}")
        return 1
    try:
        rules = rules_option(args.rules)
    except RulesFileError as exc:
        print(f"newsclean: --rules: {exc}", file=sys.stderr)
        return 2
    return explain(item, sys.stdout, colour, rules)

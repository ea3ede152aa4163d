"""Score plain-text cleaning on real pages turned into naive scraped text.

A naive scraper keeps every visible block on its own line, menus, share bars and
footers included. ``html_to_naive_text`` does exactly that and nothing more:
``<script>``, ``<style>``, ``<noscript>``, ``<template>`` and the ``<head>``
(never rendered) are dropped, block elements and ``<br>`` end a line, inline
elements do not. Every case of a folder in the wcxb case format
(``<id>.html.gz`` + ``<id>.json`` with ``body`` or ``with``/``without``
snippets) is converted and cleaned, and the result is scored with the
project's body metric (or, where no body is annotated, the snippet metric)
beside two baselines measured in the same run: keeping every line, and C4's
line rules. Run it on wcxb-dev (bodies) and trafilatura-eval (snippets).

    python -m benchmarks.naive_text [DATA_DIR] [--folds 5] [--limit N] [--dump DIR]

With a trained line model in the repo, ``--folds K`` also retrains it K times
as the shipped one is trained (wcxb-dev and trafilatura-eval together, plus this
folder) with whole sites held out (``benchmarks.train_lines``) and reports this
folder's held-out score, the honest figure for a learned model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import regex
from lxml import etree

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "wcxb-dev"

# Elements whose text a browser never shows.
INVISIBLE = frozenset({"script", "style", "noscript", "template", "head"})
# Elements that start a new line in a rendered page (HTML's block-level and table/list items).
BLOCK = frozenset(
    """address textarea article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol option p pre section
    select summary table tbody td tfoot th thead tr ul video audio iframe button label""".split()
)
_SPACE = regex.compile(r"\s+")


_BREAK = "\x00"  # a rendered line break; newlines in the HTML source are only spaces


def _text(text: str | None, pre: bool) -> str:
    if not text:
        return ""
    return text.replace("\n", _BREAK) if pre else text.replace("\n", " ")


def _walk(element: etree._Element, out: list[str], pre: bool = False) -> None:
    """Append the rendered text of ``element`` and its tail to ``out``."""
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower().split("}")[-1]
    if tag and tag not in INVISIBLE:  # comments, processing instructions and hidden elements show no text
        block = tag in BLOCK
        inner_pre = pre or tag in ("pre", "textarea")
        if block or tag == "br":
            out.append(_BREAK)
        out.append(_text(element.text, inner_pre))
        for child in element:
            _walk(child, out, inner_pre)
        if block:
            out.append(_BREAK)
    out.append(_text(element.tail, pre))


def html_to_naive_text(html: str | bytes) -> str:
    """Every visible block of ``html`` on its own line, nothing else removed."""
    data = html if isinstance(html, bytes) else html.encode("utf-8")
    root = lxml.html.document_fromstring(data)
    parts: list[str] = []
    _walk(root, parts)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split(_BREAK))
    return "\n".join(line for line in lines if line)


# C4 (Raffel et al. 2020, "Colossal Clean Crawled Corpus") line rules.
_C4_TERMINAL = (".", "!", "?", '"', "”", "'", "’")
_C4_BAD = regex.compile(
    r"javascript|terms of use|privacy policy|cookie policy|uses cookies|use of cookies|use cookies", regex.I
)


def c4_lines(text: str) -> str:
    """C4's line filter: lines ending in terminal punctuation, 3+ words, no policy/javascript text."""
    kept = [
        line
        for line in text.split("\n")
        if line.rstrip().endswith(_C4_TERMINAL) and len(line.split()) >= 3 and not _C4_BAD.search(line)
    ]
    return "\n".join(kept)


def iter_cases(data: Path, limit: int | None = None) -> Iterator[tuple[str, str, dict]]:
    """``(case_id, naive_text, truth)`` for each case with an annotated body or snippets."""
    paths = sorted(data.glob("*.json"))
    n = 0
    for truth_path in paths:
        html_path = truth_path.with_name(truth_path.stem + ".html.gz")
        if not html_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        if truth.get("body") is None and not (truth.get("with") or truth.get("without")):
            continue
        yield truth_path.stem, html_to_naive_text(gzip.decompress(html_path.read_bytes())), truth
        n += 1
        if limit and n >= limit:
            return


def load_cases(data: Path, limit: int | None = None) -> list[tuple[str, str, dict]]:
    return list(iter_cases(data, limit))


def newsclean_text(naive: str, today: dt.date) -> str:
    """What the pipeline keeps of a naive text (the article's ``text``)."""
    from newsclean.schemas.records import Article, RawDocument
    from newsclean.transforms.document import process_document

    result = process_document(
        RawDocument("case.txt", naive.encode("utf-8")), now=dt.datetime.combine(today, dt.time(), dt.UTC)
    )
    return result.text if isinstance(result, Article) else ""


def _fmt(name: str, scores) -> str:
    parts = []
    if scores.body_docs:
        parts.append(f"body P {scores.body_precision:.3f}  R {scores.body_recall:.3f}  F1 {scores.body_f1:.3f}")
    if scores.snippet_docs:
        parts.append(
            f"snippets P {scores.snippet_precision:.3f}  R {scores.snippet_recall:.3f}  F1 {scores.snippet_f1:.3f}"
        )
    return f"{name:<34} " + "   ".join(parts)


def main(argv: list[str] | None = None) -> int:
    from newsclean.transforms.scoring.metrics import score_cases

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="first N cases only")
    parser.add_argument("--folds", type=int, default=0, help="also report site-grouped K-fold scores of the line model")
    parser.add_argument("--dump", type=Path, help="write each case's naive text to DIR/<id>.txt")
    args = parser.parse_args(argv)

    cases = load_cases(args.data, args.limit)
    if not cases:
        print(f"no cases in {args.data}", file=sys.stderr)
        return 2
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
        for case_id, naive, _ in cases:
            (args.dump / f"{case_id}.txt").write_text(naive + "\n", encoding="utf-8")
    today = dt.date.today()
    truths = [truth for _, _, truth in cases]
    keep_all = score_cases([{"text": naive} for _, naive, _ in cases], truths)
    c4 = score_cases([{"text": c4_lines(naive)} for _, naive, _ in cases], truths)
    ours = score_cases([{"text": newsclean_text(naive, today)} for _, naive, _ in cases], truths)
    bodies = [t for t in truths if t.get("body")]
    truth_kept = score_cases([{"text": newsclean_text(t["body"], today)} for t in bodies], bodies)
    print(f"{len(cases)} cases from {args.data}")
    print(_fmt("keep every line", keep_all))
    print(_fmt("C4 line rules", c4))
    print(_fmt("newsclean (shipped model)", ours))
    if args.folds:
        from benchmarks.train_lines import held_out

        held, truth_held_out = held_out(args.data, args.folds, today, args.limit)
        print(_fmt(f"newsclean ({args.folds}-fold by site, held out)", held))
        print(f"clean bodies, {args.folds}-fold held out: recall kept {truth_held_out.body_recall:.4f}")
    if bodies:
        print(f"clean truth bodies through newsclean (shipped model): recall kept {truth_kept.body_recall:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

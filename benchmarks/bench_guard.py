"""Cost of the per-document time limit: ``process_document`` in-process against the guarded child.

    python benchmarks/bench_guard.py [--docs 2000] [--pages 200] [--rounds 3]

Both run the same documents, taking turns, best of ``--rounds``: plain-text
documents (synthetic news of about 5,000 characters with typical noise) and
HTML pages (the development set's pages when present, else a generated news
page), every one through the child here (the pipeline keeps small plain text
in-process). Prints milliseconds per document both ways and the difference.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import DATA, synth_texts
from newsclean.schemas.records import RawDocument
from newsclean.transforms.document import process_document
from newsclean.transforms.runtime.guard import DocumentGuard
from newsclean.transforms.runtime.limits import Limits


def _pages(count: int) -> list[bytes]:
    paths = sorted(DATA.glob("*.html.gz"))[:count]
    if paths:
        return [gzip.decompress(p.read_bytes()) for p in paths]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from warc_helpers import article_html

    return [article_html(f"Story {i}", f"https://news.example/{i}").encode() for i in range(count)]


def _best_of_alternating(functions: list, documents: list[RawDocument], rounds: int) -> list[float]:
    """Seconds per document for each function: best of ``rounds``, the functions taking turns
    so that a busy machine slows them alike."""
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for i, function in enumerate(functions):
            started = time.perf_counter()
            for raw in documents:
                function(raw)
            best[i] = min(best[i], time.perf_counter() - started)
    return [b / len(documents) for b in best]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [RawDocument(f"t{i}.txt", t.encode()) for i, t in enumerate(synth_texts(args.docs))]
    pages = [
        RawDocument(f"p{i}.html", page, source_format="html", content_type="html")
        for i, page in enumerate(_pages(args.pages))
    ]
    limits = Limits()
    guard = DocumentGuard(limits, in_process_text_bytes=0)  # every document through the child, to measure it
    guard.process(texts[0])  # the child's start-up is paid once per worker, not per document
    try:
        for name, documents in (("text", texts), ("html", pages)):
            for raw in documents[:20]:  # warm both paths
                process_document(raw, limits=limits)
                guard.process(raw)
            direct, guarded = _best_of_alternating(
                [lambda raw: process_document(raw, limits=limits), guard.process], documents, args.rounds
            )
            print(
                f"{name:5} {len(documents):5} docs  in-process {direct * 1e3:7.3f} ms/doc  "
                f"guarded {guarded * 1e3:7.3f} ms/doc  overhead {(guarded - direct) * 1e3:+7.3f} ms/doc "
                f"({(guarded / direct - 1) * 100:+.1f}%)"
            )
    finally:
        guard.close()


if __name__ == "__main__":
    main()

"""Plain-text throughput: ``newsclean run`` against a single-process loop doing the same work.

    python benchmarks/bench_text.py [--docs 20000] [--size 5000]

The baseline reads every file, runs the same per-document cleaning
(``process_document``) and writes one Parquet file with pyarrow, in one process,
measured in the same run on the same files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWSCLEAN, run_measured, synth_texts, write_corpus

BASELINE = """
import sys, pathlib, pyarrow as pa, pyarrow.parquet as pq
from newsclean.schemas.arrow import ARTICLE_SCHEMA, article_to_row
from newsclean.schemas.records import Article, RawDocument
from newsclean.transforms.document import process_document
rows = []
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    result = process_document(RawDocument(str(path), path.read_bytes()))
    if isinstance(result, Article):
        rows.append(article_to_row(result))
pq.write_table(pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA), sys.argv[2], compression="zstd")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, synth_texts(args.docs, args.size))
        baseline = run_measured([sys.executable, "-c", BASELINE, str(corpus), str(Path(tmp) / "baseline.parquet")])
        runs = {}
        for label, extra in (
            ("newsclean run (default)", []),
            ("newsclean run, same work as the loop", ["--boilerplate", "off", "--copies", "off"]),
        ):
            out = Path(tmp) / f"out{len(runs)}"
            runs[label] = run_measured([*NEWSCLEAN, "run", str(corpus), "--output", str(out), "--quiet", *extra])
    n = args.docs
    print(f"text documents: {n} x ~{args.size} chars, {os.cpu_count()} cores")
    print(
        f"  {'plain loop (1 process)':40s} {baseline.seconds:7.1f} s  {n / baseline.seconds:6.0f} docs/s  "
        f"peak RSS {baseline.peak_rss_mb:6.0f} MB"
    )
    for label, measured in runs.items():
        print(
            f"  {label:40s} {measured.seconds:7.1f} s  {n / measured.seconds:6.0f} docs/s  "
            f"peak RSS {measured.peak_rss_mb:6.0f} MB  speed-up {baseline.seconds / measured.seconds:.2f}x"
        )
    print("  (default also runs the corpus stages the loop does not: source boilerplate and copies)")


if __name__ == "__main__":
    main()

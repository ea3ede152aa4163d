"""Peak memory of ``newsclean run`` at two corpus sizes, and start-up time on two files.

    python benchmarks/bench_memory.py [--small 10000] [--large 100000] [--corpus pool|stories] [--extra ...]

Peak RSS is the sum over the driver and its worker processes, sampled every 0.1 s.
Extra arguments go to ``newsclean run`` (e.g. ``--copies off``).

Two corpora:

* ``pool`` (default): ~5 KB texts whose paragraphs are drawn from one pool of
  the development set's ~10k paragraphs, with noise lines. Every paragraph
  recurs in about one document in a thousand, so at 100k documents each text
  shares paragraphs with ~1,000 others: a stress test of the copy stage's
  candidate generation, not a news corpus.
* ``stories``: the copy benchmark's labelled stories (``benchmarks/copies_data.py``):
  real bodies, then pastiche stories with their own names and numbers, each
  with exact, near and spun copies and same-event negatives; what the copy
  stage meets in news.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWSCLEAN, REPO, run_measured, synth_texts, write_corpus


def stories(count: int) -> list[str]:
    """``count`` texts of the copy benchmark's labelled set (stories and their copies)."""
    from benchmarks.copies_data import Thesaurus, build, load_bodies

    return [doc.text for doc in build(count, load_bodies(), Thesaurus.moby())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=5000, help="characters a text (pool corpus)")
    parser.add_argument("--corpus", choices=("pool", "stories"), default="pool")
    args, extra = parser.parse_known_args()
    with tempfile.TemporaryDirectory() as tmp:
        two = Path(tmp) / "two"
        two.mkdir()
        for seed in sorted((REPO / "samples").glob("*.txt")):
            shutil.copy(seed, two / seed.name)
        startup = run_measured([*NEWSCLEAN, "run", str(two), "--output", str(Path(tmp) / "o2"), "--quiet", *extra])
        results = {}
        for n in (args.small, args.large):
            corpus = Path(tmp) / f"c{n}"
            write_corpus(corpus, synth_texts(n, args.size) if args.corpus == "pool" else stories(n))
            results[n] = run_measured(
                [*NEWSCLEAN, "run", str(corpus), "--output", str(Path(tmp) / f"o{n}"), "--quiet", *extra]
            )
            shutil.rmtree(corpus)
    print(f"corpus: {args.corpus}; newsclean run {' '.join(extra) or '(defaults)'}")
    print(f"start-up on two files: {startup.seconds:.1f} s, peak RSS {startup.peak_rss_mb:.0f} MB")
    for n, measured in results.items():
        print(
            f"{n:>7} docs: {measured.seconds:7.1f} s  {n / measured.seconds:6.0f} docs/s  "
            f"peak RSS {measured.peak_rss_mb:6.0f} MB"
        )
    small, large = results[args.small], results[args.large]
    print(f"peak RSS ratio {args.large}/{args.small}: {large.peak_rss_mb / small.peak_rss_mb:.2f}")


if __name__ == "__main__":
    main()

"""Peak memory of ``newsclean run`` at two corpus sizes, and start-up time on two files.

    python benchmarks/bench_memory.py [--small 10000] [--large 100000] [--extra ...]

Peak RSS is the sum over the driver and its worker processes, sampled every 0.1 s.
Extra arguments go to ``newsclean run`` (e.g. ``--copies off``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWSCLEAN, REPO, run_measured, synth_texts, write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=5000)
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
            write_corpus(corpus, synth_texts(n, args.size))
            results[n] = run_measured(
                [*NEWSCLEAN, "run", str(corpus), "--output", str(Path(tmp) / f"o{n}"), "--quiet", *extra]
            )
            shutil.rmtree(corpus)
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

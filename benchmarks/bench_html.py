"""HTML throughput: ``newsclean run`` against a single-process trafilatura loop on the same pages.

    python benchmarks/bench_html.py [--pages 1422]

The pages are wcxb-dev's real pages (repeated to reach ``--pages``). The baseline
is the plain loop ``trafilatura.extract(html, output_format="json", with_metadata=True)``
in one process; newsclean does that work plus its own cleaning, fields and Parquet.
It also prints the CPU time per page of both sides (newsclean's by process role) and
the speed-up those allow on this machine's cores.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import DATA, NEWSCLEAN, run_measured
from newsclean import local_cores

BASELINE = """
import sys, pathlib, trafilatura
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.html")):
    trafilatura.extract(path.read_bytes(), output_format="json", with_metadata=True)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1422)
    args = parser.parse_args()
    sources = sorted(DATA.glob("wcxb_*.html.gz"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        corpus.mkdir()
        for i in range(args.pages):
            source = sources[i % len(sources)]
            (corpus / f"{i:06d}_{source.name[:-3]}").write_bytes(gzip.decompress(source.read_bytes()))
        baseline = run_measured([sys.executable, "-c", BASELINE, str(corpus)])
        ours = run_measured([*NEWSCLEAN, "run", str(corpus), "--output", str(Path(tmp) / "out"), "--quiet"])
    n = args.pages
    print(f"HTML pages: {n} (wcxb-dev pages, repeated)")
    print(
        f"  trafilatura loop (1 process): {baseline.seconds:7.1f} s  {n / baseline.seconds:6.1f} pages/s  "
        f"peak RSS {baseline.peak_rss_mb:6.0f} MB"
    )
    print(
        f"  newsclean run:                {ours.seconds:7.1f} s  {n / ours.seconds:6.1f} pages/s  "
        f"peak RSS {ours.peak_rss_mb:6.0f} MB"
    )
    print(f"  speed-up: {baseline.seconds / ours.seconds:.2f}x")
    # The loop's work is part of newsclean's, so CPU per page bounds the speed-up on this machine's cores.
    cores = local_cores()
    roles = ", ".join(f"{role} {seconds / n * 1000:.1f}" for role, seconds in sorted(ours.cpu_by_role.items()))
    print(
        f"  CPU per page: trafilatura loop {baseline.cpu_seconds / n * 1000:.1f} ms; "
        f"newsclean {ours.cpu_seconds / n * 1000:.1f} ms ({roles})"
    )
    if ours.cpu_seconds:
        ceiling = cores * baseline.cpu_seconds / ours.cpu_seconds
        print(f"  ceiling on {cores} cores with no start-up, idle or contention: {ceiling:.2f}x")


if __name__ == "__main__":
    main()

"""HTML throughput: ``newsclean run`` against a single-process trafilatura loop on the same pages.

    python benchmarks/bench_html.py [--pages 1422] [--data DIR] [--in-process N]

The pages are a case folder's real pages (``--data``, default wcxb-dev; trafilatura-eval for news),
repeated to reach ``--pages``. The baseline
is the plain loop ``trafilatura.extract(html, output_format="json", with_metadata=True)``
in one process; newsclean does that work plus its own cleaning, fields and Parquet.
It also prints the CPU time per page of both sides (newsclean's by process role) and
the speed-up those allow on this machine's cores. ``--in-process N`` also times both sides on the
folder's first N pages in this one process (``newsclean.process`` against ``trafilatura.extract(...,
with_metadata=True)``, best of two rounds of CPU time): the per-page budget without run overhead.
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


def in_process(sources: list[Path], count: int) -> None:
    """CPU per page of ``newsclean.process`` and of the trafilatura call, in this process, same pages."""
    import json
    import time
    import warnings

    import trafilatura

    import newsclean

    warnings.filterwarnings("ignore")
    pages = []
    for source in sources[:count]:
        truth = source.with_name(source.name[: -len(".html.gz")] + ".json")
        url = json.loads(truth.read_text()).get("url") if truth.exists() else None
        pages.append((gzip.decompress(source.read_bytes()), url))

    def ours() -> None:
        for html, url in pages:
            newsclean.process(html, format="html", url=url)

    def theirs() -> None:
        for html, url in pages:
            trafilatura.extract(html, url=url, with_metadata=True)

    def cpu(work) -> float:
        start = time.process_time()
        work()
        return time.process_time() - start

    ours(), theirs()  # warm: imports, models, caches
    mine = min(cpu(ours) for _ in range(2))
    base = min(cpu(theirs) for _ in range(2))
    n = len(pages)
    print(
        f"  in one process, {n} pages: newsclean.process {mine / n * 1000:.1f} ms/page, "
        f"trafilatura.extract {base / n * 1000:.1f} ms/page, ratio {mine / base:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1422)
    parser.add_argument("--data", type=Path, default=DATA, help="a case folder of <id>.html.gz pages")
    parser.add_argument("--in-process", type=int, default=0, metavar="N", help="also time N pages in this process")
    args = parser.parse_args()
    sources = sorted(args.data.glob("*.html.gz"))
    if not sources:
        sys.exit(f"bench_html: no *.html.gz pages in {args.data}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        corpus.mkdir()
        for i in range(args.pages):
            source = sources[i % len(sources)]
            (corpus / f"{i:06d}_{source.name[:-3]}").write_bytes(gzip.decompress(source.read_bytes()))
        baseline = run_measured([sys.executable, "-c", BASELINE, str(corpus)])
        ours = run_measured([*NEWSCLEAN, "run", str(corpus), "--output", str(Path(tmp) / "out"), "--quiet"])
    n = args.pages
    print(f"HTML pages: {n} ({args.data.name} pages, repeated)")
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
    if args.in_process:
        in_process(sources, args.in_process)


if __name__ == "__main__":
    main()

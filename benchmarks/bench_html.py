"""HTML throughput: ``newsclean run`` against a single-process trafilatura loop on the same pages.

    python benchmarks/bench_html.py [--pages 1422] [--data DIR] [--in-process N]
    python benchmarks/bench_html.py --pages 0 --in-process 300 --data ../shared/data/trafilatura-eval

The pages are a case folder's real pages (``--data``, default wcxb-dev; trafilatura-eval for news),
repeated to reach ``--pages``. The baseline
is the plain loop ``trafilatura.extract(html, output_format="json", with_metadata=True)``
in one process; newsclean does that work plus its own cleaning, fields and Parquet.
It also prints the CPU time per page of both sides (newsclean's by process role) and
the speed-up those allow on this machine's cores. ``--in-process N`` also times both sides on the
folder's first N pages in this one process (``newsclean.process`` against ``trafilatura.extract(...,
with_metadata=True)``, each page read once by each side, the two taking turns): the per-page budget
without run overhead, and both sides' CPU per page by stage.
"""

from __future__ import annotations

import argparse
import contextlib
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


# Where each side's CPU goes: (stage, module, function). A function is looked up where its caller finds
# it, so wrapping it there times every call; a stage's time excludes the stages called inside it. A
# function the code measured does not have is left out (older versions name some stages otherwise).
OUR_STAGES = (
    ("decode", "newsclean.transforms.document", "decode_raw"),
    ("parse", "newsclean.transforms.extraction.trafilatura_adapter", "load_html"),
    ("trafilatura metadata", "newsclean.transforms.extraction.trafilatura_adapter", "page_metadata"),
    ("language of undeclared pages", "newsclean.transforms.extraction.html", "visible_language"),
    ("page metadata (ours)", "newsclean.transforms.document", "page_metadata"),
    ("trafilatura byline search", "newsclean.transforms.extraction.trafilatura_adapter", "trafilatura_author"),
    ("headline", "newsclean.transforms.document", "h1_texts"),
    ("headline", "newsclean.transforms.document", "printed_headline"),
    ("authors", "newsclean.transforms.fields.choose", "choose_authors"),
    ("trafilatura content", "newsclean.transforms.extraction.trafilatura_adapter", "main_content"),
    ("trafilatura content", "newsclean.transforms.extraction.trafilatura_adapter", "content"),
    ("jusText candidate", "newsclean.transforms.extraction.trafilatura_adapter", "justext_candidate"),
    ("block rules", "newsclean.transforms.document", "clean_blocks"),
    ("line cleaning (clean_text)", "newsclean.transforms.document", "clean_text"),
)
THEIR_STAGES = (
    ("parse", "trafilatura.core", "load_html"),
    ("metadata", "trafilatura.core", "extract_metadata"),
    ("content", "trafilatura.core", "trafilatura_sequence"),
)
REST = "the rest"


class StageClock:
    """CPU time by stage, each stage's own (the stages it calls are theirs), while :meth:`wrapped` lasts."""

    def __init__(self, stages: tuple[tuple[str, str, str], ...]) -> None:
        self.stages = stages
        self.seconds: dict[str, float] = {}
        self._inner: list[float] = []

    def _timed(self, stage: str, function):
        import functools
        import time

        @functools.wraps(function)
        def timed(*args, **kwargs):
            start = time.process_time()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                inner = self._inner.pop()
                self.seconds[stage] = self.seconds.get(stage, 0.0) + spent - inner
                if self._inner:
                    self._inner[-1] += spent

        return timed

    @contextlib.contextmanager
    def wrapped(self):
        import importlib

        originals = []
        for stage, module_name, name in self.stages:
            module = importlib.import_module(module_name)
            function = getattr(module, name, None)
            if function is not None:
                originals.append((module, name, function))
                setattr(module, name, self._timed(stage, function))
        try:
            yield self
        finally:
            for module, name, original in reversed(originals):
                setattr(module, name, original)


def stage_table(ours: dict[str, float], theirs: dict[str, float], pages: int) -> str:
    """Both sides' CPU per page by stage, in ms, largest first."""
    lines = ["  CPU per page by stage (ms):"]
    for side, seconds in (("newsclean.process", ours), ("trafilatura.extract", theirs)):
        total = sum(seconds.values())
        lines.append(f"    {side}: {total / pages * 1000:.1f}")
        for stage, spent in sorted(seconds.items(), key=lambda item: -item[1]):
            lines.append(f"      {stage:30s} {spent / pages * 1000:6.1f}")
    return "\n".join(lines)


WARM_PAGES = 50  # read first by both sides, and not measured: imports, models, compiled patterns
CHUNK = 10  # pages each side reads in turn, so a busy machine slows both alike


def in_process(sources: list[Path], count: int) -> None:
    """CPU per page of ``newsclean.process`` and of the trafilatura call, in this process, by stage.

    Each side reads each of the folder's first ``count`` pages once, the two taking turns
    every :data:`CHUNK` pages, after both have read :data:`WARM_PAGES` other pages. Pages
    are never read twice: both sides memoise per text (newsclean's line rules remember
    8,192 lines, htmldate its date strings), and rounds over the same pages once gave
    newsclean's line cleaning at a fifth of its cost on pages it had not seen.
    """
    import json
    import time
    import warnings

    import trafilatura

    import newsclean

    warnings.filterwarnings("ignore")

    def read(chosen: list[Path]) -> list[tuple[bytes, str | None]]:
        pages = []
        for source in chosen:
            truth = source.with_name(source.name[: -len(".html.gz")] + ".json")
            url = json.loads(truth.read_text()).get("url") if truth.exists() else None
            pages.append((gzip.decompress(source.read_bytes()), url))
        return pages

    pages, warm = read(sources[:count]), read(sources[count : count + WARM_PAGES])

    def ours(chunk) -> None:
        for html, url in chunk:
            newsclean.process(html, format="html", url=url)

    def theirs(chunk) -> None:
        for html, url in chunk:
            trafilatura.extract(html, url=url, output_format="json", with_metadata=True)

    ours(warm or pages[:CHUNK]), theirs(warm or pages[:CHUNK])
    totals = [0.0, 0.0]
    clocks = [StageClock(OUR_STAGES), StageClock(THEIR_STAGES)]
    for start in range(0, len(pages), CHUNK):
        chunk = pages[start : start + CHUNK]
        for side, (work, clock) in enumerate(zip((ours, theirs), clocks, strict=True)):
            with clock.wrapped():
                began = time.process_time()
                work(chunk)
                totals[side] += time.process_time() - began
    n = len(pages)
    mine, base = totals
    print(
        f"  in one process, {n} pages each read once (after {len(warm)} others): newsclean.process "
        f"{mine / n * 1000:.1f} ms/page, trafilatura.extract {base / n * 1000:.1f} ms/page, ratio {mine / base:.2f}x"
    )
    for clock, total in zip(clocks, totals, strict=True):
        clock.seconds[REST] = total - sum(clock.seconds.values())
    print(stage_table(clocks[0].seconds, clocks[1].seconds, n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1422, help="pages for the run comparison (0: none)")
    parser.add_argument("--data", type=Path, default=DATA, help="a case folder of <id>.html.gz pages")
    parser.add_argument("--in-process", type=int, default=0, metavar="N", help="also time N pages in this process")
    args = parser.parse_args()
    sources = sorted(args.data.glob("*.html.gz"))
    if not sources:
        sys.exit(f"bench_html: no *.html.gz pages in {args.data}")
    if args.pages > 0:
        run(sources, args.pages, args.data.name)
    if args.in_process:
        in_process(sources, args.in_process)


def run(sources: list[Path], n: int, name: str) -> None:
    """``newsclean run`` against the trafilatura loop, each in its own processes, on ``n`` pages."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        corpus.mkdir()
        for i in range(n):
            source = sources[i % len(sources)]
            (corpus / f"{i:06d}_{source.name[:-3]}").write_bytes(gzip.decompress(source.read_bytes()))
        baseline = run_measured([sys.executable, "-c", BASELINE, str(corpus)])
        ours = run_measured([*NEWSCLEAN, "run", str(corpus), "--output", str(Path(tmp) / "out"), "--quiet"])
    print(f"HTML pages: {n} ({name} pages, repeated)")
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

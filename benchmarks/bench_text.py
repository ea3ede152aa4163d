"""Plain-text throughput: ``newsclean.process`` against a jusText loop, and ``newsclean run`` against a
single-process loop doing the same work.

    python benchmarks/bench_text.py [--naive 150] [--docs 20000] [--size 5000]

In one process (``--naive N``, 0 skips it): naive news texts made from the first N pages of
wcxb-dev and of trafilatura-eval as docs/PLAINTEXT.md says (``benchmarks.naive_text``), cleaned
by ``newsclean.process(text, format="text")`` and by jusText, each text's lines as ``<p>``
paragraphs with the stoplist of its language: given (py3langid read before timing; English where
jusText has no list), and identified inside the loop, as a loop over news in many languages must.
CPU time (``time.process_time``), best of 2 rounds each, alternating; newsclean's per-line caches
are emptied before each of its rounds, so no round finds the texts' lines already judged; MB are
10^6 bytes of the texts' UTF-8.

Runs (``--docs N``, 0 skips them): synthetic texts of ``--size`` characters. The baseline
reads every file, runs the same per-document cleaning (``process_document``) and writes one
Parquet file with pyarrow, in one process, measured in the same run on the same files. The
default run's time by stage comes from its ``run.json`` (``stage_seconds``: each stage's own
code, summed over workers); what no stage holds (Beam itself, its Parquet writer, start-up)
is the run's CPU less theirs.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWSCLEAN, Measured, run_measured, synth_texts, write_corpus

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NAIVE_SETS = ("wcxb-dev", "trafilatura-eval")

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


def naive_texts(per_set: int) -> list[str]:
    """Naive scraped texts of the first ``per_set`` pages of each data set (docs/PLAINTEXT.md)."""
    from benchmarks.naive_text import iter_cases

    texts = []
    for name in NAIVE_SETS:
        texts += [naive for _, naive, _ in iter_cases(SHARED / name, per_set) if naive.strip()]
    return texts


_STOPLISTS: dict[str, frozenset[str]] = {}


def justext_stoplist(text: str) -> frozenset[str]:
    """jusText's stoplist for ``text``'s language (py3langid), English where jusText has no list."""
    import justext
    import py3langid

    from newsclean.transforms.cleaning.language import JUSTEXT_STOPLISTS
    from newsclean.transforms.cleaning.language_codes import iso639_1

    name = JUSTEXT_STOPLISTS.get(iso639_1(py3langid.classify(text)[0]) or "", "English")
    if name not in _STOPLISTS:
        _STOPLISTS[name] = frozenset(justext.get_stoplist(name))
    return _STOPLISTS[name]


def justext_page(text: str) -> str:
    """A text as jusText reads it: its lines as ``<p>`` paragraphs."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    return f"<html><body>{paragraphs}</body></html>"


def cpu_seconds(work: Callable[[], None]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def in_process(per_set: int) -> None:
    """docs/CPU-s and MB/CPU-s of ``newsclean.process`` and of the jusText loop on the same texts."""
    import warnings

    import justext

    import newsclean

    warnings.filterwarnings("ignore")
    from newsclean.transforms.cleaning.clean import clear_line_caches

    texts = naive_texts(per_set)
    given = [(justext_page(text), justext_stoplist(text)) for text in texts]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def ours() -> None:
        for text in texts:
            newsclean.process(text, format="text")

    def theirs_given() -> None:
        for page, stoplist in given:
            justext.justext(page, stoplist)

    def theirs_identified() -> None:
        for text in texts:
            justext.justext(justext_page(text), justext_stoplist(text))

    newsclean.process("Warm-up.\nA line of text to load the models.", format="text")  # imports and models
    justext.justext("<html><body><p>Warm-up.</p></body></html>", frozenset())
    best = {"newsclean.process": float("inf"), "jusText, stoplist given": float("inf"),
            "jusText, language identified": float("inf")}  # fmt: skip
    for _ in range(2):
        clear_line_caches()
        best["newsclean.process"] = min(best["newsclean.process"], cpu_seconds(ours))
        best["jusText, stoplist given"] = min(best["jusText, stoplist given"], cpu_seconds(theirs_given))
        best["jusText, language identified"] = min(best["jusText, language identified"], cpu_seconds(theirs_identified))
    n = len(texts)
    print(f"naive news texts: {n} ({per_set} pages of each of {', '.join(NAIVE_SETS)}), {megabytes:.2f} MB")
    for label, seconds in best.items():
        print(f"  {label:30s} {n / seconds:7.1f} docs/CPU-s  {megabytes / seconds:6.2f} MB/CPU-s")
    mine = best["newsclean.process"]
    for label in ("jusText, stoplist given", "jusText, language identified"):
        print(f"  newsclean.process at {best[label] / mine:.2f}x the loop '{label}' (best of 2 rounds each)")


def stage_lines(measured: Measured, report: dict) -> list[str]:
    """A run's time by stage from its run.json, and what no stage holds."""
    stages = report.get("stage_seconds") or {}
    total_cpu = measured.cpu_seconds
    lines = []
    for stage, times in stages.items():
        share = times["cpu_seconds"] / total_cpu if total_cpu else 0.0
        lines.append(
            f"      {stage:20s} {times['cpu_seconds']:7.1f} CPU-s  {share:6.1%}  ({times['seconds']:.1f} s wall)"
        )
    rest = unstaged_cpu(measured, report)
    lines.append(f"      {'Beam and the rest':20s} {rest:7.1f} CPU-s  {rest / total_cpu if total_cpu else 0:6.1%}")
    corpus = corpus_own_cpu(report)
    clean = stages.get("clean", {}).get("cpu_seconds", 0.0)
    lines.append(
        f"      corpus stages' own code: {corpus:.1f} CPU-s, {corpus / clean if clean else 0:.2f}x the cleaning's"
    )
    return lines


def runs(docs: int, size: int) -> None:
    """The plain loop against ``newsclean run``, default and without the corpus stages."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, synth_texts(docs, size))
        baseline = run_measured([sys.executable, "-c", BASELINE, str(corpus), str(Path(tmp) / "baseline.parquet")])
        measured: dict[str, tuple[Measured, dict]] = {}
        for label, extra in (
            ("newsclean run (default)", []),
            ("newsclean run, same work as the loop", ["--boilerplate", "off", "--copies", "off"]),
        ):
            out = Path(tmp) / f"out{len(measured)}"
            result = run_measured([*NEWSCLEAN, "run", str(corpus), "--output", str(out), "--quiet", *extra])
            measured[label] = (result, json.loads((out / "run.json").read_text()))
    print(f"text documents: {docs} x ~{size} chars, {os.cpu_count()} cores")
    print(
        f"  {'plain loop (1 process)':40s} {baseline.seconds:7.1f} s  {docs / baseline.seconds:6.0f} docs/s  "
        f"peak RSS {baseline.peak_rss_mb:6.0f} MB  {baseline.cpu_seconds:7.1f} CPU-s"
    )
    for label, (result, report) in measured.items():
        print(
            f"  {label:40s} {result.seconds:7.1f} s  {docs / result.seconds:6.0f} docs/s  "
            f"peak RSS {result.peak_rss_mb:6.0f} MB  {result.cpu_seconds:7.1f} CPU-s  "
            f"speed-up {baseline.seconds / result.seconds:.2f}x"
        )
        print("\n".join(stage_lines(result, report)))
    (default, default_report), (plain, plain_report) = measured.values()
    print(
        "  corpus stages (default less same-work run): "
        f"{default.seconds - plain.seconds:.1f} s, {(default.seconds - plain.seconds) / default.seconds:.1%} of the "
        f"default run's time; {default.cpu_seconds - plain.cpu_seconds:.1f} CPU-s, "
        f"{(default.cpu_seconds - plain.cpu_seconds) / default.cpu_seconds:.1%} of its CPU"
    )
    own, extra = corpus_cpu(default, default_report, plain, plain_report)
    print(
        f"  corpus stages (their own code {own:.1f} CPU-s, Beam's extra {extra:.1f}): {own + extra:.1f} CPU-s, "
        f"{(own + extra) / default.cpu_seconds:.1%} of the default run's CPU (the cleaning's noise between the two "
        "runs left out)"
    )


def corpus_cpu(default: Measured, default_report: dict, plain: Measured, plain_report: dict) -> tuple[float, float]:
    """The corpus stages' CPU in the default run: their own code (stage counters), and what Beam spends
    beyond the same-work run's (the CPU no stage holds, default less same-work)."""
    return corpus_own_cpu(default_report), unstaged_cpu(default, default_report) - unstaged_cpu(plain, plain_report)


def corpus_own_cpu(report: dict) -> float:
    """The corpus stages' own code (source boilerplate, copies), from a run's stage counters."""
    stages = report.get("stage_seconds") or {}
    return sum(stages.get(s, {}).get("cpu_seconds", 0.0) for s in ("source_boilerplate", "copies"))


def unstaged_cpu(measured: Measured, report: dict) -> float:
    """A run's CPU that no stage's counters hold: Beam's shuffles and encoding, start-up, the rest."""
    stages = report.get("stage_seconds") or {}
    return measured.cpu_seconds - sum(t["cpu_seconds"] for t in stages.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--naive", type=int, default=300, help="pages of each data set cleaned in one process (0: none)"
    )
    parser.add_argument("--docs", type=int, default=20_000, help="synthetic texts for the runs (0: no runs)")
    parser.add_argument("--size", type=int, default=5000)
    args = parser.parse_args()
    if args.naive:
        in_process(args.naive)
    if args.docs:
        runs(args.docs, args.size)


if __name__ == "__main__":
    main()

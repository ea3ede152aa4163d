"""Copy detection benchmark: pair precision/recall per kind, time and peak memory.

    python -m benchmarks.copies_bench --docs 10000 100000 [--style hard] [--runner DirectRunner]
    python -m benchmarks.copies_bench --docs 10000 --reference --list-under-copy

``--reference`` scores the in-memory reference (:mod:`newsclean.transforms.corpus.copies.reference`,
the same decisions as the Beam graph, in seconds) instead of running the pipeline;
``--list-under-copy`` prints every cluster where a non-exact copy leads the original it holds, with
each member's label, date and edits, to study what the canonical rules got wrong.

For each size: build the labelled set (:mod:`benchmarks.copies_data`) into a
JSONL file, then run ``ReadFromText -> MarkCopies -> WriteToText`` in a fresh
child process on the Beam runner given, and score its output. Time is the
child's wall time for the pipeline alone, with the CPU time the child's process
spent on it (user + system; steadier than wall time on a shared machine, but it
leaves out work a runner does in other processes); peak memory is the child's maximum
resident set (building the set happens in the parent and is not counted).
The baseline, measured in the same run at the first size, is the usual tool
alone: MinHash-LSH over word 5-grams, spun detection switched off.

Needs the ``bench`` extra (``pip install -e '.[bench]'``) for the thesaurus.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import glob
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

from benchmarks.copies_data import DEFAULT_DATA, LabelledDoc, Mix, SpinStyle, Thesaurus, build, load_bodies
from benchmarks.copies_metrics import report as format_scores
from benchmarks.copies_metrics import score_pairs
from newsclean.transforms.corpus.copies.config import CopiesConfig

STYLES = {
    "normal": SpinStyle(),
    # a rougher spinner than the seed's: more words, more function words, digits for number words,
    # adjacent sentences swapped
    "hard": SpinStyle(content=(0.6, 0.9), function=0.6, capitalised=0.3, number_words=0.5, reorder=0.3),
}


def truth_rows(docs: list[LabelledDoc]) -> list[tuple]:
    """``(doc_id, story, kind, event, is_original)``; a spun copy of an edited version is ``spun_edit``."""
    return [
        (d.doc_id, d.story, "spun_edit" if d.kind == "spun" and d.notes else d.kind, d.event, d.role == "original")
        for d in docs
    ]


def _write_set(
    n_docs: int, seed: int, style: str, data: str, folder: str, undated: float = Mix().undated, chains: float = 0.0
) -> tuple[str, list[LabelledDoc], str]:
    started = time.perf_counter()
    mix = dataclasses.replace(Mix(), undated=undated, chain=chains)
    docs = build(n_docs, load_bodies(data), Thesaurus.moby(), seed=seed, mix=mix, style=STYLES[style])
    path = os.path.join(folder, f"set-{n_docs}.jsonl")
    from newsclean.transforms.corpus.fingerprint import content_hash

    with open(path, "w", encoding="utf-8") as handle:
        for d in docs:
            row = {"doc_id": d.doc_id, "text": d.text, "content_hash": content_hash(d.text)}
            row["published_date"] = d.published_date.isoformat() if d.published_date else None
            handle.write(json.dumps(row) + "\n")
    counts = Counter(d.kind or d.role for d in docs)
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    summary = (
        f"{len(docs)} docs, {words:.0f} words on average: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    ) + f" (built in {time.perf_counter() - started:.0f} s)"
    return path, docs, summary


def _run_reference(path: str) -> tuple[dict, dict]:
    """The in-memory reference on the set's file: its decisions, its wall time and its CPU time (this
    process's: steadier than wall time on a shared machine)."""
    from newsclean.transforms.corpus.copies.reference import Record, mark_copies

    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    records = [
        Record(
            r["doc_id"],
            r["text"],
            r["content_hash"],
            dt.date.fromisoformat(r["published_date"]) if r["published_date"] else None,
        )
        for r in rows
    ]
    started, cpu = time.perf_counter(), time.process_time()
    decisions = mark_copies(records)
    figures = {"seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu}
    return figures, {doc: (d.duplicate_of, d.duplicate_kind) for doc, d in decisions.items()}


def under_copy_listing(scores, docs: list[LabelledDoc]) -> str:
    """The clusters where a non-exact copy leads the original it holds, one member a line."""
    by_id = {d.doc_id: d for d in docs}
    lines = []
    for canonical, members in sorted(scores.under_copy.items()):
        lines.append(f"-- cluster led by {canonical}")
        for doc in sorted(members, key=lambda m: (m != canonical, by_id[m].role != "original", m)):
            d = by_id[doc]
            lead = "*" if doc == canonical else " "
            lines.append(
                f" {lead} {doc} {d.role:<10} {d.kind or '-':<6} {d.published_date or 'undated'} "
                f"{len(d.text.split())} words; edits: {', '.join(d.notes) or '-'}"
            )
    return "\n".join(lines)


def _child(args: argparse.Namespace) -> int:
    """Run the pipeline alone (called in a fresh process) and print its figures as JSON."""
    import logging

    import apache_beam as beam
    from apache_beam.options.pipeline_options import PipelineOptions

    from newsclean.schemas.records import Article
    from newsclean.transforms.beam.copies import MarkCopies

    logging.getLogger().setLevel(logging.ERROR)
    config = CopiesConfig()
    if args.near_only:
        config = CopiesConfig(spun_threshold=1.0, spun_min_shared=10**9, spun_min_keys=10**9)

    def to_article(line: str) -> Article:
        row = json.loads(line)
        day = dt.date.fromisoformat(row["published_date"]) if row["published_date"] else None
        return Article(row["doc_id"], row["doc_id"], row["text"], published_date=day, content_hash=row["content_hash"])

    options = PipelineOptions([f"--runner={args.runner}", *args.beam_args])
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime
    started = time.perf_counter()
    pipeline = beam.Pipeline(options=options)
    (
        pipeline
        | beam.io.ReadFromText(args.child)
        | beam.Map(to_article)
        | MarkCopies(config, staging=None if args.joined else f"{args.out}-staging")
        | beam.Map(lambda a: json.dumps([a.doc_id, a.duplicate_of, a.duplicate_kind]))
        | beam.io.WriteToText(args.out, num_shards=1)
    )
    result = pipeline.run()
    result.wait_until_finish()
    seconds = time.perf_counter() - started
    counters = {
        c.key.metric.name: c.committed
        for c in result.metrics().query()["counters"]
        if c.key.metric.namespace == "newsclean.copies"
    }
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    print(
        json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mib": usage.ru_maxrss / 1024, "counters": counters})
    )
    return 0


def _run_child(path: str, folder: str, args: argparse.Namespace, near_only: bool = False) -> tuple[dict, dict]:
    out = os.path.join(folder, "out-near" if near_only else "out")
    for old in glob.glob(out + "*"):
        if os.path.isdir(old):
            shutil.rmtree(old)
        else:
            os.remove(old)
    command = [sys.executable, "-m", "benchmarks.copies_bench", "--child", path, "--out", out, "--runner", args.runner]
    if near_only:
        command.append("--near-only")
    if args.joined:
        command.append("--joined")
    command += [f"--beam={a}" for a in args.beam_args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"benchmark child failed ({done.returncode})")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures["peak_mib"] = max(figures["peak_mib"], children_peak) if not args.beam_args else children_peak
    predicted = {}
    for name in glob.glob(out + "-*-of-*"):  # WriteToText's shards, not the staging folder
        with open(name, encoding="utf-8") as handle:
            for line in handle:
                doc, dup_of, kind = json.loads(line)
                predicted[doc] = (dup_of, kind)
    return figures, predicted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--style", choices=sorted(STYLES), default="normal")
    parser.add_argument(
        "--undated", type=float, default=Mix().undated, help="share of documents without a date (1.0: text alone)"
    )
    parser.add_argument(
        "--chains", type=float, default=0.0, help="share of stories with a copy of a copy (a near edit of a near copy)"
    )
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder of WCXB-style *.json cases with a body")
    parser.add_argument("--runner", default="DirectRunner")
    parser.add_argument("--beam", dest="beam_args", action="append", default=[], help="extra Beam option, repeatable")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--joined", action="store_true", help="profiles through joins (the Dask path), not stored in files"
    )
    parser.add_argument("--reference", action="store_true", help="score the in-memory reference, not the pipeline")
    parser.add_argument(
        "--list-under-copy", action="store_true", help="print the clusters where a non-exact copy leads the original"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--near-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)
    print(
        f"copies benchmark: seed {args.seed}, spinner style {args.style}, undated {args.undated:g}, "
        f"chains {args.chains:g}, "
        f"runner {args.runner} "
        f"{' '.join(args.beam_args)}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="copies-bench-") as folder:
        for i, n in enumerate(args.docs):
            path, docs, summary = _write_set(n, args.seed, args.style, args.data, folder, args.undated, args.chains)
            truth = truth_rows(docs)
            print(f"\n== {n} documents: {summary}")
            if args.reference:
                figures, predicted = _run_reference(path)
                scores = score_pairs(truth, predicted)
                print(f"in-memory reference: {figures['seconds']:.1f} s (CPU {figures['cpu_seconds']:.1f} s)")
                print(format_scores(scores))
                if args.list_under_copy:
                    print(under_copy_listing(scores, docs))
                continue
            figures, predicted = _run_child(path, folder, args)
            c = figures["counters"]
            print(
                f"MarkCopies: {figures['seconds']:.1f} s ({n / figures['seconds']:.0f} docs/s; "
                f"CPU {figures.get('cpu_seconds', float('nan')):.1f} s in the pipeline's process), "
                f"peak RSS {figures['peak_mib']:.0f} MiB; candidate pairs {c.get('candidate_pairs', 0)} "
                f"({c.get('candidate_pairs', 0) / n:.2f} per doc, all pairs would be {n * (n - 1) // 2}), "
                f"edges near {c.get('edges_near', 0)} spun {c.get('edges_spun', 0)}, "
                f"residual edges after {CopiesConfig().cc_rounds} star rounds {c.get('cc_residual_edges', 0)}, "
                f"clusters {c.get('clusters', 0)}"
            )
            scores = score_pairs(truth, predicted)
            print(format_scores(scores))
            if args.list_under_copy:
                print(under_copy_listing(scores, docs))
            if i == 0 and not args.no_baseline:
                base_figures, base_predicted = _run_child(path, folder, args, near_only=True)
                base = score_pairs(truth, base_predicted)
                print(
                    f"baseline, MinHash-LSH over word 5-grams alone ({base_figures['seconds']:.1f} s): recall exact "
                    f"{base.recall('exact'):.4f} near {base.recall('near'):.4f} spun {base.recall('spun'):.4f} "
                    f"spun-with-edits {base.recall('spun_edit'):.4f}, "
                    f"precision {base.precision():.4f}; spun recall with immutables / without: "
                    f"{scores.recall('spun'):.4f} / {base.recall('spun'):.4f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())

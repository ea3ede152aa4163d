"""The Dask runner against the local runner: wall time of each over the same pages, and the same records.

    python benchmarks/bench_dask.py [--data DIR] [--rounds 1] [--pages 0] [--beams-own]

Both runs are ``newsclean run`` in their own processes, back to back (local, then a local
2-worker Dask cluster started by ``--runner dask``; with ``--rounds`` > 1 they take turns),
over a folder of the case folder's ``*.html.gz`` pages (its truth ``.json`` files are not
news). Prints the wall seconds of each, the ratio Dask / local, the load average before and
after, and whether both wrote the same article and reject rows (sorted, ``ingested_at``
left out, as tests/pipeline/test_runners.py compares them). Exits 1 when the records differ.
``--beams-own`` also times Dask with Beam's own translations (the version check's fallback
in newsclean/dask_runner.py): the state before newsclean's, in the same invocation.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyarrow.parquet as pq

from benchmarks.common import DATA, NEWSCLEAN, run_measured

# newsclean with Beam's own DaskRunner translations: what the version check falls back to
BEAMS_OWN = [
    sys.executable,
    "-c",
    "import sys; import newsclean.dask_runner as d; d.TESTED_BEAM = 'none'; "
    "from newsclean.cli import main; sys.exit(main(sys.argv[1:]))",
]
IGNORED = {"ingested_at"}  # the time a record was made differs between any two runs


def records(out: Path, name: str) -> list[tuple]:
    """The rows of ``out/name`` as sorted, comparable tuples."""
    table = pq.read_table(out / name)
    rows = [{k: v for k, v in row.items() if k not in IGNORED} for row in table.to_pylist()]
    return sorted(tuple(sorted((k, repr(v)) for k, v in row.items())) for row in rows)


def load() -> str:
    """The 1, 5 and 15 minute load averages, as ``uptime`` shows them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="a case folder of <id>.html.gz pages")
    parser.add_argument("--pages", type=int, default=0, help="only the first N pages (0: all)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each side, taking turns; best is kept")
    parser.add_argument("--dask-only", action="store_true", help="time only the Dask side (no ratio, no check)")
    parser.add_argument(
        "--beams-own", action="store_true", help="also time Dask with Beam's own translations (newsclean's before)"
    )
    args = parser.parse_args()
    sources = sorted(args.data.glob("*.html.gz"))[: args.pages or None]
    if not sources:
        sys.exit(f"bench_dask: no *.html.gz pages in {args.data}")
    sides = {"dask": ["--runner", "dask"]} if args.dask_only else {"local": [], "dask": ["--runner", "dask"]}
    if args.beams_own:
        sides["beam"] = ["--runner", "dask"]
    best = dict.fromkeys(sides, float("inf"))
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        for source in sources:
            shutil.copy(source, pages / source.name)
        print(f"{len(sources)} pages of {args.data.name}; cores {os.cpu_count()}; load before {load()}")
        for round_ in range(args.rounds):
            for side, flags in sides.items():
                out = Path(tmp) / side
                shutil.rmtree(out, ignore_errors=True)
                command = BEAMS_OWN if side == "beam" else NEWSCLEAN
                measured = run_measured([*command, "run", str(pages), "--output", str(out), "--quiet", *flags])
                best[side] = min(best[side], measured.seconds)
                cpu = ", ".join(f"{role} {seconds:.0f}" for role, seconds in sorted(measured.cpu_by_role.items()))
                print(
                    f"  round {round_ + 1} {side:5}: {measured.seconds:6.1f} s  CPU-s {cpu}  (load {load()})",
                    flush=True,
                )
        for side, seconds in best.items():
            print(f"{side:5} runner: {seconds:6.1f} s (best of {args.rounds})")
        if args.dask_only:
            return
        print(f"ratio dask / local: {best['dask'] / best['local']:.2f}x  (load after {load()})")
        if "beam" in best:
            print(f"ratio dask with Beam's own translations / local: {best['beam'] / best['local']:.2f}x")
        same = True
        for name in ("articles", "rejects"):
            local = records(Path(tmp) / "local", name)
            for side in [side for side in sides if side != "local"]:
                other = records(Path(tmp) / side, name)
                print(f"{name}: local {len(local)}, {side} {len(other)}, {'same' if local == other else 'DIFFERENT'}")
                same = same and local == other
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()

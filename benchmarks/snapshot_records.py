"""Every record newsclean makes of a case folder, as JSON lines: the before/after check of a refactor.

    python -m benchmarks.snapshot_records OUT.jsonl [DATA_DIR ...] [--seeds]
    python -m benchmarks.snapshot_records --compare BEFORE.jsonl AFTER.jsonl
    python -m benchmarks.snapshot_records --scores BEFORE.jsonl AFTER.jsonl

``--scores`` puts the two snapshots' texts beside the truth: body F1 where a body is
annotated, ``with``/``without`` snippets where they are, and every ``with`` snippet
found before and lost after (a rule change must lose none).

Each page of each case folder (the data README's format) and each seed goes
through the library entry point with a fixed clock; the record is written field
by field (``ingested_at`` left out: it is the clock). ``--compare`` names every
record and field that differs, and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import json
import sys
from pathlib import Path

from benchmarks.common import REPO

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
DEFAULT_SETS = (REPO.parent / "shared" / "data" / "wcxb-dev", REPO.parent / "shared" / "data" / "trafilatura-eval")
SEEDS = REPO / "samples"


def _jsonable(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def record(result: object) -> dict:
    """A record as plain JSON values, without its ingestion time."""
    row = _jsonable(result)
    assert isinstance(row, dict)
    row.pop("ingested_at", None)
    row["kind"] = type(result).__name__
    return row


def _process(data: bytes, path: str, url: str | None, content_type: str | None) -> object:
    import newsclean

    return newsclean.process(data, format=content_type, url=url, source_uri=path, now=NOW)


def snapshot(out: Path, sets: list[Path], seeds: bool) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for folder in sets:
            for truth_path in sorted(folder.glob("*.json")):
                if truth_path.name == "SOURCE.json":
                    continue
                page = truth_path.with_suffix(".html.gz")
                if not page.exists():
                    continue
                truth = json.loads(truth_path.read_text(encoding="utf-8"))
                result = _process(gzip.decompress(page.read_bytes()), page.name, truth.get("url"), "html")
                handle.write(json.dumps({"case": f"{folder.name}/{page.name}", **record(result)}) + "\n")
                count += 1
        if seeds:
            for seed in sorted(SEEDS.glob("*.txt")):
                result = _process(seed.read_bytes(), seed.name, None, None)
                handle.write(json.dumps({"case": f"seeds/{seed.name}", **record(result)}) + "\n")
                count += 1
    return count


def compare(before: Path, after: Path) -> int:
    old = {r["case"]: r for r in map(json.loads, before.read_text(encoding="utf-8").splitlines())}
    new = {r["case"]: r for r in map(json.loads, after.read_text(encoding="utf-8").splitlines())}
    differ = 0
    for case in sorted(old.keys() | new.keys()):
        a, b = old.get(case), new.get(case)
        if a == b:
            continue
        differ += 1
        if a is None or b is None:
            print(f"{case}: only in {'after' if a is None else 'before'}")
            continue
        for key in sorted(a.keys() | b.keys()):
            if a.get(key) != b.get(key):
                print(f"{case}: {key}: {str(a.get(key))[:120]!r} -> {str(b.get(key))[:120]!r}")
    print(f"{len(old)} before, {len(new)} after, {differ} differ")
    return 1 if differ else 0


def _normal(text: str) -> str:
    return " ".join(text.split())


def scores(before: Path, after: Path) -> int:
    """Body F1 and snippet counts of two snapshots, and the ``with`` snippets the second lost."""
    from newsclean.transforms.scoring.metrics import body_precision_recall, f1

    snaps = [
        {r["case"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
        for path in (before, after)
    ]
    lost = 0
    for folder in DEFAULT_SETS:
        cases = sorted(c for c in snaps[0] if c.startswith(folder.name + "/"))
        for label, snap in zip(("before", "after"), snaps, strict=True):
            precision, recall, found, wrong, with_n, without_n = [], [], 0, 0, 0, 0
            for case in cases:
                truth = json.loads((folder / case.split("/", 1)[1].replace(".html.gz", ".json")).read_text())
                text = _normal(snap.get(case, {}).get("text") or "")
                if truth.get("body"):
                    p, r = body_precision_recall(text, truth["body"])
                    precision.append(p)
                    recall.append(r)
                for snippet in truth.get("with") or []:
                    with_n += 1
                    found += _normal(snippet) in text
                for snippet in truth.get("without") or []:
                    without_n += 1
                    wrong += _normal(snippet) in text
            body = (
                f"body F1 {f1(sum(precision) / len(precision), sum(recall) / len(recall)):.4f}, " if precision else ""
            )
            print(f"{folder.name} {label}: {body}with {found}/{with_n}, without left {wrong}/{without_n}")
        for case in cases:
            truth = json.loads((folder / case.split("/", 1)[1].replace(".html.gz", ".json")).read_text())
            old, new = (_normal(snap.get(case, {}).get("text") or "") for snap in snaps)
            for snippet in truth.get("with") or []:
                if _normal(snippet) in old and _normal(snippet) not in new:
                    lost += 1
                    print(f"  lost in {case}: {snippet[:100]!r}")
    print(f"{lost} with-snippets lost")
    return 1 if lost else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--seeds", action="store_true", help="also the seeds in samples/")
    parser.add_argument("--compare", action="store_true", help="compare two snapshots record by record")
    parser.add_argument("--scores", action="store_true", help="score two snapshots against the truth")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.paths)
    if args.scores:
        return scores(*args.paths)
    out, *sets = args.paths
    count = snapshot(out, sets or list(DEFAULT_SETS), args.seeds)
    print(f"{count} records -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

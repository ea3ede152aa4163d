"""Where the thresholds sit: similarity of true copies against different articles on one event.

    python -m benchmarks.copies_margins [--docs 5000] [--style hard]

Builds a labelled set (:mod:`benchmarks.copies_data`) and prints quantiles of
the two similarities the stage decides on, for each kind of labelled pair:
the estimated word 5-gram Jaccard (near) and the exact immutable-shingle
Jaccard (spun), plus the seeds and random pairs.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict

from benchmarks.copies_bench import STYLES
from benchmarks.copies_data import DEFAULT_DATA, Thesaurus, build, load_bodies
from newsclean.transforms.corpus.copies.features import profile
from newsclean.transforms.corpus.copies.verify import score
from newsclean.transforms.corpus.fingerprint import content_hash

QUANTILES = (0.0, 0.01, 0.05, 0.5, 0.95, 0.99, 1.0)


def _quantiles(values: list[float]) -> str:
    ordered = sorted(values)
    return " ".join(f"{ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]:.3f}" for q in QUANTILES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--style", choices=sorted(STYLES), default="normal")
    parser.add_argument("--data", default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    docs = build(args.docs, load_bodies(args.data), Thesaurus.moby(), seed=args.seed, style=STYLES[args.style])
    profiles = {d.doc_id: profile(d.text, content_hash(d.text)) for d in docs}
    original = {d.story: d.doc_id for d in docs if d.role == "original"}
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d in docs:
        if d.role == "copy" and d.story in original:
            pairs[f"copy {d.kind}"].append((original[d.story], d.doc_id))
        elif d.role == "same_event" and d.event in original:
            pairs["same event"].append((original[d.event], d.doc_id))
    rnd = random.Random(args.seed)
    ids = sorted(profiles)
    pairs["random"] = [p for p in (tuple(rnd.sample(ids, 2)) for _ in range(5000)) if p[0] != p[1]]
    print(f"{len(docs)} docs, spinner style {args.style}; quantiles {' '.join(str(q) for q in QUANTILES)}")
    for name, found in pairs.items():
        scores = [score(profiles[a], profiles[b]) for a, b in found]
        print(f"{name:<11} n={len(found):<5} near: {_quantiles([s.near for s in scores])}")
        print(f"{'':<11} {'':<7} spun: {_quantiles([s.spun for s in scores])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

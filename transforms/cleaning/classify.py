"""The line classifier: which remaining lines of a text are boilerplate.

Two logistic models over :mod:`newsclean.transforms.cleaning.linefeatures`. The first scores each
line from its own shape, its neighbours' shapes and its position; the second
rescores it with the first model's scores of the lines around it, so a short
line inside a run of body lines is kept and a plausible sentence inside a block
of menu items is not (jusText's context step, learned instead of hand-set).
Lines scored below the threshold are removed as ``boilerplate_line``.

The weights are small data (``transforms/data/line_model.json``) written by
``benchmarks/train_lines.py``; nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsclean.transforms.cleaning.linefeatures import FEATURE_NAMES, document_matrix
from newsclean.transforms.cleaning.rules import RULE_BOILERPLATE_LINE

__all__ = ["RULE_BOILERPLATE_LINE", "LineModel", "Logistic", "default_model", "score_lines"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "line_model.json"
CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
BLOCK_GAP = 2  # lines scored as boilerplate that a content block may span
CONTEXT_NAMES = [f"p{d:+d}" for d in CONTEXT_OFFSETS] + [
    "p_self", "p_mean5", "p_max_before3", "p_max_after3", "p_doc_mean", "p_min_neighbours",
    "in_block", "block_share", "in_main_block", "main_block_dist", "after_main_block", "block_rank",
]  # fmt: skip


@dataclass(frozen=True)
class Logistic:
    """A standardised logistic regression: ``sigmoid(bias + sum(w * (x - mean) / scale))``."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def predict_matrix(self, x: np.ndarray) -> np.ndarray:
        """Probability of the positive class for each row of ``x``."""
        weights, bias = self._folded_array()
        return 1.0 / (1.0 + np.exp(-np.clip(x @ weights + bias, -30.0, 30.0)))

    @functools.cache  # noqa: B019 - a handful of frozen models live for the whole process
    def _folded_array(self) -> tuple[np.ndarray, float]:
        weights, bias = self._folded()
        return np.array(weights), bias

    @functools.cache  # noqa: B019 - a handful of frozen models live for the whole process
    def _folded(self) -> tuple[tuple[float, ...], float]:
        """Weights with the standardisation folded in: one multiply-add per feature."""
        weights = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
        return weights, self.bias - sum(w * m for w, m in zip(weights, self.mean, strict=True))

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: dict) -> Logistic:
        return cls(
            names=tuple(data["names"]),
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            weights=tuple(data["weights"]),
            bias=float(data["bias"]),
        )


@dataclass(frozen=True)
class LineModel:
    """Both stages and the keep threshold."""

    stage1: Logistic
    stage2: Logistic
    threshold: float = 0.5
    meta: dict | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "threshold": self.threshold,
                "stage1": self.stage1.to_dict(),
                "stage2": self.stage2.to_dict(),
                "meta": self.meta or {},
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        data = json.loads(text)
        model = cls(
            Logistic.from_dict(data["stage1"]),
            Logistic.from_dict(data["stage2"]),
            float(data["threshold"]),
            data.get("meta"),
        )
        if list(model.stage1.names) != FEATURE_NAMES or list(model.stage2.names) != FEATURE_NAMES + CONTEXT_NAMES:
            raise ValueError("line model was trained on other features; retrain with benchmarks/train_lines.py")
        return model


@functools.cache
def default_model() -> LineModel | None:
    """The shipped model, or None when the repo has none (cleaning then uses the named rules only)."""
    if not MODEL_PATH.exists():
        return None
    return LineModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _blocks(p1: Sequence[float], n_words: Sequence[int]) -> list[tuple[int, int, float]]:
    """Runs of lines scored as body, allowing short gaps: ``(first, last, words)``.

    The main block (most words) is usually the article; prose far from it
    (comments, teasers of other stories, bios, legal notices) usually is not.
    """
    blocks: list[tuple[int, int, float]] = []
    start = last = None
    mass = 0.0
    for i, p in enumerate(p1):
        if p < 0.5:
            continue
        if start is not None and last is not None and i - last - 1 <= BLOCK_GAP:
            last = i
            mass += n_words[i]
            continue
        if start is not None and last is not None:
            blocks.append((start, last, mass))
        start = last = i
        mass = float(n_words[i])
    if start is not None and last is not None:
        blocks.append((start, last, mass))
    return blocks


def context_matrix(p1: np.ndarray, n_words: np.ndarray) -> np.ndarray:
    """Stage-2 inputs: the stage-1 scores around each line and the body block it sits in."""
    n = len(p1)
    doc_mean = float(p1.mean()) if n else 0.0
    blocks = _blocks(p1.tolist(), n_words.tolist())
    total = sum(b[2] for b in blocks) or 1.0
    ranked = sorted(range(len(blocks)), key=lambda b: -blocks[b][2])
    main = blocks[ranked[0]] if blocks else None
    in_block = np.zeros(n)
    block_share = np.zeros(n)
    in_main = np.zeros(n)
    block_rank = np.full(n, math.log1p(len(blocks)))
    for r, b in enumerate(ranked):
        first, last, mass = blocks[b]
        in_block[first : last + 1] = 1.0
        block_share[first : last + 1] = mass / total
        in_main[first : last + 1] = float(r == 0)
        block_rank[first : last + 1] = math.log1p(r)
    index = np.arange(n)
    if main is None:
        dist, after_main = np.full(n, float(n)), np.zeros(n)
    else:
        dist = np.maximum(np.maximum(main[0] - index, index - main[1]), 0).astype(float)
        after_main = (index > main[1]).astype(float)
    # log-odds stack better than probabilities in a second logistic model
    lg = np.log(np.clip(p1, 1e-4, 1 - 1e-4) / (1 - np.clip(p1, 1e-4, 1 - 1e-4)))
    none = _logit(0.0)
    padded = np.concatenate([np.full(3, none), lg, np.full(3, none)])
    shifted = {d: padded[3 + d : 3 + d + n] for d in range(-3, 4)}
    sums = np.concatenate([[0.0], np.cumsum(lg)])
    lo, hi = np.maximum(index - 2, 0), np.minimum(index + 3, n)
    window_mean = (sums[hi] - sums[lo]) / (hi - lo)
    low = np.full(n, -np.inf)
    before = np.maximum.reduce([np.where(index >= d, shifted[-d], low) for d in (1, 2, 3)])
    after = np.maximum.reduce([np.where(index + d < n, shifted[d], low) for d in (1, 2, 3)])
    before[0:1] = none
    after[n - 1 :] = none
    return np.column_stack(
        [
            *(shifted[d] for d in CONTEXT_OFFSETS),
            lg,
            window_mean,
            before,
            after,
            np.full(n, doc_mean),
            np.minimum(before, after),
            in_block,
            block_share,
            in_main,
            np.log1p(dist),
            after_main,
            block_rank,
        ]
    )


def stage2_matrix(features: np.ndarray, p1: np.ndarray) -> np.ndarray:
    """Stage-1 features followed by the context of stage-1 scores."""
    n_words = np.rint(np.expm1(features[:, 0])) if len(features) else np.zeros(0)  # log_words is the first feature
    return np.hstack([features, context_matrix(p1, n_words)]) if len(features) else np.zeros((0, 0))


def stage2_rows(features: list[list[float]], p1: Sequence[float]) -> list[list[float]]:
    """:func:`stage2_matrix` as lists, for training."""
    return stage2_matrix(np.asarray(features, dtype=float), np.asarray(p1, dtype=float)).tolist()


def score_lines(lines: Sequence[str], stop: frozenset[str], model: LineModel) -> list[float]:
    """Probability that each line is body text."""
    if not lines:
        return []
    features = document_matrix(lines, stop)
    p1 = model.stage1.predict_matrix(features)
    return model.stage2.predict_matrix(stage2_matrix(features, p1)).tolist()

"""The scores newsclean is judged by (see the data README): body, authors, date.

Body: the article-extraction-benchmark metric. Tokens are ``\\w+`` matches; each
text becomes a multiset of 4-token shingles; per document TP/FP/FN are the
shared, extra and missed shingles; precision and recall are averaged over
documents and F1 is the harmonic mean of those averages.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_TOKEN = regex.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text`` (whole text if shorter)."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def body_precision_recall(predicted: str, truth: str) -> tuple[float, float]:
    """Per-document shingle precision and recall."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    n_pred, n_true = sum(pred.values()), sum(true.values())
    if n_pred == 0 and n_true == 0:
        return 1.0, 1.0
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    return precision, recall


def normalise_name(name: str) -> str:
    """Case-folded, accents and punctuation stripped, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_TOKEN.findall(no_accents))


def author_precision_recall(predicted: Iterable[str], truth: Iterable[str]) -> tuple[float, float]:
    """Per-document precision and recall of the set of normalised names."""
    pred = {normalise_name(n) for n in predicted if normalise_name(n)}
    true = {normalise_name(n) for n in truth if normalise_name(n)}
    if not true:
        return (1.0 if not pred else 0.0), 1.0
    tp = len(pred & true)
    precision = tp / len(pred) if pred else 0.0
    return precision, tp / len(true)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Scores:
    """Averages over a set of cases, in the benchmark's definitions."""

    body_precision: float
    body_recall: float
    body_f1: float
    body_docs: int
    author_precision: float
    author_recall: float
    author_f1: float
    author_docs: int
    date_accuracy: float
    date_docs: int

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def score_cases(
    predictions: list[dict],
    truths: list[dict],
) -> Scores:
    """Score predictions ``{"text", "authors", "date"}`` against truths in the case format.

    Authors are scored over documents whose truth has authors, dates over
    documents whose truth has a date; a missing prediction counts as wrong.
    """
    body_p, body_r, auth_p, auth_r, dates = [], [], [], [], []
    for pred, truth in zip(predictions, truths, strict=True):
        if truth.get("body") is not None:
            p, r = body_precision_recall(pred.get("text") or "", truth["body"])
            body_p.append(p)
            body_r.append(r)
        if truth.get("authors"):
            p, r = author_precision_recall(pred.get("authors") or [], truth["authors"])
            auth_p.append(p)
            auth_r.append(r)
        if truth.get("date"):
            dates.append(float(str(pred.get("date") or "")[:10] == truth["date"][:10]))
    bp, br, ap, ar = _mean(body_p), _mean(body_r), _mean(auth_p), _mean(auth_r)
    return Scores(bp, br, f1(bp, br), len(body_p), ap, ar, f1(ap, ar), len(auth_p), _mean(dates), len(dates))

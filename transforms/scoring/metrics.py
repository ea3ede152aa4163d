"""The scores newsclean is judged by, as the data README defines them.

Body: the article-extraction-benchmark metric. Tokens are ``\\w+`` matches; each
text becomes a multiset of 4-token shingles; per document TP/FP/FN are the
shared, extra and missed shingles; precision and recall are averaged over
documents and F1 is the harmonic mean of those averages.

Snippets (where no body is annotated): trafilatura's evaluation. A ``with``
snippet found in the text is a true positive, one missing a false negative; a
``without`` snippet found is a false positive; counted over all pages.

Headline: the title equals the truth's, casefolded and without punctuation.
Credits: ``authors`` plus ``agency`` against every true name; people-only
authors: ``authors`` against the true names that are people (not a single
word, no word of wire services, outlets or desks), the same rule applied to
both sides. Dates: exact day, and within one day.

:func:`score_case` gives one page's row (so a regression can be traced to its
page); :func:`aggregate` averages rows into :class:`Scores`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields

import regex

_TOKEN = regex.compile(r"\w+")
_SPACE = regex.compile(r"\s+")
SHINGLE = 4

# The data README's words that make a credited name a wire, an outlet or a desk.
NOT_PEOPLE_WORDS = frozenset(
    "press presse agentur agency agence agencia agenzia redaktion redaction redaccion redazione redactie staff "
    "team news nachrichten noticias online media medien zeitung times post journal magazin magazine tv radio "
    "verlag gmbh inc ltd desk editorial reuters afp dpa ap apa sid kna epd ansa efe bloomberg red agenturen wire "
    "newsroom reporter".split()
)


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


def normalise_title(title: str) -> str:
    """Case-folded words without punctuation (accents kept): how headlines are compared."""
    return " ".join(_TOKEN.findall((title or "").casefold()))


def is_person(name: str) -> bool:
    """The data README's people-only rule: two words or more, none of a wire, outlet or desk."""
    words = normalise_name(name).split()
    return len(words) >= 2 and not NOT_PEOPLE_WORDS.intersection(words)


def author_precision_recall(predicted: Iterable[str], truth: Iterable[str]) -> tuple[float, float]:
    """Per-document precision and recall of the set of normalised names."""
    pred = {normalise_name(n) for n in predicted if normalise_name(n)}
    true = {normalise_name(n) for n in truth if normalise_name(n)}
    if not true:
        return (1.0 if not pred else 0.0), 1.0
    tp = len(pred & true)
    precision = tp / len(pred) if pred else 0.0
    return precision, tp / len(true)


def _snippets(values: Iterable[str] | None) -> list[str]:
    return [flat for s in values or () if (flat := _SPACE.sub(" ", s).strip())]


def snippet_misses(text: str, with_: Iterable[str] | None, without: Iterable[str] | None) -> tuple[list, list]:
    """The ``with`` snippets missing from ``text`` and the ``without`` snippets found in it."""
    flat = _SPACE.sub(" ", text or "")
    return [s for s in _snippets(with_) if s not in flat], [s for s in _snippets(without) if s in flat]


def snippet_counts(text: str, with_: Iterable[str] | None, without: Iterable[str] | None) -> tuple[int, int, int, int]:
    """``(with found, with total, without found, without total)`` after whitespace normalisation."""
    wanted, unwanted = _snippets(with_), _snippets(without)
    missed, leaked = snippet_misses(text, wanted, unwanted)
    return len(wanted) - len(missed), len(wanted), len(leaked), len(unwanted)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def score_case(pred: dict, truth: dict) -> dict[str, float | int]:
    """One page's scores: only the keys its truth annotates.

    ``pred`` is ``{"text", "title", "authors", "agency", "date"}`` (missing keys
    count as empty); ``truth`` is a case in the data README's format.
    """
    row: dict[str, float | int] = {}
    text = pred.get("text") or ""
    if truth.get("body") is not None:
        row["body_precision"], row["body_recall"] = body_precision_recall(text, truth["body"])
    if truth.get("with") or truth.get("without"):
        found, total, leaked, total_without = snippet_counts(text, truth.get("with"), truth.get("without"))
        row.update(with_found=found, with_total=total, without_found=leaked, without_total=total_without)
    if truth.get("title"):
        row["title_ok"] = float(normalise_title(pred.get("title") or "") == normalise_title(truth["title"]))
    names = [n for n in truth.get("authors") or () if normalise_name(n)]
    if names:
        authors = list(pred.get("authors") or ())
        row["author_precision"], row["author_recall"] = author_precision_recall(authors, names)
        credits = authors + ([pred["agency"]] if pred.get("agency") else [])
        row["credit_precision"], row["credit_recall"] = author_precision_recall(credits, names)
        people = [n for n in names if is_person(n)]
        if people:
            row["people_precision"], row["people_recall"] = author_precision_recall(
                [n for n in authors if is_person(n)], people
            )
    true_day = _day(truth.get("date"))
    if true_day:
        day = _day(pred.get("date"))
        row["date_ok"] = float(day == true_day)
        row["date_within_day"] = float(day is not None and abs((day - true_day).days) <= 1)
    return row


@dataclass
class Scores:
    """Averages over a set of cases, in the data README's definitions (0.0 where nothing was annotated)."""

    body_precision: float = 0.0
    body_recall: float = 0.0
    body_f1: float = 0.0
    body_docs: int = 0
    snippet_precision: float = 0.0
    snippet_recall: float = 0.0
    snippet_f1: float = 0.0
    snippet_docs: int = 0
    title_accuracy: float = 0.0
    title_docs: int = 0
    author_precision: float = 0.0
    author_recall: float = 0.0
    author_f1: float = 0.0
    author_docs: int = 0
    credit_precision: float = 0.0
    credit_recall: float = 0.0
    credit_f1: float = 0.0
    people_precision: float = 0.0
    people_recall: float = 0.0
    people_f1: float = 0.0
    people_docs: int = 0
    date_accuracy: float = 0.0
    date_within_day: float = 0.0
    date_docs: int = 0

    def as_dict(self) -> dict[str, float | int]:
        return {f.name: round(v, 4) if isinstance(v := getattr(self, f.name), float) else v for f in fields(self)}


def _mean(rows: list[dict], key: str) -> tuple[float, int]:
    values = [row[key] for row in rows if key in row]
    return (sum(values) / len(values) if values else 0.0), len(values)


def aggregate(rows: list[dict]) -> Scores:
    """Average per-page rows of :func:`score_case`; snippets are counted over all pages."""
    s = Scores()
    s.body_precision, s.body_docs = _mean(rows, "body_precision")
    s.body_recall, _ = _mean(rows, "body_recall")
    s.body_f1 = f1(s.body_precision, s.body_recall)
    tp = sum(row.get("with_found", 0) for row in rows)
    fn = sum(row.get("with_total", 0) for row in rows) - tp
    fp = sum(row.get("without_found", 0) for row in rows)
    s.snippet_docs = sum("with_total" in row for row in rows)
    s.snippet_precision = tp / (tp + fp) if tp + fp else 0.0
    s.snippet_recall = tp / (tp + fn) if tp + fn else 0.0
    s.snippet_f1 = f1(s.snippet_precision, s.snippet_recall)
    s.title_accuracy, s.title_docs = _mean(rows, "title_ok")
    for prefix in ("author", "credit", "people"):
        precision, docs = _mean(rows, f"{prefix}_precision")
        recall, _ = _mean(rows, f"{prefix}_recall")
        setattr(s, f"{prefix}_precision", precision)
        setattr(s, f"{prefix}_recall", recall)
        setattr(s, f"{prefix}_f1", f1(precision, recall))
        if prefix != "credit":
            setattr(s, f"{prefix}_docs", docs)
    s.date_accuracy, s.date_docs = _mean(rows, "date_ok")
    s.date_within_day, _ = _mean(rows, "date_within_day")
    return s


def score_cases(predictions: list[dict], truths: list[dict]) -> Scores:
    """Score predictions against truths in the case format (see :func:`score_case`)."""
    return aggregate([score_case(p, t) for p, t in zip(predictions, truths, strict=True)])

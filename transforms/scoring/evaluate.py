"""Scoring newsclean against trafilatura alone on a folder of cases.

The case format is the data README's (``../shared/data/README.md``): for each
case ``<id>.html.gz`` (or ``<id>.html``) is the page and ``<id>.json`` the truth
(``body``, ``authors``, ``date`` ...). Both systems see the same bytes and the
same URL (the truth's ``url``, as a crawler would know it), in the same run, and
are scored by :func:`newsclean.transforms.scoring.metrics.score_cases`.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newsclean.schemas.records import Article, RawDocument
from newsclean.transforms.document import process_document
from newsclean.transforms.scoring.metrics import Scores, score_cases

NEWSCLEAN = "newsclean"
TRAFILATURA = "trafilatura"
_EMPTY = {"text": "", "authors": [], "date": None}


@dataclass(frozen=True)
class Case:
    """One page and its truth."""

    case_id: str
    path: str
    html: bytes
    truth: dict


def load_cases(cases_dir: str, limit: int | None = None) -> list[Case]:
    """Every case in ``cases_dir``, sorted by id; ``.json`` files without a page are skipped."""
    cases: list[Case] = []
    for name in sorted(os.listdir(cases_dir)):
        if not name.endswith(".json"):
            continue
        case_id = name[: -len(".json")]
        base = os.path.join(cases_dir, case_id)
        if os.path.exists(base + ".html.gz"):
            path = base + ".html.gz"
            with gzip.open(path, "rb") as handle:
                html = handle.read()
        elif os.path.exists(base + ".html"):
            path = base + ".html"
            with open(path, "rb") as handle:
                html = handle.read()
        else:
            continue
        with open(base + ".json", encoding="utf-8") as handle:
            truth = json.load(handle)
        cases.append(Case(case_id, path, html, truth))
        if limit is not None and len(cases) >= limit:
            break
    return cases


def predict_newsclean(case: Case, now: dt.datetime | None = None) -> dict:
    """newsclean's article for the page, as a prediction ``{"text", "authors", "date"}``."""
    raw = RawDocument(
        source_uri=case.path, data=case.html, source_format="html", url=case.truth.get("url"), content_type="html"
    )
    result = process_document(raw, now=now)
    if not isinstance(result, Article):
        return dict(_EMPTY)
    day = result.published_date
    return {"text": result.text, "authors": list(result.authors), "date": day.isoformat() if day else None}


def predict_trafilatura(case: Case) -> dict:
    """trafilatura alone, as people run it: ``extract(..., with_metadata=True)``."""
    import trafilatura

    output = trafilatura.extract(case.html, url=case.truth.get("url"), output_format="json", with_metadata=True)
    if not output:
        return dict(_EMPTY)
    found = json.loads(output)
    authors = [a.strip() for a in (found.get("author") or "").split(";") if a.strip()]
    return {"text": found.get("text") or "", "authors": authors, "date": found.get("date")}


SYSTEMS: dict[str, Callable[[Case], dict]] = {NEWSCLEAN: predict_newsclean, TRAFILATURA: predict_trafilatura}


@dataclass
class SystemResult:
    """One system's scores and how long its predictions took."""

    scores: Scores
    seconds: float


def evaluate(cases: list[Case], systems: Iterable[str] = (NEWSCLEAN, TRAFILATURA)) -> dict[str, SystemResult]:
    """Each named system's scores on ``cases``, measured one after the other in this run."""
    truths = [case.truth for case in cases]
    results: dict[str, SystemResult] = {}
    for name in systems:
        predict = SYSTEMS[name]
        started = time.perf_counter()
        predictions = [predict(case) for case in cases]
        seconds = time.perf_counter() - started
        results[name] = SystemResult(score_cases(predictions, truths), seconds)
    return results


_ROWS = (
    ("body precision", "body_precision"),
    ("body recall", "body_recall"),
    ("body F1", "body_f1"),
    ("authors precision", "author_precision"),
    ("authors recall", "author_recall"),
    ("authors F1", "author_f1"),
    ("date accuracy", "date_accuracy"),
)


def format_table(results: dict[str, SystemResult], n_cases: int) -> str:
    """The scores side by side, with the difference when two systems ran."""
    names = list(results)
    header = f"{'':20s}" + "".join(f"{n:>14s}" for n in names)
    if len(names) == 2:
        header += f"{'difference':>14s}"
    lines = [f"{n_cases} cases", header]
    for label, key in _ROWS:
        values = [getattr(results[n].scores, key) for n in names]
        line = f"{label:20s}" + "".join(f"{v:14.4f}" for v in values)
        if len(values) == 2:
            line += f"{values[0] - values[1]:+14.4f}"
        lines.append(line)
    counts = results[names[0]].scores
    lines.append(
        f"{'documents scored':20s}body {counts.body_docs}, authors {counts.author_docs}, dates {counts.date_docs}"
    )
    lines.append(f"{'seconds':20s}" + "".join(f"{results[n].seconds:14.1f}" for n in names))
    return "\n".join(lines)


def results_as_json(results: dict[str, SystemResult], cases_dir: str, n_cases: int) -> dict:
    """What ``newsclean eval --json`` writes."""
    return {
        "cases_dir": cases_dir,
        "cases": n_cases,
        "systems": {name: {**r.scores.as_dict(), "seconds": round(r.seconds, 2)} for name, r in results.items()},
    }

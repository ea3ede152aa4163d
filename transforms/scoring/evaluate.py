"""Scoring newsclean against trafilatura alone on a folder of cases.

The case format is the data README's (``../shared/data/README.md``): for each
case ``<id>.html.gz`` (or ``<id>.html``) is the page and ``<id>.json`` the truth
(``body``, ``authors``, ``date`` ...). Both systems see the same bytes and the
same URL (the truth's ``url``, as a crawler would know it), in the same run, and
are scored by :mod:`newsclean.transforms.scoring.metrics`, page by page, so
``--json`` can say which page a change won or lost.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsclean.schemas.records import Article, RawDocument
from newsclean.transforms.document import process_document
from newsclean.transforms.scoring.metrics import Scores, aggregate, score_case, snippet_misses

NEWSCLEAN = "newsclean"
TRAFILATURA = "trafilatura"
_EMPTY = {"text": "", "title": None, "authors": [], "agency": None, "date": None}


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
    """newsclean's article for the page, as a prediction ``{"text", "title", "authors", "agency", "date"}``."""
    raw = RawDocument(
        source_uri=case.path, data=case.html, source_format="html", url=case.truth.get("url"), content_type="html"
    )
    result = process_document(raw, now=now)
    if not isinstance(result, Article):
        return dict(_EMPTY)
    day = result.published_date
    return {
        "text": result.text,
        "title": result.title,
        "authors": list(result.authors),
        "agency": result.agency,
        "date": day.isoformat() if day else None,
    }


def predict_trafilatura(case: Case) -> dict:
    """trafilatura alone, as people run it: ``extract(..., with_metadata=True)``."""
    import trafilatura

    output = trafilatura.extract(case.html, url=case.truth.get("url"), output_format="json", with_metadata=True)
    if not output:
        return dict(_EMPTY)
    found = json.loads(output)
    authors = [a.strip() for a in (found.get("author") or "").split(";") if a.strip()]
    return {
        "text": found.get("text") or "",
        "title": found.get("title"),
        "authors": authors,
        "agency": None,
        "date": found.get("date"),
    }


SYSTEMS: dict[str, Callable[[Case], dict]] = {NEWSCLEAN: predict_newsclean, TRAFILATURA: predict_trafilatura}


@dataclass
class SystemResult:
    """One system's scores, how long its predictions took, and per page what it said and scored."""

    scores: Scores
    seconds: float
    pages: list[dict] = field(default_factory=list)


def evaluate(cases: list[Case], systems: Iterable[str] = (NEWSCLEAN, TRAFILATURA)) -> dict[str, SystemResult]:
    """Each named system's scores on ``cases``, measured one after the other in this run."""
    results: dict[str, SystemResult] = {}
    for name in systems:
        predict = SYSTEMS[name]
        started = time.perf_counter()
        predictions = [predict(case) for case in cases]
        seconds = time.perf_counter() - started
        pages = [page_row(case, pred) for case, pred in zip(cases, predictions, strict=True)]
        results[name] = SystemResult(aggregate([p["scores"] for p in pages]), seconds, pages)
    return results


def page_row(case: Case, pred: dict) -> dict:
    """What ``--json`` writes per page and system: the prediction's fields, its scores, the snippets it got wrong."""
    missed, leaked = snippet_misses(pred.get("text") or "", case.truth.get("with"), case.truth.get("without"))
    return {
        "id": case.case_id,
        "title": pred.get("title"),
        "authors": pred.get("authors") or [],
        "agency": pred.get("agency"),
        "date": pred.get("date"),
        "words": len((pred.get("text") or "").split()),
        "scores": {k: round(v, 4) if isinstance(v, float) else v for k, v in score_case(pred, case.truth).items()},
        "with_missed": missed,
        "without_found": leaked,
    }


_ROWS = (
    ("body precision", "body_precision"),
    ("body recall", "body_recall"),
    ("body F1", "body_f1"),
    ("snippet precision", "snippet_precision"),
    ("snippet recall", "snippet_recall"),
    ("snippet F1", "snippet_f1"),
    ("headline accuracy", "title_accuracy"),
    ("authors precision", "author_precision"),
    ("authors recall", "author_recall"),
    ("authors F1", "author_f1"),
    ("credits F1", "credit_f1"),
    ("people precision", "people_precision"),
    ("people recall", "people_recall"),
    ("people F1", "people_f1"),
    ("date accuracy", "date_accuracy"),
    ("date within a day", "date_within_day"),
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
        f"{'documents scored':20s}body {counts.body_docs}, snippets {counts.snippet_docs}, "
        f"headlines {counts.title_docs}, authors {counts.author_docs}, people {counts.people_docs}, "
        f"dates {counts.date_docs}"
    )
    lines.append(f"{'seconds':20s}" + "".join(f"{results[n].seconds:14.1f}" for n in names))
    return "\n".join(lines)


def results_as_json(results: dict[str, SystemResult], cases_dir: str, n_cases: int) -> dict:
    """What ``newsclean eval --json`` writes: the scores, and per system one row per page."""
    return {
        "cases_dir": cases_dir,
        "cases": n_cases,
        "systems": {name: {**r.scores.as_dict(), "seconds": round(r.seconds, 2)} for name, r in results.items()},
        "pages": {name: r.pages for name, r in results.items()},
    }

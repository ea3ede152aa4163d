"""Train the line classifier on naive-text cases and measure it honestly.

Each case's naive text (``benchmarks.naive_text``) goes through the named rules
(``newsclean.transforms.cleaning.clean.rule_cleaned``); every remaining line is labelled body when
most of its word 4-grams are in the truth ``body`` (short lines: when its words
appear there in order). A case without a body (trafilatura-eval: ``with`` and
``without`` snippets only) is labelled against the HTML path's own clean text of
its page (``newsclean.process(html, format="html")``), and then a line holding a
``without`` snippet is boilerplate and one holding a ``with`` snippet body, whatever
that text says. Two logistic regressions are fitted with numpy (Newton's
method, L2): stage 1 on line features, stage 2 on the same plus stage-1 scores of
the neighbouring lines, taken out of fold so stage 2 never sees scores of lines
stage 1 was trained on. Lines are weighted by their words, and each document
sums to one, as in the per-document averaged metric.

    python -m benchmarks.train_lines [DATA_DIR ...] [--folds 5] [--out transforms/data/line_model.json]

The shipped model is trained on wcxb-dev and trafilatura-eval together (the
default). ``--folds K`` first reports site-grouped K-fold scores (every page of a
site in the same fold) for each folder, the figure to quote; then the model is
fitted on all cases and written as small JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from benchmarks.naive_text import DEFAULT_DATA, load_cases
from newsclean.schemas.records import Article
from newsclean.transforms.cleaning.classify import CONTEXT_NAMES, MODEL_PATH, LineModel, Logistic, stage2_rows
from newsclean.transforms.cleaning.clean import clean_text, rule_cleaned
from newsclean.transforms.cleaning.language import detect_language, stopwords
from newsclean.transforms.cleaning.linefeatures import FEATURE_NAMES, document_features
from newsclean.transforms.scoring.metrics import Scores, score_cases, shingles
from newsclean.transforms.text import words

DEFAULT_SETS = (DEFAULT_DATA, DEFAULT_DATA.parent / "trafilatura-eval")
L2 = 1.0
LABEL_SHARE = 0.5  # share of a line's 4-grams that must be in the truth for it to count as body


@dataclass
class Doc:
    site: str
    lines: list[str]
    features: list[list[float]]
    labels: list[int]
    weights: list[float]
    truth: dict
    naive: str  # the text cleaned: the naive page, or the truth body itself
    kind: str = "naive"
    source: str = ""  # the data folder's name


def label_lines(lines: list[str], body: str) -> list[int]:
    """1 for a line whose text is in the truth body, else 0."""
    truth_sh = shingles(body)
    truth_tokens = " " + " ".join(words(body)) + " "
    labels = []
    for line in lines:
        tokens = words(line)
        if len(tokens) >= 4:
            line_sh = shingles(line)
            share = sum((line_sh & truth_sh).values()) / sum(line_sh.values())
            labels.append(int(share >= LABEL_SHARE))
        else:
            labels.append(int(bool(tokens) and f" {' '.join(tokens)} " in truth_tokens))
    return labels


def snippet_labels(lines: list[str], labels: list[int], truth: dict) -> list[int]:
    """``labels`` with a line holding a ``without`` snippet made boilerplate and one holding a ``with`` snippet body."""
    without = [" ".join(s.split()) for s in truth.get("without") or () if s.strip()]
    with_ = [" ".join(s.split()) for s in truth.get("with") or () if s.strip()]
    out = list(labels)
    for i, line in enumerate(lines):
        flat = " ".join(line.split())
        if any(s in flat for s in without):
            out[i] = 0
        elif any(s in flat for s in with_):
            out[i] = 1
    return out


def site_of(url: str) -> str:
    """The site a case's page is from: its host without ``www.``, the archived page's host for a
    web.archive.org copy, and the leading host-like part of trafilatura-eval's ``hard::host-name.html`` ids."""
    url = url.removeprefix("x")
    archived = url.find("/http", 8)
    if "web.archive.org" in url and archived > 0:
        url = url[archived + 1 :]
    if "::" in url and not url.startswith("http"):
        host = url.split("::", 1)[1]
        return host[: len(host) - len(host.lstrip("abcdefghijklmnopqrstuvwxyz0123456789.-"))].split("-")[0]
    return urlparse(url).netloc.removeprefix("www.")


def make_doc(naive: str, truth: dict, today: dt.date, kind: str = "naive", body: str | None = None) -> Doc:
    """One labelled document; ``body`` is the text the labels come from (the truth ``body`` by default)."""
    lines, _ = rule_cleaned(naive, today=today)
    stop = stopwords(detect_language("\n".join(lines)))
    n_words = [len(words(line)) + 1 for line in lines]
    total = sum(n_words) or 1
    body = truth["body"] if body is None else body
    labels = [1] * len(lines) if kind == "truth" else snippet_labels(lines, label_lines(lines, body), truth)
    return Doc(
        site=site_of(truth.get("url") or ""),
        lines=lines,
        features=document_features(lines, stop),
        labels=labels,
        weights=[n / total for n in n_words],
        truth=truth,
        naive=naive,
        kind=kind,
    )


def html_path_text(html_path: Path, url: str | None) -> str:
    """The HTML path's clean text of a page: the labels of a case without a truth body."""
    import newsclean

    result = newsclean.process(gzip.decompress(html_path.read_bytes()), format="html", url=url)
    return result.text if isinstance(result, Article) else ""


def load_labelled(data: Path, limit: int | None = None) -> list[tuple[str, str, dict]]:
    """A folder's cases with the text their labels come from: the truth ``body``, or for a case with
    snippets only the HTML path's clean text of the page (kept in the truth as ``body_from_html``)."""
    cases = []
    for case_id, naive, truth in load_cases(data, limit):
        if truth.get("body") is None:
            text = html_path_text(data / f"{case_id}.html.gz", truth.get("url"))
            if not text:
                continue
            truth = {**truth, "body_from_html": text}
        cases.append((case_id, naive, truth))
    return cases


def make_docs(cases: list[tuple[str, str, dict]], today: dt.date, source: str = "") -> list[Doc]:
    """Each case twice: its naive text, and its clean truth body, where every line is body.

    The clean copies teach the model that a document of prose keeps its first
    line and its headings: the line classifier must not hurt text that is
    already clean (HTML extractor output, clean feeds). A case without a truth
    body uses the HTML path's clean text for both.
    """
    docs = []
    for _, naive, truth in cases:
        body = truth["body"] if truth.get("body") is not None else truth["body_from_html"]
        docs.append(make_doc(naive, truth, today, body=body))
        clean = {**truth, "body": body} if truth.get("body") is None else truth
        docs.append(make_doc(body, clean, today, kind="truth", body=body))
    for doc in docs:
        doc.source = source
    return docs


def load_docs(folders: list[Path], today: dt.date, limit: int | None = None) -> list[Doc]:
    """The labelled documents of every folder, each tagged with its folder's name."""
    return [doc for data in folders for doc in make_docs(load_labelled(data, limit), today, data.name)]


def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: list[str], l2: float = L2) -> Logistic:
    """Weighted L2 logistic regression on standardised features, by Newton's method."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    z = np.hstack([z, np.ones((len(z), 1))])
    w = w / w.sum() * len(w)
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[-1] = 0.0
    sub = np.arange(0, len(z), max(1, len(z) // 60000))  # the Hessian from a sample: same steps, far cheaper
    zs = z[sub].astype(np.float32)
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (w * (p - y)) + penalty * beta
        curvature = (w * p * (1 - p))[sub] * (len(z) / len(sub))
        hess = (zs * curvature[:, None].astype(np.float32)).T.astype(np.float64) @ zs + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-4:
            break
    return Logistic(
        names=tuple(names),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(round(float(v), 6) for v in beta[:-1]),
        bias=float(beta[-1]),
    )


def predict(model: Logistic, rows: list[list[float]]) -> list[float]:
    """The model's scores of training rows, as cleaning computes them."""
    return model.predict_matrix(np.asarray(rows, dtype=float).reshape(len(rows), len(model.names))).tolist()


def _stack(docs: list[Doc], rows: list[list[list[float]]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.array([r for doc_rows in rows for r in doc_rows], dtype=float)
    y = np.array([label for d in docs for label in d.labels], dtype=float)
    w = np.array([weight for d in docs for weight in d.weights], dtype=float)
    return x, y, w


def _fold_of(site: str, folds: int) -> int:
    """A stable fold per site, so a site's pages never sit on both sides."""
    return int(hashlib.blake2b(site.encode(), digest_size=4).hexdigest(), 16) % folds


def train(docs: list[Doc], inner_folds: int = 3) -> LineModel:
    """Fit both stages; stage 2 learns from out-of-fold stage-1 scores."""
    docs = [d for d in docs if d.lines]
    x1, y, w = _stack(docs, [d.features for d in docs])
    stage1 = fit_logistic(x1, y, w, FEATURE_NAMES)
    oof: list[list[float]] = [[] for _ in docs]
    for k in range(inner_folds):
        train_docs = [d for d in docs if _fold_of(d.site + "#inner", inner_folds) != k]
        xk, yk, wk = _stack(train_docs, [d.features for d in train_docs])
        model_k = fit_logistic(xk, yk, wk, FEATURE_NAMES)
        for i, d in enumerate(docs):
            if _fold_of(d.site + "#inner", inner_folds) == k:
                oof[i] = predict(model_k, d.features)
    x2, _, _ = _stack(docs, [stage2_rows(d.features, p) for d, p in zip(docs, oof, strict=True)])
    stage2 = fit_logistic(x2, y, w, FEATURE_NAMES + CONTEXT_NAMES)
    sources = sorted({d.source for d in docs if d.source})
    return LineModel(stage1, stage2, 0.5, {"docs": len(docs), "lines": len(y), "l2": L2, "sets": sources})


def score_with(model: LineModel | None, docs: list[Doc], today: dt.date) -> Scores:
    preds = [
        {"text": clean_text(d.naive, today=today, classify=model is not None, line_model=model).text} for d in docs
    ]
    return score_cases(preds, [d.truth for d in docs])


def cross_validate_docs(docs: list[Doc], folds: int, today: dt.date) -> dict[str, tuple[Scores, Scores]]:
    """Per folder: held-out scores on the naive texts, and on the clean truth bodies (the recall they keep)."""
    preds: list[dict] = [{} for _ in docs]
    for k in range(folds):
        model = train([d for d in docs if _fold_of(d.site, folds) != k])
        for i, d in enumerate(docs):
            if _fold_of(d.site, folds) == k:
                preds[i] = {"text": clean_text(d.naive, today=today, line_model=model).text}
    out = {}
    for source in dict.fromkeys(d.source for d in docs):
        by_kind = []
        for kind in ("naive", "truth"):
            picked = [i for i, d in enumerate(docs) if d.kind == kind and d.source == source]
            by_kind.append(score_cases([preds[i] for i in picked], [docs[i].truth for i in picked]))
        out[source] = (by_kind[0], by_kind[1])
    return out


def held_out(data: Path, folds: int, today: dt.date, limit: int | None = None) -> tuple[Scores, Scores]:
    """``data``'s site-grouped held-out scores, the model trained as the shipped one (on every default folder)."""
    folders = list(dict.fromkeys([*(p.resolve() for p in DEFAULT_SETS if p.exists()), data.resolve()]))
    return cross_validate_docs(load_docs(folders, today, limit), folds, today)[data.resolve().name]


def _fmt_scores(scores: Scores) -> str:
    if scores.body_docs:
        return f"body P {scores.body_precision:.3f}  R {scores.body_recall:.3f}  F1 {scores.body_f1:.3f}"
    return f"snippets P {scores.snippet_precision:.4f}  R {scores.snippet_recall:.4f}  F1 {scores.snippet_f1:.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", nargs="*", type=Path, default=list(DEFAULT_SETS))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    today = dt.date.today()
    docs = load_docs(args.data, today, args.limit)
    for source in dict.fromkeys(d.source for d in docs):
        labels = [label for d in docs if d.kind == "naive" and d.source == source for label in d.labels]
        n_cases = sum(d.kind == "naive" and d.source == source for d in docs)
        print(f"{source}: {n_cases} cases, {len(labels)} naive lines, {sum(labels) / len(labels):.1%} labelled body")
    if args.folds:
        for source, (naive, truth_kept) in cross_validate_docs(docs, args.folds, today).items():
            print(
                f"{source}: {args.folds}-fold by site, held out: {_fmt_scores(naive)}; "
                f"clean bodies keep recall {truth_kept.body_recall:.4f}"
            )
    model = train(docs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Charsets and mojibake: the same page in other encodings must give the same article.

    python -m benchmarks.reencode [--data DIR ...] [--limit N] [--jobs J]

Each page (``<id>.html.gz`` of a case folder, default wcxb-dev and trafilatura-eval) is
decoded as the pipeline reads it, its charset declarations are replaced by a UTF-8 one and
the result goes through ``newsclean.process``: that article is the reference. The same page
is then re-encoded four ways, and each must give the reference's text and title:

(a) ``labelled``: the legacy charset of its script, chosen by the characters the text uses
    (windows-1252 for Western Latin, windows-1250 Central European, windows-1251 Cyrillic,
    gbk Chinese, shift_jis Japanese, euc-kr Korean ...), named in a ``<meta charset>``;
(b) ``unlabelled``: the same legacy bytes with no declaration anywhere;
(c) ``wrong label``: the UTF-8 bytes under a wrong legacy label (the script's legacy
    charset, ``iso-8859-15`` for Western Latin);
(d) ``utf-16``: UTF-16 with a BOM under a wrong ``utf-8`` meta.

A page holding characters its legacy charset lacks is left out of (a) and (b) (counted).

Then the naive texts of the pages (``benchmarks.naive_text``, see docs/PLAINTEXT.md) are
double-encoded, as a scraper that reads UTF-8 as windows-1252 leaves them (``it’s`` as
``itâ€™s``), and both the clean and the damaged copies go through the text path: their
body F1 against the truth must agree within 0.01, with no reject.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from benchmarks.common import REPO

DEFAULT_SETS = (REPO.parent / "shared" / "data" / "wcxb-dev", REPO.parent / "shared" / "data" / "trafilatura-eval")
WAYS = ("labelled", "unlabelled", "wrong label", "utf-16")

# Characters that pick a legacy charset, checked in this order (the first script the text uses wins).
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GREEK = re.compile(r"[\u0370-\u03ff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HEBREW = re.compile(r"[\u0590-\u05ff]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_TURKISH = re.compile(r"[ğĞıİşŞ]")
_BALTIC = re.compile(r"[āĀēĒīĪūŪķĶļĻņŅģĢėĖįĮųŲ]")
_CENTRAL = re.compile(r"[łŁąĄęĘśŚźŹżŻćĆńŃőŐűŰčČřŘšŠžŽěĚůŮťŤďĎňŇĺĹľĽ]")
_SCRIPTS = (
    (_KANA, "shift_jis", "shift_jis"),
    (_HANGUL, "euc-kr", "cp949"),
    (_HAN, "gbk", "gbk"),
    (_CYRILLIC, "windows-1251", "cp1251"),
    (_GREEK, "windows-1253", "cp1253"),
    (_ARABIC, "windows-1256", "cp1256"),
    (_HEBREW, "windows-1255", "cp1255"),
    (_THAI, "windows-874", "cp874"),
    (_TURKISH, "windows-1254", "cp1254"),
    (_BALTIC, "windows-1257", "cp1257"),
    (_CENTRAL, "windows-1250", "cp1250"),
)
WESTERN = ("windows-1252", "cp1252")

# Every charset declaration a page can carry: <meta charset>, http-equiv Content-Type, the XML declaration.
_DECLARATIONS = re.compile(
    r"""<meta\b[^<>]*?charset\s*=[^<>]*>|<\?xml[^<>]*\?>""",
    re.I,
)
_HEAD = re.compile(r"<head\b[^<>]*>", re.I)


def legacy_charset(text: str) -> tuple[str, str]:
    """``(label, Python codec)`` of the legacy charset a page in this script would have used."""
    for pattern, label, codec in _SCRIPTS:
        if pattern.search(text):
            return label, codec
    return WESTERN


def relabel(html: str, label: str | None) -> str:
    """``html`` with every charset declaration removed and, when ``label``, one ``<meta charset>`` for it."""
    html = _DECLARATIONS.sub("", html)
    if label is None:
        return html
    meta = f'<meta charset="{label}">'
    head = _HEAD.search(html)
    if head:
        return html[: head.end()] + meta + html[head.end() :]
    return meta + html


def true_text(data: bytes) -> str:
    """The page's text as the pipeline reads it."""
    from newsclean.schemas.records import RawDocument
    from newsclean.transforms.document import decode_document

    return decode_document(RawDocument("p.html", data, "html", content_type="html"))


def variants(html: str) -> dict[str, bytes | None]:
    """The four re-encodings of a page (None: its legacy charset cannot hold it)."""
    label, codec = legacy_charset(html)
    try:
        legacy_labelled = relabel(html, label).encode(codec)
        legacy_bare = relabel(html, None).encode(codec)
    except UnicodeEncodeError:
        legacy_labelled = legacy_bare = None
    wrong = "iso-8859-15" if label == WESTERN[0] else label
    return {
        "labelled": legacy_labelled,
        "unlabelled": legacy_bare,
        "wrong label": relabel(html, wrong).encode("utf-8"),
        "utf-16": relabel(html, "utf-8").encode("utf-16"),  # Python's utf-16 writes a BOM
    }


def _article(data: bytes, url: str | None) -> tuple[str, str | None] | str:
    """``(text, title)``, or the reject's ``stage/error``."""
    import newsclean
    from newsclean.schemas.records import Article

    result = newsclean.process(data, format="html", url=url)
    if isinstance(result, Article):
        return result.text, result.title
    return f"{result.stage}/{result.error}"


def check_page(path: str) -> dict:
    """One page's results: per way None (left out), or ``(same text, same title, what came out)``."""
    html_path = Path(path)
    truth_path = html_path.with_name(html_path.name.removesuffix(".html.gz") + ".json")
    url = json.loads(truth_path.read_text(encoding="utf-8")).get("url") if truth_path.exists() else None
    from newsclean.transforms.errors import StageError

    try:
        html = true_text(gzip.decompress(html_path.read_bytes()))
    except StageError as exc:
        return {"page": html_path.name, "charset": "", "reference": f"{exc.stage}/{exc.error}"}
    reference = _article(relabel(html, "utf-8").encode("utf-8"), url)
    out: dict = {"page": html_path.name, "charset": legacy_charset(html)[0]}
    if isinstance(reference, str):
        out["reference"] = reference
        return out
    for way, data in variants(html).items():
        if data is None:
            out[way] = None
            continue
        got = _article(data, url)
        if isinstance(got, str):
            out[way] = (False, False, got)
        else:
            out[way] = (got[0] == reference[0], got[1] == reference[1], "")
    return out


def double_encode(text: str) -> str:
    """``text`` as a scraper that read its UTF-8 bytes as windows-1252 keeps it (undefined bytes as latin-1)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def _text_of(text: str) -> tuple[str, bool]:
    """The article text of ``text`` through the text path, and whether it was rejected."""
    import newsclean
    from newsclean.schemas.records import Article

    result = newsclean.process(text.encode("utf-8"), format="text")
    return (result.text, False) if isinstance(result, Article) else ("", True)


def check_naive(case: tuple[str, str, dict]) -> tuple[str, str, bool, bool, bool]:
    """``(clean text, double-encoded text, damaged, clean rejected, damaged rejected)``."""
    _case_id, naive, _truth = case
    damaged = double_encode(naive)
    clean, clean_rejected = _text_of(naive)
    repaired, repaired_rejected = _text_of(damaged)
    return clean, repaired, damaged != naive, clean_rejected, repaired_rejected


def _pages(sets: list[Path], limit: int | None) -> list[str]:
    pages: list[str] = []
    for folder in sets:
        found = sorted(str(p) for p in folder.glob("*.html.gz"))
        pages.extend(found[:limit] if limit else found)
    return pages


def report_pages(results: list[dict]) -> None:
    references = [r for r in results if "reference" not in r]
    print(f"{len(results)} pages, {len(results) - len(references)} whose UTF-8 original is a reject (not compared)")
    print(f"legacy charsets: {dict(Counter(r['charset'] for r in references).most_common())}")
    print(f"{'way':<12} {'pages':>6} {'same text':>10} {'same title':>11} {'share':>7} {'left out':>9} {'rejects':>8}")
    for way in WAYS:
        done = [r[way] for r in references if r[way] is not None]
        text = sum(1 for d in done if d[0])
        title = sum(1 for d in done if d[1])
        both = sum(1 for d in done if d[0] and d[1])
        rejects = sum(1 for d in done if d[2])
        left = sum(1 for r in references if r[way] is None)
        share = both / len(done) if done else 0.0
        print(f"{way:<12} {len(done):>6} {text:>10} {title:>11} {share:>7.3f} {left:>9} {rejects:>8}")
        differing = [
            (r["page"], r["charset"], r[way]) for r in references if r[way] is not None and not all(r[way][:2])
        ]
        for page, charset, (same_text, same_title, reject) in differing[:8]:
            what = reject or ("title" if same_text else "text" if same_title else "text and title")
            print(f"    {page} ({charset}): {what} differs")


def report_naive(results: list[tuple[str, str, bool, bool, bool]], truths: list[dict]) -> None:
    from newsclean.transforms.scoring.metrics import score_cases

    clean = score_cases([{"text": r[0]} for r in results], truths)
    repaired = score_cases([{"text": r[1]} for r in results], truths)
    damaged = sum(1 for r in results if r[2])
    print(f"double-encoded naive texts: {len(results)} cases, {damaged} changed by the double encoding")
    print(f"  clean          body F1 {clean.body_f1:.4f}  rejects {sum(1 for r in results if r[3])}")
    print(f"  double-encoded body F1 {repaired.body_f1:.4f}  rejects {sum(1 for r in results if r[4])}")
    print(f"  difference {clean.body_f1 - repaired.body_f1:+.4f}")


def main(argv: list[str] | None = None) -> int:
    from benchmarks.naive_text import iter_cases

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, action="append", help="a case folder (repeatable)")
    parser.add_argument("--limit", type=int, help="first N pages of each folder")
    parser.add_argument("--jobs", type=int, default=1, help="processes")
    args = parser.parse_args(argv)
    sets = args.data or list(DEFAULT_SETS)
    pages = _pages(sets, args.limit)
    if not pages:
        print(f"no pages in {', '.join(map(str, sets))}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    cases = [case for folder in sets for case in iter_cases(folder, args.limit)]
    with Pool(args.jobs) as pool:
        results = pool.map(check_page, pages, chunksize=4)
        naive = pool.map(check_naive, cases, chunksize=8)
    report_pages(results)
    report_naive(naive, [truth for _, _, truth in cases])
    print(f"{time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

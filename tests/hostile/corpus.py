"""A hostile-input corpus, generated: every kind of bad input the open web sends, mixed with good documents.

:func:`build` writes the files into a folder and returns one :class:`Case` per
file: its kind, the documents it must give (``source_uri`` suffix -> the
outcomes allowed for it: ``"article"`` or ``"stage/error"``) and marker words
that must survive into the articles of its good documents. Everything is made
from a fixed seed, so a failure can be reproduced.

Sizes follow the issue (50 MB single-line pages, HTML nested ten thousand
deep); the test runs with ``--max-bytes 40000000`` and ``--max-seconds 5`` so the
biggest inputs hit the size limit and one 30 MB page hits the time limit.
"""

from __future__ import annotations

import gzip
import json
import random
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.warc_helpers import warc_bytes

MAX_BYTES = 40_000_000  # what the test passes as --max-bytes
MAX_SECONDS = 5  # and as --max-seconds
BIG = 50 * 1024 * 1024  # "50 MB single-line pages"
ARTICLE = "article"
SKIPPED = "skipped/"  # an outcome "skipped/<kind>": counted in run.json's skipped_by_kind, written nowhere
_SEED = 20261121


@dataclass
class Case:
    """One generated file and what the pipeline must make of it."""

    kind: str
    name: str
    expected: dict[str, frozenset[str]]  # "" (the file itself) or "#N" -> allowed outcomes
    markers: tuple[str, ...] = ()  # words each good document carries
    extra: dict[str, object] = field(default_factory=dict)


def outcomes(*allowed: str) -> frozenset[str]:
    return frozenset(allowed)


ONE_ARTICLE = {"": outcomes(ARTICLE)}


def marker(i: int) -> str:
    """A word that exists nowhere else: it proves a good document made it through whole."""
    return f"Zorblax{i:03d}"


def story(i: int) -> str:
    """A plain-text news story carrying ``marker(i)`` in its body."""
    return (
        f"Council approves transport budget {i}\n\n"
        f"The city council voted on Tuesday to approve a new budget for public transport, ending months of "
        f"debate over how to pay for longer opening hours and more frequent buses, officials said ({marker(i)}).\n\n"
        "Supporters said the plan would cut waiting times in half for thousands of commuters, while critics "
        "warned that the cost of the new routes had been underestimated by the transport authority.\n\n"
        "The mayor said the first new routes would start running in the autumn, once drivers had been hired "
        "and trained, and promised a public report on the results after the first full year of service.\n"
    )


def page(i: int, *, head: str = "", before: str = "", after: str = "", attrs: str = "") -> str:
    """An HTML news page carrying ``marker(i)``, with room for hostile parts around the story."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in story(i).split("\n\n")[1:])
    return (
        f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>Budget {i} | Example News</title>"
        f"{head}</head><body{attrs}>{before}<article><h1>Council approves transport budget {i}</h1>\n"
        f"{paragraphs}</article>{after}</body></html>\n"
    )


def jsonl(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def _good_record(i: int) -> dict:
    return {"url": f"https://news.example/{i}", "body": page(i).encode()}


def bomb(size: int, unit: bytes = b"\0") -> bytes:
    """``size`` bytes of ``unit`` gzipped: a thousandfold expansion."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = unit * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(size >> 20)) + packer.flush()


class _Writer:
    """Writes the files and collects their cases; ``next_marker`` hands out marker numbers."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cases: list[Case] = []
        self._next = 0
        folder.mkdir(parents=True, exist_ok=True)

    def next_marker(self) -> int:
        self._next += 1
        return self._next

    def add(self, kind: str, name: str, data: bytes, expected: dict, markers: tuple[int, ...] = ()) -> None:
        (self.folder / name).write_bytes(data)
        self.cases.append(Case(kind, name, expected, tuple(marker(m) for m in markers)))


# -- text ------------------------------------------------------------------------------------------


def _text(w: _Writer, rng: random.Random) -> None:
    m = w.next_marker()
    w.add("good text", "good.txt", story(m).encode(), ONE_ARTICLE, (m,))
    m = w.next_marker()
    w.add("file name with spaces, '#' and accents", "näme with spaces #1.txt", story(m).encode(), ONE_ARTICLE, (m,))
    w.add("binary (PNG) named .txt", "image.txt", b"\x89PNG\r\n\x1a\n" + rng.randbytes(4000), _one("decode/binary"))
    w.add("zero-byte file", "empty.txt", b"", _one("decode/empty"))
    w.add("whitespace only", "blank.txt", b" \n\t\r\n   \n" * 100, _one("decode/empty"))
    high = bytes(rng.randrange(0x80, 0x100) for _ in range(5000))
    w.add("invalid bytes (random high bytes)", "invalid.txt", high, _one("decode/undecodable"))
    m = w.next_marker()
    mixed = story(m).encode().replace(b"Tuesday", b"Tuesday \xff\xfe")
    w.add("a few invalid bytes in UTF-8", "mostly-utf8.txt", mixed, ONE_ARTICLE, (m,))
    m = w.next_marker()
    w.add(
        "windows-1252 text", "cp1252.txt", (story(m) + "Café déjà vu – “quoted”.\n").encode("cp1252"), ONE_ARTICLE, (m,)
    )
    nul = story(w.next_marker()).encode().replace(b" ", b" \x00", 20)
    w.add("NUL bytes", "nul.txt", nul, _one("decode/binary"))
    m = w.next_marker()
    w.add("UTF-16LE without BOM", "utf16le.txt", story(m).encode("utf-16-le"), ONE_ARTICLE, (m,))
    m = w.next_marker()
    w.add("UTF-16BE without BOM", "utf16be.txt", story(m).encode("utf-16-be"), ONE_ARTICLE, (m,))
    flood = story(w.next_marker()) + "".join(chr(rng.randrange(1, 9)) for _ in range(3000))
    w.add("control-character flood", "controls.txt", flood.encode(), _one("decode/undecodable"))
    w.add("long single line (3 MB)", "one-line.txt", b"word " * 600_000, _one("clean/line_too_long"))
    noise = "Share\nAdvertisement\nCredit: AP\n___\nRead more: Something else\nSubscribe to our newsletter\n"
    w.add("nothing but page furniture", "noise.txt", noise.encode() * 3, _one("clean/empty_after_cleaning"))
    m = w.next_marker()
    invisible = "\u200b\u200d\u2060\u00ad\u202e"
    scrambled = "".join(ch + (invisible if ch == " " else "") for ch in story(m))
    w.add("zero-width and bidi characters everywhere", "invisible.txt", scrambled.encode(), ONE_ARTICLE, (m,))
    m = w.next_marker()
    w.add("old Mac line endings (CR only)", "cr.txt", story(m).replace("\n", "\r").encode(), ONE_ARTICLE, (m,))
    m = w.next_marker()
    lines = "".join(f"Line {k}: the committee heard item {k * 7919 % 10007} on the agenda.\n" for k in range(20_000))
    w.add(
        "2,000 distinct lines (in the time-limited child)",
        "many-lines.txt",
        (story(m) + lines[:130_000]).encode(),
        ONE_ARTICLE,
        (m,),
    )
    # 3,000 such lines clean in 1.4 s, 5,000 in 31 s (the line caches thrash): 20,000 meet the time limit
    w.add("20,000 distinct lines", "more-lines.txt", (story(w.next_marker()) + lines).encode(), _one("clean/timeout"))
    w.add(
        "a short line repeated 50,000 times",
        "repeats.txt",
        b"Share this story\n" * 50_000,
        _one("clean/empty_after_cleaning"),
    )
    # the cleaner's fixed point peels one of these per round: quadratic, 80 s in-process for 256 KB
    stamps = b"Published: January 17, 2025 10:30 AM EST | Updated: Jan 18, 2025\n" * 4_000
    w.add("dated header lines that make the cleaner quadratic", "stamps.txt", stamps, _one("clean/timeout"))


def _one(outcome: str) -> dict[str, frozenset[str]]:
    return {"": outcomes(outcome)}


# Lines crafted to make the cleaner's patterns backtrack (the audit's families, tests/hostile/patterns.py).
BACKTRACKING_LINES: dict[str, str] = {
    "credit rule: one 20,000-letter word": "images" * 3_400,
    "credit rule: agency/name runs": "Kyodo PA Media/" * 1_300,
    "share rule: 'copy link' runs": "COPY LINK Share/" * 1_200,
    "copyright rule: 'all' runs": "all " * 5_000,
    "dateline: hyphenated capitals": "A-" * 10_000,
    "dates: weekday letters": "Published: " + "mon" * 6_000,
    "byline: credentials": "By Jane Doe" + " MD" * 6_000,
    "contributor tail: 'and' runs": "Associated Press writers " + "Jane Doe and " * 1_500 + "contributed.",
    "photo caption: '/.' runs": "The mayor spoke. " + "/." * 10_000,
    "e-mail-like token": "Contact " + "@/" * 10_000,
}


def _backtracking(w: _Writer) -> None:
    for i, (kind, line) in enumerate(BACKTRACKING_LINES.items()):
        m = w.next_marker()
        text = story(m).replace("\n\n", f"\n\n{line}\n\n", 1) + line + "\n"
        w.add(f"regex backtracking: {kind}", f"backtrack-{i:02d}.txt", text.encode(), ONE_ARTICLE, (m,))


# -- gzip ------------------------------------------------------------------------------------------


def _gzip(w: _Writer, rng: random.Random) -> None:
    w.add("gzip bomb (256 MiB of zeros in 250 KB)", "bomb.txt.gz", bomb(256 << 20), _one("read/compression_ratio"))
    data = gzip.compress(story(w.next_marker()).encode() * 50)
    w.add("truncated .gz", "cut.txt.gz", data[: len(data) // 2], _one("read/truncated_gzip"))
    w.add(
        "random bytes named .gz", "noise.txt.gz", b"\x1f\x8b\x08\x00" + rng.randbytes(3000), _one("read/corrupt_gzip")
    )
    m = w.next_marker()  # compression is told by magic bytes, not the name: plain text named .gz is text
    w.add("plain text named .gz", "plain.txt.gz", story(m).encode(), ONE_ARTICLE, (m,))
    inner = gzip.compress(story(w.next_marker()).encode())
    w.add("gzip inside gzip", "double.txt.gz", gzip.compress(inner), _one("decode/binary"))
    m = w.next_marker()
    text = story(m).encode()
    members = gzip.compress(text[:300]) + gzip.compress(text[300:])
    w.add("concatenated gzip members", "members.txt.gz", members, ONE_ARTICLE, (m,))


# -- HTML ------------------------------------------------------------------------------------------


def _html(w: _Writer, rng: random.Random, port: int, secret: Path) -> None:
    for _ in range(3):
        m = w.next_marker()
        w.add("good HTML page", f"good-{m}.html", page(m).encode(), ONE_ARTICLE, (m,))
    w.add("binary (JPEG) named .html", "photo.html", b"\xff\xd8\xff\xe0" + rng.randbytes(5000), _one("decode/binary"))
    w.add("PDF named .html", "paper.html", b"%PDF-1.7\n" + rng.randbytes(5000), _one("decode/binary"))
    w.add("zero-byte page", "empty.html", b"", _one("decode/empty"))
    deep = page(w.next_marker(), before="<div>" * 10_000, after="</div>" * 10_000)
    w.add("HTML nested ten thousand deep", "deep.html", deep.encode(), _one("extract/too_deep"))
    just_over = page(w.next_marker(), before="<div>" * 260, after="</div>" * 260)
    w.add("HTML nested just past the parser's 256", "deep-260.html", just_over.encode(), _one("extract/too_deep"))
    m = w.next_marker()
    huge = page(m, attrs=" class='" + "x" * 1_000_000 + "'", before="<div data-blob='" + "y" * 1_000_000 + "'></div>")
    # trafilatura takes a few seconds on these two pages here: an article, or a timeout on a slower machine
    slow_or_article = {"": outcomes(ARTICLE, "extract/timeout")}
    w.add("enormous attribute values (2 x 1 MB)", "attributes.html", huge.encode(), slow_or_article, (m,))
    script = (
        "<html><head><script>" + "var a = 1;" * 10_000 + "</script></head><body><script>go()</script></body></html>"
    )
    w.add("<script>-only page", "script.html", script.encode(), _one("extract/no_content"))
    styled = "<html><head><style>p{color:red}</style></head><body><!-- " + "comment " * 5000 + "--></body></html>"
    w.add("styles and comments only", "style.html", styled.encode(), _one("extract/no_content"))
    soup = "".join(
        rng.choice(["<", ">", "</", "<div", "<p", "=", '"', "'", "&", "&#", ";", " "]) for _ in range(20_000)
    )
    # unclosed <div and <p pile up: the soup nests deeper than the parser keeps
    w.add("tag soup", "soup.html", soup.encode(), _one("extract/too_deep"))
    m = w.next_marker()
    w.add("UTF-16 page without BOM", "utf16.html", page(m).encode("utf-16-le"), ONE_ARTICLE, (m,))
    m = w.next_marker()
    bogus = page(m).replace("<meta charset='utf-8'>", "<meta charset='x-no-such-charset-999'>")
    w.add("unknown declared charset", "bogus-charset.html", bogus.encode(), ONE_ARTICLE, (m,))
    m = w.next_marker()
    many = page(m, after="<div></div>" * 20_000)
    w.add("20,000 empty elements", "many-elements.html", many.encode(), slow_or_article, (m,))
    para = "<p>" + "The council voted on the budget for the city transport. " * 10 + "</p>"
    # 30 MB: extraction takes ~12 s here, well past the limit on any machine (12 MB took 5 s, at the limit)
    slow = "<html><body><article>" + para * (30_000_000 // len(para)) + "</article></body></html>"
    w.add("30 MB page (extraction takes ~12 s: the time limit)", "slow.html", slow.encode(), _one("extract/timeout"))
    single = b"<html><body><p>" + b"word " * (BIG // 5) + b"</p></body></html>"
    w.add("50 MB single-line page", "huge.html", single, _one("read/too_large"))
    _untrusted(w, port, secret)


def _untrusted(w: _Writer, port: int, secret: Path) -> None:
    """Pages that would read local files or reach the network if a parser let them."""
    url = f"http://127.0.0.1:{port}"
    file_url = secret.resolve().as_uri()
    m = w.next_marker()
    xxe = (
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "{file_url}">'
        f'<!ENTITY passwd SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "{url}/remote.dtd"> %remote;]>\n'
    )
    body = page(m).split("\n", 1)[1].replace("</article>", "<p>Entity: &xxe; and &passwd;</p></article>")
    w.add("XXE: external entities (file and http)", "xxe.html", (xxe + body).encode(), ONE_ARTICLE, (m,))
    m = w.next_marker()
    dtd = f'<!DOCTYPE html SYSTEM "{url}/external.dtd">\n'
    w.add("external DTD", "dtd.html", (dtd + page(m).split("\n", 1)[1]).encode(), ONE_ARTICLE, (m,))
    m = w.next_marker()
    head = (
        f"<link rel='stylesheet' href='{url}/style.css'><script src='{url}/app.js'></script>"
        f"<meta http-equiv='refresh' content='0;url={url}/refresh'><base href='{url}/'>"
        f"<style>@import url('{url}/import.css');</style><link rel='preload' href='{file_url}'>"
    )
    before = (
        f"<img src='{url}/pixel.gif' srcset='{url}/a.png 2x'><iframe src='{url}/frame'></iframe>"
        f"<object data='{url}/object'></object><embed src='{file_url}'><video poster='{url}/poster.jpg'></video>"
        f"<svg><image href='{url}/svg.png'/></svg><img src='{file_url}'>"
    )
    w.add(
        "linked resources (img, iframe, link, script, css, refresh)",
        "linked.html",
        page(m, head=head, before=before).encode(),
        ONE_ARTICLE,
        (m,),
    )
    m = w.next_marker()
    xinclude = (
        f"<div xmlns:xi='http://www.w3.org/2001/XInclude'><xi:include href='{file_url}' parse='text'/>"
        f"<xi:include href='{url}/include.xml'/></div>"
    )
    pi = f'<?xml-stylesheet type="text/xsl" href="{url}/style.xsl"?>\n'
    w.add(
        "XInclude and an XSLT processing instruction",
        "xinclude.html",
        (pi + page(m, before=xinclude)).encode(),
        ONE_ARTICLE,
        (m,),
    )
    m = w.next_marker()
    laughs = (
        '<!DOCTYPE html [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        + "".join(f'<!ENTITY {chr(99 + k)} "' + f"&{chr(98 + k)};" * 10 + '">' for k in range(8))
        + "]>\n"
    )
    body = page(m).split("\n", 1)[1].replace("</article>", "<p>&j;</p></article>")
    w.add("billion laughs (nested entities)", "laughs.html", (laughs + body).encode(), ONE_ARTICLE, (m,))


# -- JSONL -----------------------------------------------------------------------------------------


def _jsonl(w: _Writer, port: int) -> None:
    def good(m: int, **extra: object) -> dict:
        return {"id": f"id-{m}", "url": f"https://wire.example/{m}", "text": story(m), **extra}

    a, b = w.next_marker(), w.next_marker()
    lines = [good(a), b'{"text": "unterminated', b"{'single': 'quotes'}", b"\x00\x01\x02", good(b), b"{}}"]
    w.add("JSONL with broken lines", "broken.jsonl", jsonl(*lines),
          {"#1": _a(), "#2": _r("read/bad_json"), "#3": _r("read/bad_json"), "#4": _r("read/bad_json"),
           "#5": _a(), "#6": _r("read/bad_json")}, (a, b))  # fmt: skip
    a = w.next_marker()
    lines = [[1, 2], "a string", 42, None, good(a), True]
    w.add("JSONL lines that are not objects", "not-objects.jsonl", jsonl(*lines),
          {"#1": _r("read/not_an_object"), "#2": _r("read/not_an_object"), "#3": _r("read/not_an_object"),
           "#4": _r("read/not_an_object"), "#5": _a(), "#6": _r("read/not_an_object")}, (a,))  # fmt: skip
    a, b = w.next_marker(), w.next_marker()
    wrong = good(a, authors=5, date={"y": 2025}, title=123, id=True)
    wrong["url"] = ["not", "a", "string"]
    lines = [{"text": 5}, {"text": ["a", "list"]}, {"html": None, "text": ""}, {"text": {"nested": "x"}}, wrong,
             {"html": {"x": 1}, "text": story(b)}]  # fmt: skip
    w.add("JSONL fields of the wrong type", "wrong-types.jsonl", jsonl(*lines),
          {"#1": _r("read/no_content"), "#2": _r("read/no_content"), "#3": _r("read/no_content"),
           "#4": _r("read/no_content"), "#5": _a(), "#6": _a()}, (a, b))  # fmt: skip
    a = w.next_marker()
    deep = b'{"text": "deep", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    w.add("deeply nested JSON", "deep.jsonl", jsonl(b"[" * 200_000, deep, good(a)),
          {"#1": _r("read/too_deep"), "#2": _r("read/too_deep"), "#3": _a()}, (a,))  # fmt: skip
    a, b = w.next_marker(), w.next_marker()
    huge = b'{"text": "' + b"word " * (BIG // 5) + b'"}'
    w.add("JSONL with a 50 MB line between good lines", "huge-line.jsonl", jsonl(good(a), huge, good(b)),
          {"#1": _a(), "#2": _r("read/too_large"), "#3": _a()}, (a, b))  # fmt: skip
    a = w.next_marker()
    lines = [b'{"text": "bad \xff\xfe bytes"}', b'{"text": "lone \\ud800 surrogate story"}', good(a)]
    lines.append(b'{"text": "' + "".join(chr(k) for k in range(1, 9)).encode() * 100 + b'"}')
    expected = {"#1": _r("read/bad_json"), "#2": _r("read/bad_text"), "#3": _a(), "#4": _r("read/bad_json")}
    w.add(
        "JSONL with invalid UTF-8, lone surrogates, raw control characters",
        "bad-text.jsonl",
        jsonl(*lines),
        expected,
        (a,),
    )
    a = w.next_marker()
    lines = [
        {"html": page(a, before="<div>" * 10_000, after="</div>" * 10_000)},
        {"html": "<html><body><script>x()</script></body></html>"},
        {"text": story(w.next_marker()) + "\u0001\u0002\u0003" * 200},
        {"html": page(a)},
    ]
    w.add("JSONL carrying hostile HTML and text", "hostile-content.jsonl", jsonl(*lines),
          {"#1": _r("extract/too_deep"), "#2": _r("extract/no_content"), "#3": _r("decode/undecodable"), "#4": _a()},
          (a,))  # fmt: skip
    a, b = w.next_marker(), w.next_marker()
    data = gzip.compress(jsonl(good(a), good(b)) + jsonl(*(good(900 + k) for k in range(40))))
    w.add("truncated .jsonl.gz", "cut.jsonl.gz", data[: len(data) * 2 // 3], _cut_jsonl(data, a, b), (a, b))
    a = w.next_marker()
    w.add("gzip bomb after good lines", "bomb.jsonl.gz", gzip.compress(jsonl(good(a))) + bomb(64 << 20),
          {"#1": _a(), "#2": _r("read/compression_ratio")}, (a,))  # fmt: skip
    w.add("JSONL of blank lines only", "blank.jsonl", b"\n\r\n  \n\n", {"": _r("read/no_records")})
    a, b = w.next_marker(), w.next_marker()
    crlf = jsonl(good(a)).replace(b"\n", b"\r\n") + b"\r\n\r\n" + jsonl(good(b, n=1e308, big=10**50))
    w.add("CRLF, blank lines and huge numbers", "crlf.jsonl", crlf, {"#1": _a(), "#4": _a()}, (a, b))
    a = w.next_marker()
    whole = ("\ufeff" + jsonl(good(a)).decode()).encode("utf-16-le")
    # json reads the first line's UTF-16 (its BOM says so); the newline's second byte is a line of its own
    w.add("JSONL file in UTF-16", "utf16.jsonl", whole, {"#1": _a(), "#2": _r("read/bad_json")}, (a,))


def _a() -> frozenset[str]:
    return outcomes(ARTICLE)


def _r(*allowed: str) -> frozenset[str]:
    return outcomes(*allowed)


def _cut_jsonl(data: bytes, a: int, b: int) -> dict[str, frozenset[str]]:
    """The lines a cut-short gzip still gives, then one reject for the rest."""
    cut = gzip.decompress(data)
    kept = zlib.decompressobj(31).decompress(data[: len(data) * 2 // 3])
    whole = kept.count(b"\n")
    expected = {f"#{k}": _a() for k in range(1, whole + 1)}
    expected[f"#{whole + 1}"] = _r("read/truncated_gzip")
    assert whole >= 2 and whole < cut.count(b"\n")
    return expected


# -- WARC ------------------------------------------------------------------------------------------


def _warc(w: _Writer, rng: random.Random) -> None:
    a, b, c = w.next_marker(), w.next_marker(), w.next_marker()
    records = [
        _good_record(a),
        {"url": "https://news.example/logo.png", "body": b"\x89PNG" + rng.randbytes(500), "content_type": "image/png"},
        {"url": "https://news.example/gone", "body": b"<html>gone</html>", "status": "404 Not Found"},
        {"url": "https://news.example/", "type": "request", "body": b""},
        {"url": "https://news.example/bin", "body": rng.randbytes(800), "content_type": "application/octet-stream"},
        {**_good_record(b), "content_type": "text/html; charset=x-bogus-999"},
        {"url": "https://news.example/deep", "body": page(c, before="<div>" * 10_000).encode()},
        _good_record(c),
    ]
    w.add("WARC mixing good, non-HTML, 404, request, bogus charset and deep records", "mixed.warc.gz",
          warc_bytes(records), {"#1": _r(SKIPPED + "warc/warcinfo"), "#2": _a(),
                                "#3": _r(SKIPPED + "warc/response/image/png"), "#4": _r(SKIPPED + "warc/response/404"),
                                "#5": _r(SKIPPED + "warc/request"),
                                "#6": _r(SKIPPED + "warc/response/application/octet-stream"), "#7": _a(),
                                "#8": _r("extract/too_deep"), "#9": _a()}, (a, b, c))  # fmt: skip
    a, b = w.next_marker(), w.next_marker()
    plain = warc_bytes([_good_record(a), _good_record(b), _good_record(w.next_marker())], gzip=False)
    cut = plain.rindex(b"<p>")
    w.add("truncated WARC record", "cut.warc", plain[:cut],
          {"#2": _a(), "#3": _a(), "#4": _r("read/truncated_record")}, (a, b))  # fmt: skip
    a, b = w.next_marker(), w.next_marker()
    packed = warc_bytes([_good_record(a), _good_record(b), _good_record(w.next_marker())])
    w.add("truncated .warc.gz", "cut.warc.gz", packed[:-300],
          {"#2": _a(), "#3": _a(), "#4": _r("read/truncated_gzip", "read/truncated_record")}, (a, b))  # fmt: skip
    a = w.next_marker()
    plain = warc_bytes([_good_record(a), _good_record(w.next_marker())], gzip=False)
    second = plain.index(b"WARC/1.", plain.index(b"news.example/"))
    broken = plain[:second] + b"NOT A WARC HEADER\r\n\r\n" + plain[second:]
    w.add("broken WARC framing", "framing.warc", broken, {"#2": _a(), "#3": _r("read/corrupt_warc")}, (a,))
    a = w.next_marker()
    bomb_record = {"url": "https://news.example/bomb", "body": b"<html>" + b" " * (64 << 20)}
    data = warc_bytes([_good_record(a), bomb_record, _good_record(a)])
    expected = {"#2": _a(), "#3": _r("read/compression_ratio")}
    w.add("gzip bomb WARC record after a good one", "bomb.warc.gz", data, expected, (a,))
    a = w.next_marker()
    plain = warc_bytes([_good_record(a)], gzip=False)
    length = plain.index(b"Content-Length: ", plain.index(b"WARC-Type: response")) + len(b"Content-Length: ")
    end = plain.index(b"\r\n", length)
    lie = plain[:length] + b"99999999" + plain[end:]
    w.add("WARC Content-Length larger than the record", "lie.warc", lie, {"#2": _r("read/truncated_record")})
    w.add("random bytes named .warc", "noise.warc", rng.randbytes(20_000), {"#1": _r("read/corrupt_warc")})
    w.add("empty .warc.gz", "empty.warc.gz", b"", _one("read/no_records"))
    w.add("WARC of request records only", "requests.warc.gz",
          warc_bytes([{"url": "https://e.com/", "type": "request", "body": b""}]),
          {"#1": _r(SKIPPED + "warc/warcinfo"), "#2": _r(SKIPPED + "warc/request")})  # fmt: skip


def build(folder: Path, *, port: int, secret: Path) -> list[Case]:
    """Write the corpus into ``folder``; ``port`` is a local server that must never be contacted and
    ``secret`` a local file whose content must never appear in any output."""
    rng = random.Random(_SEED)
    w = _Writer(folder)
    for part in (_text, _backtracking, _gzip, _html, _jsonl, _warc):
        _call(part, w, rng, port, secret)
    return w.cases


def _call(part: Callable, w: _Writer, rng: random.Random, port: int, secret: Path) -> None:
    arguments = {"w": w, "rng": rng, "port": port, "secret": secret}
    names = part.__code__.co_varnames[: part.__code__.co_argcount]
    part(**{name: arguments[name] for name in names})

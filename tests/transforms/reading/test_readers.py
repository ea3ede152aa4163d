"""Readers for HTML, JSONL and WARC files: one record or reject per document, never a lost one."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from newsclean.schemas.records import RawDocument, Reject, Skipped
from newsclean.transforms.reading.jsonl import iter_lines, parse_field_mapping
from newsclean.transforms.reading.read import read_documents, sniff_format
from tests.conftest import SHARED
from tests.warc_helpers import article_html, warc_bytes, wet_bytes


def _read(name: str, data: bytes, **kwargs) -> list[RawDocument | Reject]:
    return list(read_documents(name, io.BytesIO(data), **kwargs))


def _kinds(items: list[RawDocument | Reject | Skipped]) -> list[tuple[str, str]]:
    """What each item is; skipped records (counted, not written) are left out."""
    return [(i.source_uri, i.error if isinstance(i, Reject) else "doc") for i in items if not isinstance(i, Skipped)]


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b"<!DOCTYPE html><html><head>", "html"),
        (b"\xef\xbb\xbf  <html lang='de'>", "html"),
        (b"<!-- saved from url -->\n<html>", "html"),
        (b"<div class='a'><p>Story</p><p>more</p></div>", "html"),
        (b'{"text": "A story."}\n{"text": "Another."}\n', "jsonl"),
        (b'{"text": "one long line only', "jsonl"),
        (b'{\n  "maintext": "A story.",\n  "title": "T"\n}\n', "json"),
        (b'[{"text": "A story."}, {"text": "B"}]', "json"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"filedesc://live-web-example.arc.gz 127.0.0.1 20140216050221 text/plain 75\n", "warc"),
        (b"MOSCOW (AP) -- The council voted.", "text"),
        (b"date 2025-01-17\nHeadline <b>bold</b>", "text"),
    ],
)
def test_format_by_content(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


@pytest.mark.parametrize("name", ["story", "story.txt", "story.json", "story.warc.gz", "story.bin"])
def test_the_name_does_not_decide(name: str) -> None:
    page = article_html("Budget approved", "https://e.com/a").encode()
    (doc,) = _read(name, gzip.compress(page))
    assert isinstance(doc, RawDocument) and doc.content_type == "html" and doc.data == page


def test_bzip2_and_zstd_are_read_like_gzip() -> None:
    import bz2

    import zstandard

    lines = b"".join(json.dumps({"text": f"Story {i}."}).encode() + b"\n" for i in range(5))
    for data in (bz2.compress(lines), zstandard.ZstdCompressor().compress(lines), gzip.compress(lines)):
        items = _read("dump", data)
        assert [i.data for i in items] == [f"Story {i}.".encode() for i in range(5)]
        assert [i.source_uri for i in items] == [f"dump#{i}" for i in range(1, 6)]


def test_a_compressed_warc_of_any_kind_gives_its_records() -> None:
    import bz2

    import zstandard

    plain = warc_bytes(_cc_news_records(), gzip=False)
    expected = _kinds(_read("w.warc", plain))
    for data in (bz2.compress(plain), zstandard.ZstdCompressor().compress(plain), warc_bytes(_cc_news_records())):
        assert [kind for _, kind in _kinds(_read("w", data))] == [kind for _, kind in expected]


def test_json_file_one_object_or_an_array() -> None:
    one = json.dumps({"maintext": "A story.", "title": "T", "date_publish": "2025-01-02 10:00:00",
                      "url": "https://e.com/1", "authors": ["Jane Doe"]}, indent=2).encode()  # fmt: skip
    (doc,) = _read("news-please.json", one)
    assert isinstance(doc, RawDocument) and doc.source_uri == "news-please.json" and doc.data == b"A story."
    assert doc.source_format == "json" and doc.url == "https://e.com/1"
    assert doc.meta == {"title": "T", "date": "2025-01-02 10:00:00", "authors": ["Jane Doe"]}
    many = json.dumps([{"text": "A."}, "not an object", {"html": "<p>B</p>"}]).encode()
    items = _read("dump.json", many)
    assert [(i.source_uri, getattr(i, "error", "doc")) for i in items] == [
        ("dump.json#1", "doc"), ("dump.json#2", "not_an_object"), ("dump.json#3", "doc")
    ]  # fmt: skip
    (bad,) = _read("x.json", b'[{"text": ')
    assert isinstance(bad, Reject) and bad.error == "bad_json"


def test_html_file_is_one_html_document() -> None:
    (doc,) = _read("/in/page.html", b"<html><body><p>Hi</p></body></html>")
    assert isinstance(doc, RawDocument)
    assert (doc.source_uri, doc.source_format, doc.content_type) == ("/in/page.html", "html", "html")


def test_truncated_html_gz_is_a_reject() -> None:
    data = gzip.compress(article_html("Budget", "https://e.com/b").encode())
    (item,) = _read("/in/page.html.gz", data[: len(data) // 2])
    assert isinstance(item, Reject) and item.error == "truncated_gzip"


# --- JSONL -------------------------------------------------------------------

JSONL_LINES = [
    {"id": 7, "url": "https://e.com/1", "title": "One", "date": "2025-02-03", "authors": ["A B"], "text": "Body one."},
    "this is { not json",
    {"url": "https://e.com/3", "html": "<html><body><p>Three</p></body></html>"},
    [1, 2],
    {"url": "https://e.com/5", "text": "   "},
    {"url": "https://e.com/6", "text": "Body six.", "html": ""},
]


def _jsonl_bytes(lines: list) -> bytes:
    out = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    return ("\n".join(out) + "\n").encode()


def test_jsonl_one_record_or_reject_per_line() -> None:
    items = _read("/d/news.jsonl", _jsonl_bytes(JSONL_LINES))
    assert _kinds(items) == [
        ("/d/news.jsonl#1", "doc"),
        ("/d/news.jsonl#2", "bad_json"),
        ("/d/news.jsonl#3", "doc"),
        ("/d/news.jsonl#4", "not_an_object"),
        ("/d/news.jsonl#5", "no_content"),
        ("/d/news.jsonl#6", "doc"),
    ]
    first, third, sixth = items[0], items[2], items[5]
    assert first.url == "https://e.com/1" and first.content_type == "text" and first.data == b"Body one."
    assert first.meta == {"id": "7", "date": "2025-02-03", "title": "One", "authors": ["A B"]}
    assert third.content_type == "html" and third.source_format == "jsonl"
    assert sixth.content_type == "text"  # an empty html field does not hide the text


def test_jsonl_blank_lines_are_not_records_but_keep_numbering() -> None:
    data = b'{"text": "a"}\n\n   \n{"text": "b"}\r\n'
    assert _kinds(_read("f.jsonl", data)) == [("f.jsonl#1", "doc"), ("f.jsonl#4", "doc")]


def test_jsonl_field_mapping_and_nested_fields() -> None:
    line = {"content": "The body.", "meta": {"link": "https://e.com/x"}, "headline": "H"}
    fields = parse_field_mapping(["text=content", "url=meta.link", "title=headline"])
    (doc,) = _read("f.jsonl", _jsonl_bytes([line]), jsonl_fields=fields)
    assert (doc.data, doc.url, doc.meta["title"]) == (b"The body.", "https://e.com/x", "H")


def test_jsonl_field_mapping_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="unknown"):
        parse_field_mapping(["body=content"])
    with pytest.raises(ValueError, match="NAME=FIELD"):
        parse_field_mapping(["text"])


def test_truncated_jsonl_gz_keeps_the_lines_before_the_cut() -> None:
    lines = [{"url": f"https://e.com/{i}", "text": f"Story number {i}. " * 40} for i in range(50)]
    data = gzip.compress(_jsonl_bytes(lines))
    items = _read("/d/big.jsonl.gz", data[: int(len(data) * 0.6)])
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert 0 < len(docs) < 50
    assert [d.url for d in docs] == [f"https://e.com/{i}" for i in range(len(docs))]
    assert len(rejects) == 1 and rejects[0].error == "truncated_gzip"
    assert rejects[0].source_uri == f"/d/big.jsonl.gz#{len(docs) + 1}"


def test_jsonl_too_long_line_is_rejected_and_reading_goes_on() -> None:
    data = _jsonl_bytes([{"text": "short"}, {"text": "x" * 500}, {"text": "after"}])
    items = _read("f.jsonl", data, max_bytes=100)
    assert _kinds(items) == [("f.jsonl#1", "doc"), ("f.jsonl#2", "too_large"), ("f.jsonl#3", "doc")]


def test_iter_lines_across_chunk_boundaries() -> None:
    chunks = iter([b"ab", b"c\nde", b"f\n\ng", b"hi"])
    assert list(iter_lines(chunks, 100)) == [(1, b"abc"), (2, b"def"), (3, b""), (4, b"ghi")]


# --- WARC --------------------------------------------------------------------


def _cc_news_records() -> list[dict]:
    return [
        {"url": "https://news.example/a", "body": article_html("Budget approved", "https://news.example/a").encode()},
        {"url": "https://news.example/robots", "type": "request", "body": b""},
        {
            "url": "https://news.example/b",
            "body": article_html("Трамвай", "https://news.example/b", "windows-1251").encode("cp1251"),
            "content_type": "text/html; charset=windows-1251",
        },
        {"url": "https://news.example/logo.png", "body": b"\x89PNG....", "content_type": "image/png"},
        {"url": "https://news.example/gone", "body": b"<html></html>", "status": "404 Not Found"},
        {"url": "https://news.example/c", "body": article_html("Third", "https://news.example/c").encode()},
    ]


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_response_records_become_documents(gzipped: bool) -> None:
    name = "/cc/CC-NEWS-1.warc.gz" if gzipped else "/cc/CC-NEWS-1.warc"
    items = _read(name, warc_bytes(_cc_news_records(), gzip=gzipped))
    # only 2xx HTML responses are documents; the rest is skipped (counted), not rejected
    assert _kinds(items) == [(f"{name}#2", "doc"), (f"{name}#4", "doc"), (f"{name}#7", "doc")]
    assert [(i.source_uri, i.kind) for i in items if isinstance(i, Skipped)] == [
        (f"{name}#1", "warc/warcinfo"),
        (f"{name}#3", "warc/request"),
        (f"{name}#5", "warc/response/image/png"),
        (f"{name}#6", "warc/response/404"),
    ]
    items = [i for i in items if not isinstance(i, Skipped)]
    first, second = items[0], items[1]
    assert first.url == "https://news.example/a" and first.source_format == "warc" and first.content_type == "html"
    assert second.charset == "windows-1251"
    assert "fetched_at" in first.meta and "date" not in first.meta  # WARC-Date is a fetch time


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        ({"status": "301 Moved Permanently", "body": b""}, "warc/response/301"),
        ({"status": "500 Internal Server Error"}, "warc/response/500"),
        ({"content_type": "text/plain", "body": b"User-agent: *\nDisallow: /"}, "warc/response/text/plain"),
        ({"content_type": "text/css; charset=utf-8", "body": b"p{}"}, "warc/response/text/css"),
        ({"content_type": "", "body": b"\x89PNG\r\n"}, "warc/response/unknown"),  # no type, not HTML by sniffing
        ({"type": "resource"}, "warc/resource"),
        ({"type": "metadata", "content_type": "application/warc-fields"}, "warc/metadata"),
    ],
)
def test_warc_records_that_are_not_documents_are_skipped_by_kind(record: dict, kind: str) -> None:
    data = warc_bytes([{"url": "https://e.com/x", "body": b"<html><p>x</p></html>", **record}])
    assert [(type(i).__name__, getattr(i, "kind", None)) for i in _read("s.warc.gz", data)] == [
        ("Skipped", "warc/warcinfo"),
        ("Skipped", kind),
    ]


def test_warc_html_response_without_content_type_is_sniffed() -> None:
    data = warc_bytes([{"url": "https://e.com/s", "content_type": "", "body": b"<!DOCTYPE html><p>x</p>"}])
    (doc,) = [i for i in _read("s.warc.gz", data) if not isinstance(i, Skipped)]
    assert isinstance(doc, RawDocument) and doc.content_type == "html" and doc.charset is None


def test_warc_resource_record_is_skipped_unless_asked_for() -> None:
    records = [
        {"url": "https://e.com/r", "type": "resource", "body": b"<html><p>x</p></html>"},
        {"url": "https://e.com/log", "type": "resource", "body": b"wget log", "content_type": "text/plain"},
    ]
    data = warc_bytes(records)
    assert [i.kind for i in _read("r.warc.gz", data)] == ["warc/warcinfo", "warc/resource", "warc/resource"]
    items = _read("r.warc.gz", data, warc_records=("resource",))
    (doc,) = [i for i in items if not isinstance(i, Skipped)]
    assert isinstance(doc, RawDocument) and doc.url == "https://e.com/r" and doc.content_type == "html"
    assert [i.kind for i in items if isinstance(i, Skipped)] == ["warc/warcinfo", "warc/resource/text/plain"]


def test_warc_whole_file_gzip_reads_every_record() -> None:
    records = [{"url": f"https://news.example/{i}", "body": b"<html><p>story</p></html>"} for i in range(3)]
    data = gzip.compress(warc_bytes(records, gzip=False))  # one gzip stream, not one member per record
    assert _kinds(_read("one.warc.gz", data)) == [(f"one.warc.gz#{i}", "doc") for i in (2, 3, 4)]
    items = _read("one.warc.gz", data[:-40])
    assert _kinds(items)[:2] == [("one.warc.gz#2", "doc"), ("one.warc.gz#3", "doc")]
    assert _kinds(items)[2][1] in ("truncated_gzip", "truncated_record") and len(_kinds(items)) == 3


def test_warc_truncated_skipped_record_is_still_a_reject() -> None:
    records = [
        {"url": "https://e.com/a", "body": b"<html><p>story</p></html>"},
        {"url": "https://e.com/logo.png", "body": b"\x89PNG" + b"x" * 500, "content_type": "image/png"},
    ]
    data = warc_bytes(records, gzip=False)
    items = _read("t.warc", data[:-200])
    assert _kinds(items) == [("t.warc#2", "doc"), ("t.warc#3", "truncated_record")]


@pytest.mark.parametrize("cut", [30, 200, 700])
def test_truncated_warc_gz_keeps_complete_records(cut: int) -> None:
    records = [
        {"url": f"https://news.example/{i}", "body": article_html(f"Story {i}", "https://x").encode()} for i in range(4)
    ]
    data = warc_bytes(records)
    items = _read("t.warc.gz", data[:-cut])
    docs = [i for i in items if isinstance(i, RawDocument)]
    rejects = [i for i in items if isinstance(i, Reject)]
    assert [d.url for d in docs] == [f"https://news.example/{i}" for i in range(len(docs))]
    assert len(docs) == 3 and len(rejects) == 1
    assert rejects[0].source_uri == "t.warc.gz#5"
    assert rejects[0].error in ("truncated_record", "truncated_gzip", "corrupt_warc")


def test_truncated_plain_warc_header_is_a_reject() -> None:
    records = [{"url": f"https://news.example/{i}", "body": b"<html><p>story</p></html>"} for i in range(3)]
    data = warc_bytes(records, gzip=False)
    cut = data.rindex(b"WARC/1.") + 60  # inside the last record's header
    items = _read("t.warc", data[:cut])
    kinds = _kinds(items)
    assert kinds[:2] == [("t.warc#2", "doc"), ("t.warc#3", "doc")]
    assert len(kinds) == 3 and kinds[2][0] == "t.warc#4" and kinds[2][1] in ("truncated_record", "corrupt_warc")


def test_broken_warc_framing_keeps_records_before_it() -> None:
    records = [{"url": f"https://news.example/{i}", "body": b"<html><p>story</p></html>"} for i in range(3)]
    data = warc_bytes(records, gzip=False)
    second = data.index(b"WARC/1.", data.index(b"news.example/0"))
    broken = data[:second] + b"GARBAGE LINE\r\n\r\n" + data[second:]
    items = _read("b.warc", broken)
    assert _kinds(items)[0] == ("b.warc#2", "doc")
    assert isinstance(items[-1], Reject) and items[-1].error == "corrupt_warc"


def test_warc_content_length_short_of_the_data_is_a_reject_and_reading_goes_on() -> None:
    records = [{"url": f"https://news.example/{i}", "body": b"<html><p>story</p></html>"} for i in range(3)]
    data = warc_bytes(records, gzip=False)
    length = data.index(b"Content-Length: ", data.index(b"WARC-Type: response")) + len(b"Content-Length: ")
    end = data.index(b"\r\n", length)
    short = data[:length] + str(int(data[length:end]) - 10).encode() + data[end:]  # the page's last 10 bytes left out
    assert _kinds(_read("s.warc", short)) == [
        ("s.warc#2", "truncated_record"),
        ("s.warc#3", "doc"),
        ("s.warc#4", "doc"),
    ]


def test_warc_payload_larger_than_limit_is_rejected_and_reading_goes_on() -> None:
    records = [
        {"url": "https://e.com/big", "body": b"<html>" + b"x" * 5000 + b"</html>"},
        {"url": "https://e.com/small", "body": b"<html><p>ok</p></html>"},
    ]
    items = _read("l.warc.gz", warc_bytes(records), max_bytes=1000)
    assert _kinds(items) == [("l.warc.gz#2", "too_large"), ("l.warc.gz#3", "doc")]


# --- WET (Common Crawl's extracted text) -------------------------------------

NAIVE_TEXTS = [  # what a naive scraper keeps: menus and share bars on their own lines
    "Home\nWorld\nSport\nCouncil approves transport budget\nThe city council voted on Tuesday to approve a new "
    "budget for public transport.\nShare on Facebook\nShare on X\n",
    "Skip to content\nMenu\nTrain drivers strike over pay\nDrivers walked out at dawn, officials said.\n"
    "Related articles\nCookie settings\n",
    "Über uns\nStadtrat beschließt Haushalt\nDer Stadtrat hat am Dienstag den Haushalt beschlossen.\n",
]


def wet_texts() -> list[tuple[str, str]]:
    """The seeds (when ../shared is here) and the naive texts, each with a URL (one with a space, as CC has them)."""
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    texts = [p.read_text(encoding="utf-8") for p in seeds] + NAIVE_TEXTS
    return [
        (f"https://news.example/{i}/story {i}" if i == 1 else f"https://news.example/{i}", t)
        for i, t in enumerate(texts)
    ]


def test_wet_conversion_records_are_text_documents() -> None:
    texts = wet_texts()
    items = _read("/cc/CC-MAIN-x.warc.wet.gz", wet_bytes(texts))  # a WET file by its content
    assert [i.kind for i in items if isinstance(i, Skipped)] == ["warc/warcinfo"]
    docs = [i for i in items if not isinstance(i, Skipped)]
    assert [(d.source_uri, d.url) for d in docs] == [
        (f"/cc/CC-MAIN-x.warc.wet.gz#{i + 2}", u) for i, (u, _) in enumerate(texts)
    ]
    assert all(isinstance(d, RawDocument) and d.content_type == "text" and d.source_format == "warc" for d in docs)
    assert [d.data.decode("utf-8") for d in docs] == [t for _, t in texts]

"""Each limit turns an over-the-limit document into a reject naming it, and leaves the rest alone."""

from __future__ import annotations

import gzip
import io
import json
import zlib

import pytest

from newsclean.schemas.records import Article, RawDocument, Reject
from newsclean.transforms.document import process_document
from newsclean.transforms.errors import StageError
from newsclean.transforms.reading.decode import decode_bytes
from newsclean.transforms.reading.read import read_documents
from newsclean.transforms.runtime.limits import (
    Limits,
    check_line_length,
    element_depth,
    html_depth,
    longest_line,
    nests_deeper_than,
)
from tests.warc_helpers import article_html, warc_bytes


def _read(name: str, data: bytes, **kwargs) -> list[RawDocument | Reject]:
    return list(read_documents(name, io.BytesIO(data), **kwargs))


def _bomb(megabytes: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join(packer.compress(b"\0" * (1 << 20)) for _ in range(megabytes)) + packer.flush()


BOMB = _bomb(256)


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz", "a.jsonl.gz"])
def test_gzip_bomb_is_stopped_by_its_ratio(name: str) -> None:
    [reject] = _read(name, BOMB)  # 256 MiB from 250 KB
    assert isinstance(reject, Reject) and (reject.stage, reject.error) == ("read", "compression_ratio")


def test_jsonl_lines_before_a_bomb_are_kept() -> None:
    good = gzip.compress(b"".join(json.dumps({"text": f"story {i}"}).encode() + b"\n" for i in range(3)))
    items = _read("d.jsonl.gz", good + _bomb(64))
    assert [type(i).__name__ for i in items] == ["RawDocument"] * 3 + ["Reject"]
    assert items[-1].error == "compression_ratio" and items[-1].source_uri == "d.jsonl.gz#4"


def test_warc_records_before_and_a_bomb_record() -> None:
    good = {"url": "https://e.com/1", "body": article_html("One", "https://e.com/1").encode()}
    bomb = {"url": "https://e.com/bomb", "body": b"<html>" + b" " * (64 << 20)}
    items = _read("c.warc.gz", warc_bytes([good, bomb, good]))
    kinds = [(i.source_uri, getattr(i, "error", getattr(i, "kind", "doc"))) for i in items]
    assert kinds == [("c.warc.gz#1", "warc/warcinfo"), ("c.warc.gz#2", "doc"), ("c.warc.gz#3", "compression_ratio")]


def test_a_ratio_can_be_allowed() -> None:
    data = gzip.compress(b"a" * (3 << 20))
    [doc] = _read("a.txt.gz", data, max_ratio=1e6)
    assert isinstance(doc, RawDocument) and len(doc.data) == 3 << 20


@pytest.mark.parametrize("name,data", [("e.jsonl", b""), ("e.jsonl", b"\n\r\n\n"), ("e.warc", b""), ("e.warc.gz", b"")])
def test_a_file_without_records_is_one_reject(name: str, data: bytes) -> None:
    [reject] = _read(name, data)
    assert isinstance(reject, Reject) and (reject.source_uri, reject.error) == (name, "no_records")


def test_warc_with_only_request_records_is_skipped_records_not_a_reject() -> None:
    items = _read("r.warc.gz", warc_bytes([{"url": "https://e.com/", "type": "request", "body": b""}]))
    assert [(type(i).__name__, getattr(i, "kind", None)) for i in items] == [
        ("Skipped", "warc/warcinfo"),
        ("Skipped", "warc/request"),
    ]


def test_deeply_nested_json_is_a_reject_and_reading_goes_on() -> None:
    lines = [b"[" * 100_000, json.dumps({"text": "ok", "x": [[[[[[[[[[1]]]]]]]]]]}).encode()]
    lines.append(b'{"text": "deep", "x": ' + b'{"a":' * 50_000 + b"1" + b"}" * 50_001)
    items = _read("n.jsonl", b"\n".join(lines))
    assert [getattr(i, "error", "doc") for i in items] == ["too_deep", "doc", "too_deep"]


def test_utf16_without_bom_is_decoded() -> None:
    text = "MOSCOW (AP) — Russia and Iran signed a treaty on Friday.\nÇa va, Zoë?\n"
    for codec, name in (("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be")):
        decoded, encoding = decode_bytes(text.encode(codec))
        assert decoded == text and encoding == name


def test_nul_bytes_in_8_bit_text_are_still_binary() -> None:
    with pytest.raises(StageError) as info:
        decode_bytes(b"plain text\x00\x00 with NULs " * 50)
    assert info.value.error == "binary"


def test_longest_line() -> None:
    assert longest_line("") == 0
    assert longest_line("ab\ncde\n") == 3
    assert longest_line("x" * 10) == 10
    with pytest.raises(StageError) as info:
        check_line_length("short\n" + "y" * 101, 100, "clean")
    assert (info.value.stage, info.value.error) == ("clean", "line_too_long")


def _page(depth: int) -> str:
    body = "<p>" + "The council voted on the budget for the city transport. " * 30 + "</p>"
    return "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"


def test_html_depth_as_the_parser_sees_it() -> None:
    assert html_depth(_page(10)) == (13, False)  # html, body, 10 divs, p
    assert html_depth(_page(10_000))[1] is True  # the parser cut it at 256
    assert html_depth('<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>')[0] == 3


@pytest.mark.parametrize("depth", [1, 5, 40])
def test_nests_deeper_than_agrees_with_element_depth(depth: int) -> None:
    import lxml.html

    tree = lxml.html.fromstring(_page(depth)).getroottree()
    deepest = element_depth(tree.getroot())
    assert deepest == depth + 3
    assert nests_deeper_than(tree, deepest - 1) and not nests_deeper_than(tree, deepest)


@pytest.mark.parametrize(
    "depth,limits,expected",
    [
        (10, Limits(), "article"),
        (240, Limits(), "article"),
        (300, Limits(), "too_deep"),  # past the parser's own ceiling: never silently half-read
        (10_000, Limits(), "too_deep"),
        (60, Limits(max_html_depth=50), "too_deep"),
        (47, Limits(max_html_depth=50), "article"),  # html, body, 47 divs, p: 50 deep, at the limit
        (48, Limits(max_html_depth=50), "too_deep"),
    ],
)
def test_html_depth_limit(depth: int, limits: Limits, expected: str) -> None:
    raw = RawDocument("p.html", _page(depth).encode(), source_format="html", content_type="html")
    result = process_document(raw, limits=limits)
    if expected == "article":
        assert isinstance(result, Article)
    else:
        assert isinstance(result, Reject) and (result.stage, result.error) == ("extract", expected)


def test_line_length_limit_on_text_and_extracted_html() -> None:
    long_line = ("word " * 30_000).encode()
    result = process_document(RawDocument("t.txt", long_line), limits=Limits(max_line_chars=100_000))
    assert isinstance(result, Reject) and (result.stage, result.error) == ("clean", "line_too_long")
    page = b"<html><body><article><p>" + long_line + b"</p></article></body></html>"
    raw = RawDocument("p.html", page, source_format="html", content_type="html")
    result = process_document(raw, limits=Limits(max_line_chars=100_000))
    assert isinstance(result, Reject) and (result.stage, result.error) == ("clean", "line_too_long")


def test_limits_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        Limits(max_ratio=0)
    with pytest.raises(ValueError):
        Limits(max_seconds=-1)

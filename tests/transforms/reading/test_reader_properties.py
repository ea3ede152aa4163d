"""Properties of reading and decoding that must hold for any bytes (hypothesis).

Whatever a file holds, reading never raises and accounts for it: a text or HTML
file is exactly one document or one reject, a JSONL or WARC file at least one
item with each ``#N`` once; decoding gives text or a ``decode`` StageError; a
document always becomes an article or a reject. ``NEWSCLEAN_HYPOTHESIS_EXAMPLES``
examples per property (default 5000), as in ``test_properties.py``.
"""

from __future__ import annotations

import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.schemas.records import Article, RawDocument, Reject, Skipped
from newsclean.transforms.document import process_document
from newsclean.transforms.errors import StageError
from newsclean.transforms.reading.decode import decode_bytes
from newsclean.transforms.reading.read import read_documents
from tests.hostile.corpus import story
from tests.warc_helpers import warc_bytes

EXAMPLES = int(os.environ.get("NEWSCLEAN_HYPOTHESIS_EXAMPLES", "5000"))
SETTINGS = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])

SMALL_PAGE = "<html><body><p>The council voted on the budget.</p></body></html>"
GOOD_WARC = warc_bytes([{"url": f"https://e.com/{i}", "body": SMALL_PAGE.encode()} for i in range(3)], gzip=False)
GOOD_WARC_GZ = warc_bytes([{"url": f"https://e.com/{i}", "body": SMALL_PAGE.encode()} for i in range(3)])
JSON_LINES = [json.dumps({"text": "A story."}), json.dumps({"html": SMALL_PAGE, "url": "https://e.com/2"}), "[1]", "{"]


_FORMATS = {".txt": "text", ".html": "html", ".jsonl": "jsonl", ".warc": "warc"}


def _format(name: str) -> str:
    return _FORMATS[name.removesuffix(".gz")[name.removesuffix(".gz").rfind(".") :]]


def _read(name: str, data: bytes, *, forced: bool = True) -> list[RawDocument | Reject | Skipped]:
    """The reader the name says (``forced``), or the one the bytes say."""
    fmt = _format(name) if forced else None
    return list(read_documents(name, io.BytesIO(data), max_bytes=200_000, source_format=fmt))


def _check_accounting(name: str, items: list, fmt: str | None = None) -> None:
    assert all(isinstance(i, (RawDocument, Reject, Skipped)) for i in items)
    if (fmt or _format(name)) in ("text", "html"):
        assert len(items) == 1 and items[0].source_uri == name
        return
    assert items  # an empty container is one no_records reject, never nothing
    uris = [i.source_uri for i in items]
    assert len(uris) == len(set(uris))  # each line or record once
    assert all(u == name or u.startswith(name + "#") for u in uris)
    for reject in (i for i in items if isinstance(i, Reject)):
        assert reject.stage == "read" and reject.error


NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.warc", "a.txt.gz", "a.jsonl.gz", "a.warc.gz"])


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    """A good file of some format, cut short and with a few bytes changed."""
    name, data = draw(
        st.sampled_from(
            [
                ("w.warc", GOOD_WARC),
                ("w.warc.gz", GOOD_WARC_GZ),
                ("j.jsonl", "\n".join(JSON_LINES).encode()),
                ("j.jsonl.gz", gzip.compress("\n".join(JSON_LINES).encode())),
                ("t.txt.gz", gzip.compress(story(3).encode())),
            ]
        )
    )
    data = bytearray(data[: draw(st.integers(0, len(data)))])
    for _ in range(draw(st.integers(0, 3))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return name, bytes(data)


@SETTINGS
@given(st.one_of(st.tuples(NAMES, st.binary(max_size=3000)), damaged()))
def test_reading_any_or_damaged_bytes_never_raises_and_accounts_for_them(case: tuple[str, bytes]) -> None:
    name, data = case
    _check_accounting(name, _read(name, data))


@SETTINGS
@given(st.one_of(st.tuples(NAMES, st.binary(max_size=3000)), damaged()))
def test_any_bytes_read_by_content_never_raise_and_are_accounted_for(case: tuple[str, bytes]) -> None:
    name, data = case
    items = _read(name, data, forced=False)
    # one document or reject named as the file, or records each named once as file#N
    _check_accounting(name, items, "text" if [i.source_uri for i in items] == [name] else "container")


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(JSON_LINES), st.text(max_size=30)), max_size=10))
def test_every_jsonl_line_is_one_item(lines: list[str]) -> None:
    items = _read("l.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    _check_accounting("l.jsonl", items)
    if all("\n" not in line for line in lines):  # then the file's lines are these
        records = [n for n, line in enumerate(lines, 1) if line.encode("utf-8", "surrogatepass").strip()]
        assert [i.source_uri for i in items] == [f"l.jsonl#{n}" for n in records] or (not records and len(items) == 1)


@SETTINGS
@given(
    st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([None, "utf-8", "latin-1", "utf-16", "x-bogus", "cp1252"]),
)
def test_any_bytes_decode_to_text_or_a_reject_and_become_an_article_or_a_reject(data: bytes, declared) -> None:
    try:
        text, encoding = decode_bytes(data, declared)
    except StageError as exc:
        assert exc.stage == "decode" and exc.error in {"empty", "binary", "undecodable"}
    else:
        assert isinstance(text, str) and text.strip() and encoding
    result = process_document(RawDocument("d.txt", data, charset=declared))
    assert isinstance(result, (Article, Reject))
    if isinstance(result, Reject):
        assert result.stage in {"decode", "clean", "fields"} and not result.error.startswith("exception")
    else:
        assert result.text.strip() and result.doc_id

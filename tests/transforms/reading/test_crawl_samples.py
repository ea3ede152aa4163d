"""The real WARC and ARC files of ``../shared/data/crawl-samples`` (warcio's test data), each read as its content says.

The expectations come from the files' records (listed with warcio, record by
record, and checked by hand where a file is broken), not from what the reader
happened to give: every complete record of the WARC gzipped as one stream,
ARC read as ARC, no request, resource, robots or non-200 record as a document,
a truncated record as one reject with the complete records around it, and each
document with its target URI exactly as the file has it.
"""

from __future__ import annotations

import io

import pytest

from newsclean.schemas.records import RawDocument, Reject, Skipped
from newsclean.transforms.reading.read import read_documents
from tests.conftest import SHARED

SAMPLES = SHARED / "data" / "crawl-samples"
pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/data/crawl-samples is not here")

EXAMPLE = "http://example.com/"
SPACED = "http://example.com/index.cfm?FuseAction=Email&EmailTitle=Examples From The Live Web&IsPopUp=False"
# warcinfo, warcinfo, the page, its request, a revisit of it, the revisit's request
EXAMPLE_WARC = [
    "skip warc/warcinfo",
    "skip warc/warcinfo",
    f"doc {EXAMPLE}",
    "skip warc/request",
    "skip warc/revisit",
    "skip warc/request",
]
EXPECTED = {
    # an ARC whose every length is broken ("-1", "abc"), its file header's first: nothing frames a record
    "bad.arc": ["reject corrupt_warc"],
    # example.warc gzipped as one stream, not one member per record: all six records, not one and a reject
    "example-bad-non-chunked.warc.gz": EXAMPLE_WARC,
    "example-digest.warc": ["skip warc/request"] * 4,
    "example-iana.org-chunked.warc": ["skip warc/warcinfo", "doc http://www.iana.org/", "skip warc/request"],
    "example-resource.warc.gz": ["skip warc/warcinfo", "skip warc/warcinfo", "skip warc/resource"],
    "example-space-in-target-uri.warc.gz": ["skip warc/warcinfo", "skip warc/resource"],
    # the ARC header line's length counts 12 bytes the file does not hold, but the HTTP body is whole
    # by its own Content-Length: the page is a document, its URL with its spaces
    "example-space-in-url.arc": ["skip arc/filedesc", f"doc {SPACED}"],
    # the response's Content-Length stops 2 bytes before the end of its gzip-encoded body
    "example-trunc.warc": ["skip warc/warcinfo", "skip warc/warcinfo", "reject truncated_record", "skip warc/request"],
    # wget 1.19 wrote WARC-Target-URI as <http://example.com/>; its log and arguments are resource records
    "example-wget-bad-target-uri.warc.gz": [
        "skip warc/warcinfo",
        "skip warc/request",
        f"doc {EXAMPLE}",
        "skip warc/metadata",
        "skip warc/resource",
        "skip warc/resource",
    ],
    # one record split over two gzip members (headers, body): the bytes are a whole, valid record
    "example-wrong-chunks.warc.gz": [f"doc {EXAMPLE}", "skip warc/request"],
    "example.arc": ["skip arc/filedesc", f"doc {EXAMPLE}"],
    "example.arc.gz": ["skip arc/filedesc", f"doc {EXAMPLE}"],
    "example.warc": EXAMPLE_WARC,
    "example.warc.gz": EXAMPLE_WARC,
    # httpbin POST answers: JSON, no page
    "post-test.warc.gz": ["skip warc/response/application/json", "skip warc/request"] * 3,
}
WITH_RESOURCES = {  # --warc-records resource: the HTML resource is a document, the others say why not
    "example-resource.warc.gz": ["skip warc/warcinfo", "skip warc/warcinfo", f"doc {EXAMPLE}"],
    "example-space-in-target-uri.warc.gz": ["skip warc/warcinfo", "skip warc/resource/image/png"],
    "example-wget-bad-target-uri.warc.gz": [
        "skip warc/warcinfo",
        "skip warc/request",
        f"doc {EXAMPLE}",
        "skip warc/metadata",
        "skip warc/resource/text/plain",
        "skip warc/resource/text/plain",
    ],
}


def _read(name: str, data: bytes | None = None, **kwargs) -> list[RawDocument | Reject | Skipped]:
    data = (SAMPLES / name).read_bytes() if data is None else data
    # read by content: the name says nothing to the reader (an ARC, a WARC gzipped whole ...)
    return list(read_documents(f"/s/{name}", io.BytesIO(data), **kwargs))


def _outcome(item: RawDocument | Reject | Skipped) -> str:
    if isinstance(item, RawDocument):
        return f"doc {item.url}"
    if isinstance(item, Skipped):
        return f"skip {item.kind}"
    return f"reject {item.error}"


def _outcomes(items: list) -> list[str]:
    positions = [int(i.source_uri.rsplit("#", 1)[1]) for i in items]
    assert positions == list(range(1, len(items) + 1))  # one outcome per record, in order
    return [_outcome(i) for i in items]


def test_every_sample_is_expected() -> None:
    assert sorted(p.name for p in SAMPLES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_reads_as_its_content_says(name: str) -> None:
    items = _read(name)
    assert _outcomes(items) == EXPECTED[name]
    for doc in (i for i in items if isinstance(i, RawDocument)):
        assert doc.content_type == "html" and doc.source_format == "warc"
        assert doc.data.lstrip().lower().startswith(b"<!doctype html>")
        assert b"</html>" in doc.data  # the whole page
        assert doc.meta.get("fetched_at", "").startswith(("2014-", "2017-", "2018-"))


@pytest.mark.parametrize("name", sorted(WITH_RESOURCES))
def test_resource_records_with_the_option(name: str) -> None:
    assert _outcomes(_read(name, warc_records=("resource",))) == WITH_RESOURCES[name]


def test_arc_records_are_read_as_arc() -> None:
    for name in ("example.arc", "example.arc.gz", "example-space-in-url.arc"):
        (doc,) = [i for i in _read(name) if isinstance(i, RawDocument)]
        assert doc.meta["archive_format"] == "arc" and doc.meta["fetched_at"] == "2014-02-16T05:02:21Z"
        assert b"Example Domain" in doc.data


def test_the_whole_file_gzip_reads_like_the_plain_file() -> None:
    plain = [i for i in _read("example.warc") if isinstance(i, RawDocument)]
    packed = [i for i in _read("example-bad-non-chunked.warc.gz") if isinstance(i, RawDocument)]
    assert [(d.url, d.data, d.meta) for d in packed] == [(d.url, d.data, d.meta) for d in plain]
    assert _read("example-iana.org-chunked.warc")[1].charset == "UTF-8"


@pytest.mark.parametrize("name", ["example.warc", "example.warc.gz", "example-bad-non-chunked.warc.gz", "example.arc"])
@pytest.mark.parametrize("share", [0.45, 0.6, 0.97])
def test_a_cut_sample_gives_its_complete_records_and_one_reject(name: str, share: float) -> None:
    whole = _outcomes(_read(name))
    data = (SAMPLES / name).read_bytes()
    items = _read(name, data[: int(len(data) * share)])
    outcomes = _outcomes(items)
    assert outcomes[-1].startswith("reject ") and not any(o.startswith("reject ") for o in outcomes[:-1])
    assert outcomes[:-1] == whole[: len(outcomes) - 1]  # every record before the cut, as in the whole file
    assert items[-1].error in ("truncated_record", "truncated_gzip")

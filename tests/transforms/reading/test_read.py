"""Reading files into raw documents: formats and compression by content, and what becomes a read reject."""

from __future__ import annotations

import gzip
import io
import zlib

import pytest

from newsclean.schemas.records import RawDocument, Reject
from newsclean.transforms.reading.read import ReadError, is_read_in_folder, read_all, read_documents

BODY = "MOSCOW (AP) — A story.\n".encode() * 50


def _read(uri: str, data: bytes, **kwargs) -> list[RawDocument | Reject]:
    return list(read_documents(uri, io.BytesIO(data), **kwargs))


def test_folder_files_read_by_extension_known_or_absent() -> None:
    for name in ("a/b.txt", "a/b.TXT.gz", "a.b/c", "x/CC-MAIN-1.warc.wet.gz", "d.json", "p.html.bz2", "q.jsonl.zst"):
        assert is_read_in_folder(name), name
    for name in ("a/README.md", "t.csv", "img.png", "x/.hidden", "s.css.gz"):
        assert not is_read_in_folder(name), name


def test_plain_and_gzipped_text_give_the_same_document() -> None:
    plain = _read("x.txt", BODY)
    zipped = _read("x.txt.gz", gzip.compress(BODY))
    assert [d.data for d in plain] == [d.data for d in zipped] == [BODY]
    assert zipped[0].source_uri == "x.txt.gz" and zipped[0].source_format == "text"


def test_concatenated_gzip_members_are_all_read() -> None:
    data = gzip.compress(b"first half, ") + gzip.compress(b"second half")
    assert read_all(io.BytesIO(data), compression="gzip") == b"first half, second half"


def test_truncated_gzip_is_a_reject() -> None:
    data = gzip.compress(BODY * 20)
    [reject] = _read("x.txt.gz", data[: len(data) // 2])
    assert isinstance(reject, Reject)
    assert (reject.stage, reject.error) == ("read", "truncated_gzip")
    assert reject.raw_prefix  # shows the first bytes for a person


def test_corrupt_gzip_is_a_reject() -> None:
    data = bytearray(gzip.compress(BODY))
    data[20:40] = b"\x00" * 20
    [reject] = _read("x.txt.gz", bytes(data))
    assert isinstance(reject, Reject) and reject.error in {"corrupt_gzip", "truncated_gzip"}


def test_gzip_bomb_stops_at_the_limit() -> None:
    bomb = zlib.compress(b"\x00" * (50 * 1024 * 1024), 9)  # 50 MiB of zeros in ~50 KiB
    data = gzip.compress(b"\x00" * (50 * 1024 * 1024), 9)
    assert len(data) < 1024 * 1024 and len(bomb) < 1024 * 1024
    [reject] = _read("x.txt.gz", data, max_bytes=1024 * 1024)
    assert isinstance(reject, Reject) and reject.error == "compression_ratio"  # 1000x: stopped after 2 MiB
    [reject] = _read("x.txt.gz", data, max_bytes=1024 * 1024, max_ratio=10_000)
    assert isinstance(reject, Reject) and reject.error == "too_large"  # a ratio allowed: the size limit


def test_ordinary_gzip_is_not_a_bomb() -> None:
    text = "".join(f"Line {i}: the council met on day {i * 7919 % 1000} to vote.\n" for i in range(80000))
    data = gzip.compress(text.encode(), 9)
    assert len(text) > 3 * 1024 * 1024 and len(text) / len(data) < 100
    [doc] = _read("x.txt.gz", data)
    assert isinstance(doc, RawDocument) and doc.data == text.encode()


def test_plain_file_over_the_limit() -> None:
    [reject] = _read("x.txt", b"a" * 2000, max_bytes=1000)
    assert isinstance(reject, Reject) and reject.error == "too_large"


def test_read_all_raises_for_callers_that_want_exceptions() -> None:
    with pytest.raises(ReadError):
        read_all(io.BytesIO(b"a" * 10), max_bytes=5)

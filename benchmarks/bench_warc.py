"""warcio against FastWARC: which reads each crawl sample right, and how fast each reads a big WARC.

    python benchmarks/bench_warc.py [--repeat 3] [--rounds 3] [--keep FILE]

Needs FastWARC beside the project (``pip install fastwarc``; it is no dependency of newsclean).

1. **Crawl samples** (``../shared/data/crawl-samples``, warcio's own test files):
   each library reads each file raw (warcio's ``ArchiveIterator``, FastWARC's
   ``ArchiveIterator`` with HTTP parsing and payload decoding), and so does
   newsclean's reader (warcio behind its own gzip inflater and record policy).
   A library reads a file right when it gives every record the file holds, in
   order and with its type, each HTML page whole with its target URI as the
   file has it, and says so when a record is broken (an exception, or
   warcio's count of bad records) instead of passing it on as good. The truth
   is ``tests/transforms/reading/test_crawl_samples.py``'s, set from the files'
   content. Two cut files are added: ``example.warc.gz`` and the whole-file
   gzip one, cut at 60%: a reader must say they end early.
2. **Speed**: a WARC built from the development pages (``wcxb-dev`` and
   ``trafilatura-eval``, ``*.html.gz``), each page a ``response`` record,
   ``--repeat`` times over, one gzip member per record like CC-NEWS. Each library
   reads every record and every response payload; the three readers take turns,
   best of ``--rounds``. Prints records/s and MB/s (of the file as stored, gzipped).
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsclean.schemas.records import RawDocument
from newsclean.transforms.reading.warc import read_warc
from tests.conftest import SHARED
from tests.transforms.reading.test_crawl_samples import EXPECTED, SAMPLES

PAGE_FOLDERS = ("wcxb-dev", "trafilatura-eval")
CUT_SHARE = 0.6


# --- the truth, per record ----------------------------------------------------------------------


def _truth(outcomes: list[str]) -> list[tuple[str, str | None]]:
    """``(record type, URL of a page or None)`` per record, ``("broken", None)`` for a bad one."""
    truth: list[tuple[str, str | None]] = []
    for outcome in outcomes:
        what, _, rest = outcome.partition(" ")
        if what == "doc":
            truth.append(("response", rest))
        elif what == "skip":
            record_type = rest.split("/")[1]
            truth.append(("warcinfo" if record_type == "filedesc" else record_type, None))
        else:
            truth.append(("broken", None))
    return truth


def _samples() -> list[tuple[str, bytes, list[tuple[str, str | None]]]]:
    """``(name, bytes, truth)`` for every sample, and the two cut files (whose truth ends in a broken record)."""
    cases = [(name, (SAMPLES / name).read_bytes(), _truth(EXPECTED[name])) for name in sorted(EXPECTED)]
    for name in ("example.warc.gz", "example-bad-non-chunked.warc.gz"):
        data = (SAMPLES / name).read_bytes()
        cut = data[: int(len(data) * CUT_SHARE)]
        whole = _truth(EXPECTED[name])
        complete = _records_within(gzip.decompress(data), len(_gunzip_prefix(cut)))
        cases.append((f"{name} cut at {CUT_SHARE:.0%}", cut, [*whole[:complete], ("broken", None)]))
    return cases


def _gunzip_prefix(data: bytes) -> bytes:
    """What the gzip members of a cut file still give, member after member."""
    out = []
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out.append(inflater.decompress(data))
        data = inflater.unused_data if inflater.eof else b""
    return b"".join(out)


def _records_within(plain: bytes, size: int) -> int:
    """How many records of the plain WARC ``plain`` end within its first ``size`` bytes."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(io.BytesIO(plain))
    ends = []
    for _ in archive:
        ends.append(archive.get_record_offset() + archive.get_record_length())
    return sum(end <= size for end in ends)


def _kind(item) -> str:
    if isinstance(item, RawDocument):
        return f"doc {item.url}"
    return f"skip {item.kind}" if hasattr(item, "kind") else f"reject {item.error}"


# --- what each library gives -----------------------------------------------------------------------


def _warcio_records(data: bytes) -> tuple[list[tuple[str, str | None, bytes]], bool]:
    """``([(type, target URI, payload of an HTTP response)], signalled)``: signalled when warcio raised
    or counted a record it could not frame."""
    from warcio.archiveiterator import ArchiveIterator

    got: list[tuple[str, str | None, bytes]] = []
    archive = ArchiveIterator(io.BytesIO(data))
    try:
        for record in archive:
            headers = record.rec_headers
            if record.format == "arc":
                kind = "warcinfo" if record.rec_type == "arc_header" else "response"
                uri = headers.get_header("uri")
            else:
                kind, uri = record.rec_type, headers.get_header("WARC-Target-URI")
            payload = record.content_stream().read() if kind == "response" and record.http_headers else b""
            got.append((kind, uri, payload))
    except Exception:  # noqa: BLE001 - any failure is a signal
        return got, True
    return got, archive.err_count > 0


def _fastwarc_records(data: bytes) -> tuple[list[tuple[str, str | None, bytes]], bool]:
    from fastwarc.warc import ArchiveIterator

    got: list[tuple[str, str | None, bytes]] = []
    try:
        for record in ArchiveIterator(io.BytesIO(data), parse_http=True, auto_decode="all"):
            kind = str(record.record_type).rsplit(".", 1)[-1].lower()
            payload = record.reader.read() if kind == "response" and record.is_http else b""
            got.append((kind, record.headers.get("WARC-Target-URI"), payload))
    except Exception:  # noqa: BLE001
        return got, True
    return got, False


def _judge(got: list[tuple[str, str | None, bytes]], signalled: bool, truth: list) -> str:
    """``"ok"`` or what went wrong, first problem only."""
    broken = [i for i, (kind, _) in enumerate(truth) if kind == "broken"]
    for i, (kind, url) in enumerate(truth):
        if kind == "broken":
            if not signalled:
                return f"record {i + 1} is broken, nothing said so"
            if len(got) > i and got[i][0] == "response" and got[i][2]:
                return f"record {i + 1} is broken, given as good"
            continue
        if i >= len(got):
            return f"stops before record {i + 1} of {len(truth)}"
        g_kind, g_url, payload = got[i]
        if g_kind != kind:
            return f"record {i + 1} is {g_kind}, not {kind}"
        if url is not None and g_url != url:
            return f"record {i + 1} URI {g_url!r}"
        if url is not None and b"</html>" not in payload:
            return f"record {i + 1} page not whole ({len(payload)} bytes)"
    if signalled and not broken:
        return f"an error after {len(got)} records"
    return "ok"


def _judge_newsclean(data: bytes, name: str, truth: list) -> str:
    outcomes = [_kind(i) for i in read_warc(name, io.BytesIO(data))]
    expected = EXPECTED.get(name)
    if expected is not None:
        return "ok" if outcomes == expected else f"gives {outcomes}"
    return "ok" if _truth(outcomes) == truth else f"gives {outcomes}"


def correctness() -> dict[str, tuple[int, int]]:
    cases = _samples()
    width = max(len(name) for name, _, _ in cases)
    print(f"\n{'sample':<{width}}  {'warcio':<44}  {'FastWARC':<44}  newsclean (warcio + inflater + policy)")
    right = {"warcio": 0, "FastWARC": 0, "newsclean": 0}
    for name, data, truth in cases:
        verdicts = {
            "warcio": _judge(*_warcio_records(data), truth),
            "FastWARC": _judge(*_fastwarc_records(data), truth),
            "newsclean": _judge_newsclean(data, name, truth),
        }
        for library, verdict in verdicts.items():
            right[library] += verdict == "ok"
        print(
            f"{name:<{width}}  {verdicts['warcio'][:44]:<44}  {verdicts['FastWARC'][:44]:<44}  {verdicts['newsclean']}"
        )
    print("right: " + ", ".join(f"{library} {n} of {len(cases)}" for library, n in right.items()))
    return {library: (n, len(cases)) for library, n in right.items()}


# --- speed -------------------------------------------------------------------------------------------


def build_warc(path: Path, repeat: int) -> int:
    """A CC-NEWS-like WARC of every development page, ``repeat`` times; returns the record count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = sorted(p for folder in PAGE_FOLDERS for p in (SHARED / "data" / folder).glob("*.html.gz"))
    if not pages:
        raise SystemExit("no pages under ../shared/data (wcxb-dev, trafilatura-eval)")
    bodies = [(p.name.removesuffix(".html.gz"), gzip.decompress(p.read_bytes())) for p in pages]
    count = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newsclean bench_warc"}))
        for round_ in range(repeat):
            for name, body in bodies:
                http = StatusAndHeaders(
                    "200 OK",
                    [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                    protocol="HTTP/1.1",
                )
                url = f"https://pages.example/{round_}/{name}"
                writer.write_record(writer.create_warc_record(url, "response", io.BytesIO(body), http_headers=http))
                count += 1
    return count + 1


def _warcio_pass(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = payload = 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            records += 1
            if record.rec_type == "response":
                payload += len(record.content_stream().read())
    return records, payload


def _fastwarc_pass(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = payload = 0
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh, parse_http=True, auto_decode="all"):
            records += 1
            if record.record_type == WarcRecordType.response:
                payload += len(record.reader.read())
    return records, payload


def _newsclean_pass(path: Path) -> tuple[int, int]:
    records = payload = 0
    with path.open("rb") as fh:
        for item in read_warc(str(path), fh):
            records += 1
            payload += len(item.data) if isinstance(item, RawDocument) else 0
    return records, payload


def speed(path: Path, rounds: int) -> None:
    readers = {"warcio": _warcio_pass, "FastWARC": _fastwarc_pass, "newsclean reader": _newsclean_pass}
    best = dict.fromkeys(readers, float("inf"))
    seen: dict[str, tuple[int, int]] = {}
    for _ in range(rounds):
        for name, reader in readers.items():  # taking turns, so a busy machine slows them alike
            started = time.perf_counter()
            seen[name] = reader(path)
            best[name] = min(best[name], time.perf_counter() - started)
    size_mb = path.stat().st_size / 1e6
    print(f"\n{path.name}: {size_mb:.1f} MB gzipped, best of {rounds}")
    for name, seconds in best.items():
        records, payload = seen[name]
        print(
            f"  {name:<17} {records / seconds:8.0f} records/s  {size_mb / seconds:6.1f} MB/s"
            f"  ({records} records, {payload / 1e6:.1f} MB of payload, {seconds:.2f} s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="times every page is written (default 3)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the big WARC here and keep it")
    args = parser.parse_args()
    from importlib.metadata import version

    print(f"warcio {version('warcio')}, FastWARC {version('fastwarc')}, Python {sys.version.split()[0]}")
    if not SAMPLES.is_dir():
        raise SystemExit("../shared/data/crawl-samples is not here")
    correctness()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "dev-pages.warc.gz"
        records = build_warc(path, args.repeat)
        print(f"\nbuilt {records} records")
        speed(path, args.rounds)


if __name__ == "__main__":
    main()

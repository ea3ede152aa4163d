"""``run.json`` and the end-of-run summary, from Beam counters and the written files."""

from __future__ import annotations

import json
import platform
from collections import Counter
from typing import Any

import apache_beam as beam
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics.metric import MetricsFilter

from newsclean import __version__
from newsclean.schemas.arrow import ARTICLE_SCHEMA, REJECT_SCHEMA
from newsclean.schemas.records import SCHEMA_VERSION
from newsclean.transforms.beam import jsonl_io
from newsclean.transforms.beam.documents import COUNTS_FILE, NAMESPACE, SKIPPED_FILE
from newsclean.transforms.beam.parquet_io import write_table
from newsclean.transforms.beam.stagetime import stage_seconds

COUNT_BATCH_ROWS = 10_000  # rows read at a time when the summary counts the output


SCHEMAS = {"articles": ARTICLE_SCHEMA, "rejects": REJECT_SCHEMA}


def _part_files(output: str, name: str) -> list[str]:
    """``OUT/<name>``'s part files, Parquet or JSONL (``--output-format``)."""
    patterns = [f"{output.rstrip('/')}/{name}/part-*{suffix}" for suffix in (".parquet", jsonl_io.SUFFIX)]
    return sorted(m.path for result in FileSystems.match(patterns) for m in result.metadata_list)


def read_table(output: str, name: str, columns: list[str] | None = None) -> pa.Table:
    """All of ``OUT/<name>/part-*`` as one table."""
    tables = []
    for path in _part_files(output, name):
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
            if path.endswith(jsonl_io.SUFFIX):
                tables.append(jsonl_io.read_jsonl(handle, SCHEMAS[name], columns))
            else:
                tables.append(pq.read_table(handle, columns=columns))
    return pa.concat_tables(tables) if tables else pa.table({})


def _batches(output: str, name: str, columns: list[str]):
    """``OUT/<name>``'s rows, ``COUNT_BATCH_ROWS`` at a time (memory bounded by a batch, not the output)."""
    for path in _part_files(output, name):
        with FileSystems.open(path, compression_type=CompressionTypes.UNCOMPRESSED) as handle:
            if path.endswith(jsonl_io.SUFFIX):
                yield from jsonl_io.iter_batches(handle, SCHEMAS[name], columns)
            else:
                yield from pq.ParquetFile(handle).iter_batches(batch_size=COUNT_BATCH_ROWS, columns=columns)


def _value_counts(values: pa.Array) -> Counter[str]:
    return Counter({item["values"]: item["counts"] for item in pc.value_counts(values.drop_null()).to_pylist()})


def output_counts(output: str) -> tuple[int, Counter[str], Counter[str], int, Counter[str]]:
    """Articles, removed lines by rule, copies by kind, rejects, rejects by ``stage/error``:
    counted a batch at a time with Arrow's kernels, so the driver never holds a column of the
    whole output as Python objects."""
    articles, removed, copies, _encodings, _repaired, rejects, reasons = _counts(output)
    return articles, removed, copies, rejects, reasons


def _counts(output: str) -> tuple[int, Counter[str], Counter[str], Counter[str], int, int, Counter[str]]:
    """:func:`output_counts`' counts, and articles by encoding and with mojibake repaired (``encoding_repaired``)."""
    articles, removed, copies, encodings, repaired = 0, Counter(), Counter(), Counter(), 0
    for batch in _batches(output, "articles", ["removed", "duplicate_kind", "encoding", "encoding_repaired"]):
        articles += batch.num_rows
        removed.update(_value_counts(pc.list_flatten(batch.column("removed")).field("rule")))
        copies.update(_value_counts(batch.column("duplicate_kind")))
        encodings.update(_value_counts(batch.column("encoding")))
        repaired += pc.sum(pc.cast(batch.column("encoding_repaired").fill_null(False), pa.int64())).as_py() or 0
    rejects, reasons = 0, Counter()
    for batch in _batches(output, "rejects", ["stage", "error"]):
        rejects += batch.num_rows
        stages, errors = batch.column("stage").to_pylist(), batch.column("error").to_pylist()
        reasons.update(f"{stage}/{error}" for stage, error in zip(stages, errors, strict=True))
    return articles, removed, copies, encodings, repaired, rejects, reasons


def ensure_outputs(output: str, output_format: str = "parquet") -> None:
    """Give ``articles`` and ``rejects`` at least one (empty) file with the schema.

    A run with no rejects still leaves a readable ``rejects`` table, whatever the runner.
    """
    for name, schema in SCHEMAS.items():
        if _part_files(output, name):
            continue
        if output_format == "jsonl":
            jsonl_io.write_jsonl(f"{output.rstrip('/')}/{name}/part-00000-of-00001{jsonl_io.SUFFIX}", [], schema)
        else:
            write_table(f"{output.rstrip('/')}/{name}/part-00000-of-00001.parquet", [], schema)


def _read_count(output: str) -> int | None:
    """The input count the pipeline wrote as data (``beam.documents.CountInto``), then removed."""
    path = f"{output.rstrip('/')}/{COUNTS_FILE}"
    if not FileSystems.exists(path):
        return None
    with FileSystems.open(path) as handle:
        value = int(handle.read().decode() or 0)
    FileSystems.delete([path])
    return value


def _read_skipped(output: str) -> dict[str, int]:
    """The kinds of input records that were not documents, as the pipeline wrote them, then removed."""
    path = f"{output.rstrip('/')}/{SKIPPED_FILE}"
    if not FileSystems.exists(path):
        return {}
    with FileSystems.open(path) as handle:
        value = json.loads(handle.read().decode() or "{}")
    FileSystems.delete([path])
    return {str(kind): int(count) for kind, count in value.items()}


def counters(result: beam.runners.runner.PipelineResult) -> dict[str, int]:
    """Committed ``newsclean*`` counters as ``{"namespace:name": value}``; {} if the runner has none."""
    try:
        query = result.metrics().query(MetricsFilter())
    except Exception:  # noqa: BLE001 - some runners do not report metrics
        return {}
    values: dict[str, int] = {}
    for counter in query.get("counters", []):
        key = counter.key.metric
        if not key.namespace.startswith(NAMESPACE):
            continue
        value = counter.committed if counter.committed is not None else counter.attempted
        values[f"{key.namespace}:{key.name}"] = values.get(f"{key.namespace}:{key.name}", 0) + int(value or 0)
    return values


def build_report(
    output: str,
    metric_values: dict[str, int],
    seconds: float,
    options: dict[str, Any],
    not_read: list[str] | None = None,
) -> dict:
    """The run summary: counts read back from the output files, plus the run's counters.

    ``not_read`` names the files of input folders that were not read (their
    extension is not news), the first ``NOT_READ_LISTED`` of them."""
    from newsclean.inputs import NOT_READ_LISTED

    not_read = not_read or []
    articles, removed, copies, encodings, repaired, rejects, reasons = _counts(output)
    inputs = _read_count(output)
    if inputs is None:
        inputs = metric_values.get(f"{NAMESPACE}:inputs")
    skipped_by_kind = _read_skipped(output)
    skipped = sum(skipped_by_kind.values())
    return {
        "inputs": inputs,
        "files": metric_values.get(f"{NAMESPACE}:files"),
        "articles": articles,
        "rejects": rejects,
        "skipped": skipped,
        "accounted": inputs == articles + rejects + skipped if inputs is not None else None,
        "rejects_by_reason": dict(sorted(reasons.items())),
        "skipped_by_kind": skipped_by_kind,
        "not_read": len(not_read),
        "not_read_files": not_read[:NOT_READ_LISTED],
        "removed_by_rule": dict(removed.most_common()),
        "copies_by_kind": dict(sorted(copies.items())),
        "encodings": dict(encodings.most_common()),
        "mojibake_repaired": repaired,
        "seconds": round(seconds, 3),
        # each stage's own code, summed over workers (newsclean.transforms.beam.stagetime)
        "stage_seconds": stage_seconds(metric_values),
        "versions": {
            "newsclean": __version__,
            "schema": SCHEMA_VERSION,
            "apache_beam": beam.__version__,
            "pyarrow": pa.__version__,
            "python": platform.python_version(),
        },
        "options": options,
    }


def write_report(output: str, report: dict) -> None:
    with FileSystems.create(f"{output.rstrip('/')}/run.json") as handle:
        handle.write(json.dumps(report, indent=2, sort_keys=False, default=str).encode() + b"\n")


def format_summary(report: dict) -> str:
    """The end-of-run table: counts (mojibake repaired among them), rejects by reason, removed lines by rule,
    copies by kind, articles by encoding, time."""
    rows: list[tuple[str, object]] = [
        ("inputs", report["inputs"]),
        ("articles", report["articles"]),
        ("rejects", report["rejects"]),
        ("skipped", report.get("skipped", 0)),
        ("files not read", report.get("not_read", 0)),
        ("mojibake repaired", report.get("mojibake_repaired", 0)),
        ("seconds", f"{report['seconds']:.1f}"),
    ]
    sections = [
        ("rejects by reason", report["rejects_by_reason"]),
        ("skipped by kind", report.get("skipped_by_kind") or {}),
        ("removed lines by rule", report["removed_by_rule"]),
        ("copies by kind", report.get("copies_by_kind") or {}),
        ("articles by encoding", report.get("encodings") or {}),
    ]
    keys = [k for k, _ in rows] + [f"  {k}" for _, values in sections for k in values]
    width = max(len(k) for k in keys)
    lines = [f"{k:<{width}}  {v:>9}" for k, v in rows]
    for title, values in sections:
        if values:
            lines.append(title)
            lines.extend(f"{'  ' + k:<{width}}  {v:>9,}" for k, v in values.items())
    if report["accounted"] is False:
        lines.append("WARNING: inputs != articles + rejects + skipped")
    return "\n".join(lines)


def _record_fields(patterns: list[tuple[str, bool]], files: int = 3) -> list[str]:
    """The field names of the first record of the first JSON/JSONL inputs (local ones), for an empty run's hint."""
    import glob
    import gzip
    import os

    from newsclean.transforms.reading.read import sniff_format

    names: dict[str, None] = {}
    paths = [p for pattern, _ in patterns if "://" not in pattern for p in sorted(glob.glob(pattern, recursive=True))]
    for path in [p for p in paths if os.path.isfile(p)][:files]:
        try:
            with open(path, "rb") as handle:
                head = handle.read(65536)
            if head[:2] == b"\x1f\x8b":
                with gzip.open(path, "rb") as handle:
                    head = handle.read(65536)
        except (OSError, EOFError, gzip.BadGzipFile):
            continue
        if sniff_format(head[:8192]) not in ("json", "jsonl"):
            continue
        text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n[")
        try:
            first, _ = json.JSONDecoder().raw_decode(text)
        except ValueError:
            continue
        if isinstance(first, dict):
            names.update(dict.fromkeys(first))
    return list(names)


def empty_run_hint(report: dict, patterns: list[tuple[str, bool]]) -> str:
    """One line saying why a run gave no article: the top reject reasons, and for JSON inputs the fields they hold."""
    reasons = sorted(report.get("rejects_by_reason", {}).items(), key=lambda kv: -kv[1])[:3]
    said = ", ".join(f"{reason} {count}" for reason, count in reasons) or "no rejects either"
    line = f"no article from {report.get('inputs') or 0} input record(s) (rejects: {said}"
    if report.get("skipped"):
        line += f"; skipped {report['skipped']}"
    line += ")"
    fields = _record_fields(patterns)
    if fields:
        line += f"; the JSON records hold {', '.join(fields[:12])}: map one with --jsonl-field text=FIELD"
    return line

"""The ``newsclean`` command line.

``newsclean run INPUT... --output DIR [beam options]``: newsclean's own flags are
parsed here, every other flag goes to Beam's ``PipelineOptions`` unchanged
(``--runner``, ``--direct_num_workers``, ``--setup_file``, ``--project`` ...).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time


def _drop_optional_gcp_notice(record: logging.LogRecord) -> bool:
    """Beam warns at import that optional GCP clients are absent; that is expected here."""
    return "apitools not found" not in record.getMessage()


logging.getLogger().addFilter(_drop_optional_gcp_notice)

import apache_beam as beam  # noqa: E402 - after the log filter above
from apache_beam.io.filesystems import FileSystems  # noqa: E402
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions  # noqa: E402

from pipeline import __version__, copies_options, graph, report  # noqa: E402
from pipeline.inputs import InputError, check_remote_inputs, expand_inputs  # noqa: E402
from transforms.read import DEFAULT_MAX_BYTES, FORMATS_BY_EXTENSION  # noqa: E402

DEFAULT_RUNNER = "DirectRunner"  # named, so Beam never tries to download a Prism binary


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean raw news into deduplicated, well-described Parquet with Apache Beam.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run",
        help="clean inputs into OUTPUT/articles, OUTPUT/rejects and OUTPUT/run.json",
        description=(
            "Clean news files into Parquet. INPUTs are files, folders (read recursively, "
            "known extensions only) or globs, local or remote (gs://, s3://); .gz is read "
            "transparently. Any option not listed here is passed to Apache Beam, e.g. "
            f"--runner (default {DEFAULT_RUNNER}), --direct_num_workers, --setup_file."
        ),
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT")
    run.add_argument("--output", "-o", required=True, help="output folder (local or remote)")
    run.add_argument(
        "--format",
        dest="source_format",
        choices=sorted(set(FORMATS_BY_EXTENSION.values())),
        help="read every input as this format instead of guessing from the extension",
    )
    run.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest document, after decompression, before it is rejected (default %(default)s)",
    )
    run.add_argument("--num-shards", type=int, default=0, help="Parquet files per output (0: runner decides)")
    run.add_argument("--quiet", "-q", action="store_true", help="print no summary")
    copies_options.add_arguments(run)
    return parser


def _clear_previous_output(output: str) -> None:
    """Remove part files and run.json of an earlier run, so stale shards never mix in."""
    base = output.rstrip("/")
    old = [
        m.path
        for pattern in (f"{base}/articles/part-*", f"{base}/rejects/part-*", f"{base}/run.json")
        for m in FileSystems.match([pattern])[0].metadata_list
    ]
    if old:
        FileSystems.delete(old)


def run(args: argparse.Namespace, beam_args: list[str]) -> int:
    """``newsclean run``: build and run the pipeline, then write run.json."""
    try:
        patterns = expand_inputs(args.inputs)
        check_remote_inputs(patterns)
    except InputError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
    options = PipelineOptions(beam_args)
    standard = options.view_as(StandardOptions)
    if not standard.runner:
        standard.runner = DEFAULT_RUNNER
    config = graph.RunConfig(
        patterns=tuple(patterns),
        output=args.output,
        source_format=args.source_format,
        max_bytes=args.max_bytes,
        num_shards=args.num_shards,
        copies=copies_options.config_from_args(args),
    )
    _clear_previous_output(args.output)
    started = time.perf_counter()
    pipeline = beam.Pipeline(options=options)
    graph.build(pipeline, config)
    result = pipeline.run()
    result.wait_until_finish()
    seconds = time.perf_counter() - started
    summary = report.build_report(
        args.output,
        report.counters(result),
        seconds,
        {"runner": str(standard.runner), "inputs": args.inputs, "format": args.source_format},
    )
    report.write_report(args.output, summary)
    if not args.quiet:
        print(report.format_summary(summary))
        print(f"wrote {args.output.rstrip('/')}/articles, rejects and run.json")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args, extra = _parser().parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.command == "run":
        return run(args, extra)
    return 2


if __name__ == "__main__":
    sys.exit(main())

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
from apache_beam.runners.portability.fn_api_runner import FnApiRunner  # noqa: E402

from pipeline import __version__, graph, report  # noqa: E402
from pipeline.inputs import InputError, check_remote_inputs, expand_inputs  # noqa: E402
from transforms.boilerplate import DEFAULT_MIN_DOCS  # noqa: E402
from transforms.read import DEFAULT_MAX_BYTES, FORMATS_BY_EXTENSION  # noqa: E402

DEFAULT_RUNNER = "DirectRunner"
# Beam's DirectRunner first tries PrismRunner, which downloads a binary; for batch
# it then runs the FnApiRunner anyway. newsclean runs the FnApiRunner directly.
_LOCAL_RUNNERS = {"directrunner", "direct", "switchingdirectrunner", "fnapirunner"}


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
            f"--runner (default {DEFAULT_RUNNER}: Beam's local batch engine, never downloading "
            "anything), --direct_num_workers, --direct_running_mode, --setup_file."
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
    run.add_argument(
        "--boilerplate",
        choices=("on", "off"),
        default="on",
        help="corpus stage: remove lines that recur in many different documents of one source (default on)",
    )
    run.add_argument(
        "--boilerplate-min-docs",
        type=int,
        default=DEFAULT_MIN_DOCS,
        metavar="N",
        help="different documents of a source a line must recur in to be removed (default %(default)s)",
    )
    run.add_argument("--quiet", "-q", action="store_true", help="print no summary")
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
    if args.boilerplate_min_docs < 2:
        print("newsclean: --boilerplate-min-docs must be at least 2", file=sys.stderr)
        return 2
    try:
        patterns = expand_inputs(args.inputs)
        check_remote_inputs(patterns)
    except InputError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
    options = PipelineOptions(beam_args)
    standard = options.view_as(StandardOptions)
    runner_name = str(standard.runner or DEFAULT_RUNNER)
    runner = FnApiRunner() if runner_name.casefold() in _LOCAL_RUNNERS else runner_name
    config = graph.RunConfig(
        patterns=tuple(patterns),
        output=args.output,
        source_format=args.source_format,
        max_bytes=args.max_bytes,
        num_shards=args.num_shards,
        boilerplate=args.boilerplate == "on",
        boilerplate_min_docs=args.boilerplate_min_docs,
    )
    _clear_previous_output(args.output)
    started = time.perf_counter()
    pipeline = beam.Pipeline(runner=runner, options=options)
    graph.build(pipeline, config)
    result = pipeline.run()
    result.wait_until_finish()
    seconds = time.perf_counter() - started
    summary = report.build_report(
        args.output,
        report.counters(result),
        seconds,
        {
            "runner": runner_name,
            "inputs": args.inputs,
            "format": args.source_format,
            "boilerplate": args.boilerplate,
            "boilerplate_min_docs": args.boilerplate_min_docs,
        },
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

"""The ``newsclean`` command line.

``newsclean run INPUT... --output DIR [beam options]``: newsclean's own flags are
parsed here, every other flag goes to Beam's ``PipelineOptions`` unchanged
(``--runner``, ``--direct_num_workers``, ``--setup_file``, ``--project`` ...).

``newsclean eval DIR [--json FILE]``: newsclean against trafilatura alone
on a folder of cases (see :mod:`newsclean.transforms.scoring.evaluate`).
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict
from typing import TYPE_CHECKING

from newsclean import __version__, copies_options, explain, show
from newsclean import limits as limit_options
from newsclean.transforms.corpus import DEFAULT_MIN_DOCS
from newsclean.transforms.reading.jsonl import DEFAULT_FIELDS
from newsclean.transforms.reading.read import FORMATS

if TYPE_CHECKING:
    from apache_beam.options.pipeline_options import PipelineOptions


def _drop_optional_gcp_notice(record: logging.LogRecord) -> bool:
    """Beam warns at import that optional GCP clients are absent; that is expected here."""
    return "apitools not found" not in record.getMessage()


logging.getLogger().addFilter(_drop_optional_gcp_notice)

DEFAULT_RUNNER = "DirectRunner"


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
            "Clean news files into Parquet. INPUTs are files, folders (read recursively) or globs, "
            "local or remote (gs://, s3://). Each file is read as its content says: WARC, WET or ARC, "
            "JSON, JSONL, HTML or text, gzip/bzip2/zstd-compressed or not, whatever its name; in a "
            "folder, files with other extensions (.csv, .md, images ...) are listed as not read. "
            "Any option not listed here is passed to Apache Beam, e.g. "
            f"--runner (default {DEFAULT_RUNNER}: Beam's local batch engine on every core, never "
            "downloading anything; 'dask' for a dask.distributed cluster, local unless "
            "--dask_client_address is given), --direct_num_workers, --direct_running_mode, --setup_file."
        ),
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs or URIs; - reads stdin")
    run.add_argument("--output", "-o", required=True, metavar="DIR", help="output folder (local or remote)")
    run.add_argument(
        "--format",
        dest="source_format",
        choices=FORMATS,
        help="read every input as this format instead of telling it from the file's content",
    )
    run.add_argument(
        "--jsonl-field",
        action="append",
        metavar="NAME=FIELD",
        help=f"read JSONL field FIELD (dotted for nested objects) as NAME, one of {', '.join(DEFAULT_FIELDS)}; "
        "repeatable, e.g. --jsonl-field text=content --jsonl-field url=meta.link",
    )
    run.add_argument(
        "--warc-records",
        action="append",
        metavar="TYPE[,TYPE]",
        help="WARC record types read as documents too when their payload is HTML (besides 2xx HTML responses "
        "and WET conversion records), e.g. --warc-records resource for wget crawls; repeatable",
    )
    run.add_argument(
        "--output-format",
        choices=("parquet", "jsonl"),
        default="parquet",
        help="articles and rejects as zstd Parquet (default) or JSON Lines, one record per line with the same "
        "columns (dates as ISO strings)",
    )
    run.add_argument("--num-shards", type=int, default=0, metavar="N", help="files per output (0: runner decides)")
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
    run.add_argument(
        "--rules",
        metavar="FILE",
        help="a TOML, YAML or JSON rules file that adds or disables named line rules (see README: Custom rules)",
    )
    run.add_argument("--quiet", "-q", action="store_true", help="print no summary")
    run.add_argument(
        "--allow-empty",
        action="store_true",
        help="exit 0 when no input gave an article (default: exit 3, naming the top reject reasons)",
    )
    copies_options.add_arguments(run)
    limit_options.add_arguments(run)
    evaluate = commands.add_parser(
        "eval",
        help="score newsclean and trafilatura alone on a folder of cases",
        description=(
            "Score a folder in the case format of the data README (<id>.html.gz + <id>.json): "
            "body precision/recall/F1, with/without snippets, headline accuracy, authors, credits "
            "(authors plus agency), people-only authors, and dates exact and within a day, for "
            "newsclean and for trafilatura alone, measured in the same run."
        ),
    )
    evaluate.add_argument("cases_dir", metavar="DIR", help="a folder of cases: <id>.html.gz (or .html) and <id>.json")
    evaluate.add_argument(
        "--json",
        metavar="FILE",
        help="also write the scores and one row per page and system (what it said, how it scored) to FILE as JSON",
    )
    evaluate.add_argument("--limit", type=int, metavar="N", help="score only the first N cases (by id)")
    evaluate.add_argument(
        "--no-baseline", action="store_true", help="score newsclean only, without running trafilatura alone"
    )
    explain.add_parser(commands)
    show.add_parser(commands)
    for command in commands.choices.values():
        command.add_argument(
            "--debug", action="store_true", help="on an unexpected error, show its traceback instead of one line"
        )
    return parser


def warc_records_option(values: list[str] | None) -> tuple[str, ...]:
    """``("resource",)`` for ``--warc-records resource``; comma lists and repeats add up."""
    found = [part.strip().lower() for value in values or () for part in value.split(",")]
    return tuple(dict.fromkeys(part for part in found if part))


def run(args: argparse.Namespace, beam_args: list[str]) -> int:
    """``newsclean run``: build and run the pipeline, then write run.json."""
    from apache_beam.options.pipeline_options import PipelineOptions

    from newsclean.inputs import InputError, check_remote_inputs, expand_inputs, store_error, unread_files
    from newsclean.lock import OutputBusy, hold_output
    from newsclean.transforms.reading.jsonl import parse_field_mapping

    if args.boilerplate_min_docs < 2:
        print("newsclean: --boilerplate-min-docs must be at least 2", file=sys.stderr)
        return 2
    problem = output_error(args.output) or next(
        filter(None, (store_error(item, "input") for item in args.inputs)), None
    )
    if problem:
        print(f"newsclean: {problem}", file=sys.stderr)
        return 2
    try:
        patterns = expand_inputs(args.inputs)
        check_remote_inputs(patterns)
    except InputError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
    rules = None  # the built-in rules, which the driver then never compiles (the workers do)
    if args.rules:
        from newsclean.transforms.cleaning.rules_file import RulesFileError, load_rules

        try:
            rules = load_rules(args.rules)
        except RulesFileError as exc:
            print(f"newsclean: --rules: {exc}", file=sys.stderr)
            return 2
    options = PipelineOptions(beam_args)
    try:
        jsonl_fields = parse_field_mapping(args.jsonl_field)
    except ValueError as exc:
        print(f"newsclean: --jsonl-field: {exc}", file=sys.stderr)
        return 2
    try:
        limits = limit_options.from_args(args)
    except ValueError as exc:
        print(f"newsclean: limits: {exc}", file=sys.stderr)
        return 2
    try:
        unread = unread_files(patterns)
    except OSError as exc:
        print(f"newsclean: cannot list the input folders: {exc}", file=sys.stderr)
        return 2
    if unread and not args.quiet:
        shown = ", ".join(unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
        print(f"newsclean: not read ({len(unread)} files in the input folders are not news by their extension): "
              f"{shown}", file=sys.stderr)  # fmt: skip
    try:
        with hold_output(args.output):
            return _run_held(args, options, patterns, rules, jsonl_fields, limits, unread)
    except OutputBusy as exc:
        print(f"newsclean: {exc}; wait for it to finish or choose another --output", file=sys.stderr)
        return 2


def output_error(output: str) -> str | None:
    """A one-line reason ``--output`` cannot be written, before anything runs: a file, not a
    folder; a store whose client is not installed; a folder under a file."""
    from newsclean.inputs import store_error

    if "://" in output:
        return store_error(output, "--output")
    path = os.path.abspath(os.path.expanduser(output))
    if os.path.isfile(path):
        return f"--output {output} is a file; give a folder (it receives articles/, rejects/ and run.json)"
    parent = path
    while not os.path.exists(parent):
        parent = os.path.dirname(parent)
    if not os.path.isdir(parent):
        return f"--output {output}: {parent} is a file, so the folder cannot be made"
    if not os.access(parent, os.W_OK):
        return f"--output {output}: {parent} is not writable"
    return None


def _run_held(
    args: argparse.Namespace,
    options: PipelineOptions,
    patterns: list,
    rules,
    jsonl_fields: dict[str, str],
    limits,
    unread: list[str],
) -> int:
    """The run itself, while this process holds the output folder."""
    import apache_beam as beam

    from newsclean import graph, publish, report
    from newsclean.progress import ProgressLine
    from newsclean.runners import choose_runner

    staging = publish.new_staging(args.output)
    local_output = "://" not in args.output
    progress_dir = os.path.join(staging, "_progress") if local_output else None
    started = time.perf_counter()
    with choose_runner(options, DEFAULT_RUNNER) as choice:
        config = graph.RunConfig(
            patterns=tuple(patterns),
            output=staging,
            source_format=args.source_format,
            limits=limits,
            num_shards=args.num_shards,
            sharded_writes=choice.sharded_writes,
            output_format=args.output_format,
            staged_corpus=choice.staged_corpus,
            jsonl_fields=jsonl_fields,
            warc_records=warc_records_option(args.warc_records),
            boilerplate=args.boilerplate == "on",
            boilerplate_min_docs=args.boilerplate_min_docs,
            copies=copies_options.config_from_args(args),
            rules=rules,
            progress_dir=progress_dir,
        )
        pipeline = beam.Pipeline(runner=choice.runner, options=options)
        graph.build(pipeline, config)
        with ProgressLine(progress_dir or "", enabled=bool(progress_dir) and not args.quiet):
            result = pipeline.run(test_runner_api=choice.test_runner_api)
            result.wait_until_finish()
        metric_values = report.counters(result)
        client = getattr(result, "client", None)  # DaskRunner leaves its client open
        if client is not None:
            client.close()
    report.ensure_outputs(staging, args.output_format)
    publish.publish(staging, args.output, extra_files=(report.COUNTS_FILE, report.SKIPPED_FILE))
    seconds = time.perf_counter() - started
    summary = report.build_report(
        args.output,
        metric_values,
        seconds,
        {
            "runner": choice.name,
            "inputs": args.inputs,
            "format": args.source_format,
            "output_format": args.output_format,
            "warc_records": list(warc_records_option(args.warc_records)),
            "boilerplate": args.boilerplate,
            "boilerplate_min_docs": args.boilerplate_min_docs,
            "copies": args.copies,
            "limits": asdict(limits),
        },
        not_read=unread,
    )
    report.write_report(args.output, summary)
    if not args.quiet:
        print(report.format_summary(summary))
        print(f"wrote {args.output.rstrip('/')}/articles, rejects and run.json")
    if summary["articles"] == 0 and not args.allow_empty:
        print(f"newsclean: {report.empty_run_hint(summary, patterns)}; --allow-empty accepts it", file=sys.stderr)
        return 3
    return 0


def run_eval(args: argparse.Namespace) -> int:
    """``newsclean eval``: score a case folder and print the table (and JSON if asked)."""
    from newsclean.transforms.scoring import evaluate

    try:
        cases = evaluate.load_cases(args.cases_dir, limit=args.limit)
    except OSError as exc:
        print(f"newsclean: {exc}", file=sys.stderr)
        return 2
    if not cases:
        print(f"newsclean: no cases (<id>.json with <id>.html.gz or <id>.html) in {args.cases_dir}", file=sys.stderr)
        return 2
    systems = [evaluate.NEWSCLEAN] if args.no_baseline else [evaluate.NEWSCLEAN, evaluate.TRAFILATURA]
    results = evaluate.evaluate(cases, systems)
    print(evaluate.format_table(results, len(cases)))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(evaluate.results_as_json(results, args.cases_dir, len(cases)), handle, indent=2)
            handle.write("\n")
    return 0


def _run_option_strings() -> list[str]:
    """``newsclean run``'s own long options."""
    parser = _parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [o for action in commands.choices["run"]._actions for o in action.option_strings if o.startswith("--")]


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = sys.argv[1:] if argv is None else argv
    args, extra = _parser().parse_known_args(argv)
    try:
        return _command(args, extra, argv)
    except BrokenPipeError:  # `newsclean explain x | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        message = " ".join(str(exc).split())[:300]
        print(f"newsclean: {type(exc).__name__}: {message} (--debug shows the traceback)", file=sys.stderr)
        return 1


def _command(args: argparse.Namespace, extra: list[str], argv: list[str]) -> int:
    if args.command == "run":
        from newsclean.processes import run_processes

        # first: the zygote imports what the workers need while this process loads Beam and builds the graph
        with run_processes(extra, DEFAULT_RUNNER):
            return _command_run(args, extra)
    if extra:
        _parser().parse_args(argv)  # reports the unknown arguments and exits
    if args.command == "eval":
        return run_eval(args)
    if args.command == "explain":
        return explain.run(args)
    if args.command == "show":
        return show.run(args)
    return 2


def _command_run(args: argparse.Namespace, extra: list[str]) -> int:
    from newsclean.runners import runner_error, unknown_beam_options
    from newsclean.transforms.runtime.malloc import return_freed_memory

    unknown, beam_names = unknown_beam_options(extra)
    if unknown:
        ours = _run_option_strings()
        close = difflib.get_close_matches(unknown[0], ours + beam_names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        print(f"newsclean: unknown option {unknown[0]}{hint}", file=sys.stderr)
        return 2
    problem = runner_error(extra)
    if problem:
        print(f"newsclean: {problem}", file=sys.stderr)
        return 2
    return_freed_memory()  # the runner's buffers here, and the workers it starts (runtime.malloc)
    with stdin_input(args.inputs) as inputs:
        args.inputs = inputs
        return run(args, extra)


@contextlib.contextmanager
def stdin_input(inputs: list[str]) -> Iterator[list[str]]:
    """``inputs`` with ``-`` replaced by a file holding what stdin gives (read by content, as any file).

    The file lives in a temporary folder for the run's length: the runner's
    workers read it like any other input, on this machine."""
    if "-" not in inputs:
        yield inputs
        return
    with tempfile.TemporaryDirectory(prefix="newsclean-stdin-") as folder:
        path = os.path.join(folder, "stdin")
        with open(path, "wb") as handle:
            shutil.copyfileobj(sys.stdin.buffer, handle)
        yield [path if item == "-" else item for item in inputs]


if __name__ == "__main__":
    sys.exit(main())

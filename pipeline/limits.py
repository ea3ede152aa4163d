"""``newsclean run``'s limit options (see :mod:`newsclean.transforms.runtime.limits` and ``docs/limits.md``)."""

from __future__ import annotations

import argparse

from newsclean.transforms.runtime.limits import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_HTML_DEPTH,
    DEFAULT_MAX_LINE_CHARS,
    DEFAULT_MAX_RATIO,
    DEFAULT_MAX_SECONDS,
    Limits,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the per-document limits to ``parser``, as one group in ``--help``."""
    group = parser.add_argument_group(
        "limits", "a document over a limit becomes a reject naming the limit; the run goes on"
    )
    group.add_argument(
        "--max-bytes",
        metavar="BYTES",
        type=int,
        default=DEFAULT_MAX_BYTES,
        help="largest document (a file, a JSONL line, a WARC payload) after decompression, in bytes; "
        "over it: read/too_large (default %(default)s)",
    )
    group.add_argument(
        "--max-ratio",
        metavar="RATIO",
        type=float,
        default=DEFAULT_MAX_RATIO,
        help="most a .gz may expand (decompressed / compressed bytes, checked past 1 MiB): the gzip-bomb guard; "
        "over it: read/compression_ratio (default %(default)g)",
    )
    group.add_argument(
        "--max-line-chars",
        metavar="CHARS",
        type=int,
        default=DEFAULT_MAX_LINE_CHARS,
        help="longest line of text to clean, in characters (plain text, or text extracted from HTML); "
        "over it: clean/line_too_long (default %(default)s)",
    )
    group.add_argument(
        "--max-html-depth",
        metavar="DEPTH",
        type=int,
        default=DEFAULT_MAX_HTML_DEPTH,
        help="deepest element nesting of an HTML page; over it: extract/too_deep. A page reaching the "
        "parser's own ceiling (256, where it drops what lies deeper) is always refused (default %(default)s)",
    )
    group.add_argument(
        "--max-seconds",
        metavar="SECONDS",
        type=float,
        default=DEFAULT_MAX_SECONDS,
        help="processing time of one document; HTML and large text run in a worker process that is killed "
        "when late: STAGE/timeout. 0: no limit, everything in-process (default %(default)g)",
    )


def from_args(args: argparse.Namespace) -> Limits:
    """The :class:`Limits` the parsed options ask for; ValueError for a nonsensical value."""
    return Limits(
        max_bytes=args.max_bytes,
        max_ratio=args.max_ratio,
        max_line_chars=args.max_line_chars,
        max_html_depth=args.max_html_depth,
        max_seconds=args.max_seconds,
    )

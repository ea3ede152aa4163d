"""``newsclean run`` options of the copy stage, kept here so the CLI only calls two functions."""

from __future__ import annotations

import argparse
import dataclasses

from newsclean.transforms.corpus.copies.config import CopiesConfig

_DEFAULTS = CopiesConfig()

# option name -> (config field, type, help)
_TUNABLES = {
    "--near-threshold": ("near_threshold", float, "estimated word-shingle Jaccard for a near copy"),
    "--near-shingle": ("near_shingle", int, "words per shingle for near copies"),
    "--near-bands": ("near_bands", int, "MinHash-LSH bands (bands x rows <= 128)"),
    "--near-rows": ("near_rows", int, "MinHash values per LSH band"),
    "--spun-threshold": ("spun_threshold", float, "immutable-shingle Jaccard for a spun copy"),
    "--spun-shingle": ("spun_shingle", int, "immutable tokens per shingle for spun copies"),
    "--copies-cc-rounds": ("cc_rounds", int, "large/small-star rounds before the exact finishing step"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--copies on|off`` and the copy-detection thresholds to ``parser``."""
    group = parser.add_argument_group(
        "copies", "exact, near-duplicate, spun and recaptured copies (duplicate_of, duplicate_kind)"
    )
    group.add_argument(
        "--copies",
        choices=("on", "off"),
        default="on",
        help="mark copies (default on); off skips the stage and leaves duplicate_of empty",
    )
    for flag, (name, kind, text) in _TUNABLES.items():
        group.add_argument(
            flag,
            dest=f"copies_{name}",
            type=kind,
            metavar="X" if kind is float else "N",
            default=getattr(_DEFAULTS, name),
            help=f"{text} (default %(default)s)",
        )


def config_from_args(args: argparse.Namespace) -> CopiesConfig | None:
    """The stage's config, or None when ``--copies off``."""
    if getattr(args, "copies", "on") == "off":
        return None
    values = {
        name: getattr(args, f"copies_{name}") for name, _, _ in _TUNABLES.values() if hasattr(args, f"copies_{name}")
    }
    return dataclasses.replace(_DEFAULTS, **values)

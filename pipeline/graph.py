"""The Beam graph: Read → Clean → Corpus (source boilerplate, copies) → Write. It composes; it does not clean."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import apache_beam as beam

from newsclean.transforms.beam.boilerplate import RemoveSourceBoilerplate
from newsclean.transforms.beam.copies import MarkCopies
from newsclean.transforms.beam.corpus import CorpusStages
from newsclean.transforms.beam.documents import (
    COUNTS_FILE,
    SKIPPED_FILE,
    CleanDocuments,
    CountInto,
    CountKindsInto,
    ReadDocuments,
    WriteRecords,
)
from newsclean.transforms.corpus import DEFAULT_MIN_DOCS
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.runtime.limits import Limits

if TYPE_CHECKING:
    from newsclean.transforms.cleaning.rules import RuleSet


@dataclass(frozen=True)
class RunConfig:
    """newsclean's own options (Beam's options travel separately)."""

    patterns: tuple[tuple[str, bool], ...]
    output: str
    source_format: str | None = None
    limits: Limits = field(default_factory=Limits)  # per-document limits (newsclean.transforms.runtime.limits)
    num_shards: int = 0
    jsonl_fields: dict[str, str] = field(default_factory=dict)  # our name -> the JSONL field read
    warc_records: tuple[str, ...] = ()  # WARC record types read as documents too when HTML (--warc-records)
    sharded_writes: bool = False
    output_format: str = "parquet"  # or "jsonl": WriteRecords
    boilerplate: bool = True  # corpus stage: lines recurring across a source's documents
    boilerplate_min_docs: int = DEFAULT_MIN_DOCS
    copies: CopiesConfig | None = field(default_factory=CopiesConfig)  # corpus stage; None: --copies off
    rules: RuleSet | None = None  # None: the built-in rules; else those plus a --rules file
    progress_dir: str | None = None  # local folder the workers report progress in
    staged_corpus: bool = True  # corpus stages keep articles in Parquet parts under the output, not in memory


PARTS_FOLDER = "_parts"  # under the output (a run's staging folder): removed when the run is published


def _staging(config: RunConfig, stage: str) -> str | None:
    return f"{config.output.rstrip('/')}/{PARTS_FOLDER}/{stage}" if config.staged_corpus else None


def build(pipeline: beam.Pipeline, config: RunConfig) -> None:
    """Add the whole newsclean graph to ``pipeline``."""
    read = (
        pipeline
        | "Inputs" >> beam.Create(list(config.patterns))
        | "Read"
        >> ReadDocuments(
            config.source_format,
            config.limits.max_bytes,
            jsonl_fields=config.jsonl_fields,
            max_ratio=config.limits.max_ratio,
            warc_records=config.warc_records,
        )
    )
    cleaned = read.documents | "Clean" >> CleanDocuments(config.rules, config.progress_dir, config.limits)
    articles = cleaned.articles
    if config.boilerplate and config.copies is not None and config.staged_corpus:
        # both corpus stages over one staging of the articles, fed from the cleaning's pass
        articles = articles | "Corpus" >> CorpusStages(
            _staging(config, "corpus"), config.boilerplate_min_docs, config.copies
        )
    else:
        # --- corpus boilerplate (issue 5) ---
        if config.boilerplate:
            articles = articles | "SourceBoilerplate" >> RemoveSourceBoilerplate(
                config.boilerplate_min_docs, staging=_staging(config, "boilerplate")
            )
        # ---
        # --- copies (issue 6): after boilerplate, so shared furniture does not make copies ---
        if config.copies is not None:
            articles = articles | "Copies" >> MarkCopies(config.copies, staging=_staging(config, "copies"))
        # ---
    rejects = (read.rejects, cleaned.rejects) | "AllRejects" >> beam.Flatten()
    written = (articles, rejects) | "Write" >> WriteRecords(
        config.output, config.num_shards, sharded=config.sharded_writes, output_format=config.output_format
    )
    # Count ones, not the documents themselves: a Flatten of whole documents can cost a
    # stage boundary that copies every document's bytes.
    counted = (
        read.documents | "OneDocument" >> beam.Map(lambda _: 1),
        read.rejects | "OneReject" >> beam.Map(lambda _: 1),
        read.skipped | "OneSkipped" >> beam.Map(lambda _: 1),
    ) | "AllInputs" >> beam.Flatten()
    count = counted | "CountInputs" >> CountInto(f"{config.output.rstrip('/')}/{COUNTS_FILE}")
    skipped = read.skipped | "CountSkipped" >> CountKindsInto(f"{config.output.rstrip('/')}/{SKIPPED_FILE}")
    # One sink that depends on every output: Beam 2.77's DaskRunner computes only the
    # last collection of the graph, so everything must lead there.
    (
        (written["articles"], written["rejects"], count, skipped)
        | "AllOutputs" >> beam.Flatten()
        | "Done" >> beam.combiners.Count.Globally()
    )

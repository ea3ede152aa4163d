"""The Beam graph: Read → Clean → Corpus (source boilerplate) → Write. It composes transforms; it does not clean."""

from __future__ import annotations

from dataclasses import dataclass

import apache_beam as beam

from transforms.beam import CleanDocuments, ReadDocuments, WriteRecords
from transforms.beam_boilerplate import RemoveSourceBoilerplate
from transforms.boilerplate import DEFAULT_MIN_DOCS
from transforms.read import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class RunConfig:
    """newsclean's own options (Beam's options travel separately)."""

    patterns: tuple[tuple[str, bool], ...]
    output: str
    source_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    num_shards: int = 0
    boilerplate: bool = True  # corpus stage: lines recurring across a source's documents
    boilerplate_min_docs: int = DEFAULT_MIN_DOCS


def build(pipeline: beam.Pipeline, config: RunConfig) -> None:
    """Add the whole newsclean graph to ``pipeline``."""
    read = (
        pipeline
        | "Inputs" >> beam.Create(list(config.patterns))
        | "Read" >> ReadDocuments(config.source_format, config.max_bytes)
    )
    cleaned = read.documents | "Clean" >> CleanDocuments()
    articles = cleaned.articles
    # --- corpus boilerplate (issue 5) ---
    if config.boilerplate:
        articles = articles | "SourceBoilerplate" >> RemoveSourceBoilerplate(config.boilerplate_min_docs)
    # ---
    rejects = (read.rejects, cleaned.rejects) | "AllRejects" >> beam.Flatten()
    (articles, rejects) | "Write" >> WriteRecords(config.output, config.num_shards)

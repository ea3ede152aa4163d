"""The Beam graph: Read → Clean → Copies → Write. It composes transforms; it does not clean."""

from __future__ import annotations

from dataclasses import dataclass, field

import apache_beam as beam

from transforms.beam import CleanDocuments, ReadDocuments, WriteRecords
from transforms.beam_copies import MarkCopies
from transforms.copies.config import CopiesConfig
from transforms.read import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class RunConfig:
    """newsclean's own options (Beam's options travel separately)."""

    patterns: tuple[tuple[str, bool], ...]
    output: str
    source_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    num_shards: int = 0
    copies: CopiesConfig | None = field(default_factory=CopiesConfig)  # None: --copies off


def build(pipeline: beam.Pipeline, config: RunConfig) -> None:
    """Add the whole newsclean graph to ``pipeline``."""
    read = (
        pipeline
        | "Inputs" >> beam.Create(list(config.patterns))
        | "Read" >> ReadDocuments(config.source_format, config.max_bytes)
    )
    cleaned = read.documents | "Clean" >> CleanDocuments()
    articles = cleaned.articles
    if config.copies is not None:
        articles = articles | "Copies" >> MarkCopies(config.copies)
    rejects = (read.rejects, cleaned.rejects) | "AllRejects" >> beam.Flatten()
    (articles, rejects) | "Write" >> WriteRecords(config.output, config.num_shards)

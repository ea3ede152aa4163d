"""Options of the copy-detection stage, with the reasons for their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from newsclean.transforms.corpus.copies.features import MAX_SHINGLE, NUM_PERM
from newsclean.transforms.vocabulary import DuplicateKind

KINDS = tuple(DuplicateKind)


@dataclass(frozen=True)
class CopiesConfig:
    """Thresholds and sizes; every field is a CLI option of ``newsclean run``.

    Near copies: MinHash-LSH over word ``near_shingle``-grams, ``near_bands``
    bands of ``near_rows`` rows. With 20 x 2 a pair at Jaccard 0.5 becomes a
    candidate with probability 0.997, at 0.3 with 0.85, at 0.05 with 0.05;
    candidates are then kept when the signatures' estimated Jaccard reaches
    ``near_threshold``.

    Spun copies: documents sharing at least ``spun_min_keys`` sampled immutable
    shingles are candidates; a pair is kept when the exact Jaccard of the
    immutable ``spun_shingle``-grams reaches ``spun_threshold`` with at least
    ``spun_min_shared`` shingles in common. On the labelled set spun copies
    score 0.27-1.0 (0.13-0.85 with a harsher spinner) and different articles
    on the same event at most 0.054; the seeds score 0.31 (docs/copies.md).
    """

    near_shingle: int = 5
    near_threshold: float = 0.5
    near_bands: int = 20
    near_rows: int = 2
    spun_shingle: int = 4
    spun_threshold: float = 0.2
    spun_min_shared: int = 10
    spun_min_keys: int = 3
    # Sampling of immutable shingles for candidate keys: a text keeps every
    # shingle whose hash has ``level`` low zero bits, the level chosen so it
    # keeps about ``spun_sample_base``..2x keys, at most 1 in 2**spun_max_level.
    # A spun pair at Jaccard 0.2 then shares about 8-16 keys, 3 are required.
    spun_sample_base: int = 24
    spun_max_level: int = 4
    # A spun key held by more texts than this is a commonplace ("of the in the"), not evidence.
    spun_key_max_df: int = 100
    # Buckets larger than this pair each member with its next ``bucket_window`` only.
    bucket_all_pairs: int = 50
    bucket_window: int = 4
    # Rounds of large-star + small-star before the (usually empty) rest is solved in one place.
    cc_rounds: int = 4
    # A spun pair under the near threshold whose word-shingle Jaccard is at least this share of its
    # immutables' Jaccard shares passages verbatim (a paragraph, a quote): a spinner leaves few word
    # shingles, a passage keeps them all.
    passage_ratio: float = 0.5
    # Zipf units between two texts' commonness before the commoner wording is called the original.
    commonness_margin: float = 0.05
    # A candidate group of more distinct texts than this is not verified pair by pair: canonicals
    # are taken in date order and each keeps the texts verified against it.
    star_max_texts: int = 300

    def __post_init__(self) -> None:
        if self.near_bands * self.near_rows > NUM_PERM:
            raise ValueError(f"near_bands * near_rows must be at most {NUM_PERM}")
        for name in ("near_shingle", "spun_shingle"):
            if not 1 <= getattr(self, name) <= MAX_SHINGLE:
                raise ValueError(f"{name} must be 1..{MAX_SHINGLE}")
        for name in ("near_threshold", "spun_threshold"):
            if not 0.0 < getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be in (0, 1]")
        if self.cc_rounds < 0:
            raise ValueError("cc_rounds must be >= 0")

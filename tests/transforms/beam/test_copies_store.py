"""The stored-profile copy graph's pure parts: profile files, numpy rows, candidate pairs."""

from __future__ import annotations

import numpy as np

from newsclean.transforms.beam.copies import bucket_pair_rows, candidate_rows
from newsclean.transforms.beam.copy_rows import ArrayRows, shard_of, shards_of
from newsclean.transforms.beam.copy_store import (
    BlockFile,
    ProfileFile,
    ProfileReader,
    decode_profile,
    encode_profile,
    read_blocks,
)
from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import profile
from newsclean.transforms.corpus.copies.keys import near_keys, spun_keys
from newsclean.transforms.corpus.copies.reference import candidate_pairs
from newsclean.transforms.corpus.copies.verify import score
from newsclean.transforms.corpus.fingerprint import content_hash
from tests.copies_helpers import edited, seeds, summit


def _profiles():
    original, spun = seeds()
    texts = [original.text, edited(original.text), spun.text, summit("a"), summit("b"), summit("a").upper(), ""]
    return [profile(t, content_hash(t)) for t in texts]


def test_profiles_round_trip_through_bytes_and_files(tmp_path) -> None:
    profiles = _profiles()
    blob = b"".join(encode_profile(p) for p in profiles)
    offset = 0
    for p in profiles:
        assert decode_profile(blob, offset) == p
        offset += len(encode_profile(p))
    writers = [ProfileFile(str(tmp_path / name)) for name in ("a.bin", "b.bin")]
    locations = [writers[i % 2].add(p) for i, p in enumerate(profiles)]
    for w in writers:
        w.close()
    reader = ProfileReader()
    try:
        for p, location in reversed(list(zip(profiles, locations, strict=True))):
            got = reader.get(location)
            assert got == p and got.near_sig.dtype == np.uint32 and got.immutables.dtype == np.uint32
            part = reader.scored(location)  # what verifying reads: the same scores as the whole profile
            assert part.near_size == p.near_size and np.array_equal(part.near_sig, p.near_sig)
            assert np.array_equal(part.immutables, p.immutables) and part.immutables.dtype == np.uint32
            assert [score(part, reader.scored(other)) for other in locations] == [score(p, q) for q in profiles]
    finally:
        reader.close()


def test_pair_blocks_come_back_from_any_files_in_any_order(tmp_path) -> None:
    rng = np.random.default_rng(5)
    blocks = [rng.integers(0, 2**64, size=(n, 3), dtype=np.uint64) for n in (4, 0, 1, 300)]
    files = [BlockFile(str(tmp_path / name), 3) for name in ("a.bin", "b.bin")]
    where = [files[i % 2].add(block) for i, block in enumerate(blocks)]
    for f in files:
        f.close()
    assert [rows for _, _, rows in where] == [4, 0, 1, 300]
    got = read_blocks(list(reversed(where)), 3)
    assert got.dtype == np.uint64 and got.shape == (305, 3)
    assert sorted(map(tuple, got.tolist())) == sorted(map(tuple, np.concatenate(blocks).tolist()))
    assert read_blocks([], 3).shape == (0, 3)


def test_array_rows_give_every_row_whatever_the_split() -> None:
    rows = [(i, i * 7 % 13, i % 2) for i in range(1000)]
    combine = ArrayRows(3)
    combine.FOLD_AT = 64  # fold often
    accs = []
    for chunk in (rows[:10], rows[10:500], rows[500:], []):
        acc = combine.create_accumulator()
        for row in chunk:
            acc = combine.add_input(acc, row)
        accs.append(combine.compact(acc) if len(chunk) > 10 else acc)
    out = combine.extract_output(combine.merge_accumulators([combine.merge_accumulators(accs[:2]), *accs[2:]]))
    assert out.shape == (1000, 3) and out.dtype == np.uint64
    assert sorted(map(tuple, out.tolist())) == rows
    assert combine.extract_output(combine.create_accumulator()).shape == (0, 3)


def test_shards_of_an_array_match_shard_of() -> None:
    values = [0, 1, 2**62 + 17, 2**63 - 1, 12345 << 4, 0x9E3779B97F4A7C15]
    assert shards_of(np.array(values, dtype=np.uint64)).tolist() == [shard_of(v) for v in values]


def test_sharded_rows_propose_the_reference_candidates() -> None:
    config = CopiesConfig()
    profiles = _profiles()
    shards: dict[int, list[tuple[int, int]]] = {}
    for p in profiles:
        for key in near_keys(p, config) + spun_keys(p, config):
            shards.setdefault(shard_of(key), []).append((key, p.node))
    pair_shards: dict[int, list[np.ndarray]] = {}
    for shard, rows in shards.items():
        for pair_shard, block in bucket_pair_rows((shard, np.array(rows, dtype=np.uint64)), config):
            assert block.dtype == np.uint64 and block.shape[1] == 3
            assert set(shards_of(block[:, 0]).tolist()) == {pair_shard}
            pair_shards.setdefault(pair_shard, []).append(block)
    found = set()
    for blocks in pair_shards.values():
        found |= {tuple(pair) for pair in candidate_rows(np.concatenate(blocks), config).tolist()}
    expected = candidate_pairs(profiles, config)
    assert found == expected and len(expected) >= 3  # near (edited), spun, and the summit pages


def test_spun_pairs_need_enough_shared_keys() -> None:
    config = CopiesConfig(spun_min_keys=3)
    rows = np.array([(1, 2, 1), (1, 2, 1), (1, 3, 1), (1, 3, 1), (1, 3, 1), (4, 5, 0), (4, 5, 0)], dtype=np.uint64)
    assert candidate_rows(rows, config).tolist() == [[1, 3], [4, 5]]
    assert candidate_rows(np.zeros((0, 3), dtype=np.uint64), config).shape == (0, 2)


def test_shards_spread_sampled_keys() -> None:
    sampled = [v << 4 for v in range(4096)]  # spun keys keep only shingles with zero low bits
    assert len({shard_of(v) for v in sampled}) == 64


def test_files_elsewhere_are_read_whole_within_a_byte_budget(tmp_path, monkeypatch) -> None:
    """Remote files (no mmap) are kept whole, least recently used dropped past the budget."""
    profiles = _profiles()[:3]
    locations = []
    for i, p in enumerate(profiles):
        writer = ProfileFile(str(tmp_path / f"{i}.bin"))
        locations.append(writer.add(p))
        writer.close()
    size = max(len(encode_profile(p)) for p in profiles)
    reader = ProfileReader(keep_bytes=2 * size)
    remote = [(f"mem://{path}", offset) for path, offset in locations]
    opened: list[str] = []

    def fake_open(path):
        opened.append(path)
        return open(path.removeprefix("mem://"), "rb")

    monkeypatch.setattr("newsclean.transforms.beam.filesystem.open_read", fake_open)
    for location, p in zip(remote + remote[:1], profiles + profiles[:1], strict=True):
        assert reader.get(location) == p
    assert len(opened) == 4  # the first file was dropped to make room, read again
    assert reader.get(remote[2]) == profiles[2] and len(opened) == 4  # still held

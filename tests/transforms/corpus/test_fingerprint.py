"""Content hashes: layout and case do not change them, and whole texts stay out of the line-key cache."""

from __future__ import annotations

from newsclean.transforms.corpus.fingerprint import content_hash
from newsclean.transforms.text import normalise_line


def test_content_hash_ignores_layout_and_case() -> None:
    assert content_hash("The  Mayor said:\n\nno.") == content_hash("the mayor SAID no")
    assert content_hash("The mayor said no.") != content_hash("The mayor said yes.")


def test_a_whole_text_is_not_kept_in_the_line_key_cache() -> None:
    """normalise_line caches lines for cleaning; a text hashed whole must not become an entry."""
    before = normalise_line.cache_info().currsize
    for i in range(50):
        content_hash(f"Story {i}. " + "A long paragraph of the story. " * 200)
    assert normalise_line.cache_info().currsize == before

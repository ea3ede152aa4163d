"""Content hashes: layout and case do not change them, and whole texts stay out of the line-key cache."""

from __future__ import annotations

from newsclean.transforms.corpus.fingerprint import content_hash
from newsclean.transforms.text import normalise_line


def test_content_hash_ignores_layout_and_case() -> None:
    assert content_hash("The  Mayor said:\n\nno.") == content_hash("the mayor SAID no")
    assert content_hash("The mayor said no.") != content_hash("The mayor said yes.")


def test_a_whole_text_is_not_kept_in_the_line_key_cache() -> None:
    """normalise_line caches lines for cleaning; a long paragraph (a text without breaks) must not become an entry."""
    before = normalise_line.cache_info().currsize
    for i in range(50):
        content_hash(f"Story {i}. " + "A long paragraph of the story. " * 200)
    assert normalise_line.cache_info().currsize == before


def test_content_hash_is_the_hash_of_the_whole_texts_words() -> None:
    """Built paragraph by paragraph (cached or not by length), the key is the whole text's words."""
    import hashlib

    from newsclean.transforms.corpus.fingerprint import CACHED_PARAGRAPH_CHARS
    from newsclean.transforms.text import words_key

    long = "Word " * (CACHED_PARAGRAPH_CHARS // 4)
    for text in ("", "a\n\n\n\nb", "Straße\n\nFOO bar", " \n\n x ", "x\n\ny\nz", "word\u0301\n\n\u0301word",
                 "日本語の\n\nテキスト", f"{long}\n\nShort one.\n\n{long}", "İstanbul\n\n\n"):  # fmt: skip
        expected = hashlib.blake2b(words_key(text).encode("utf-8"), digest_size=16).hexdigest()
        assert content_hash(text) == expected, text[:20]

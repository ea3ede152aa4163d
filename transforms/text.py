"""Text normalisation and paragraph splitting shared by every cleaning step."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Characters that render as nothing and only get in the way of matching. The zero-width
# (non-)joiners stay inside a word: they spell Persian and Indic words and emoji sequences.
_INVISIBLE_CHARS = ("\u200b", "\u2060", "\ufeff", "\u00ad")
_INVISIBLE = regex.compile("[" + "".join(_INVISIBLE_CHARS) + "]")
_LOOSE_JOINERS = regex.compile(r"(?<!\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\S)|[\u200c\u200d]{2,}")
_SPACES = regex.compile(r"[^\S\n]+")
# The separators str.split takes for whitespace and ``\s`` does not (a test checks there are no others).
_SPLIT_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")
_BLANK_RUN = regex.compile(r"\n[^\S\n]*\n")
_WORD = regex.compile(r"\w+")

# A hard-wrapped text has most lines in a narrow band of lengths.
_WRAP_MIN, _WRAP_MAX = 40, 100
_WRAP_SHORT = 0.5  # a hard-wrapped line shorter than this share of the width closes its paragraph
_SENTENCE_END = frozenset('.!?:"”’)')


def normalise_text(text: str) -> str:
    """NFC, unified newlines, no invisible characters, single spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text)
    if any(ch in text for ch in _INVISIBLE_CHARS):  # most texts hold none: a scan for each is cheaper
        text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _LOOSE_JOINERS.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    if not any(space in text for space in _SPLIT_ONLY_SPACES):
        # str.split's whitespace is the pattern's, less these four: the same lines, in C
        lines = (" ".join(line.split()) for line in text.split("\n"))
    else:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def words_key(text: str) -> str:
    """A comparison key for a text: case-folded, words only."""
    return " ".join(_WORD.findall(text.casefold()))


@lru_cache(maxsize=8192)
def normalise_line(line: str) -> str:
    """:func:`words_key` of a line, cached: cleaning compares the same lines again in each pass of its
    fixed-point loop. Whole texts go to :func:`words_key` itself, so the cache never holds a worker's texts."""
    return words_key(line)


def indices_holding(values: list[str], words: tuple[str, ...], joined: str | None = None) -> set[int]:
    """The indexes of the ``values`` holding one of ``words``: one substring search a word over all
    of them joined by newlines, not one a value. ``joined`` is that join as the caller prepared it
    (lower-cased, say), of the same length."""
    from bisect import bisect_right

    joined = "\n".join(values) if joined is None else joined
    starts, offset = [], 0
    for value in values:
        starts.append(offset)
        offset += len(value) + 1
    found: set[int] = set()
    for word in words:
        at = joined.find(word)
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)
            at = joined.find(word, at + 1)
    return found


def words(text: str) -> list[str]:
    """Word tokens (``\\w+``), the unit the evaluation metric and hashes use."""
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Whitespace-separated words: the unit the cleaning heuristics' thresholds are set in.

    The record's ``word_count`` is :func:`article_word_count`, which also counts scripts written without spaces.
    """
    return len(text.split())


# Scripts written without spaces between words. Han, Hiragana and Katakana (with the prolonged sound mark ー):
# word processors count each character as a word; Chinese and Japanese segmenters (jieba, MeCab) make words of
# about 1.5 to 1.7 characters, so a run counts its length / 1.5 (the sentences in tests/transforms/test_word_count.py
# land within one word of a segmenter's count). Thai, Lao, Khmer, Myanmar: spaces end phrases, not words; a Thai
# word is about 4 code points, its vowel and tone marks included. Approximations, cheap: one pattern, no dictionary.
CJK_CHARS_PER_WORD = 1.5
SOUTHEAST_ASIAN_CHARS_PER_WORD = 4.0
_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}"
_SOUTHEAST_ASIAN = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_UNSPACED = regex.compile(f"[{_CJK}{_SOUTHEAST_ASIAN}]")
# ー only inside a run it lengthens (コーヒー): one used as a dash in Latin text leaves its word as it was.
_PIECE = regex.compile(
    f"(?P<cjk>[{_CJK}][{_CJK}\u30fc]*)|(?P<sea>[{_SOUTHEAST_ASIAN}]+)|[^\\s{_CJK}{_SOUTHEAST_ASIAN}]+"
)


def article_word_count(text: str) -> int:
    """Words in ``text``, comparable across scripts: the record's ``word_count``.

    Text in space-separated scripts (Latin, Cyrillic, Arabic, Greek, Hangul ...) counts its
    whitespace-separated words, exactly :func:`word_count`. In scripts written without spaces each
    run of Han/kana characters counts ``len / CJK_CHARS_PER_WORD`` words, each run of Thai, Lao, Khmer or
    Myanmar ``len / SOUTHEAST_ASIAN_CHARS_PER_WORD``, the sum rounded (the word-equivalents of
    Microsoft Word's and Google Docs' one-word-per-CJK-character count, scaled to segmenters' words);
    what sits between those runs (``2024`` in ``2024年``) counts one word when it has a letter or
    digit or is a whole whitespace-separated token, so CJK punctuation (``，。``) counts nothing.
    """
    if not _UNSPACED.search(text):
        return len(text.split())
    whole = 0
    share = 0.0
    end = len(text)
    for piece in _PIECE.finditer(text):
        if piece.lastgroup == "cjk":
            share += len(piece.group()) / CJK_CHARS_PER_WORD
        elif piece.lastgroup == "sea":
            share += len(piece.group()) / SOUTHEAST_ASIAN_CHARS_PER_WORD
        else:
            start, stop = piece.span()
            alone = (start == 0 or text[start - 1].isspace()) and (stop == end or text[stop].isspace())
            whole += alone or any(c.isalnum() for c in piece.group())
    return whole + max(1, int(share + 0.5)) if share else whole


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """True when lines were wrapped at a fixed width rather than at paragraph ends."""
    if len(lines) < 5:
        return False
    in_band = sum(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in lines)
    ended = sum(line[-1] in _SENTENCE_END for line in lines)
    return in_band / len(lines) >= 0.7 and max(map(len, lines)) <= _WRAP_MAX + 20 and ended / len(lines) < 0.5


def _rejoin(lines: list[str], width: int) -> list[str]:
    """Rejoin one block of hard-wrapped lines; a line well short of the wrap width or ending a sentence
    ends a paragraph (a sentence end at a wrap point only splits a paragraph in two).

    Without that break a page wrapped at a fixed width with no blank lines (menus and
    all) would become one paragraph and no line rule could see its lines.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        if len(line) < _WRAP_SHORT * width or line[-1] in _SENTENCE_END:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a normalised text.

    Blank lines always separate paragraphs. Inside a block, each line is its own
    paragraph (feeds that use single newlines, like seed 003), unless the whole
    text looks hard-wrapped, in which case a block's lines are joined up to a
    sentence end or a line well short of the wrap width.
    """
    blocks = [b for b in _BLANK_RUN.split(text) if b.strip()]
    all_lines = [line for b in blocks for line in b.split("\n") if line]
    if _looks_hard_wrapped(all_lines):
        width = max(map(len, all_lines))
        return [p for b in blocks for p in _rejoin([line for line in b.split("\n") if line], width)]
    return [line for b in blocks for line in b.split("\n") if line]

"""Bytes to text as browsers read them, mojibake repaired; binary is refused.

The order is the WHATWG Encoding Standard's: a BOM; then the transport's charset (HTTP
header, WARC, JSONL); then the page's own declaration (``<meta charset>``, ``http-equiv``,
an XML declaration), labels mapped as browsers map them (:mod:`.charsets`). A label that
names no decoder (``utf-7``, ``foo``, ``replacement``) or whose decoder fails badly on the
bytes is ignored, and a legacy label over bytes that are valid UTF-8 (with non-ASCII in
them) loses to UTF-8. Without a usable label: UTF-8, else charset-normalizer's detection
on a bounded sample. Text that shows mojibake (UTF-8 read as windows-1252 or latin-1
upstream: ``itâ€™s``) is repaired by ftfy, encoding fixes only.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from newsclean.transforms.errors import StageError
from newsclean.transforms.reading.charsets import (
    CODECS,
    REPLACEMENT,
    X_USER_DEFINED,
    encoding_for_codec,
    encoding_for_label,
)
from newsclean.transforms.vocabulary import RejectCode, Stage

STAGE = Stage.DECODE

# Byte order marks, as the WHATWG decode algorithm reads them (UTF-32 too, which it lacks: such text is not binary).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16be"),
]
# File signatures of formats that are never news text.
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"\x7fELF", b"MZ", b"RIFF", b"OggS", b"\x00\x00\x01\x00",
)  # fmt: skip
# Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_RATIO = 0.005
# UTF-8 with a few bad bytes (a mixed-encoding scrape) is still UTF-8.
MAX_UTF8_ERROR_RATIO = 0.01
# A declared legacy charset may meet a few bytes it cannot decode (a stray byte, a cut page); more
# than this share of U+FFFD means the label is wrong, and it is ignored.
MAX_LABEL_ERROR_RATIO = 0.001


class Decoded(NamedTuple):
    """Decoded text, the encoding it was read with (a WHATWG name: ``utf-8``, ``windows-1252``, ``gbk`` ...)
    and whether ftfy repaired mojibake in it."""

    text: str
    encoding: str
    repaired: bool = False


# The control characters that mark binary or mis-decoded data: C0 less tab, newline, form feed and
# carriage return; DEL; C1. Counted on the UTF-8 bytes: C0 and DEL are single bytes there, deleted
# in one C pass, and C1 is ``\xc2`` then ``\x80``-``\x9f``. A regex over the text costs 7x more
# (4.5 against 0.6 ms on a wcxb-dev page) and every HTML page pays it.
_C0_AND_DEL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")


def _control_ratio(text: str, data: bytes | None = None) -> float:
    """The share of control characters in ``text`` (``data``: its UTF-8 bytes, when the caller has them)."""
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    controls = len(data) - len(data.translate(None, _C0_AND_DEL))
    if b"\xc2" in data:
        controls += len(_C1_UTF8.findall(data))
    return controls / max(len(text), 1)


def _windows_1252_undefined(error: UnicodeError) -> tuple[str, int]:
    """The WHATWG windows-1252 decoder: the five bytes cp1252 leaves undefined are U+0081, U+008D ... as in latin-1."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("newsclean-windows-1252", _windows_1252_undefined)


def _decode_utf8_lenient(data: bytes) -> str | None:
    """UTF-8 with U+FFFD for rare bad bytes, when the rest is clearly UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte >= bad and bad / max(len(text), 1) <= MAX_UTF8_ERROR_RATIO:
        return text
    return None


def _decode_as(data: bytes, encoding: str) -> str | None:
    """``data`` decoded as the WHATWG ``encoding`` does, or None when its decoder fails badly on them."""
    if encoding == "windows-1252":
        return data.decode("cp1252", errors="newsclean-windows-1252")
    if encoding == "utf-8":
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return _decode_utf8_lenient(data)
    codec = CODECS.get(encoding)
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        if text.count("\ufffd") > MAX_LABEL_ERROR_RATIO * len(text):
            return None
    if _control_ratio(text) > MAX_CONTROL_RATIO:  # C1 controls: bytes of another charset (cp1250 under iso-8859-2)
        return None
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _labelled(data: bytes, encoding: str) -> tuple[str, str] | None:
    """``(text, encoding)`` for bytes under a label, or None when the label is to be ignored."""
    if encoding in (REPLACEMENT, "utf-16le", "utf-16be"):  # no decoder; UTF-16 without its BOM or its NULs
        return None
    if encoding != "utf-8" and not data.isascii() and _is_utf8(data):
        return data.decode("utf-8"), "utf-8"  # the label contradicts bytes that are UTF-8: UTF-8 wins
    text = _decode_as(data, encoding)
    return (text, encoding) if text is not None else None


# -- detection -------------------------------------------------------------------------------------

# What charset-normalizer may answer: the legacy encodings browsers decode (UTF-8 and UTF-16 are
# settled before it runs, ISO-2022-JP is 7-bit and the bytes here are not).
# latin-1 stands for windows-1252 on bytes cp1252 leaves undefined (which rule cp1252 out for the detector);
# macintosh is left out, as browsers' detectors leave it (it reads windows-1252's quotes as letters: itís).
_UNDETECTED = ("iso-2022-jp", "macintosh")
_DETECTABLE = tuple(
    dict.fromkeys(c for e, c in CODECS.items() if not e.startswith("utf-") and e not in _UNDETECTED)
) + ("latin-1",)
# At most this many bytes go to the detector: the lines (text pieces of a minified page) that hold
# non-ASCII bytes, the only ones that tell charsets apart (charset-normalizer's time grows with its input).
DETECT_SAMPLE_BYTES = 32_768
# Among answers this close to the least chaotic, the one that fits the language it reads as wins:
# on short Western text charset-normalizer ranks cp1257 or cp1250 first as often as cp1252.
_CHAOS_MARGIN = 0.1
# The legacy charset a language's pages use (the browsers' locale defaults), for single-byte answers.
_LANGUAGE_CODECS = {
    **dict.fromkeys(
        "English German French Dutch Italian Spanish Portuguese Swedish Norwegian Finnish Danish Indonesian".split(),
        "cp1252",
    ),
    **dict.fromkeys("Polish Czech Hungarian Slovak Slovene Croatian Romanian".split(), "cp1250"),
    **dict.fromkeys("Russian Ukrainian Bulgarian Serbian Kazakh".split(), "cp1251"),
    **dict.fromkeys("Lithuanian Estonian".split(), "cp1257"),
    "Turkish": "cp1254",
    "Greek": "cp1253",
    "Hebrew": "cp1255",
    "Arabic": "cp1256",
    "Farsi": "cp1256",
    "Vietnamese": "cp1258",
    "Thai": "cp874",
}


# Where a sample may be cut: no legacy multi-byte charset has these bytes inside a character
# (their trail bytes start at 0x40), and they end the text of a line or an HTML text node.
_PIECES = re.compile(rb"[\n<>]")
_LONG_LINE = 4096


def _pieces(data: bytes) -> Iterator[bytes]:
    """The lines of ``data``; a long line (a minified page) in its pieces between tags."""
    for line in data.split(b"\n"):
        if len(line) > _LONG_LINE:
            yield from _PIECES.split(line)
        else:
            yield line


def _sample(data: bytes) -> bytes:
    """The lines and HTML text pieces of ``data`` that hold non-ASCII bytes, up to :data:`DETECT_SAMPLE_BYTES`.

    A minified page is one line whose first 32 KB may be pure CSS; its text nodes are what tells
    charsets apart."""
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    pieces, size = [], 0
    for piece in _pieces(data):
        if piece.isascii():
            continue
        if size + len(piece) > DETECT_SAMPLE_BYTES:
            if not pieces:
                cut = piece.rfind(b" ", 0, DETECT_SAMPLE_BYTES)
                pieces.append(piece[: cut if cut > 0 else DETECT_SAMPLE_BYTES])
            break
        pieces.append(piece)
        size += len(piece) + 1
    return b"\n".join(pieces)


# Between two letters, a number sign (³ ¹ ²), a symbol (¤ ¦ ¨ ±) or an inverted mark (¿ ¡) is a misread
# letter (Polish ł ą ż as windows-1252); dashes, quotes and other punctuation are at home there.
_MISREAD_CATEGORIES = ("N", "S")
_INVERTED = frozenset("¿¡")
_APOSTROPHES = frozenset("´`")  # symbols by category, apostrophes on many pages (don´t)
_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f](?=[^\W\d_])")
# C1 controls where windows-1252 has punctuation (an ISO-8859 table's reading of its quotes and dashes),
# U+FFFD and private-use characters (what multi-byte tables make of single-byte text).
_MISREAD_CHARS = re.compile("[\u0080\u0082-\u008c\u008e\u0091-\u009c\u009e\u009f\ufffd\ue000-\uf8ff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BY_ASCII_LETTER = re.compile(r"(?<=[A-Za-z])[^\x00-\x7f]|[^\x00-\x7f](?=[A-Za-z])")


# East Asian writing mixes these in one text (kanji and kana, hanja and hangul).
_EAST_ASIAN = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC", "BOPOMOFO"})


def _script(char: str) -> str:
    script = unicodedata.name(char, "?").split(" ", 1)[0]
    return "CJK" if script in _EAST_ASIAN else script


def _misreadings(text: str) -> int:
    """Signs that ``text`` was decoded with the wrong charset: non-ASCII letters of another script than most
    of its non-ASCII letters (an Arabic letter among French accents), symbols between letters (``W³adze``) and
    letters of another script than Latin beside an ASCII letter (``cafй``), :data:`_MISREAD_CHARS`."""
    scripts = Counter(_script(c) for c in _NON_ASCII.findall(text) if c.isalpha())
    strays = sum(scripts.values()) - max(scripts.values(), default=0)
    inside = sum(
        1
        for m in _BETWEEN_LETTERS.finditer(text)
        if m.group() in _INVERTED
        or (unicodedata.category(m.group()).startswith(_MISREAD_CATEGORIES) and m.group() not in _APOSTROPHES)
    )
    mixed = sum(1 for m in _BY_ASCII_LETTER.finditer(text) if m.group().isalpha() and _script(m.group()) != "LATIN")
    return strays + inside + mixed + len(_MISREAD_CHARS.findall(text))


def detect_encoding(data: bytes) -> str:
    """The legacy encoding of undeclared non-UTF-8 bytes, windows-1252 when none fits.

    charset-normalizer proposes; on short or markup-heavy Western text it ranks cp1257, cp1250
    or cp1256 first as often as cp1252, so among its answers about as little chaotic as its
    best, the one with fewest misread characters (:func:`_misreadings`) wins, and among those
    the one that is the usual charset of the language it reads as.
    """
    from charset_normalizer import from_bytes

    sample = _sample(data)
    matches = list(from_bytes(sample, cp_isolation=list(_DETECTABLE)))
    if not matches:
        return "windows-1252"  # the browsers' default; binary still fails the control-character check
    close = [m for m in matches if m.chaos <= matches[0].chaos + _CHAOS_MARGIN]
    misread = [_misreadings(str(m)) for m in close]
    if min(misread) and _misreadings(sample.decode("cp1252", errors="newsclean-windows-1252")) < min(misread):
        return "windows-1252"  # every answer misreads more than the default does (it may rank cp1252 out)
    close = [m for m, n in zip(close, misread, strict=True) if n == min(misread)]
    for match in close:
        if match.language != close[0].language:  # few letters to go on: the language is a guess as well
            continue
        same_text = set(match.could_be_from_charset)  # the codecs that decode the sample to this same text
        expected = _LANGUAGE_CODECS.get(match.language)
        if expected == "cp1252" and "latin_1" in same_text:
            return "windows-1252"
        if expected and expected in same_text:
            return "windows-1252" if "cp1252" in same_text else encoding_for_codec(expected) or "windows-1252"
    if {"cp1252", "latin_1"} & set(close[0].could_be_from_charset):  # the same text as windows-1252
        return "windows-1252"
    return encoding_for_codec(close[0].encoding) or "windows-1252"


def _undeclared(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of bytes no usable label describes: UTF-8, else what detection finds."""
    text = _decode_as(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    encoding = detect_encoding(data)
    text = _decode_as(data, encoding)
    if text is None:
        return _decode_as(data, "windows-1252") or "", "windows-1252"
    return text, encoding


# -- mojibake --------------------------------------------------------------------------------------

# The signs of UTF-8 read as windows-1252 or latin-1: a lead byte's character (Â-ô) before a
# continuation byte's (U+0080-U+00BF, or what cp1252 makes of 0x80-0x9F), or a C1 control.
# Searched in the text's UTF-8 bytes, where each search starts with one literal byte (a regex over
# the text costs ~11 ms a dev page, these ~0.3); only the lines holding a sign go to ftfy.
_MOJIBAKE_UTF8 = re.compile(
    rb"\xc3[\x82-\xb4](?:\xc2[\x80-\xbf]|\xe2\x80[\x93-\xba]|\xe2\x82\xac|\xe2\x84\xa2"
    rb"|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])"
)


def _shows_mojibake(data: bytes) -> bool:
    return (b"\xc2" in data and _C1_UTF8.search(data) is not None) or (
        b"\xc3" in data and _MOJIBAKE_UTF8.search(data) is not None
    )


def _ftfy_config():
    from ftfy import TextFixerConfig

    # encoding fixes only: nothing that changes good text (quotes, ligatures, widths, NFC, HTML entities)
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


def repair_mojibake(text: str, data: bytes | None = None) -> str:
    """``text`` with double-encoded UTF-8 and cp1252/latin-1 confusions fixed (ftfy), line by line.

    ``data``: the text's UTF-8 bytes, when the caller has them."""
    if not _shows_mojibake(text.encode("utf-8", "surrogatepass") if data is None else data):
        return text
    from ftfy import fix_text

    config = _ftfy_config()
    lines = text.splitlines(keepends=True)
    return "".join(
        fix_text(line, config) if _shows_mojibake(line.encode("utf-8", "surrogatepass")) else line for line in lines
    )


# -- the decode stage ------------------------------------------------------------------------------

# UTF-16 without a BOM: text in Latin script has a NUL in every other byte.
_UTF16_SNIFF_BYTES = 4096
_UTF16_MIN_NUL_SHARE = 0.4


def _sniff_utf16(data: bytes) -> str | None:
    """``utf-16le`` or ``utf-16be`` when BOM-less bytes look like UTF-16 text, else None.

    NULs fill one byte position of most code units (Latin script) and almost
    never the other; binary data scatters them over both.
    """
    head = data[: _UTF16_SNIFF_BYTES - _UTF16_SNIFF_BYTES % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= _UTF16_MIN_NUL_SHARE and even_nul < 0.05:
        return "utf-16le"
    if even_nul >= _UTF16_MIN_NUL_SHARE and odd_nul < 0.05:
        return "utf-16be"
    return None


def _page_encoding(label: str | None) -> str | None:
    """The encoding of a page's own declaration: read from ASCII-compatible bytes, UTF-16 there means UTF-8."""
    encoding = encoding_for_label(label)
    if encoding in ("utf-16le", "utf-16be"):
        return "utf-8"
    return encoding


# A page served with a few NUL bytes in its markup (a template's stray byte) is still a page:
# at most one in this many bytes of the first 64 KiB. Binary data and UTF-16 hold far more.
_STRAY_NUL_SHARE = 1000


def _stray_nuls(data: bytes) -> bool:
    head = data[:65536]
    nuls = head.count(b"\x00")
    return 0 < nuls * _STRAY_NUL_SHARE <= len(head) and b"<" in head


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> Decoded:
    """Decode ``data``: ``declared`` is the transport's charset label; ``html`` reads the page's own too.

    Raises :class:`StageError` with ``empty``, ``binary`` or ``undecodable``.
    """
    if not data.strip():
        raise StageError(STAGE, RejectCode.EMPTY, "no content")
    text: str | None = None
    encoding = ""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), name
            except UnicodeDecodeError as exc:
                raise StageError(STAGE, RejectCode.UNDECODABLE, f"{name} BOM but invalid {name}: {exc}") from exc
            break
    if text is None and not data.startswith(_BINARY_MAGIC) and (utf16 := _sniff_utf16(data)):
        try:
            text, encoding = data.decode(CODECS[utf16]), utf16
        except UnicodeDecodeError:
            text = None
    if text is None:
        if html and not data.startswith(_BINARY_MAGIC) and _stray_nuls(data):
            data = data.replace(b"\x00", b"")  # an HTML parser drops them too
        if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:65536]:
            raise StageError(STAGE, RejectCode.BINARY, "binary file signature or NUL bytes")
        labels = [encoding_for_label(declared)]
        if html:
            labels.append(_page_encoding(sniff_html_charset(data)))
        for label in dict.fromkeys(e for e in labels if e):
            found = _labelled(data, "windows-1252" if label == X_USER_DEFINED else label)
            if found:
                text, encoding = found
                break
        if text is None:
            text, encoding = _undeclared(data)
    # the UTF-8 bytes of the text: the input itself when it was read as UTF-8 without replacements
    utf8 = data if encoding == "utf-8" and not data.startswith(codecs.BOM_UTF8) and "\ufffd" not in text else None
    utf8 = utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")
    repaired = repair_mojibake(text, utf8)
    ratio = _control_ratio(repaired, utf8 if repaired is text else None)
    if ratio > MAX_CONTROL_RATIO:
        raise StageError(STAGE, RejectCode.UNDECODABLE, f"decoded as {encoding} but {ratio:.1%} control characters")
    if not repaired.strip():
        raise StageError(STAGE, RejectCode.EMPTY, "only whitespace")
    return Decoded(repaired, encoding, repaired != text)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of :func:`decode` (no page declaration read)."""
    decoded = decode(data, declared)
    return decoded.text, decoded.encoding


_META_CHARSET = re.compile(
    rb"""<meta[^<>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)"""
    rb"""|<\?xml[^<>]+encoding\s*=\s*["']([a-zA-Z0-9_.\-]+)""",
    re.I,
)
HTML_SNIFF_BYTES = 4096  # where browsers look for a <meta charset> (the WHATWG prescan uses 1024)


def sniff_html_charset(data: bytes) -> str | None:
    """The encoding (a WHATWG name) an HTML page declares in ``<meta charset>``, ``http-equiv`` or an XML
    declaration, as its label maps (the first known label); None when there is none.

    :func:`html_charset` applies the rules for a declaration read from the page itself.
    """
    for match in _META_CHARSET.finditer(data[:HTML_SNIFF_BYTES]):  # the prescan goes on past an unknown label
        encoding = encoding_for_label((match.group(1) or match.group(2)).decode("ascii", "replace"))
        if encoding:
            return encoding
    return None


def html_charset(name: str | None) -> str | None:
    """A page's declared charset as browsers take it (WHATWG labels): ``iso-8859-1`` and ``us-ascii`` are
    windows-1252, ``gb2312`` is gbk, and a ``utf-16`` declaration read from ASCII bytes means UTF-8.
    None for a label that names no decoder (``utf-7``, ``foo``, ``replacement``)."""
    encoding = _page_encoding(name)
    if encoding == X_USER_DEFINED:
        return "windows-1252"
    return None if encoding == REPLACEMENT else encoding

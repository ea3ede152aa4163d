"""Language identification and per-language stopword lists.

Identification uses py3langid (langid.py's model, shipped inside the package,
97 languages, no network). Stopwords come from jusText's lists, the ones jusText
itself uses for its stopword-density test: the most frequent words of each
language's Wikipedia, which is what a "how much does this line read like prose"
feature needs. Both load lazily, once per process.
"""

from __future__ import annotations

import functools

from newsclean.transforms.cleaning.language_codes import iso639_1
from newsclean.transforms.text import words

# Fewer letters than this and an identification is a guess.
MIN_LETTERS = 20
# Normalised probability the best language needs to be reported.
MIN_CONFIDENCE = 0.5
# Enough text to identify a language; the rest only costs time.
MAX_CHARS = 2000
# What cleaning reads a text's language from (:func:`language_sample`).
SAMPLE_CHARS = 1000

# ISO 639-1 → jusText's stoplist name, for the languages with a list.
JUSTEXT_STOPLISTS: dict[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ka": "Georgian",
    "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lb": "Luxembourgish",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ms": "Malay",
    "mt": "Maltese", "nb": "Norwegian_Bokmal", "ne": "Nepali", "nl": "Dutch", "nn": "Norwegian_Nynorsk",
    "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "vi": "Vietnamese", "yo": "Yoruba",
}  # fmt: skip


@functools.cache
def _identifier():
    from newsclean.transforms.cleaning.langid_model import load_identifier

    return load_identifier(norm_probs=True)


def _has_letters(text: str, count: int) -> bool:
    """Whether ``text`` has at least ``count`` letters; stops counting there (cleaning asks about
    three times a document, and a count of all 2,000 characters was a tenth of identifying them)."""
    for ch in text:
        if ch.isalpha():
            count -= 1
            if count <= 0:
                return True
    return count <= 0


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when too short, unsure, or a language without one
    (the model also names ISO 639-3 varieties: ``wuu`` and ``yue`` are ``zh``, ``arz`` is ``ar``, ``ace`` None)."""
    sample = text[:MAX_CHARS]
    if not _has_letters(sample, MIN_LETTERS):
        return None
    language, confidence = _identifier().classify(sample)
    return iso639_1(language) if confidence >= MIN_CONFIDENCE else None


def language_sample(lines: list[str], size: int = SAMPLE_CHARS) -> str:
    """The longest lines of a text, in their order, up to about ``size`` characters: what its language
    is read from. Prose is a text's longest lines, menus and labels its shortest, so the sample reads
    the body's language; cleaning keeps the body, so the clean text's sample is mostly the same one."""
    if sum(map(len, lines)) <= size:
        return "\n".join(lines)
    by_length = sorted(range(len(lines)), key=lambda i: (-len(lines[i]), i))
    chosen, total = [], 0
    for i in by_length:
        chosen.append(i)
        total += len(lines[i]) + 1
        if total >= size:
            break
    return "\n".join(lines[i] for i in sorted(chosen))


@functools.cache
def stopwords(language: str | None) -> frozenset[str]:
    """Case-folded stopwords of ``language``; empty when it has no list (features then rely on the rest)."""
    name = JUSTEXT_STOPLISTS.get(language or "")
    if name is None:
        return frozenset()
    import justext

    return frozenset(w for word in justext.get_stoplist(name) for w in words(word.casefold()))

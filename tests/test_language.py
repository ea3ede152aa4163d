"""Language identification and stopword lists (shipped with the packages, offline)."""

from __future__ import annotations

from transforms.language import detect_language, stopwords


def test_main_news_languages_are_identified() -> None:
    samples = {
        "en": "The government said on Monday that it would cut taxes for families with young children.",
        "de": "Die Bundesregierung hat am Montag beschlossen, die Steuern für Familien mit Kindern zu senken.",
        "fr": "Le gouvernement a annoncé lundi une baisse des impôts pour les familles avec de jeunes enfants.",
        "es": "El gobierno anunció el lunes una rebaja de impuestos para las familias con hijos pequeños.",
        "ru": "Правительство в понедельник объявило о снижении налогов для семей с маленькими детьми.",
    }
    for code, text in samples.items():
        assert detect_language(text) == code


def test_too_little_text_has_no_language() -> None:
    assert detect_language("Home") is None
    assert detect_language("") is None


def test_stopwords_per_language() -> None:
    assert {"the", "and", "of"} <= stopwords("en")
    assert {"der", "und"} <= stopwords("de")
    assert "und" not in stopwords("en")
    assert stopwords(None) == frozenset() and stopwords("xx") == frozenset()

"""Language identification and stopword lists (shipped with the packages, offline)."""

from __future__ import annotations

from newsclean.transforms.cleaning.language import detect_language, stopwords


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


def test_letter_count_threshold_is_exact() -> None:
    """Identification needs MIN_LETTERS letters in the sample; digits, spaces and marks do not count."""
    from newsclean.transforms.cleaning.language import MAX_CHARS, MIN_LETTERS, _has_letters

    assert _has_letters("a" * MIN_LETTERS, MIN_LETTERS)
    assert not _has_letters("a" * (MIN_LETTERS - 1) + "1 2 3 . , ! " * 50, MIN_LETTERS)
    assert _has_letters("12 " * 10 + "é" * MIN_LETTERS, MIN_LETTERS)
    assert detect_language("2024 " * 100 + "x" * (MIN_LETTERS - 1)) is None
    # only the first MAX_CHARS characters are read
    assert detect_language(" " * MAX_CHARS + "The government said on Monday that it would cut taxes.") is None


def test_the_cached_model_identifies_as_py3langid_itself(tmp_path, monkeypatch) -> None:
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from newsclean.transforms.cleaning import langid_model

    monkeypatch.setenv("NEWSCLEAN_CACHE", str(tmp_path / "cache"))
    texts = [
        "Der Bundestag hat heute über den Haushalt beschlossen.",
        "Le conseil municipal a voté le budget hier soir.",
        "Правительство объявило о новых мерах поддержки.",
        "政府は新しい経済対策を発表した。",
        "The council voted.",
    ]
    reference = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = langid_model.load_identifier()  # unpacks into the cache
    second = langid_model.load_identifier()  # memory-maps what the first unpacked
    assert isinstance(second.nb_ptc, np.memmap) and list((tmp_path / "cache").iterdir())
    for text in texts:
        assert first.classify(text) == second.classify(text) == reference.classify(text)


def test_an_unwritable_cache_falls_back_to_py3langids_loading(tmp_path, monkeypatch) -> None:
    from newsclean.transforms.cleaning import langid_model

    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("NEWSCLEAN_CACHE", str(blocked / "cache"))  # a folder under a file cannot be made
    identifier = langid_model.load_identifier()
    assert identifier.classify("Der Bundestag hat heute über den Haushalt beschlossen.")[0] == "de"

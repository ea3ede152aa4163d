"""Known given names, as one soft signal that a byline fragment is a person.

The list comes from gender-guesser's name dictionary (about 45,000 given names
from many countries, shipped inside the package, no download). It is never a
hard filter: many real names are missing from it, so it only breaks ties
between candidates (``Master Horticulturalist`` versus ``Nicole Forbes``).
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    try:
        import gender_guesser.detector as detector
    except ImportError:  # the signal is optional; without it no name is "known"
        return None
    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def is_known_given_name(word: str) -> bool:
    """True when ``word`` is a given name somewhere in the dictionary."""
    detector = _detector()
    if detector is None or not word.isalpha():
        return False
    return detector.get_gender(word) != "unknown"

"""The one way user-facing text is looked up: Bahasa Indonesia by default, English selectable.

Every app keeps its texts in a `Catalog` next to its code; widgets and pages ask the catalog,
never hard-wire a sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


class Catalog:
    """Texts keyed by a stable name, each given in Indonesian and English.

    >>> texts = Catalog({"hello": ("Halo, {name}", "Hello, {name}")})
    >>> texts.get("hello", "en", name="Ani")
    'Hello, Ani'
    """

    def __init__(self, entries: Mapping[str, tuple[str, str]]):
        self._entries = dict(entries)

    def get(self, key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
        try:
            indonesian, english = self._entries[key]
        except KeyError:
            raise KeyError(f"no text named {key!r} in the catalog") from None
        template = english if language == "en" else indonesian
        return template.format(**values) if values else template

    def keys(self) -> set[str]:
        return set(self._entries)

    def merged(self, other: Catalog) -> Catalog:
        return Catalog({**self._entries, **other._entries})


def clock_text(moment: dt.datetime | dt.time, language: str = DEFAULT_LANGUAGE) -> str:
    """A time of day as people in the hall read it: "09.01" in Indonesian (EYD), "09:01" in English.

    >>> clock_text(dt.time(9, 1))
    '09.01'
    >>> clock_text(dt.time(9, 1), "en")
    '09:01'
    """
    return moment.strftime("%H:%M" if language == "en" else "%H.%M")


LANGUAGE_VARIABLE = "ANTRIAN_LANG"


def env_language() -> str:
    """The language a command speaks when not told: $ANTRIAN_LANG ("id" or "en"), else "id"."""
    import os

    value = os.environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    return value if value in LANGUAGES else DEFAULT_LANGUAGE

"""The one way user-facing text is looked up: Bahasa Indonesia by default, English selectable.

Every app keeps its texts in a `Catalog` next to its code; widgets and pages ask the catalog,
never hard-wire a sentence. The Indonesian sentence is the source, written in the code as
`N_("key", "Kalimat Indonesia")`; every other language is a gettext catalog beside it,
`<app>/locale/<language>/LC_MESSAGES/<domain>.po` (`msgctxt` the key, `msgid` the Indonesian
sentence, `msgstr` the translation). `make catalogs` extracts the template `<domain>.pot` from
the code and updates every `.po`; docs/operations.md tells an MPP how to change a sentence or
add a language.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE: Final = "id"

log = logging.getLogger(__name__)

# An MPP's own catalogs, read over the shipped ones: a sentence reworded or a language added
# here survives an update of /opt/antrian (docs/operations.md, "Texts and translations").
LOCAL_LOCALE_VARIABLE = "ANTRIAN_LOCALE_DIR"
LOCAL_LOCALE_DIR = Path("/etc/antrian/locale")


def local_locale_dir() -> Path:
    return Path(os.environ.get(LOCAL_LOCALE_VARIABLE) or LOCAL_LOCALE_DIR)


_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})?")


def N_(key: str, indonesian: str) -> tuple[str, str]:  # noqa: N802 - gettext's name
    """Marks an Indonesian source text for extraction; gives back (key, text) for a `Catalog`."""
    return key, indonesian


def placeholders(template: str) -> list[tuple[str, str, str]]:
    """The {fields} of a str.format template with their format spec and conversion, sorted.

    >>> placeholders("{count} orang, {minutes:.0f} menit")
    [('count', '', ''), ('minutes', '.0f', '')]
    """
    return sorted(
        (name, spec or "", conversion or "")
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def _fits(translation: str, source: str) -> bool:
    try:
        return placeholders(translation) == placeholders(source)
    except ValueError:  # a stray brace
        return False


class Catalog:
    """Texts keyed by a stable name: the Indonesian source in code, translations in `.po` files.

    `get(key, language, **values)` gives the text in that language: the translation from
    `<locale_dir>/<language>/LC_MESSAGES/<domain>.po` when it has one (not fuzzy, made for this
    very Indonesian sentence, with the same placeholders), else the Indonesian source. The same
    file under `local_locale_dir()` (/etc/antrian/locale) is read over the shipped one, so an
    MPP's own wording wins; an `id` catalog rewords the Indonesian itself. Catalogs are read
    once, on first use.

    >>> texts = Catalog("demo", "/nowhere", [N_("hello", "Halo, {name}")])
    >>> texts.get("hello", name="Ani")
    'Halo, Ani'
    >>> texts.get("hello", "xx", name="Ani")  # a language without a catalog: Indonesian
    'Halo, Ani'
    """

    def __init__(
        self,
        domain: str,
        locale_dir: str | Path,
        entries: Iterable[tuple[str, str]],
        *,
        local_dir: str | Path | None = None,
    ):
        self.domain = domain
        self.locale_dir = Path(locale_dir)
        self._local_dir = None if local_dir is None else Path(local_dir)
        self._sources: dict[str, str] = {}
        for key, text in entries:
            if key in self._sources:
                raise ValueError(f"the text {key!r} is in the {domain} catalog twice")
            self._sources[key] = text
        self._translations: dict[str, Mapping[str, str]] = {}

    def get(self, key: str, language: str = DEFAULT_LANGUAGE, **values: object) -> str:
        try:
            template = self._sources[key]
        except KeyError:
            raise KeyError(f"no text named {key!r} in the catalog") from None
        template = self.translations(language).get(key, template)
        return template.format(**values) if values else template

    def keys(self) -> set[str]:
        return set(self._sources)

    def sources(self) -> dict[str, str]:
        """Every key with its Indonesian source sentence."""
        return dict(self._sources)

    def po_path(self, language: str, locale_dir: Path | None = None) -> Path:
        """The shipped catalog of a language (or the one under another locale folder)."""
        folder = self.locale_dir if locale_dir is None else locale_dir
        return folder / language / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def local_dir(self) -> Path:
        return local_locale_dir() if self._local_dir is None else self._local_dir

    def languages(self) -> list[str]:
        """The languages this catalog ships a `.po` file for (besides the Indonesian source)."""
        if not self.locale_dir.is_dir():
            return []
        return sorted(
            path.name for path in self.locale_dir.iterdir() if self.po_path(path.name).is_file()
        )

    def translations(self, language: str) -> Mapping[str, str]:
        """key -> translated text, for the translations that fit today's Indonesian sources."""
        found = self._translations.get(language)
        if found is None:
            found = self._translations[language] = self._read(language)
        return found

    def _read(self, language: str) -> Mapping[str, str]:
        if not _LANGUAGE_CODE.fullmatch(language or ""):
            return {}
        found: dict[str, str] = {}
        for folder in (self.locale_dir, self.local_dir):  # the MPP's own last: it wins
            found.update(self._read_file(self.po_path(language, folder)))
        return found

    def _read_file(self, path: Path) -> dict[str, str]:
        if not path.is_file():
            return {}
        from babel.messages.pofile import read_po

        with path.open("rb") as file:
            catalog = read_po(file, domain=self.domain)
        found = {}
        for message in catalog:
            key = message.context
            if (
                key in self._sources
                and message.id == self._sources[key]
                and isinstance(message.string, str)
                and message.string
                and not message.fuzzy
            ):
                if _fits(message.string, message.id):
                    found[key] = message.string
                else:  # a wrong {placeholder} must not break the screen: Indonesian instead
                    log.warning("%s: %s has other {placeholders} than its msgid", path, key)
        return found


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

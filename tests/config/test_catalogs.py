"""Texts live in gettext catalogs: the Indonesian source in code, every translation in a `.po`.

A catalog that misses a message, keeps a fuzzy or empty one, or changes a placeholder fails
here; so does a template (`.pot`) that no longer matches the code (run `make catalogs`).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from config.i18n import N_, Catalog, placeholders

ROOT = Path(__file__).resolve().parents[2]

# domain -> the module holding its TEXTS (the Makefile's CATALOGS lists the same)
CATALOGS = {
    "config": "config.texts",
    "server": "server.texts",
    "web": "server.web.texts",
    "kiosk": "kiosk.texts",
    "display": "display.texts",
    "printer": "printer.texts",
    "doctor": "antrian.doctor.texts",
    "demo": "antrian.commands.demo",
    "setup": "antrian.commands.setup_texts",
}
KEYWORDS = {"N_": ((1, "c"), 2)}  # the Makefile's --keyword='N_:1c,2'


def texts_of(domain: str) -> Catalog:
    return importlib.import_module(CATALOGS[domain]).TEXTS


def source_file(domain: str) -> Path:
    return Path(importlib.import_module(CATALOGS[domain]).__file__)


def read(path: Path) -> PoCatalog:
    with path.open("rb") as file:
        return read_po(file)


def problems(texts: Catalog, po_path: Path) -> list[str]:
    """What is wrong with one language's catalog for these Indonesian sources."""
    found = []
    sources = texts.sources()
    messages = {message.context: message for message in read(po_path) if message.id}
    for key, indonesian in sources.items():
        message = messages.get(key)
        if message is None:
            found.append(f"{key}: missing")
        elif message.id != indonesian:
            found.append(f"{key}: made for another Indonesian text (run make catalogs)")
        elif message.fuzzy:
            found.append(f"{key}: fuzzy (check the translation, then drop '#, fuzzy')")
        elif not message.string:
            found.append(f"{key}: not translated")
        elif placeholders(message.string) != placeholders(indonesian):
            found.append(f"{key}: placeholders differ from the Indonesian {indonesian!r}")
    found += [f"{key}: not in the code (run make catalogs)" for key in messages.keys() - sources]
    return found


def test_every_catalog_in_the_tree_is_listed_here_and_in_the_makefile():
    holders = {
        path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        for package in ("antrian", "client", "config", "display", "kiosk", "printer", "server")
        for path in (ROOT / package).rglob("*.py")
        if re.search(r"^TEXTS = Catalog\(", path.read_text(encoding="utf-8"), re.M)
    }
    assert holders == set(CATALOGS.values())
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = dict(re.findall(r"(\w+):([\w/]+\.py):[\w/]+", makefile))
    assert {domain: source_file(domain).relative_to(ROOT).as_posix() for domain in CATALOGS} == (
        listed
    )


@pytest.mark.parametrize("domain", sorted(CATALOGS))
def test_the_template_matches_the_code(domain):
    """The .pot holds exactly the N_(key, text) of the code, in order: make catalogs is done."""
    texts = texts_of(domain)
    extracted = [
        (context, message)
        for _, message, _, context in extract_from_file(
            "python", source_file(domain), keywords=KEYWORDS, comment_tags=("NOTE",)
        )
    ]
    assert extracted == list(texts.sources().items()), "a text the extractor cannot see"
    template = texts.locale_dir / f"{domain}.pot"
    assert [(m.context, m.id) for m in read(template) if m.id] == extracted, "run make catalogs"


@pytest.mark.parametrize("domain", sorted(CATALOGS))
def test_every_language_translates_every_text_with_the_same_placeholders(domain):
    texts = texts_of(domain)
    assert "en" in texts.languages(), "English is a translation every app ships"
    for language in texts.languages():
        assert problems(texts, texts.po_path(language)) == [], f"{domain} {language}"


@pytest.mark.parametrize("domain", sorted(CATALOGS))
def test_every_source_text_is_a_valid_template(domain):
    for key, indonesian in texts_of(domain).sources().items():
        assert indonesian.strip(), key
        placeholders(indonesian)  # raises on a stray brace


def write_catalog(path: Path, language: str, messages: list[tuple[str, str, str, bool]]) -> Path:
    """A .po with (key, Indonesian, translation, fuzzy) entries, as pybabel would write it."""
    catalog = PoCatalog(locale=None, domain="demo")
    catalog.language_team = language
    for key, indonesian, translation, fuzzy in messages:
        catalog.add(indonesian, translation, context=key, flags=("fuzzy",) if fuzzy else ())
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as file:
        write_po(file, catalog)
    return path


SOURCES = [N_("welcome", "Selamat datang, {name}"), N_("done", "Selesai")]


def test_indonesian_is_the_source_and_english_comes_from_its_catalog(tmp_path):
    texts = Catalog("demo", tmp_path, SOURCES)
    write_catalog(
        texts.po_path("en"),
        "en",
        [
            ("welcome", "Selamat datang, {name}", "Welcome, {name}", False),
            ("done", "Selesai", "Done", False),
        ],
    )
    assert texts.get("welcome", name="Ani") == "Selamat datang, Ani"
    assert texts.get("welcome", "id", name="Ani") == "Selamat datang, Ani"
    assert texts.get("welcome", "en", name="Ani") == "Welcome, Ani"
    assert texts.get("done", "fr") == "Selesai", "a language without a catalog reads Indonesian"
    assert texts.get("done", "../../en") == "Selesai", "a language is a code, not a path"
    with pytest.raises(KeyError, match="no text named 'nope'"):
        texts.get("nope")


def test_an_mpp_adds_a_language_by_adding_a_file(tmp_path):
    """Javanese: one more .po beside the others, no code."""
    texts = Catalog("demo", tmp_path, SOURCES)
    write_catalog(
        texts.po_path("jv"),
        "jv",
        [
            ("welcome", "Selamat datang, {name}", "Sugeng rawuh, {name}", False),
            ("done", "Selesai", "Rampung", False),
        ],
    )
    assert texts.languages() == ["jv"]
    assert problems(texts, texts.po_path("jv")) == []
    assert texts.get("welcome", "jv", name="Ani") == "Sugeng rawuh, Ani"
    assert texts.get("done", "jv") == "Rampung"


def test_an_mpp_rewords_an_indonesian_sentence_in_an_id_catalog(tmp_path):
    texts = Catalog("demo", tmp_path, SOURCES)
    write_catalog(texts.po_path("id"), "id", [("done", "Selesai", "Sudah selesai", False)])
    assert texts.get("done") == "Sudah selesai"
    assert texts.get("welcome", name="Ani") == "Selamat datang, Ani"


def test_the_mpps_own_catalogs_in_etc_are_read_over_the_shipped_ones(tmp_path, monkeypatch):
    """/etc/antrian/locale ($ANTRIAN_LOCALE_DIR) survives an update of the program."""
    shipped, local = tmp_path / "shipped", tmp_path / "etc"
    monkeypatch.setenv("ANTRIAN_LOCALE_DIR", str(local))
    texts = Catalog("demo", shipped, SOURCES)
    write_catalog(
        texts.po_path("en"),
        "en",
        [
            ("welcome", "Selamat datang, {name}", "Welcome, {name}", False),
            ("done", "Selesai", "Done", False),
        ],
    )
    write_catalog(texts.po_path("en", local), "en", [("done", "Selesai", "Finished", False)])
    write_catalog(texts.po_path("jv", local), "jv", [("done", "Selesai", "Rampung", False)])
    assert texts.get("done", "en") == "Finished"
    assert texts.get("welcome", "en", name="Ani") == "Welcome, Ani"
    assert texts.get("done", "jv") == "Rampung"


def test_a_fuzzy_stale_missing_or_misplaced_translation_fails_and_is_not_shown(tmp_path):
    texts = Catalog("demo", tmp_path, [*SOURCES, N_("bye", "Sampai jumpa"), N_("eta", "{m} menit")])
    path = write_catalog(
        texts.po_path("en"),
        "en",
        [
            ("welcome", "Selamat datang, {name}", "Welcome, {name}", True),  # fuzzy
            ("done", "Sudah", "Done", False),  # made for an older Indonesian text
            ("eta", "{m} menit", "{minutes} min", False),  # placeholder renamed
            ("gone", "Hilang", "Gone", False),  # no longer in the code
        ],
    )
    assert problems(texts, path) == [
        "welcome: fuzzy (check the translation, then drop '#, fuzzy')",
        "done: made for another Indonesian text (run make catalogs)",
        "bye: missing",
        "eta: placeholders differ from the Indonesian '{m} menit'",
        "gone: not in the code (run make catalogs)",
    ]
    # What the hall sees meanwhile: Indonesian, never a wrong or unchecked English.
    assert texts.get("welcome", "en", name="Ani") == "Selamat datang, Ani"
    assert texts.get("done", "en") == "Selesai"
    assert texts.get("eta", "en", m=5) == "5 menit", "a wrong placeholder would raise KeyError"


def test_a_key_given_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        Catalog("demo", "/nowhere", [N_("a", "Satu"), N_("a", "Dua")])

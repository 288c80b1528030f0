"""The move to gettext catalogs changed no text: every old (Indonesian, English) tuple renders the
same through the new lookups. (A one-commit proof: the snapshot is the old tuples.)"""

import importlib
import json
from pathlib import Path

import pytest

OLD = json.loads((Path(__file__).with_name("old_texts.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("domain", sorted(OLD))
def test_every_old_text_renders_the_same_in_both_languages(domain):
    texts = importlib.import_module(OLD[domain]["module"]).TEXTS
    entries = OLD[domain]["entries"]
    assert texts.keys() == set(entries)
    for key, (indonesian, english) in entries.items():
        assert texts.get(key, "id") == indonesian, key
        assert texts.get(key) == indonesian, key
        assert texts.get(key, "en") == english, key

"""Every text the pages ask for exists in the catalog, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from server.web.texts import KEYS, TEXTS

WEB = Path(__file__).resolve().parents[3] / "server" / "web"
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""")


def test_every_literal_text_key_exists():
    """t("...") in templates and page code names a catalog entry."""
    sources = [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]
    sources = [path for path in sources if path.name != "texts.py"]
    used = {key for path in sources for key in LITERAL_KEY.findall(path.read_text())}
    assert used, "no keys found: the pattern is wrong"
    assert used - KEYS == set()


def test_every_text_has_both_languages():
    """No entry is left empty in Indonesian or English."""
    for key in KEYS:
        assert TEXTS.get(key, "id").strip() and TEXTS.get(key, "en").strip(), key

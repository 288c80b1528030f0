"""Shared helpers for the printer tests."""

from pathlib import Path

import pytest

from config.printer import PrinterSettings

GOLDEN = Path(__file__).parent / "golden"
LOGO = GOLDEN / "logo.png"


def settings(**values) -> PrinterSettings:
    """Printer settings for a test: a dummy printer unless told otherwise."""
    values.setdefault("type", "dummy")
    values.setdefault("header_lines", ["MAL PELAYANAN PUBLIK", "KABUPATEN MADIUN"])
    return PrinterSettings(**values)


@pytest.fixture
def make_settings():
    return settings

"""The kiosk's settings file and the `antrian kiosk` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from antrian.cli import main as antrian
from config import ConfigError
from config.kiosk import load_kiosk_settings

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.toml"


def test_example_file_chooses_a_real_printer_explicitly():
    """config/kiosk.toml loads: the demo server and token, Indonesian, and a network printer
    at an example address (not the test-only `dummy`), with the other choices explained."""
    settings = load_kiosk_settings(EXAMPLE)
    assert settings.server.url == "http://127.0.0.1:8000"
    assert settings.server.token == "demo-kiosk-1-token"
    assert (settings.printer.type, settings.kiosk.language) == ("network", "id")
    assert settings.printer.host == "192.168.1.50"
    text = EXAMPLE.read_text()
    for choice in ('# type = "usb"', '# type = "serial"', '"none"', '"dummy"'):
        assert choice in text


def test_screen_only_printer_type_is_accepted(tmp_path):
    """`[printer] type = "none"` is the explicit choice of a kiosk without a printer."""
    path = tmp_path / "kiosk.toml"
    text = EXAMPLE.read_text().replace('type = "network"', 'type = "none"')
    path.write_text(text.replace('host = "192.168.1.50"', "").replace("port = 9100\n", ""))
    assert load_kiosk_settings(path).printer.type == "none"


def test_bad_pin_is_named_with_its_key(tmp_path):
    """A PIN with letters is refused, and the message names the file and the key."""
    bad = tmp_path / "kiosk.toml"
    bad.write_text(EXAMPLE.read_text().replace('technician_pin = "2468"', 'technician_pin = "ab"'))
    with pytest.raises(ConfigError) as error:
        load_kiosk_settings(bad)
    assert "kiosk.technician_pin" in str(error.value) and str(bad) in str(error.value)


def test_command_with_a_missing_file_exits_2_with_a_log_line(tmp_path, capfd):
    """`antrian kiosk --config missing.toml` says why and exits 2, without opening a window."""
    assert antrian(["kiosk", "--config", str(tmp_path / "missing.toml")]) == 2
    assert "missing.toml: berkas tidak ditemukan" in capfd.readouterr().err

"""The `[printer]` table: per-type keys, USB ids, profiles, code pages, clear errors."""

from __future__ import annotations

import pytest

from config import ConfigError
from config.loader import parse_settings
from config.printer import PrinterSettings
from printer import TicketPrinter
from printer.profiles import check_profile


def parse(**values) -> PrinterSettings:
    """The table as the kiosk reads it: config's checks, then python-escpos' (printer.profiles)."""
    return check_profile(parse_settings(PrinterSettings, values, "kiosk.toml"), "kiosk.toml", at="")


def test_defaults_are_short_timeouts_and_80mm():
    """Timeouts default to a few seconds (never python-escpos' 60 s); paper 80 mm; Indonesian."""
    printer = parse(type="network", host="192.168.1.50")
    assert (printer.connect_timeout, printer.status_timeout) == (3.0, 2.0)
    assert printer.network_port == 9100 and printer.paper_width == 80
    assert printer.language == "id"


@pytest.mark.parametrize("value", ["0x04b8", "04b8", 1208, "0X04B8"])
def test_usb_ids_accept_hex_strings_and_numbers(value):
    """USB ids may be written as lsusb prints them or as numbers."""
    assert parse(type="usb", idVendor=value, idProduct="0e15").idVendor == 0x04B8


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"type": "network"}, "host: wajib ada untuk printer network"),
        ({"type": "serial"}, "devfile: wajib ada"),
        ({"type": "usb", "idVendor": "0x04b8"}, "idProduct: wajib ada"),
        ({"type": "file"}, "devfile: wajib ada"),
        ({"type": "serial", "devfile": "/dev/ttyS0", "host": "x"}, "host: tidak berlaku"),
        ({"type": "dummy", "prot": 9100}, "prot: kunci tidak dikenal"),
        ({"type": "usb", "idVendor": "zz", "idProduct": 1}, "idVendor: harus angka"),
        ({"type": "dummy", "paper_width": 76}, "paper_width"),
        ({"type": "dummy", "profile": "TM-XYZ"}, "profil python-escpos tidak dikenal"),
        ({"type": "dummy", "code_page": "CP999"}, "code_page: 'CP999' tidak ada di profil"),
        ({"type": "dummy", "logo": "/nonexistent/logo.png"}, "berkas logo"),
        ({"type": "laser"}, "type"),
    ],
)
def test_bad_settings_name_the_key(values, key):
    """Each mistake is a ConfigError naming the file and the key."""
    with pytest.raises(ConfigError) as error:
        parse(**values)
    assert "kiosk.toml" in str(error.value) and key in str(error.value)


def test_config_alone_accepts_any_profile_name_the_printer_refuses_it():
    """config (the ground floor) does not know python-escpos; the printer checks its profile
    when it is built, naming the key."""
    settings = parse_settings(PrinterSettings, {"type": "dummy", "profile": "TM-XYZ"}, "kiosk.toml")
    with pytest.raises(ConfigError, match="printer.profile: profil python-escpos tidak dikenal"):
        TicketPrinter(settings)

"""`antrian printer sample|test|preview`, run through the real command front door."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from antrian.cli import main
from printer.layout import render_ticket_bytes
from printer.sample import sample_ticket
from tests.printer.conftest import settings
from tests.printer.escpos_decoder import decode


def test_sample_writes_the_sample_ticket_bytes(tmp_path):
    """`sample --width 58` writes exactly the 58 mm sample ticket, valid for the decoder."""
    out = tmp_path / "sample.bin"
    assert main(["printer", "sample", "--width", "58", "--out", str(out)]) == 0
    expected = render_ticket_bytes(sample_ticket(), settings(paper_width=58))
    assert out.read_bytes() == expected
    assert decode(out.read_bytes()).commands[-1] == "cut"


def test_preview_draws_a_png(tmp_path):
    """`preview --out FILE.png` draws a ticket-shaped image as wide as the paper."""
    out = tmp_path / "ticket.png"
    assert main(["printer", "preview", "--width", "80", "--out", str(out)]) == 0
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.width > 576 and image.height > image.width


def test_test_page_on_a_network_printer(tmp_path, printer_peer, capsys):
    """`test --config` prints the test page on the configured printer and reports its status."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[printer]\ntype = "network"\nhost = "{printer_peer.host}"\nport = {printer_peer.port}\n'
    )
    assert main(["printer", "test", "--config", str(config)]) == 0
    assert "Printer: siap (online); kertas: cukup" in capsys.readouterr().out
    printer_peer.wait_for(lambda peer: peer.ticket_bytes_received() > 500)


def test_test_reports_an_unreachable_printer(tmp_path, refused_printer_port, capsys):
    """An unreachable printer: the friendly message, the code and the detail; exit code 1."""
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'[printer]\ntype = "network"\nhost = "127.0.0.1"\nport = {refused_printer_port}\n'
    )
    assert main(["printer", "test", "--config", str(config)]) == 1
    out = capsys.readouterr().out
    assert "Printer tidak siap" in out and "[offline]" in out


def test_bad_config_names_the_key(tmp_path, capsys):
    """A typo or a missing key in [printer] is exit code 2 with the file and the key named."""
    config = tmp_path / "kiosk.toml"
    config.write_text('[printer]\ntype = "network"\n')
    assert main(["printer", "test", "--config", str(config)]) == 2
    error = capsys.readouterr().err
    assert str(config) in error and "printer.host: wajib ada" in error


def test_import_leaves_logging_and_temp_dir_alone(tmp_path):
    """Importing python-escpos through printer/ adds no root log handler and caches under
    ~/.cache/antrian, not in the temp dir."""
    env = {k: v for k, v in os.environ.items() if k != "ESCPOS_CAPABILITIES_PICKLE_DIR"}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME="", TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    code = (
        "import logging, os; import printer.escpos_lib; "
        "print(len(logging.getLogger().handlers), os.environ['ESCPOS_CAPABILITIES_PICKLE_DIR'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    handlers, cache_dir = result.stdout.split()
    assert handlers == "0"
    assert cache_dir == str(tmp_path / ".cache" / "antrian" / "escpos")
    assert list((tmp_path / "tmp").iterdir()) == []

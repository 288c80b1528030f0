"""`antrian setup`: the server role writes a server.toml a real server starts from, the display
role pairs, the screen orientation becomes a cage drop-in, and printers are found on USB and
serial (pyusb's and pyserial's objects played by small stand-ins)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import requests

from antrian.commands.setup import orientation_dropin
from config.display import load_display_settings
from config.server import load_server_settings
from printer.discovery import find_printers

ROOT = Path(__file__).resolve().parents[2]


def antrian(*arguments: str, state: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ANTRIAN_STATE_DIR": str(state), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "antrian.cli", *arguments],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
        check=False,
    )


def test_server_role_writes_a_server_toml_a_real_server_starts_from(
    tmp_path, server_process_factory
):
    out = tmp_path / "server.toml"
    done = antrian(
        "setup", "server", "--mpp-name", "Mal Pelayanan Publik Kota Blitar",
        "--admin-password", "rahasia-blitar-1", "--public-url", "http://10.1.2.3:8000",
        "--config-out", str(out), "--data", str(tmp_path / "data"), "--no-enable",
        state=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rahasia-blitar-1" not in done.stdout
    settings = load_server_settings(out)
    assert settings.site.name == "Mal Pelayanan Publik Kota Blitar"
    assert settings.site.public_url == "http://10.1.2.3:8000"
    assert [(u.username, u.role) for u in settings.users] == [("admin", "admin")]
    assert settings.devices == []  # no demo tokens: devices pair with codes
    assert settings.services  # the example's services as a start
    assert "Berkas konfigurasi" in done.stdout  # doctor ran (--not-started)

    server = server_process_factory(data_dir=tmp_path / "data", config_path=out)
    login = requests.post(
        f"{server.api}/auth/login",
        json={"username": "admin", "password": "rahasia-blitar-1"},
        timeout=10,
    )
    assert login.status_code == 200
    demo = requests.post(
        f"{server.api}/auth/login",
        json={"username": "petugas1", "password": "petugas-demo-2026"},
        timeout=10,
    )
    assert demo.status_code == 401


def test_display_role_pairs_and_writes_display_toml(live_server, tmp_path):
    admin = {"Authorization": f"Bearer {live_server.admin_token()}"}
    made = requests.post(
        f"{live_server.api}/admin/devices/pairing",
        json={"name": "tv-aula-2", "kind": "display"},
        headers=admin,
        timeout=10,
    ).json()
    out = tmp_path / "display.toml"
    done = antrian(
        "setup", "display", "--server", live_server.url, "--code", made["code"],
        "--config-out", str(out), "--no-enable", "--mpp-name", "MPP Kota Contoh",
        state=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    settings = load_display_settings(out)
    assert settings.board.title == "MPP Kota Contoh"
    token = {"Authorization": f"Bearer {settings.server.token}"}
    state = requests.get(f"{live_server.api}/display/state", headers=token, timeout=10)
    assert state.status_code == 200
    # A kiosk's code does not make a display: the kind is the server's word.
    kiosk_code = requests.post(
        f"{live_server.api}/admin/devices/pairing",
        json={"name": "kiosk-salah", "kind": "kiosk"},
        headers=admin,
        timeout=10,
    ).json()["code"]
    wrong = antrian(
        "setup", "display", "--server", live_server.url, "--code", kiosk_code,
        "--config-out", str(tmp_path / "wrong.toml"), "--no-enable", state=tmp_path,
    )  # fmt: skip
    assert wrong.returncode == 2 and not (tmp_path / "wrong.toml").exists()


def test_setup_says_so_when_the_server_does_not_answer(tmp_path):
    done = antrian(
        "setup", "kiosk", "--server", "http://127.0.0.1:9", "--code", "AAAA-AAAA",
        "--config-out", str(tmp_path / "k.toml"), "--no-enable", state=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2 and "tidak menjawab" in done.stdout, done.stdout


def test_orientation_is_a_cage_dropin_and_upright_removes_it(tmp_path):
    config = Path("/etc/antrian/display.toml")
    orientation_dropin("display", "portrait", config, tmp_path)
    dropin = tmp_path / "antrian-display.service.d" / "orientation.conf"
    text = dropin.read_text()
    assert "ExecStart=\n" in text  # the unit's own line is cleared first
    assert "cage -s -r -- /opt/antrian/.venv/bin/antrian display --config " in text
    orientation_dropin("display", "portrait-flipped", config, tmp_path)
    assert "-r -r -r --" in dropin.read_text()
    orientation_dropin("display", "landscape", config, tmp_path)
    assert not dropin.exists()


class FakeUsb:
    """What discovery reads of a pyusb device: ids, class, names, configurations."""

    def __init__(self, vendor, product, device_class=0, interfaces=(), maker="", name=""):
        self.idVendor, self.idProduct, self.bDeviceClass = vendor, product, device_class
        self.manufacturer, self.product = maker, name
        self._configuration = [SimpleNamespace(bInterfaceClass=c) for c in interfaces]

    def __iter__(self):
        return iter([self._configuration])


def test_printers_are_found_on_usb_and_serial():
    devices = [
        FakeUsb(0x1D6B, 0x0002, device_class=9),  # a USB hub: not a printer
        FakeUsb(0x04B8, 0x0E15, maker="EPSON", name="TM-T82"),  # a known receipt vendor
        FakeUsb(0x1234, 0x5678, interfaces=(0x07,)),  # printer class on its interface
    ]
    ports = [
        SimpleNamespace(device="/dev/ttyUSB0", description="USB-Serial", vid=0x067B),
        SimpleNamespace(device="/dev/ttyS0", description="n/a", vid=None),
    ]
    found = find_printers(lambda: devices, lambda: ports)
    assert [p.label for p in found] == [
        "USB 04b8:0e15 EPSON TM-T82",
        "USB 1234:5678",
        "Serial /dev/ttyUSB0 (USB-Serial)",
        "Serial /dev/ttyS0",
    ]
    assert found[0].as_settings() == {"type": "usb", "idVendor": "0x04b8", "idProduct": "0x0e15"}
    assert found[2].as_settings() == {"type": "serial", "devfile": "/dev/ttyUSB0", "baudrate": 9600}
    assert [p.likely for p in found] == [True, True, True, False]  # ttyS0: listed, not taken


def test_enabling_asks_systemd_for_the_roles_units(live_server, tmp_path):
    """Without --no-enable: the kiosk's unit and the graphical target, the orientation drop-in
    beside them (systemctl is a recorder here: this machine runs no systemd)."""
    bin_dir, calls = tmp_path / "bin", tmp_path / "systemctl-calls"
    bin_dir.mkdir()
    fake = bin_dir / "systemctl"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n')
    fake.chmod(0o755)
    admin = {"Authorization": f"Bearer {live_server.admin_token()}"}
    code = requests.post(
        f"{live_server.api}/admin/devices/pairing",
        json={"name": "kiosk-tegak", "kind": "kiosk"},
        headers=admin,
        timeout=10,
    ).json()["code"]
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "ANTRIAN_STATE_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    systemd = tmp_path / "systemd"
    done = subprocess.run(
        [sys.executable, "-m", "antrian.cli", "setup", "kiosk", "--server", live_server.url,
         "--code", code, "--config-out", str(tmp_path / "kiosk.toml"), "--printer", "none",
         "--orientation", "portrait", "--systemd-dir", str(systemd)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env, timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert calls.read_text().splitlines() == [
        "enable antrian-kiosk.service",
        "set-default graphical.target",
    ]
    dropin = (systemd / "antrian-kiosk.service.d" / "orientation.conf").read_text()
    assert f"cage -s -r -- /opt/antrian/.venv/bin/antrian kiosk --config {tmp_path}" in dropin
    assert "sudo reboot" in done.stdout

"""A new kiosk, end to end: the admin makes a pairing code in Chromium, `antrian setup kiosk`
(a real process) pairs against the real server and writes the settings, `antrian doctor`
accepts them, the real kiosk app started from that file sends its heartbeat, which the Devices
page shows; a used and an expired code are refused; "Cabut" locks the kiosk out."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from config.kiosk import load_kiosk_settings
from config.version import version
from server.pairing import CODE_MINUTES
from tests.server.web.browser import log_in
from tests.support.live_server import ADMIN

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[3]
COMMAND_SECONDS = 60


def antrian(*arguments: str, state: Path) -> subprocess.CompletedProcess:
    """`antrian …` as a technician's shell runs it: a process of its own, no terminal."""
    env = {**os.environ, "ANTRIAN_STATE_DIR": str(state), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "antrian.cli", *arguments],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=COMMAND_SECONDS,
        check=False,
    )


def setup_kiosk(server, code: str, out: Path, state: Path, peer) -> subprocess.CompletedProcess:
    return antrian(
        "setup", "kiosk", "--server", server.url, "--code", code, "--config-out", str(out),
        "--no-enable", "--printer", "network", "--printer-host", peer.host,
        "--printer-port", str(peer.port), "--mpp-name", "Mal Pelayanan Publik Kota Contoh",
        state=state,
    )  # fmt: skip


def make_code_in_page(page, name: str) -> str:
    page.fill("#f-pair-name", name)
    page.select_option("#f-pair-kind", "kiosk")
    page.click("#make-pairing-code")
    code = page.locator("#pairing-code").inner_text().strip()
    assert page.locator(".pairing-qr svg").count() == 1
    assert code in page.locator("#pairing-command").inner_text()
    return code


def reload_until(page, url: str, name: str, wanted: tuple[str, ...], qtbot) -> str:
    """The Devices page shows what has arrived: reload until the device's row says `wanted`
    (the Qt loop keeps running meanwhile, so the kiosk's workers report)."""
    for _ in range(120):
        page.goto(url)
        text = page.locator("tr", has_text=name).inner_text()
        if all(part in text for part in wanted):
            return text
        qtbot.wait(250)
    raise AssertionError(f"{name}: {wanted} not in {text!r}")


def test_pair_a_kiosk_from_the_admin_page_to_its_heartbeat_and_revoke_it(
    live_server, new_page, printer_peer, qtbot, tmp_path, monkeypatch
):
    from playwright.sync_api import expect

    from kiosk.app import build_kiosk
    from tests.kiosk.conftest import visible_texts

    page = new_page(1366, 900)
    log_in(page, live_server.url, *ADMIN)
    page.goto(f"{live_server.url}/admin/perangkat")
    code = make_code_in_page(page, "kiosk-lantai-2")

    out, state = tmp_path / "etc" / "kiosk.toml", tmp_path / "state"
    monkeypatch.setenv("ANTRIAN_STATE_DIR", str(state))  # where the kiosk finds doctor's result
    done = setup_kiosk(live_server, code, out, state, printer_peer)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Terpasang sebagai kiosk-lantai-2" in done.stdout
    settings = load_kiosk_settings(out)
    assert settings.printer.type == "network" and settings.printer.port == printer_peer.port
    assert settings.kiosk.mpp_name == "Mal Pelayanan Publik Kota Contoh"
    # The token is in the file only: never on the technician's screen.
    assert settings.server.token not in done.stdout + done.stderr
    assert out.stat().st_mode & 0o077 in (0o040, 0)

    doctor = antrian("doctor", "--config", str(out), "--json", state=state)
    verdicts = {check["key"]: check["status"] for check in json.loads(doctor.stdout)["checks"]}
    assert verdicts["config"] == verdicts["server"] == verdicts["token"] == "ok", verdicts
    assert verdicts["printer"] == "ok", verdicts

    # The real kiosk app, from the file setup wrote; heartbeats every 2 s for the test's sake.
    fast = settings.model_copy(
        update={"kiosk": settings.kiosk.model_copy(update={"heartbeat_seconds": 2})}
    )
    kiosk = build_kiosk(fast)
    try:
        kiosk.window.resize(1280, 1024)
        kiosk.window.show()
        qtbot.waitUntil(lambda: kiosk.flow.state.can_choose, timeout=15_000)

        devices_url = f"{live_server.url}/admin/perangkat"
        # Its version, its printer, and the doctor run of setup (the screen check fails
        # there: no graphical session in a test run).
        shown = reload_until(page, devices_url, "kiosk-lantai-2", ("Printer: baik",), qtbot)
        assert "Baik" in shown and "1 gagal" in shown and "Layar" in shown, shown
        assert version() in shown
        row = page.locator("tr", has_text="kiosk-lantai-2")

        # The same code again, from another PC: refused, said clearly.
        again = setup_kiosk(live_server, code, tmp_path / "other.toml", state, printer_peer)
        assert again.returncode == 2 and "sudah dipakai" in again.stdout, again.stdout
        assert not (tmp_path / "other.toml").exists()

        # "Cabut": the kiosk is refused at its next heartbeat and says how to pair again.
        page.once("dialog", lambda dialog: dialog.accept())
        row.get_by_role("button", name="Cabut").click()
        expect(page.locator("tr", has_text="kiosk-lantai-2")).to_contain_text("Token dicabut")
        qtbot.waitUntil(lambda: kiosk.flow.state.unpaired, timeout=15_000)
        qtbot.waitUntil(lambda: "Perangkat belum terdaftar" in visible_texts(kiosk.window))
        assert not kiosk.flow.state.can_choose
    finally:
        kiosk.shutdown()


def test_an_expired_code_is_refused_by_setup(live_server, printer_peer, tmp_path):
    admin = {"Authorization": f"Bearer {live_server.admin_token()}"}
    made = requests.post(
        f"{live_server.api}/admin/devices/pairing",
        json={"name": "kiosk-telat", "kind": "kiosk"},
        headers=admin,
        timeout=10,
    ).json()
    live_server.clock.advance(dt.timedelta(minutes=CODE_MINUTES + 1))
    out = tmp_path / "kiosk.toml"
    done = setup_kiosk(live_server, made["code"], out, tmp_path / "state", printer_peer)
    assert done.returncode == 2 and "kedaluwarsa" in done.stdout, done.stdout
    assert not out.exists()


def test_setup_without_a_terminal_names_the_missing_flag(live_server, tmp_path):
    done = antrian(
        "setup", "display", "--server", live_server.url, "--config-out", str(tmp_path / "d.toml"),
        "--no-enable", state=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2 and "--code CODE" in done.stdout, done.stdout

"""`antrian setup kiosk|display` for a hall with two server hosts: `--server` twice (or
URL,URL) writes `urls = [...]` (the main host first), pairs through the first that answers,
keeps one that does not answer as a backup and says so, refuses a "backup" of another hall, and
the doctor at the end asks every address; at a terminal the question takes "A, B" and asks
again while none answers. Real server processes, real servers, a real pseudo-terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import requests

from config.display import load_display_settings
from config.kiosk import load_kiosk_settings
from tests.antrian.test_setup import ROOT, antrian
from tests.support.live_server import ADMIN, free_port


def pairing_code(api: str, name: str, kind: str, admin_token: str | None = None) -> str:
    if admin_token is None:
        login = requests.post(
            f"{api}/auth/login", json={"username": ADMIN[0], "password": ADMIN[1]}, timeout=10
        )
        admin_token = login.json()["token"]
    made = requests.post(
        f"{api}/admin/devices/pairing",
        json={"name": name, "kind": kind},
        headers={"Authorization": f"Bearer {admin_token}"},
        timeout=10,
    )
    assert made.status_code == 201, made.text
    return made.json()["code"]


def doctor_server_line(stdout: str) -> str:
    """The doctor's "Server menjawab" line (a mark first), not setup's own sentence."""
    return next(line for line in stdout.splitlines() if line[2:].startswith("Server menjawab "))


def test_display_with_both_hosts_writes_urls_and_the_doctor_asks_both(two_hosts, tmp_path):
    """`--server` twice: paired through host 1, `urls` lists both (the main one first, no
    `url`), the token works on host 2 too, and the doctor's Server line names both answers."""
    first, second = two_hosts.first, two_hosts.second
    code = pairing_code(first.api, "tv-aula-utara", "display")
    out = tmp_path / "display.toml"
    done = antrian(
        "setup", "display", "--server", first.url, "--server", f"{second.url}/",
        "--code", code, "--config-out", str(out), "--no-enable", state=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    settings = load_display_settings(out)
    assert settings.server.url is None
    assert settings.server.urls == [first.url, second.url]
    assert "urls = [" in out.read_text(encoding="utf-8")
    token = {"Authorization": f"Bearer {settings.server.token}"}
    for host in (first, second):
        state = requests.get(f"{host.api}/display/state", headers=token, timeout=10)
        assert state.status_code == 200
    line = doctor_server_line(done.stdout)
    assert line.startswith("✓")
    assert f"{first.url} menjawab dalam" in line and f"{second.url} menjawab dalam" in line


def test_first_address_down_pairs_through_the_second_and_keeps_both(live_server, tmp_path):
    """`--server DEAD,LIVE` (the comma form): pairs through the one that answers, keeps the
    dead one first as written and says it is kept as a backup; the doctor warns (!) that the
    kiosk runs without a spare, and fails nothing for it."""
    dead = f"http://127.0.0.1:{free_port()}"
    code = pairing_code(live_server.api, "kiosk-timur", "kiosk", live_server.admin_token())
    out = tmp_path / "kiosk.toml"
    done = antrian(
        "setup", "kiosk", "--server", f"{dead},{live_server.url}", "--code", code,
        "--printer", "none", "--config-out", str(out), "--no-enable", state=tmp_path,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 1: e.g. no screen here
    assert "tetap ditulis sebagai alamat cadangan" in done.stdout
    settings = load_kiosk_settings(out)
    assert settings.server.urls == [dead, live_server.url]
    line = doctor_server_line(done.stdout)
    assert line.startswith("!") and "tanpa cadangan" in line
    assert "Terpasang sebagai kiosk-timur" in done.stdout


def test_a_backup_of_another_hall_is_refused_before_anything_is_written(
    live_server_factory, tmp_path
):
    """The second address is a server with another database: it does not know the new token,
    so setup stops (exit 2) naming it, and writes no settings file."""
    hall, other_hall = live_server_factory(), live_server_factory()
    code = pairing_code(hall.api, "tv-aula-selatan", "display", hall.admin_token())
    out = tmp_path / "display.toml"
    done = antrian(
        "setup", "display", "--server", hall.url, "--server", other_hall.url, "--code", code,
        "--config-out", str(out), "--no-enable", "--lang", "en", state=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{other_hall.url} does not know the device just paired through {hall.url}" in (
        done.stdout
    )
    assert not out.exists()


def test_the_admin_pages_command_names_every_host():
    """The Devices page's setup command (and its QR) carries `--server` for each host of
    `[site] server_urls`, the main one first; one address as before."""
    from server.web.admin_pages import pairing_view

    made = {"kind": "kiosk", "code": "K7MX-4TRC", "name": "kiosk-3"}
    two = pairing_view(made, ["http://192.168.10.2:8000", "http://192.168.10.3:8000"])
    assert two["command"] == (
        "sudo antrian setup kiosk --server http://192.168.10.2:8000 "
        "--server http://192.168.10.3:8000 --code K7MX-4TRC"
    )
    one = pairing_view(made, ["http://192.168.10.2:8000"])
    assert one["command"] == (
        "sudo antrian setup kiosk --server http://192.168.10.2:8000 --code K7MX-4TRC"
    )


class Terminal:
    """`antrian …` on a real pseudo-terminal (so it asks), answered as a technician types."""

    def __init__(self, *arguments: str, state: Path):
        self.master, slave = pty.openpty()
        env = {**os.environ, "ANTRIAN_STATE_DIR": str(state), "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "antrian.cli", *arguments],
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
        )  # fmt: skip
        os.close(slave)
        self.seen = ""

    def wait_for(self, text: str, times: int = 1, deadline_seconds: float = 60) -> str:
        """Read until `text` is on the screen `times` times (the output, with a deadline)."""
        deadline = time.monotonic() + deadline_seconds
        while self.seen.count(text) < times:
            left = deadline - time.monotonic()
            assert left > 0, f"no {text!r} on the terminal:\n{self.seen}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.master, 4096).decode(errors="replace")
                except OSError:  # the program ended and the terminal closed
                    break
        assert self.seen.count(text) >= times, self.seen
        return self.seen

    def type(self, answer: str) -> None:
        os.write(self.master, (answer + "\n").encode())

    def close(self) -> int:
        """The exit code; a program still asking after a failed step is ended."""
        try:
            code = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        os.close(self.master)
        return code


def test_the_question_takes_a_comma_list_and_asks_again_when_none_answers(live_server, tmp_path):
    """At the terminal: an address that does not answer alone is asked again; then "DEAD,
    LIVE" (how a technician types two) pairs through LIVE and writes both."""
    dead = f"127.0.0.1:{free_port()}"
    code = pairing_code(live_server.api, "tv-aula-barat", "display", live_server.admin_token())
    out = tmp_path / "display.toml"
    terminal = Terminal("setup", "display", "--config-out", str(out), "--no-enable", state=tmp_path)
    try:
        terminal.wait_for("Alamat server")
        terminal.type(dead)
        terminal.wait_for(f"Server tidak menjawab di http://{dead}")
        terminal.wait_for("Alamat server (", times=2)  # asked again
        terminal.type(f"{dead}, {live_server.url}")
        terminal.wait_for("Kode pemasangan")
        terminal.type(code)
        terminal.wait_for("Nama MPP")
        terminal.type("")
        terminal.wait_for("Posisi layar [1]")
        terminal.type("1")
        terminal.wait_for("Layanan tidak diaktifkan")
    finally:
        code_exit = terminal.close()
    assert code_exit in (0, 1), terminal.seen  # 1: this machine has no sound card
    assert "tetap ditulis sebagai alamat cadangan" in terminal.seen
    assert load_display_settings(out).server.urls == [f"http://{dead}", live_server.url]

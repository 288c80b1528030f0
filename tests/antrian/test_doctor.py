"""`antrian doctor` against a real server, real printer peers, a real voice engine and a real
(virtual) X screen: the right ✓/✗, the exit codes, and every check within its time bound."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from antrian.cli import main
from antrian.doctor import Options, diagnose
from antrian.doctor.core import GRACE_SECONDS
from config.server import DEFAULT_CONFIG
from server.store import DB_FILE
from tests.support.live_server import DISPLAY_TOKEN, KIOSK_TOKEN

SERVER_TIMEOUT = 2
PRINTER_TIMEOUT = 1


def kiosk_file(folder: Path, server_url: str, printer: tuple[str, int], token=KIOSK_TOKEN) -> Path:
    """A kiosk file with a network printer at `printer` (host, port)."""
    host, port = printer
    return kiosk_file_with(
        folder, server_url, f'type = "network"\nhost = "{host}"\nport = {port}', token
    )


def kiosk_file_with(folder: Path, server_url: str, printer: str, token: str = KIOSK_TOKEN) -> Path:
    """A kiosk file; `printer` is the body of its [printer] table (the timeouts are added)."""
    path = folder / "kiosk.toml"
    path.write_text(
        f"""
[kiosk]
technician_pin = "2468"

[server]
url = "{server_url}"
token = "{token}"
timeout_seconds = {SERVER_TIMEOUT}

[printer]
{printer}
connect_timeout = {PRINTER_TIMEOUT}
status_timeout = {PRINTER_TIMEOUT}
""",
        encoding="utf-8",
    )
    return path


def display_file(folder: Path, server_url: str, voice: str = "id", token=DISPLAY_TOKEN) -> Path:
    path = folder / "display.toml"
    path.write_text(
        f"""
[server]
url = "{server_url}"
token = "{token}"
timeout_seconds = {SERVER_TIMEOUT}

[voice]
voice = "{voice}"
""",
        encoding="utf-8",
    )
    return path


def statuses(report) -> dict[str, str]:
    return {result.key: result.status for result in report.results}


def assert_within_bounds(report) -> None:
    for result in report.results:
        assert result.seconds <= result.bound + GRACE_SECONDS, result


@pytest.fixture
def now_server(live_server_factory):
    """A live server whose clock is the real time (the default fixture lives in 2026-11-30)."""
    return live_server_factory(clock_start=dt.datetime.now(dt.UTC).astimezone())


@pytest.fixture
def x_screen(monkeypatch):
    """A real X server (Xvfb, 1280×800) as the device's screen."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (deploy/apt-packages.txt)")
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        assert ready, "Xvfb did not start"
        number = os.read(read_end, 32).decode().strip()
        monkeypatch.setenv("DISPLAY", f":{number}")
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        yield f":{number}"
    finally:
        os.close(read_end)
        process.terminate()
        process.wait(timeout=10)


# ---- kiosk ----


def test_kiosk_all_fine_exits_zero(now_server, printer_peer, x_screen, tmp_path):
    """Server, clock, token, a healthy printer and a screen: every check ✓, exit code 0."""
    path = kiosk_file(tmp_path, now_server.url, (printer_peer.host, printer_peer.port))
    report = diagnose(path, Options())
    assert statuses(report) == {
        "config": "ok",
        "server": "ok",
        "clock": "ok",
        "token": "ok",
        "printer": "ok",
        "print_test": "skip",
        "screen": "ok",
    }
    assert report.exit_code == 0
    screen = next(result for result in report.results if result.key == "screen")
    assert "1280×800" in screen.detail
    assert_within_bounds(report)


def test_kiosk_print_test_prints_a_page(now_server, printer_peer, x_screen, tmp_path):
    """--print-test sends the test page to the printer and says so."""
    path = kiosk_file(tmp_path, now_server.url, (printer_peer.host, printer_peer.port))
    report = diagnose(path, Options(print_test=True))
    assert statuses(report)["print_test"] == "ok"
    printer_peer.wait_for(lambda peer: peer.ticket_bytes_received() > 200)


def test_kiosk_paper_out_fails_with_the_fix(live_server, paper_out_printer_peer, tmp_path):
    """A printer reporting paper out is ✗ "Kertas habis" with the fix; the clock of a server
    living in another day is a warning, not a failure."""
    peer = paper_out_printer_peer
    path = kiosk_file(tmp_path, live_server.url, (peer.host, peer.port))
    report = diagnose(path, Options())
    result = {result.key: result for result in report.results}
    assert result["printer"].status == "fail"
    assert "Kertas habis" in result["printer"].detail
    assert "gulungan kertas" in result["printer"].fix
    assert result["clock"].status == "warn"
    assert result["token"].status == "ok"
    assert report.exit_code == 1
    assert_within_bounds(report)


def test_kiosk_silent_printer_is_bounded(live_server, silent_printer_peer, tmp_path):
    """A printer that accepts but never answers is ✗ within its bound, not a hang."""
    peer = silent_printer_peer
    path = kiosk_file(tmp_path, live_server.url, (peer.host, peer.port))
    started = time.monotonic()
    report = diagnose(path, Options(print_test=True))
    result = {result.key: result for result in report.results}
    assert result["printer"].status == "fail"
    assert "tidak menjawab" in result["printer"].detail
    assert result["print_test"].status == "skip"
    assert result["printer"].seconds <= result["printer"].bound
    assert_within_bounds(report)
    assert time.monotonic() - started < sum(r.bound for r in report.results) + 5


def test_kiosk_unanswered_printer_and_server(
    silent_printer_peer, unanswered_printer_address, tmp_path
):
    """A printer whose connect never completes and a "server" that never answers HTTP: both
    ✗ within their bounds; the token check is skipped; exit code 1."""
    server_url = f"http://{silent_printer_peer.host}:{silent_printer_peer.port}"
    path = kiosk_file(tmp_path, server_url, unanswered_printer_address)
    report = diagnose(path, Options())
    result = {result.key: result for result in report.results}
    assert result["server"].status == "fail"
    assert result["token"].status == "skip"
    assert result["printer"].status == "fail"
    assert report.exit_code == 1
    assert_within_bounds(report)


def test_kiosk_wrong_token_is_refused(live_server, printer_peer, tmp_path):
    """A token the server does not know is ✗ with the way to make a new one."""
    path = kiosk_file(
        tmp_path, live_server.url, (printer_peer.host, printer_peer.port), token="not-a-real-token"
    )
    report = diagnose(path, Options())
    result = {result.key: result for result in report.results}
    assert result["token"].status == "fail"
    assert "halaman admin" in result["token"].fix
    assert report.exit_code == 1


def test_no_screen_is_a_failure_with_a_fix(live_server, printer_peer, tmp_path, monkeypatch):
    """Without DISPLAY or WAYLAND_DISPLAY the screen is ✗ (Qt offscreen is not a screen)."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    path = kiosk_file(tmp_path, live_server.url, (printer_peer.host, printer_peer.port))
    report = diagnose(path, Options())
    screen = next(result for result in report.results if result.key == "screen")
    assert screen.status == "fail"
    assert "antrian-kiosk" in screen.fix


# ---- display ----


def test_display_voice_speaks(now_server, tmp_path):
    """The display's own voice "id" renders speech through the display's engine: ✓."""
    path = display_file(tmp_path, now_server.url)
    report = diagnose(path, Options())
    result = {result.key: result for result in report.results}
    assert result["voice"].status == "ok", result["voice"]
    assert result["token"].status == "ok"
    assert_within_bounds(report)


def test_display_missing_voice_fails(now_server, tmp_path):
    """A voice espeak-ng does not have is ✗ with the fix; exit code 1."""
    path = display_file(tmp_path, now_server.url, voice="xx-tidak-ada")
    report = diagnose(path, Options(language="en"))
    result = {result.key: result for result in report.results}
    assert result["voice"].status == "fail"
    assert "xx-tidak-ada" in result["voice"].detail
    assert 'voice = "id"' in result["voice"].fix
    assert result["say_test"].status == "skip"
    assert report.exit_code == 1
    assert_within_bounds(report)


def test_display_with_a_kiosk_token_is_refused(live_server, tmp_path):
    """A kiosk's token in a display file is ✗: the display role is checked, not only a token."""
    path = display_file(tmp_path, live_server.url, token=KIOSK_TOKEN)
    report = diagnose(path, Options())
    assert statuses(report)["token"] == "fail"


# ---- server PC ----


def test_server_pc_running_server_is_fine(server_process_factory):
    """A data folder with a whole database and a port held by our server: ✓, exit code 0."""
    server = server_process_factory()
    report = diagnose(
        DEFAULT_CONFIG,
        Options(data_dir=server.data_dir, host="127.0.0.1", port=server.port),
    )
    assert statuses(report) == {"config": "ok", "data_dir": "ok", "database": "ok", "port": "ok"}
    assert report.exit_code == 0


def test_server_pc_damaged_database_and_foreign_port(printer_peer, tmp_path):
    """A damaged database file and a port held by another program: both ✗ with their fixes."""
    (tmp_path / DB_FILE).write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    report = diagnose(
        DEFAULT_CONFIG, Options(data_dir=tmp_path, host="127.0.0.1", port=printer_peer.port)
    )
    result = {result.key: result for result in report.results}
    assert result["database"].status == "fail"
    assert "restore" in result["database"].fix
    assert result["port"].status == "fail"
    assert report.exit_code == 1
    assert_within_bounds(report)


# ---- the command ----


def test_command_json_and_exit_code(live_server, paper_out_printer_peer, tmp_path, capsys):
    """`antrian doctor --json` prints a machine-readable list and exits 1 when a check fails."""
    peer = paper_out_printer_peer
    path = kiosk_file(tmp_path, live_server.url, (peer.host, peer.port))
    code = main(["doctor", "--config", str(path), "--json", "--lang", "en"])
    answer = json.loads(capsys.readouterr().out)
    assert code == 1
    assert answer["kind"] == "kiosk"
    assert answer["ok"] is False
    assert answer["log_file"].endswith("kiosk.log")
    printer = next(check for check in answer["checks"] if check["key"] == "printer")
    assert printer["status"] == "fail"
    assert "Out of paper" in printer["detail"]


def test_command_text_report_points_to_the_log(tmp_path, capsys):
    """A broken config gives ✗ naming the key, the fix, the log file, and exit code 1."""
    path = tmp_path / "display.toml"
    path.write_text('[server]\nurl = "ftp://x"\ntoken = "cukup-panjang"\n', encoding="utf-8")
    code = main(["doctor", "--config", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "✗" in out
    assert "server.url" in out
    assert "Perbaikan" in out
    assert "Log perangkat ini" in out


def test_display_sound_device_found_on_a_pulseaudio_sink(live_server, pulse_null_sink, tmp_path):
    """With a sound server offering a real sink, the sound check is ✓ and names it."""
    path = display_file(tmp_path, live_server.url)
    report = diagnose(path, Options())
    result = {result.key: result for result in report.results}
    assert result["sound"].status == "ok", result["sound"]
    assert pulse_null_sink in result["sound"].detail
    assert_within_bounds(report)

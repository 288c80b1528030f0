"""`antrian doctor` names the real cause of a server or printer that does not answer, with its
fix, against real peers: a real server (also stopped with SIGSTOP: hung), a listener that
accepts and never answers, a refused port, an unresolvable name, a wrong token, a program
that answers HTTP but is not ours; every run bounded in time."""

from __future__ import annotations

import http.server
import json
import os
import signal
import socket
import threading
import time
from pathlib import Path

import pytest

from antrian.cli import main
from antrian.doctor import Options, diagnose
from antrian.doctor.core import GRACE_SECONDS
from antrian.doctor.probe import is_antrian_server
from config.server import DEFAULT_CONFIG
from tests.antrian.test_doctor import SERVER_TIMEOUT
from tests.antrian.test_doctor import kiosk_file_with as kiosk_file
from tests.support.live_server import DISPLAY_TOKEN, KIOSK_TOKEN

NO_PRINTER = 'type = "none"'


def network_printer(host: str, port: int) -> str:
    return f'type = "network"\nhost = "{host}"\nport = {port}'


def results(report) -> dict:
    return {result.key: result for result in report.results}


def assert_bounded(report, started: float) -> None:
    for result in report.results:
        assert result.seconds <= result.bound + GRACE_SECONDS, result
    assert time.monotonic() - started < sum(r.bound for r in report.results) + 5


def run_doctor(path: Path, **options):
    started = time.monotonic()
    report = diagnose(path, Options(**options))
    assert_bounded(report, started)
    return report, results(report)


@pytest.fixture
def no_screen(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


@pytest.fixture
def silent_listener():
    """A port that listens (the kernel completes the connect) but never answers a byte."""
    server = socket.create_server(("127.0.0.1", 0), backlog=16)
    try:
        yield server.getsockname()
    finally:
        server.close()


def _http_peer(status: int, content_type: str, body: bytes):
    """A real HTTP server on a free loopback port answering every GET with `body`."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server name
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def foreign_http():
    """Another program's web server: answers 200 with HTML, not the Antrian health JSON."""
    yield from _http_peer(200, "text/html", b"<html>router login</html>")


@pytest.fixture
def unhealthy_http():
    """A server answering in the Antrian error shape with 503: ours, but not healthy."""
    body = json.dumps({"error": {"code": "database_unavailable", "message": "x"}}).encode()
    yield from _http_peer(503, "application/json", body)


# ---- a device's server ----


def test_refused_server_says_it_is_not_running_there(refused_printer_port, tmp_path, no_screen):
    """Connection refused: "server tidak berjalan di alamat itu", with the systemctl fix; exit 1."""
    path = kiosk_file(tmp_path, f"http://127.0.0.1:{refused_printer_port}", NO_PRINTER)
    report, result = run_doctor(path)
    assert result["server"].status == "fail"
    assert "sambungan ditolak" in result["server"].detail
    assert "tidak berjalan di alamat itu" in result["server"].detail
    assert "systemctl start antrian-server" in result["server"].fix
    assert result["token"].status == "skip"
    assert report.exit_code == 1


def test_hung_server_is_called_hung(silent_listener, tmp_path, no_screen):
    """A server that accepts the connection and never answers is "macet", not "offline"."""
    host, port = silent_listener
    path = kiosk_file(tmp_path, f"http://{host}:{port}", NO_PRINTER)
    report, result = run_doctor(path)
    assert result["server"].status == "fail"
    assert "menerima sambungan, tetapi tidak menjawab" in result["server"].detail
    assert "systemctl restart antrian-server" in result["server"].fix
    assert report.exit_code == 1


def test_connect_that_never_completes_is_a_timeout(unanswered_printer_address, tmp_path, no_screen):
    """No answer to the connect at all (machine off, firewall): timed out, with ping and the
    firewall in the fix."""
    host, port = unanswered_printer_address
    path = kiosk_file(tmp_path, f"http://{host}:{port}", NO_PRINTER)
    report, result = run_doctor(path)
    assert result["server"].status == "fail"
    assert "tidak ada jawaban dalam 2 detik" in result["server"].detail
    assert "firewall" in result["server"].detail
    assert f"ping {host}" in result["server"].fix
    assert report.exit_code == 1


def test_unknown_server_name_is_a_dns_problem(tmp_path, no_screen):
    """A name that does not resolve: "tidak ditemukan (DNS)", fix: write the server's IP."""
    path = kiosk_file(tmp_path, "http://tidak-ada.invalid:8000", NO_PRINTER)
    report, result = run_doctor(path)
    assert result["server"].status == "fail"
    assert "tidak-ada.invalid tidak ditemukan (DNS)" in result["server"].detail
    assert "alamat IP server" in result["server"].fix
    assert report.exit_code == 1


def test_another_web_server_is_not_taken_for_ours(foreign_http, tmp_path, no_screen):
    """An address that answers HTTP but not as an Antrian server: wrong address or port."""
    host, port = foreign_http
    path = kiosk_file(tmp_path, f"http://{host}:{port}", NO_PRINTER)
    report, result = run_doctor(path)
    assert result["server"].status == "fail"
    assert "bukan sebagai server Antrian" in result["server"].detail
    assert "HTTP 200" in result["server"].detail
    assert report.exit_code == 1


def test_unhealthy_server_is_ours_but_not_well(unhealthy_http, tmp_path, no_screen):
    """An answer in the Antrian error shape (503) is our server, unwell: read its log."""
    host, port = unhealthy_http
    path = kiosk_file(tmp_path, f"http://{host}:{port}", NO_PRINTER)
    report, result = run_doctor(path)
    assert "server Antrian menjawab, tetapi tidak sehat" in result["server"].detail
    assert "database_unavailable" in result["server"].detail
    assert "server.log" in result["server"].fix


def test_unknown_token_is_401_and_foreign_role_is_403(live_server, tmp_path, no_screen):
    """A token the server does not know (401) and a kiosk token in a display file (403) are
    told apart, each with its fix."""
    path = kiosk_file(tmp_path, live_server.url, NO_PRINTER, token="bukan-token-asli")
    report, result = run_doctor(path)
    assert result["server"].status == "ok"
    assert result["token"].status == "fail"
    assert "tidak mengenal token ini (HTTP 401)" in result["token"].detail
    assert "halaman admin" in result["token"].fix
    assert report.exit_code == 1

    display = tmp_path / "display.toml"
    display.write_text(
        f'[server]\nurl = "{live_server.url}"\ntoken = "{KIOSK_TOKEN}"\n'
        f"timeout_seconds = {SERVER_TIMEOUT}\n[voice]\nenabled = false\n",
        encoding="utf-8",
    )
    report, result = run_doctor(display)
    assert result["token"].status == "fail"
    assert "bukan token layar (HTTP 403)" in result["token"].detail
    assert "token kios tidak berlaku di layar" in result["token"].fix


def test_causes_in_english_on_request(refused_printer_port, tmp_path, no_screen, capsys):
    """--lang en --json: the same cause in English, exit code 1."""
    path = kiosk_file(tmp_path, f"http://127.0.0.1:{refused_printer_port}", NO_PRINTER)
    code = main(["doctor", "--config", str(path), "--json", "--lang", "en"])
    answer = json.loads(capsys.readouterr().out)
    server = next(check for check in answer["checks"] if check["key"] == "server")
    assert code == 1
    assert "connection refused" in server["detail"]
    assert "not running at that address" in server["detail"]


# ---- printers ----


def test_refused_printer_port_is_not_power_and_cable(
    live_server, refused_printer_port, tmp_path, no_screen
):
    """A refused TCP port: wrong port or printer in use, not "check power and cable"."""
    path = kiosk_file(tmp_path, live_server.url, network_printer("127.0.0.1", refused_printer_port))
    report, result = run_doctor(path)
    printer = result["printer"]
    assert printer.status == "fail"
    assert "menolak sambungan" in printer.detail and "port salah" in printer.detail
    assert "sedang dipakai" in printer.detail
    assert "9100" in printer.fix
    assert "kabel" not in printer.fix


def test_unreachable_printer_points_to_cable_and_address(
    live_server, unanswered_printer_address, tmp_path, no_screen
):
    """A printer whose connect never completes: unreachable; fix: network cable, IP address."""
    path = kiosk_file(tmp_path, live_server.url, network_printer(*unanswered_printer_address))
    report, result = run_doctor(path)
    printer = result["printer"]
    assert printer.status == "fail"
    assert "tidak terjangkau" in printer.detail
    assert "kabel jaringan" in printer.fix and "alamat IP" in printer.fix


def test_unknown_printer_name(live_server, tmp_path, no_screen):
    path = kiosk_file(tmp_path, live_server.url, network_printer("printer.invalid", 9100))
    report, result = run_doctor(path)
    assert "printer.invalid tidak ditemukan (DNS)" in result["printer"].detail


def test_missing_serial_device_and_usb_printer(live_server, tmp_path, no_screen):
    """A serial device that is not there, and USB ids not on the bus: each its own cause."""
    serial = kiosk_file(
        tmp_path, live_server.url, 'type = "serial"\ndevfile = "/dev/ttyUSB-tidak-ada"'
    )
    report, result = run_doctor(serial)
    assert result["printer"].status == "fail"
    assert "Perangkat serial /dev/ttyUSB-tidak-ada tidak ada" in result["printer"].detail
    assert "ls /dev/ttyUSB*" in result["printer"].fix

    usb = kiosk_file(
        tmp_path, live_server.url, 'type = "usb"\nidVendor = "0x0fe6"\nidProduct = "0x7aaa"'
    )
    report, result = run_doctor(usb)
    assert result["printer"].status == "fail"
    detail = result["printer"].detail
    assert "0fe6:7aaa" in detail and ("tidak ditemukan" in detail or "libusb" in detail)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may open any device file")
def test_serial_device_without_permission(live_server, serial_pty_pair, tmp_path, no_screen):
    """A serial device this user may not open: permission denied, fix: group dialout."""
    _, kiosk_end = serial_pty_pair
    os.chmod(os.path.realpath(kiosk_end), 0)
    path = kiosk_file(tmp_path, live_server.url, f'type = "serial"\ndevfile = "{kiosk_end}"')
    report, result = run_doctor(path)
    assert "Izin ditolak" in result["printer"].detail
    assert "dialout" in result["printer"].fix


def test_dummy_and_plain_file_printers_never_pass(live_server, tmp_path, no_screen):
    """`dummy` and a `file` printer writing into a plain file print nothing: ✗, with the
    screen-only choice named in the fix."""
    report, result = run_doctor(kiosk_file(tmp_path, live_server.url, 'type = "dummy"'))
    assert result["printer"].status == "fail"
    assert "tidak mencetak apa pun" in result["printer"].detail
    assert 'type = "none"' in result["printer"].fix
    assert report.exit_code == 1

    plain = tmp_path / "tickets.bin"
    plain.write_bytes(b"")
    report, result = run_doctor(
        kiosk_file(tmp_path, live_server.url, f'type = "file"\ndevfile = "{plain}"')
    )
    assert result["printer"].status == "fail"
    assert "berkas biasa" in result["printer"].detail


def test_screen_only_kiosk_is_declared_and_said_plainly(live_server, tmp_path, no_screen):
    """`type = "none"` (a kiosk without a printer on purpose): a warning that says nothing is
    printed, not a failure; --print-test has nothing to print on."""
    report, result = run_doctor(kiosk_file(tmp_path, live_server.url, NO_PRINTER), print_test=True)
    assert result["printer"].status == "warn"
    assert "tidak mencetak" in result["printer"].detail
    assert result["print_test"].status == "skip"


# ---- the server PC ----


def server_options(port: int, data_dir: Path, **extra) -> Options:
    return Options(data_dir=data_dir, host="127.0.0.1", port=port, **extra)


def test_server_pc_without_a_running_server_fails(refused_printer_port, tmp_path, capsys):
    """The server's own file while its server is not running: ✗ and exit 1 — and
    --not-started turns that one check into a pass with a note."""
    port = str(refused_printer_port)
    base = ["doctor", "--config", str(DEFAULT_CONFIG), "--data", str(tmp_path)]
    base += ["--host", "127.0.0.1", "--port", port]
    assert main(base) == 1
    out = capsys.readouterr().out
    assert "✗ Server berjalan" in out
    assert f"tidak ada yang mendengarkan di 127.0.0.1:{port}" in out
    assert "--not-started" in out
    assert "Semua pemeriksaan lulus" not in out

    assert main([*base, "--not-started"]) == 0
    out = capsys.readouterr().out
    assert "server belum dijalankan" in out
    assert "Semua pemeriksaan lulus" in out


def test_server_pc_hung_server_is_ours_not_another_program(server_process_factory):
    """Our own server stopped (SIGSTOP): it listens and accepts but never answers — "macet",
    naming its process, not "another program"."""
    server = server_process_factory()
    server.process.send_signal(signal.SIGSTOP)
    try:
        report, result = run_doctor(
            DEFAULT_CONFIG, **vars(server_options(server.port, server.data_dir))
        )
    finally:
        server.process.send_signal(signal.SIGCONT)
    port = result["port"]
    assert port.status == "fail"
    assert "macet" in port.detail and "program lain" not in port.detail
    assert f"pid {server.process.pid}" in port.detail
    assert "systemctl restart antrian-server" in port.fix
    assert report.exit_code == 1


def test_server_pc_port_of_another_program(silent_listener, foreign_http, tmp_path):
    """A port held by a program that is not ours: silent, or answering HTTP that is not ours."""
    for _host, port in (silent_listener, foreign_http):
        report, result = run_doctor(DEFAULT_CONFIG, **vars(server_options(port, tmp_path)))
        assert result["port"].status == "fail"
        assert "program lain" in result["port"].detail
        assert f"pid {os.getpid()}" in result["port"].detail
        assert "ss -ltnp" in result["port"].fix


def test_antrian_server_command_lines_are_recognised():
    assert is_antrian_server("/opt/antrian/.venv/bin/antrian server --config /etc/antrian/s.toml")
    assert is_antrian_server("/usr/bin/python3 -m antrian.cli server --port 8000")
    assert not is_antrian_server("python -m pytest tests/antrian -k server")
    assert not is_antrian_server("nginx: master process")


def test_display_token_still_fine(live_server, tmp_path):
    """A display file with a display token and no voice: the token check is ✓."""
    display = tmp_path / "display.toml"
    display.write_text(
        f'[server]\nurl = "{live_server.url}"\ntoken = "{DISPLAY_TOKEN}"\n'
        "[voice]\nenabled = false\n",
        encoding="utf-8",
    )
    report, result = run_doctor(display)
    assert result["token"].status == "ok"


def test_every_cause_has_its_words_and_fix_in_both_languages():
    """Each cause the probe can find (but ok, and closed = hung) has a text and a fix."""
    from antrian.doctor import probe
    from antrian.doctor.device_checks import SERVER_CAUSES
    from antrian.doctor.texts import TEXTS

    causes = {
        value
        for name, value in vars(probe).items()
        if name.isupper() and isinstance(value, str) and "/" not in value
    } - {probe.OK, probe.CLOSED}
    assert causes == set(SERVER_CAUSES)
    known = TEXTS.keys()
    for cause in causes:
        for key in (f"server_{cause}", f"server_{cause}_fix"):
            assert key in known

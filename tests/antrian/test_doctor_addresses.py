"""`antrian doctor` on a device whose [server] lists two hosts (`urls`): every address is asked
and the answer says which answer, against real peers (two real servers, a refused port, a
listener that never answers)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.antrian.test_doctor import kiosk_file_with
from tests.antrian.test_doctor_causes import NO_PRINTER, run_doctor
from tests.support.live_server import free_port


def kiosk_with_urls(folder: Path, urls: list[str]) -> Path:
    path = kiosk_file_with(folder, urls[0], NO_PRINTER)
    listed = ", ".join(f'"{url}"' for url in urls)
    text = path.read_text(encoding="utf-8").replace(f'url = "{urls[0]}"', f"urls = [{listed}]")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def no_screen(monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


@pytest.fixture
def hung_url():
    server = socket.create_server(("127.0.0.1", 0), backlog=16)  # accepts, never answers
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        server.close()


def test_both_hosts_answering_is_said_for_each(live_server_factory, tmp_path, no_screen):
    first, second = live_server_factory(), live_server_factory()
    _, result = run_doctor(kiosk_with_urls(tmp_path, [first.url, second.url]))
    assert result["server"].status == "ok"
    assert f"{first.url} menjawab dalam" in result["server"].detail
    assert f"{second.url} menjawab dalam" in result["server"].detail
    assert result["token"].status == "ok"


def test_one_host_down_is_a_warning_naming_it_and_its_fix(live_server, tmp_path, no_screen):
    refused = f"http://127.0.0.1:{free_port()}"
    _, result = run_doctor(kiosk_with_urls(tmp_path, [refused, live_server.url]))
    server = result["server"]
    assert server.status == "warn"
    assert f"{live_server.url} menjawab dalam" in server.detail
    assert f"{refused}: sambungan ditolak" in server.detail
    assert f"tanpa cadangan selama {refused} tidak menjawab" in server.detail
    assert "systemctl start antrian-server" in server.fix
    # The device's own requests go on to the host that answers.
    assert result["token"].status == "ok"


def test_no_host_answering_fails_with_each_cause(hung_url, tmp_path, no_screen):
    refused = f"http://127.0.0.1:{free_port()}"
    report, result = run_doctor(kiosk_with_urls(tmp_path, [refused, hung_url]))
    server = result["server"]
    assert server.status == "fail"
    assert f"{refused}: sambungan ditolak" in server.detail
    assert f"{hung_url}: menerima sambungan, tetapi tidak menjawab" in server.detail
    assert "systemctl start antrian-server" in server.fix
    assert "systemctl restart antrian-server" in server.fix
    assert result["token"].status == "skip"
    assert report.exit_code == 1

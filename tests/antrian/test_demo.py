"""`antrian demo`: one command brings the example hall up, open whatever the hour."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import pytest
import requests

from antrian.commands.demo import demo_clock_start

JAKARTA = ZoneInfo("Asia/Jakarta")


def test_demo_clock_is_nine_today_on_a_weekday_and_monday_at_a_weekend():
    """The demo hall is open: 09:00 today (Mon-Fri), else 09:00 next Monday."""
    wednesday_night = dt.datetime(2026, 11, 25, 23, 40, tzinfo=JAKARTA)
    assert demo_clock_start(wednesday_night) == dt.datetime(2026, 11, 25, 9, 0, tzinfo=JAKARTA)
    saturday = dt.datetime(2026, 11, 28, 10, 0, tzinfo=JAKARTA)
    assert demo_clock_start(saturday) == dt.datetime(2026, 11, 30, 9, 0, tzinfo=JAKARTA)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_demo_serves_the_example_hall_with_open_services(tmp_path):
    """`antrian demo --server-only` answers with the Madiun services open, and stops on Ctrl+C."""
    port = free_port()
    demo = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "antrian.cli",
            "demo",
            "--server-only",
            "--port",
            str(port),
            "--data",
            str(tmp_path / "demo"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        services = None
        while time.monotonic() < deadline and demo.poll() is None:
            try:
                services = requests.get(f"http://127.0.0.1:{port}/api/v1/services", timeout=1)
                if services.ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)  # the server process is still starting
        assert services is not None and services.ok, demo.stdout.read().decode()
        listed = services.json()
        assert len(listed) >= 15
        assert all(service["open"] for service in listed)
    finally:
        demo.send_signal(signal.SIGINT)
        assert _stopped(demo) == 0


def _stopped(demo: subprocess.Popen) -> int:
    """The demo's exit code after a stop signal. The demo gives its children STOP_SECONDS,
    then kills them; the bound here is generous for a loaded machine (it once took over 20 s
    beside two full suites), and a hang names what the demo printed."""
    try:
        return demo.wait(timeout=60)
    except subprocess.TimeoutExpired:
        demo.kill()
        output = demo.communicate()[0].decode(errors="replace")
        raise AssertionError(f"the demo did not stop within 60 s:\n{output[-4000:]}") from None


def _headless_demo(port: int, data, *extra: str) -> subprocess.Popen:
    environment = {key: value for key, value in os.environ.items()}
    environment.pop("DISPLAY", None)
    environment.pop("WAYLAND_DISPLAY", None)
    return subprocess.Popen(
        [sys.executable, "-m", "antrian.cli", "demo", "--port", str(port), "--data", str(data)]
        + list(extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment,
    )


def _wait_until_answering(demo: subprocess.Popen, port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and demo.poll() is None:
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            time.sleep(0.1)  # the server child is still starting
    demo.kill()
    raise AssertionError(demo.stdout.read().decode(errors="replace"))


def _port_is_free(port: int) -> bool:
    """Nothing listens and a server could bind it again (as uvicorn binds: SO_REUSEADDR)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.mark.parametrize(
    "stop_signals",
    [(signal.SIGTERM,), (signal.SIGINT,), (signal.SIGINT, signal.SIGINT)],
    ids=["SIGTERM", "SIGINT", "Ctrl+C twice"],
)
def test_demo_stops_its_server_on_a_signal(tmp_path, stop_signals):
    """Headless (no screen: only the server child runs), the demo exits on SIGTERM or SIGINT
    (also pressed twice) and its server's port is free again within 10 s."""
    port = free_port()
    demo = _headless_demo(port, tmp_path / "demo")
    try:
        _wait_until_answering(demo, port)
        stopped_at = time.monotonic()
        for stop_signal in stop_signals:
            demo.send_signal(stop_signal)
        assert demo.wait(timeout=10) == 0
        while not _port_is_free(port):
            assert time.monotonic() - stopped_at < 10, "the demo's server still holds the port"
            time.sleep(0.05)  # the child may close its socket a moment after the demo exits
    finally:
        if demo.poll() is None:
            demo.kill()
        output = demo.stdout.read().decode(errors="replace")
    assert f"Demo dihentikan ({stop_signals[0].name})" in output


def test_demo_on_a_taken_port_says_which_and_how_to_find_the_program(tmp_path):
    """A port already in use is named in Indonesian with the way to find its program, exit 2."""
    with socket.create_server(("127.0.0.1", 0)) as holder:
        port = holder.getsockname()[1]
        demo = _headless_demo(port, tmp_path / "demo")
        output, _ = demo.communicate(timeout=60)
    text = output.decode(errors="replace")
    assert demo.returncode == 2
    assert f"Port {port} sudah dipakai program lain" in text
    assert f"ss -ltnp 'sport = :{port}'" in text
    assert f"--port {port + 1}" in text

"""`antrian demo`: one command brings the example hall up, open whatever the hour."""

from __future__ import annotations

import datetime as dt
import signal
import socket
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

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
        assert demo.wait(timeout=20) == 0

"""Kiosk: tap on a service → the ticket's bytes at a TCP printer, over 100 tickets.

The real kiosk (widgets, controller, worker threads, HTTP client, printer package) against the
real server as its own process on loopback (`antrian server` with the demo config and clock set
to Monday 09:00, so server and kiosk do not share a GIL) and a TCP printer peer that answers
status requests (tests/support/printer_peers.py). The clock starts at the tap (mouse click on
the service card) and stops when the peer has received the ticket's cut command; each ticket's
number is then checked in the bytes. Also reports the kiosk's resident memory afterwards.

    .venv/bin/python benchmarks/kiosk_tap_to_ticket.py [--tickets 100]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ANTRIAN_LOG_DIR", tempfile.mkdtemp(prefix="kiosk-bench-logs-"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from config.kiosk import KioskSettings  # noqa: E402
from kiosk.app import build_kiosk  # noqa: E402
from kiosk.core import Screen  # noqa: E402
from tests.support.printer_peers import TcpPrinterPeer  # noqa: E402

CUT = b"\x1dV"
SERVICES = ("A", "B", "C")  # Dukcapil's services; quotas 150/120/80 cover 100 tickets
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"


def wait_until(predicate, timeout: float = 10.0) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)


KIOSK_TOKEN = "demo-kiosk-1-token"
MONDAY_MORNING = "2026-11-30T09:00:00+07:00"  # inside every demo service's opening hours


def start_server(data_dir: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, "-m", "antrian.cli", "server", "--data", str(data_dir),
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "WARNING",
        "--clock-start", MONDAY_MORNING,
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return process, url
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise TimeoutError("server did not start")


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=100)
    args = parser.parse_args()

    _app = QApplication.instance() or QApplication([])  # kept alive for the whole run
    server, url = start_server(Path(tempfile.mkdtemp(prefix="kiosk-bench-")))
    peer = TcpPrinterPeer()
    settings = KioskSettings.model_validate(
        {
            "kiosk": {"technician_pin": "2468", "services_poll_seconds": 4},
            "server": {"url": url, "token": KIOSK_TOKEN},
            "printer": {"type": "network", "host": peer.host, "port": peer.port},
        }
    )
    kiosk = build_kiosk(settings)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    wait_until(lambda: kiosk.flow.state.can_choose)
    home = kiosk.window.pages[Screen.HOME]
    services = kiosk.window.pages[Screen.SERVICES]

    latencies = []
    searched = 0  # bytes of the peer's stream already looked at: each wait reads only new ones
    for index in range(args.tickets):
        QTest.mouseClick(home.agency_buttons[DUKCAPIL], Qt.MouseButton.LeftButton)
        card = services.service_buttons[SERVICES[index % len(SERVICES)]]
        ticket_start = searched
        start = time.perf_counter()
        QTest.mouseClick(card, Qt.MouseButton.LeftButton)
        wait_until(lambda since=searched: peer.received.find(CUT, since) != -1)
        latencies.append((time.perf_counter() - start) * 1000)
        searched = peer.received.find(CUT, searched) + len(CUT)
        wait_until(lambda: kiosk.flow.state.screen == Screen.DONE)
        number = kiosk.flow.state.result.ticket.number
        assert peer.received.find(number.encode(), ticket_start) != -1, number
        kiosk.controller.press_home()

    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"tickets: {len(latencies)}")
    print(
        f"tap -> ticket bytes at the printer: p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
        f"max {latencies[-1]:.0f} ms (aim: p95 < 400 ms)"
    )
    print(
        f"kiosk resident memory after {len(latencies)} tickets: {resident_mb():.0f} MB "
        "(this process: kiosk plus the printer peer thread)"
    )
    kiosk.shutdown()
    peer.stop()
    server.terminate()
    server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())

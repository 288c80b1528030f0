"""Display benchmarks against a real server on loopback (no sound card needed).

1. server call -> board shows it: p50/p95 over N calls (aim p95 < 100 ms);
2. server call -> first sound of the chime (the moment the real `aplay` process is running);
3. idle CPU with the marquee scrolling (aim < 5 % of one core) and resident memory
   (aim < 150 MB), for the display process and its speech child.

Run: .venv/bin/python benchmarks/display_bench.py [--calls 50] [--idle-seconds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


OPERATOR = ("petugas1", "petugas-demo-2026")
DEMO_START = "2026-11-30T09:00:00+07:00"  # a Monday inside opening hours


def start_server(data_dir: Path, port: int = 8765):
    """`antrian server` in its own process (not tests.support: that imports the server into
    this process and would inflate the display's measured memory)."""
    import subprocess

    import requests

    command = [
        sys.executable, "-m", "antrian.cli", "server", "--data", str(data_dir),
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "WARNING",
        "--clock-start", DEMO_START,
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return process, url
        except requests.RequestException:
            threading.Event().wait(0.1)  # polling a condition with a deadline
    process.kill()
    raise SystemExit("server did not start")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--idle-seconds", type=float, default=20.0)
    args = parser.parse_args()
    # Imports here, not at the top: the speech child is *spawned* and re-imports this module,
    # which must stay light so its memory is that of the real app's child.
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from client import ApiClient
    from config.display import BoardSettings, DisplayAppSettings
    from config.loader import ServerConnection
    from display.announcer import Announcer
    from display.app import build_window
    from display.controller import DisplayController
    from speech.audio import CommandPlayer, SpeechSynthesizer

    class TimedPlayer(CommandPlayer):
        """The real aplay on ALSA's null device; notes when each chime's process is running."""

        def __init__(self):
            super().__init__(["aplay", "-q", "-D", "null"])
            self.chime_started = threading.Event()
            self.chime_at = 0.0

        def play(self, path):
            if Path(path).name == "chime.wav":
                self.chime_at = time.perf_counter()
                self.chime_started.set()
            super().play(path)

    class Finished(QObject):
        """Lets the driver thread end the Qt loop (a plain thread cannot start a QTimer)."""

        done = Signal()

    app = QApplication([])
    # The server in its own process, so the memory measured is the display's alone.
    server, url = start_server(Path(tempfile.mkdtemp(prefix="bench-display-")))
    settings = DisplayAppSettings(
        server=ServerConnection(url=url, token="demo-display-1-token"),
        board=BoardSettings(fullscreen=False),
    )
    window = build_window(settings)
    window.setFixedSize(1920, 1080)
    window.show()
    player = TimedPlayer()
    synthesizer = SpeechSynthesizer()
    controller = DisplayController(settings, window, Announcer(player, synthesizer))
    shown = {"number": None, "event": threading.Event(), "at": 0.0}

    def on_board(board):
        if board.latest is not None and board.latest.number == shown["number"]:
            shown["at"] = time.perf_counter()
            shown["event"].set()

    controller.board_changed.connect(on_board)
    results: dict[str, object] = {}
    finished = Finished()
    finished.done.connect(app.quit)

    def drive():
        kiosk = ApiClient(url, token="demo-kiosk-1-token")
        operator = ApiClient(url)
        operator.login(*OPERATOR)
        counter = next(c.id for c in operator.counters() if c.name == "Loket 1")
        board_ms, chime_ms = [], []
        for _ in range(args.calls):
            ticket = kiosk.issue_ticket("A")
            shown["number"], shown["at"] = ticket.number, 0.0
            shown["event"].clear()
            player.chime_started.clear()
            started = time.perf_counter()
            operator.call_next(counter)
            shown["event"].wait(10)
            board_ms.append((shown["at"] - started) * 1000)
            if player.chime_started.wait(10):
                chime_ms.append((player.chime_at - started) * 1000)
            operator.finish(counter)
            threading.Event().wait(0.05)  # let the announcer drain; calls are not a burst here
        results["board"] = board_ms
        results["chime"] = chime_ms
        # Idle: no calls, marquee scrolling, clock ticking.
        threading.Event().wait(2)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        threading.Event().wait(args.idle_seconds)
        results["idle_cpu"] = (time.process_time() - cpu0) / (time.perf_counter() - wall0)
        results["rss"] = rss_mb()
        child = synthesizer._process
        results["speech_rss"] = rss_mb(child.pid) if child and child.is_alive() else 0.0
        finished.done.emit()

    controller.start()
    threading.Thread(target=drive, daemon=True).start()
    app.exec()
    controller.stop()
    server.terminate()
    server.wait(10)

    board, chime = results["board"], results["chime"]
    out = sys.stdout.write
    out(f"calls: {len(board)} (platform {os.environ['QT_QPA_PLATFORM']}, {os.cpu_count()} cores)\n")
    out(
        f"call -> board shown: p50 {statistics.median(board):.1f} ms, "
        f"p95 {percentile(board, 0.95):.1f} ms, max {max(board):.1f} ms\n"
    )
    if chime:
        out(
            f"call -> chime playing: p50 {statistics.median(chime):.1f} ms, "
            f"p95 {percentile(chime, 0.95):.1f} ms\n"
        )
    out(
        f"idle CPU with marquee over {args.idle_seconds:.0f} s: "
        f"{results['idle_cpu'] * 100:.1f} % of one core\n"
    )
    out(f"resident memory: display {results['rss']:.0f} MB, ")
    out(f"speech child {results['speech_rss']:.0f} MB\n")


if __name__ == "__main__":
    main()

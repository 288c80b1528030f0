"""Kiosk: cold start to first frame, and resident memory.

Each run starts a fresh Python process that builds the real kiosk from a settings file (dummy
printer, server address with nothing listening: the first frame must not wait for the network)
and reports when the window's first paint event arrives. Time is counted from just before the
process is spawned, so interpreter start and every import are included.

    .venv/bin/python benchmarks/kiosk_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SETTINGS = """
[kiosk]
mpp_name = "Mal Pelayanan Publik Kabupaten Madiun"
technician_pin = "2468"
fullscreen = false

[server]
url = "http://127.0.0.1:9"
token = "demo-kiosk-1-token"

[printer]
type = "dummy"
"""


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(settings_path: str) -> int:
    """Runs in the spawned process: build the kiosk, report the first frame, then exit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from config.kiosk import load_kiosk_settings
    from kiosk.app import build_kiosk

    app = QApplication([])
    kiosk = build_kiosk(load_kiosk_settings(settings_path))
    report = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and "first_frame" not in report:
                report["first_frame"] = time.time()
                report["rss_first_frame_mb"] = resident_mb()
                QTimer.singleShot(5000, finish)  # a few polls and a heartbeat later
            return False

    def finish() -> None:
        report["rss_after_5s_mb"] = resident_mb()
        print(json.dumps(report), flush=True)
        kiosk.shutdown()
        app.quit()

    first_paint = FirstPaint()
    kiosk.window.installEventFilter(first_paint)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", metavar="SETTINGS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)

    settings = Path(tempfile.mkdtemp(prefix="kiosk-startup-")) / "kiosk.toml"
    settings.write_text(SETTINGS)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.setdefault("ANTRIAN_LOG_DIR", str(settings.parent))
    starts, rss_first, rss_later = [], [], []
    for _ in range(args.runs):
        started = time.time()
        answer = subprocess.run(
            [sys.executable, __file__, "--child", str(settings)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        report = json.loads(answer.stdout.strip().splitlines()[-1])
        starts.append((report["first_frame"] - started) * 1000)
        rss_first.append(report["rss_first_frame_mb"])
        rss_later.append(report["rss_after_5s_mb"])
    print(f"runs: {args.runs}")
    print(
        f"cold start to first frame: median {statistics.median(starts):.0f} ms, "
        f"max {max(starts):.0f} ms (aim < 2000 ms)"
    )
    print(
        f"resident memory: {statistics.median(rss_first):.0f} MB at first frame, "
        f"{statistics.median(rss_later):.0f} MB 5 s later (aim < 150 MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

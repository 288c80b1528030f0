"""Screen probe, run by the doctor as a child process (`python -m antrian.doctor.screen`):
prints one JSON line with the primary screen as Qt sees it, or {"error": ...}."""

from __future__ import annotations

import json
import sys


def probe() -> dict:
    from PySide6.QtGui import QGuiApplication

    running = QGuiApplication.instance()
    app = running if isinstance(running, QGuiApplication) else QGuiApplication([sys.argv[0]])
    screen = app.primaryScreen()
    if screen is None:
        return {"error": "Qt sees no screen"}
    size = screen.size()
    return {
        "name": screen.name() or screen.model() or "?",
        "width": size.width(),
        "height": size.height(),
        "refresh": round(screen.refreshRate()),
        "platform": app.platformName(),
    }


def main() -> int:
    try:
        answer = probe()
    except Exception as error:  # noqa: BLE001 - the parent reports whatever went wrong
        answer = {"error": str(error)}
    sys.stdout.write(json.dumps(answer) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

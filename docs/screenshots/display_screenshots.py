"""Make the display's screenshots: the board at 1920x1080 and 1366x768, from a sample state.

Run: .venv/bin/python docs/screenshots/display_screenshots.py   (works without a screen)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from client import DisplayState  # noqa: E402
from config.display import load_display_settings  # noqa: E402
from display.core.board import Link, board_from_state  # noqa: E402
from display.widgets.window import BoardWindow  # noqa: E402

HERE = Path(__file__).resolve().parent
SETTINGS = HERE.parents[1] / "config" / "display.toml"
NOW = dt.datetime(2026, 3, 2, 9, 41, tzinfo=dt.timezone(dt.timedelta(hours=7)))

SERVICES = [
    ("A", "KTP Elektronik", 14), ("B", "Kartu Keluarga", 9), ("C", "Akta Kelahiran", 5),
    ("D", "KIA dan Pindah Datang", 2), ("E", "Perizinan Berusaha", 6), ("F", "PBG", 1),
    ("G", "JKN", 11), ("H", "Jaminan Hari Tua", 4), ("J", "Pajak Kendaraan", 23),
    ("K", "Pajak Lima Tahunan", 7), ("L", "SKCK", 12), ("M", "NPWP", 0), ("N", "Pertanahan", 3),
    ("P", "Pajak Daerah", 2), ("Q", "PDAM", 0), ("R", "Paspor", 8), ("S", "Haji dan Umrah", 1),
    ("T", "Informasi", 0),
]  # fmt: skip
SERVING = {
    1: "A-031", 2: "B-018", 3: "A-030", 4: "C-009", 5: "E-011", 6: None, 7: "G-024", 8: "G-023",
    9: "H-006", 10: "J-052", 11: "J-051", 12: "K-013", 13: "L-027", 14: "L-026", 15: None,
    16: "N-004", 17: "P-008", 18: "J-050", 19: None, 20: "R-012", 21: "S-002", 22: "T-015",
}  # fmt: skip
CALLS = [
    (2, "B-018"), (11, "J-051"), (14, "L-026"), (7, "G-024"), (18, "J-050"), (1, "A-031"),
    (10, "J-052"),
]  # fmt: skip


def sample_state() -> dict:
    calls = [
        {
            "id": 100 + index,
            "kind": "call",
            "at": (NOW - dt.timedelta(minutes=len(CALLS) - index)).isoformat(),
            "ticket": {"id": index + 1, "number": number, "priority": None},
            "counter": {"id": counter, "name": f"Loket {counter}"},
            "service": {"code": number[0], "name": ""},
        }
        for index, (counter, number) in enumerate(CALLS)
    ]
    return {
        "version": 500,
        "server_time": NOW.isoformat(),
        "calls": calls,
        "counters": [
            {
                "id": number,
                "name": f"Loket {number}",
                "status": "paused" if number == 15 else "closed" if number == 19 else "open",
                "serving": serving,
                "services": [],
            }
            for number, serving in SERVING.items()
        ],
        "waiting": [
            {"code": code, "name": name, "agency": "", "waiting": waiting}
            for code, name, waiting in SERVICES
        ],
        "marquee": "Selamat datang di Mal Pelayanan Publik Kabupaten Madiun. Layanan gratis, "
        "tanpa calo. Siapkan KTP dan dokumen asli Anda.",
    }


def shoot(
    width: int,
    height: int,
    name: str,
    language: str = "id",
    warnings: bool = False,
    disconnected: bool = False,
):
    board_settings = load_display_settings(SETTINGS).board
    window = BoardWindow(
        board_settings.title,
        language=language,
        logo=HERE / "sample-logo.png" if (HERE / "sample-logo.png").exists() else None,
        recent_calls=board_settings.recent_calls,
        highlight_seconds=board_settings.highlight_seconds,
    )
    window.setFixedSize(width, height)
    window.show()
    window.show_board(board_from_state(DisplayState.model_validate(sample_state())))
    window.show_time(NOW)
    since = NOW - dt.timedelta(minutes=2)  # the server stopped answering at 09.39
    if warnings:
        window.set_link(Link.lost(since))
        window.set_audio_problem("audio")
    if disconnected:
        window.set_link(Link.lost(since))
    QApplication.processEvents()
    path = HERE / name
    window.grab().save(str(path))
    window.close()
    return path


def main() -> None:
    app = QApplication.instance() or QApplication([])
    shots = [
        shoot(1920, 1080, "display_1920x1080.png"),
        shoot(1366, 768, "display_1366x768.png"),
        shoot(1920, 1080, "display_1920x1080_offline_en.png", language="en", warnings=True),
        shoot(1920, 1080, "display_disconnected.png", disconnected=True),
        shoot(1366, 768, "display_disconnected_1366x768.png", disconnected=True),
    ]
    app.quit()
    for path in shots:
        sys.stdout.write(f"{path}\n")


if __name__ == "__main__":
    main()

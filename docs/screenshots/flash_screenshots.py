"""The board while a call lights the header and the called counter's tile (issue 18: for
citizens who cannot hear the voice), at the lit moment of its 1 Hz pulse.

Run: .venv/bin/python docs/screenshots/flash_screenshots.py   (works without a screen)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from client import DisplayState  # noqa: E402
from config.display import load_display_settings  # noqa: E402
from display.core.board import board_from_state  # noqa: E402
from display.widgets.window import BoardWindow  # noqa: E402
from docs.screenshots.display_screenshots import NOW, SETTINGS, sample_state  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    app = QApplication.instance() or QApplication([])
    board_settings = load_display_settings(SETTINGS).board
    window = BoardWindow(
        board_settings.title,
        language="id",
        logo=None,
        recent_calls=board_settings.recent_calls,
        highlight_seconds=0,  # the big panel's own highlight off: this shows the new pulse
    )
    window.setFixedSize(1920, 1080)
    window.show()
    board = board_from_state(DisplayState.model_validate(sample_state()))
    window.show_board(board)
    window.show_time(NOW)
    window.flash_call(board.latest)
    QApplication.processEvents()
    path = HERE / "display_call_flash_1920x1080.png"
    window.grab().save(str(path))
    window.close()
    app.quit()
    sys.stdout.write(f"{path}\n")


if __name__ == "__main__":
    main()

"""The TV board covers its whole screen, also on X without a window manager (a TV box that
starts only X and the board), where `showFullScreen()` alone left a 258x720 strip.

The real `antrian display` runs in a child process on a real Xvfb (this test process is
offscreen); `xwininfo` (x11-utils) reads the window's geometry from the X server itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from config.display import BoardSettings, DisplayAppSettings
from config.loader import ServerConnection
from display.app import build_window
from display.texts import TEXTS
from tests.support.live_server import DISPLAY_TOKEN, free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
WINDOW_LINE = re.compile(
    r'^\s*0x[0-9a-f]+ "(?P<name>[^"]*)":.*?\s(?P<w>\d+)x(?P<h>\d+)\+(?P<x>-?\d+)\+(?P<y>-?\d+)'
)

needs_x = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xwininfo")),
    reason="needs Xvfb and xwininfo (deploy/apt-packages.txt: xvfb, x11-utils)",
)


class Xvfb:
    """A virtual X screen on a display number Xvfb picks itself (-displayfd: no clash with
    other X servers on the machine)."""

    def __init__(self, width: int, height: int):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # written once the server is ready
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + START_TIMEOUT
        while not socket.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"no X socket {socket}")
            time.sleep(0.05)  # polling a condition with a deadline

    def windows(self) -> dict[str, tuple[int, int, int, int]]:
        """Top-level windows by name: (width, height, x, y) as the X server has them."""
        listing = subprocess.run(
            ["xwininfo", "-root", "-children"],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True, text=True, timeout=20, check=True,
        ).stdout  # fmt: skip
        found = {}
        for line in listing.splitlines():
            if match := WINDOW_LINE.match(line):
                found[match["name"]] = tuple(int(match[k]) for k in ("w", "h", "x", "y"))
        return found

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@needs_x
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_board_covers_the_whole_screen_without_a_window_manager(tmp_path, width, height):
    """`antrian display` on a bare X screen: its window is exactly the screen, at 0,0."""
    config = tmp_path / "display.toml"
    config.write_text(
        f'[server]\nurl = "http://127.0.0.1:{free_port()}"\ntoken = "{DISPLAY_TOKEN}"\n'
        "[board]\nfullscreen = true\n[voice]\nenabled = false\n"
    )
    screen = Xvfb(width, height)
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env.update(DISPLAY=screen.display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    board = subprocess.Popen(
        [sys.executable, "-m", "antrian.cli", "display", "--config", str(config)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    title = TEXTS.get("window_title")
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while (geometry := screen.windows().get(title)) != (width, height, 0, 0):
            if board.poll() is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)  # polling a condition with a deadline
        assert geometry == (width, height, 0, 0), f"board window {geometry} on {width}x{height}"
    finally:
        board.terminate()  # SIGTERM: the app quits its loop
        try:
            output = board.communicate(timeout=20)[0].decode(errors="replace")
        except subprocess.TimeoutExpired:
            board.kill()
            output = board.communicate()[0].decode(errors="replace")
        screen.stop()
    assert board.returncode == 0, output


def test_the_board_covers_its_screen_again_after_the_screen_changes(qtbot):
    """When the screen reports a new geometry (another resolution, a TV switched on later),
    the board takes the screen's geometry again."""
    settings = DisplayAppSettings(
        server=ServerConnection(url="http://127.0.0.1:9", token="unused-token"),
        board=BoardSettings(),
    )
    window = build_window(settings)
    qtbot.addWidget(window)
    window.fill_screen()
    screen = QGuiApplication.primaryScreen()
    qtbot.waitUntil(lambda: window.geometry() == screen.geometry(), timeout=5000)
    window.showNormal()
    window.setGeometry(10, 10, 258, 720)  # the strip of issue 12
    qtbot.waitUntil(lambda: window.width() == 258, timeout=5000)
    screen.geometryChanged.emit(screen.geometry())
    qtbot.waitUntil(lambda: window.geometry() == screen.geometry(), timeout=5000)
    assert window.isFullScreen()

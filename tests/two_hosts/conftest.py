"""The hall's devices for the two-host tests; the two hosts themselves (and the database they
share, `hall_store`) are fixtures of tests/support/two_hosts.py."""

from __future__ import annotations

import pytest

from config.display import BoardSettings, DisplayAppSettings, VoiceSettings
from config.loader import ServerConnection
from display.announcer import Announcer
from display.app import build_window
from display.controller import DisplayController
from tests.display.fakes import FakePlayer, FakeSynthesizer
from tests.kiosk.conftest import (
    WAIT_MS,
    make_kiosk,  # noqa: F401 - the real kiosk, for these tests too
)
from tests.support.live_server import DISPLAY_TOKEN


@pytest.fixture
def display(qtbot, two_hosts, tmp_path):
    settings = DisplayAppSettings(
        server=ServerConnection(urls=two_hosts.urls, token=DISPLAY_TOKEN),
        board=BoardSettings(fullscreen=False, poll_wait_seconds=10, heartbeat_seconds=3),
        voice=VoiceSettings(),
    )
    announcer = Announcer(FakePlayer(), FakeSynthesizer(), work_dir=tmp_path)
    window = build_window(settings)
    qtbot.addWidget(window)
    controller = DisplayController(settings, window, announcer)
    with qtbot.waitSignal(controller.board_changed, timeout=WAIT_MS):
        controller.start()
    yield controller, window
    controller.stop()

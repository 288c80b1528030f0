"""The announcer against a real server: while the voice is busy, a call whose ticket the counter
finished is not spoken late, the others are; the board shows every call at once."""

import pytest

from client import ApiClient
from config.display import BoardSettings, DisplayAppSettings, VoiceSettings
from config.loader import ServerConnection
from display.announcer import Announcer
from display.app import build_window
from display.controller import DisplayController
from tests.display.fakes import FakeSynthesizer
from tests.display.test_rush import GatedPlayer


@pytest.fixture
def gated_display(qtbot, live_server, tmp_path):
    settings = DisplayAppSettings(
        server=ServerConnection(url=live_server.url, token=live_server.display_token),
        board=BoardSettings(fullscreen=False, poll_wait_seconds=2, heartbeat_seconds=2),
        voice=VoiceSettings(),
    )
    player, synthesizer = GatedPlayer(), FakeSynthesizer()
    window = build_window(settings)
    qtbot.addWidget(window)
    announcer = Announcer(player, synthesizer, work_dir=tmp_path)
    controller = DisplayController(settings, window, announcer)
    controller.speech.check_at_start = False  # the gate holds every sound, the check's too
    with qtbot.waitSignal(controller.board_changed, timeout=10_000):
        controller.start()
    yield controller, window, player, synthesizer
    player.gate.set()
    controller.stop()


def test_call_finished_while_the_voice_was_busy_is_not_spoken(qtbot, gated_display, live_server):
    """Loket 1's call holds the voice; Loket 2 and 3 call, Loket 2 finishes at once: the hall
    hears Loket 1, then Loket 3, never the finished A-002; the board listed all three."""
    controller, window, player, synthesizer = gated_display
    kiosk = ApiClient(live_server.url, token=live_server.kiosk_token)
    admin = ApiClient(live_server.url, token=live_server.admin_token())
    counters = {c.name: c.id for c in admin.counters()}
    tickets = [kiosk.issue_ticket("A").number for _ in range(3)]
    admin.call_next(counters["Loket 1"])
    qtbot.waitUntil(player.playing.is_set, timeout=10_000)  # the voice is busy with A-001
    admin.call_next(counters["Loket 2"])
    admin.call_next(counters["Loket 3"])
    admin.finish(counters["Loket 2"])
    qtbot.waitUntil(
        lambda: (
            any(c.name == "Loket 2" and c.serving is None for c in controller.board.counters)
            and len(controller.board.calls) == 3
        ),
        timeout=10_000,
    )
    assert [c.number for c in window.board.calls] == tickets  # shown at once, voice or not
    player.gate.set()
    qtbot.waitUntil(lambda: len(synthesizer.sentences) == 2, timeout=10_000)
    assert synthesizer.sentences == [
        "Nomor antrean, a satu, silakan menuju, loket satu.",
        "Nomor antrean, a tiga, silakan menuju, loket tiga.",
    ]
    qtbot.waitUntil(lambda: controller.speech.pending == 0, timeout=5000)

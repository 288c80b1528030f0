"""The board window fed with plain state dicts: pile-ups, zones, warnings, scaling."""

import pytest

from config.display import BoardSettings, DisplayAppSettings, VoiceSettings, ZoneSettings
from config.loader import ServerConnection
from display.announcer import Announcer
from display.app import build_window
from display.controller import DisplayController
from speech.audio import CommandPlayer
from tests.display.fakes import FakePlayer, FakeSynthesizer
from tests.display.test_board_core import event, state


def make_controller(qtbot, tmp_path, player=None, zone=None):
    settings = DisplayAppSettings(
        server=ServerConnection(url="http://127.0.0.1:9", token="unused-token"),
        board=BoardSettings(fullscreen=False, highlight_seconds=1),
        zone=zone or ZoneSettings(),
        voice=VoiceSettings(group_size=4),
    )
    window = build_window(settings)
    qtbot.addWidget(window)
    window.setFixedSize(1920, 1080)
    announcer = Announcer(player or FakePlayer(0.02), FakeSynthesizer(), work_dir=tmp_path)
    controller = DisplayController(settings, window, announcer)
    return controller, window


@pytest.fixture
def speaking(qtbot, tmp_path):
    controller, window = make_controller(qtbot, tmp_path)
    controller.speech.start()
    yield controller, window, controller.speech.announcer.player
    controller.speech.stop()


def test_piled_up_calls_are_all_announced_in_order_and_listed(qtbot, speaking):
    """Five calls arriving in one state are all on the board at once, and all spoken, oldest
    first, grouped by the voice's group size: two chimes, not five."""
    controller, window, player = speaking
    controller.on_state(state([event(1, "A-001", "Loket 1")]))
    calls = [event(i, f"A-00{i}", f"Loket {i}") for i in range(1, 7)]
    counters = [
        {"id": i, "name": f"Loket {i}", "status": "open", "serving": f"A-00{i}", "services": ["A"]}
        for i in range(1, 7)
    ]
    piled = state(calls, version=6, counters=counters)
    finished = []
    controller.speech.finished.connect(finished.append)
    controller.on_state(piled)
    assert window.call_panel.shown_call.number == "A-006"  # the board did not wait
    listed = [number.text() for number, _ in window.recent.rows]
    assert listed == ["A-005", "A-004", "A-003", "A-002"]
    qtbot.waitUntil(lambda: sum(len(group) for group in finished) == 5, timeout=5000)
    assert [[c.number for c in group] for group in finished] == [
        ["A-002", "A-003", "A-004", "A-005"],
        ["A-006"],
    ]


def test_highlight_flashes_then_stays_steady(qtbot, tmp_path):
    """A new call flashes for the configured seconds, then stops flashing."""
    controller, window = make_controller(qtbot, tmp_path)
    controller.on_state(state([event(1, "A-001", "Loket 1")]))
    assert window.call_panel.highlighted
    qtbot.waitUntil(lambda: not window.call_panel.highlighted, timeout=3000)


def test_zone_display_shows_only_its_counters(qtbot, tmp_path):
    """A display zoned to Loket 10 shows that counter and service J only."""
    zone = ZoneSettings(counters=["Loket 10"])
    controller, window = make_controller(qtbot, tmp_path, zone=zone)
    controller.on_state(state([event(1, "A-001", "Loket 1"), event(2, "J-001", "Loket 10", "J")]))
    assert [tile.name.text() for tile in window.counters.tiles] == ["Loket 10"]
    assert [chip.code.text() for chip in window.waiting.chips] == ["J"]
    assert window.call_panel.shown_call.number == "J-001"


def test_missing_audio_is_a_visible_warning(qtbot, tmp_path):
    """Without a sound device the board shows a warning and keeps working."""
    player = CommandPlayer(["no-such-player-xyz"])
    controller, window = make_controller(qtbot, tmp_path, player=player)
    controller.speech.start()
    qtbot.waitUntil(lambda: not window.header.audio_mark.isHidden(), timeout=5000)
    assert "Suara" in window.header.audio_mark.text()
    assert controller.heartbeat_status()["audio"] == "missing"
    controller.on_state(state([event(1, "A-001", "Loket 1")]))
    assert window.call_panel.shown_call.number == "A-001"
    controller.speech.stop()


def test_marquee_scrolls_the_server_text(qtbot, tmp_path):
    """The marquee runs with the server's text and stops when there is none."""
    controller, window = make_controller(qtbot, tmp_path)
    controller.on_state(state([]))
    assert window.marquee.text == "Selamat datang" and window.marquee.running
    empty = state([], marquee="")
    controller.on_state(empty)
    assert not window.marquee.running


def test_board_scales_to_a_1366_by_768_tv(qtbot, tmp_path):
    """On a smaller TV the type shrinks with the screen and nothing is cut off."""
    controller, window = make_controller(qtbot, tmp_path)
    window.setFixedSize(1366, 768)
    window.show()
    controller.on_state(state([event(1, "A-001", "Loket 1")]))
    qtbot.waitUntil(lambda: window.call_panel.px(100) == round(100 * 768 / 1080))
    number = window.call_panel.number
    assert number.fontMetrics().tightBoundingRect(number.text()).height() <= number.height()
    assert window.call_panel.height() <= window.height()


def test_english_board_texts(qtbot, tmp_path):
    """Board texts switch to English with language = "en"."""
    settings = DisplayAppSettings(
        server=ServerConnection(url="http://127.0.0.1:9", token="unused-token"),
        board=BoardSettings(fullscreen=False, language="en"),
    )
    window = build_window(settings)
    qtbot.addWidget(window)
    assert window.call_panel.caption.text() == "NOW CALLING"
    assert window.recent.title.text() == "EARLIER CALLS"


def test_long_service_name_in_a_narrow_chip_ends_with_an_ellipsis(qtbot):
    """A service name wider than its chip is shortened at the end with "…", not cut both sides."""
    from display.core.board import WaitingView
    from display.widgets.waiting import WaitingChip

    chip = WaitingChip("id")
    qtbot.addWidget(chip)
    chip.resize(160, 80)
    chip.show()
    name = "Pendaftaran Pengecekan Sertipikat dan Informasi Pertanahan"
    chip.show_item(WaitingView(code="P", name=name, agency="BPN", waiting=3))
    qtbot.waitUntil(lambda: chip.name.text().endswith("…"))
    assert chip.name.text().startswith("Pend")
    assert chip.name.full_text() == name

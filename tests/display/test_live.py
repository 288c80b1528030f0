"""The display against a real server on loopback: calls reach the board and the announcer."""

import pytest

from client import ApiClient
from config.display import BoardSettings, DisplayAppSettings, VoiceSettings
from config.loader import ServerConnection
from display.announcer import Announcer
from display.app import build_window
from display.controller import DisplayController
from tests.display.fakes import FakePlayer, FakeSynthesizer


@pytest.fixture
def display(qtbot, live_server, tmp_path):
    settings = DisplayAppSettings(
        server=ServerConnection(url=live_server.url, token=live_server.display_token),
        board=BoardSettings(fullscreen=False, poll_wait_seconds=2, heartbeat_seconds=2),
        voice=VoiceSettings(),
    )
    player, synthesizer = FakePlayer(), FakeSynthesizer()
    announcer = Announcer(player, synthesizer, work_dir=tmp_path)
    window = build_window(settings)
    qtbot.addWidget(window)
    controller = DisplayController(settings, window, announcer)
    queued = []
    controller.announcement_queued.connect(queued.append)
    with qtbot.waitSignal(controller.board_changed, timeout=10_000):
        controller.start()
    yield controller, window, player, synthesizer, queued
    controller.stop()


@pytest.fixture
def desk(live_server):
    """A kiosk to issue tickets and petugas1 at Loket 1 to call them."""
    kiosk = ApiClient(live_server.url, token=live_server.kiosk_token)
    operator = ApiClient(live_server.url, token=live_server.operator_token())
    counter_id = next(c.id for c in operator.counters() if c.name == "Loket 1")
    return kiosk, operator, counter_id


def test_call_reaches_board_and_announcer_once(qtbot, display, desk):
    """A call made through the API shows large on the board and is announced exactly once."""
    controller, window, player, synthesizer, queued = display
    kiosk, operator, counter = desk
    ticket = kiosk.issue_ticket("A")
    operator.call_next(counter)
    qtbot.waitUntil(
        lambda: (
            window.call_panel.shown_call is not None
            and window.call_panel.shown_call.number == ticket.number
        ),
        timeout=5000,
    )
    assert window.call_panel.counter.text() == "LOKET 1"
    assert window.call_panel.highlighted
    qtbot.waitUntil(lambda: len(player.announcement_plays()) == 2, timeout=5000)
    # Another change on the server brings a new state; the call is not announced again.
    kiosk.issue_ticket("A")
    qtbot.waitUntil(lambda: any(w.waiting == 1 for w in controller.board.waiting if w.code == "A"))
    assert [(c.number, c.kind) for c in queued] == [(ticket.number, "call")]
    assert ticket.number == "A-001"  # a fresh database
    assert synthesizer.sentences == ["Nomor antrean, a satu, silakan menuju, loket satu."]


def test_recall_is_announced_again(qtbot, display, desk):
    """A recall is a new announcement, with the recall wording."""
    controller, window, player, synthesizer, queued = display
    kiosk, operator, counter = desk
    ticket = kiosk.issue_ticket("A")
    operator.call_next(counter)
    qtbot.waitUntil(lambda: len(queued) == 1, timeout=5000)
    operator.recall(counter)
    qtbot.waitUntil(lambda: len(queued) == 2, timeout=5000)
    assert [(c.number, c.kind) for c in queued] == [
        (ticket.number, "call"),
        (ticket.number, "recall"),
    ]
    # The original is spoken if the voice got to it first; otherwise the recall replaced it.
    qtbot.waitUntil(
        lambda: (
            bool(synthesizer.sentences) and synthesizer.sentences[-1].startswith("Panggilan ulang.")
        ),
        timeout=5000,
    )
    assert len(synthesizer.sentences) in (1, 2)
    qtbot.waitUntil(lambda: not window.call_panel.badge.isHidden(), timeout=2000)


def test_quick_calls_are_spoken_one_after_the_other(qtbot, display, desk):
    """Two calls a moment apart: the second is always spoken, never overlapping the first; the
    first only if the voice got to it before the counter finished it (never late)."""
    controller, window, player, synthesizer, queued = display
    kiosk, operator, counter = desk
    first, second = kiosk.issue_ticket("A"), kiosk.issue_ticket("A")
    operator.call_next(counter)
    operator.finish(counter)
    operator.call_next(counter)
    qtbot.waitUntil(
        lambda: bool(synthesizer.sentences) and "a dua," in synthesizer.sentences[-1], timeout=8000
    )
    qtbot.waitUntil(lambda: len(player.announcement_plays()) == 2 * len(synthesizer.sentences))
    plays = player.announcement_plays()
    assert [name for name, _, _ in plays] == ["chime.wav", "speech.wav"] * (len(plays) // 2)
    for (_, _, previous_end), (_, start, _) in zip(plays, plays[1:], strict=False):
        assert start >= previous_end
    assert [c.number for c in queued] == [first.number, second.number]
    assert [c.number for c in window.board.calls[-2:]] == [first.number, second.number]


def test_offline_mark_then_recovery_without_replay(qtbot, display, desk, live_server):
    """Server away: the last picture stays with an offline mark; back: it recovers by itself
    and does not replay the calls it already announced."""
    controller, window, player, synthesizer, queued = display
    kiosk, operator, counter = desk
    ticket = kiosk.issue_ticket("A")
    operator.call_next(counter)
    qtbot.waitUntil(lambda: len(queued) == 1, timeout=5000)
    live_server.stop()
    qtbot.waitUntil(lambda: not window.header.offline_mark.isHidden(), timeout=15_000)
    assert window.call_panel.shown_call.number == ticket.number  # last picture kept
    live_server.start()
    qtbot.waitUntil(lambda: window.header.offline_mark.isHidden(), timeout=10_000)
    operator.finish(counter)
    next_ticket = kiosk.issue_ticket("A")
    operator.call_next(counter)
    qtbot.waitUntil(lambda: len(queued) == 2, timeout=5000)
    assert [c.number for c in queued] == [ticket.number, next_ticket.number]


class FreezableProxy:
    """A TCP relay in front of the server that can go silent, as a pulled cable or a hung
    server does: connections stay open but nothing comes back (no "connection refused")."""

    def __init__(self, upstream_port: int):
        import socket
        import threading

        self.upstream_port = upstream_port
        self.frozen = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: list = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            if self.frozen.is_set():
                continue  # accepted, never answered
            try:
                server = socket.create_connection(("127.0.0.1", self.upstream_port))
            except OSError:  # the server is gone (test over): drop this client
                client.close()
                continue
            self._sockets.append(server)
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            if not self.frozen.is_set():  # frozen: swallow it, answer nothing
                try:
                    target.sendall(data)
                except OSError:
                    return

    def close(self) -> None:
        self._listener.close()
        for sock in self._sockets:
            sock.close()


def test_a_silent_server_shows_offline_within_seconds_then_recovers(qtbot, live_server, tmp_path):
    """A link that goes silent (no refusal) shows the disconnected mark within heartbeat +
    its timeout, and the board recovers by itself when answers come back."""
    import time

    proxy = FreezableProxy(int(live_server.url.rsplit(":", 1)[1]))
    settings = DisplayAppSettings(
        server=ServerConnection(
            url=f"http://127.0.0.1:{proxy.port}",
            token=live_server.display_token,
            timeout_seconds=1,
        ),
        board=BoardSettings(fullscreen=False, poll_wait_seconds=4, heartbeat_seconds=2),
        voice=VoiceSettings(enabled=False),
    )
    window = build_window(settings)
    qtbot.addWidget(window)
    controller = DisplayController(settings, window, None)
    try:
        with qtbot.waitSignal(controller.board_changed, timeout=10_000):
            controller.start()
        proxy.frozen.set()
        frozen_at = time.monotonic()
        qtbot.waitUntil(lambda: not window.header.offline_mark.isHidden(), timeout=10_000)
        # heartbeat interval + the heartbeat's timeout (4.5 s) + margin for two shared cores
        assert time.monotonic() - frozen_at < 2 + 4.5 + 3
        proxy.frozen.clear()
        qtbot.waitUntil(lambda: window.header.offline_mark.isHidden(), timeout=20_000)
    finally:
        controller.stop()
        proxy.close()

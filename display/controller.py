"""The display's controller: connects the workers, the Qt-free core and the window.

Data flow: PollWorker (thread) -> DisplayState -> Board (core) -> BoardWindow (widgets);
new calls from the AnnouncementQueue (core) -> SpeechWorker (thread, which also gets each
state to drop calls gone stale and to group a pile-up: AnnouncementPolicy) -> chime + voice.
Lives on the GUI thread; every slot is quick.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from client import ApiClient, DisplayState, LinkWatch, ServerAddresses
from config.display import DisplayAppSettings
from display.announcer import Announcer
from display.core.announcements import AnnouncementQueue
from display.core.board import Board, Link, Zone, board_from_state
from display.core.clock import ServerClock
from display.widgets.window import BoardWindow
from display.workers import HeartbeatWorker, PollWorker, SpeechWorker
from speech.audio import AudioStatus


class DisplayController(QObject):
    """Connects workers, core and window. Lives in the GUI thread; every slot is quick."""

    board_changed = Signal(object)  # Board, after the window shows it
    announcement_queued = Signal(object)  # Call
    link_changed = Signal(object)  # Link, after the window shows it

    def __init__(
        self,
        settings: DisplayAppSettings,
        window: BoardWindow,
        announcer: Announcer | None,
        api_factory=ApiClient,
    ):
        super().__init__()
        self.settings = settings
        self.window = window
        self.zone = Zone.of(settings.zone.counters, settings.zone.services)
        self.queue = AnnouncementQueue(settings.voice.stale_after_seconds)
        self.clock = ServerClock()
        self.board = Board()
        board, server = settings.board, settings.server
        # One watch for the display, fed by the poll and the heartbeat; "since" on the hall's
        # clock, as the board shows it.
        self.link = LinkWatch(board.disconnected_after_seconds, wall_clock=self.clock.now)
        self.link_state = Link()
        self.disconnections = 0  # how often the board said it lost the server

        # One choice of server for the poll and the heartbeat: when the heartbeat finds a host
        # gone, the next poll goes to the next address too.
        addresses = ServerAddresses(server.addresses)

        def api(timeout: float):
            return api_factory(addresses, token=server.token, timeout=timeout,
                               language=board.language, retries=1)  # fmt: skip

        self.poller = PollWorker(
            api(server.timeout_seconds), board.poll_wait_seconds, self.link,
            max_backoff_seconds=board.reconnect_max_seconds,
        )  # fmt: skip
        self.poller.state_received.connect(self.on_state)
        self.poller.link_changed.connect(self.on_link_changed)
        self.poller.refused.connect(self.on_refused)
        self.speech = (
            SpeechWorker(announcer, group_size=settings.voice.group_size)
            if announcer and settings.voice.enabled
            else None
        )
        if self.speech is not None:
            self.speech.status_changed.connect(self.on_audio_status)
        self.heartbeat = HeartbeatWorker(
            api(board.heartbeat_timeout_seconds), board.heartbeat_seconds, self.heartbeat_status,
            self.link, retry_seconds=board.reconnect_max_seconds,
        )  # fmt: skip
        self.heartbeat.link_changed.connect(self.on_link_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.on_tick)

    def start(self) -> None:
        self.on_tick()
        self._tick.start()
        if self.speech is not None:
            self.speech.start()
        self.poller.start()
        self.heartbeat.start()

    def stop(self) -> None:
        # A worker thread still inside a request must not report to a window that may be gone.
        self.poller.blockSignals(True)
        self.heartbeat.blockSignals(True)
        self._tick.stop()
        self.poller.stop()
        self.heartbeat.stop()
        if self.speech is not None:
            self.speech.stop()

    def heartbeat_status(self) -> dict:
        """Read on the heartbeat thread: plain values only."""
        if self.speech is None:
            return {"audio": "disabled"}
        status = self.speech.status
        return {
            "audio": status.heartbeat_value,
            "audio_detail": status.detail,
            "voice": self.settings.voice.voice,
            "pending_announcements": self.speech.pending,
        }

    # -- slots ---------------------------------------------------------------------------------

    def on_state(self, state: DisplayState) -> None:
        board = board_from_state(state, self.zone)
        self.clock.sync(board.server_time)
        if board != self.board:
            self.board = board
            self.window.show_board(board)
        if self.speech is not None:
            self.speech.observe(board)  # first: a waiting call of a counter moved on is dropped
        new_calls = self.queue.take_new(board)
        for call in new_calls:
            self.window.flash_call(call)
            self.announcement_queued.emit(call)
        if self.speech is not None and new_calls:
            self.speech.enqueue(*new_calls)
        self.board_changed.emit(board)

    def on_link_changed(self) -> None:
        """The watch says the link was lost or is back: show what it says now (the two
        workers' signals may arrive in either order; the watch holds the truth)."""
        link = Link() if not self.link.down else Link.lost(self.link.since)
        if link == self.link_state:
            return
        if not link.connected and self.link_state.connected:
            self.disconnections += 1
        self.link_state = link
        self.window.set_link(link)
        self.link_changed.emit(link)

    @property
    def offline(self) -> bool:
        return not self.link_state.connected

    def on_refused(self, reason: str) -> None:
        self.window.set_refused()

    def on_audio_status(self, status: AudioStatus) -> None:
        self.window.set_audio_problem(status.missing)

    def on_tick(self) -> None:
        self.window.show_time(self.clock.now())

"""Blocking work off the GUI thread: the long poll, the heartbeat and the announcer.

Each worker is a QObject living in the GUI thread whose loop runs on a daemon Python thread and
reports through Qt signals (queued to the GUI thread). Not QThreads: a long poll cannot be
interrupted, and a QThread still running when the app quits aborts the process; a daemon
thread is simply dropped. Workers never touch widgets.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, Signal

from client import ApiClient, ClientError, NotAuthorized
from display.announcer import Announcer
from display.audio import AudioStatus
from display.core.announcements import AnnouncementPolicy
from display.core.board import Board, Call

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 5.0


class PollWorker(QObject):
    """Long-polls `/display/state` and emits each new state; reports when the server is away."""

    state_received = Signal(dict)
    offline = Signal(str)  # the reason, for the log; the board shows a fixed text
    refused = Signal(str)  # the token was refused: retrying will not help until it is fixed

    def __init__(self, api: ApiClient, wait_seconds: float = 10.0):
        super().__init__()
        self.api = api
        self.wait_seconds = wait_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="display-poll", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        version = None
        backoff = 0.5
        while not self._stop.is_set():
            try:
                state = self.api.display_state(
                    since=version, wait=self.wait_seconds if version is not None else 0.0
                )
            except NotAuthorized as error:
                log.error("server refused the display token: %s", error.message)
                self.refused.emit(error.message)
                self._stop.wait(MAX_BACKOFF_SECONDS * 6)
                continue
            except ClientError as error:
                log.warning("display state failed (%s): %s", error.code, error.message)
                self.offline.emit(error.message)
                version = None  # after an outage, ask for the whole picture at once
                self._stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            backoff = 0.5
            if not self._stop.is_set():
                version = state.get("version")
                self.state_received.emit(state)


class HeartbeatWorker(QObject):
    """Tells the server every few seconds that this display lives, and whether it can speak."""

    failed = Signal(str)

    def __init__(self, api: ApiClient, interval_seconds: float, status_source):
        super().__init__()
        self.api = api
        self.interval_seconds = interval_seconds
        self.status_source = status_source  # () -> dict, read on the worker thread
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="display-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.api.heartbeat(self.status_source())
            except ClientError as error:
                log.info("heartbeat failed (%s): %s", error.code, error.message)
                self.failed.emit(error.message)
            self._stop.wait(self.interval_seconds)


class SpeechWorker(QObject):
    """Announces queued calls on its own thread, never overlapping. What to say next is the
    AnnouncementPolicy's: calls piled up are spoken together, and a call whose counter has
    moved on by the time the voice is free is dropped, judged by the newest state given to
    `observe` (so call `observe` with each state before `enqueue`-ing its new calls)."""

    started = Signal(object)  # tuple[Call, ...] spoken together
    finished = Signal(object)  # tuple[Call, ...]
    status_changed = Signal(object)  # AudioStatus
    pending_changed = Signal(int)

    def __init__(
        self,
        announcer: Announcer,
        check_at_start: bool = True,
        group_size: int = 1,
        clock=time.monotonic,
    ):
        super().__init__()
        self.announcer = announcer
        self.check_at_start = check_at_start
        self.status = AudioStatus()
        self._policy = AnnouncementPolicy(group_size, clock)
        self._wake = threading.Condition()  # guards _policy and _stopping
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name="display-speech", daemon=True)

    @property
    def pending(self) -> int:
        with self._wake:
            return self._policy.pending

    def start(self) -> None:
        self._thread.start()

    def observe(self, board: Board) -> None:
        """The newest state: calls whose counter has moved on are not spoken late."""
        with self._wake:
            self._policy.observe(board)

    def enqueue(self, *calls: Call) -> None:
        """Calls of one state come in together, so a pile-up is grouped from the start."""
        with self._wake:
            for call in calls:
                self._policy.add(call)
            pending = self._policy.pending
            self._wake.notify()
        self.pending_changed.emit(pending)

    def stop(self) -> None:
        with self._wake:
            self._stopping = True
            self._wake.notify()
        stop_player = getattr(self.announcer.player, "stop", None)
        if stop_player:
            stop_player()

    def _report(self, status: AudioStatus) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)

    def _next(self) -> tuple[Call, ...] | None:
        """Blocks until there is something to say; None when stopping."""
        with self._wake:
            while True:
                if self._stopping:
                    return None
                if self._policy.pending:
                    calls = tuple(self._policy.take())  # may drop every waiting call
                    pending = self._policy.pending
                    if calls:
                        break
                    self.pending_changed.emit(pending)
                    continue
                self._wake.wait()
        self.pending_changed.emit(pending)
        return calls

    def _loop(self) -> None:
        if self.check_at_start:
            self._report(self.announcer.check())
        while (calls := self._next()) is not None:
            self.started.emit(calls)
            try:
                self._report(self.announcer.announce(*calls))
            except Exception:  # a bug here must not silence every later call
                log.exception("announcing %s failed", ", ".join(c.number for c in calls))
            self.finished.emit(calls)
        closer = getattr(self.announcer.synthesizer, "close", None)
        if closer:
            closer()

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

from client import ApiClient, ClientError, LinkWatch, NotAuthorized, Refused
from config import doctor_record
from config.version import version
from display.announcer import Announcer
from display.core.announcements import AnnouncementPolicy
from display.core.board import Board, Call
from speech.audio import AudioStatus

log = logging.getLogger(__name__)

REFUSED_PAUSE_SECONDS = 30.0  # a refused token: ask again now and then, it may be fixed
FIRST_BACKOFF_SECONDS = 0.5


class PollWorker(QObject):
    """Long-polls `/display/state` and emits each new state.

    Every answer and every failure goes to the display's `LinkWatch` (shared with the
    heartbeat); `link_changed` is emitted when the watch says the link was lost or is back.
    """

    state_received = Signal(object)  # DisplayState
    link_changed = Signal()  # read the watch for the current state
    refused = Signal(str)  # the token was refused: retrying will not help until it is fixed

    def __init__(
        self,
        api: ApiClient,
        wait_seconds: float = 10.0,
        link: LinkWatch | None = None,
        max_backoff_seconds: float = 2.0,
    ):
        super().__init__()
        self.api = api
        self.wait_seconds = wait_seconds
        self.link = link or LinkWatch()
        self.max_backoff_seconds = max_backoff_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="display-poll", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        version = None
        backoff = FIRST_BACKOFF_SECONDS
        while not self._stop.is_set():
            wait = self.wait_seconds if version is not None else 0.0
            # The server may hold a long poll for `wait`: its answer is due only then, so a
            # poll that fails later counts as unanswered from that moment, not from sending.
            due = self.link.now() + wait
            try:
                state = self.api.display_state(since=version, wait=wait)
            except NotAuthorized as error:
                log.error("server refused the display token: %s", error.message)
                self._answered()  # a refusal is an answer: the link is fine
                self.refused.emit(error.message)
                self._stop.wait(REFUSED_PAUSE_SECONDS)
                continue
            except ClientError as error:
                log.info("display state failed (%s): %s", error.code, error.message)
                if isinstance(error, Refused):  # a 4xx answer: the link is fine, the ask not
                    self._answered()
                elif self.link.unanswered(due):
                    log.warning("server unreachable since %s: %s", self.link.since, error.message)
                    self.link_changed.emit()
                version = None  # after a failure, ask for the whole picture at once
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff_seconds)
                continue
            backoff = FIRST_BACKOFF_SECONDS
            if not self._stop.is_set():
                self._answered()
                version = state.version
                self.state_received.emit(state)

    def _answered(self) -> None:
        if self.link.answered():
            log.info("server reachable again")
            self.link_changed.emit()


class HeartbeatWorker(QObject):
    """Tells the server every few seconds that this display lives, and whether it can speak.

    Also the display's link check: a long poll cannot notice a hung server before its wait plus
    its timeout, a heartbeat with a short timeout does (`heartbeat_seconds` + its timeout).
    """

    link_changed = Signal()

    def __init__(
        self,
        api: ApiClient,
        interval_seconds: float,
        status_source,
        link: LinkWatch | None = None,
        retry_seconds: float | None = None,
    ):
        super().__init__()
        self.api = api
        self.interval_seconds = interval_seconds
        # While the link is down, ask this often instead: the board recovers soon after the
        # server returns, whatever the poll is waiting for.
        self.retry_seconds = retry_seconds
        self.status_source = status_source  # () -> dict, read on the worker thread
        self.link = link or LinkWatch()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="display-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            asked_at = self.link.now()
            try:
                # Like the kiosk's: which app, which version (config.version), then its status.
                status = {"app": "display", "version": version(), **self.status_source()}
                record = doctor_record.load("display")
                self.api.heartbeat(status, version=version(), doctor=record)
            except Refused as error:  # also a refused token: the server answered
                log.warning("heartbeat refused (%s): %s", error.code, error.message)
                changed = self.link.answered()
            except ClientError as error:  # no answer, or a 5xx one (a proxy, a crash)
                log.info("heartbeat failed (%s): %s", error.code, error.message)
                changed = self.link.unanswered(asked_at)
                if changed:
                    log.warning("server unreachable since %s: %s", self.link.since, error.message)
            else:
                changed = self.link.answered()
                if changed:
                    log.info("server reachable again")
            if changed and not self._stop.is_set():
                self.link_changed.emit()
            pause = self.interval_seconds
            if self.link.down and self.retry_seconds is not None:
                pause = min(pause, self.retry_seconds)
            self._stop.wait(pause)


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

"""Which calls to announce: each new call or recall exactly once, in order, and never the
calls that happened before this display started (AnnouncementQueue); and, of those waiting for
the voice, which to speak next, grouped in a rush and never stale (AnnouncementPolicy)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from display.core.board import Board, Call

log = logging.getLogger(__name__)


class AnnouncementQueue:
    """Remembers the newest call already handled and hands out only newer ones.

    The first picture after a start only sets the mark: those calls are history. Calls missed
    while the server was away are announced when they are still fresh (`stale_after_seconds`
    by the server's clock) and only shown when older, so a long outage never ends in a stream
    of stale announcements.
    """

    def __init__(self, stale_after_seconds: float = 120.0):
        self.stale_after_seconds = stale_after_seconds
        self._last_id: int | None = None

    @property
    def last_id(self) -> int | None:
        return self._last_id

    def take_new(self, board: Board) -> list[Call]:
        """The calls of `board` to announce now, oldest first; each is handed out only once."""
        if self._last_id is None:
            self._last_id = board.newest_call_id
            return []
        if board.newest_call_id < self._last_id:
            # The server's history went backwards (a fresh database): start over from here.
            log.warning(
                "call ids went back from %d to %d; not replaying", self._last_id,
                board.newest_call_id,
            )  # fmt: skip
            self._last_id = board.newest_call_id
            return []
        new = [call for call in board.calls if call.id > self._last_id]
        self._last_id = board.newest_call_id
        fresh = [call for call in new if self._is_fresh(call, board)]
        for call in new:
            if call not in fresh:
                log.info("not announcing %s at %s: too old", call.number, call.counter_name)
        return fresh

    def _is_fresh(self, call: Call, board: Board) -> bool:
        if call.at is None or board.server_time is None:
            return True
        age = (board.server_time - call.at).total_seconds()
        return age <= self.stale_after_seconds


class AnnouncementPolicy:
    """The calls waiting for the voice, and which of them to speak next (issue 12's rush).

    - A newer call or recall of the same ticket replaces the one still waiting, in its place
      in line: the ticket is spoken once, with the newest wording and counter.
    - At the moment of speaking, a call is dropped when the newest state shows its counter no
      longer serving that ticket (finished, no-show, transferred, or the next one called):
      nobody waits for it any more. A counter the state does not list is not judged.
    - Up to `group_size` waiting calls are spoken together, oldest first.

    Not thread-safe: its one user (the SpeechWorker) holds a lock around it.
    """

    def __init__(self, group_size: int = 1, clock: Callable[[], float] = time.monotonic):
        self.group_size = max(1, group_size)
        self.clock = clock
        self._waiting: list[tuple[Call, float]] = []  # (call, when it came in), oldest first
        self._serving: dict[str, str | None] = {}  # counter name -> its open ticket

    @property
    def pending(self) -> int:
        return len(self._waiting)

    def add(self, call: Call, now: float | None = None) -> None:
        now = self.clock() if now is None else now
        for index, (waiting, since) in enumerate(self._waiting):
            if waiting.number == call.number:
                log.info("%s %s replaces the waiting %s", call.kind, call.number, waiting.kind)
                self._waiting[index] = (call, since)  # keeps its place: it has waited already
                return
        self._waiting.append((call, now))

    def observe(self, board: Board) -> None:
        """Remember the newest state: which ticket each counter has open now."""
        self._serving = {counter.name: counter.serving for counter in board.counters}

    def is_current(self, call: Call) -> bool:
        if call.counter_name not in self._serving:
            return True
        return self._serving[call.counter_name] == call.number

    def take(self) -> list[Call]:
        """The calls to speak now (at most `group_size`), after dropping the stale ones."""
        now = self.clock()
        kept = []
        for call, since in self._waiting:
            if self.is_current(call):
                kept.append((call, since))
            else:
                log.info(
                    "not announcing %s at %s: the counter now has %s", call.number,
                    call.counter_name, self._serving[call.counter_name] or "no ticket",
                )  # fmt: skip
        batch, self._waiting = kept[: self.group_size], kept[self.group_size :]
        for call, since in batch:
            log.info("speaking %s %.1f s after it came in", call.number, now - since)
        return [call for call, _ in batch]

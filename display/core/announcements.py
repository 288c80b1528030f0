"""Which calls to announce: each new call or recall exactly once, in order, and never the
calls that happened before this display started."""

from __future__ import annotations

import logging

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

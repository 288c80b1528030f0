"""When a device may tell the hall it has lost the server: the one rule for kiosk and display.

One failed request is not an outage: a kept-alive connection closed under it, or a busy moment.
A device shows itself disconnected only when the server has not answered for `grace_seconds`,
counted from the moment the first unanswered request was sent (a request that timed out after
4 s is 4 s without an answer), and says since when. Any answer, also a refusal, ends it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

DEFAULT_GRACE_SECONDS = 4.0


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class LinkWatch:
    """Thread-safe: the poll and heartbeat threads of one device report into one watch."""

    def __init__(
        self,
        grace_seconds: float = DEFAULT_GRACE_SECONDS,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], dt.datetime] = _local_now,
    ):
        self.grace_seconds = grace_seconds
        self._clock = clock
        self._wall_clock = wall_clock
        self._lock = threading.Lock()
        self._unanswered_since: float | None = None  # monotonic
        self._answered_at: float | None = None  # monotonic: the last answer, to any request
        self._since: dt.datetime | None = None  # the same moment on the wall clock
        self._down = False

    @property
    def down(self) -> bool:
        return self._down

    @property
    def since(self) -> dt.datetime | None:
        """While down: the wall-clock moment the server stopped answering."""
        return self._since if self._down else None

    def answered(self) -> bool:
        """The server answered. True when this ends an outage that was shown."""
        with self._lock:
            ended = self._down
            self._answered_at = self._clock()
            self._down = False
            self._unanswered_since = None
            self._since = None
            return ended

    def unanswered(self, asked_at: float | None = None) -> bool:
        """A request sent at `asked_at` (this watch's clock; default now) got no answer.

        True when this starts an outage: the device should now say it is disconnected.
        """
        with self._lock:
            now = self._clock()
            asked_at = now if asked_at is None else min(asked_at, now)
            if self._answered_at is not None:
                # A slow request sent before another one was answered: the server did answer
                # since, so its silence starts at that answer, not at this request.
                asked_at = max(asked_at, self._answered_at)
            if self._unanswered_since is None or asked_at < self._unanswered_since:
                self._unanswered_since = asked_at
                self._since = self._wall_clock() - dt.timedelta(seconds=now - asked_at)
            if self._down or now - self._unanswered_since < self.grace_seconds:
                return False
            self._down = True
            return True

    def now(self) -> float:
        """This watch's clock, for stamping `asked_at` before a request."""
        return self._clock()

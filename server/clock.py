"""Where the server's "now" comes from, so tests can move time (midnight, Friday, holidays)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from zoneinfo import ZoneInfo


class Clock:
    """Real time in the site's time zone."""

    def __init__(self, timezone: str = "Asia/Jakarta"):
        self.zone = ZoneInfo(timezone)

    def now(self) -> dt.datetime:
        return dt.datetime.now(self.zone)

    def today(self) -> dt.date:
        return self.now().date()


class SettableClock(Clock):
    """A clock for tests: starts at a given instant and then ticks with real time.

    `set(instant)` jumps to another instant, `advance(delta)` moves forward; both keep ticking.
    """

    def __init__(self, start: dt.datetime, timezone: str = "Asia/Jakarta"):
        super().__init__(timezone)
        self._lock = threading.Lock()
        self.set(start)

    def set(self, instant: dt.datetime) -> None:
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=self.zone)
        with self._lock:
            self._base = instant.astimezone(self.zone)
            self._started = time.monotonic()

    def advance(self, delta: dt.timedelta) -> None:
        self.set(self.now() + delta)

    def now(self) -> dt.datetime:
        with self._lock:
            return self._base + dt.timedelta(seconds=time.monotonic() - self._started)

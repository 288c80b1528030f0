"""The board's clock: the server's time and time zone, formatted the Indonesian way."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from babel.dates import format_date

from config.i18n import clock_text


class ServerClock:
    """Local monotonic time shifted to the server's clock, in the server's time zone, so a TV
    box with a wrong clock or zone still shows the hall's time."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic):
        self._monotonic = monotonic
        self._anchor: tuple[float, dt.datetime] | None = None

    def sync(self, server_time: dt.datetime | None) -> None:
        if server_time is not None and server_time.tzinfo is not None:
            self._anchor = (self._monotonic(), server_time)

    def now(self) -> dt.datetime:
        if self._anchor is None:
            return dt.datetime.now().astimezone()
        at, server_time = self._anchor
        return server_time + dt.timedelta(seconds=self._monotonic() - at)


def date_text(moment: dt.datetime, language: str = "id") -> str:
    """'Senin, 2 Maret 2026' / 'Monday, 2 March 2026'."""
    return format_date(moment.date(), "EEEE, d MMMM y", locale=language)


def time_text(moment: dt.datetime, language: str = "id") -> str:
    """'09.05' in Indonesian, '09:05' in English (24-hour in both)."""
    return clock_text(moment, language)

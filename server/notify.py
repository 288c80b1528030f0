"""Wakes long-polling displays: sync handlers (in worker threads) signal the event loop."""

from __future__ import annotations

import asyncio


class ChangeNotifier:
    """Each change replaces the current asyncio.Event after setting it, so every waiter wakes once.

    `notify` may be called from any thread; the event itself is only touched on the loop.
    """

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._event = asyncio.Event()

    def unbind(self) -> None:
        self._loop = None

    def notify(self, version: int | None = None) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._fire)
            except RuntimeError:  # the loop closed between the check and the call
                pass

    def _fire(self) -> None:
        old, self._event = self._event, asyncio.Event()
        if old is not None:
            old.set()

    @property
    def event(self) -> asyncio.Event:
        if self._event is None:
            self._event = asyncio.Event()
        return self._event

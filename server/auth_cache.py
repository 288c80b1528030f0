"""The device-token cache: displays poll often, so a device's token is read from the database
at most once per `DEVICE_CACHE_SECONDS`. Admin changes to devices clear it (`Admin`), after
their commit, so no stale entry comes back.
"""

from __future__ import annotations

import threading
import time

from server.auth import Principal, hash_token

DEVICE_CACHE_SECONDS = 5.0
MAX_ENTRIES = 10_000  # bounded; only real devices get here


class DeviceCache:
    """token -> (device principal, monotonic expiry); the token is kept only as its hash."""

    def __init__(self, seconds: float = DEVICE_CACHE_SECONDS):
        self.seconds = seconds
        self._entries: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()

    def get(self, token: str) -> Principal | None:
        entry = self._entries.get(hash_token(token))
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[0]

    def remember(self, token: str, principal: Principal) -> None:
        with self._lock:
            if len(self._entries) > MAX_ENTRIES:
                self._entries.clear()
            self._entries[hash_token(token)] = (principal, time.monotonic() + self.seconds)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

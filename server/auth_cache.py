"""The device-token cache: displays poll often, so a device's token is read from the database
at most once per `DEVICE_CACHE_SECONDS`. Admin changes to devices clear it (`Admin`), after
their commit, so no stale entry comes back.

With several server processes (PostgreSQL) a clear must reach them all: `announce` is then the
store's NOTIFY, and each process's listener calls `forget_all` (server.pg_store). Were that
message lost, an entry still ends after `DEVICE_CACHE_SECONDS`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from server.auth import Principal, hash_token

DEVICE_CACHE_SECONDS = 5.0
MAX_ENTRIES = 10_000  # bounded; only real devices get here


class DeviceCache:
    """token -> (device principal, monotonic expiry); the token is kept only as its hash."""

    def __init__(self, seconds: float = DEVICE_CACHE_SECONDS):
        self.seconds = seconds
        self._entries: dict[str, tuple[Principal, float]] = {}
        self._lock = threading.Lock()
        # Tells the other server processes to clear theirs (None: this process is alone).
        self.announce: Callable[[], None] | None = None

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
        self.forget_all()
        if self.announce is not None:
            self.announce()

    def forget_all(self) -> None:
        """Clear this process's entries only (another process announced a change)."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

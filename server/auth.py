"""Passwords, tokens and the brake on guessing.

Device tokens and session tokens are long random strings, so a plain SHA-256 is enough to store
them. Passwords are chosen by people, so they get a salted scrypt hash. Nothing is stored in
plain text.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT)
    encode = base64.b64encode
    return f"scrypt${SCRYPT['n']}${encode(salt).decode()}${encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=SCRYPT["r"],
            p=SCRYPT["p"],
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# A hash to check against when the username does not exist, so both cases take the same time.
DUMMY_HASH = hash_password("not-a-real-password")


@dataclass
class LoginThrottle:
    """Counts failed logins per username and per client address within a sliding window.

    The address limit is higher than the username limit: several staff share one office NAT.
    Kept in memory, per process: for the nuisance limits (bookings, survey answers). Logins and
    pairing codes are counted in the database, one count for every process (server.throttle).
    """

    max_failures: int
    window: dt.timedelta
    address_factor: int = 4
    _failures: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _keys(self, username: str, address: str) -> list[tuple[str, int]]:
        return [
            (f"user:{username.lower()}", self.max_failures),
            (f"addr:{address}", self.max_failures * self.address_factor),
        ]

    def _prune(self, times: deque, now: dt.datetime) -> None:
        while times and now - times[0] >= self.window:
            times.popleft()

    def retry_after(self, username: str, address: str, now: dt.datetime) -> int:
        """Seconds to wait before trying again, 0 when a try is allowed now."""
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(username, address):
                times = self._failures[key]
                self._prune(times, now)
                if len(times) >= limit:
                    wait = max(wait, (times[-limit] + self.window - now).total_seconds())
        return max(1, int(wait + 0.999)) if wait > 0 else 0

    def failed(self, username: str, address: str, now: dt.datetime) -> None:
        with self._lock:
            for key, _ in self._keys(username, address):
                self._failures[key].append(now)

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(f"user:{username.lower()}", None)


@dataclass(frozen=True)
class Principal:
    """Who is asking: a device (kiosk/display) or a logged-in user (operator/admin)."""

    kind: str  # "device" or "user"
    id: int
    name: str
    role: str  # kiosk, display, operator, admin
    counter_ids: frozenset[int] = frozenset()
    site_id: int | None = 1  # the site it belongs to; None: a user of every site

    def of_site(self, site_id: int) -> bool:
        """Whether this device or user belongs to `site_id` (a user of every site always)."""
        return self.site_id is None or self.site_id == site_id

    def may_act_at(self, counter: Any) -> bool:
        """At a counter (its row, with `id` and `site_id`): admins of its site, and the staff
        assigned to it."""
        if not self.of_site(counter["site_id"]):
            return False
        return self.role == "admin" or counter["id"] in self.counter_ids

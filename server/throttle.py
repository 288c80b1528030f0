"""The brake on guessing passwords and pairing codes, counted in the database.

Every server process (`--workers N`) and every server host on one PostgreSQL sees the same
count, so N processes do not give an attacker N times the tries (an in-memory count would).

The rule, in one place: a try is let through only while fewer than `limit` tries of its subject
(the username, the client address) are in the window; the try is counted as it is let through,
in the same write transaction as the check, so tries sent at once to several processes cannot
all slip past the check before any is counted. A try that then succeeds takes its own count
back (and a successful login forgets the username's earlier failures). Rows older than the
window are pruned at every try. Times are stored as UTC ISO text with microseconds, so text
order is time order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from server.store import Store, Tx


@dataclass(frozen=True)
class Attempt:
    """One try: `wait` seconds to wait (0: let through, and counted as `ids`)."""

    wait: int
    ids: tuple[int, ...] = ()
    username: str | None = None


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


class StoreThrottle:
    """Tries per username (`limit`) and per client address (`limit * address_factor`: several
    staff share one office NAT) within `window`; `kind` keeps each throttle's counts apart."""

    def __init__(
        self,
        store: Store,
        kind: str,
        limit: int,
        window: dt.timedelta,
        address_factor: int = 4,
    ):
        self.store = store
        self.kind = kind
        self.limit = limit
        self.window = window
        self.address_factor = address_factor

    def _subjects(self, username: str | None, address: str) -> list[tuple[str, int]]:
        subjects = [(f"addr:{address}", self.limit * self.address_factor)]
        if username is not None:
            subjects.insert(0, (f"user:{username.lower()}", self.limit))
        return subjects

    def _wait(self, tx: Tx, subject: str, limit: int, now: dt.datetime) -> float:
        """Seconds until the oldest of the newest `limit` tries leaves the window (0: under)."""
        oldest = tx._value(
            "SELECT at FROM failed_attempts WHERE kind = ? AND subject = ? AND at > ? "
            "ORDER BY at DESC LIMIT 1 OFFSET ?",
            (self.kind, subject, _stamp(now - self.window), limit - 1),
        )
        if oldest is None:
            return 0.0
        return (dt.datetime.fromisoformat(oldest) + self.window - now).total_seconds()

    def begin(self, username: str | None, address: str, now: dt.datetime) -> Attempt:
        """Check and count one try of `username` (None: the address alone) from `address`."""
        subjects = self._subjects(username, address)
        with self.store.write() as tx:
            tx._execute(
                "DELETE FROM failed_attempts WHERE kind = ? AND at <= ?",
                (self.kind, _stamp(now - self.window)),
            )
            wait = max(self._wait(tx, subject, limit, now) for subject, limit in subjects)
            if wait > 0:
                return Attempt(max(1, int(wait + 0.999)))
            ids = tuple(
                tx._insert(
                    "INSERT INTO failed_attempts (kind, subject, at) VALUES (?, ?, ?)",
                    (self.kind, subject, _stamp(now)),
                )
                for subject, _ in subjects
            )
        return Attempt(0, ids, username)

    def succeeded(self, attempt: Attempt) -> None:
        """The try was right: it is no failure, nor are the username's earlier ones."""
        with self.store.write() as tx:
            for row_id in attempt.ids:
                tx._execute("DELETE FROM failed_attempts WHERE id = ?", (row_id,))
            if attempt.username is not None:
                tx._execute(
                    "DELETE FROM failed_attempts WHERE kind = ? AND subject = ?",
                    (self.kind, f"user:{attempt.username.lower()}"),
                )

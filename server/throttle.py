"""The brake on guessing passwords and pairing codes, counted in the database.

Every server process (`--workers N`) and every server host on one PostgreSQL sees the same
count, so N processes do not give an attacker N times the tries (an in-memory count would).

The rule, in one place: a try is let through only while its subject (the username; for a
pairing code, the client address) has fewer than `limit` tries in the window, and the client
address fewer than `limit * address_factor` failures (several staff share one office NAT).
The subject's try is counted as it is let through, in the same write transaction as the
check, so tries of one username sent at once to several processes cannot all slip past the
check before any is counted; a try that then succeeds takes its count back, with the
username's earlier failures. The address is counted only once a try has failed (`failed`):
a whole office logging in at the same moment must not be taken for a guesser. Rows older
than the window are pruned at every try. Times are stored as UTC ISO text with
microseconds, so text order is time order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from server.store import Store, Tx


@dataclass(frozen=True)
class Attempt:
    """One try: `wait` seconds to wait, or 0: let through, and counted as row `row_id`."""

    wait: int
    row_id: int = 0
    username: str | None = None
    address: str = ""
    at: str = ""  # when it was let through, as stored


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


class StoreThrottle:
    """Tries per username (`limit`) and failures per client address (`limit *
    address_factor`) within `window`; `kind` keeps each throttle's counts apart."""

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

    def _keys(self, username: str | None, address: str) -> tuple[str, list[tuple[str, int]]]:
        """The subject counted at once, and every key checked with its limit."""
        by_address = (f"addr:{address}", self.limit * self.address_factor)
        if username is None:
            return by_address[0], [(by_address[0], self.limit)]
        subject = f"user:{username.lower()}"
        return subject, [(subject, self.limit), by_address]

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
        """Check one try of `username` (None: the address is the subject) from `address`, and
        count it against its subject."""
        subject, keys = self._keys(username, address)
        with self.store.write() as tx:
            tx._execute(
                "DELETE FROM failed_attempts WHERE kind = ? AND at <= ?",
                (self.kind, _stamp(now - self.window)),
            )
            wait = max(self._wait(tx, key, limit, now) for key, limit in keys)
            if wait > 0:
                return Attempt(max(1, int(wait + 0.999)))
            row_id = tx._insert(
                "INSERT INTO failed_attempts (kind, subject, at) VALUES (?, ?, ?)",
                (self.kind, subject, _stamp(now)),
            )
        return Attempt(0, row_id, username, address, _stamp(now))

    def failed(self, attempt: Attempt) -> None:
        """The try was wrong: it stays counted, and counts against the address too."""
        if attempt.username is None:
            return  # the address is the subject: counted already
        with self.store.write() as tx:
            tx._execute(
                "INSERT INTO failed_attempts (kind, subject, at) VALUES (?, ?, ?)",
                (self.kind, f"addr:{attempt.address}", attempt.at),
            )

    def succeeded(self, attempt: Attempt) -> None:
        """The try was right: it is no failure, nor are the username's earlier ones."""
        with self.store.write() as tx:
            tx._execute("DELETE FROM failed_attempts WHERE id = ?", (attempt.row_id,))
            if attempt.username is not None:
                tx._execute(
                    "DELETE FROM failed_attempts WHERE kind = ? AND subject = ?",
                    (self.kind, f"user:{attempt.username.lower()}"),
                )

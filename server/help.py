"""Calls for help to the information desk: from a kiosk ("Minta bantuan") or from a citizen's
tracking page ("Saya di aula dan butuh bantuan").

One open call per kiosk or per ticket: asking again while a call is open answers that call
(the desk already knows; a second row would only make the list longer). New calls from
phones are also throttled, per ticket and per client address, since anyone holding a ticket's
QR code can press the button. The SQL is here (functions over the store's `Tx`), not in
`server.store`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field

from server.auth import Principal
from server.errors import ServerError, not_found
from server.notify import ChangeNotifier
from server.queue import Queue
from server.store import Tx

# New calls from phones, in a sliding window: per ticket (someone with one QR code cannot keep
# the desk's sound ringing by closing and asking again), and per client address as a backstop
# (generous: phones on one wifi, or behind a proxy or a carrier's NAT, share an address).
PHONE_WINDOW = dt.timedelta(minutes=10)
CALLS_PER_TICKET = 3
CALLS_PER_ADDRESS = 20


# A call's site: its kiosk's, or its ticket's (the ticket's service's).
_SELECT = """
    SELECT h.*, d.name AS kiosk_name, t.number AS ticket_number,
           COALESCE(d.site_id, s.site_id) AS site_id
    FROM help_calls h
    LEFT JOIN devices d ON d.id = h.device_id
    LEFT JOIN tickets t ON t.id = h.ticket_id
    LEFT JOIN services s ON s.id = t.service_id
"""


@dataclass
class HelpThrottle:
    """New calls from phones, counted per ticket and per client address (in memory)."""

    per_ticket: int = CALLS_PER_TICKET
    per_address: int = CALLS_PER_ADDRESS
    window: dt.timedelta = PHONE_WINDOW
    _calls: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _keys(self, ticket_id: int, address: str) -> list[tuple[str, int]]:
        return [(f"ticket:{ticket_id}", self.per_ticket), (f"addr:{address}", self.per_address)]

    def retry_after(self, ticket_id: int, address: str, now: dt.datetime) -> int:
        """Seconds to wait before a new call for this ticket from this address; 0: now."""
        wait = 0.0
        with self._lock:
            for key, limit in self._keys(ticket_id, address):
                times = self._calls[key]
                while times and now - times[0] >= self.window:
                    times.popleft()
                if len(times) >= limit:
                    wait = max(wait, (times[-limit] + self.window - now).total_seconds())
        return max(1, int(wait + 0.999)) if wait > 0 else 0

    def opened(self, ticket_id: int, address: str, now: dt.datetime) -> None:
        with self._lock:
            for key, _ in self._keys(ticket_id, address):
                self._calls[key].append(now)


def _view(row) -> dict:
    source = "kiosk" if row["device_id"] is not None else "tracking"
    answer = {
        "id": row["id"],
        "status": row["status"],
        "created_at": row["created_at"],
        "source": source if row["device_id"] is not None or row["ticket_id"] is not None else None,
        "kiosk": row["kiosk_name"],
        "ticket": row["ticket_number"],
        "site_id": row["site_id"],
    }
    if row["done_at"]:
        answer["done_at"] = row["done_at"]
    return answer


# Open calls are today's: a call nobody closed yesterday is not a citizen waiting now (it
# neither stays on the desk's list nor stands in for today's call from the same kiosk).
_TODAYS_OPEN = "h.status = 'open' AND h.created_at >= ?"


def _open_call(tx: Tx, column: str, value: int, today: str):
    return tx._one(
        _SELECT + f" WHERE {_TODAYS_OPEN} AND h.{column} = ? ORDER BY h.id LIMIT 1", (today, value)
    )


def _insert(tx: Tx, column: str, value: int, at: str):
    call_id = tx._insert(
        f"INSERT INTO help_calls (status, created_at, {column}) VALUES ('open', ?, ?)",
        (at, value),
    )
    return tx._one(_SELECT + " WHERE h.id = ?", (call_id,))


class HelpDesk:
    """The help calls' commands and views, over the queue's store and clock."""

    def __init__(self, queue: Queue, throttle: HelpThrottle | None = None):
        self.queue = queue
        self.throttle = throttle or HelpThrottle()
        self._changes = ChangeNotifier()  # wakes the desk pages' long polls
        self._loop: asyncio.AbstractEventLoop | None = None  # the loop it is bound to

    def changes(self) -> asyncio.Event:
        """The event the next change of the open calls sets (call on the event loop)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:  # bound on first use: the server's one loop
            self._changes.bind(loop)
            self._loop = loop
        return self._changes.event

    def from_kiosk(self, device: Principal) -> tuple[dict, bool]:
        """(the kiosk's open call, whether it was opened now)."""
        _, at, today = self.queue.now()
        with self.queue.store.write() as tx:
            row = _open_call(tx, "device_id", device.id, today)
            if row is not None:
                return _view(row), False
            call = _view(_insert(tx, "device_id", device.id, at))
        self._changes.notify()
        return call, True

    def from_phone(self, tracking_code: str, address: str) -> tuple[dict, bool]:
        """(the ticket's open call, whether it was opened now). Only a ticket of today: a
        citizen with yesterday's ticket is not in the hall's line any more."""
        now, at, today = self.queue.now()
        with self.queue.store.write() as tx:
            ticket = tx._one(
                "SELECT id, day FROM tickets WHERE tracking_code = ?", (tracking_code,)
            )
            if ticket is None:
                raise not_found("ticket_not_found")
            if ticket["day"] != today:
                raise ServerError("help_ticket_expired", 409)
            row = _open_call(tx, "ticket_id", ticket["id"], today)
            if row is not None:
                return _view(row), False
            wait = self.throttle.retry_after(ticket["id"], address, now)
            if wait:
                raise ServerError(
                    "help_too_often", 429, headers={"Retry-After": str(wait)}, seconds=wait
                )
            self.throttle.opened(ticket["id"], address, now)
            call = _view(_insert(tx, "ticket_id", ticket["id"], at))
        self._changes.notify()
        return call, True

    def open_calls(self, site: int | None = None) -> list[dict]:
        """Today's open calls of a site (None: of every site), the oldest first (the one
        waiting longest is served first)."""
        _, _, today = self.queue.now()
        with self.queue.store.read() as tx:
            rows = tx._all(_SELECT + f" WHERE {_TODAYS_OPEN} ORDER BY h.created_at, h.id", (today,))
        return [_view(row) for row in rows if site is None or row["site_id"] == site]

    def done(self, call_id: int, by: Principal) -> dict:
        """Close a call; closing a closed call again answers it unchanged."""
        _, at, _ = self.queue.now()
        with self.queue.store.write() as tx:
            row = tx._one(_SELECT + " WHERE h.id = ?", (call_id,))
            if row is None or (row["site_id"] is not None and not by.of_site(row["site_id"])):
                raise not_found("help_not_found")  # another site's call is not theirs to close
            if row["status"] == "open":
                tx.db.execute(
                    "UPDATE help_calls SET status = 'done', done_at = ?, done_by = ? WHERE id = ?",
                    (at, by.name, call_id),
                )
                row = tx._one(_SELECT + " WHERE h.id = ?", (call_id,))
        self._changes.notify()
        return _view(row)

    def ticket_call(self, tracking_code: str) -> dict | None:
        """The open call of a tracking page's ticket, if there is one (for the page's state)."""
        _, _, today = self.queue.now()
        with self.queue.store.read() as tx:
            ticket = tx._one("SELECT id FROM tickets WHERE tracking_code = ?", (tracking_code,))
            row = None if ticket is None else _open_call(tx, "ticket_id", ticket["id"], today)
        return None if row is None else _view(row)

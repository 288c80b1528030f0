"""What the queue shows: the read views (services, a ticket, a counter, the hall's display).

Every view is read inside a transaction it is given or opens (`store.read()`); nothing here
writes. The commands (`server.queue.Queue`) build their answers with these same views, from
the rows they just wrote where they have them, so an answer never needs a second read of what
the command already knows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
import threading

from config.server import ServerSettings
from server import booking_rules, booking_store, rules
from server.auth import Principal
from server.auth_cache import DeviceCache
from server.clock import Clock
from server.errors import ServerError, not_found
from server.store import Store, Tx
from server.texts import reason_text

RECENT_CALLS = 20  # the display state's calls: at least the last 20 of the day …
# … and every call of the last 3 minutes (at most 200), so a display whose poll came back late
# in an opening rush (22 counters calling at once) still sees, and announces, each call it
# would not yet call stale (the display's `stale_after_seconds`, 120 s by default).
CALL_WINDOW = dt.timedelta(minutes=3)
MAX_CALLS_SENT = 200
WAITING_SHOWN = 50  # a counter's view lists this many waiting tickets (the count is exact)
ETA_HISTORY = 20
OPEN_STATUSES = ("called", "serving")

# Runtime settings an admin may change; seeded from the config file on first start.
RUNTIME_SETTINGS = (
    "marquee",
    "priority_streak_limit",
    "no_show_after_calls",
    "cutoff_minutes",
    "holidays",  # stored as sorted "YYYY-MM-DD" texts
)


def holiday_texts(days) -> list[str]:
    """Holidays as stored: "YYYY-MM-DD" texts, each once, in date order."""
    return sorted({day.isoformat() for day in days})


def minutes_between(start: str, end: str) -> float:
    delta = dt.datetime.fromisoformat(end) - dt.datetime.fromisoformat(start)
    return max(0.0, delta.total_seconds() / 60)


_READ = object()  # counter_view: read the open ticket


class QueueViews:
    """The read side of the queue; `Queue` adds the commands."""

    def __init__(self, store: Store, settings: ServerSettings, clock: Clock):
        self.store = store
        self.settings = settings
        self.clock = clock
        # site -> ((version, day), the encoded state without its closing part)
        self._state_cache: dict[int, tuple[tuple[int, str], bytes]] = {}
        self.device_cache = DeviceCache()  # displays poll often (server.auth_cache)
        self._state_lock = threading.Lock()

    # ---- time ----
    def now(self) -> tuple[dt.datetime, str, str]:
        """(now, now as stored text, today's date as stored text)."""
        now = self.clock.now()
        return now, now.isoformat(timespec="milliseconds"), now.date().isoformat()

    def runtime(self, tx: Tx) -> dict:
        values = {
            "marquee": self.settings.display.marquee,
            "priority_streak_limit": self.settings.queue.priority_streak_limit,
            "no_show_after_calls": self.settings.queue.no_show_after_calls,
            "cutoff_minutes": self.settings.queue.cutoff_minutes,
            "holidays": holiday_texts(self.settings.queue.holidays),
        }
        values.update({k: v for k, v in tx.settings().items() if k in RUNTIME_SETTINGS})
        return values

    def site_rules(self, tx: Tx) -> tuple[frozenset[dt.date], int]:
        """(holidays, cutoff minutes) as stored now: the one source the opening rules read."""
        values = self.runtime(tx)
        holidays = frozenset(dt.date.fromisoformat(d) for d in values["holidays"])
        return holidays, int(values["cutoff_minutes"])

    # ---- services ----
    def _availability(
        self,
        tx: Tx,
        service: sqlite3.Row,
        now: dt.datetime,
        day: str,
        site_rules: tuple[frozenset[dt.date], int],
    ):
        holidays, cutoff_minutes = site_rules
        return rules.availability(
            hours=json.loads(service["hours"]) if service["hours"] else None,
            enabled=bool(service["enabled"]),
            daily_quota=service["daily_quota"],
            issued_today=tx.issued_count(service["id"], day) + self.held(tx, service, day, now),
            now=now,
            holidays=holidays,
            cutoff_minutes=cutoff_minutes,
        )

    def held(self, tx: Tx, service: sqlite3.Row, day: str, now: dt.datetime) -> int:
        """Places of the day's quota that bookings still hold: walk-ins cannot take them
        (a no-show's place returns to walk-ins), see `server.booking`."""
        grace = self.settings.booking.checkin_grace_minutes
        before = booking_rules.no_show_before(now, grace)
        return booking_store.held_places(tx, service["id"], day, before)

    def _average_minutes(self, tx: Tx, service_id: int) -> float:
        durations = tx.recent_service_durations(service_id, ETA_HISTORY)
        if not durations:
            return self.settings.queue.default_service_minutes
        return statistics.fmean(minutes_between(start, end) for start, end in durations)

    def staffing(self, tx: Tx) -> dict[int, rules.Staffing]:
        """service id -> its counters open now (and free), by `rules.counter_open_now`."""
        return {sid: rules.staffing(c) for sid, c in tx.counter_states_per_service().items()}

    def _eta(
        self,
        tx: Tx,
        service_id: int,
        staffing: dict[int, rules.Staffing],
        day: str,
        ticket: sqlite3.Row | None = None,
    ) -> int | None:
        """Minutes until `ticket` (or a ticket taken now) is called; None while no counter of
        the service is open. The line ahead is what its open counters would call first,
        tickets of their other services included: a free counter is no promise of "soon"
        while it still has older tickets of another service to call."""
        staff = staffing.get(service_id, rules.Staffing())
        if staff.open == 0:
            return None  # no history read: nobody is there to call it
        ahead = tx.waiting_before_at_counters(staff.counters, day, ticket)
        return rules.eta_minutes(ahead, self._average_minutes(tx, service_id), staff)

    def services(self, language: str, site: int | None) -> list[dict]:
        """The services of `site` (None: of every site) as the kiosk shows them."""
        now, _, day = self.now()
        with self.store.read() as tx:
            waiting = tx.waiting_counts(day)
            staffing = self.staffing(tx)
            site_rules = self.site_rules(tx)
            result = []
            for service in tx.services(site):
                available = self._availability(tx, service, now, day, site_rules)
                issued = tx.issued_count(service["id"], day) + self.held(tx, service, day, now)
                quota = service["daily_quota"]
                ahead = waiting.get(service["id"], 0)
                result.append(
                    {
                        "code": service["code"],
                        "name": service["name"],
                        "agency": service["agency_name"],
                        "agency_short": service["agency_short"] or service["agency_name"],
                        "open": available.open,
                        "reason": available.reason,
                        "reason_text": reason_text(
                            available.reason, now, available.next_open, language
                        )
                        if available.reason
                        else None,
                        "next_open": available.next_open.isoformat()
                        if available.next_open
                        else None,
                        "waiting": ahead,
                        "quota_left": None if quota is None else max(0, quota - issued),
                        "counters_open": staffing.get(service["id"], rules.Staffing()).open,
                        "eta_minutes": self._eta(tx, service["id"], staffing, day),
                    }
                )
        return result

    # ---- tickets ----
    def ticket_view(self, tx: Tx, row: sqlite3.Row, *, private: bool = True) -> dict:
        """A ticket as the contract shows it; `private=False` leaves out what only staff see."""
        ahead = eta = counters_open = None
        if row["status"] == "waiting":
            ahead = tx.waiting_ahead(row)
            staffing = self.staffing(tx)
            counters_open = staffing.get(row["service_id"], rules.Staffing()).open
            eta = self._eta(tx, row["service_id"], staffing, row["day"], row)
        view = {
            "id": row["id"],
            "number": row["number"],
            "service": {
                "code": row["service_code"],
                "name": row["service_name"],
                "agency": row["agency_name"],
            },
            "priority": row["priority"],
            "status": row["status"],
            "issued_at": row["issued_at"],
            "waiting_ahead": ahead,
            "eta_minutes": eta,
            "counters_open": counters_open,
            "counter": {"id": row["counter_id"], "name": row["counter_name"]}
            if row["counter_id"] and row["status"] in OPEN_STATUSES
            else None,
            "tracking_code": row["tracking_code"],
            "tracking_url": f"{self.settings.site.public_url}/t/{row['tracking_code']}",
        }
        if private:
            view.update(
                {
                    "calls": row["calls"],
                    "print_status": row["print_status"],
                    "called_at": row["called_at"],
                    "started_at": row["started_at"],
                    "finished_at": row["finished_at"],
                }
            )
        return view

    def ticket(self, principal: Principal, ticket_id: int) -> dict:
        """A ticket for a kiosk or staff member of its site (another site's is not found)."""
        with self.store.read() as tx:
            row = tx.ticket(ticket_id)
            if row is None or not principal.of_site(row["site_id"]):
                raise not_found("ticket_not_found")
            return self.ticket_view(tx, row)

    def track(self, tracking_code: str) -> dict:
        now, _, _ = self.now()
        with self.store.read() as tx:
            row = tx.ticket_by_tracking_code(tracking_code)
            if row is None:
                raise not_found("ticket_not_found")
            view = self.ticket_view(tx, row, private=False)
            view.pop("id")
            view["server_time"] = now.isoformat()
            return view

    # ---- counters ----
    def _counter(self, tx: Tx, principal: Principal, counter_id: int) -> sqlite3.Row:
        counter = tx.counter(counter_id)
        if counter is None:
            raise not_found("counter_not_found")
        if not principal.may_act_at(counter):
            raise ServerError("not_your_counter", 403)
        return counter

    def counter_view(self, tx: Tx, counter, day: str, *, full: bool = True, current=_READ) -> dict:
        """A counter as the contract shows it. A command that has just written the counter and
        its open ticket passes both as they now are (`counter`, `current`, a row or a dict;
        None = no open ticket), so they are not read again."""
        services = tx.counter_services().get(counter["id"], [])
        if current is _READ:
            current = tx.open_ticket_at(counter["id"])
        view = {
            "id": counter["id"],
            "name": counter["name"],
            "status": counter["status"],
            "services": [{"code": s["code"], "name": s["name"]} for s in services],
            "current": self.ticket_view(tx, current) if current else None,
        }
        if not full:
            view["waiting_count"] = tx.waiting_count_at(counter["id"], day)
            return view
        line, view["waiting_count"] = tx.waiting_line(counter["id"], day, WAITING_SHOWN)
        choice = self._next_choice(tx, counter, day, line, view["waiting_count"])
        view["next_ticket_id"] = choice[0]["id"] if choice else None
        view["waiting"] = [_short_ticket(r) for r in line]
        view["no_shows"] = [_short_ticket(r) for r in tx.no_shows_for_counter(counter["id"], day)]
        return view

    def _next_choice(self, tx: Tx, counter, day: str, line=(), line_length: int = -1):
        """(ticket row, new streak) that call-next would take at this counter now, or None.

        The call order looks only at the head of each class (priority, normal): the first of
        each in the counter's line. When the first part of the line (`line`, of `line_length`
        in all) already holds both heads, or all of the line, they are taken from it; otherwise
        the store hands over just those two rows (a counter may have a thousand waiting)."""
        heads = [
            next((r for r in line if r["priority"]), None),
            next((r for r in line if not r["priority"]), None),
        ]
        if None in heads and len(line) != line_length:
            rows = tx.call_candidates(counter["id"], day)
        else:
            rows = [r for r in heads if r is not None]
        by_id = {r["id"]: r for r in rows}
        candidates = [rules.Candidate(r["id"], r["priority"], r["queued_at"]) for r in rows]
        limit = int(self.runtime(tx)["priority_streak_limit"])
        choice = rules.choose_next(candidates, counter["priority_streak"], limit)
        return None if choice is None else (by_id[choice[0].id], choice[1])

    def counters(self, principal: Principal) -> list[dict]:
        _, _, day = self.now()
        with self.store.read() as tx:
            return [
                self.counter_view(tx, counter, day, full=False)
                for counter in tx.counters(principal.site_id)
                if principal.may_act_at(counter)
            ]

    def counter(self, principal: Principal, counter_id: int) -> dict:
        _, _, day = self.now()
        with self.store.read() as tx:
            return self.counter_view(tx, self._counter(tx, principal, counter_id), day)

    # ---- display ----
    def display_state(self, site: int = 1) -> dict:
        """A site's hall state as a dict (see display_body for the fast path)."""
        return json.loads(self.display_body(site))

    def cached_display_body(self, site: int) -> bytes | None:
        """The site's encoded state if it is still current, without touching the database."""
        now, _, day = self.now()
        cached = self._state_cache.get(site)
        if cached is None or cached[0] != (self.store.version, day):
            return None
        return _with_server_time(cached[1], now)

    def display_body(self, site: int) -> bytes:
        """The site's encoded state, built once per (version, day): 100 displays share one
        build. The version counts every site's changes: a change elsewhere rebuilds it too."""
        now, _, day = self.now()
        with self._state_lock:
            key = (self.store.version, day)
            cached = self._state_cache.get(site)
            if cached is None or cached[0] != key:
                state = self._build_state(now, day, site)
                encoded = json.dumps(state, ensure_ascii=False).encode()
                cached = (key, encoded[:-1])  # without the closing brace: server_time goes there
                self._state_cache[site] = cached
        return _with_server_time(cached[1], now)

    @staticmethod
    def _calls_sent(tx: Tx, now: dt.datetime, day: str, site: int) -> list:
        """The calls the display state carries, oldest first: the day's last `RECENT_CALLS`,
        and all of the last `CALL_WINDOW` (at most `MAX_CALLS_SENT`)."""
        rows = tx.recent_calls(day, MAX_CALLS_SENT, site)
        window_start = (now - CALL_WINDOW).isoformat(timespec="milliseconds")
        first_recent = len(rows) - RECENT_CALLS
        return [row for n, row in enumerate(rows) if n >= first_recent or row["at"] >= window_start]

    def _build_state(self, now: dt.datetime, day: str, site: int) -> dict:
        with self.store.read() as tx:
            version = tx.last_event_id()
            open_tickets = tx.open_tickets(site)
            services_of = tx.counter_services()
            waiting = tx.waiting_counts(day)
            return {
                "version": version,
                "calls": [
                    {
                        "id": row["id"],
                        "kind": "call" if row["kind"] == "called" else "recall",
                        "at": row["at"],
                        "ticket": {
                            "id": row["ticket_id"],
                            "number": row["number"],
                            "priority": row["priority"],
                        },
                        "counter": {"id": row["counter_id"], "name": row["counter_name"]},
                        "service": {"code": row["service_code"], "name": row["service_name"]},
                    }
                    for row in self._calls_sent(tx, now, day, site)
                ],
                "counters": [
                    {
                        "id": counter["id"],
                        "name": counter["name"],
                        "status": counter["status"],
                        "serving": open_tickets[counter["id"]]["number"]
                        if counter["id"] in open_tickets
                        else None,
                        "services": [s["code"] for s in services_of.get(counter["id"], [])],
                    }
                    for counter in tx.counters(site)
                ],
                "waiting": [
                    {
                        "code": service["code"],
                        "name": service["name"],
                        "agency": service["agency_name"],
                        "waiting": waiting.get(service["id"], 0),
                    }
                    for service in tx.services(site)
                ],
                "marquee": self.runtime(tx)["marquee"],
            }


def _with_server_time(prefix: bytes, now: dt.datetime) -> bytes:
    return prefix + b', "server_time": "' + now.isoformat().encode() + b'"}'


def _short_ticket(row: sqlite3.Row) -> dict:
    return {
        "id": row["id"],
        "number": row["number"],
        "service": row["service_code"],
        "priority": row["priority"],
        "issued_at": row["issued_at"],
        "queued_at": row["queued_at"],
    }

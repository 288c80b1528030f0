"""The queue itself: issuing, calling, serving, and the views devices read.

Each action is one store transaction: the rules (server.rules) decide, the store records the
change and an event, and the commit is on disk before the answer goes out.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
import statistics
import threading

from config.server import ServerSettings
from server import rules
from server.auth import Principal
from server.auth_cache import DeviceCache
from server.clock import Clock
from server.errors import ServerError, conflict, not_found
from server.store import Store, Tx
from server.texts import reason_text

RECENT_CALLS = 20
WAITING_SHOWN = 50  # a counter's view lists this many waiting tickets (the count is exact)
ETA_HISTORY = 20
OPEN_STATUSES = ("called", "serving")
COUNTER_KEY_HOURS = 24  # how long a counter action's idempotency key is remembered

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


class Queue:
    def __init__(self, store: Store, settings: ServerSettings, clock: Clock):
        self.store = store
        self.settings = settings
        self.clock = clock
        self._state_cache: tuple[tuple[int, str], bytes] | None = None
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
            issued_today=tx.issued_count(service["id"], day),
            now=now,
            holidays=holidays,
            cutoff_minutes=cutoff_minutes,
        )

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

    def services(self, language: str) -> list[dict]:
        now, _, day = self.now()
        with self.store.read() as tx:
            waiting = tx.waiting_counts(day)
            staffing = self.staffing(tx)
            site_rules = self.site_rules(tx)
            result = []
            for service in tx.services():
                available = self._availability(tx, service, now, day, site_rules)
                issued = tx.issued_count(service["id"], day)
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

    def ticket(self, ticket_id: int) -> dict:
        with self.store.read() as tx:
            row = tx.ticket(ticket_id)
            if row is None:
                raise not_found("ticket_not_found")
            return self.ticket_view(tx, row)

    def issue(
        self, device: Principal, code: str, priority: str | None, key: str | None
    ) -> tuple[dict, bool]:
        """Issue a ticket (or return the one already issued under `key`); (ticket, created)."""
        now, at, day = self.now()
        created = False
        with self.store.write() as tx:
            ticket_id = tx.ticket_id_by_idempotency_key(device.id, key) if key else None
            if ticket_id is None:
                service = tx.service_by_code(code)
                if service is None:
                    raise not_found("service_not_found", code=code)
                available = self._availability(tx, service, now, day, self.site_rules(tx))
                if not available.open:
                    raise conflict(available.reason)
                seq = tx.next_seq(service["id"], day)
                ticket_id = tx.insert_ticket(
                    day=day,
                    number_service_id=service["id"],
                    seq=seq,
                    number=f"{service['code']}-{seq:03d}",
                    service_id=service["id"],
                    priority=priority,
                    status="waiting",
                    issued_at=at,
                    queued_at=at,
                    tracking_code=secrets.token_urlsafe(12),
                    device_id=device.id,
                    idempotency_key=key,
                )
                tx.add_event(
                    "issued",
                    at,
                    day,
                    ticket_id=ticket_id,
                    service_id=service["id"],
                    actor=device.name,
                    data={"priority": priority},
                )
                created = True
            # Built in the same transaction; the answer still goes out only after the commit.
            view = self.ticket_view(tx, tx.ticket(ticket_id))
            # The printed ticket tells the citizen where they will be served.
            view["service"]["counters"] = tx.counter_names_of_service(view["service"]["code"])
            return view, created

    def printed(self, device: Principal, ticket_id: int, ok: bool, reason: str | None) -> dict:
        _, at, day = self.now()
        with self.store.write() as tx:
            row = tx.ticket(ticket_id)
            if row is None:
                raise not_found("ticket_not_found")
            if row["device_id"] != device.id:  # only the kiosk that issued it printed it
                raise ServerError("not_your_ticket", 403)
            status = "printed" if ok else (reason or "failed")
            tx.update_ticket(ticket_id, print_status=status)
            tx.add_event(
                "printed" if ok else "print_failed",
                at,
                day,
                ticket_id=ticket_id,
                service_id=row["service_id"],
                actor=device.name,
                data=None if ok else {"reason": reason},
            )
            return self.ticket_view(tx, tx.ticket(ticket_id))

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

    def cancel(self, principal: Principal, ticket_id: int) -> dict:
        _, at, day = self.now()
        with self.store.write() as tx:
            row = tx.ticket(ticket_id)
            if row is None:
                raise not_found("ticket_not_found")
            self._check_staff_for_service(tx, principal, row["service_id"])
            if row["status"] not in ("waiting", *OPEN_STATUSES):
                raise conflict("ticket_finished", number=row["number"])
            tx.update_ticket(ticket_id, status="cancelled", finished_at=at)
            tx.add_event(
                "cancelled",
                at,
                day,
                ticket_id=ticket_id,
                counter_id=row["counter_id"],
                service_id=row["service_id"],
                actor=principal.name,
            )
            return self.ticket_view(tx, tx.ticket(ticket_id))

    def _check_staff_for_service(self, tx: Tx, principal: Principal, service_id: int) -> None:
        if principal.role == "admin":
            return
        if not any(tx.counter_has_service(cid, service_id) for cid in principal.counter_ids):
            raise ServerError("not_your_counter", 403)

    # ---- counters ----
    def _counter(self, tx: Tx, principal: Principal, counter_id: int) -> sqlite3.Row:
        counter = tx.counter(counter_id)
        if counter is None:
            raise not_found("counter_not_found")
        if not principal.may_act_at(counter_id):
            raise ServerError("not_your_counter", 403)
        return counter

    def _open_ticket(self, tx: Tx, counter_id: int) -> sqlite3.Row:
        row = tx.open_ticket_at(counter_id)
        if row is None:
            raise conflict("no_open_ticket")
        return row

    def _ready_to_call(self, tx: Tx, counter: sqlite3.Row) -> None:
        current = tx.open_ticket_at(counter["id"])
        if current is not None:
            raise conflict("ticket_open", number=current["number"])
        if counter["status"] == "paused":
            raise conflict("counter_paused")

    @staticmethod
    def _ticket_event(
        tx: Tx, kind: str, ticket: sqlite3.Row, counter_id: int, actor: str, at: str, day: str
    ) -> None:
        """Log what a counter did with its ticket (the reports are built from these)."""
        tx.add_event(
            kind,
            at,
            day,
            ticket_id=ticket["id"],
            counter_id=counter_id,
            service_id=ticket["service_id"],
            actor=actor,
        )

    def _record_call(self, tx: Tx, ticket: sqlite3.Row, counter_id: int, actor: str, kind: str):
        _, at, day = self.now()
        tx.update_ticket(
            ticket["id"],
            status="called" if kind == "called" else ticket["status"],
            counter_id=counter_id,
            calls=ticket["calls"] + 1,
            first_called_at=ticket["first_called_at"] or at,
            called_at=at,
        )
        self._ticket_event(tx, kind, ticket, counter_id, actor, at, day)

    def call_next(self, principal: Principal, counter_id: int) -> dict:
        _, _, day = self.now()
        with self.store.write() as tx:
            counter = self._counter(tx, principal, counter_id)
            self._ready_to_call(tx, counter)
            choice = self._next_choice(tx, counter, day)
            if choice is None:
                raise not_found("queue_empty")
            picked, streak = choice
            tx.update_counter(counter_id, priority_streak=streak, status="open")
            self._record_call(tx, tx.ticket(picked.id), counter_id, principal.name, "called")
            return self.counter_view(tx, tx.counter(counter_id), day)

    def call(self, principal: Principal, counter_id: int, ticket_id: int) -> dict:
        _, _, day = self.now()
        with self.store.write() as tx:
            counter = self._counter(tx, principal, counter_id)
            ticket = tx.ticket(ticket_id)
            if ticket is None:
                raise not_found("ticket_not_found")
            if ticket["day"] != day:
                raise conflict("ticket_not_today", number=ticket["number"])
            if ticket["status"] != "waiting":
                raise conflict("ticket_not_waiting", number=ticket["number"])
            if not tx.counter_has_service(counter_id, ticket["service_id"]):
                raise conflict("ticket_not_for_counter", number=ticket["number"])
            self._ready_to_call(tx, counter)
            tx.update_counter(counter_id, status="open")
            self._record_call(tx, ticket, counter_id, principal.name, "called")
            return self.counter_view(tx, tx.counter(counter_id), day)

    def recall(self, principal: Principal, counter_id: int) -> dict:
        _, _, day = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            self._record_call(tx, ticket, counter_id, principal.name, "recalled")
            return self.counter_view(tx, tx.counter(counter_id), day)

    def start(self, principal: Principal, counter_id: int) -> dict:
        _, at, day = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            if ticket["status"] == "called":  # starting twice is harmless: a retried click
                tx.update_ticket(ticket["id"], status="serving", started_at=at)
                self._ticket_event(tx, "started", ticket, counter_id, principal.name, at, day)
            return self.counter_view(tx, tx.counter(counter_id), day)

    def finish(self, principal: Principal, counter_id: int) -> dict:
        _, at, day = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            tx.update_ticket(
                ticket["id"], status="done", started_at=ticket["started_at"] or at, finished_at=at
            )
            self._ticket_event(tx, "finished", ticket, counter_id, principal.name, at, day)
            return self.counter_view(tx, tx.counter(counter_id), day)

    def no_show(self, principal: Principal, counter_id: int) -> dict:
        _, at, day = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            if ticket["status"] == "serving":
                raise conflict("ticket_serving", number=ticket["number"])
            needed = int(self.runtime(tx)["no_show_after_calls"])
            if ticket["calls"] < needed:
                raise conflict("no_show_too_early", calls=ticket["calls"], needed=needed)
            tx.update_ticket(ticket["id"], status="no_show", finished_at=at)
            self._ticket_event(tx, "no_show", ticket, counter_id, principal.name, at, day)
            return self.counter_view(tx, tx.counter(counter_id), day)

    def reactivate(self, principal: Principal, counter_id: int, ticket_id: int) -> dict:
        """Put a no-show of today back in line, at the end (it missed its turn)."""
        _, at, day = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            ticket = tx.ticket(ticket_id)
            if ticket is None:
                raise not_found("ticket_not_found")
            if ticket["status"] != "no_show":
                raise conflict("ticket_not_no_show", number=ticket["number"])
            if ticket["day"] != day:
                raise conflict("ticket_not_today", number=ticket["number"])
            if not tx.counter_has_service(counter_id, ticket["service_id"]):
                raise conflict("ticket_not_for_counter", number=ticket["number"])
            tx.update_ticket(
                ticket_id,
                status="waiting",
                queued_at=at,
                counter_id=None,
                calls=0,
                called_at=None,
                finished_at=None,
            )
            tx.add_event(
                "reactivated",
                at,
                day,
                ticket_id=ticket_id,
                counter_id=counter_id,
                service_id=ticket["service_id"],
                actor=principal.name,
            )
            return self.ticket_view(tx, tx.ticket(ticket_id))

    def transfer(self, principal: Principal, counter_id: int, code: str) -> dict:
        """The open ticket keeps its number and its place by issue time, in another service."""
        _, at, day = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            target = tx.service_by_code(code)
            if target is None:
                raise not_found("service_not_found", code=code)
            if target["id"] == ticket["service_id"]:
                raise conflict("same_service", code=code)
            tx.update_ticket(
                ticket["id"],
                status="waiting",
                service_id=target["id"],
                counter_id=None,
                calls=0,
                called_at=None,
                started_at=None,
            )
            tx.add_event(
                "transferred",
                at,
                day,
                ticket_id=ticket["id"],
                counter_id=counter_id,
                service_id=target["id"],
                actor=principal.name,
                data={"from": ticket["service_code"], "to": target["code"]},
            )
            return {
                "counter": self.counter_view(tx, tx.counter(counter_id), day),
                "ticket": self.ticket_view(tx, tx.ticket(ticket["id"])),
            }

    def set_counter_status(self, principal: Principal, counter_id: int, status: str) -> dict:
        _, at, day = self.now()
        kind = {"paused": "paused", "open": "resumed", "closed": "closed"}[status]
        with self.store.write() as tx:
            counter = self._counter(tx, principal, counter_id)
            if status == "closed" and (current := tx.open_ticket_at(counter_id)) is not None:
                raise conflict("ticket_open", number=current["number"])
            if counter["status"] != status:
                tx.update_counter(counter_id, status=status)
                tx.add_event(kind, at, day, counter_id=counter_id, actor=principal.name)
            return self.counter_view(tx, tx.counter(counter_id), day)

    def counter_view(self, tx: Tx, counter: sqlite3.Row, day: str, *, full: bool = True) -> dict:
        services = tx.counter_services().get(counter["id"], [])
        current = tx.open_ticket_at(counter["id"])
        view = {
            "id": counter["id"],
            "name": counter["name"],
            "status": counter["status"],
            "services": [{"code": s["code"], "name": s["name"]} for s in services],
            "current": self.ticket_view(tx, current) if current else None,
        }
        view["waiting_count"] = tx.waiting_count_at(counter["id"], day)
        if full:
            choice = self._next_choice(tx, counter, day)
            view["next_ticket_id"] = choice[0].id if choice else None
            view["waiting"] = [
                _short_ticket(r) for r in tx.waiting_for_counter(counter["id"], day, WAITING_SHOWN)
            ]
            view["no_shows"] = [
                _short_ticket(r) for r in tx.no_shows_for_counter(counter["id"], day)
            ]
        return view

    def _next_choice(self, tx: Tx, counter: sqlite3.Row, day: str):
        """(ticket, new streak) that call-next would take at this counter now, or None.

        The store hands over only the head of each class (priority, normal): the call order
        never looks further, and a counter may have a thousand tickets waiting."""
        rows = tx.call_candidates(counter["id"], day)
        candidates = [rules.Candidate(r["id"], r["priority"], r["queued_at"]) for r in rows]
        limit = int(self.runtime(tx)["priority_streak_limit"])
        return rules.choose_next(candidates, counter["priority_streak"], limit)

    def counters(self, principal: Principal) -> list[dict]:
        _, _, day = self.now()
        with self.store.read() as tx:
            return [
                self.counter_view(tx, counter, day, full=False)
                for counter in tx.counters()
                if principal.may_act_at(counter["id"])
            ]

    def counter(self, principal: Principal, counter_id: int) -> dict:
        _, _, day = self.now()
        with self.store.read() as tx:
            return self.counter_view(tx, self._counter(tx, principal, counter_id), day)

    # ---- idempotency keys of counter actions ----
    def once(
        self, principal: Principal, counter_id: int, key: str | None, action: str, perform
    ) -> tuple[object, bool]:
        """`perform()` (a counter action answering JSON-able data) at most once per (counter,
        key): a repeat answers what the first answered without acting again; (answer, replayed).

        The check, the action and the stored answer are one transaction, so two requests with
        one key never both act. A refusal (ServerError) stores nothing: a retry is judged anew.
        The same key for another action is refused. Keys are kept `COUNTER_KEY_HOURS`."""
        if key is None:
            return perform(), False
        now, at, _ = self.now()
        with self.store.write() as tx:
            self._counter(tx, principal, counter_id)
            old = now - dt.timedelta(hours=COUNTER_KEY_HOURS)
            tx.forget_counter_requests(before=old.isoformat(timespec="milliseconds"))
            stored = tx.counter_request(counter_id, key)
            if stored is not None:
                if stored["action"] != action:
                    raise conflict("idempotency_key_reused", action=stored["action"])
                return json.loads(stored["answer"]), True
            answer = perform()  # its own write joins this transaction
            tx.save_counter_request(counter_id, key, action, at, json.dumps(answer))
            return answer, False

    # ---- display ----
    def display_state(self) -> dict:
        """The hall's state as a dict (see display_body for the fast path)."""
        return json.loads(self.display_body())

    def cached_display_body(self) -> bytes | None:
        """The encoded state if it is still current, without touching the database."""
        now, _, day = self.now()
        cached = self._state_cache
        if cached is None or cached[0] != (self.store.version, day):
            return None
        return _with_server_time(cached[1], now)

    def display_body(self) -> bytes:
        """The encoded state, built once per (version, day): 100 displays share one build."""
        now, _, day = self.now()
        with self._state_lock:
            key = (self.store.version, day)
            cached = self._state_cache
            if cached is None or cached[0] != key:
                encoded = json.dumps(self._build_state(day), ensure_ascii=False).encode()
                cached = (key, encoded[:-1])  # without the closing brace: server_time goes there
                self._state_cache = cached
        return _with_server_time(cached[1], now)

    def _build_state(self, day: str) -> dict:
        with self.store.read() as tx:
            version = tx.last_event_id()
            open_tickets = tx.open_tickets()
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
                    for row in tx.recent_calls(day, RECENT_CALLS)
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
                    for counter in tx.counters()
                ],
                "waiting": [
                    {
                        "code": service["code"],
                        "name": service["name"],
                        "agency": service["agency_name"],
                        "waiting": waiting.get(service["id"], 0),
                    }
                    for service in tx.services()
                ],
                "marquee": self.runtime(tx)["marquee"],
            }

    # ---- devices ----
    def heartbeat(self, device: Principal, status: dict) -> dict:
        now, at, _ = self.now()
        with self.store.write() as tx:
            tx.update_device(
                device.id, last_seen=at, last_status=json.dumps(status, ensure_ascii=False)
            )
        return {"ok": True, "server_time": now.isoformat()}


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

"""The queue's commands: issuing, calling, serving, transferring, and the device heartbeat.

Each command is one store transaction: the rules (server.rules) decide, the store records the
change and an event, and the answer is built from what the command read and wrote (the views
of `server.views`), all before the commit, which is on disk before the answer goes out.
Issuing, the busiest command, reads its answer in a snapshot just after its commit instead, so
its write is only the rule checks and the writes (see `Queue.issue`).
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3

from server import rules
from server.auth import Principal
from server.errors import ServerError, conflict, not_found
from server.store import Tx, found

# Names the other rooms import from here (admin, reports); their home is server.views.
from server.views import (  # noqa: F401
    OPEN_STATUSES,
    RUNTIME_SETTINGS,
    QueueViews,
    holiday_texts,
    minutes_between,
)

COUNTER_KEY_HOURS = 24  # how long a counter action's idempotency key is remembered


class Queue(QueueViews):
    """The queue: the commands here, the read views inherited from `QueueViews`."""

    # ---- tickets ----
    def issue(
        self, device: Principal, code: str, priority: str | None, key: str | None
    ) -> tuple[dict, bool]:
        """Issue a ticket (or return the one already issued under `key`); (ticket, created).

        The write holds only what the rules read and what it writes; the answer (line ahead,
        ETA, counters) is read just after the commit, outside the write lock, which on
        PostgreSQL every process's writes share (docs/decisions.md, "Narrower write lock")."""
        now, at, day = self.now()
        created = False
        with self.store.write() as tx:
            ticket_id = tx.ticket_id_by_idempotency_key(device.id, key) if key else None
            if ticket_id is None:
                service = tx.service_by_code(code, device.site_id or 1)  # the kiosk's own site
                if service is None:
                    raise not_found("service_not_found", code=code)
                available = self._availability(tx, service, now, day, self.site_rules(tx))
                if not available.open:
                    raise conflict(available.reason)
                ticket_id = self.new_ticket(tx, service, priority, at, day, device, key)
                created = True
        with self.store.read() as tx:  # one snapshot, the new ticket in it
            row = found(tx.ticket(ticket_id), f"ticket {ticket_id}")
            view = self.ticket_view(tx, row)
            # The printed ticket tells the citizen where they will be served.
            view["service"]["counters"] = tx.counter_names_of_service(row["service_id"])
        return view, created

    def new_ticket(
        self,
        tx: Tx,
        service: sqlite3.Row,
        priority: str | None,
        at: str,
        day: str,
        issuer: Principal,
        key: str | None,
        slot_start: str | None = None,
        data: dict | None = None,
    ) -> int:
        """Number and record a new waiting ticket (and its "issued" event); its id. Its place
        in line is `rules.queue_time`: now, or its booking's slot start."""
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
            queued_at=rules.queue_time(at, slot_start),
            tracking_code=secrets.token_urlsafe(12),
            device_id=issuer.id if issuer.kind == "device" else None,
            idempotency_key=key,
        )
        tx.add_event(
            "issued",
            at,
            day,
            ticket_id=ticket_id,
            service_id=service["id"],
            actor=issuer.name,
            data={"priority": priority, **(data or {})},
        )
        return ticket_id

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
            return self.ticket_view(tx, found(tx.ticket(ticket_id), f"ticket {ticket_id}"))

    def abandon(self, device: Principal, key: str) -> dict:
        """The kiosk's citizen left without learning the number issued under `key` (the
        server took the request but its answer never reached the kiosk). A ticket nobody
        holds yet (waiting, never called, no print report) is cancelled, so no counter calls
        a ghost; one that has moved on is kept. Keys are per device: another kiosk's key finds
        nothing. Repeating it changes nothing (a cancelled ticket answers "cancelled")."""
        _, at, day = self.now()
        with self.store.write() as tx:
            ticket_id = tx.ticket_id_by_idempotency_key(device.id, key)
            if ticket_id is None:
                return {"outcome": "none"}
            row = found(tx.ticket(ticket_id), f"ticket {ticket_id}")
            if row["status"] == "cancelled":
                return {"outcome": "cancelled", "number": row["number"]}
            unheld = row["status"] == "waiting" and not row["calls"] and not row["print_status"]
            if not unheld:
                return {"outcome": "kept", "number": row["number"]}
            tx.update_ticket(ticket_id, status="cancelled", finished_at=at)
            tx.add_event(
                "cancelled",
                at,
                day,
                ticket_id=ticket_id,
                service_id=row["service_id"],
                actor=device.name,
                data={"reason": "abandoned"},
            )
            return {"outcome": "cancelled", "number": row["number"]}

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
            return self.ticket_view(tx, found(tx.ticket(ticket_id), f"ticket {ticket_id}"))

    def _check_staff_for_service(self, tx: Tx, principal: Principal, service_id: int) -> None:
        """Staff may act on a ticket of this service: admins of its site, and operators at
        one of its counters."""
        if principal.role == "admin":
            row = tx.service(service_id)
            if row is not None and principal.of_site(row["site_id"]):
                return
            raise ServerError("not_your_counter", 403)
        if not any(tx.counter_has_service(cid, service_id) for cid in principal.counter_ids):
            raise ServerError("not_your_counter", 403)

    # ---- counters ----
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

    def _record_call(
        self, tx: Tx, ticket, counter: sqlite3.Row | dict, actor: str, kind: str
    ) -> dict:
        """Record a call or recall; the ticket as it now is (for the answer)."""
        _, at, day = self.now()
        changes = {
            "status": "called" if kind == "called" else ticket["status"],
            "counter_id": counter["id"],
            "calls": ticket["calls"] + 1,
            "first_called_at": ticket["first_called_at"] or at,
            "called_at": at,
        }
        tx.update_ticket(ticket["id"], **changes)
        self._ticket_event(tx, kind, ticket, counter["id"], actor, at, day)
        return {**dict(ticket), **changes, "counter_name": counter["name"]}

    def call_next(self, principal: Principal, counter_id: int) -> dict:
        _, _, day = self.now()
        with self.store.write() as tx:
            counter = self._counter(tx, principal, counter_id)
            self._ready_to_call(tx, counter)
            choice = self._next_choice(tx, counter, day)
            if choice is None:
                raise not_found("queue_empty")
            picked, streak = choice
            changes = {"priority_streak": streak, "status": "open"}
            tx.update_counter(counter_id, **changes)
            opened = {**dict(counter), **changes}  # the counter as it now is
            called = self._record_call(tx, picked, opened, principal.name, "called")
            return self.counter_view(tx, opened, day, current=called)

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
            opened = {**dict(counter), "status": "open"}  # the counter as it now is
            called = self._record_call(tx, ticket, opened, principal.name, "called")
            return self.counter_view(tx, opened, day, current=called)

    def _with_open_ticket(self, principal: Principal, counter_id: int, act) -> dict:
        """One command on the counter's open ticket: `act(tx, counter, ticket, at, day)` records
        it and hands back the ticket as it now is (None once it is finished); the answer is the
        counter view built from that."""
        _, at, day = self.now()
        with self.store.write() as tx:
            counter = self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            current = act(tx, counter, ticket, at, day)
            return self.counter_view(tx, counter, day, current=current)

    def recall(self, principal: Principal, counter_id: int) -> dict:
        def act(tx, counter, ticket, at, day):
            return self._record_call(tx, ticket, counter, principal.name, "recalled")

        return self._with_open_ticket(principal, counter_id, act)

    def start(self, principal: Principal, counter_id: int) -> dict:
        def act(tx, counter, ticket, at, day):
            if ticket["status"] != "called":  # starting twice is harmless: a retried click
                return ticket
            changes = {"status": "serving", "started_at": at}
            tx.update_ticket(ticket["id"], **changes)
            self._ticket_event(tx, "started", ticket, counter_id, principal.name, at, day)
            return {**dict(ticket), **changes}

        return self._with_open_ticket(principal, counter_id, act)

    def finish(self, principal: Principal, counter_id: int) -> dict:
        def act(tx, counter, ticket, at, day):
            started = ticket["started_at"] or at
            tx.update_ticket(ticket["id"], status="done", started_at=started, finished_at=at)
            self._ticket_event(tx, "finished", ticket, counter_id, principal.name, at, day)

        return self._with_open_ticket(principal, counter_id, act)

    def no_show(self, principal: Principal, counter_id: int) -> dict:
        def act(tx, counter, ticket, at, day):
            if ticket["status"] == "serving":
                raise conflict("ticket_serving", number=ticket["number"])
            needed = int(self.runtime(tx)["no_show_after_calls"])
            if ticket["calls"] < needed:
                raise conflict("no_show_too_early", calls=ticket["calls"], needed=needed)
            tx.update_ticket(ticket["id"], status="no_show", finished_at=at)
            self._ticket_event(tx, "no_show", ticket, counter_id, principal.name, at, day)

        return self._with_open_ticket(principal, counter_id, act)

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
            return self.ticket_view(tx, found(tx.ticket(ticket_id), f"ticket {ticket_id}"))

    def transfer(self, principal: Principal, counter_id: int, code: str) -> dict:
        """The open ticket keeps its number and its place by issue time, in another service."""
        _, at, day = self.now()
        with self.store.write() as tx:
            counter = self._counter(tx, principal, counter_id)
            ticket = self._open_ticket(tx, counter_id)
            target = tx.service_by_code(code, counter["site_id"])  # within the counter's site
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
                "ticket": self.ticket_view(
                    tx, found(tx.ticket(ticket["id"]), f"ticket {ticket['number']}")
                ),
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

    # ---- devices ----
    def heartbeat(self, device: Principal, status: dict) -> dict:
        now, at, _ = self.now()
        with self.store.write() as tx:
            tx.update_device(
                device.id, last_seen=at, last_status=json.dumps(status, ensure_ascii=False)
            )
        return {"ok": True, "server_time": now.isoformat()}

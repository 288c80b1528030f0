"""Online booking (reservasi): slots, booking, cancelling, check-in, no-shows, the day's list.

The rules are in `server.booking_rules` (and `server.rules.queue_time` for the place in line),
the SQL in `server.booking_store`. Every command that must hold under concurrency (a slot's
capacity, the day's share for walk-ins, one booking per NIK, a code used once) checks and
writes in ONE `store.write()` transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import sqlite3

from config.i18n import clock_text
from config.server import ServerSettings
from server import booking_rules as br
from server import booking_store as bs
from server.auth import LoginThrottle, Principal
from server.errors import ServerError, conflict, not_found
from server.queue import Queue
from server.store import Store, Tx, found

SECRET_KEY = "booking_secret"  # the NIK hash's key, made once per database (settings table)
THROTTLE_WINDOW = dt.timedelta(hours=1)


def bootstrap(store: Store, settings: ServerSettings) -> None:
    """Slot settings of the services server.toml gives them to (only where the database has
    none yet: the admin page's edits stay), and the NIK hash's secret, made once."""
    with store.write() as tx:
        for entry in settings.services:
            if entry.booking_slot_minutes is None or entry.booking_slot_capacity is None:
                continue
            site = found(tx.site_by_code(settings.site_of(entry)), f"site of {entry.code}")
            service = tx.service_by_code(entry.code, site["id"])
            if service is not None:
                bs.seed_slot_setting(
                    tx, service["id"], entry.booking_slot_minutes, entry.booking_slot_capacity
                )
        tx.set_setting(SECRET_KEY, secrets.token_hex(32), only_if_absent=True)


def _hhmm(moment: dt.datetime) -> str:
    return moment.strftime("%H:%M")


def _stored(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


class Bookings:
    """The booking commands and views, over the queue's store, clock and settings."""

    def __init__(self, queue: Queue):
        self.queue = queue
        self.store = queue.store
        self.settings = queue.settings.booking
        self.rules = br.BookingRules(
            days_ahead=self.settings.days_ahead,
            walk_in_share=self.settings.walk_in_share,
            checkin_before_minutes=self.settings.checkin_before_minutes,
            checkin_grace_minutes=self.settings.checkin_grace_minutes,
            book_until_minutes=self.settings.book_until_minutes,
        )
        # The login throttle, per client address: bookings and look-ups of unknown codes.
        self.throttle = LoginThrottle(
            self.settings.max_per_client_per_hour, THROTTLE_WINDOW, address_factor=1
        )

    # ---- helpers ----
    @property
    def zone(self) -> dt.tzinfo:
        return self.queue.clock.zone

    def _throttle(self, client: str, now: dt.datetime) -> None:
        wait = self.throttle.retry_after(client, client, now)
        if wait:
            raise ServerError(
                "too_many_bookings", 429, headers={"Retry-After": str(wait)}, seconds=wait
            )

    def _count(self, client: str, now: dt.datetime) -> None:
        self.throttle.failed(client, client, now)

    def _sweep(self, tx: Tx, now: dt.datetime) -> None:
        """Bookings whose grace is over are no-shows (written lazily, by every booking write)."""
        bs.mark_no_shows(tx, br.no_show_before(now, self.rules.checkin_grace_minutes))

    def _service(self, tx: Tx, code: str, site: int) -> tuple[sqlite3.Row, sqlite3.Row]:
        """A site's service that takes bookings, and its slot setting."""
        service = tx.service_by_code(code, site)
        if service is None:
            raise not_found("service_not_found", code=code)
        setting = bs.slot_settings(tx).get(service["id"])
        if setting is None or not service["enabled"]:
            raise conflict("service_not_bookable", code=code)
        return service, setting

    def _slots(self, tx: Tx, service: sqlite3.Row, setting: sqlite3.Row, day: dt.date):
        hours = json.loads(service["hours"]) if service["hours"] else None
        return br.day_slots(hours, day, self.zone, setting["slot_minutes"])

    def _day_refusal(self, tx: Tx, day: dt.date, now: dt.datetime, slots) -> str | None:
        holidays, _ = self.queue.site_rules(tx)
        return br.day_refusal(day, now.date(), self.rules, holidays, bool(slots))

    def _refuse_day(self, refusal: str) -> ServerError:
        if refusal == "date_outside_window":
            return ServerError(refusal, 422, days=self.rules.days_ahead)
        return conflict(refusal)

    def _day_left(self, tx: Tx, service: sqlite3.Row, day: str, taken: dict[str, int], now):
        issued = tx.issued_count(service["id"], day)
        held = self.queue.held(tx, service, day, now)
        return br.day_left_for_booking(
            service["daily_quota"], self.rules.walk_in_share, sum(taken.values()), issued, held
        )

    def _slot_rows(self, tx: Tx, service, setting, day: dt.date, now: dt.datetime) -> list[dict]:
        slots = self._slots(tx, service, setting, day)
        if self._day_refusal(tx, day, now, slots):
            return []
        taken = bs.taken_per_slot(tx, service["id"], day.isoformat())
        day_left = self._day_left(tx, service, day.isoformat(), taken, now)
        rows = []
        for slot in slots:
            left = br.slot_left(setting["capacity"], taken.get(_stored(slot.start), 0), day_left)
            if br.slot_refusal(slot, now, self.rules):
                left = 0  # booking for it has ended: shown, not bookable
            rows.append(
                {
                    "start": _hhmm(slot.start),
                    "end": _hhmm(slot.end),
                    "capacity": setting["capacity"],
                    "left": left,
                }
            )
        return rows

    # ---- views ----
    def bookable_services(self, site: int = 1) -> list[dict]:
        """A site's services that take bookings, in the hall's order, with their agency."""
        with self.store.read() as tx:
            settings = bs.slot_settings(tx)
            return [
                {
                    "code": s["code"],
                    "name": s["name"],
                    "agency": s["agency_name"],
                    "agency_short": s["agency_short"] or s["agency_name"],
                    "slot_minutes": settings[s["id"]]["slot_minutes"],
                    "capacity": settings[s["id"]]["capacity"],
                }
                for s in tx.services(site)
                if s["id"] in settings and s["enabled"]
            ]

    def slots(self, code: str, day: dt.date, site: int = 1) -> list[dict]:
        """`GET /booking/slots`: a day's slots with places left (an empty list on a day
        without slots; a date outside the window is refused)."""
        now = self.queue.clock.now()
        with self.store.read() as tx:
            service, setting = self._service(tx, code, site)
            slots = self._slots(tx, service, setting, day)
            refusal = self._day_refusal(tx, day, now, slots)
            if refusal == "date_outside_window":
                raise self._refuse_day(refusal)
            return self._slot_rows(tx, service, setting, day, now)

    def days(self, code: str, site: int = 1) -> list[dict]:
        """The booking window's days for a service: each with why it is closed, or the places
        left over all its slots (for the booking page)."""
        now = self.queue.clock.now()
        with self.store.read() as tx:
            service, setting = self._service(tx, code, site)
            result = []
            for offset in range(self.rules.days_ahead + 1):
                day = now.date() + dt.timedelta(days=offset)
                slots = self._slots(tx, service, setting, day)
                refusal = self._day_refusal(tx, day, now, slots)
                rows = [] if refusal else self._slot_rows(tx, service, setting, day, now)
                result.append(
                    {"date": day, "closed": refusal, "left": sum(r["left"] for r in rows)}
                )
            return result

    def view(self, row: sqlite3.Row, now: dt.datetime) -> dict:
        start = dt.datetime.fromisoformat(row["starts_at"])
        opens, closes = br.checkin_window(start, self.rules)
        tracking = row["tracking_code"]
        return {
            "code": row["code"],
            "service": row["service_code"],
            "date": row["day"],
            "start": _hhmm(start),
            "end": _hhmm(dt.datetime.fromisoformat(row["ends_at"])),
            "status": br.effective_status(row["status"], start, now, self.rules),
            "service_name": row["service_name"],
            "agency": row["agency_name"],
            "checkin_from": _hhmm(opens),
            "checkin_until": _hhmm(closes),
            "ticket_number": row["ticket_number"],
            "tracking_url": f"{self.queue.settings.site.public_url}/t/{tracking}"
            if tracking
            else None,
        }

    def get(self, code: str, client: str) -> dict:
        now = self.queue.clock.now()
        self._throttle(client, now)
        with self.store.read() as tx:
            row = self._booking(tx, code, client, now)
            return self.view(row, now)

    def _booking(self, tx: Tx, code: str, client: str | None, now: dt.datetime) -> sqlite3.Row:
        normal = br.normalize_code(code)
        row = bs.booking_by_code(tx, normal) if normal else None
        if row is None:
            if client is not None:
                self._count(client, now)  # guessing codes costs the guesser
            raise not_found("booking_not_found")
        return row

    # ---- commands ----
    def _nik_hash(self, tx: Tx, nik: str) -> str:
        secret = str(tx.settings()[SECRET_KEY]).encode()
        return hmac.new(secret, nik.encode(), hashlib.sha256).hexdigest()

    def book(
        self,
        code: str,
        day: dt.date,
        start: str,
        client: str,
        nik: str | None = None,
        site: int = 1,
    ) -> dict:
        """`POST /bookings`: one place in one slot, or a refusal that names why."""
        now, at, _ = self.queue.now()
        self._throttle(client, now)
        if self.settings.ask_nik:
            if not nik:
                raise ServerError("nik_required", 422)
            if len(nik) != 16 or not nik.isdigit():
                raise ServerError("nik_invalid", 422)
        self._count(client, now)
        with self.store.write() as tx:
            service, setting = self._service(tx, code, site)
            slots = self._slots(tx, service, setting, day)
            refusal = self._day_refusal(tx, day, now, slots)
            if refusal:
                raise self._refuse_day(refusal)
            slot = next((s for s in slots if _hhmm(s.start) == start), None)
            if slot is None:
                raise ServerError("no_such_slot", 422, start=start)
            if br.slot_refusal(slot, now, self.rules):
                raise conflict("slot_closed", start=start)
            self._sweep(tx, now)
            taken = bs.taken_per_slot(tx, service["id"], day.isoformat())
            day_left = self._day_left(tx, service, day.isoformat(), taken, now)
            left = br.slot_left(setting["capacity"], taken.get(_stored(slot.start), 0), day_left)
            if left <= 0:
                raise conflict("slot_full", start=start)
            nik_hash = nik_last4 = None
            if self.settings.ask_nik and nik:
                nik_hash = self._nik_hash(tx, nik)
                if bs.nik_has_booking(tx, service["id"], day.isoformat(), nik_hash):
                    raise conflict("nik_already_booked")
                nik_last4 = nik[-4:]
            booking_code = br.new_code(secrets.choice)
            while bs.code_taken(tx, booking_code):
                booking_code = br.new_code(secrets.choice)
            bs.insert_booking(
                tx,
                code=booking_code,
                service_id=service["id"],
                day=day.isoformat(),
                starts_at=_stored(slot.start),
                ends_at=_stored(slot.end),
                status=br.BOOKED,
                created_at=at,
                client=client,
                nik_hash=nik_hash,
                nik_last4=nik_last4,
            )
            return self.view(found(bs.booking_by_code(tx, booking_code), "booking"), now)

    def cancel(self, code: str, client: str) -> dict:
        """`DELETE /bookings/{code}`: the place returns at once. Cancelling twice is harmless;
        a used or missed booking cannot be cancelled."""
        now, at, _ = self.queue.now()
        self._throttle(client, now)
        with self.store.write() as tx:
            self._sweep(tx, now)
            row = self._booking(tx, code, client, now)
            if row["status"] == br.BOOKED:
                bs.update_booking(tx, row["id"], status=br.CANCELLED, cancelled_at=at)
            elif row["status"] != br.CANCELLED:
                raise conflict("booking_not_active")
            return self.view(found(bs.booking_by_code(tx, row["code"]), "booking"), now)

    def check_in(self, principal: Principal, code: str, key: str | None) -> tuple[dict, bool]:
        """A booking's citizen has arrived: a ticket that stands in line from the slot's start
        (`rules.queue_time`), once. The same kiosk's Idempotency-Key again gives the same
        ticket; (ticket, created)."""
        now, at, day = self.queue.now()
        with self.store.write() as tx:
            if key and principal.kind == "device":
                ticket_id = tx.ticket_id_by_idempotency_key(principal.id, key)
                booked = bs.booking_of_ticket(tx, ticket_id) if ticket_id else None
                if ticket_id is not None and booked is not None:
                    return self._ticket(tx, ticket_id, booked["code"]), False
            row = self._booking(tx, code, None, now)
            start = dt.datetime.fromisoformat(row["starts_at"])
            status = row["status"]
            if status == br.CHECKED_IN and row["ticket_status"] == "cancelled":
                # Its ticket was cancelled unheld (a kiosk's abandoned attempt): not used yet.
                status = br.BOOKED
            refusal = br.checkin_refusal(status, start, now, self.rules)
            if refusal is not None:
                opens, closes = br.checkin_window(start, self.rules)
                moment = opens if refusal == "too_early" else closes
                raise conflict(refusal, time=clock_text(moment))
            service = found(tx.service(row["service_id"]), f"service {row['service_id']}")
            if not principal.of_site(service["site_id"]):
                raise conflict("booking_other_site")  # booked for another site's service
            ticket_id = self.queue.new_ticket(
                tx,
                service,
                None,
                at,
                day,
                principal,
                key,
                slot_start=row["starts_at"],
                data={"booking": row["code"]},
            )
            bs.update_booking(
                tx, row["id"], status=br.CHECKED_IN, ticket_id=ticket_id, checked_in_at=at
            )
            return self._ticket(tx, ticket_id, row["code"]), True

    def _ticket(self, tx: Tx, ticket_id: int, code: str) -> dict:
        row = found(tx.ticket(ticket_id), f"ticket {ticket_id}")
        view = self.queue.ticket_view(tx, row)
        view["service"]["counters"] = tx.counter_names_of_service(row["service_id"])
        view["booking"] = code
        return view

    # ---- the admin's side ----
    def day_list(self, day: dt.date, site: int | None = None) -> list[dict]:
        """The day's bookings of a site (None: of every site), by slot: code, service, status,
        ticket (the admin's list)."""
        now = self.queue.clock.now()
        with self.store.write() as tx:
            self._sweep(tx, now)
            rows = bs.bookings_of_day(tx, day.isoformat(), site)
            return [
                {**self.view(row, now), "nik_last4": row["nik_last4"], "site_id": row["site_id"]}
                for row in rows
            ]

    def counts(self, days: list[str], site: int = 1) -> dict[str, dict[str, int]]:
        """A site's service code -> bookings (made, not cancelled), checked_in, no_show,
        cancelled."""
        now = self.queue.clock.now()
        with self.store.write() as tx:
            self._sweep(tx, now)
            rows = bs.counts_per_service(tx, days, site)
        result: dict[str, dict[str, int]] = {}
        for row in rows:
            item = result.setdefault(
                row["service_code"],
                {"bookings": 0, "checked_in": 0, "no_show": 0, "cancelled": 0},
            )
            if row["status"] == br.CANCELLED:
                item["cancelled"] += row["n"]
            else:
                item["bookings"] += row["n"]
                if row["status"] in (br.CHECKED_IN, br.NO_SHOW):
                    item[row["status"]] += row["n"]
        return result

    def slot_table(self, site: int | None = None) -> list[dict]:
        """Every service with its slot setting (None: takes no bookings), for the admin."""
        with self.store.read() as tx:
            settings = bs.slot_settings(tx)
            none = {"slot_minutes": None, "capacity": None}
            return [
                {
                    "code": s["code"],
                    "site_id": s["site_id"],
                    "name": s["name"],
                    "agency": s["agency_short"] or s["agency_name"],
                    "daily_quota": s["daily_quota"],
                    "booking_cap": br.booking_cap(s["daily_quota"], self.rules.walk_in_share),
                    "slot_minutes": settings.get(s["id"], none)["slot_minutes"],
                    "capacity": settings.get(s["id"], none)["capacity"],
                }
                for s in tx.services(site)
            ]

    def set_slot_setting(
        self, code: str, minutes: int | None, capacity: int | None, site: int = 1
    ) -> None:
        """Both given: the service takes bookings in such slots; both empty: it takes none
        (bookings already made stay valid)."""
        with self.store.write() as tx:
            service = tx.service_by_code(code, site)
            if service is None:
                raise not_found("service_not_found", code=code)
            if minutes is None and capacity is None:
                bs.clear_slot_setting(tx, service["id"])
            elif minutes is None or capacity is None:
                raise ServerError("slot_setting_incomplete", 422)
            else:
                bs.set_slot_setting(tx, service["id"], minutes, capacity)

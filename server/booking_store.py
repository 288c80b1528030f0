"""The bookings' SQL: functions over the `Tx` of `store.write()` / `store.read()`.

Kept out of `server.store` (its own room for the booking migration's tables). Portable SQL: `?`
placeholders, `ON CONFLICT`, times as stored ISO text compared as text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from server.store import Tx

ACTIVE_SQL = "('booked', 'checked_in')"

BOOKING_SELECT = """
    SELECT b.*, s.code AS service_code, s.name AS service_name, s.site_id AS site_id,
           a.name AS agency_name, a.short_name AS agency_short,
           t.number AS ticket_number, t.tracking_code AS tracking_code,
           t.status AS ticket_status
    FROM bookings b
    JOIN services s ON s.id = b.service_id
    JOIN agencies a ON a.id = s.agency_id
    LEFT JOIN tickets t ON t.id = b.ticket_id
"""
BOOKING_COLUMNS = {"status", "ticket_id", "checked_in_at", "cancelled_at"}


# ---- slot settings per service ----
def seed_slot_setting(tx: Tx, service_id: int, minutes: int, capacity: int) -> None:
    """From server.toml: only when the service has no setting yet (the admin's edits stay)."""
    tx.db.execute(
        "INSERT INTO booking_slots (service_id, slot_minutes, capacity) VALUES (?, ?, ?)"
        " ON CONFLICT (service_id) DO NOTHING",
        (service_id, minutes, capacity),
    )


def set_slot_setting(tx: Tx, service_id: int, minutes: int, capacity: int) -> None:
    tx.db.execute(
        "INSERT INTO booking_slots (service_id, slot_minutes, capacity) VALUES (?, ?, ?)"
        " ON CONFLICT (service_id) DO UPDATE SET slot_minutes = excluded.slot_minutes,"
        " capacity = excluded.capacity",
        (service_id, minutes, capacity),
    )


def clear_slot_setting(tx: Tx, service_id: int) -> None:
    tx.db.execute("DELETE FROM booking_slots WHERE service_id = ?", (service_id,))


def slot_settings(tx: Tx) -> dict[int, sqlite3.Row]:
    """service id -> (slot_minutes, capacity) of every service that takes bookings."""
    return {row["service_id"]: row for row in tx._all("SELECT * FROM booking_slots")}


# ---- counting places ----
def taken_per_slot(tx: Tx, service_id: int, day: str) -> dict[str, int]:
    """starts_at -> active bookings (booked or checked in) of the service's slots that day."""
    rows = tx._all(
        "SELECT starts_at, COUNT(*) AS n FROM bookings WHERE service_id = ? AND day = ?"
        f" AND status IN {ACTIVE_SQL} GROUP BY starts_at",
        (service_id, day),
    )
    return {row["starts_at"]: row["n"] for row in rows}


def held_places(tx: Tx, service_id: int, day: str, no_show_before: str) -> int:
    """Bookings of the day that still hold a place of the quota: booked, not checked in, and
    their grace not over (a no-show's place returns to walk-ins)."""
    return tx._value(
        "SELECT COUNT(*) FROM bookings WHERE service_id = ? AND day = ? AND status = 'booked'"
        " AND starts_at > ?",
        (service_id, day, no_show_before),
        default=0,
    )


def nik_has_booking(tx: Tx, service_id: int, day: str, nik_hash: str) -> bool:
    return (
        tx._one(
            "SELECT 1 FROM bookings WHERE service_id = ? AND day = ? AND nik_hash = ?"
            f" AND status IN {ACTIVE_SQL}",
            (service_id, day, nik_hash),
        )
        is not None
    )


# ---- bookings ----
def insert_booking(tx: Tx, **columns: object) -> int:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    return tx._insert(f"INSERT INTO bookings ({names}) VALUES ({marks})", list(columns.values()))


def code_taken(tx: Tx, code: str) -> bool:
    return tx._one("SELECT 1 FROM bookings WHERE code = ?", (code,)) is not None


def booking_by_code(tx: Tx, code: str) -> sqlite3.Row | None:
    return tx._one(BOOKING_SELECT + " WHERE b.code = ?", (code,))


def booking_of_ticket(tx: Tx, ticket_id: int) -> sqlite3.Row | None:
    return tx._one(BOOKING_SELECT + " WHERE b.ticket_id = ?", (ticket_id,))


def update_booking(tx: Tx, booking_id: int, **columns: object) -> None:
    unknown = set(columns) - BOOKING_COLUMNS
    if unknown:
        raise ValueError(f"cannot update booking columns {sorted(unknown)}")
    clause = ", ".join(f"{name} = ?" for name in columns)
    tx.db.execute(f"UPDATE bookings SET {clause} WHERE id = ?", (*columns.values(), booking_id))


def mark_no_shows(tx: Tx, no_show_before: str) -> int:
    """The sweep: bookings still only booked whose grace is over become no-shows."""
    cursor = tx.db.execute(
        "UPDATE bookings SET status = 'no_show' WHERE status = 'booked' AND starts_at <= ?",
        (no_show_before,),
    )
    return cursor.rowcount


def bookings_of_day(tx: Tx, day: str, site: int | None = None) -> list[sqlite3.Row]:
    """The day's bookings of one site (None: of every site)."""
    params: list[object]
    where, params = "b.day = ?", [day]
    if site is not None:
        where, params = where + " AND s.site_id = ?", [day, site]
    return tx._all(
        BOOKING_SELECT + f" WHERE {where} ORDER BY b.starts_at, s.position, s.code, b.id", params
    )


def site_of_booking(tx: Tx, code: str) -> int | None:
    """The site of a booking's service (the booking page names it when there are several)."""
    row = tx._one(
        "SELECT s.site_id FROM bookings b JOIN services s ON s.id = b.service_id WHERE b.code = ?",
        (code,),
    )
    return row["site_id"] if row else None


def counts_per_service(tx: Tx, days: Sequence[str], site: int = 1) -> list[sqlite3.Row]:
    """Per service of `site` and status: how many bookings the days had (for the report)."""
    if not days:
        return []
    marks = ", ".join("?" for _ in days)
    return tx._all(
        "SELECT s.code AS service_code, b.status, COUNT(*) AS n FROM bookings b"
        f" JOIN services s ON s.id = b.service_id WHERE b.day IN ({marks}) AND s.site_id = ?"
        " GROUP BY s.code, b.status",
        [*days, site],
    )

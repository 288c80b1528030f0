"""The SQLite store: the one place that owns every SQL statement of the server.

SQLite in WAL mode with `synchronous=FULL`: a transaction that returned from COMMIT is on disk.
One connection behind one lock serialises every read and write, and writes start with
`BEGIN IMMEDIATE`, so two kiosks pressing at once can never draw the same number. The schema
carries a version; migrations are applied in order when the store opens.

Times are stored as ISO 8601 text in the site's time zone (a fixed offset for Indonesia), so
text order is time order. `events.id` (AUTOINCREMENT, never reused) is the display's `version`
and each call's `id`, so both only ever grow, across restarts too.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

# The backup room's names stay importable from here (older callers: the doctor).
from server.backup import (  # noqa: F401
    BackupError,
    backup_database,
    copy_database,
    database_in_use,
    verify_database,
)
from server.schema import migrate

log = logging.getLogger(__name__)

DB_FILE = "antrian.sqlite3"

# Columns callers may change through the generic update helpers (never user-supplied names).
TICKET_COLUMNS = {
    "status",
    "service_id",
    "priority",
    "queued_at",
    "counter_id",
    "calls",
    "first_called_at",
    "called_at",
    "started_at",
    "finished_at",
    "print_status",
}
SERVICE_COLUMNS = {
    "site_id",
    "code",
    "name",
    "agency_id",
    "daily_quota",
    "hours",
    "enabled",
    "position",
}
COUNTER_COLUMNS = {"name", "status", "priority_streak", "position"}
USER_COLUMNS = {"role", "password_hash", "active", "site_id"}
AGENCY_COLUMNS = {"name", "short_name"}
DEVICE_COLUMNS = {"name", "token_hash", "active", "last_seen", "last_status", "revoked_at"}
SITE_COLUMNS = {"code", "name", "position"}

TICKET_SELECT = """
    SELECT t.*, s.site_id, s.code AS service_code, s.name AS service_name,
           a.name AS agency_name, a.short_name AS agency_short,
           c.name AS counter_name, ns.code AS number_code
    FROM tickets t
    JOIN services s ON s.id = t.service_id
    JOIN agencies a ON a.id = s.agency_id
    JOIN services ns ON ns.id = t.number_service_id
    LEFT JOIN counters c ON c.id = t.counter_id
"""
# 1 for a ticket without priority, 0 for a priority one: the call order's first key (an integer,
# so the row comparisons below mean the same on SQLite and PostgreSQL).
NORMAL_FLAG = "(CASE WHEN COALESCE(priority, '') = '' THEN 1 ELSE 0 END)"
SERVICE_SELECT = """
    SELECT s.*, a.name AS agency_name, a.short_name AS agency_short
    FROM services s JOIN agencies a ON a.id = s.agency_id
"""


def _of_site(column: str, site: int | None) -> tuple[str, tuple]:
    """A WHERE condition keeping one site's rows (`site` None: every site's) and its values."""
    return ("1 = 1", ()) if site is None else (f"{column} = ?", (site,))


def found(row: sqlite3.Row | None, what: str) -> sqlite3.Row:
    """A row the caller knows is there (written or checked earlier in the same transaction).

    If it is missing after all, the error names it, instead of a `TypeError` further on."""
    if row is None:
        raise LookupError(f"{what} is missing from the database within its own transaction")
    return row


def _set_clause(columns: dict, allowed: set[str]) -> tuple[str, list]:
    unknown = set(columns) - allowed
    if unknown:
        raise ValueError(f"cannot update columns {sorted(unknown)}")
    return ", ".join(f"{name} = ?" for name in columns), list(columns.values())


class Tx:
    """One transaction's view of the database; every statement of the server is a method here."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.events_added = 0
        self.last_event = 0  # the id of the last event this transaction added
        # (kind, service id) of the events added, for the metrics (counted per site)
        self.event_kinds: list[tuple[str, int | None]] = []
        self._settings: dict[str, object] | None = None  # read once per transaction

    # The five primitives below are all that touch the connection: the PostgreSQL store
    # (server.pg_store) replaces only them, so every method here runs on both databases.
    def _one(self, sql: str, params: Sequence = ()) -> sqlite3.Row | None:
        return self.db.execute(sql, params).fetchone()

    def _all(self, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
        return self.db.execute(sql, params).fetchall()

    def _insert(self, sql: str, params: Sequence = ()) -> int:
        """Run one INSERT; the new row's id."""
        row_id = self.db.execute(sql, params).lastrowid
        if row_id is None:  # None only before any INSERT ran; typeshed cannot tell the two apart
            raise RuntimeError(f"no row id after {sql!r}")
        return row_id

    def _value(self, sql: str, params: Sequence = (), default=None):
        row = self._one(sql, params)
        return default if row is None or row[0] is None else row[0]

    def _execute(self, sql: str, params: Sequence = ()) -> None:
        """A statement whose rows nobody reads (UPDATE, DELETE, INSERT without an id)."""
        self.db.execute(sql, params)

    def _execute_many(self, sql: str, rows: Sequence[Sequence]) -> None:
        self.db.executemany(sql, rows)

    # ---- events ----
    def add_event(
        self,
        kind: str,
        at: str,
        day: str,
        *,
        ticket_id: int | None = None,
        counter_id: int | None = None,
        service_id: int | None = None,
        actor: str | None = None,
        data: dict | None = None,
    ) -> int:
        event_id = self._insert(
            "INSERT INTO events (at, day, kind, ticket_id, counter_id, service_id, actor, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (at, day, kind, ticket_id, counter_id, service_id, actor, _json(data)),
        )
        self.events_added += 1
        self.last_event = event_id
        self.event_kinds.append((kind, service_id))
        return event_id

    def last_event_id(self) -> int:
        return self._value("SELECT MAX(id) FROM events", default=0)

    def recent_calls(self, day: str, limit: int, site: int | None = None) -> list[sqlite3.Row]:
        where, values = _of_site("s.site_id", site)
        return self._all(
            f"""
            SELECT * FROM (
                SELECT e.id, e.kind, e.at, t.id AS ticket_id, t.number, t.priority,
                       c.id AS counter_id, c.name AS counter_name,
                       s.code AS service_code, s.name AS service_name
                FROM events e
                JOIN tickets t ON t.id = e.ticket_id
                JOIN services s ON s.id = e.service_id
                LEFT JOIN counters c ON c.id = e.counter_id
                WHERE e.day = ? AND e.kind IN ('called', 'recalled') AND {where}
                ORDER BY e.id DESC LIMIT ?
            ) AS recent ORDER BY id
            """,
            (day, *values, limit),
        )

    def ticket_events(self, ticket_id: int) -> list[sqlite3.Row]:
        return self._all("SELECT * FROM events WHERE ticket_id = ? ORDER BY id", (ticket_id,))

    # ---- settings ----
    def settings(self) -> dict[str, object]:
        """The stored settings; read once per transaction (a copy: callers may change it)."""
        if self._settings is None:
            rows = self._all("SELECT * FROM settings")
            self._settings = {row["key"]: json.loads(row["value"]) for row in rows}
        return dict(self._settings)

    def set_setting(self, key: str, value: object, *, only_if_absent: bool = False) -> None:
        action = "NOTHING" if only_if_absent else "UPDATE SET value = excluded.value"
        self._settings = None
        self._execute(
            f"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO {action}",
            (key, json.dumps(value)),
        )

    # ---- sites ----
    def sites(self) -> list[sqlite3.Row]:
        return self._all("SELECT * FROM sites ORDER BY position, id")

    def site(self, site_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM sites WHERE id = ?", (site_id,))

    def site_by_code(self, code: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM sites WHERE code = ?", (code,))

    def insert_site(self, code: str, name: str, position: int = 0) -> int:
        return self._insert(
            "INSERT INTO sites (code, name, position) VALUES (?, ?, ?)", (code, name, position)
        )

    def update_site(self, site_id: int, **columns) -> None:
        clause, values = _set_clause(columns, SITE_COLUMNS)
        self._execute(f"UPDATE sites SET {clause} WHERE id = ?", (*values, site_id))

    # ---- agencies ----
    def agencies(self) -> list[sqlite3.Row]:
        return self._all("SELECT * FROM agencies ORDER BY id")

    def agency(self, agency_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM agencies WHERE id = ?", (agency_id,))

    def agency_by_name(self, name: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM agencies WHERE name = ?", (name,))

    def insert_agency(self, name: str, short_name: str) -> int:
        return self._insert(
            "INSERT INTO agencies (name, short_name) VALUES (?, ?)", (name, short_name)
        )

    def update_agency(self, agency_id: int, **columns) -> None:
        clause, values = _set_clause(columns, AGENCY_COLUMNS)
        self._execute(f"UPDATE agencies SET {clause} WHERE id = ?", (*values, agency_id))

    def agency_in_use(self, agency_id: int) -> bool:
        return self._one("SELECT 1 FROM services WHERE agency_id = ?", (agency_id,)) is not None

    def delete_agency(self, agency_id: int) -> None:
        self._execute("DELETE FROM agencies WHERE id = ?", (agency_id,))

    # ---- services ----
    def services(self, site: int | None = None) -> list[sqlite3.Row]:
        """The services of one site (`site` None: of every site, site by site)."""
        where, values = _of_site("s.site_id", site)
        return self._all(
            SERVICE_SELECT + f" WHERE {where} ORDER BY s.site_id, s.position, s.code", values
        )

    def service(self, service_id: int) -> sqlite3.Row | None:
        return self._one(SERVICE_SELECT + " WHERE s.id = ?", (service_id,))

    def service_by_code(self, code: str, site: int) -> sqlite3.Row | None:
        """A site's service by its letter code (two sites may both have an "A")."""
        return self._one(SERVICE_SELECT + " WHERE s.code = ? AND s.site_id = ?", (code, site))

    def insert_service(self, **columns) -> int:
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        _set_clause(columns, SERVICE_COLUMNS)
        return self._insert(
            f"INSERT INTO services ({names}) VALUES ({marks})", list(columns.values())
        )

    def update_service(self, service_id: int, **columns) -> None:
        clause, values = _set_clause(columns, SERVICE_COLUMNS)
        self._execute(f"UPDATE services SET {clause} WHERE id = ?", (*values, service_id))

    def service_in_use(self, service_id: int) -> bool:
        return (
            self._one(
                "SELECT 1 FROM tickets WHERE service_id = ? OR number_service_id = ?",
                (service_id, service_id),
            )
            is not None
        )

    def delete_service(self, service_id: int) -> None:
        self._execute("DELETE FROM services WHERE id = ?", (service_id,))

    def issued_count(self, service_id: int, day: str) -> int:
        return self._value(
            "SELECT COUNT(*) FROM tickets WHERE number_service_id = ? AND day = ?",
            (service_id, day),
            default=0,
        )

    def next_seq(self, service_id: int, day: str) -> int:
        """The next number of a service's day, drawn from its counter row (`ticket_numbers`):
        the upsert locks that row until the commit, so two transactions, in one process or in
        several, can never draw the same number, and a rolled-back draw leaves no gap."""
        return self._value(
            "INSERT INTO ticket_numbers (number_service_id, day, last_seq) VALUES (?, ?, 1)"
            " ON CONFLICT (number_service_id, day)"
            " DO UPDATE SET last_seq = ticket_numbers.last_seq + 1 RETURNING last_seq",
            (service_id, day),
        )

    def waiting_counts(self, day: str) -> dict[int, int]:
        """service id -> its waiting tickets today (service ids are the site's own)."""
        rows = self._all(
            "SELECT service_id, COUNT(*) AS n FROM tickets WHERE day = ? AND status = 'waiting'"
            " GROUP BY service_id",
            (day,),
        )
        return {row["service_id"]: row["n"] for row in rows}

    def recent_service_durations(self, service_id: int, limit: int) -> list[tuple[str, str]]:
        """(start, finish) of the service's last finished tickets, newest first."""
        rows = self._all(
            "SELECT COALESCE(started_at, called_at) AS began, finished_at FROM tickets"
            " WHERE service_id = ? AND status = 'done' AND finished_at IS NOT NULL"
            " ORDER BY finished_at DESC LIMIT ?",
            (service_id, limit),
        )
        return [(row["began"], row["finished_at"]) for row in rows if row["began"]]

    def counter_states_per_service(self) -> dict[int, list[tuple[int, str, bool]]]:
        """service id -> (id, status, has an open ticket) of each counter that calls it."""
        rows = self._all(
            "SELECT cs.service_id, c.id, c.status, EXISTS (SELECT 1 FROM tickets t"
            " WHERE t.counter_id = c.id AND t.status IN ('called', 'serving')) AS busy"
            " FROM counter_services cs JOIN counters c ON c.id = cs.counter_id"
        )
        result: dict[int, list[tuple[int, str, bool]]] = {}
        for row in rows:
            state = (row["id"], row["status"], bool(row["busy"]))
            result.setdefault(row["service_id"], []).append(state)
        return result

    def counter_names_of_service(self, service_id: int) -> list[str]:
        """The counters that call a service, in the hall's order."""
        rows = self._all(
            "SELECT c.name FROM counters c JOIN counter_services cs ON cs.counter_id = c.id"
            " WHERE cs.service_id = ? ORDER BY c.position, c.id",
            (service_id,),
        )
        return [row["name"] for row in rows]

    def waiting_before_at_counters(
        self, counter_ids: Sequence[int], day: str, ticket: sqlite3.Row | None = None
    ) -> int:
        """Waiting tickets of `day` for any service of these counters that go before `ticket`
        in the call order (priority first, then time in line); all of them without a ticket
        (one taken now goes last)."""
        if not counter_ids:
            return 0
        marks = ", ".join("?" for _ in counter_ids)
        sql = (
            "SELECT COUNT(*) FROM tickets WHERE day = ? AND status = 'waiting' AND service_id IN"
            f" (SELECT service_id FROM counter_services WHERE counter_id IN ({marks}))"
        )
        params: list = [day, *counter_ids]
        if ticket is not None:
            sql += f" AND ({NORMAL_FLAG}, queued_at, id) < (?, ?, ?)"
            params += [int(not ticket["priority"]), ticket["queued_at"], ticket["id"]]
        return self._value(sql, params, default=0)

    # ---- counters ----
    def counters(self, site: int | None = None) -> list[sqlite3.Row]:
        """The counters of one site (`site` None: of every site, site by site)."""
        where, values = _of_site("site_id", site)
        return self._all(
            f"SELECT * FROM counters WHERE {where} ORDER BY site_id, position, id", values
        )

    def counter(self, counter_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM counters WHERE id = ?", (counter_id,))

    def counter_by_name(self, name: str, site: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM counters WHERE name = ? AND site_id = ?", (name, site))

    def insert_counter(self, name: str, position: int = 0, site: int = 1) -> int:
        return self._insert(
            "INSERT INTO counters (site_id, name, position) VALUES (?, ?, ?)",
            (site, name, position),
        )

    def update_counter(self, counter_id: int, **columns) -> None:
        clause, values = _set_clause(columns, COUNTER_COLUMNS)
        self._execute(f"UPDATE counters SET {clause} WHERE id = ?", (*values, counter_id))

    def delete_counter(self, counter_id: int) -> None:
        self._execute("DELETE FROM counters WHERE id = ?", (counter_id,))

    def counter_services(self) -> dict[int, list[sqlite3.Row]]:
        """counter id -> its services (id, code, name), in service order."""
        rows = self._all(
            "SELECT cs.counter_id, s.id, s.code, s.name FROM counter_services cs"
            " JOIN services s ON s.id = cs.service_id ORDER BY s.position, s.code"
        )
        result: dict[int, list[sqlite3.Row]] = {}
        for row in rows:
            result.setdefault(row["counter_id"], []).append(row)
        return result

    def set_counter_services(self, counter_id: int, service_ids: Sequence[int]) -> None:
        self._execute("DELETE FROM counter_services WHERE counter_id = ?", (counter_id,))
        self._execute_many(
            "INSERT INTO counter_services (counter_id, service_id) VALUES (?, ?)",
            [(counter_id, service_id) for service_id in service_ids],
        )

    def counter_has_service(self, counter_id: int, service_id: int) -> bool:
        return (
            self._one(
                "SELECT 1 FROM counter_services WHERE counter_id = ? AND service_id = ?",
                (counter_id, service_id),
            )
            is not None
        )

    # ---- idempotency keys of counter actions ----
    def counter_request(self, counter_id: int, key: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT action, answer FROM counter_requests WHERE counter_id = ? AND key = ?",
            (counter_id, key),
        )

    def save_counter_request(
        self, counter_id: int, key: str, action: str, at: str, answer: str
    ) -> None:
        self._execute(
            "INSERT INTO counter_requests (counter_id, key, action, at, answer)"
            " VALUES (?, ?, ?, ?, ?)",
            (counter_id, key, action, at, answer),
        )

    def forget_counter_requests(self, before: str) -> None:
        self._execute("DELETE FROM counter_requests WHERE at < ?", (before,))

    # ---- tickets ----
    def ticket(self, ticket_id: int) -> sqlite3.Row | None:
        return self._one(TICKET_SELECT + " WHERE t.id = ?", (ticket_id,))

    def ticket_by_tracking_code(self, code: str) -> sqlite3.Row | None:
        return self._one(TICKET_SELECT + " WHERE t.tracking_code = ?", (code,))

    def ticket_id_by_idempotency_key(self, device_id: int, key: str) -> int | None:
        return self._value(
            "SELECT id FROM tickets WHERE device_id = ? AND idempotency_key = ?", (device_id, key)
        )

    def insert_ticket(self, **columns) -> int:
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        return self._insert(
            f"INSERT INTO tickets ({names}) VALUES ({marks})", list(columns.values())
        )

    def update_ticket(self, ticket_id: int, **columns) -> None:
        clause, values = _set_clause(columns, TICKET_COLUMNS)
        self._execute(f"UPDATE tickets SET {clause} WHERE id = ?", (*values, ticket_id))

    def open_ticket_at(self, counter_id: int) -> sqlite3.Row | None:
        return self._one(
            TICKET_SELECT + " WHERE t.counter_id = ? AND t.status IN ('called', 'serving')",
            (counter_id,),
        )

    def open_tickets(self, site: int | None = None) -> dict[int, sqlite3.Row]:
        """counter id -> its open (called or serving) ticket."""
        where, values = _of_site("s.site_id", site)
        rows = self._all(
            TICKET_SELECT + f" WHERE t.status IN ('called', 'serving') AND {where}", values
        )
        return {row["counter_id"]: row for row in rows}

    def waiting_for_counter(self, counter_id: int, day: str, limit: int = -1) -> list[sqlite3.Row]:
        """Today's waiting tickets of the counter's services, longest in line first (all of
        them when `limit` is negative)."""
        return self._all(
            TICKET_SELECT + " JOIN counter_services cs ON cs.service_id = t.service_id"
            " WHERE cs.counter_id = ? AND t.day = ? AND t.status = 'waiting'"
            " ORDER BY t.queued_at, t.id" + (" LIMIT ?" if limit >= 0 else ""),
            (counter_id, day, limit) if limit >= 0 else (counter_id, day),
        )

    def call_candidates(self, counter_id: int, day: str) -> list[sqlite3.Row]:
        """The longest-waiting priority ticket and the longest-waiting normal ticket of the
        counter's services (at most two whole ticket rows): all that the call order looks at."""
        head = (
            "SELECT * FROM (SELECT t.id FROM tickets t"
            " JOIN counter_services cs ON cs.service_id = t.service_id"
            " WHERE cs.counter_id = ? AND t.day = ? AND t.status = 'waiting'"
            f" AND {NORMAL_FLAG.replace('priority', 't.priority')} = ?"
            " ORDER BY t.queued_at, t.id LIMIT 1) AS {}"
        )
        return self._all(
            TICKET_SELECT
            + f" JOIN ({head.format('first')} UNION ALL {head.format('second')}) h ON h.id = t.id",
            (counter_id, day, 0, counter_id, day, 1),
        )

    def waiting_line(self, counter_id: int, day: str, limit: int) -> tuple[list[sqlite3.Row], int]:
        """The first `limit` waiting tickets of `waiting_for_counter`, and how many wait in all."""
        rows = self._all(
            TICKET_SELECT.replace("SELECT t.*", "SELECT COUNT(*) OVER () AS line_length, t.*")
            + " JOIN counter_services cs ON cs.service_id = t.service_id"
            " WHERE cs.counter_id = ? AND t.day = ? AND t.status = 'waiting'"
            " ORDER BY t.queued_at, t.id LIMIT ?",
            (counter_id, day, limit),
        )
        return rows, rows[0]["line_length"] if rows else 0

    def waiting_count_at(self, counter_id: int, day: str) -> int:
        """Today's waiting tickets of the counter's services."""
        return self._value(
            "SELECT COUNT(*) FROM tickets t"
            " JOIN counter_services cs ON cs.service_id = t.service_id"
            " WHERE cs.counter_id = ? AND t.day = ? AND t.status = 'waiting'",
            (counter_id, day),
            default=0,
        )

    def no_shows_for_counter(self, counter_id: int, day: str) -> list[sqlite3.Row]:
        return self._all(
            TICKET_SELECT + " JOIN counter_services cs ON cs.service_id = t.service_id"
            " WHERE cs.counter_id = ? AND t.day = ? AND t.status = 'no_show'"
            " ORDER BY t.finished_at, t.id",
            (counter_id, day),
        )

    def waiting_ahead(self, ticket: sqlite3.Row) -> int:
        """Waiting tickets of the ticket's service and day that go before it: priority first,
        then by time in line (`queued_at`, then id)."""
        normal = not ticket["priority"]
        return self._value(
            "SELECT COUNT(*) FROM tickets WHERE service_id = ? AND day = ? AND status = 'waiting'"
            f" AND ({NORMAL_FLAG}, queued_at, id) < (?, ?, ?)",
            (ticket["service_id"], ticket["day"], int(normal), ticket["queued_at"], ticket["id"]),
            default=0,
        )

    def tickets_of_day(self, day: str, site: int | None = None) -> list[sqlite3.Row]:
        where, values = _of_site("s.site_id", site)
        return self._all(
            TICKET_SELECT + f" WHERE t.day = ? AND {where} ORDER BY t.id", (day, *values)
        )

    def transfers_of_day(self, day: str) -> list[sqlite3.Row]:
        """Transfers of the day's tickets (`ticket_id`, `service_id` = where it went), in order."""
        return self._all(
            "SELECT e.id, e.ticket_id, e.service_id FROM events e"
            " JOIN tickets t ON t.id = e.ticket_id"
            " WHERE t.day = ? AND e.kind = 'transferred' ORDER BY e.id",
            (day,),
        )

    # ---- users and sessions ----
    def users(self, site: int | None = None) -> list[sqlite3.Row]:
        """The users of one site (`site` None: every user, those of every site too)."""
        where, values = _of_site("site_id", site)
        return self._all(f"SELECT * FROM users WHERE {where} ORDER BY id", values)

    def user(self, user_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM users WHERE id = ?", (user_id,))

    def user_by_username(self, username: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM users WHERE username = ?", (username,))

    def insert_user(
        self, username: str, role: str, password_hash: str, site: int | None = 1
    ) -> int:
        """A new user of `site` (None: of every site, for admins of the whole system)."""
        return self._insert(
            "INSERT INTO users (username, role, password_hash, site_id) VALUES (?, ?, ?, ?)",
            (username, role, password_hash, site),
        )

    def update_user(self, user_id: int, **columns) -> None:
        clause, values = _set_clause(columns, USER_COLUMNS)
        self._execute(f"UPDATE users SET {clause} WHERE id = ?", (*values, user_id))

    def delete_user(self, user_id: int) -> None:
        self._execute("DELETE FROM users WHERE id = ?", (user_id,))

    def user_counter_ids(self, user_id: int) -> list[int]:
        rows = self._all(
            "SELECT counter_id FROM user_counters WHERE user_id = ? ORDER BY counter_id",
            (user_id,),
        )
        return [row[0] for row in rows]

    def set_user_counters(self, user_id: int, counter_ids: Sequence[int]) -> None:
        self._execute("DELETE FROM user_counters WHERE user_id = ?", (user_id,))
        self._execute_many(
            "INSERT INTO user_counters (user_id, counter_id) VALUES (?, ?)",
            [(user_id, counter_id) for counter_id in counter_ids],
        )

    def insert_session(self, token_hash: str, user_id: int, created: str, expires: str) -> None:
        self._execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?,?,?,?)",
            (token_hash, user_id, created, expires),
        )

    def session_user(self, token_hash: str, now: str) -> sqlite3.Row | None:
        return self._one(
            "SELECT u.* FROM sessions se JOIN users u ON u.id = se.user_id"
            " WHERE se.token_hash = ? AND se.expires_at > ? AND u.active = 1",
            (token_hash, now),
        )

    def delete_session(self, token_hash: str) -> None:
        self._execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def delete_expired_sessions(self, now: str) -> None:
        self._execute("DELETE FROM sessions WHERE expires_at <= ?", (now,))

    def delete_user_sessions(self, user_id: int) -> None:
        self._execute("DELETE FROM sessions WHERE user_id = ?", (user_id,))

    # ---- devices ----
    def devices(self, site: int | None = None) -> list[sqlite3.Row]:
        where, values = _of_site("site_id", site)
        return self._all(f"SELECT * FROM devices WHERE {where} ORDER BY id", values)

    def device(self, device_id: int) -> sqlite3.Row | None:
        return self._one("SELECT * FROM devices WHERE id = ?", (device_id,))

    def device_by_name(self, name: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM devices WHERE name = ?", (name,))

    def device_by_token_hash(self, token_hash: str) -> sqlite3.Row | None:
        return self._one("SELECT * FROM devices WHERE token_hash = ? AND active = 1", (token_hash,))

    def insert_device(self, name: str, kind: str, token_hash: str, site: int = 1) -> int:
        return self._insert(
            "INSERT INTO devices (name, kind, token_hash, site_id) VALUES (?, ?, ?, ?)",
            (name, kind, token_hash, site),
        )

    def update_device(self, device_id: int, **columns) -> None:
        clause, values = _set_clause(columns, DEVICE_COLUMNS)
        self._execute(f"UPDATE devices SET {clause} WHERE id = ?", (*values, device_id))

    def delete_device(self, device_id: int) -> None:
        self._execute("DELETE FROM devices WHERE id = ?", (device_id,))


def _json(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def open_store(url: str | None, data_dir: Path | str) -> Store:
    """The store of `[store] url`: PostgreSQL (server.pg_store) when given, else SQLite in
    `data_dir` (the embedded default)."""
    if url:
        from server.pg_store import PgStore

        return PgStore(url)
    return Store(data_dir)


class Store:
    """Owns the database file. Use `with store.write() as tx:` or `with store.read() as tx:`."""

    def __init__(self, data_dir: Path | str):
        self.path = Path(data_dir) / DB_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        # The transaction this thread is in, so a nested write or read joins it (see write()).
        self._current = threading.local()
        self._db = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=30
        )
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._migrate()
        self._start_versions()

    kind = "sqlite"

    @property
    def where(self) -> str:
        """Where the data lives, for the log and the technician (never a password)."""
        return str(self.path)

    def _start_versions(self) -> None:
        with self.read() as tx:
            self.version = tx.last_event_id()
        self.changed_at = time.time()  # wall clock of the newest version's commit
        # Called with the new version after a commit that added events (outside the lock).
        self.on_change: Callable[[int], None] | None = None
        # Called with the kinds of the events a commit added (the metrics count them).
        self.on_events: Callable[[list[tuple[str, int | None]]], None] | None = None

    def _migrate(self) -> None:
        # Foreign keys off while a migration rebuilds a table that others refer to (SQLite's
        # documented way: otherwise dropping the old table would cascade to its children);
        # checked before the commit.
        with self._lock:
            self._db.execute("PRAGMA foreign_keys = OFF")
            self._db.execute("BEGIN IMMEDIATE")
            try:
                migrate(self._db.execute, str(self.path), "sqlite")
                broken = self._db.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"{self.path}: migration broke references: {broken[:5]}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            finally:
                self._db.execute("PRAGMA foreign_keys = ON")

    def schema_version(self) -> int:
        with self.read() as tx:
            return tx._value("SELECT version FROM schema_version", default=0)

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A write transaction; committed (and fsync'd) when the block ends without error.

        Inside a write of the same thread it joins that transaction as a savepoint (undone alone
        when its block raises), so a caller can wrap queue actions in one transaction of its own
        (the idempotency keys of counter actions)."""
        outer = getattr(self._current, "tx", None)
        if outer is not None:
            outer._execute("SAVEPOINT joined")
            added = (outer.events_added, outer.last_event, len(outer.event_kinds))
            try:
                yield outer
            except BaseException:
                # those events are undone too
                outer.events_added, outer.last_event, kinds = added
                del outer.event_kinds[kinds:]
                outer._execute("ROLLBACK TO joined")
                outer._execute("RELEASE joined")
                raise
            outer._execute("RELEASE joined")
            return
        changed = None
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            tx = Tx(self._db)
            self._current.tx = tx
            try:
                yield tx
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            finally:
                self._current.tx = None
            self._db.execute("COMMIT")
            if tx.events_added:  # AUTOINCREMENT: the last id added is the newest
                self.version = tx.last_event
                self.changed_at = time.time()
                changed = self.version
        self._committed(changed, tx.event_kinds)

    def _committed(self, version: int | None, kinds: list[tuple[str, int | None]]) -> None:
        """After a commit (outside any lock): tell the displays and the metrics."""
        if version is not None and self.on_change is not None:
            self.on_change(version)
        if kinds and self.on_events is not None:
            self.on_events(kinds)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A consistent read (one snapshot); inside a write of the same thread, that write's."""
        outer = getattr(self._current, "tx", None)
        if outer is not None:
            yield outer
            return
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield Tx(self._db)
            finally:
                self._db.execute("COMMIT")

    def backup(self, out: Path | str) -> Path:
        """A consistent copy of this open database at `out` (see `server.backup`)."""
        with self._lock:
            return copy_database(self._db, Path(out))

    def close(self) -> None:
        with self._lock:
            self._db.close()

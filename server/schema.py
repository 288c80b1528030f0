"""The database schema: migrations applied in order when the store opens (`server.store`).

The schema carries a version (the number of migrations applied); a backup is checked against it
(`server.backup`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

MIGRATIONS: list[str | dict[str, str]] = [
    # 1: the first schema
    """
    CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        short_name TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE services (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        agency_id INTEGER NOT NULL REFERENCES agencies(id),
        daily_quota INTEGER,
        hours TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE counters (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'closed',
        priority_streak INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE counter_services (
        counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
        service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
        PRIMARY KEY (counter_id, service_id)
    );
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE user_counters (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, counter_id)
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        last_seen TEXT,
        last_status TEXT,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        number_service_id INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL,
        service_id INTEGER NOT NULL,
        priority TEXT,
        status TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        queued_at TEXT NOT NULL,
        tracking_code TEXT NOT NULL UNIQUE,
        device_id INTEGER,
        idempotency_key TEXT,
        counter_id INTEGER,
        calls INTEGER NOT NULL DEFAULT 0,
        first_called_at TEXT,
        called_at TEXT,
        started_at TEXT,
        finished_at TEXT,
        print_status TEXT,
        UNIQUE (number_service_id, day, seq),
        UNIQUE (device_id, idempotency_key)
    );
    CREATE INDEX tickets_by_day ON tickets (day, status, service_id);
    CREATE INDEX tickets_by_counter ON tickets (counter_id, status);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        kind TEXT NOT NULL,
        ticket_id INTEGER,
        counter_id INTEGER,
        service_id INTEGER,
        actor TEXT,
        data TEXT
    );
    CREATE INDEX events_by_day ON events (day, kind);
    CREATE INDEX events_by_ticket ON events (ticket_id);
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: indexes for the hot reads. A service's last finished tickets (the ETA) without reading
    # every ticket ever issued; today's waiting tickets in line order, so "who is next" and a
    # counter's first 50 stop early instead of sorting every waiting ticket.
    """
    CREATE INDEX tickets_done_by_service ON tickets (service_id, status, finished_at);
    CREATE INDEX tickets_waiting_in_order ON tickets (day, status, queued_at, id);
    """,
    # 3: idempotency keys of counter actions: (counter, key) -> the first answer, kept a day.
    """
    CREATE TABLE counter_requests (
        counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        action TEXT NOT NULL,
        at TEXT NOT NULL,
        answer TEXT NOT NULL,
        PRIMARY KEY (counter_id, key)
    );
    CREATE INDEX counter_requests_by_time ON counter_requests (at);
    """,
    # 4: the Survei Kepuasan Masyarakat (issue 15). One response per served ticket (UNIQUE), no
    # identifying data; the four-face quick rating apart from the IKM; the admin's wording of the
    # questions (service_id 0: every service, else that service's own wording).
    """
    CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
        day TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        service_id INTEGER NOT NULL,
        channel TEXT NOT NULL,
        u1 INTEGER NOT NULL,
        u2 INTEGER NOT NULL,
        u3 INTEGER NOT NULL,
        u4 INTEGER NOT NULL,
        u5 INTEGER NOT NULL,
        u6 INTEGER NOT NULL,
        u7 INTEGER NOT NULL,
        u8 INTEGER NOT NULL,
        u9 INTEGER NOT NULL,
        gender TEXT,
        age_group TEXT,
        education TEXT,
        occupation TEXT,
        suggestion TEXT
    );
    CREATE INDEX survey_responses_by_day ON survey_responses (day, service_id);
    CREATE TABLE quick_ratings (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets(id),
        day TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        service_id INTEGER NOT NULL,
        channel TEXT NOT NULL,
        face INTEGER NOT NULL
    );
    CREATE INDEX quick_ratings_by_day ON quick_ratings (day);
    CREATE TABLE survey_questions (
        service_id INTEGER NOT NULL,
        unsur TEXT NOT NULL,
        question TEXT NOT NULL,
        PRIMARY KEY (service_id, unsur)
    );
    """,
    # 5: calls for help to the information desk, from a kiosk (device_id) or a citizen's
    # tracking page (ticket_id); status 'open' until the desk marks it 'done'.
    """
    CREATE TABLE help_calls (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        device_id INTEGER REFERENCES devices(id) ON DELETE SET NULL,
        ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
        done_at TEXT,
        done_by TEXT
    );
    CREATE INDEX help_calls_by_status ON help_calls (status, created_at);
    """,
    # 6: online booking (issue 16), after every earlier entry. Slot settings per service (seeded
    # from server.toml, then the admin page's); one row per booking: its slot's start as
    # stored time text, so text order is time order; `nik_hash` is a keyed hash (never the
    # NIK), `ticket_id` the ticket its check-in issued.
    """
    CREATE TABLE booking_slots (
        service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,
        slot_minutes INTEGER NOT NULL,
        capacity INTEGER NOT NULL
    );
    CREATE TABLE bookings (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        service_id INTEGER NOT NULL REFERENCES services(id),
        day TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        client TEXT,
        nik_hash TEXT,
        nik_last4 TEXT,
        ticket_id INTEGER REFERENCES tickets(id),
        checked_in_at TEXT,
        cancelled_at TEXT
    );
    CREATE INDEX bookings_by_slot ON bookings (service_id, day, starts_at, status);
    CREATE INDEX bookings_by_status ON bookings (status, starts_at);
    """,
    # 7: pairing a new device with a one-time code (server/pairing.py) instead of a copied
    # token; a device's token can be revoked (it must pair again).
    """
    CREATE TABLE pairing_codes (
        id INTEGER PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        device_id INTEGER
    );
    ALTER TABLE devices ADD COLUMN revoked_at TEXT;
    """,
    # 8: the numbering counter: one row per (numbering service, day) holding the last number
    # drawn. Drawing upserts it (server.store `next_seq`), which locks the row until the commit,
    # so several server processes on one PostgreSQL never draw a number twice (a MAX(seq) + 1
    # would). Filled from the tickets already issued.
    """
    CREATE TABLE ticket_numbers (
        number_service_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (number_service_id, day)
    );
    INSERT INTO ticket_numbers (number_service_id, day, last_seq)
        SELECT number_service_id, day, MAX(seq) FROM tickets GROUP BY number_service_id, day;
    """,
    # 9: sites (issue 14): one server holds an MPP and its service points. Services, counters,
    # devices and pairing codes belong to a site (existing rows to the first, the hall as it
    # was); a user belongs to one site, or to none = every site (admins of a whole system:
    # existing admins stay that). A ticket's site is its service's. A service's code and a
    # counter's name are unique within their site: two sites both have "A-001" and "Loket 1".
    {
        "common_before": """
        CREATE TABLE sites (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO sites (code, name, position) VALUES ('utama', 'Mal Pelayanan Publik', 0);
        ALTER TABLE devices ADD COLUMN site_id INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE pairing_codes ADD COLUMN site_id INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE users ADD COLUMN site_id INTEGER;
        UPDATE users SET site_id = 1 WHERE role <> 'admin';
        """,
        # SQLite cannot drop a UNIQUE constraint: the two tables are rebuilt, with foreign keys
        # off for the migration (server.store) as SQLite's documentation prescribes.
        "sqlite": """
        CREATE TABLE services_new (
            id INTEGER PRIMARY KEY,
            site_id INTEGER NOT NULL DEFAULT 1 REFERENCES sites(id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            agency_id INTEGER NOT NULL REFERENCES agencies(id),
            daily_quota INTEGER,
            hours TEXT,
            enabled INTEGER NOT NULL DEFAULT 1,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (site_id, code)
        );
        INSERT INTO services_new (id, code, name, agency_id, daily_quota, hours, enabled, position)
            SELECT id, code, name, agency_id, daily_quota, hours, enabled, position FROM services;
        DROP TABLE services;
        ALTER TABLE services_new RENAME TO services;
        CREATE TABLE counters_new (
            id INTEGER PRIMARY KEY,
            site_id INTEGER NOT NULL DEFAULT 1 REFERENCES sites(id),
            name TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'closed',
            priority_streak INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (site_id, name)
        );
        INSERT INTO counters_new (id, name, status, priority_streak, position)
            SELECT id, name, status, priority_streak, position FROM counters;
        DROP TABLE counters;
        ALTER TABLE counters_new RENAME TO counters;
        """,
        "postgresql": """
        ALTER TABLE services ADD COLUMN site_id INTEGER NOT NULL DEFAULT 1 REFERENCES sites(id);
        ALTER TABLE services DROP CONSTRAINT services_code_key;
        ALTER TABLE services ADD UNIQUE (site_id, code);
        ALTER TABLE counters ADD COLUMN site_id INTEGER NOT NULL DEFAULT 1 REFERENCES sites(id);
        ALTER TABLE counters DROP CONSTRAINT counters_name_key;
        ALTER TABLE counters ADD UNIQUE (site_id, name);
        """,
    },
    # 10: failed logins and pairing codes, counted in the database so that every server process
    # and host sees one count (server.throttle); `subject` is "user:<name>" or "addr:<ip>",
    # `at` UTC ISO text. Only the tries of the last window are kept.
    """
    CREATE TABLE failed_attempts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX failed_attempts_by_subject ON failed_attempts (kind, subject, at);
    """,
]


def statements(migration: str | dict[str, str], dialect: str) -> list[str]:
    """A migration's statements in `dialect` ("sqlite" or "postgresql"): a text is the same in
    both; a table gives the dialect's own part after the common one."""
    if isinstance(migration, dict):
        text = migration.get("common_before", "") + ";" + migration[dialect]
    else:
        text = migration
    return [statement for statement in text.split(";") if statement.strip()]


def migrate(execute: Callable[[str], Any], where: str, dialect: str) -> None:
    """Bring a database to the newest schema, inside the caller's write transaction (the one
    runner for SQLite and PostgreSQL; `execute` runs one statement in that dialect)."""
    execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
    row = execute("SELECT version FROM schema_version").fetchone()
    current = row[0] if row else 0
    if current > len(MIGRATIONS):
        raise RuntimeError(
            f"{where}: schema version {current} is newer than this server "
            f"({len(MIGRATIONS)}); upgrade the server"
        )
    for number in range(current, len(MIGRATIONS)):
        log.info("applying schema migration %d to %s", number + 1, where)
        for statement in statements(MIGRATIONS[number], dialect):
            execute(statement)
    execute("DELETE FROM schema_version")
    execute(f"INSERT INTO schema_version VALUES ({len(MIGRATIONS)})")

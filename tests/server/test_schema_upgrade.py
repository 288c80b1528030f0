"""An existing hall's database, made before sites, opens on this server with nothing lost: the
rebuilt tables keep their rows and every table that refers to them (SQLite cannot drop a
UNIQUE constraint, so migration 9 rebuilds `services` and `counters`)."""

import sqlite3

import pytest

from server.schema import MIGRATIONS, statements
from server.store import DB_FILE, Store

BEFORE_SITES = 8


def old_hall(folder):
    """A database at schema 8 with a service, a counter calling it, an operator at that
    counter, a ticket, a booking setting and a counter request."""
    db = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("CREATE TABLE schema_version (version INTEGER)")
    for migration in MIGRATIONS[:BEFORE_SITES]:
        for statement in statements(migration, "sqlite"):
            db.execute(statement)
    db.execute(f"INSERT INTO schema_version VALUES ({BEFORE_SITES})")
    db.executescript(
        """
        INSERT INTO agencies (id, name) VALUES (1, 'Dukcapil');
        INSERT INTO services (id, code, name, agency_id, position) VALUES (7, 'A', 'KTP', 1, 0);
        INSERT INTO counters (id, name, status) VALUES (3, 'Loket 1', 'open');
        INSERT INTO counter_services VALUES (3, 7);
        INSERT INTO users (id, username, role, password_hash)
            VALUES (5, 'petugas', 'operator', 'x');
        INSERT INTO users (id, username, role, password_hash) VALUES (6, 'admin', 'admin', 'x');
        INSERT INTO user_counters VALUES (5, 3);
        INSERT INTO booking_slots VALUES (7, 30, 4);
        INSERT INTO counter_requests VALUES (3, 'k1', 'call-next', '2026-11-30T09:00', '{}');
        INSERT INTO tickets (id, day, number_service_id, seq, number, service_id, status,
                             issued_at, queued_at, tracking_code, counter_id)
            VALUES (1, '2026-11-30', 7, 1, 'A-001', 7, 'called', '2026-11-30T09:00',
                    '2026-11-30T09:00', 'abc', 3);
        """
    )
    db.close()


def test_an_old_hall_keeps_everything_when_sites_arrive(tmp_path):
    old_hall(tmp_path)
    store = Store(tmp_path)
    try:
        assert store.schema_version() == len(MIGRATIONS)
        with store.read() as tx:
            assert [(s["code"], s["site_id"]) for s in tx.services()] == [("A", 1)]
            assert [(c["name"], c["site_id"], c["status"]) for c in tx.counters()] == [
                ("Loket 1", 1, "open")
            ]
            assert [s["code"] for s in tx.counter_services()[3]] == ["A"]
            assert tx.user_counter_ids(5) == [3]
            assert {u["username"]: u["site_id"] for u in tx.users()} == {
                "petugas": 1,  # staff belong to the first site
                "admin": None,  # admins stay admins of every site
            }
            assert tx.counter_request(3, "k1") is not None
            assert tx.ticket(1)["site_id"] == 1
            assert tx._value("SELECT capacity FROM booking_slots WHERE service_id = 7") == 4
            assert tx._all("PRAGMA foreign_key_check") == []
        with store.write() as tx:  # a second site may now have its own "A" and "Loket 1"
            site = tx.insert_site("dolopo", "MPP Digital Dolopo")
            tx.insert_service(site_id=site, code="A", name="KTP", agency_id=1)
            tx.insert_counter("Loket 1", 0, site)
        with pytest.raises(sqlite3.IntegrityError), store.write() as tx:
            tx.insert_service(site_id=site, code="A", name="KTP lagi", agency_id=1)
        with store.write() as tx:  # cascades still work on the rebuilt tables
            tx.delete_counter(3)
            assert tx.user_counter_ids(5) == []
    finally:
        store.close()

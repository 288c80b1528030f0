"""The PostgreSQL store: the same `Tx` methods and transactions as the SQLite store, on psycopg 3.

Chosen by `[store] url = "postgresql://…"` in server.toml (docs/decisions.md, "Scale-out").
Every SQL statement of the server is written once, portably (server.store, and the feature
modules that use `tx._one/_all/_insert/_value/_execute`); here it is translated on the way:
`?` placeholders become psycopg's `%s`, an `_insert` gets `RETURNING id`, and the migrations'
`INTEGER PRIMARY KEY` becomes an identity column (server.pg_sql).

Several server processes (and hosts) share one database, so nothing that matters lives in one
process:
- every write transaction first takes one advisory lock, so writes run one at a time across all
  processes, exactly as SQLite's `BEGIN IMMEDIATE` makes them run in one: every rule checked and
  written inside one `store.write()` (numbering, quotas, "no ticket called twice") holds as is;
- the display's `version` is the newest event id in the database: a commit that added events
  sends `NOTIFY antrian_events`, and each process's listener thread moves its `version` on and
  wakes its long-polling displays; if that connection drops, the listener polls the newest
  event id every `FALLBACK_POLL_SECONDS` until it is back (and catches up at each timeout);
- admin changes to devices send `NOTIFY antrian_devices`, so every process forgets its cached
  device tokens (server.auth_cache).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql as pgsql
from psycopg.adapt import Dumper, Loader
from psycopg.pq import Format
from psycopg_pool import ConnectionPool, PoolTimeout

from server.pg_sql import Row, ddl, placeholders, redact, returning_id
from server.schema import migrate
from server.store import Store, Tx

log = logging.getLogger(__name__)

WRITE_LOCK = 0x616E7472  # the one advisory lock every write transaction holds ("antr")
EVENTS_CHANNEL = "antrian_events"
DEVICES_CHANNEL = "antrian_devices"
FALLBACK_POLL_SECONDS = 0.5  # the listener's catch-up poll; bounds a missed or lost NOTIFY
POOL_SIZE = 8  # connections per process: the store thread and the page handlers' threads
BEGIN_WRITE = f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})"
BEGIN_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"


class _NumericLoader(Loader):
    """NUMERIC (what SUM and AVG of integers give on PostgreSQL) as int or float, as SQLite
    gives them, never Decimal (which JSON cannot encode)."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


class _BoolAsInt(Dumper):
    """Python booleans go in as 1/0: the schema's flags are INTEGER columns (as on SQLite)."""

    format = Format.TEXT
    oid = 20  # int8

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


def _configure(conn: psycopg.Connection) -> None:
    conn.adapters.register_loader("numeric", _NumericLoader)
    conn.adapters.register_dumper(bool, _BoolAsInt)


class _Connection:
    """`tx.db` on PostgreSQL: `execute`/`executemany` with the SQLite placeholders, for code that
    reaches for the connection itself rather than the `Tx` primitives."""

    def __init__(self, conn: psycopg.Connection):
        self.conn = conn

    def execute(self, sql: str, params: Sequence = ()) -> psycopg.Cursor:
        return self.conn.execute(placeholders(sql), _params(params))

    def executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        rows = [_params(row) for row in rows]
        if rows:
            with self.conn.cursor() as cursor:
                cursor.executemany(placeholders(sql), rows)


def _params(params: Sequence) -> Sequence:
    """PostgreSQL text cannot hold NUL, which SQLite stores: a NUL in a value (only ever odd
    input) becomes U+FFFD, so it still matches nothing stored and is kept visibly."""
    if any(isinstance(value, str) and "\x00" in value for value in params):
        return [
            value.replace("\x00", "\ufffd") if isinstance(value, str) else value for value in params
        ]
    return params if isinstance(params, (tuple, list)) else tuple(params)


class PgTx(Tx):
    """The store's methods (inherited) over one PostgreSQL transaction."""

    def __init__(self, conn: psycopg.Connection):
        super().__init__(_Connection(conn))  # type: ignore[arg-type]
        self.conn = conn

    def _one(self, sql: str, params: Sequence = ()):
        return self.conn.execute(placeholders(sql), _params(params)).fetchone()

    def _all(self, sql: str, params: Sequence = ()):
        return self.conn.execute(placeholders(sql), _params(params)).fetchall()

    def _insert(self, sql: str, params: Sequence = ()) -> int:
        """Run one INSERT; the new row's id (0 when ON CONFLICT DO NOTHING inserted none)."""
        row = self.conn.execute(returning_id(sql), _params(params)).fetchone()
        return 0 if row is None else row[0]

    def _execute(self, sql: str, params: Sequence = ()) -> None:
        self.conn.execute(placeholders(sql), _params(params))

    def _execute_many(self, sql: str, rows: Sequence[Sequence]) -> None:
        self.db.executemany(sql, rows)


class PgStore(Store):
    """The hall's data in PostgreSQL; the same `write()`/`read()` as the SQLite store."""

    kind = "postgresql"

    def __init__(self, url: str, *, listen: bool = True):
        self.url = url
        self.path = Path("postgresql")  # no file; `where` names the database
        self._current = threading.local()
        self._closing = threading.Event()
        self.on_devices_changed: Callable[[], None] | None = None
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            kwargs={"autocommit": True, "row_factory": Row.factory},
            configure=_configure,
            open=False,
            name="antrian-store",
        )
        try:
            self._pool.open(wait=True, timeout=15)
            self._migrate()
            self._start_versions()
        except (psycopg.Error, PoolTimeout) as error:
            self._pool.close()
            raise RuntimeError(f"PostgreSQL at {self.where}: {error}") from error
        except BaseException:
            self._pool.close()
            raise
        self._listener: threading.Thread | None = None
        if listen:
            self._listener = threading.Thread(
                target=self._listen, name="store-listener", daemon=True
            )
            self._listener.start()

    @property
    def where(self) -> str:
        return redact(self.url)

    # ---- transactions ----
    def _migrate(self) -> None:
        with self._pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            migrate(lambda statement: conn.execute(ddl(statement)), self.where, "postgresql")

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A write transaction under the one write lock; committed when the block ends.

        Inside a write of the same thread it joins that transaction as a savepoint (as on
        SQLite, see `Store.write`)."""
        outer = getattr(self._current, "tx", None)
        if outer is not None:
            with Store.write(self) as tx:  # the savepoint path only touches `outer`
                yield tx
            return
        with self._pool.connection() as conn:
            # One round trip each for the start and the end (on a busy machine every round
            # trip to the database costs a scheduling wake-up).
            conn.execute(BEGIN_WRITE)
            tx = PgTx(conn)
            self._current.tx = tx
            try:
                yield tx
            except BaseException:
                if not conn.broken:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._current.tx = None
            if tx.events_added:  # the NOTIFY is delivered to every listener at the commit
                payload = f"{int(tx.last_event)} {time.time():.6f}"  # digits only: no quoting
                conn.execute(f"NOTIFY {EVENTS_CHANNEL}, '{payload}'; COMMIT".encode())
            else:
                conn.execute("COMMIT")
        changed = None
        if tx.events_added:
            changed = self._advance(tx.last_event, time.time(), notify=False)
        self._committed(changed, tx.event_kinds)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        """A consistent read (one snapshot); inside a write of the same thread, that write's."""
        outer = getattr(self._current, "tx", None)
        if outer is not None:
            yield outer
            return
        with self._pool.connection() as conn:
            conn.execute(BEGIN_READ)
            try:
                yield PgTx(conn)
            finally:
                if not conn.broken:
                    conn.execute("COMMIT")

    def schema_version(self) -> int:
        with self.read() as tx:
            return tx._value("SELECT version FROM schema_version", default=0)

    def backup(self, out: Path | str) -> Path:
        raise RuntimeError(
            "a PostgreSQL store is backed up with pg_dump (docs/operations.md), not by the server"
        )

    def close(self) -> None:
        """Closes the pool; the listener (a daemon thread) ends at its next poll."""
        self._closing.set()
        self._pool.close()

    # ---- the version across processes ----
    def _advance(self, version: int, changed_at: float, *, notify: bool = True) -> int | None:
        """Move `version` on to `version` if it is newer; the new version, or None."""
        if version <= self.version:
            return None
        self.version = version
        self.changed_at = changed_at
        if notify and self.on_change is not None:
            self.on_change(version)
        return version

    def announce_devices_changed(self) -> None:
        """Tell every process (this one too) to forget its cached device tokens."""
        with self._pool.connection() as conn:
            conn.execute("SELECT pg_notify(%s, '')", (DEVICES_CHANNEL,))

    def _catch_up(self, conn: psycopg.Connection) -> None:
        row = conn.execute("SELECT MAX(id) FROM events").fetchone()
        if row is not None and row[0] is not None:
            self._advance(row[0], time.time())

    def _listen(self) -> None:
        """The listener thread: NOTIFYs move the version on at once; a timeout or a lost
        connection falls back to polling the newest event id (bounded delay, never stuck)."""
        while not self._closing.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True) as conn:
                    conn.execute(pgsql.SQL("LISTEN {}").format(pgsql.Identifier(EVENTS_CHANNEL)))
                    conn.execute(pgsql.SQL("LISTEN {}").format(pgsql.Identifier(DEVICES_CHANNEL)))
                    self._catch_up(conn)  # whatever happened while not listening
                    while not self._closing.is_set():
                        for note in conn.notifies(timeout=FALLBACK_POLL_SECONDS):
                            self._received(note)
                        self._catch_up(conn)
            except psycopg.Error as error:
                if self._closing.is_set():
                    return
                log.warning("change notifications lost (%s); polling until they are back", error)
                self._poll_until_reconnect()

    def _poll_until_reconnect(self) -> None:
        """One bounded poll through the pool while the listen connection is down."""
        try:
            with self._pool.connection(timeout=FALLBACK_POLL_SECONDS * 4) as conn:
                self._catch_up(conn)
        except Exception as error:  # the database itself is away: try again shortly
            log.debug("version poll failed: %s", error)
        self._closing.wait(FALLBACK_POLL_SECONDS)

    def _received(self, note: psycopg.Notify) -> None:
        if note.channel == DEVICES_CHANNEL:
            if self.on_devices_changed is not None:
                self.on_devices_changed()
            return
        version, _, changed_at = note.payload.partition(" ")
        try:
            self._advance(int(version), float(changed_at))
        except ValueError:
            log.warning("unexpected change notification %r", note.payload)

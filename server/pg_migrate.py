"""`antrian server migrate --to postgresql://…`: a SQLite hall copied into PostgreSQL.

Every table of the SQLite database, row for row with the same ids, into an empty PostgreSQL
database whose schema the PostgreSQL store makes (the same MIGRATIONS); then the identity
counters move past the copied ids and every table's row count is compared, all in one
PostgreSQL transaction: a failed check leaves the target as empty as it was. The SQLite file is
only read (opened read-only).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
from psycopg import sql

from server.pg_sql import redact
from server.pg_store import WRITE_LOCK, PgStore
from server.schema import MIGRATIONS

SKIPPED = ("schema_version",)  # the target has its own, written by its migrations
SEEDED = ("sites",)  # rows the migrations write (the first site): replaced by the hall's own


class MigrationError(Exception):
    """Why nothing was copied (or the copy was undone), for the technician."""


def _source(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise MigrationError(f"{path} does not exist (give the folder with --data)")
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = db.execute("SELECT version FROM schema_version").fetchone()[0]
    except sqlite3.Error as error:
        db.close()
        raise MigrationError(f"{path} is not a server database: {error}") from error
    if version != len(MIGRATIONS):
        db.close()
        raise MigrationError(
            f"{path} has schema version {version}, this server {len(MIGRATIONS)}: start this "
            "server version once on the SQLite database (it upgrades it), stop it, then migrate"
        )
    return db


def _tables(db: sqlite3.Connection) -> list[str]:
    """The tables, each after those it refers to (a rebuilt table is newer than its children,
    so the order they were made in is not enough)."""
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY rowid"
    ).fetchall()
    names = [name for (name,) in rows if name not in SKIPPED]
    parents = {
        name: {row[2] for row in db.execute(f'PRAGMA foreign_key_list("{name}")')} - {name}
        for name in names
    }
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        if not ready:  # a cycle (none in this schema): keep the made order for the rest
            ready = [n for n in names if n not in ordered]
        ordered.extend(ready)
    return ordered


def copy_to_postgresql(sqlite_path: Path, url: str) -> dict[str, int]:
    """Copy the hall; rows per table (checked equal on both sides)."""
    source = _source(Path(sqlite_path))
    try:
        try:
            store = PgStore(url, listen=False)  # makes the schema in an empty database
        except RuntimeError as error:
            raise MigrationError(str(error)) from error
        try:
            return _copy(source, store, url)
        finally:
            store.close()
    finally:
        source.close()


def _value(conn: psycopg.Connection, query: sql.Composed):
    row = conn.execute(query).fetchone()
    return None if row is None else row[0]


def _copy(source: sqlite3.Connection, store: PgStore, url: str) -> dict[str, int]:
    tables = _tables(source)
    counts: dict[str, int] = {}
    with psycopg.connect(url) as conn:  # one transaction: committed at the end only
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        for table in tables:
            name = sql.Identifier(table)
            if table in SEEDED:
                continue
            if _value(conn, sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(name)):
                raise MigrationError(
                    f"{redact(url)} is not empty (table {table} has rows): migrate only into a "
                    "new, empty database; nothing was copied"
                )
        for table in SEEDED:
            conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))
        for table in tables:
            columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
            names = sql.SQL(", ").join(sql.Identifier(column) for column in columns)
            copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), names)
            select = f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}"'
            with conn.cursor().copy(copy_sql) as copy:
                for row in source.execute(select):
                    copy.write_row(row)
        identities = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_identity = 'YES'"
        ).fetchall()
        for table, column in identities:  # new rows continue after the copied ids
            conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence({t}, {c}), MAX({col})) FROM {tab}"
                    " HAVING MAX({col}) IS NOT NULL"
                ).format(
                    t=sql.Literal(table),
                    c=sql.Literal(column),
                    col=sql.Identifier(column),
                    tab=sql.Identifier(table),
                )
            )
        for table in tables:
            expected = source.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            got = _value(conn, sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table)))
            if got != expected:
                raise MigrationError(
                    f"table {table}: {expected} rows in SQLite but {got} in PostgreSQL; "
                    "the copy was undone"
                )
            counts[table] = got
        conn.commit()
    return counts

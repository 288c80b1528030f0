"""Backups: SQLite's online backup API, a consistent copy while tickets are being issued.

`copy_database` serves both the running server (`Store.backup`, under the store's lock) and
`antrian server backup`/`restore` (a second connection to the file of a running server).
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from server.schema import MIGRATIONS


class BackupError(Exception):
    """A database file that cannot be copied, or a copy that is not a usable database."""


def copy_database(source: sqlite3.Connection, out: Path) -> Path:
    """Copy `source` into `out` through a temporary file, so `out` is whole or absent."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        # One step (pages=-1): a single read snapshot. In WAL mode readers never block writers,
        # so kiosks keep issuing while the copy runs.
        source.backup(target)
        # The copy is one file on its own: no -wal beside it when it moves or is restored.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    partial.replace(out)
    return out


def backup_database(db_path: Path | str, out: Path | str) -> Path:
    """Copy the database at `db_path` (possibly in use by a running server) to `out`."""
    db_path = Path(db_path)
    if not db_path.is_file():
        raise BackupError(f"{db_path}: no database here")
    source = sqlite3.connect(db_path, timeout=30)
    try:
        return copy_database(source, Path(out))
    except sqlite3.Error as error:
        raise BackupError(f"{db_path}: {error}") from None
    finally:
        source.close()


def verify_database(path: Path | str, deadline_seconds: float = 60.0) -> int:
    """Check that `path` is a whole database this server can use; return its schema version.

    It must open, pass `PRAGMA integrity_check` (given up after `deadline_seconds`), and carry
    a schema version this server knows. Raises BackupError saying what is wrong. Read-only.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: file not found")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        raise BackupError(f"{path}: cannot open: {error}") from None
    give_up = time.monotonic() + deadline_seconds
    db.set_progress_handler(lambda: int(time.monotonic() > give_up), 10_000)
    try:
        rows = db.execute("PRAGMA integrity_check").fetchall()
        if [tuple(row) for row in rows] != [("ok",)]:
            problems = "; ".join(str(row[0]) for row in rows[:3])
            raise BackupError(f"{path}: integrity check failed: {problems}")
        row = db.execute("SELECT version FROM schema_version").fetchone()
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error):
            raise BackupError(
                f"{path}: integrity check took over {deadline_seconds:.0f} s"
            ) from None
        raise BackupError(f"{path}: not an Antrian MPP database ({error})") from None
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: not a database ({error})") from None
    finally:
        db.close()
    version = row[0] if row else 0
    if not 1 <= version <= len(MIGRATIONS):
        raise BackupError(
            f"{path}: schema version {version} is unknown to this server (1..{len(MIGRATIONS)})"
        )
    return version


def database_in_use(db_path: Path | str) -> bool:
    """True while another connection (a running server) has the database open.

    A running server keeps its connection open; an exclusive lock is then refused at once.
    """
    db = sqlite3.connect(db_path, timeout=0.2, isolation_level=None)
    try:
        db.execute("PRAGMA locking_mode = EXCLUSIVE")
        db.execute("BEGIN EXCLUSIVE")
        db.execute("COMMIT")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        db.close()

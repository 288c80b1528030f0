"""Backups: a consistent copy while kiosks issue tickets, and a restore that a server runs on."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time

import pytest
import requests

from client import ApiClient, Ticket
from config.server import DEFAULT_CONFIG
from server.schema import MIGRATIONS
from server.store import DB_FILE, BackupError, verify_database
from tests.support.live_server import KIOSK_TOKEN

# SQLite backups; a PostgreSQL store is backed up with pg_dump (docs/operations.md).
pytestmark = pytest.mark.sqlite_only

SERVICES = ("A", "B", "C", "J")
KIOSKS = 3
BEFORE_BACKUP = 24  # tickets acknowledged before the backup starts
COMMAND_TIMEOUT = 60


def antrian(*arguments: str) -> subprocess.CompletedProcess:
    """`antrian ...` as its own process, as the nightly timer runs it."""
    return subprocess.run(
        [sys.executable, "-m", "antrian.cli", *arguments],
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
    )


class Kiosks:
    """Threads that issue tickets through ApiClient until stopped; each ticket is recorded
    with the moment its answer arrived."""

    def __init__(self, url: str):
        self.url = url
        self.issued: list[tuple[float, Ticket]] = []
        self.errors: list[Exception] = []
        self.condition = threading.Condition()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._issue, args=(number,), daemon=True)
            for number in range(KIOSKS)
        ]

    def _issue(self, number: int) -> None:
        client = ApiClient(self.url, KIOSK_TOKEN, timeout=10)
        turn = number
        try:
            while not self.stop.is_set():
                ticket = client.issue_ticket(SERVICES[turn % len(SERVICES)])
                turn += 1
                with self.condition:
                    self.issued.append((time.monotonic(), ticket))
                    self.condition.notify_all()
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.errors.append(error)
        finally:
            client.close()

    def wait_for(self, count: int, timeout: float = 30) -> None:
        with self.condition:
            if not self.condition.wait_for(lambda: len(self.issued) >= count, timeout):
                raise AssertionError(f"only {len(self.issued)} tickets issued in {timeout} s")

    def __enter__(self) -> Kiosks:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)


def test_backup_while_issuing_then_restore_keeps_every_earlier_ticket(
    live_server, tmp_path, server_process_factory
):
    """A backup taken while three kiosks issue holds every ticket acknowledged before it began,
    and a server started on the restored folder finds them all."""
    backup_file = tmp_path / "backups" / "nightly.sqlite3"
    with Kiosks(live_server.url) as kiosks:
        kiosks.wait_for(BEFORE_BACKUP)
        backup_began = time.monotonic()
        answer = antrian(
            "server", "backup", "--config", str(DEFAULT_CONFIG),
            "--data", str(live_server.data_dir), "--out", str(backup_file),
        )  # fmt: skip
        backup_ended = time.monotonic()
        kiosks.wait_for(len(kiosks.issued) + KIOSKS)  # still issuing after the backup
    assert answer.returncode == 0, answer.stderr
    assert not kiosks.errors
    before = [ticket for at, ticket in kiosks.issued if at < backup_began]
    during = [ticket for at, ticket in kiosks.issued if backup_began <= at < backup_ended]
    assert len(before) >= BEFORE_BACKUP
    assert during, "the kiosks kept issuing while the backup ran"

    restored = tmp_path / "restored-data"
    answer = antrian("server", "restore", "--data", str(restored), str(backup_file))
    assert answer.returncode == 0, answer.stderr
    server = server_process_factory(data_dir=restored)
    for ticket in before:
        found = requests.get(f"{server.api}/track/{ticket.tracking_code}", timeout=10)
        assert found.status_code == 200, ticket.number
        assert found.json()["number"] == ticket.number


def test_restore_refuses_a_damaged_file_and_a_running_server(live_server, tmp_path):
    """Restore checks the file first and never replaces the database of a running server."""
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    answer = antrian("server", "restore", "--data", str(tmp_path / "new"), str(junk))
    assert answer.returncode == 1
    assert not (tmp_path / "new" / DB_FILE).exists()

    good = tmp_path / "good.sqlite3"
    live_server.app.state.store.backup(good)
    assert verify_database(good) == len(MIGRATIONS)
    answer = antrian("server", "restore", "--data", str(live_server.data_dir), str(good))
    assert answer.returncode == 1
    assert "in use" in answer.stderr


def test_restore_keeps_the_replaced_database_beside_it(live_server, tmp_path):
    """The database a restore replaces is moved aside, never deleted."""
    backup_file = tmp_path / "copy.sqlite3"
    live_server.app.state.store.backup(backup_file)
    target = tmp_path / "data"
    target.mkdir()
    (target / DB_FILE).write_bytes(backup_file.read_bytes())
    answer = antrian("server", "restore", "--data", str(target), str(backup_file))
    assert answer.returncode == 0, answer.stderr
    kept = list(target.glob(f"{DB_FILE}.before-restore-*"))
    assert len(kept) == 1
    assert verify_database(target / DB_FILE) == len(MIGRATIONS)


def test_backup_into_a_folder_keeps_the_newest(live_server, tmp_path):
    """`--out FOLDER/ --keep 2` names backups by time and keeps only the two newest."""
    folder = tmp_path / "nightly"
    folder.mkdir()
    for name in ("antrian-20260101-213000.sqlite3", "antrian-20260102-213000.sqlite3"):
        live_server.app.state.store.backup(folder / name)
    answer = antrian(
        "server", "backup", "--data", str(live_server.data_dir),
        "--out", f"{folder}/", "--keep", "2",
    )  # fmt: skip
    assert answer.returncode == 0, answer.stderr
    names = sorted(path.name for path in folder.iterdir())
    assert len(names) == 2
    assert names[0] == "antrian-20260102-213000.sqlite3"


def test_verify_database_names_what_is_wrong(tmp_path):
    """A file from a newer server, or not a database at all, is refused with the reason."""
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER)")
        db.execute("INSERT INTO schema_version VALUES (99)")
    db.close()
    with pytest.raises(BackupError, match="schema version 99"):
        verify_database(newer)
    with pytest.raises(BackupError, match="not found"):
        verify_database(tmp_path / "absent.sqlite3")

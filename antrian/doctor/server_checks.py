"""Checks of a server PC: data folder, database, port."""

from __future__ import annotations

import errno
import socket
import tempfile
from pathlib import Path

from antrian.doctor.core import Check, Context, Outcome

DATABASE_SECONDS = 30.0
PORT_TIMEOUT = 3.0


def check_data_dir(context: Context) -> Outcome:
    folder: Path = context.found["data_dir"]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as error:
        return Outcome(
            "fail",
            context.text("data_dir_failed", path=folder, error=error.strerror or error),
            context.text("data_dir_fix", path=folder),
        )
    return Outcome("ok", context.text("data_dir_ok", path=folder))


def check_database(context: Context) -> Outcome:
    from server.store import DB_FILE, BackupError, verify_database

    path = context.found["data_dir"] / DB_FILE
    if not path.exists():
        return Outcome("skip", context.text("database_absent", path=path))
    try:
        version = verify_database(path, deadline_seconds=DATABASE_SECONDS)
    except BackupError as error:
        return Outcome(
            "fail", context.text("database_failed", error=error), context.text("database_fix")
        )
    size_mb = path.stat().st_size / 1_000_000
    return Outcome("ok", context.text("database_ok", path=path, version=version, size_mb=size_mb))


def _health(port: int) -> dict | None:
    import requests

    try:
        answer = requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=PORT_TIMEOUT)
        body = answer.json()
    except (requests.RequestException, ValueError):
        return None
    return body if isinstance(body, dict) and body.get("status") == "ok" else None


def check_port(context: Context) -> Outcome:
    host, port = context.found["host"], context.found["port"]
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
        else:
            return Outcome("ok", context.text("port_free", port=port))
    if health := _health(port):
        return Outcome(
            "ok", context.text("port_server", port=port, version=health.get("version", "?"))
        )
    return Outcome(
        "fail", context.text("port_taken", port=port), context.text("port_fix", port=port)
    )


SERVER_PC_CHECKS = [
    Check("data_dir", lambda context: 3.0, check_data_dir, needs=("config",)),
    Check("database", lambda context: DATABASE_SECONDS + 2, check_database, needs=("data_dir",)),
    Check("port", lambda context: PORT_TIMEOUT + 2, check_port, needs=("config",)),
]

"""Checks of a server PC: data folder, database (SQLite here, PostgreSQL in pg_checks), port."""

from __future__ import annotations

import errno
import socket
import tempfile
from pathlib import Path

from antrian.doctor import probe
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


WILDCARDS = ("", "0.0.0.0", "::")
HOLDER_LIMIT = 80  # characters of the holding program's command line shown


def _bind_problem(host: str, port: int) -> OSError | None:
    """Why a server could not listen on host:port now (binding as uvicorn does), or None."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host or "0.0.0.0", port))
        except OSError as error:
            return error
    return None


def _holder_text(context: Context, port: int) -> tuple[str, bool | None]:
    """(" (pid 42: nginx ...)" or "", whether that program is an Antrian server or None)."""
    holder = probe.port_holder(port)
    if holder is None:
        return "", None
    pid, command = holder
    if len(command) > HOLDER_LIMIT:
        command = command[: HOLDER_LIMIT - 1] + "…"
    return context.text("port_holder", pid=pid, command=command), probe.is_antrian_server(command)


def check_port(context: Context) -> Outcome:
    """Is this PC's server running and answering? A free port fails (a server PC whose server
    is not running is broken), unless the install is declared not started yet."""
    host, port = context.found["host"], context.found["port"]
    address = "127.0.0.1" if host in WILDCARDS else host
    url = f"http://[{address}]:{port}" if ":" in address else f"http://{address}:{port}"
    found = probe.probe_health(url, PORT_TIMEOUT)
    values = {"port": port, "seconds": PORT_TIMEOUT, "address": address, "error": found.error}
    if found.ok:
        version = found.health.get("version", "?")
        return Outcome("ok", context.text("port_server", port=port, version=version))
    if found.cause == probe.REFUSED:
        problem = _bind_problem(host, port)
        if problem is not None and problem.errno == errno.EADDRINUSE:
            holder, _ = _holder_text(context, port)
            return Outcome(
                "fail",
                context.text("port_taken_elsewhere", holder=holder, **values),
                context.text("port_fix", port=port),
            )
        if context.found.get("not_started"):
            return Outcome("ok", context.text("port_free_not_started", port=port))
        return Outcome(
            "fail",
            context.text("port_not_running", **values),
            context.text("port_not_running_fix", path=context.path, port=port),
        )
    if found.cause in (probe.HUNG, probe.CLOSED):
        holder, ours = _holder_text(context, port)
        if ours is False:
            return Outcome(
                "fail",
                context.text("port_other_silent", holder=holder, **values),
                context.text("port_fix", port=port),
            )
        key = "port_hung" if ours else "port_hung_or_other"
        return Outcome(
            "fail",
            context.text(key, holder=holder, **values),
            context.text("port_hung_fix", port=port),
        )
    if found.cause == probe.UNHEALTHY:
        return Outcome(
            "fail",
            context.text("port_unhealthy", **values),
            context.text("port_unhealthy_fix", port=port),
        )
    if found.cause == probe.NOT_ANTRIAN:
        holder, _ = _holder_text(context, port)
        return Outcome(
            "fail",
            context.text("port_taken", holder=holder, **values),
            context.text("port_fix", port=port),
        )
    return Outcome(
        "fail",
        context.text("port_unreachable", **values),
        context.text("port_unreachable_fix", address=address),
    )


SERVER_PC_CHECKS = [
    Check("data_dir", lambda context: 3.0, check_data_dir, needs=("config",)),
    Check("database", lambda context: DATABASE_SECONDS + 2, check_database, needs=("data_dir",)),
    # Connect, then a GET (connect and read), then at most a look at who holds the port.
    Check("port", lambda context: 3 * PORT_TIMEOUT + 4, check_port, needs=("config",)),
]


def server_pc_checks(context: Context) -> list[Check]:
    """The checks of this server file: on PostgreSQL, the database's own checks instead of
    the SQLite file's (antrian.doctor.pg_checks)."""
    store = getattr(context.settings, "store", None)
    if store is None or not store.url:
        return SERVER_PC_CHECKS
    from antrian.doctor.pg_checks import PG_CHECKS

    data_dir, _sqlite_file, port = SERVER_PC_CHECKS
    return [data_dir, *PG_CHECKS, port]

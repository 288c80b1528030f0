"""`antrian server`: run the central queue server; `backup` and `restore` its database;
`migrate` a SQLite hall into PostgreSQL."""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

HELP = "Jalankan server antrian pusat (run the central queue server)"

log = logging.getLogger(__name__)


def default_data_dir() -> Path:
    """$ANTRIAN_DATA_DIR, else /var/lib/antrian as root, else ./antrian-data."""
    if env := os.environ.get("ANTRIAN_DATA_DIR"):
        return Path(env)
    return Path("/var/lib/antrian") if os.geteuid() == 0 else Path("antrian-data")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from config.server import DEFAULT_CONFIG

    parser.add_argument(
        "--config",
        type=Path,
        default=DEFAULT_CONFIG,
        help="server TOML file (default: %(default)s)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder of the SQLite database "
        "(default: $ANTRIAN_DATA_DIR, /var/lib/antrian as root, else ./antrian-data)",
    )
    parser.add_argument("--host", default="0.0.0.0", help="address to listen on (%(default)s)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port (%(default)s)")
    parser.add_argument(
        "--log-level",
        default=None,
        help="DEBUG, INFO, WARNING, ERROR (default: [logging] level of the config, else INFO)",
    )
    parser.add_argument("--access-log", action="store_true", help="log every request")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes on the one port (more than 1 needs [store] url = PostgreSQL)",
    )
    parser.add_argument(
        "--clock-start",
        metavar="ISO_TIME",
        default=None,
        help="pretend the time is this at start, then tick (demos and tests, e.g. "
        "2026-11-30T09:00); never in production",
    )
    parser.add_argument(  # tests: make idle kept-alive connections close soon and often
        "--keep-alive-seconds", type=float, default=5.0, help=argparse.SUPPRESS
    )
    # Sub-actions; none given = run the server.
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    backup = actions.add_parser(
        "backup",
        help="consistent copy of the live database (safe while tickets are issued)",
        description="Copy the database with SQLite's online backup; the server may keep running.",
    )
    _add_location_options(backup)
    backup.add_argument(
        "--out",
        type=Path,
        required=True,
        help="backup file, or an existing folder (ending in /) for antrian-<date>-<time>.sqlite3",
    )
    backup.add_argument(
        "--keep",
        type=int,
        default=None,
        help="with a folder: keep only this many newest backups there",
    )
    restore = actions.add_parser(
        "restore",
        help="put a backup back (stop the server first)",
        description="Check a backup file and make it the server's database. The database it "
        "replaces is kept beside it as antrian.sqlite3.before-restore-<date>-<time>.",
    )
    _add_location_options(restore)
    restore.add_argument("backup_file", type=Path, help="a file made by `antrian server backup`")
    migrate = actions.add_parser(
        "migrate",
        help="copy this SQLite hall into an empty PostgreSQL database",
        description="Copy every table of the SQLite database (--data) into an empty PostgreSQL "
        "database, check the row counts of every table, and leave the SQLite file as it was. "
        "Stop the server first; then set [store] url in server.toml.",
    )
    _add_location_options(migrate)
    migrate.add_argument(
        "--to", required=True, metavar="URL", help="postgresql://USER:PASSWORD@HOST:PORT/DB"
    )


def _add_location_options(parser: argparse.ArgumentParser) -> None:
    """--config/--data also after the action (`antrian server backup --data ...`); SUPPRESS
    keeps a value given before the action from being overwritten by the default."""
    parser.add_argument("--config", type=Path, default=argparse.SUPPRESS, help="server TOML file")
    parser.add_argument(
        "--data", type=Path, default=argparse.SUPPRESS, help="folder of the SQLite database"
    )


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None):
        return ACTIONS[args.action](args)
    return serve(args)


def serve(args: argparse.Namespace) -> int:
    import datetime as dt

    import uvicorn

    from config import ConfigError
    from config.logs import configure_logging
    from config.server import load_server_settings
    from server.app import create_app
    from server.clock import Clock, SettableClock
    from server.memory import return_large_buffers_to_the_system

    configure_logging("server", args.log_level or "INFO")
    return_large_buffers_to_the_system()
    try:
        settings = load_server_settings(args.config)
    except ConfigError as error:
        log.error("configuration error, server not started: %s", error)
        return 2
    if args.log_level is None:
        logging.getLogger().setLevel(settings.logging.level)
    clock = Clock(settings.site.timezone)
    if args.clock_start:
        try:
            start = dt.datetime.fromisoformat(args.clock_start)
        except ValueError:
            log.error(
                "--clock-start: %r is not an ISO time like 2026-11-30T09:00", args.clock_start
            )
            return 2
        clock = SettableClock(start, settings.site.timezone)
        log.warning("clock starts at %s (not the real time)", clock.now().isoformat())
    data_dir = args.data or default_data_dir()
    workers = getattr(args, "workers", 1)
    options = dict(
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=args.access_log,
        timeout_graceful_shutdown=5,
        # uvicorn annotates int, takes any number of seconds (the tests use 0.25)
        timeout_keep_alive=getattr(args, "keep_alive_seconds", 5.0),
    )
    if workers != 1:
        return _serve_workers(args, settings, data_dir, workers, options)
    try:
        app = create_app(settings, data_dir, clock)
    except (OSError, RuntimeError) as error:
        log.error("cannot open the database in %s: %s", data_dir, error)
        return 2
    log.info("Antrian MPP server on http://%s:%d (data: %s)", args.host, args.port, data_dir)
    uvicorn.run(app, **options)
    return 0


def _serve_workers(args, settings, data_dir: Path, workers: int, options: dict) -> int:
    """N processes on one port (uvicorn's supervisor: one listening socket shared by the
    workers, a worker that dies is started again). Only on PostgreSQL: the processes share
    everything through the database (server.pg_store)."""
    import json
    import tempfile
    import time

    import uvicorn

    from server.admin import bootstrap
    from server.app import WORKER_SETTINGS
    from server.store import open_store

    if not 1 < workers <= 64:
        log.error("--workers %d: give 1 to 64 processes", workers)
        return 2
    if not settings.store.url:
        log.error(
            "--workers %d needs PostgreSQL ([store] url in %s): SQLite is one process, whose "
            "one writer keeps the numbering and the displays' wake-ups in that process",
            workers,
            args.config,
        )
        return 2
    try:  # the schema and the config's import, once, before the workers race for them
        store = open_store(settings.store.url, data_dir)
        bootstrap(store, settings)
        store.close()
    except (OSError, RuntimeError) as error:
        log.error("cannot open the database: %s", error)
        return 2
    # The workers' counters (/metrics) meet in one folder (prometheus_client multi-process).
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="antrian-metrics-"))
    os.environ[WORKER_SETTINGS] = json.dumps(
        {
            "config": str(args.config),
            "data": str(data_dir),
            "log_level": args.log_level or settings.logging.level,
            "clock_start": args.clock_start,
            "clock_origin": time.time(),  # every worker's clock shows the same time
        }
    )
    log.info(
        "Antrian MPP server on http://%s:%d, %d processes (data: %s)",
        args.host,
        args.port,
        workers,
        _redacted(settings.store.url),
    )
    uvicorn.run("server.app:app_from_environment", factory=True, workers=workers, **options)
    return 0


def _redacted(url: str) -> str:
    from server.pg_sql import redact

    return redact(url)


def _database_path(args: argparse.Namespace) -> Path:
    from server.store import DB_FILE

    return (args.data or default_data_dir()) / DB_FILE


def _report(message: str) -> None:
    """The command's answer to the technician (stdout); the log gets it too."""
    import sys

    log.info("%s", message)
    sys.stdout.write(message + "\n")


def backup(args: argparse.Namespace) -> int:
    import datetime as dt

    from config.logs import configure_logging
    from server.backup import BackupError, backup_database, verify_database

    configure_logging("server-backup", args.log_level or "INFO")
    if url := _store_url(args):
        log.error(
            "not backed up: this server's data is in PostgreSQL (%s). Back it up with "
            "PostgreSQL's own pg_dump, e.g. pg_dump --format=custom --file=antrian.dump '%s' "
            '(docs/operations.md, "PostgreSQL")',
            _redacted(url),
            _redacted(url),
        )
        return 2
    out: Path = args.out
    folder = out if out.is_dir() or str(out).endswith("/") else None
    if folder is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    source = _database_path(args)
    try:
        backup_database(source, out)
        verify_database(out)
    except (BackupError, OSError) as error:
        log.error("backup failed: %s", error)
        return 1
    _report(f"backup of {source} written to {out} ({out.stat().st_size} bytes)")
    if folder is not None and args.keep:
        _prune(folder, args.keep)
    return 0


BACKUP_PREFIX, BACKUP_SUFFIX = "antrian-", ".sqlite3"


def _prune(folder: Path, keep: int) -> None:
    """Delete all but the `keep` newest backups this command made in `folder`."""
    made = sorted(folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"))  # names sort by time
    for old in made[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
        log.info("old backup %s removed (--keep %d)", old, keep)


def restore(args: argparse.Namespace) -> int:
    import datetime as dt
    import os
    import shutil

    from config.logs import configure_logging
    from server.backup import BackupError, database_in_use, verify_database

    configure_logging("server-restore", args.log_level or "INFO")
    try:
        version = verify_database(args.backup_file)
    except BackupError as error:
        log.error("not restored: %s", error)
        return 1
    target = _database_path(args)
    if target.exists() and database_in_use(target):
        log.error(
            "not restored: %s is in use; stop the server first (systemctl stop antrian-server)",
            target,
        )
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    incoming = target.with_name(target.name + ".restoring")
    shutil.copyfile(args.backup_file, incoming)
    with incoming.open("rb") as handle:
        os.fsync(handle.fileno())
    if target.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        # The replaced database and its WAL files move aside together, never deleted.
        for suffix in ("", "-wal", "-shm"):
            old = target.with_name(target.name + suffix)
            if old.exists():
                old.replace(old.with_name(f"{target.name}.before-restore-{stamp}{suffix}"))
        _report(f"previous database kept as {target.name}.before-restore-{stamp}")
    incoming.replace(target)
    _report(f"restored {args.backup_file} (schema {version}) to {target}; start the server now")
    return 0


def _store_url(args: argparse.Namespace) -> str | None:
    """`[store] url` of the config file, if it loads (a broken file: the SQLite path as ever)."""
    from config import ConfigError
    from config.server import load_server_settings

    try:
        return load_server_settings(args.config).store.url
    except ConfigError:
        return None


def migrate(args: argparse.Namespace) -> int:
    from config.logs import configure_logging
    from server.pg_migrate import MigrationError, copy_to_postgresql

    configure_logging("server-migrate", args.log_level or "INFO")
    source = _database_path(args)
    try:
        counts = copy_to_postgresql(source, args.to)
    except MigrationError as error:
        log.error("not migrated: %s", error)
        return 1
    for table, count in counts.items():
        _report(f"  {table}: {count} rows")
    _report(
        f"copied {source} to {_redacted(args.to)}: {sum(counts.values())} rows in "
        f"{len(counts)} tables, every count checked; {source} is unchanged. Now set "
        f'[store] url = "{_redacted(args.to)}" in server.toml (with the password) and start '
        "the server"
    )
    return 0


# name -> function(args) -> exit code
ACTIONS: dict = {"backup": backup, "restore": restore, "migrate": migrate}

"""`antrian server`: run the central queue server (later also `backup` and `restore`)."""

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
    parser.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING (%(default)s)")
    parser.add_argument("--access-log", action="store_true", help="log every request")
    parser.add_argument(
        "--clock-start",
        metavar="ISO_TIME",
        default=None,
        help="pretend the time is this at start, then tick (demos and tests, e.g. "
        "2026-11-30T09:00); never in production",
    )
    # Sub-actions (`backup`, `restore`) are added here by later issues; none given = run.
    parser.add_subparsers(dest="action", metavar="ACTION")


def run(args: argparse.Namespace) -> int:
    if getattr(args, "action", None):
        return ACTIONS[args.action](args)
    return serve(args)


def serve(args: argparse.Namespace) -> int:
    import datetime as dt

    import uvicorn

    from antrian.logs import configure_logging
    from config import ConfigError
    from config.server import load_server_settings
    from server.app import create_app
    from server.clock import Clock, SettableClock

    configure_logging("server", args.log_level)
    try:
        settings = load_server_settings(args.config)
    except ConfigError as error:
        log.error("configuration error, server not started: %s", error)
        return 2
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
    try:
        app = create_app(settings, data_dir, clock)
    except (OSError, RuntimeError) as error:
        log.error("cannot open the database in %s: %s", data_dir, error)
        return 2
    log.info("Antrian MPP server on http://%s:%d (data: %s)", args.host, args.port, data_dir)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=args.access_log,
        timeout_graceful_shutdown=5,
    )
    return 0


# name -> function(args) -> exit code; `backup` and `restore` join here later.
ACTIONS: dict = {}

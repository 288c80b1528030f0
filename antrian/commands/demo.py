"""`antrian demo`: the whole system on one machine with the example data, no hardware needed."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

HELP = "run server, kiosk and display together with the example MPP data (no hardware needed)"

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data/demo"), help="data folder")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--server-only", action="store_true", help="do not open the kiosk and display windows"
    )


def example_config(name: str) -> Path:
    """The example TOML shipped in the `config` package (config/server.toml, ...)."""
    return Path(str(resources.files("config") / name))


def demo_clock_start(now: dt.datetime) -> dt.datetime:
    """09:00 of today, or of the next Monday at a weekend, so the demo's hall is always open
    (the example services keep office hours) whatever the hour it is started."""
    day = now.date()
    while day.weekday() >= 5:  # Saturday, Sunday
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(9, 0), tzinfo=now.tzinfo)


def has_screen() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _wait_for_server(url: str, process: subprocess.Popen, seconds: float = 30.0) -> bool:
    import requests

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            if requests.get(f"{url}/api/v1/health", timeout=1).ok:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.2)  # polling a process we started; there is no signal to wait on
    return False


def run(args: argparse.Namespace) -> int:
    from antrian.logs import configure_logging

    configure_logging("demo")
    url = f"http://127.0.0.1:{args.port}"
    antrian = [sys.executable, "-m", "antrian.cli"]
    args.data.mkdir(parents=True, exist_ok=True)
    children: list[tuple[str, subprocess.Popen]] = []
    from zoneinfo import ZoneInfo

    clock_start = demo_clock_start(dt.datetime.now(ZoneInfo("Asia/Jakarta")))
    log.info("demo clock starts at %s so the example hall is open", clock_start.isoformat())
    server_command = ["server", "--config", str(example_config("server.toml"))]
    server_command += ["--data", str(args.data), "--host", "127.0.0.1", "--port", str(args.port)]
    server_command += ["--clock-start", clock_start.isoformat()]
    server = subprocess.Popen([*antrian, *server_command])
    children.append(("server", server))
    try:
        if not _wait_for_server(url, server):
            log.error("the server did not start; see the messages above")
            return 1
        log.info("server ready at %s — counter page %s/loket, admin %s/admin", url, url, url)
        log.info("demo logins: admin / admin-demo-2026, petugas1 / petugas-demo-2026")
        if args.server_only:
            pass
        elif not has_screen():
            log.warning("no screen (DISPLAY is not set): kiosk and display not opened")
        else:
            for app in ("kiosk", "display"):
                config = example_config(f"{app}.toml")
                children.append(
                    (
                        app,
                        subprocess.Popen(
                            [
                                *antrian,
                                app,
                                "--config",
                                str(config),
                                "--server-url",
                                url,
                                "--windowed",
                            ]
                        ),
                    )
                )
        log.info("press Ctrl+C to stop the demo")
        while all(child.poll() is None for _, child in children):
            time.sleep(0.5)  # supervising child processes; nothing to wait on but their exit
        for name, child in children:
            if child.poll() is not None:
                log.error("%s stopped with exit code %s", name, child.returncode)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for _, child in reversed(children):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for _, child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()

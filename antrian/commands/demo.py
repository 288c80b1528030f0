"""`antrian demo`: the whole system on one machine with the example data, no hardware needed.

The demo supervises its children (the server, and the kiosk and display when there is a
screen): SIGTERM and SIGINT stop them all and free the server's port, and a child dies with
the demo even when the demo itself is killed (Linux parent-death signal).
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

from config import N_, Catalog
from config.i18n import env_language

HELP = "run server, kiosk and display together with the example MPP data (no hardware needed)"

log = logging.getLogger(__name__)

# How long a child gets to stop after SIGTERM before it is killed; the port is free again well
# within 10 s of the demo being asked to stop.
STOP_SECONDS = 6.0

TEXTS = Catalog(
    "demo",
    Path(__file__).with_name("locale"),
    [
        N_(
            "port_taken",
            "Port {port} sudah dipakai program lain (mungkin demo atau server sebelumnya masih "
            "berjalan). Lihat programnya: ss -ltnp 'sport = :{port}' (atau sudo lsof -i :{port}); "
            "hentikan program itu, atau jalankan demo di port lain: antrian demo --port {other}",
        ),
        N_("port_unusable", "Port {port} tidak bisa dipakai: {error}"),
        N_(
            "server_not_started",
            "Server demo tidak mau mulai (kode keluar {code}); lihat pesan di atas",
        ),
        N_(
            "server_no_answer",
            "Server demo tidak menjawab dalam {seconds:.0f} detik; lihat pesan di atas",
        ),
        N_("ready", "Server siap di {url} — halaman loket {url}/loket, admin {url}/admin"),
        N_("logins", "Login demo: admin / admin-demo-2026, petugas1 / petugas-demo-2026"),
        N_("clock", "Jam demo mulai pukul {time} ({date}), jadi layanan contoh sedang buka"),
        N_(
            "no_screen",
            "Tidak ada layar (DISPLAY dan WAYLAND_DISPLAY kosong): hanya server yang berjalan, "
            "kios dan layar ruang tunggu tidak dibuka",
        ),
        N_("press_ctrl_c", "Tekan Ctrl+C untuk menghentikan demo"),
        N_("child_stopped", "{name} berhenti dengan kode keluar {code}; demo dihentikan"),
        N_("stopping", "Demo dihentikan ({signal}); menghentikan server, kios dan layar"),
        N_("killed", "{name} tidak berhenti dalam {seconds:.0f} detik; dimatikan paksa"),
    ],
)


class Stop(BaseException):  # noqa: N818 - a signal, like KeyboardInterrupt, not an error
    """SIGTERM or SIGINT arrived: stop the children and leave. A BaseException, so no
    `except Exception` on the way (requests, logging) can swallow it."""

    def __init__(self, signal_name: str):
        super().__init__(signal_name)
        self.signal_name = signal_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=Path("data/demo"), help="data folder")
    parser.add_argument("--port", type=int, default=8000, help="server port (%(default)s)")
    parser.add_argument(
        "--server-only", action="store_true", help="do not open the kiosk and display windows"
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=None,
        help="language of the messages (default: $ANTRIAN_LANG, else id)",
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


def port_problem(host: str, port: int) -> OSError | None:
    """Why the server could not listen on host:port, or None. Binds the way uvicorn does
    (SO_REUSEADDR), so connections of an earlier run still in TIME_WAIT do not count."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return error
    return None


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the demo dies, even by SIGKILL."""
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the demo's own handlers still stop it
        pass


def _start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, preexec_fn=_die_with_parent)  # noqa: PLW1509


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


def _raise_stop(number: int, frame) -> None:
    # Once: a second Ctrl+C while the children are being stopped must not cut that short.
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Stop(signal.Signals(number).name)


def stop_children(children: list[tuple[str, subprocess.Popen]], language: str) -> None:
    """SIGTERM to every child still running, then wait; a child that does not stop in
    STOP_SECONDS is killed. Signals are ignored meanwhile, so a second Ctrl+C cannot leave a
    child behind."""
    previous = {number: signal.signal(number, signal.SIG_IGN) for number in STOP_SIGNALS}
    try:
        for _, child in reversed(children):
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        for name, child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning(TEXTS.get("killed", language, name=name, seconds=STOP_SECONDS))
                child.kill()
                child.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def run(args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from config.i18n import clock_text
    from config.logs import configure_logging

    language = args.lang or env_language()
    configure_logging("demo")
    host = "127.0.0.1"
    url = f"http://{host}:{args.port}"
    if (problem := port_problem(host, args.port)) is not None:
        if problem.errno == errno.EADDRINUSE:
            log.error(TEXTS.get("port_taken", language, port=args.port, other=args.port + 1))
        else:
            log.error(TEXTS.get("port_unusable", language, port=args.port, error=problem))
        return 2
    antrian = [sys.executable, "-m", "antrian.cli"]
    args.data.mkdir(parents=True, exist_ok=True)
    children: list[tuple[str, subprocess.Popen]] = []

    clock_start = demo_clock_start(dt.datetime.now(ZoneInfo("Asia/Jakarta")))
    log.info(
        TEXTS.get(
            "clock",
            language,
            time=clock_text(clock_start, language),
            date=clock_start.date().isoformat(),
        )
    )
    server_command = ["server", "--config", str(example_config("server.toml"))]
    server_command += ["--data", str(args.data), "--host", host, "--port", str(args.port)]
    server_command += ["--clock-start", clock_start.isoformat()]
    previous = {number: signal.signal(number, _raise_stop) for number in STOP_SIGNALS}
    try:
        children.append(("server", _start([*antrian, *server_command])))
        server = children[0][1]
        if not _wait_for_server(url, server):
            if server.poll() is not None:
                log.error(TEXTS.get("server_not_started", language, code=server.returncode))
            else:
                log.error(TEXTS.get("server_no_answer", language, seconds=30))
            return 1
        log.info(TEXTS.get("ready", language, url=url))
        log.info(TEXTS.get("logins", language))
        if args.server_only:
            pass
        elif not has_screen():
            log.warning(TEXTS.get("no_screen", language))
        else:
            for app in ("kiosk", "display"):
                config = example_config(f"{app}.toml")
                command = [*antrian, app, "--config", str(config), "--server-url", url]
                children.append((app, _start([*command, "--windowed"])))
        log.info(TEXTS.get("press_ctrl_c", language))
        while all(child.poll() is None for _, child in children):
            time.sleep(0.5)  # supervising child processes; nothing to wait on but their exit
        for name, child in children:
            if child.poll() is not None:
                log.error(TEXTS.get("child_stopped", language, name=name, code=child.returncode))
        return 1
    except Stop as stop:
        log.info(TEXTS.get("stopping", language, signal=stop.signal_name))
        return 0
    finally:
        stop_children(children, language)
        for number, handler in previous.items():
            signal.signal(number, handler)

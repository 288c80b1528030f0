"""Fixtures: a real server on a free loopback port.

`live_server` runs the real app under uvicorn in a background thread, on a fresh data folder,
with config/server.toml and a clock set to Monday 2026-11-30 09:00 Asia/Jakarta (inside opening
hours) that ticks with real time. `live_server_factory` makes one with another config or start
time. `ServerProcess` runs `antrian server` as a child process (for the kill test).

Both run on the store the session chose (`store_url`, tests/support/pg.py): SQLite in the data
folder by default, a fresh PostgreSQL database per test with `pytest --store=postgresql`.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import requests
import uvicorn

from config.server import DEFAULT_CONFIG, StoreSettings, load_server_settings
from server.app import create_app
from server.clock import SettableClock

DEMO_START = dt.datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
KIOSK_TOKEN = "demo-kiosk-1-token"
DISPLAY_TOKEN = "demo-display-1-token"
ADMIN = ("admin", "admin-demo-2026")
OPERATOR = ("petugas1", "petugas-demo-2026")
START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """A real uvicorn server in a thread. `stop()` and `start()` keep the port and the data, like a
    server process going away and coming back (start() builds the app anew from the database)."""

    def __init__(
        self,
        config_path: Path,
        data_dir: Path,
        clock_start: dt.datetime,
        store_url: str | None = None,
    ):
        self.config_path = Path(config_path)
        self.settings = load_server_settings(self.config_path)
        if store_url is not None:
            self.settings = self.settings.model_copy(update={"store": StoreSettings(url=store_url)})
        self.store_url = self.settings.store.url
        self.data_dir = Path(data_dir)
        self.clock = SettableClock(clock_start, self.settings.site.timezone)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = f"{self.url}/api/v1"
        self.kiosk_token = KIOSK_TOKEN
        self.display_token = DISPLAY_TOKEN
        self.app = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._tokens: dict[str, str] = {}

    def start(self) -> LiveServer:
        if self._thread is not None:
            return self
        self.app = create_app(self.settings, self.data_dir, self.clock)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="live-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError(f"live server did not start on port {self.port}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"live server not up after {START_TIMEOUT}s")
            time.sleep(0.01)  # polling a condition with a deadline
        return self

    def stop(self) -> None:
        if self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=15)
        self.app.state.store.close()
        self._thread = None
        self._server = None

    def login(self, username: str, password: str) -> str:
        answer = requests.post(
            f"{self.api}/auth/login", json={"username": username, "password": password}, timeout=10
        )
        answer.raise_for_status()
        return answer.json()["token"]

    def admin_token(self) -> str:
        if "admin" not in self._tokens:
            self._tokens["admin"] = self.login(*ADMIN)
        return self._tokens["admin"]

    def operator_token(self) -> str:
        if "operator" not in self._tokens:
            self._tokens["operator"] = self.login(*OPERATOR)
        return self._tokens["operator"]

    @staticmethod
    def auth(token: str) -> dict:
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def live_server_factory(tmp_path_factory, store_url):
    """Make live servers: `live_server_factory(config_path=None, clock_start=None)`; all of a
    test's servers share its store (the same PostgreSQL database with --store=postgresql)."""
    servers: list[LiveServer] = []

    def make(config_path: Path | str | None = None, clock_start: dt.datetime | None = None):
        data_dir = tmp_path_factory.mktemp("server-data")
        url = store_url
        if url is not None and servers:  # a second server of the test gets its own database
            url = _another_database(store_url, len(servers))
        server = LiveServer(config_path or DEFAULT_CONFIG, data_dir, clock_start or DEMO_START, url)
        servers.append(server.start())
        return server

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def live_server(live_server_factory) -> LiveServer:
    """The demo server (config/server.toml) on a fresh database, Monday 2026-11-30 09:00 WIB."""
    return live_server_factory()


class ServerProcess:
    """`antrian server` as a child process on a free port (to be killed for real)."""

    def __init__(
        self,
        data_dir: Path,
        config_path: Path | str = DEFAULT_CONFIG,
        clock_start: dt.datetime | None = DEMO_START,
        port: int | None = None,
        extra_args: tuple[str, ...] = (),
        store_url: str | None = None,
        start_timeout: float = START_TIMEOUT,
    ):
        self.start_timeout = start_timeout
        self.data_dir = Path(data_dir)
        self.config_path = with_store(Path(config_path), store_url, self.data_dir)
        self.store_url = store_url
        self.clock_start = clock_start
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api = f"{self.url}/api/v1"
        self.extra_args = tuple(extra_args)  # more `antrian server` options
        self.process: subprocess.Popen | None = None

    def start(self) -> ServerProcess:
        command = [
            sys.executable, "-m", "antrian.cli", "server",
            "--config", str(self.config_path), "--data", str(self.data_dir),
            "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "WARNING",
        ]  # fmt: skip
        if self.clock_start is not None:
            command += ["--clock-start", self.clock_start.isoformat()]
        command += self.extra_args
        self.log_path = self.data_dir / "server-process.log"
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ},
            start_new_session=True,  # its own process group: --workers' children go with it
        )
        deadline = time.monotonic() + self.start_timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text(errors='replace')}")
            try:
                if requests.get(f"{self.api}/health", timeout=1).ok:
                    return self
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.kill()  # never left running behind a failed test
                raise TimeoutError(
                    f"server process did not answer /health: {self.log_path.read_text()[-2000:]}"
                )
            time.sleep(0.05)  # polling a condition with a deadline

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, like a power cut for the process (and for its
        worker processes, with --workers)."""
        if self.process and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.process.wait(timeout=10)
        self._log.close()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.process:  # a worker that outlived its supervisor
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if not self._log.closed:
            self._log.close()


def with_store(config_path: Path, store_url: str | None, folder: Path) -> Path:
    """The config file, or with `store_url` a copy of it in `folder` with `[store] url` added."""
    if store_url is None:
        return config_path
    copy = folder / f"with-store-{config_path.name}"
    text = config_path.read_text(encoding="utf-8")
    copy.write_text(f'{text}\n\n[store]\nurl = "{store_url}"\n', encoding="utf-8")
    return copy


def _another_database(url: str, number: int) -> str:
    """A fresh database beside `url`'s (same cluster), for a test's second independent server."""
    import psycopg

    base, _, name = url.rpartition("/")
    other = f"{name}_{number}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{other}" STRATEGY FILE_COPY')
    return f"{base}/{other}"


@pytest.fixture
def server_process_factory(tmp_path_factory, store_url):
    """Make `ServerProcess`es (stopped at the end): `server_process_factory(data_dir=None, ...)`.
    Every process of a test uses the test's store (so one started on the same data continues
    where a killed one stopped, on SQLite and on PostgreSQL alike)."""
    processes: list[ServerProcess] = []

    def make(data_dir: Path | None = None, **options) -> ServerProcess:
        options.setdefault("store_url", store_url)
        process = ServerProcess(data_dir or tmp_path_factory.mktemp("server-proc"), **options)
        processes.append(process)
        return process.start()

    yield make
    for process in processes:
        process.stop()

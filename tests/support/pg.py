"""A throw-away PostgreSQL cluster for the tests, and which store the server tests run on.

`pytest --store=postgresql` (or `ANTRIAN_TEST_STORE=postgresql`) runs every test that starts a
server (through `live_server`, `live_server_factory`, `server_process_factory`, or the
`store_url` fixture itself) on PostgreSQL, each test on a database of its own; the tests that
start no server are deselected in that run, since they would only repeat the SQLite run.
`make test` runs both. A test that only makes sense on SQLite (it reads the SQLite file or
holds its lock) is marked `@pytest.mark.sqlite_only`.

The cluster is made once per session by Debian's PostgreSQL (`initdb`, `pg_ctl`) in a temporary
folder, owned by the `postgres` user when the tests run as root (PostgreSQL refuses root), on a
free loopback port, without fsync (a test database need not survive a power cut; the server's
SIGKILL tests kill the server, not PostgreSQL). Without PostgreSQL installed, the PostgreSQL
tests are skipped, saying why.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.support.live_server import free_port

STORES = ("sqlite", "postgresql")
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def postgres_bin() -> Path | None:
    """The newest installed PostgreSQL's programs (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class PgCluster:
    """One PostgreSQL server in a temporary folder; `database()` makes a fresh database."""

    def __init__(self, bin_dir: Path, *, durable: bool = False):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="antrian-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.durable = durable  # fsync on, as in production (the benchmark)
        self._names = itertools.count(1)
        self._as_postgres = os.geteuid() == 0

    def _run(self, *command: str) -> None:
        if self._as_postgres:
            command = ("runuser", "-u", "postgres", "--", *command)
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> PgCluster:
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "--auth=trust", "-U", "postgres",
            "--no-sync", "-E", "UTF8", "--locale=C",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
            " -c max_connections=300 -c shared_buffers=64MB"
        )
        if not self.durable:
            options += " " + FAST
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.root / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def database(self, prefix: str = "t") -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"{prefix}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY')
        return self.url(name)

    def password_role(self, name: str, password: str) -> str:
        """A login role that must give `password` over TCP (the rest of the cluster trusts
        every connection); the URL of the cluster's `postgres` database as that role."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
            hba = self.data / "pg_hba.conf"  # the first matching line wins
            hba.write_text(
                f"host all {name} 127.0.0.1/32 scram-sha-256\n" + hba.read_text(), "utf-8"
            )
            conn.execute("SELECT pg_reload_conf()")
        url = f"postgresql://{name}:{password}@127.0.0.1:{self.port}/postgres"
        deadline = time.monotonic() + 30  # the reload is asynchronous: wait until it holds
        while True:
            try:
                psycopg.connect(url.replace(f":{password}@", ":not-it@")).close()
            except psycopg.OperationalError as error:
                if "password authentication failed" in str(error):
                    return url
            assert time.monotonic() < deadline, "pg_hba.conf was not reloaded"
            time.sleep(0.05)  # polling a condition with a deadline

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--store",
        choices=STORES,
        default=os.environ.get("ANTRIAN_TEST_STORE", "sqlite"),
        help="the server's store in the tests that start one (default: $ANTRIAN_TEST_STORE, "
        "else sqlite); postgresql starts a throw-away cluster (tests/support/pg.py)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: needs the SQLite store (skipped in the --store=postgresql run)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--store") != "postgresql":
        return
    keep, dropped = [], []
    for item in items:
        uses_store = "store_url" in getattr(item, "fixturenames", ())
        (keep if uses_store and not item.get_closest_marker("sqlite_only") else dropped).append(
            item
        )
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL cluster (skips the test when PostgreSQL is not installed)."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL is not installed (Debian: apt-get install postgresql, see "
            "deploy/apt-packages.txt); the PostgreSQL half of the tests needs it"
        )
    cluster = PgCluster(bin_dir).start()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """A fresh empty PostgreSQL database for this test (whatever --store says)."""
    return pg_cluster.database()


@pytest.fixture
def store_url(request) -> str | None:
    """The `[store] url` of the servers this test starts: None (SQLite in the data folder), or
    a fresh PostgreSQL database with `--store=postgresql`."""
    if request.config.getoption("--store") != "postgresql":
        return None
    return request.getfixturevalue("pg_url")

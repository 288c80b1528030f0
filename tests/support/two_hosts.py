"""Fixtures: two `antrian server` processes on one database, as two hosts of one hall (issue 14,
part 3), each knowing both addresses (`[site] server_urls`).

The database both use comes from `hall_store`, once on each store: SQLite in one data folder
(SQLite's write lock holds across processes, and after the kill only the survivor writes), and
PostgreSQL with a `[store] url` for both and a data folder each, as a real hall runs it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from config.server import DEFAULT_CONFIG
from tests.support.live_server import ServerProcess, free_port

CLOCK_LEAD = dt.timedelta(seconds=30)  # the second host's test clock ahead of the first's


@dataclass(frozen=True)
class HallStore:
    """Where the two hosts keep the hall's one database."""

    data_dirs: tuple[Path, Path]  # `antrian server --data` of host 1 and host 2
    server_toml: str = ""  # added to both hosts' server.toml (a `[store]` table on PostgreSQL)


@pytest.fixture(params=["sqlite", "postgresql"])
def hall_store(request, tmp_path) -> HallStore:
    """The one database of both hosts. SQLite: one data folder for both processes (its write
    lock holds across processes). PostgreSQL, as a real hall runs two hosts: one database of the
    throw-away cluster and a data folder each (skipped where PostgreSQL is not installed)."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
        dirs = tmp_path / "host1", tmp_path / "host2"
        for folder in dirs:
            folder.mkdir()
        return HallStore(dirs, f'[store]\nurl = "{url}"\n')
    folder = tmp_path / "hall"
    folder.mkdir()
    return HallStore((folder, folder))


@dataclass
class TwoHosts:
    first: ServerProcess
    second: ServerProcess

    @property
    def urls(self) -> list[str]:
        return [self.first.url, self.second.url]


@pytest.fixture
def two_hosts(hall_store, tmp_path):
    """Two `antrian server` processes on the hall's database, each knowing both addresses
    (`[site] server_urls`), started one after the other as on two PCs."""
    ports = free_port(), free_port()
    # Two names for loopback, as two PCs have two addresses: a browser keeps a cookie for each.
    urls = [f"http://127.0.0.1:{ports[0]}", f"http://localhost:{ports[1]}"]
    listed = ", ".join(f'"{url}"' for url in urls)
    text = DEFAULT_CONFIG.read_text(encoding="utf-8").replace(
        '# server_urls = ["http://192.168.10.2:8000", "http://192.168.10.3:8000"]',
        f"server_urls = [{listed}]",
    )
    assert f"server_urls = [{listed}]" in text
    config = tmp_path / "server.toml"
    config.write_text(text + "\n" + hall_store.server_toml, encoding="utf-8")
    first_dir, second_dir = hall_store.data_dirs
    first = ServerProcess(first_dir, config_path=config, port=ports[0])
    processes = [first]
    try:
        first.start()
        # Tickets are called in the order they were issued, by the time each host stamps:
        # real hosts keep one time (NTP, docs/operations.md). The test clocks start when each
        # process does, so the second's is set a little ahead of the first's, never behind.
        first_time = dt.datetime.fromisoformat(requests.get(f"{first.api}/health").json()["time"])
        second = ServerProcess(
            second_dir, config_path=config, port=ports[1], clock_start=first_time + CLOCK_LEAD
        )
        second.url, second.api = urls[1], f"{urls[1]}/api/v1"
        processes.append(second)
        second.start()
        yield TwoHosts(first, second)
    finally:
        for process in processes:
            process.stop()

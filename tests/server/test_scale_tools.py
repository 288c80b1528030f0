"""The scale-out tools: `antrian server migrate` (SQLite → PostgreSQL), `backup` and
`--workers` on the wrong store, and `/metrics`."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
from pathlib import Path

import psycopg
import requests

from config.server import DEFAULT_CONFIG
from server.store import DB_FILE
from tests.server.util import Api, counter_id
from tests.support.live_server import DEMO_START, DISPLAY_TOKEN, LiveServer, with_store


def antrian(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "antrian.cli", "server", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def digest(folder: Path) -> str:
    return hashlib.sha256((folder / DB_FILE).read_bytes()).hexdigest()


def test_migrate_copies_a_sqlite_hall_into_postgresql(tmp_path, pg_url):
    """Every table and row arrives with its ids, the counts are checked, the SQLite file is
    unchanged, numbering and events continue on PostgreSQL, and a second run is refused."""
    data = tmp_path / "hall"
    hall = LiveServer(DEFAULT_CONFIG, data, DEMO_START).start()  # SQLite, whatever --store says
    kiosk = Api(hall, hall.kiosk_token)
    issued = [kiosk.issue("A") for _ in range(5)] + [kiosk.issue("B")]
    staff = Api(hall, hall.operator_token())
    loket = counter_id(hall, "Loket 1")
    assert staff.post(f"/counters/{loket}/call-next").status_code == 200
    with hall.app.state.store.read() as tx:
        last_event = tx.last_event_id()
    hall.stop()
    before = digest(data)

    done = antrian("migrate", "--data", str(data), "--to", pg_url)
    assert done.returncode == 0, done.stderr
    assert "every count checked" in done.stdout
    assert digest(data) == before  # the SQLite file is only read
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT COUNT(*) FROM tickets").fetchone()[0] == 6
        assert conn.execute("SELECT MAX(id) FROM events").fetchone()[0] == last_event

    moved = LiveServer(DEFAULT_CONFIG, tmp_path / "unused", DEMO_START, store_url=pg_url).start()
    try:
        kiosk = Api(moved, moved.kiosk_token)
        for ticket in issued:
            stored = kiosk.get(f"/tickets/{ticket['id']}").json()
            assert (stored["number"], stored["tracking_code"]) == (
                ticket["number"],
                ticket["tracking_code"],
            )
        assert kiosk.issue("A")["number"] == "A-006"  # the day's counter came along
        display = Api(moved, DISPLAY_TOKEN).get("/display/state").json()
        assert display["version"] > last_event  # new events continue after the copied ids
        assert display["calls"][0]["ticket"]["number"] == "A-001"
    finally:
        moved.stop()

    again = antrian("migrate", "--data", str(data), "--to", pg_url)
    assert again.returncode == 1
    assert "not empty" in again.stderr


def test_backup_on_postgresql_points_to_pg_dump(tmp_path, pg_url):
    config = with_store(Path(DEFAULT_CONFIG), pg_url, tmp_path)
    done = antrian("backup", "--config", str(config), "--out", str(tmp_path / "b.sqlite3"))
    assert done.returncode == 2
    assert "pg_dump" in done.stderr
    assert not (tmp_path / "b.sqlite3").exists()


def test_several_workers_are_refused_on_sqlite(tmp_path):
    done = antrian("--data", str(tmp_path), "--port", "1", "--workers", "2")
    assert done.returncode == 2
    assert "needs PostgreSQL" in done.stderr


def test_metrics_in_prometheus_format(live_server):
    """Issued tickets, the waiting line, devices and the display wake time, from loopback."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    kiosk.issue("A")
    kiosk.post("/devices/heartbeat", json={"status": {"printer": "paper_low"}})
    display = Api(live_server, DISPLAY_TOKEN)
    since = display.get("/display/state").json()["version"]
    staff = Api(live_server, live_server.operator_token())

    def call_soon():
        staff.post(f"/counters/{counter_id(live_server, 'Loket 1')}/call-next")

    caller = threading.Timer(0.2, call_soon)  # the call arrives while the display waits
    caller.start()
    woken = display.get("/display/state", params={"since": since, "wait": 20}, timeout=30)
    caller.join()
    assert woken.json()["version"] > since
    text = requests.get(f"{live_server.url}/metrics", timeout=10).text
    assert 'antrian_waiting{service="A",site="utama"} 1.0' in text
    assert "antrian_tickets_issued_total{process=" in text
    assert "antrian_calls_total{process=" in text
    assert 'antrian_device_printer{device="kiosk-1",site="utama",state="paper_low"} 1.0' in text
    assert 'antrian_devices_online{kind="kiosk",site="utama"} 1.0' in text
    assert "antrian_oldest_wait_seconds" in text
    count = [
        line for line in text.splitlines() if line.startswith("antrian_display_wake_seconds_count")
    ]
    assert count and float(count[0].split()[-1]) >= 1


def test_metrics_only_for_the_allowed_addresses(live_server_factory, tmp_path):
    config = tmp_path / "server.toml"
    text = Path(DEFAULT_CONFIG).read_text(encoding="utf-8")
    config.write_text(text + '\n[metrics]\nallow = ["10.0.0.0/8"]\n', encoding="utf-8")
    server = live_server_factory(config_path=config)
    answer = requests.get(f"{server.url}/metrics", timeout=10)
    assert answer.status_code == 403
    assert "[metrics] allow" in answer.text

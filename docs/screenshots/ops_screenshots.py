"""Screenshots for technicians of a hall on PostgreSQL with two server hosts (issue 14):
`antrian doctor` on the server PC, all fine (ops_doctor_postgresql.png) and with a wrong
database password (ops_doctor_postgresql_wrong_password.png, the password never shown), and
`antrian setup kiosk` given both hosts (ops_setup_two_servers.png).

Everything is real: a throw-away PostgreSQL cluster (tests/support/pg.py) with a role that
must give its password, two `antrian server` processes on its one database, the commands run
as a technician runs them; their output is drawn as a terminal (devices_screenshots).

Run: .venv/bin/python docs/screenshots/ops_screenshots.py   (needs Debian's postgresql)
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg  # noqa: E402
import requests  # noqa: E402
from devices_screenshots import COLUMNS, HERE, ROOT, terminal_png  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from tests.support.live_server import ADMIN, ServerProcess  # noqa: E402
from tests.support.pg import PgCluster, postgres_bin  # noqa: E402
from tests.support.printer_peers import TcpPrinterPeer  # noqa: E402

log = logging.getLogger("ops_screenshots")
PASSWORD = "Rahasia-Aula-2026"


def server_toml(folder: Path, store_url: str) -> Path:
    """The example server.toml with the hall's `[store] url`, as /etc/antrian/server.toml."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "server.toml"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    path.write_text(f'{text}\n[store]\nurl = "{store_url}"\n', encoding="utf-8")
    return path


def antrian(*arguments: str, state: Path) -> str:
    """`antrian …` without a terminal; what it printed, wrapped as a terminal wraps it."""
    env = {**os.environ, "ANTRIAN_STATE_DIR": str(state), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "antrian.cli", *arguments],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env, timeout=120,
        check=False,
    )  # fmt: skip
    shown = "$ sudo antrian " + " ".join(arguments)
    lines = [shown, *done.stdout.rstrip().splitlines()]
    wrapped = [line[i : i + COLUMNS] for line in lines for i in range(0, len(line) or 1, COLUMNS)]
    return "\n".join(wrapped)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    bin_dir = postgres_bin()
    if bin_dir is None:
        raise SystemExit("PostgreSQL is not installed (deploy/apt-packages.txt)")
    cluster = PgCluster(bin_dir).start()
    root = Path(tempfile.mkdtemp(prefix="ops-shots-"))
    hosts: list[ServerProcess] = []
    printer = TcpPrinterPeer()
    try:
        cluster.password_role("antrian", PASSWORD)
        with psycopg.connect(cluster.url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE antrian OWNER antrian")
        url = f"postgresql://antrian:{PASSWORD}@127.0.0.1:{cluster.port}/antrian"
        config = server_toml(root / "antrian", url)
        for name in ("host1", "host2"):
            folder = root / name
            folder.mkdir()
            hosts.append(ServerProcess(folder, config, clock_start=None).start())
        first, second = hosts

        def doctor(config: Path) -> str:
            return antrian(
                "doctor", "--config", str(config), "--data", str(first.data_dir),
                "--host", "127.0.0.1", "--port", str(first.port), state=root,
            )  # fmt: skip

        terminal_png(doctor(config), HERE / "ops_doctor_postgresql.png")
        wrong = server_toml(root / "lama", url.replace(PASSWORD, "sandi-lama-2025"))
        shown = doctor(wrong)
        assert PASSWORD not in shown and "sandi-lama-2025" not in shown
        terminal_png(shown, HERE / "ops_doctor_postgresql_wrong_password.png")

        login = requests.post(
            f"{first.api}/auth/login",
            json={"username": ADMIN[0], "password": ADMIN[1]},
            timeout=30,
        )
        made = requests.post(
            f"{first.api}/admin/devices/pairing",
            json={"name": "kiosk-utara", "kind": "kiosk"},
            headers={"Authorization": f"Bearer {login.json()['token']}"},
            timeout=30,
        ).json()
        shown = antrian(
            "setup", "kiosk", "--server", first.url, "--server", second.url,
            "--code", made["code"], "--mpp-name", "Mal Pelayanan Publik Kabupaten Madiun",
            "--printer", "network", "--printer-host", printer.host,
            "--printer-port", str(printer.port), "--orientation", "landscape",
            "--config-out", str(root / "kiosk.toml"), "--no-enable", state=root,
        )  # fmt: skip
        terminal_png(shown, HERE / "ops_setup_two_servers.png")
    finally:
        for host in hosts:
            host.stop()
        printer.stop()
        cluster.stop()


if __name__ == "__main__":
    main()

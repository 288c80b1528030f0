"""The brake on guessing (server.throttle) counts in the database: wrong passwords and pairing
codes sent to two real server processes on one PostgreSQL are refused after the limit in
total, tries sent at once cannot slip past it, a whole office logging in at once from one
address is not slowed down, a success takes its count back, and only the last window's rows
are kept (on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.server.util import OPERATOR2, Api, error_code
from tests.support.hall import write_hall_config
from tests.support.live_server import ADMIN, OPERATOR, ServerProcess

LIMIT = 5  # [auth] max_failed_logins of config/server.toml
WRONG_CODES = 10  # server.pairing.WRONG_CODES


@pytest.fixture(scope="module")
def two_processes(pg_cluster, tmp_path_factory):
    """Two `antrian server` processes (two ports, as two hosts) on one PostgreSQL database."""
    url = pg_cluster.database()
    first = ServerProcess(tmp_path_factory.mktemp("first"), store_url=url).start()
    try:
        second = ServerProcess(tmp_path_factory.mktemp("second"), store_url=url).start()
    except BaseException:
        first.stop()
        raise
    yield first, second
    second.stop()
    first.stop()


def log_in(server: ServerProcess, username: str, password: str) -> requests.Response:
    return requests.post(
        f"{server.api}/auth/login", json={"username": username, "password": password}, timeout=30
    )


def test_wrong_passwords_alternated_across_processes_count_once(two_processes):
    """Five wrong passwords, alternating between the processes: the sixth try is 429 on either
    process, even with the right password (in memory each would have seen only 2 or 3)."""
    username, password = OPERATOR
    for number in range(LIMIT):
        answer = log_in(two_processes[number % 2], username, "tebak-tebakan")
        assert (answer.status_code, error_code(answer)) == (401, "invalid_credentials")
    for server in two_processes:
        blocked = log_in(server, username, password)
        assert (blocked.status_code, error_code(blocked)) == (429, "too_many_attempts")
        assert int(blocked.headers["Retry-After"]) > 0


def test_tries_sent_at_once_to_both_processes_let_only_the_limit_through(two_processes):
    """Sixteen wrong passwords at once, spread over both processes: exactly the limit are
    answered (401), every other is 429: the check and the count are one transaction."""
    username = OPERATOR2[0]
    with ThreadPoolExecutor(16) as pool:
        answers = list(
            pool.map(
                lambda number: log_in(two_processes[number % 2], username, "tebak-tebakan"),
                range(16),
            )
        )
    codes = sorted(answer.status_code for answer in answers)
    assert codes == [401] * LIMIT + [429] * (16 - LIMIT)


def test_wrong_pairing_codes_alternated_across_processes_count_once(two_processes):
    for number in range(WRONG_CODES):
        answer = requests.post(
            f"{two_processes[number % 2].api}/devices/pair", json={"code": "AAAA-AAAA"}, timeout=30
        )
        assert answer.status_code == 404, answer.text
    for server in two_processes:
        blocked = requests.post(
            f"{server.api}/devices/pair", json={"code": "AAAA-AAAA"}, timeout=30
        )
        assert (blocked.status_code, error_code(blocked)) == (429, "pairing_throttled")


def failed_rows(live_server) -> int:
    with live_server.app.state.store.read() as tx:
        return tx._value("SELECT COUNT(*) FROM failed_attempts")


def test_a_success_takes_the_count_back_and_old_rows_go(live_server):
    """Wrong, wrong, wrong, right: the count starts again (four more wrong ones are still
    401); after the window only the newest try's rows remain."""
    anyone = Api(live_server)
    username, password = ADMIN
    wrong = {"username": username, "password": "tebak-tebakan"}
    for _ in range(3):
        assert anyone.post("/auth/login", json=wrong).status_code == 401
    right = anyone.post("/auth/login", json={"username": username, "password": password})
    assert right.status_code == 200
    for _ in range(LIMIT - 1):
        assert anyone.post("/auth/login", json=wrong).status_code == 401
    assert failed_rows(live_server) == 3 * 1 + 2 * (LIMIT - 1)  # the address keeps the first 3
    live_server.clock.advance(dt.timedelta(minutes=5, seconds=1))
    assert anyone.post("/auth/login", json=wrong).status_code == 401
    assert failed_rows(live_server) == 2  # this try, by username and by address


def test_a_whole_office_logging_in_at_once_from_one_address_gets_in(live_server_factory, tmp_path):
    """22 operators log in at the same moment from one address (an office NAT): every one gets
    in. Only failures count against an address, so tries still in flight do not."""
    hall = write_hall_config(tmp_path)
    server = live_server_factory(config_path=hall.config_path)

    def log_in(counter: str) -> int:
        username, password = hall.operator(counter)
        body = {"username": username, "password": password}
        return requests.post(f"{server.api}/auth/login", json=body, timeout=60).status_code

    with ThreadPoolExecutor(len(hall.counters)) as pool:
        assert list(pool.map(log_in, hall.counters)) == [200] * len(hall.counters)
    assert failed_rows(server) == 0

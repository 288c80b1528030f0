"""Several `antrian server` processes on one PostgreSQL (`--workers N`): the queue rules hold
across processes, a display is woken whichever process handled the call, and a killed process
loses no acknowledged ticket. Real processes, a real PostgreSQL (tests/support/pg.py)."""

from __future__ import annotations

import os
import signal
import threading
import time
import uuid
from collections import Counter as Tally
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.server.util import OPERATOR2
from tests.support.live_server import ADMIN, DISPLAY_TOKEN, KIOSK_TOKEN, OPERATOR, ServerProcess

DEADLINE = 45.0  # seconds any one phase may take on a loaded machine


def worker_pids(server: ServerProcess) -> list[int]:
    """The pids of uvicorn's worker processes under the server command."""
    assert server.process is not None
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    pids = []
    for pid in children.read_text().split():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            pids.append(int(pid))
    return pids


@pytest.fixture(scope="module", params=[2, 4], ids=["2-processes", "4-processes"])
def workers_server(request, pg_cluster, tmp_path_factory):
    """`antrian server --workers N` on a fresh PostgreSQL database, every worker up. One per
    module and N (starting N processes is the slow part): each test below uses services of
    its own, and the kill test comes last."""
    workers = request.param
    server = ServerProcess(
        tmp_path_factory.mktemp(f"workers-{workers}"),
        store_url=pg_cluster.database(),
        extra_args=("--workers", str(workers)),
        start_timeout=90,  # N interpreters start at once on a busy machine
    )
    server.start()
    deadline = time.monotonic() + DEADLINE
    while len(worker_pids(server)) < workers:
        assert time.monotonic() < deadline, "not every worker started"
        time.sleep(0.05)  # polling a condition with a deadline
    server.workers = workers
    yield server
    server.stop()


def session(token: str) -> requests.Session:
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    return s


def log_in(server: ServerProcess, credentials: tuple[str, str]) -> requests.Session:
    answer = requests.post(
        f"{server.api}/auth/login",
        json={"username": credentials[0], "password": credentials[1]},
        timeout=10,
    )
    answer.raise_for_status()
    return session(answer.json()["token"])


def issue_with_retries(kiosk: requests.Session, server: ServerProcess, service: str) -> dict:
    """Like a kiosk: one Idempotency-Key per ticket, retried until the server answers."""
    key = uuid.uuid4().hex
    deadline = time.monotonic() + DEADLINE
    while True:
        try:
            answer = kiosk.post(
                f"{server.api}/tickets",
                json={"service": service},
                headers={"Idempotency-Key": key},
                timeout=10,
            )
            if answer.status_code == 201:
                return answer.json()
        except requests.RequestException:
            pass  # the process that had the connection is gone: try again, same key
        assert time.monotonic() < deadline, "no answer for a ticket"
        time.sleep(0.02)  # a kiosk's short pause before its retry


def numbers_by_service(tickets: list[dict]) -> dict[str, list[int]]:
    found = defaultdict(list)
    for ticket in tickets:
        found[ticket["service"]["code"]].append(int(ticket["number"].split("-")[1]))
    return found


def test_sixteen_kiosks_issue_400_tickets_without_duplicate_or_gap(workers_server):
    services = ["P", "T", "J"]  # no daily quota

    def issue(index: int) -> dict:
        answer = session(KIOSK_TOKEN).post(
            f"{workers_server.api}/tickets", json={"service": services[index % 3]}, timeout=30
        )
        assert answer.status_code == 201, answer.text
        return answer.json()

    with ThreadPoolExecutor(max_workers=16) as pool:
        issued = list(pool.map(issue, range(400)))
    for code, numbers in numbers_by_service(issued).items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), code
    assert len({t["id"] for t in issued}) == 400


def test_idempotency_key_holds_across_processes(workers_server):
    """Retries under one key, on many connections (so on several processes): one ticket."""

    def issue(_):
        answer = session(KIOSK_TOKEN).post(
            f"{workers_server.api}/tickets",
            json={"service": "C"},
            headers={"Idempotency-Key": "same-key"},
            timeout=30,
        )
        assert answer.status_code == 201, answer.text
        return answer.json()["id"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert len(set(pool.map(issue, range(16)))) == 1


def test_the_last_places_of_a_quota_go_to_exactly_that_many_kiosks(workers_server):
    """16 kiosks (a connection each, so every process) race for the last 10 places of a
    service's quota: exactly 10 tickets, numbered 1 to 10, every other kiosk told "full"."""
    admin = log_in(workers_server, ADMIN)
    created = admin.post(
        f"{workers_server.api}/admin/services",
        json={
            "code": "W",
            "name": "Kuota Terbatas",
            "agency": "Dinas Kependudukan dan Pencatatan Sipil",
            "daily_quota": 10,
            "hours": None,
        },
        timeout=10,
    )
    assert created.status_code in (200, 201), created.text
    start = threading.Barrier(16)

    def kiosk(_) -> list[tuple[int, dict]]:
        own = session(KIOSK_TOKEN)
        start.wait(timeout=DEADLINE)
        answers = []
        for _ in range(3):
            answer = own.post(f"{workers_server.api}/tickets", json={"service": "W"}, timeout=30)
            answers.append((answer.status_code, answer.json()))
        return answers

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = [a for each in pool.map(kiosk, range(16)) for a in each]
    issued = [body for status, body in answers if status == 201]
    refused = [body for status, body in answers if status != 201]
    assert sorted(numbers_by_service(issued)["W"]) == list(range(1, 11))
    assert len(refused) == 48 - 10
    assert {(body.get("error") or body).get("code") for body in refused} == {"quota_exhausted"}


def test_two_counters_calling_200_times_never_call_a_ticket_twice(workers_server):
    kiosk = session(KIOSK_TOKEN)
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: issue_with_retries(kiosk, workers_server, "AB"[i % 2]), range(200)))
    admin_counters = log_in(workers_server, OPERATOR).get(
        f"{workers_server.api}/counters", timeout=10
    )
    ids = {c["name"]: c["id"] for c in admin_counters.json()}
    called: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()

    def work(credentials, name):
        # A new connection per call: the calls land on every process.
        staff_token = log_in(workers_server, credentials).headers["Authorization"]
        counter = ids.get(name) or _counter_id(workers_server, credentials, name)
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:
            headers = {"Authorization": staff_token, "Connection": "close"}
            answer = requests.post(
                f"{workers_server.api}/counters/{counter}/call-next", headers=headers, timeout=10
            )
            if answer.status_code == 404:
                return
            if answer.status_code != 200:
                errors.append(answer.text)
                return
            with lock:
                called.append(answer.json()["current"]["number"])
            requests.post(
                f"{workers_server.api}/counters/{counter}/finish", headers=headers, timeout=10
            )

    threads = [
        threading.Thread(target=work, args=(OPERATOR, "Loket 1")),
        threading.Thread(target=work, args=(OPERATOR2, "Loket 2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=DEADLINE + 10)
    assert not errors
    assert len(called) == 200
    assert max(Tally(called).values()) == 1


def _counter_id(server, credentials, name) -> int:
    answer = log_in(server, credentials).get(f"{server.api}/counters", timeout=10)
    return next(c["id"] for c in answer.json() if c["name"] == name)


def test_a_display_is_woken_whichever_process_handled_the_call(workers_server):
    """Long polls spread over the processes (a connection each) all answer the change at once
    (NOTIFY), long before their 25 s wait ends."""
    display = session(DISPLAY_TOKEN)
    since = display.get(f"{workers_server.api}/display/state", timeout=10).json()["version"]
    polls = 4 * workers_server.workers
    ready = threading.Barrier(polls + 1)
    answers: list[tuple[float, int]] = []

    def long_poll() -> None:
        ready.wait(timeout=DEADLINE)
        answer = requests.get(
            f"{workers_server.api}/display/state",
            params={"since": since, "wait": 25},
            headers={"Authorization": f"Bearer {DISPLAY_TOKEN}", "Connection": "close"},
            timeout=40,
        )
        answers.append((time.monotonic(), answer.json()["version"]))

    threads = [threading.Thread(target=long_poll) for _ in range(polls)]
    for thread in threads:
        thread.start()
    ready.wait(timeout=DEADLINE)  # every poll is on its way (one still in flight answers at once)
    issued_at = time.monotonic()
    answer = session(KIOSK_TOKEN).post(
        f"{workers_server.api}/tickets", json={"service": "M"}, timeout=10
    )
    assert answer.status_code == 201
    for thread in threads:
        thread.join(timeout=40)
    assert len(answers) == polls
    assert all(version > since for _, version in answers)
    assert max(at for at, _ in answers) - issued_at < 10, "a display waited out its long poll"


def test_a_revoked_device_is_refused_by_every_process(workers_server):
    """Every process caches device tokens for a few seconds; switching a kiosk off clears
    them all (NOTIFY), so at once no process lets the token in."""
    token = "demo-kiosk-2-token"
    processes = 4 * workers_server.workers

    def heartbeat(_) -> int:
        answer = requests.post(
            f"{workers_server.api}/devices/heartbeat",
            json={"status": {}},
            headers={"Authorization": f"Bearer {token}", "Connection": "close"},
            timeout=10,
        )
        return answer.status_code

    with ThreadPoolExecutor(max_workers=processes) as pool:
        assert set(pool.map(heartbeat, range(processes))) == {200}  # cached in every process
        admin = log_in(workers_server, ADMIN)
        devices = admin.get(f"{workers_server.api}/admin/devices", timeout=10).json()
        kiosk = next(d for d in devices if d["name"] == "kiosk-2")
        switched = admin.patch(
            f"{workers_server.api}/admin/devices/{kiosk['id']}", json={"active": False}, timeout=10
        )
        assert switched.status_code == 200, switched.text
        deadline = time.monotonic() + 3.0  # the cache alone would keep it for 5 s
        while set(pool.map(heartbeat, range(processes))) != {401}:
            assert time.monotonic() < deadline, "a process still let the revoked kiosk in"


def test_sigkill_of_one_process_loses_no_acknowledged_ticket(workers_server):
    """Kiosks keep issuing while one worker is killed; every acknowledged ticket is there, and
    (the kiosks retrying under their keys) the numbers have no duplicate and no gap."""
    acknowledged: list[dict] = []
    lock = threading.Lock()
    enough = threading.Event()
    stop = threading.Event()

    def kiosk(index: int) -> None:
        own = session(KIOSK_TOKEN)
        while not stop.is_set():
            ticket = issue_with_retries(own, workers_server, "PT"[index % 2])  # no quota
            with lock:
                acknowledged.append(ticket)
                if len(acknowledged) >= 120:
                    enough.set()

    kiosks = [threading.Thread(target=kiosk, args=(i,)) for i in range(8)]
    for thread in kiosks:
        thread.start()
    assert enough.wait(timeout=DEADLINE)
    victim = worker_pids(workers_server)[0]
    os.kill(victim, signal.SIGKILL)  # while the kiosks are sending
    with lock:
        at_kill = len(acknowledged)
    deadline = time.monotonic() + DEADLINE
    while len(acknowledged) < at_kill + 80:  # the others go on serving
        assert time.monotonic() < deadline, "issuing stopped after one process was killed"
        time.sleep(0.05)  # polling a condition with a deadline
    stop.set()
    for thread in kiosks:
        thread.join(timeout=DEADLINE)
    reader = session(KIOSK_TOKEN)
    for ticket in acknowledged:
        stored = reader.get(f"{workers_server.api}/tickets/{ticket['id']}", timeout=10).json()
        assert (stored["number"], stored["tracking_code"]) == (
            ticket["number"],
            ticket["tracking_code"],
        )
    for code, numbers in numbers_by_service(acknowledged).items():  # after the first test's
        numbers.sort()
        assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), code

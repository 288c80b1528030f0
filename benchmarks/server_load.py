"""Load on the central server over loopback: kiosks issuing, counters calling, displays waiting.

Runs `antrian server` as a child process on a fresh data folder (a generated config: always-open
services without quota, one operator per counter, one token per kiosk and display), then:

1. issue:      N kiosks issue T tickets each, as fast as they can (threads, requests);
2. call-next:  M counters call next + finish as fast as they can, no displays;
3. call→display: K displays long-poll /display/state (asyncio + httpx) while the counters call
   at a steady pace; latency = display received the call − counter sent call-next;
4. raw disk:   single-row INSERT + COMMIT in SQLite WAL, synchronous=FULL, in the same folder.

Prints throughput and p50/p95/p99 per phase and the ratio issue rate / raw commit rate.
Bounded: every phase has a count and a time limit.

    .venv/bin/python benchmarks/server_load.py --kiosks 50 --counters 10 --displays 100
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.live_server import ServerProcess  # noqa: E402

SERVICES = "ABCDEFGHJK"
PASSWORD = "bench-password-1"


def write_config(folder: Path, counters: int, kiosks: int, displays: int) -> Path:
    lines = ['[site]\npublic_url = "http://127.0.0.1"\n']
    for code in SERVICES:
        lines.append(f'[[services]]\ncode = "{code}"\nname = "Layanan {code}"\nagency = "Dinas"\n')
    for number in range(1, counters + 1):
        lines.append(f'[[counters]]\nname = "Loket {number}"\nservices = {list(SERVICES)!r}\n')
        lines.append(
            f'[[users]]\nusername = "op{number}"\npassword = "{PASSWORD}"\nrole = "operator"\n'
            f'counters = ["Loket {number}"]\n'
        )
    for number in range(1, kiosks + 1):
        lines.append(f'[[devices]]\nname = "kiosk-{number}"\nkind = "kiosk"\n'
                     f'token = "bench-kiosk-{number:04d}"\n')  # fmt: skip
    for number in range(1, displays + 1):
        lines.append(f'[[devices]]\nname = "display-{number}"\nkind = "display"\n'
                     f'token = "bench-display-{number:04d}"\n')  # fmt: skip
    path = folder / "bench.toml"
    path.write_text("\n".join(lines).replace("'", '"'))
    return path


def percentiles(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    ordered = sorted(samples)

    def pick(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000

    return (
        f"p50 {pick(0.50):6.1f} ms  p95 {pick(0.95):6.1f} ms  p99 {pick(0.99):6.1f} ms  "
        f"max {ordered[-1] * 1000:6.1f} ms  (n={len(ordered)})"
    )


def run_threads(count: int, target, *args) -> None:
    threads = [threading.Thread(target=target, args=(index, *args)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def phase_issue(
    api: str, kiosks: int, per_kiosk: int, deadline: float, tag: str = "a", pace: float = 0.0
) -> tuple[float, list]:
    """Kiosks issue tickets; `pace` seconds between a kiosk's tickets (0 = flat out)."""
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(kiosks)

    def kiosk(index: int) -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer bench-kiosk-{index + 1:04d}"
        barrier.wait()
        if pace:  # kiosks are not synchronised: each starts at its own moment
            time.sleep(random.uniform(0, pace))
        for number in range(per_kiosk):
            if time.monotonic() > deadline:
                return
            started = time.perf_counter()
            answer = session.post(
                f"{api}/tickets",
                json={"service": SERVICES[(index + number) % len(SERVICES)]},
                headers={"Idempotency-Key": f"{tag}-{index}-{number}"},
                timeout=30,
            )
            elapsed = time.perf_counter() - started
            answer.raise_for_status()
            with lock:
                latencies.append(elapsed)
            if pace:
                time.sleep(max(0.0, pace - elapsed))

    started = time.perf_counter()
    run_threads(kiosks, kiosk)
    return len(latencies) / (time.perf_counter() - started), latencies


def login_all(api: str, counters: int) -> list[str]:
    tokens = []
    for number in range(1, counters + 1):
        answer = requests.post(
            f"{api}/auth/login", json={"username": f"op{number}", "password": PASSWORD}, timeout=30
        )
        answer.raise_for_status()
        tokens.append(answer.json()["token"])
    return tokens


def counter_ids(api: str, tokens: list[str]) -> list[int]:
    ids = []
    for token in tokens:
        answer = requests.get(
            f"{api}/counters", headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        ids.append(answer.json()[0]["id"])
    return ids


def phase_calls(
    api: str,
    tokens: list[str],
    ids: list[int],
    limit: int,
    deadline: float,
    pace: float = 0.0,
    sent_at: dict | None = None,
) -> tuple[float, list]:
    """Counters call next and finish; `pace` seconds between calls per counter (0 = flat out)."""
    latencies: list[float] = []
    lock = threading.Lock()
    remaining = [limit]

    def counter(index: int) -> None:
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {tokens[index]}"
        base = f"{api}/counters/{ids[index]}"
        if pace:  # counters are not synchronised either
            time.sleep(random.uniform(0, pace))
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            started_wall = time.time()
            started = time.perf_counter()
            answer = session.post(f"{base}/call-next", timeout=30)
            elapsed = time.perf_counter() - started
            if answer.status_code == 404:
                return
            answer.raise_for_status()
            with lock:
                latencies.append(elapsed)
                if sent_at is not None:
                    sent_at[answer.json()["current"]["id"]] = started_wall
            session.post(f"{base}/finish", timeout=30).raise_for_status()
            if pace:
                time.sleep(pace * random.uniform(0.5, 1.5))

    started = time.perf_counter()
    run_threads(len(tokens), counter)
    return len(latencies) / (time.perf_counter() - started), latencies


def display_process(api: str, count: int, ready, stop, results) -> None:
    """K displays long-polling in one asyncio loop, in their own process (so the load generator
    does not starve the server of the second core less than it must); sends back, per display,
    when it first saw each called ticket."""
    seen: list[dict[int, float]] = [{} for _ in range(count)]

    async def poll(index: int) -> None:
        # One client (one connection) per display, as in the hall; a shared pool of 100
        # connections in httpx adds its own queueing and would measure the client, not us.
        headers = {"Authorization": f"Bearer bench-display-{index + 1:04d}"}
        async with httpx.AsyncClient(timeout=40, headers=headers) as client:
            version = (await client.get(f"{api}/display/state")).json()["version"]
            ready_count.append(index)
            if len(ready_count) == count:
                ready.set()
            while not stop.is_set():
                answer = await client.get(f"{api}/display/state?since={version}&wait=2")
                received = time.time()
                state = answer.json()
                version = state["version"]
                for call in state["calls"]:
                    seen[index].setdefault(call["ticket"]["id"], received)

    async def run() -> None:
        await asyncio.gather(*(poll(i) for i in range(count)))

    ready_count: list[int] = []
    asyncio.run(run())
    results.put(seen)


def raw_commit_rate(folder: Path, seconds: float) -> float:
    path = folder / "raw-commit-test.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t (v) VALUES ('x')")
        db.execute("COMMIT")
        count += 1
    rate = count / (time.perf_counter() - started)
    db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return rate


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--tickets-per-kiosk", type=int, default=20)
    parser.add_argument("--kiosk-pace", type=float, default=0.5, help="paced issue: seconds")
    parser.add_argument("--paced-tickets", type=int, default=10, help="paced issue: per kiosk")
    parser.add_argument("--counters", type=int, default=10)
    parser.add_argument("--displays", type=int, default=100)
    parser.add_argument("--paced-calls", type=int, default=60, help="calls in the display phase")
    parser.add_argument("--pace", type=float, default=5.0, help="seconds between a counter's calls")
    parser.add_argument("--phase-seconds", type=float, default=60, help="time limit per phase")
    parser.add_argument("--data", type=Path, default=None, help="folder on the disk to measure")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="antrian-bench-", dir=args.data))
    config = write_config(folder, args.counters, args.kiosks, args.displays)
    data = folder / "data"
    data.mkdir()
    print(f"machine: {machine()}")
    print(f"data folder: {data}")
    server = ServerProcess(data, config, clock_start=None)
    server.start()
    try:
        api = server.api
        print(f"server: antrian server on {server.url} (one uvicorn process)")

        rate, latencies = phase_issue(
            api, args.kiosks, args.tickets_per_kiosk, time.monotonic() + args.phase_seconds
        )
        issue_rate = rate
        print(f"\n[issue]      {args.kiosks} kiosks flat out: {rate:7.1f} tickets/s")
        print(f"             latency {percentiles(latencies)}")

        rate, latencies = phase_issue(
            api,
            args.kiosks,
            args.paced_tickets,
            time.monotonic() + args.phase_seconds,
            tag="paced",
            pace=args.kiosk_pace,
        )
        print(
            f"\n[issue]      {args.kiosks} kiosks, each one ticket per {args.kiosk_pace}s: "
            f"{rate:7.1f} tickets/s"
        )
        print(f"             latency {percentiles(latencies)}")

        tokens = login_all(api, args.counters)
        ids = counter_ids(api, tokens)
        rate, latencies = phase_calls(
            api, tokens, ids, len(latencies), time.monotonic() + args.phase_seconds
        )
        print(f"\n[call-next]  {args.counters} counters: {rate:7.1f} calls/s (each + finish)")
        print(f"             latency {percentiles(latencies)}")

        # Tickets for the paced phase.
        phase_issue(
            api, args.kiosks, -(-args.paced_calls // args.kiosks), time.monotonic() + 60, tag="b"
        )
        context = multiprocessing.get_context("spawn")
        ready, stop, results = context.Event(), context.Event(), context.Queue()
        displays = context.Process(
            target=display_process, args=(api, args.displays, ready, stop, results)
        )
        displays.start()
        ready.wait(120)
        sent_at: dict[int, float] = {}
        _, call_latencies = phase_calls(
            api,
            tokens,
            ids,
            args.paced_calls,
            time.monotonic() + args.phase_seconds,
            pace=args.pace,
            sent_at=sent_at,
        )
        time.sleep(1.0)  # let the last answers reach the displays
        stop.set()
        seen_by_display = results.get(timeout=60)
        displays.join(30)
        delays = [
            seen[ticket] - sent
            for seen in seen_by_display
            for ticket, sent in sent_at.items()
            if ticket in seen
        ]
        missed = len(sent_at) * args.displays - len(delays)
        print(
            f"\n[call→display] {args.displays} displays long-polling, {len(sent_at)} calls "
            f"({args.counters} counters, one call per {args.pace}s each)"
        )
        print(f"             call-next latency {percentiles(call_latencies)}")
        print(f"             call→display      {percentiles(delays)}  missed {missed}")

        raw = raw_commit_rate(folder, 3.0)
        print(f"\n[raw disk]   fsync'd single-row SQLite commits: {raw:8.1f} /s")
        print(f"             ratio issue rate / raw commit rate: {issue_rate / raw:.3f}")
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

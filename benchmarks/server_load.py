"""Load on the central server over loopback: kiosks issuing, counters calling, displays waiting.

Runs `antrian server` as a child process on a fresh data folder (a generated config: always-open
services without quota, one operator per counter, one token per kiosk and display), then:

1. issue:      N kiosks issue T tickets each, as fast as they can; then paced;
2. call-next:  M counters call next + finish as fast as they can, no displays;
3. call→display: K displays long-poll /display/state (in `--display-processes` processes of
   their own, polls of `--display-wait` 10 s as a real display's default) while the counters
   call at a steady pace; latency = display had the answer's head − counter sent call-next;
4. raw disk:   single-row INSERT + COMMIT in SQLite WAL, synchronous=FULL, in the same folder.

The clients are asyncio tasks (uvloop when present) on raw streams with a minimal HTTP/1.1
reader, one keep-alive connection each: a few tens of microseconds of client CPU per request,
but a display also parses each state it gets (~0.2 ms each, measured and printed): with 1 000
displays on the server's two cores the generator is part of what is measured. Times are taken
as soon as a response head arrives (`time.monotonic`, the same clock in every process).

Prints throughput and p50/p95/p99 per phase and the ratio issue rate / raw commit rate.
Bounded: every phase has a count and a time limit.

    .venv/bin/python benchmarks/server_load.py --kiosks 50 --counters 10 --displays 100

`--compare` runs the issue and call→display phases once per store and process count, side by
side in one run, and ends with a table (tickets/s, issue p99, CPU per ticket of the server and
of PostgreSQL, call→display p95, the server's own commit → wake p95 from /metrics, the server's
CPU per display answer):

    .venv/bin/python benchmarks/server_load.py --compare sqlite/1,postgresql/1,postgresql/2 \
        --displays 1000

PostgreSQL runs in a throw-away cluster (tests/support/pg.py) with fsync on, as in production.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.live_server import ServerProcess  # noqa: E402
from tests.support.pg import PgCluster, postgres_bin  # noqa: E402

SERVICES = "ABCDEFGHJK"
PASSWORD = "bench-password-1"
TIMEOUT = 30.0
IDLE_REOPEN_SECONDS = 4.0  # below uvicorn's keep-alive timeout (5 s)


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


class Http:
    """One keep-alive HTTP/1.1 connection; answers must carry Content-Length (uvicorn's do).

    uvicorn closes a connection idle for 5 s, so one idle for longer is opened anew first."""

    def __init__(self, url: str, token: str | None = None):
        parts = urlsplit(url)
        self.host, self.port, self.prefix = parts.hostname, parts.port, parts.path
        self.fixed = f"Host: {self.host}:{self.port}\r\n".encode()
        if token:
            self.fixed += f"Authorization: Bearer {token}\r\n".encode()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.used = 0.0

    async def open(self) -> Http:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.used = time.monotonic()
        return self

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()

    async def request(
        self, method: str, path: str, body: object = None, headers: str = ""
    ) -> tuple[int, bytes, float]:
        """(status, body, monotonic time the response head arrived)."""
        payload = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {self.prefix}{path} HTTP/1.1\r\n".encode() + self.fixed + headers.encode()
        if body is not None:
            head += b"Content-Type: application/json\r\n"
        head += b"Content-Length: %d\r\n\r\n" % len(payload)
        if time.monotonic() - self.used > IDLE_REOPEN_SECONDS:
            self.close()
            await self.open()
        self.writer.write(head + payload)
        answer = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), TIMEOUT)
        arrived = time.monotonic()
        status = int(answer[9:12])
        lower = answer.lower()
        at = lower.find(b"\r\ncontent-length:")
        if at < 0:
            raise RuntimeError(f"answer without Content-Length: {answer!r}")
        length = int(lower[at + 17 : lower.find(b"\r\n", at + 2)])
        data = await self.reader.readexactly(length)
        self.used = time.monotonic()
        return status, data, arrived


async def _checked(conn: Http, method: str, path: str, body: object = None, headers: str = ""):
    started = time.monotonic()
    status, data, arrived = await conn.request(method, path, body, headers)
    if status >= 400 and status != 404:
        raise RuntimeError(f"{method} {path}: {status} {data[:200]!r}")
    return status, data, started, arrived


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


async def phase_issue(
    api: str, kiosks: int, per_kiosk: int, seconds: float, tag: str, pace: float = 0.0
) -> tuple[float, list[float]]:
    """Kiosks issue tickets; `pace` seconds between a kiosk's tickets (0 = flat out)."""
    conns = [await Http(api, f"bench-kiosk-{i + 1:04d}").open() for i in range(kiosks)]
    latencies: list[float] = []
    deadline = time.monotonic() + seconds

    async def kiosk(index: int) -> None:
        if pace:  # kiosks are not synchronised: each starts at its own moment
            await asyncio.sleep(random.uniform(0, pace))
        for number in range(per_kiosk):
            if time.monotonic() > deadline:
                return
            _, _, started, arrived = await _checked(
                conns[index],
                "POST",
                "/tickets",
                {"service": SERVICES[(index + number) % len(SERVICES)]},
                f"Idempotency-Key: {tag}-{index}-{number}\r\n",
            )
            latencies.append(arrived - started)
            if pace:
                await asyncio.sleep(max(0.0, pace - (arrived - started)))

    started = time.monotonic()
    await asyncio.gather(*(kiosk(i) for i in range(kiosks)))
    rate = len(latencies) / (time.monotonic() - started)
    for conn in conns:
        conn.close()
    return rate, latencies


async def login_all(api: str, counters: int) -> list[tuple[str, int]]:
    """(token, counter id) per operator."""
    result = []
    for number in range(1, counters + 1):
        conn = await Http(api).open()
        _, data, _, _ = await _checked(
            conn, "POST", "/auth/login", {"username": f"op{number}", "password": PASSWORD}
        )
        conn.close()
        token = json.loads(data)["token"]
        conn = await Http(api, token).open()
        _, data, _, _ = await _checked(conn, "GET", "/counters")
        conn.close()
        result.append((token, json.loads(data)[0]["id"]))
    return result


async def phase_calls(
    api: str,
    operators: list[tuple[str, int]],
    limit: int,
    seconds: float,
    pace: float = 0.0,
    sent_at: dict[int, float] | None = None,
) -> tuple[float, list[float]]:
    """Counters call next, then finish at once; `pace` seconds between a counter's calls
    (0 = flat out). `sent_at` gets, per called ticket, when its call-next was sent."""
    conns = [await Http(api, token).open() for token, _ in operators]
    latencies: list[float] = []
    remaining = [limit]
    deadline = time.monotonic() + seconds

    async def counter(index: int) -> None:
        base = f"/counters/{operators[index][1]}"
        if pace:  # counters are not synchronised either
            await asyncio.sleep(random.uniform(0, pace))
        while time.monotonic() < deadline and remaining[0] > 0:
            remaining[0] -= 1
            status, data, started, arrived = await _checked(
                conns[index], "POST", f"{base}/call-next"
            )
            if status == 404:
                return
            latencies.append(arrived - started)
            if sent_at is not None:
                sent_at[json.loads(data)["current"]["id"]] = started
            await _checked(conns[index], "POST", f"{base}/finish")
            if pace:
                await asyncio.sleep(pace * random.uniform(0.5, 1.5))

    started = time.monotonic()
    await asyncio.gather(*(counter(i) for i in range(len(operators))))
    rate = len(latencies) / (time.monotonic() - started)
    for conn in conns:
        conn.close()
    return rate, latencies


def display_process(api: str, first: int, count: int, wait: float, ready, stop, results) -> None:
    """Displays `first`..`first + count - 1` long-polling in one event loop, in their own
    process; sends back, per display, when it first had each called ticket (the moment the
    answer's head arrived), and the process's own CPU seconds and answers read."""
    seen: list[dict[int, float]] = [{} for _ in range(count)]
    ready_count = [0]
    answers = [0]

    async def poll(index: int) -> None:
        conn = await Http(api, f"bench-display-{first + index + 1:04d}").open()
        _, data, _, _ = await _checked(conn, "GET", "/display/state")
        version = json.loads(data)["version"]
        ready_count[0] += 1
        if ready_count[0] == count:
            ready.set()
        while not stop.is_set():
            _, data, _, arrived = await _checked(
                conn, "GET", f"/display/state?since={version}&wait={wait:g}"
            )
            answers[0] += 1
            state = json.loads(data)
            version = state["version"]
            for call in state["calls"]:
                seen[index].setdefault(call["ticket"]["id"], arrived)
        conn.close()

    async def run() -> None:
        await asyncio.gather(*(poll(i) for i in range(count)))

    _event_loop_policy()
    cpu = time.process_time()
    asyncio.run(run())
    results.put((seen, time.process_time() - cpu, answers[0]))


class Displays:
    """The displays' load generator: `count` displays split over `processes` processes (on a
    two-core machine one process for 1 000 displays is itself a bottleneck, see README)."""

    def __init__(self, api: str, count: int, processes: int, wait: float):
        context = multiprocessing.get_context("spawn")
        self.stop, self.results = context.Event(), context.Queue()
        self.readies, self.processes = [], []
        share = -(-count // processes)
        for first in range(0, count, share):
            ready = context.Event()
            process = context.Process(
                target=display_process,
                args=(api, first, min(share, count - first), wait, ready, self.stop, self.results),
            )
            process.start()
            self.readies.append(ready)
            self.processes.append(process)
        self.count = count

    async def wait_ready(self, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        deadline = time.monotonic() + timeout
        for ready in self.readies:
            left = max(0.0, deadline - time.monotonic())
            if not await loop.run_in_executor(None, ready.wait, left):
                raise RuntimeError(f"the displays did not connect within {timeout:.0f} s")

    async def collect(self, sent_at: dict[int, float]) -> dict:
        """Per display and call: when the display had it − when the call was sent; misses;
        the generator's CPU per answer read."""
        loop = asyncio.get_running_loop()
        await asyncio.sleep(1.0)  # let the last answers reach the displays
        self.stop.set()
        seen_by_display: list[dict[int, float]] = []
        cpu = 0.0
        answers = 0
        for _ in self.processes:
            seen, seconds, read = await loop.run_in_executor(None, self.results.get, True, 90)
            seen_by_display += seen
            cpu += seconds
            answers += read
        for process in self.processes:
            process.join(30)
        delays = [
            seen[ticket] - sent
            for seen in seen_by_display
            for ticket, sent in sent_at.items()
            if ticket in seen
        ]
        return {
            "delays": delays,
            "missed": len(sent_at) * self.count - len(delays),
            "answers": answers,
            "client_cpu_per_answer": cpu / max(1, answers),
        }


def wake_histogram(api: str) -> dict[float, float]:
    """The server's own call → display wake histogram (/metrics, every process summed):
    cumulative count per bucket bound, from the commit to the long poll's wake-up."""
    root = api.rsplit("/api/", 1)[0]
    with urllib.request.urlopen(f"{root}/metrics", timeout=TIMEOUT) as answer:
        text = answer.read().decode()
    buckets: dict[float, float] = {}
    for line in text.splitlines():
        if line.startswith("antrian_display_wake_seconds_bucket{"):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            value = float(line.rsplit(" ", 1)[1])
            key = float("inf") if bound == "+Inf" else float(bound)
            buckets[key] = buckets.get(key, 0.0) + value
    return buckets


def wake_percentile(before: dict[float, float], after: dict[float, float], fraction: float):
    """The bucket bound (ms) under which `fraction` of the phase's wake-ups fell."""
    counts = {bound: after.get(bound, 0.0) - before.get(bound, 0.0) for bound in after}
    total = counts.get(float("inf"), 0.0)
    if not total:
        return float("nan")
    for bound in sorted(counts):
        if counts[bound] >= fraction * total:
            return bound * 1000
    return float("inf")


def postmaster_pid(cluster: PgCluster | None) -> int | None:
    if cluster is None:
        return None
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its worker processes so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children")
    for child in children.read_text().split() if children.exists() else ():
        total += cpu_seconds(int(child))
    return total


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


def _event_loop_policy() -> None:
    try:
        import uvloop
    except ImportError:
        return
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


def pick(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000


async def compare_phases(
    args: argparse.Namespace, api: str, server_pid: int, pg_pid: int | None
) -> dict:
    """The two phases the side-by-side table shows: issue flat out, call→display."""
    cpu_before = cpu_seconds(server_pid)
    pg_before = cpu_seconds(pg_pid) if pg_pid else 0.0
    client_before = time.process_time()
    issue_rate, latencies = await phase_issue(
        api, args.kiosks, args.tickets_per_kiosk, args.phase_seconds, "a"
    )
    issued = max(1, len(latencies))
    cpu_per_ticket = (cpu_seconds(server_pid) - cpu_before) / issued
    pg_per_ticket = (cpu_seconds(pg_pid) - pg_before) / issued if pg_pid else 0.0
    client_per_ticket = (time.process_time() - client_before) / issued
    print(f"  [issue] {issue_rate:7.1f} tickets/s, latency {percentiles(latencies)}")
    print(
        f"          CPU per ticket: server {cpu_per_ticket * 1000:.2f} ms, "
        f"PostgreSQL {pg_per_ticket * 1000:.2f} ms, the kiosks (this process) "
        f"{client_per_ticket * 1000:.2f} ms"
    )
    operators = await login_all(api, args.counters)
    displays = Displays(api, args.displays, args.display_processes, args.display_wait)
    await displays.wait_ready(180)
    loop = asyncio.get_running_loop()
    wakes_before = await loop.run_in_executor(None, wake_histogram, api)
    cpu_before = cpu_seconds(server_pid)
    sent_at: dict[int, float] = {}
    _, call_latencies = await phase_calls(
        api, operators, args.paced_calls, args.phase_seconds, args.pace, sent_at
    )
    seen = await displays.collect(sent_at)
    server_cpu = cpu_seconds(server_pid) - cpu_before
    wakes_after = await loop.run_in_executor(None, wake_histogram, api)
    delays = seen["delays"]
    wake_p95 = wake_percentile(wakes_before, wakes_after, 0.95)
    per_answer = server_cpu / max(1, seen["answers"])
    print(f"  [call→display] {percentiles(delays)}  missed {seen['missed']}")
    print(
        f"          server wake (commit → poll woken) p95 ≤ {wake_p95:.0f} ms; "
        f"{seen['answers']} display answers; CPU per answer: server {per_answer * 1000:.3f} ms, "
        f"display generator {seen['client_cpu_per_answer'] * 1000:.3f} ms"
    )
    return {
        "rate": issue_rate,
        "issue_p99": pick(latencies, 0.99),
        "cpu_ms": cpu_per_ticket * 1000,
        "pg_ms": pg_per_ticket * 1000,
        "wake_p50": pick(delays, 0.50),
        "wake_p95": pick(delays, 0.95),
        "server_wake_p95": wake_p95,
        "answer_ms": per_answer * 1000,
        "client_answer_ms": seen["client_cpu_per_answer"] * 1000,
        "missed": seen["missed"],
    }


def compare(args: argparse.Namespace) -> int:
    """Every `store/processes` of --compare on a fresh database, one after the other."""
    setups = [item.strip().split("/") for item in args.compare.split(",") if item.strip()]
    cluster = None
    if any(store == "postgresql" for store, _ in setups):
        bin_dir = postgres_bin()
        if bin_dir is None:
            print("PostgreSQL is not installed (apt-get install postgresql)")
            return 2
        cluster = PgCluster(bin_dir, durable=True).start()
    pg_pid = postmaster_pid(cluster)
    print(f"machine: {machine()}")
    rows = []
    try:
        for store, processes in setups:
            folder = Path(tempfile.mkdtemp(prefix="antrian-bench-", dir=args.data))
            config = write_config(folder, args.counters, args.kiosks, args.displays)
            data = folder / "data"
            data.mkdir()
            url = cluster.database("bench") if store == "postgresql" and cluster else None
            print(f"\n== {store}, {processes} process(es)")
            server = ServerProcess(
                data,
                config,
                clock_start=None,
                store_url=url,
                extra_args=("--workers", processes),
                start_timeout=120,
            )
            server.start()
            try:
                _event_loop_policy()
                figures = asyncio.run(
                    compare_phases(args, server.api, server.process.pid, pg_pid if url else None)
                )
            finally:
                server.stop()
                subprocess.run(["rm", "-rf", str(folder)], check=False)
            rows.append((f"{store}/{processes}", figures))
    finally:
        if cluster is not None:
            cluster.stop()
    base = next((f["rate"] for name, f in rows if name == "postgresql/1"), None)
    print(
        f"\n{args.kiosks} kiosks flat out; {args.displays} displays in "
        f"{args.display_processes} process(es), polls of {args.display_wait:g} s; "
        f"{args.counters} counters calling one per {args.pace}s"
    )
    print("| store/processes | tickets/s | × PG/1 | issue p99 | server CPU/ticket | PG CPU/ticket "
          "| call→display p50 | p95 | server wake p95 | server CPU/answer | missed |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, f in rows:
        ratio = f"{f['rate'] / base:.2f}" if base else "–"
        print(
            f"| {name} | {f['rate']:.0f} | {ratio} | {f['issue_p99']:.0f} ms | "
            f"{f['cpu_ms']:.1f} ms | {f['pg_ms']:.1f} ms | {f['wake_p50']:.0f} ms | "
            f"{f['wake_p95']:.0f} ms | ≤ {f['server_wake_p95']:.0f} ms | "
            f"{f['answer_ms']:.2f} ms | {f['missed']} |"
        )
    return 0


async def run_phases(args: argparse.Namespace, api: str, server_pid: int, folder: Path) -> None:
    cpu_before = cpu_seconds(server_pid)
    issue_rate, latencies = await phase_issue(
        api, args.kiosks, args.tickets_per_kiosk, args.phase_seconds, "a"
    )
    cpu_per_ticket = (cpu_seconds(server_pid) - cpu_before) / max(1, len(latencies))
    print(f"\n[issue]      {args.kiosks} kiosks flat out: {issue_rate:7.1f} tickets/s")
    print(f"             latency {percentiles(latencies)}")
    print(
        f"             server CPU {cpu_per_ticket * 1000:.2f} ms per ticket (all threads, user +"
        f" system): at most {1 / cpu_per_ticket:.0f} tickets/s on one core"
    )

    rate, latencies = await phase_issue(
        api, args.kiosks, args.paced_tickets, args.phase_seconds, "paced", args.kiosk_pace
    )
    print(
        f"\n[issue]      {args.kiosks} kiosks, each one ticket per {args.kiosk_pace}s: "
        f"{rate:7.1f} tickets/s"
    )
    print(f"             latency {percentiles(latencies)}")

    operators = await login_all(api, args.counters)
    rate, latencies = await phase_calls(api, operators, len(latencies), args.phase_seconds)
    print(f"\n[call-next]  {args.counters} counters: {rate:7.1f} calls/s (each + finish)")
    print(f"             latency {percentiles(latencies)}")

    # Tickets for the paced phase.
    await phase_issue(api, args.kiosks, -(-args.paced_calls // args.kiosks), 60, "b")
    displays = Displays(api, args.displays, args.display_processes, args.display_wait)
    await displays.wait_ready(120)
    sent_at: dict[int, float] = {}
    _, call_latencies = await phase_calls(
        api, operators, args.paced_calls, args.phase_seconds, args.pace, sent_at
    )
    seen = await displays.collect(sent_at)
    delays, missed = seen["delays"], seen["missed"]
    print(
        f"\n[call→display] {args.displays} displays long-polling, {len(sent_at)} calls "
        f"({args.counters} counters, one call per {args.pace}s each)"
    )
    print(f"             call-next latency {percentiles(call_latencies)}")
    print(f"             call→display      {percentiles(delays)}  missed {missed}")

    raw = raw_commit_rate(folder, 3.0)
    print(f"\n[raw disk]   fsync'd single-row SQLite commits: {raw:8.1f} /s")
    print(f"             ratio issue rate / raw commit rate: {issue_rate / raw:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--tickets-per-kiosk", type=int, default=20)
    parser.add_argument("--kiosk-pace", type=float, default=0.5, help="paced issue: seconds")
    parser.add_argument("--paced-tickets", type=int, default=10, help="paced issue: per kiosk")
    parser.add_argument("--counters", type=int, default=10)
    parser.add_argument("--displays", type=int, default=100)
    parser.add_argument(
        "--display-processes", type=int, default=2, help="processes the displays are split over"
    )
    parser.add_argument(
        "--display-wait", type=float, default=10.0, help="long-poll wait (a display's default)"
    )
    parser.add_argument("--paced-calls", type=int, default=60, help="calls in the display phase")
    parser.add_argument("--pace", type=float, default=5.0, help="seconds between a counter's calls")
    parser.add_argument("--phase-seconds", type=float, default=60, help="time limit per phase")
    parser.add_argument("--data", type=Path, default=None, help="folder on the disk to measure")
    parser.add_argument(
        "--compare",
        default=None,
        metavar="LIST",
        help="side by side, e.g. sqlite/1,postgresql/1,postgresql/2,postgresql/4",
    )
    args = parser.parse_args()
    if args.compare:
        return compare(args)

    folder = Path(tempfile.mkdtemp(prefix="antrian-bench-", dir=args.data))
    config = write_config(folder, args.counters, args.kiosks, args.displays)
    data = folder / "data"
    data.mkdir()
    print(f"machine: {machine()}")
    print(f"data folder: {data}")
    server = ServerProcess(data, config, clock_start=None)
    server.start()
    try:
        print(f"server: antrian server on {server.url} (one uvicorn process)")
        _event_loop_policy()
        asyncio.run(run_phases(args, server.api, server.process.pid, folder))
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

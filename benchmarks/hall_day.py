"""A compressed MPP day in the assembled hall: does the voice keep up, does any device lie?

The example hall (config/server.toml: 18 services, 22 counters; quotas scaled for the count)
runs as it would on the day, squeezed into a few minutes of real time:

- `antrian server` as a child process, its clock starting Monday 08.00;
- 4 hall displays, each `antrian display` in its own process (Qt offscreen) with its real
  announcer — chime, pyttsx3/espeak-ng speech — playing in real time on a PulseAudio null sink,
  each watching one zone of the hall (a quarter of the counters);
- 3 kiosks issuing tickets through the devices' client (`client.ApiClient`, idempotency keys,
  heartbeats every 10 s) following an MPP's arrival profile, with a queue waiting at opening;
- 22 counter officers over HTTP: at opening every counter calls within 10 s, then call, serve,
  finish; now and then a recall, a no-show after three calls, a transfer.

Recorded: announcement lag (call answered → its announcement starts, from each display's log)
p50/p95/max for the opening rush and for the whole day, beside the spoken length (the physical
limit); calls not spoken because they went stale (served, finished, recalled) before their
turn; disconnected marks while the server answered (aim 0); errors (aim 0); resident memory of
the server and the displays at start and end (aim flat).

    .venv/bin/python benchmarks/hall_day.py            # 3000 tickets in about 10 minutes
    .venv/bin/python benchmarks/hall_day.py --tickets 600 --minutes 3   # a quick look
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from client import ApiClient, ClientError, LinkWatch, Refused, ServerFault  # noqa: E402
from tests.support.hall import Hall, write_hall_config  # noqa: E402
from tests.support.live_server import ServerProcess  # noqa: E402
from tests.support.sound import null_sink_server  # noqa: E402

ZONE = ZoneInfo("Asia/Jakarta")
OPENING = dt.datetime(2026, 11, 30, 8, 0, tzinfo=ZONE)  # a Monday
# Share of the day's citizens arriving in each opening hour (08.00 ... 14.00) of an MPP.
ARRIVALS_PER_HOUR = [0.18, 0.21, 0.18, 0.13, 0.08, 0.13, 0.09]
WAITING_AT_OPENING = 0.04  # share of the day already in line when the doors open
PRIORITY_SHARE = 0.06
NO_SHOW_SHARE = 0.03
TRANSFER_SHARE = 0.03
RECALL_SHARE = 0.05
DRAIN_SECONDS = 180.0  # after the last call: time the voices get to finish

log = logging.getLogger("hall_day")


@dataclass
class Record:
    calls: list[tuple[str, str, str, float]] = field(
        default_factory=list
    )  # counter, number, kind, t
    errors: list[str] = field(default_factory=list)
    refusals: dict[str, int] = field(default_factory=dict)
    issued: int = 0
    kiosk_disconnects: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def call(self, counter: str, number: str, kind: str) -> None:
        with self.lock:
            self.calls.append((counter, number, kind, time.time()))

    def error(self, text: str) -> None:
        log.warning("error: %s", text)
        with self.lock:
            self.errors.append(text)

    def refused(self, code: str) -> None:
        with self.lock:
            self.refusals[code] = self.refusals.get(code, 0) + 1


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def arrival_offsets(tickets: int, seconds: float, rng: random.Random) -> list[float]:
    """When each citizen reaches a kiosk, in seconds after opening, by the hourly profile."""
    waiting = int(tickets * WAITING_AT_OPENING)
    offsets = [0.0] * waiting
    hour_seconds = seconds / len(ARRIVALS_PER_HOUR)
    for hour, share in enumerate(ARRIVALS_PER_HOUR):
        count = round((tickets - waiting) * share / sum(ARRIVALS_PER_HOUR))
        offsets += [hour_seconds * (hour + rng.random()) for _ in range(count)]
    offsets = sorted(offsets)[:tickets]
    offsets += [seconds * rng.random() for _ in range(tickets - len(offsets))]
    return sorted(offsets)


def write_display_config(folder: Path, url: str, token: str, zone: list[str], sink: str) -> Path:
    path = folder / f"{token}.toml"
    path.write_text(
        f'log_level = "INFO"\n[server]\nurl = "{url}"\ntoken = "{token}"\n'
        "[board]\nfullscreen = false\nwidth = 1920\nheight = 1080\n"
        f"[zone]\ncounters = {zone!r}\n".replace("'", '"')
        + f'[voice]\nplayer = ["paplay", "--device={sink}"]\n',
        encoding="utf-8",
    )
    return path


class Display:
    def __init__(self, index: int, config: Path, log_dir: Path, pulse: str, zone: list[str]):
        self.index, self.zone, self.log_dir = index, zone, log_dir
        log_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "PULSE_SERVER": pulse,
            "ANTRIAN_LOG_DIR": str(log_dir),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "antrian.cli", "display", "--config", str(config)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    @property
    def log_text(self) -> str:
        path = self.log_dir / "display.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ")
# "announcing call A-012 -> Loket 3: ..." or, grouped, "announcing call A-012 -> Loket 3,
# call B-005 -> Loket 7: ..."
ANNOUNCING = "announcing "
ANNOUNCED = re.compile(r"(call|recall) ([A-Z]+-\d+) -> (Loket \d+)")
DISCONNECTED = re.compile(r"server unreachable|disconnected", re.IGNORECASE)


def log_time(line: str) -> float | None:
    match = LOG_TIME.match(line)
    if not match:
        return None
    moment = dt.datetime.strptime(match[1], "%Y-%m-%d %H:%M:%S,%f")
    return moment.timestamp()


def announcements(display: Display) -> list[tuple[str, str, str, float]]:
    """(counter, number, kind, t) for every call the display's voice started to say."""
    found = []
    for line in display.log_text.splitlines():
        at = log_time(line)
        if at is None or ANNOUNCING not in line:
            continue
        said = line.split(ANNOUNCING, 1)[1].split(":", 1)[0]
        for match in ANNOUNCED.finditer(said):
            found.append((match[3], match[2], match[1], at))
    return found


def disconnect_marks(display: Display) -> int:
    return sum(1 for line in display.log_text.splitlines() if DISCONNECTED.search(line))


def kiosk(
    api: ApiClient, offsets: list[float], lock: threading.Lock, start: float, record: Record,
    services: list[str], rng: random.Random, stop: threading.Event,
) -> None:  # fmt: skip
    watch = LinkWatch()
    last_heartbeat = 0.0
    while not stop.is_set():
        with lock:
            if not offsets:
                return
            offset = offsets.pop(0)
        if (delay := start + offset - time.monotonic()) > 0:
            stop.wait(delay)
        if time.monotonic() - last_heartbeat > 10:
            try:
                api.heartbeat({"printer": "ok"})
                last_heartbeat = time.monotonic()
            except ClientError as error:
                record.error(f"kiosk heartbeat: {error.code} {error.message}")
        priority = rng.choice(["lansia", "disabilitas", "ibu_hamil"]) if (
            rng.random() < PRIORITY_SHARE) else None  # fmt: skip
        asked = watch.now()
        try:
            ticket = api.issue_ticket(rng.choice(services), priority)
        except Refused as error:
            watch.answered()
            record.refused(error.code)
            continue
        except ClientError as error:
            if watch.unanswered(asked):
                record.kiosk_disconnects += 1
            record.error(f"issue: {error.code} {error.message}")
            continue
        watch.answered()
        api.report_printed(ticket.id, ok=True)
        with record.lock:
            record.issued += 1


def counter(
    hall: Hall, name: str, url: str, mean_service: float, opening_spread: float,
    record: Record, rng: random.Random, stop: threading.Event,
) -> None:  # fmt: skip
    api = ApiClient(url, timeout=10)
    api.login(*hall.operator(name))
    counter_id = next(c.id for c in api.counters() if c.name == name)
    stop.wait(rng.random() * opening_spread)  # every counter calls within the first seconds
    codes = [code for code in hall.services[name]]
    while not stop.is_set():
        try:
            view = api.call_next(counter_id)
        except Refused as error:
            if error.code != "queue_empty":
                record.error(f"{name} call-next: {error.code}")
            stop.wait(0.5 + rng.random())
            continue
        except ServerFault as error:
            record.error(f"{name} call-next: {error.message}")
            continue
        except ClientError as error:
            record.error(f"{name} call-next: {error.code} {error.message}")
            continue
        number = view.current.number if view.current else "?"
        record.call(name, number, "call")
        try:
            roll = rng.random()
            if roll < NO_SHOW_SHARE:
                for _ in range(2):
                    stop.wait(mean_service / 2)
                    api.recall(counter_id)
                    record.call(name, number, "recall")
                api.no_show(counter_id)
                continue
            if roll < NO_SHOW_SHARE + RECALL_SHARE:
                stop.wait(mean_service / 3)
                api.recall(counter_id)
                record.call(name, number, "recall")
            api.start(counter_id)
            stop.wait(rng.expovariate(1 / mean_service))
            if rng.random() < TRANSFER_SHARE:
                others = [c for codes_ in hall.services.values() for c in codes_ if c not in codes]
                api.transfer(counter_id, rng.choice(others or codes))
            else:
                api.finish(counter_id)
        except ClientError as error:
            record.error(f"{name} serving {number}: {error.code} {error.message}")


def pending_announcements(admin: ApiClient) -> int:
    devices = admin.admin("GET", "/devices")
    return sum(
        int((d.get("last_status") or {}).get("pending_announcements") or 0)
        for d in devices
        if d["kind"] == "display"
    )


def summarise(values: list[float]) -> str:
    if not values:
        return "–"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {statistics.median(ordered):.1f} s · p95 {p95:.1f} s · max {ordered[-1]:.1f} s"


def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    day_seconds = args.minutes * 60.0
    folder = Path(tempfile.mkdtemp(prefix="antrian-hall-day-"))
    hall = write_hall_config(folder, kiosks=3, displays=4, quota_factor=4)
    record = Record()
    with null_sink_server(folder / "pulse") as pulse:
        server = ServerProcess(folder / "data", config_path=hall.config_path, clock_start=OPENING)
        (folder / "data").mkdir()
        server.start()
        displays = [
            Display(
                index,
                write_display_config(folder, server.url, token, zone, "hall_speakers"),
                folder / f"display-{index}",
                pulse,
                zone,
            )
            for index, (token, zone) in enumerate(
                zip(hall.display_tokens, hall.zones(len(hall.display_tokens)), strict=True), 1
            )
        ]
        admin = ApiClient(server.url)
        admin.login("admin", "admin-hall-2026")
        deadline = time.monotonic() + 60
        while not all("display started" in d.log_text for d in displays):
            if time.monotonic() > deadline:
                raise TimeoutError("the displays did not start")
            time.sleep(0.2)  # polling the displays' logs: they offer no other signal
        time.sleep(5)  # let them settle (first state, speech engine) before measuring memory
        memory_start = {"server": rss_mb(server.process.pid)} | {
            f"display-{d.index}": rss_mb(d.process.pid) for d in displays
        }
        services = [s.code for s in admin.services() if s.open]
        offsets = arrival_offsets(args.tickets, day_seconds, rng)
        stop_kiosks, stop_counters = threading.Event(), threading.Event()
        start = time.monotonic()
        opened_at = time.time()
        offsets_lock = threading.Lock()
        threads = [
            threading.Thread(
                target=kiosk,
                args=(
                    ApiClient(server.url, token=token),
                    offsets,
                    offsets_lock,
                    start,
                    record,
                    services,
                    random.Random(rng.random()),
                    stop_kiosks,
                ),  # fmt: skip
                daemon=True,
            )
            for token in hall.kiosk_tokens
        ]
        mean_service = day_seconds * len(hall.counters) / args.tickets * 0.85
        threads += [
            threading.Thread(
                target=counter,
                args=(
                    hall,
                    name,
                    server.url,
                    mean_service,
                    10.0,
                    record,
                    random.Random(rng.random()),
                    stop_counters,
                ),  # fmt: skip
                daemon=True,
            )
            for name in hall.counters
        ]
        for thread in threads:
            thread.start()
        print(f"day running: {args.tickets} tickets over {day_seconds:.0f} s ...", flush=True)
        for thread in threads[: len(hall.kiosk_tokens)]:
            thread.join(timeout=day_seconds + 120)
        # The last citizens are served, then the counters close.
        stop_kiosks.set()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(s.waiting for s in admin.services()):
            time.sleep(1)  # polling the queue: it has no other signal
        stop_counters.set()
        for thread in threads[len(hall.kiosk_tokens) :]:
            thread.join(timeout=60)
        last_call = time.time()
        deadline = time.monotonic() + DRAIN_SECONDS
        while time.monotonic() < deadline and pending_announcements(admin):
            time.sleep(2)  # polling the displays' heartbeats
        time.sleep(8)  # the announcement in progress ends
        memory_end = {"server": rss_mb(server.process.pid)} | {
            f"display-{d.index}": rss_mb(d.process.pid) for d in displays
        }
        report = admin.daily_report(OPENING.date().isoformat())
        for display in displays:
            display.stop()
        server.stop()
        server_errors = [
            line for line in server.log_path.read_text(errors="replace").splitlines()
            if " ERROR " in line or "Traceback" in line
        ]  # fmt: skip

    print_results(args, hall, displays, record, opened_at, last_call, memory_start, memory_end,
                  report, server_errors)  # fmt: skip
    return 0


def print_results(args, hall, displays, record, opened_at, last_call, memory_start, memory_end,
                  report, server_errors) -> None:  # fmt: skip
    lags, rush_lags, unspoken, spoken_lengths = [], [], 0, []
    for display in displays:
        spoken = announcements(display)
        first_spoken: dict[tuple[str, str, str], float] = {}
        for counter_name, number, kind, at in spoken:
            first_spoken.setdefault((counter_name, number, kind), at)
        starts = sorted({at for *_, at in spoken})
        spoken_lengths += [b - a for a, b in zip(starts, starts[1:], strict=False) if b - a < 60]
        for counter_name, number, kind, called_at in record.calls:
            if counter_name not in display.zone:
                continue
            at = first_spoken.get((counter_name, number, kind))
            if at is None:
                unspoken += 1
                continue
            lag = max(0.0, at - called_at)
            lags.append(lag)
            if called_at - opened_at < 15:
                rush_lags.append(lag)
    in_zones = sum(1 for call in record.calls for d in displays if call[0] in d.zone)
    memory = ", ".join(
        f"{name} {memory_start[name]:.0f} -> {memory_end[name]:.0f}" for name in memory_start
    )
    lines = [
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        f"tickets issued {record.issued} (refused: {record.refusals or 'none'}); "
        f"calls {len(record.calls)}",
        f"announcement lag, opening rush (calls in the first 15 s): {summarise(rush_lags)} "
        f"(n={len(rush_lags)})",
        f"announcement lag, whole day: {summarise(lags)} (n={len(lags)})",
        f"time between announcement starts (the spoken length): {summarise(spoken_lengths)}",
        f"calls not spoken (stale or replaced before their turn): {unspoken} of {in_zones}",
        f"disconnected marks while the server answered: displays "
        f"{[disconnect_marks(d) for d in displays]}, kiosks {record.kiosk_disconnects}",
        f"errors: {len(record.errors)} client, {len(server_errors)} server log",
        *(f"  {text}" for text in (record.errors + server_errors)[:10]),
        f"memory (MB RSS) start -> end: {memory}",
        f"report totals: {report['totals']}",
    ]
    print("\n" + "\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=3000)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=2026)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(message)s")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())

"""`/metrics` for whoever runs the hall: Prometheus's text format, by `prometheus_client`.

Two kinds of figures:
- per process, counted as they happen: tickets issued, calls, tickets served, and the time from
  a change's commit to a waiting display's answer. Labelled `process` (the pid); with several
  processes (`antrian server --workers N`) the library's multi-process mode sums each label
  set across the processes' files in `PROMETHEUS_MULTIPROC_DIR` (set by the server command);
- the hall's state, read from the database at each scrape (so every process answers the same):
  waiting tickets and the oldest wait per service, today's tickets per status, devices online
  and each kiosk's printer state.

Who may read it: the addresses of `[metrics] allow` (loopback by default), docs/decisions.md.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from server.devices import OFFLINE_AFTER

if TYPE_CHECKING:
    from server.clock import Clock
    from server.store import Store

ISSUED = Counter("antrian_tickets_issued", "Tickets issued (by this process)", ["process"])
CALLED = Counter("antrian_calls", "Calls and recalls to a counter (by this process)", ["process"])
SERVED = Counter(
    "antrian_tickets_served", "Tickets finished at a counter (by this process)", ["process"]
)
WAKE = Histogram(
    "antrian_display_wake_seconds",
    "From the commit of a change (a call) to a long-polling display's answer",
    ["process"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
COUNTED = {"issued": ISSUED, "called": CALLED, "recalled": CALLED, "finished": SERVED}


def multiprocess_mode() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class Metrics:
    """This process's counters, fed by the store's commits and the display route."""

    def __init__(self, store: Store, clock: Clock):
        self.store = store
        self.clock = clock

    def count_events(self, kinds: list[str]) -> None:
        process = str(os.getpid())
        for kind in kinds:
            if (counter := COUNTED.get(kind)) is not None:
                counter.labels(process).inc()

    def display_woken(self) -> None:
        """A long poll answers because the version moved: how long after that commit."""
        WAKE.labels(str(os.getpid())).observe(max(0.0, time.time() - self.store.changed_at))

    def exposition(self) -> bytes:
        hall = CollectorRegistry()
        hall.register(HallCollector(self.store, self.clock))
        if multiprocess_mode():
            processes = CollectorRegistry()
            multiprocess.MultiProcessCollector(processes)
            return generate_latest(processes) + generate_latest(hall)
        return generate_latest(REGISTRY) + generate_latest(hall)


class HallCollector(Collector):
    """The hall's state from the database, at each scrape."""

    def __init__(self, store: Store, clock: Clock):
        self.store = store
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = self.clock.now()
        day = now.date().isoformat()
        waiting = GaugeMetricFamily(
            "antrian_waiting", "Tickets waiting now, per service", labels=["service"]
        )
        oldest = GaugeMetricFamily(
            "antrian_oldest_wait_seconds",
            "How long the longest-waiting ticket has waited, per service",
            labels=["service"],
        )
        today = GaugeMetricFamily(
            "antrian_tickets_today", "Today's tickets per status", labels=["status"]
        )
        online = GaugeMetricFamily(
            "antrian_devices_online", "Active devices heard from recently", labels=["kind"]
        )
        up = GaugeMetricFamily(
            "antrian_device_up",
            "1 if the device was heard from recently",
            labels=["device", "kind"],
        )
        printer = GaugeMetricFamily(
            "antrian_device_printer",
            "A kiosk's printer state as last reported (1 for the state it is in)",
            labels=["device", "state"],
        )
        with self.store.read() as tx:
            lines = tx._all(
                "SELECT s.code, COUNT(t.id) AS n, MIN(t.queued_at) AS first FROM services s"
                " LEFT JOIN tickets t ON t.service_id = s.id AND t.day = ? AND t.status = 'waiting'"
                " GROUP BY s.code ORDER BY s.code",
                (day,),
            )
            statuses = tx._all(
                "SELECT status, COUNT(*) AS n FROM tickets WHERE day = ? GROUP BY status", (day,)
            )
            devices = tx.devices()
        for line in lines:
            waiting.add_metric([line["code"]], line["n"])
            first = line["first"]
            wait = (now - dt.datetime.fromisoformat(first)).total_seconds() if first else 0.0
            oldest.add_metric([line["code"]], max(0.0, wait))
        for row in statuses:
            today.add_metric([row["status"]], row["n"])
        counts = {"kiosk": 0, "display": 0}
        for device in devices:
            if not device["active"]:
                continue
            seen = device["last_seen"]
            alive = seen is not None and now - dt.datetime.fromisoformat(seen) <= OFFLINE_AFTER
            counts[device["kind"]] = counts.get(device["kind"], 0) + int(alive)
            up.add_metric([device["name"], device["kind"]], int(alive))
            if device["kind"] == "kiosk":
                status = json.loads(device["last_status"]) if device["last_status"] else {}
                printer.add_metric([device["name"], str(status.get("printer") or "unknown")], 1)
        for kind, count in sorted(counts.items()):
            online.add_metric([kind], count)
        yield from (waiting, oldest, today, online, up, printer)


def allowed(address: str | None, networks: Sequence[ipaddress._BaseNetwork]) -> bool:
    if address is None:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def install_metrics(app: FastAPI, metrics: Metrics, networks: Sequence) -> None:
    @app.get("/metrics", include_in_schema=False)
    def read_metrics(request: Request) -> Response:
        """Sync: the hall's figures are a database read (FastAPI runs it in a thread)."""
        if not allowed(request.client.host if request.client else None, networks):
            return PlainTextResponse("forbidden: see [metrics] allow in server.toml\n", 403)
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

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

ISSUED = Counter("antrian_tickets_issued", "Tickets issued (by this process)", ["process", "site"])
CALLED = Counter(
    "antrian_calls", "Calls and recalls to a counter (by this process)", ["process", "site"]
)
SERVED = Counter(
    "antrian_tickets_served", "Tickets finished at a counter (by this process)", ["process", "site"]
)
WAKE = Histogram(
    "antrian_display_wake_seconds",
    "From the commit of a change (a call) to a long-polling display's answer",
    ["process", "site"],
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
        self._site_of_service: dict[int, str] = {}  # service id -> its site's code
        # site id -> code, read once: sites are made only by the start's bootstrap (before
        # this), so a display's wake, counted on the event loop, never waits for the database.
        with store.read() as tx:
            self._site_codes = {row["id"]: row["code"] for row in tx.sites()}

    def count_events(self, kinds: list[tuple[str, int | None]]) -> None:
        process = str(os.getpid())
        for kind, service_id in kinds:
            if (counter := COUNTED.get(kind)) is not None:
                counter.labels(process, self._site_code(service_id)).inc()

    def _site_code(self, service_id: int | None) -> str:
        """The code of a service's site (read again only for a service not seen before)."""
        if service_id is None:
            return ""
        if service_id not in self._site_of_service:
            with self.store.read() as tx:
                rows = tx._all(
                    "SELECT s.id, si.code FROM services s JOIN sites si ON si.id = s.site_id"
                )
            self._site_of_service = {row["id"]: row["code"] for row in rows}
        return self._site_of_service.get(service_id, "")

    def display_woken(self, site: int) -> None:
        """A long poll of a display of `site` (its id) answers because the version moved: how
        long after that commit."""
        wake = max(0.0, time.time() - self.store.changed_at)
        WAKE.labels(str(os.getpid()), self._site_codes.get(site, "")).observe(wake)

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
            "antrian_waiting", "Tickets waiting now, per service", labels=["site", "service"]
        )
        oldest = GaugeMetricFamily(
            "antrian_oldest_wait_seconds",
            "How long the longest-waiting ticket has waited, per service",
            labels=["site", "service"],
        )
        today = GaugeMetricFamily(
            "antrian_tickets_today", "Today's tickets per status", labels=["site", "status"]
        )
        online = GaugeMetricFamily(
            "antrian_devices_online",
            "Active devices heard from recently",
            labels=["site", "kind"],
        )
        up = GaugeMetricFamily(
            "antrian_device_up",
            "1 if the device was heard from recently",
            labels=["site", "device", "kind"],
        )
        printer = GaugeMetricFamily(
            "antrian_device_printer",
            "A kiosk's printer state as last reported (1 for the state it is in)",
            labels=["site", "device", "state"],
        )
        with self.store.read() as tx:
            lines = tx._all(
                "SELECT si.code AS site, s.code, COUNT(t.id) AS n, MIN(t.queued_at) AS first"
                " FROM services s JOIN sites si ON si.id = s.site_id"
                " LEFT JOIN tickets t ON t.service_id = s.id AND t.day = ? AND t.status = 'waiting'"
                " GROUP BY si.code, s.code ORDER BY si.code, s.code",
                (day,),
            )
            statuses = tx._all(
                "SELECT si.code AS site, t.status, COUNT(*) AS n FROM tickets t"
                " JOIN services s ON s.id = t.service_id JOIN sites si ON si.id = s.site_id"
                " WHERE t.day = ? GROUP BY si.code, t.status",
                (day,),
            )
            devices = tx.devices()
            site_codes = {row["id"]: row["code"] for row in tx.sites()}
        for line in lines:
            waiting.add_metric([line["site"], line["code"]], line["n"])
            first = line["first"]
            wait = (now - dt.datetime.fromisoformat(first)).total_seconds() if first else 0.0
            oldest.add_metric([line["site"], line["code"]], max(0.0, wait))
        for row in statuses:
            today.add_metric([row["site"], row["status"]], row["n"])
        counts = {(code, kind): 0 for code in site_codes.values() for kind in ("kiosk", "display")}
        for device in devices:
            if not device["active"]:
                continue
            site = site_codes.get(device["site_id"], "")
            seen = device["last_seen"]
            alive = seen is not None and now - dt.datetime.fromisoformat(seen) <= OFFLINE_AFTER
            counts[(site, device["kind"])] = counts.get((site, device["kind"]), 0) + int(alive)
            up.add_metric([site, device["name"], device["kind"]], int(alive))
            if device["kind"] == "kiosk":
                status = json.loads(device["last_status"]) if device["last_status"] else {}
                state = str(status.get("printer") or "unknown")
                printer.add_metric([site, device["name"], state], 1)
        for (site, kind), count in sorted(counts.items()):
            online.add_metric([site, kind], count)
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

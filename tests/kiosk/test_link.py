"""The kiosk's offline banner follows the one LinkWatch rule (client/link.py)."""

from __future__ import annotations

import datetime as dt

from client import ServerUnreachable
from client.link import LinkWatch
from kiosk.workers import NetWorker
from tests.kiosk.fakes import SERVICES, FakeClock

NINE = dt.datetime(2026, 11, 30, 9, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))


class FlakyClient:
    """GET /services that fails while `down` is set."""

    def __init__(self):
        self.down = False
        self.language = "id"

    def services(self):
        if self.down:
            raise ServerUnreachable("refused")
        return SERVICES


def make_worker(clock: FakeClock) -> tuple[NetWorker, FlakyClient, list, list]:
    watch = LinkWatch(4.0, clock=clock, wall_clock=lambda: NINE + dt.timedelta(seconds=clock()))
    client = FlakyClient()
    worker = NetWorker(lambda: client, poll_seconds=1, heartbeat_seconds=2, watch=watch)
    worker._client = client  # polled by hand here, without the thread and its timers
    outages, loads = [], []
    worker.serverUnreachable.connect(lambda code, since: outages.append(since))
    worker.servicesLoaded.connect(loads.append)
    return worker, client, outages, loads


def test_one_failed_poll_shows_no_banner(qapp):
    """A single failed poll is not an outage: nothing is said."""
    clock = FakeClock()
    worker, client, outages, loads = make_worker(clock)
    worker.poll()
    client.down = True
    clock.sleep(1)
    worker.poll()
    client.down = False
    clock.sleep(1)
    worker.poll()
    assert outages == [] and len(loads) == 2


def test_an_outage_is_said_after_the_grace_with_since_when_and_ends_by_itself(qapp):
    """No answer for 4 s: "offline since 09.01" (the first unanswered poll); then recovered."""
    clock = FakeClock()
    worker, client, outages, loads = make_worker(clock)
    client.down = True
    worker.poll()
    clock.sleep(2)
    worker.poll()
    assert outages == []
    clock.sleep(2.5)
    worker.poll()
    assert outages == [NINE]  # since the first poll that got no answer
    client.down = False
    worker.poll()
    assert loads and not worker.watch.down

"""Two server hosts for one hall (issue 14, part 3): two real `antrian server` processes on ONE
database, a real kiosk, a real display and a counter whose `[server]` lists both. SIGKILL the
first: the kiosk keeps issuing, the display shows the next call within 5 s of the kill, the
counter keeps calling, and no device says it lost the server.

The database both processes share comes from the `hall_store` fixture of
tests/support/two_hosts.py: SQLite in one data folder for now; on PostgreSQL only it changes.
"""

from __future__ import annotations

import logging
import time

from client import ApiClient
from client.api import FIRST_ADDRESS_PROBE_SECONDS
from config.display import BoardSettings
from kiosk.core import Screen, Timeouts
from tests.kiosk.conftest import (
    WAIT_MS,
    kiosk_settings,
    network_printer,
    service_button,
    tap,
    tap_agency,
)
from tests.support.live_server import KIOSK_TOKEN, OPERATOR

log = logging.getLogger(__name__)

DISPLAY_DEADLINE_SECONDS = 5.0  # from the kill to the board showing a call made after it


def shown_number(window) -> str | None:
    call = window.call_panel.shown_call
    return call.number if call is not None else None


def issue_at_the_kiosk(qtbot, kiosk) -> str:
    """A citizen taps Dukcapil → KTP; the number the kiosk shows once it is done."""
    qtbot.waitUntil(
        lambda: kiosk.flow.state.screen == Screen.HOME and kiosk.flow.state.can_choose,
        timeout=WAIT_MS,
    )
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    qtbot.waitUntil(lambda: kiosk.flow.state.screen == Screen.DONE, timeout=WAIT_MS)
    return kiosk.flow.state.result.ticket.number


class _Addresses:
    """A stand-in for the live server the kiosk fixtures expect (its url and kiosk token)."""

    def __init__(self, url: str):
        self.url = url
        self.kiosk_token = KIOSK_TOKEN


def test_killing_one_host_keeps_the_hall_running(
    qtbot, two_hosts, display, printer_peer, make_kiosk, record_property
):
    controller, window = display
    settings = kiosk_settings(
        _Addresses(two_hosts.first.url),
        network_printer(printer_peer),
        server={"url": None, "urls": two_hosts.urls},
    )
    kiosk = make_kiosk(settings, timeouts=Timeouts(done_seconds=0.5))
    kiosk_outages: list = []
    kiosk.net.serverUnreachable.connect(lambda *args: kiosk_outages.append(args))
    counter = ApiClient(two_hosts.urls, timeout=5)
    counter.login(*OPERATOR)
    loket = next(c.id for c in counter.counters() if c.name == "Loket 1")

    # Before: everything goes to the first host.
    issued = [issue_at_the_kiosk(qtbot, kiosk) for _ in range(3)]
    called = [counter.call_next(loket).current.number]
    qtbot.waitUntil(lambda: shown_number(window) == called[-1], timeout=WAIT_MS)
    for client in (controller.poller.api, controller.heartbeat.api, counter):
        assert client.base_url == two_hosts.first.url

    two_hosts.first.kill()
    killed_at = time.monotonic()

    # The counter calls the next citizen: its request finds the first host gone and goes on.
    called.append(counter.finish(loket) and counter.call_next(loket).current.number)
    qtbot.waitUntil(
        lambda: shown_number(window) == called[-1],
        timeout=int(DISPLAY_DEADLINE_SECONDS * 1000),
    )
    board_seconds = time.monotonic() - killed_at
    # The kiosk keeps issuing, numbers going on from the first host's.
    issued += [issue_at_the_kiosk(qtbot, kiosk) for _ in range(2)]
    kiosk_seconds = time.monotonic() - killed_at
    # And the counter keeps calling, in order, each ticket once.
    while len(called) < len(issued):
        counter.finish(loket)
        called.append(counter.call_next(loket).current.number)
    qtbot.waitUntil(lambda: shown_number(window) == called[-1], timeout=WAIT_MS)

    assert issued == [f"A-{n:03d}" for n in range(1, 6)]
    assert called == issued
    for number in issued:
        printer_peer.wait_for(lambda peer, number=number: number.encode() in peer.received)
    for client in (controller.poller.api, controller.heartbeat.api, counter):
        assert client.base_url == two_hosts.second.url
    # Nobody in the hall was told the server was lost: one host still answered.
    assert controller.disconnections == 0 and not controller.link.down
    assert kiosk_outages == [] and not kiosk.net.watch.down
    record_property("board_seconds_after_kill", round(board_seconds, 2))
    record_property("kiosk_two_more_seconds_after_kill", round(kiosk_seconds, 2))
    log.warning(
        "after the kill: the board showed the next call in %.2f s; the kiosk issued 2 more "
        "by %.2f s",
        board_seconds, kiosk_seconds,
    )  # fmt: skip
    assert board_seconds < DISPLAY_DEADLINE_SECONDS


def test_devices_come_back_to_the_first_host_and_say_lost_only_when_none_answers(
    qtbot, two_hosts, display, printer_peer, make_kiosk
):
    controller, window = display
    settings = kiosk_settings(
        _Addresses(two_hosts.first.url),
        network_printer(printer_peer),
        server={"url": None, "urls": two_hosts.urls},
    )
    kiosk = make_kiosk(settings)
    clients = [controller.poller.api, controller.heartbeat.api, kiosk.net._api()]

    two_hosts.first.kill()
    qtbot.waitUntil(
        lambda: all(c.base_url == two_hosts.second.url for c in clients), timeout=WAIT_MS
    )
    # Host 1 is back (repaired, restarted): every device returns to it by itself, once its
    # probe is due (every 15 s), without a restart of the device.
    two_hosts.first.start()
    back_within = FIRST_ADDRESS_PROBE_SECONDS + BoardSettings().poll_wait_seconds + 15
    qtbot.waitUntil(
        lambda: all(c.base_url == two_hosts.first.url for c in clients),
        timeout=int(back_within * 1000),
    )
    assert controller.disconnections == 0 and not kiosk.net.watch.down

    # Only when no host answers do the TV and the kiosk say they lost the server.
    two_hosts.first.kill()
    two_hosts.second.kill()
    # The board's own state, not only its watch's: the board hears of the watch a moment later.
    qtbot.waitUntil(lambda: controller.offline and kiosk.net.watch.down, timeout=20_000)
    assert controller.disconnections == 1

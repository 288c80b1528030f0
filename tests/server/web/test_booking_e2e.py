"""End to end: a citizen books in real headless Chromium (a phone's screen), checks in at the
real kiosk (offscreen Qt) by typing the code and, for a second booking, with a scanner's
keystrokes; both tickets print at the printer peer, a counter calls them in their slot's
place among the walk-ins, and the booking page then links to the tracking page."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from PySide6.QtCore import Qt

from kiosk.core import Screen
from tests.kiosk.conftest import (  # noqa: F401 (make_kiosk: the kiosk tests' fixture)
    WAIT_MS,
    kiosk_settings,
    make_kiosk,
    network_printer,
    tap,
)
from tests.server.util import Api, counter_id
from tests.support.live_server import DEMO_START

DUKCAPIL = "Dukcapil"


def book_in_browser(page, server) -> str:
    """Agency → service → today → 10.30: the code shown on the booking's own page."""
    page.goto(f"{server.url}/reservasi")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    page.get_by_role("link", name=re.compile(DUKCAPIL)).click()
    page.get_by_role("link", name=re.compile("KTP Elektronik")).click()
    page.get_by_role("link", name=re.compile("Senin, 30 November 2026")).click()
    page.get_by_role("button", name=re.compile(r"10\.30")).click()
    expect(page.locator(".notice.ok")).to_contain_text("Reservasi berhasil")
    expect(page.locator(".rsv-qr svg")).to_be_visible()
    code = page.locator(".rsv-code").inner_text().replace(" ", "")
    assert page.url.endswith(f"/reservasi/kode/{code}?baru=1")
    return code


def wait_done(qtbot, kiosk) -> str:
    qtbot.waitUntil(lambda: kiosk.flow.state.screen == Screen.DONE, timeout=WAIT_MS)
    return kiosk.flow.state.result.ticket.number


def test_book_in_chromium_check_in_at_the_kiosk_called_in_the_slots_place(
    qtbot,
    live_server,
    printer_peer,
    make_kiosk,  # noqa: F811 (the kiosk tests' fixture, imported above)
    new_page,
):
    phone = new_page(390, 844)
    first = book_in_browser(phone, live_server)
    second = book_in_browser(new_page(390, 844), live_server)
    walk_in = Api(live_server, live_server.kiosk_token)
    early = walk_in.issue("A")["number"]  # 09:00

    live_server.clock.set(DEMO_START.replace(hour=10, minute=10))
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    checkin = kiosk.window.pages[Screen.CHECKIN]
    tap(qtbot, checkin.home_button.button)
    for key in first:
        tap(qtbot, checkin.keys[key])
    tap(qtbot, checkin.ok)
    typed = wait_done(qtbot, kiosk)
    printer_peer.wait_for(lambda peer: typed.encode() in peer.received)
    tap(qtbot, kiosk.window.pages[Screen.DONE].done)
    qtbot.waitUntil(lambda: kiosk.flow.state.screen == Screen.HOME, timeout=WAIT_MS)

    live_server.clock.set(DEMO_START.replace(hour=10, minute=15))
    before_slot = walk_in.issue("A")["number"]
    qtbot.keyClicks(kiosk.window, f"{live_server.settings.site.public_url}/reservasi/kode/{second}")
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Return)
    scanned = wait_done(qtbot, kiosk)
    printer_peer.wait_for(lambda peer: scanned.encode() in peer.received)
    assert bytes(printer_peer.received).count(b"RESERVASI") == 2

    live_server.clock.set(DEMO_START.replace(hour=10, minute=35))
    after_slot = walk_in.issue("A")["number"]
    operator = Api(live_server, live_server.operator_token())
    loket = counter_id(live_server, "Loket 1")
    called = []
    for _ in range(5):
        answer = operator.post(f"/counters/{loket}/call-next")
        called.append(answer.json()["current"]["number"])
        operator.post(f"/counters/{loket}/finish")
    assert called == [early, before_slot, typed, scanned, after_slot]

    phone.goto(f"{live_server.url}/reservasi/kode/{first}")
    expect(phone.locator(".rsv-status")).to_have_text("Sudah lapor kedatangan")
    track = phone.get_by_role("link", name=re.compile("Pantau antrean Anda"))
    href = track.get_attribute("href")  # the site's public address, as on a printed ticket
    assert re.fullmatch(rf"{live_server.settings.site.public_url}/t/[\w-]+", href)
    phone.goto(live_server.url + href[len(live_server.settings.site.public_url) :])
    expect(phone.locator("body")).to_contain_text(typed)

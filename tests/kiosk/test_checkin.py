"""Booking check-in at the real kiosk (offscreen Qt) against the live server and a printer
peer: the keypad, a scanner's keystrokes on the home screen, and the refusals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.core import Screen
from tests.kiosk.conftest import WAIT_MS, kiosk_settings, network_printer, tap, visible_texts
from tests.server.util import Api
from tests.support.live_server import DEMO_START


def book(live_server, start: str = "10:30") -> str:
    body = {"service": "A", "date": DEMO_START.date().isoformat(), "start": start}
    answer = Api(live_server).post("/bookings", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()["code"]


def wait_screen(qtbot, kiosk, screen) -> None:
    qtbot.waitUntil(lambda: kiosk.flow.state.screen == screen, timeout=WAIT_MS)


def type_on_keypad(qtbot, kiosk, code: str) -> None:
    page = kiosk.window.pages[Screen.CHECKIN]
    for key in code:
        tap(qtbot, page.keys[key])
    tap(qtbot, page.ok)


def test_keypad_code_prints_a_ticket_marked_reservasi(qtbot, live_server, printer_peer, make_kiosk):
    """ "Sudah reservasi?" → the code on the big keypad → OK: the ticket prints with the
    RESERVASI mark and its code, and the kiosk says to take it."""
    code = book(live_server)
    live_server.clock.set(DEMO_START.replace(hour=10, minute=5))
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    home = kiosk.window.pages[Screen.HOME]
    tap(qtbot, kiosk.window.pages[Screen.CHECKIN].home_button.button)
    assert kiosk.flow.state.screen == Screen.CHECKIN and home.isHidden()
    type_on_keypad(qtbot, kiosk, code)
    wait_screen(qtbot, kiosk, Screen.DONE)
    ticket = kiosk.flow.state.result.ticket
    assert ticket.booking == code
    printer_peer.wait_for(lambda peer: ticket.number.encode() in peer.received)
    printer_peer.wait_for(lambda peer: b"RESERVASI" in peer.received)
    assert f"{code[:3]} {code[3:]}".encode() in printer_peer.received


def test_scanner_keystrokes_on_the_home_screen_check_in(
    qtbot, live_server, printer_peer, make_kiosk
):
    """A scanner types the booking page's address and Enter while the home screen shows: the
    booking is checked in at once, no button pressed."""
    code = book(live_server)
    live_server.clock.set(DEMO_START.replace(hour=10, minute=5))
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    assert kiosk.flow.state.screen == Screen.HOME
    qtbot.keyClicks(kiosk.window, f"{live_server.url}/reservasi/kode/{code}")
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Return)
    wait_screen(qtbot, kiosk, Screen.DONE)
    number = kiosk.flow.state.result.ticket.number
    printer_peer.wait_for(lambda peer: number.encode() in peer.received)
    status = Api(live_server).get(f"/bookings/{code}").json()
    assert (status["status"], status["ticket_number"]) == ("checked_in", number)


def test_refusals_say_why_and_offer_the_walk_in_path(qtbot, live_server, printer_peer, make_kiosk):
    """Too early (with the time), unknown, then used: each stays on the check-in screen with
    its sentence and "Ambil antrean biasa", which leads home to the agencies."""
    code = book(live_server)
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    page = kiosk.window.pages[Screen.CHECKIN]
    qtbot.keyClicks(kiosk.window, code)
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.flow.state.checkin_error == "too_early", timeout=WAIT_MS)
    assert kiosk.flow.state.screen == Screen.CHECKIN
    assert "10.00" in page.error.text() and "antrean biasa" in page.hint.text()
    assert page.walk_in.isVisible()
    tap(qtbot, page.walk_in)
    assert kiosk.flow.state.screen == Screen.HOME
    tap(qtbot, page.home_button.button)
    type_on_keypad(qtbot, kiosk, "ZZZZZZ")
    qtbot.waitUntil(lambda: kiosk.flow.state.checkin_error == "booking_not_found", timeout=WAIT_MS)
    assert "tidak ditemukan" in visible_texts(kiosk.window)
    live_server.clock.set(DEMO_START.replace(hour=10, minute=50))
    tap(qtbot, page.walk_in)
    tap(qtbot, page.home_button.button)
    type_on_keypad(qtbot, kiosk, code)
    qtbot.waitUntil(lambda: kiosk.flow.state.checkin_error == "too_late", timeout=WAIT_MS)
    assert "sudah lewat" in page.error.text()

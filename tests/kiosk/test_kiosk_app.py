"""The whole kiosk against a real server on loopback and real printer peers."""

from __future__ import annotations

import requests
from PySide6.QtCore import Qt

from kiosk.core import Screen, Timeouts
from tests.kiosk.conftest import (
    DUKCAPIL,
    WAIT_MS,
    kiosk_settings,
    network_printer,
    service_button,
    tap,
    tap_agency,
    waiting,
)


def wait_screen(qtbot, kiosk, screen) -> None:
    qtbot.waitUntil(lambda: kiosk.flow.state.screen == screen, timeout=WAIT_MS)


def test_tap_agency_then_service_prints_the_issued_number(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Tap agency → tap service: the printer peer receives a ticket with the server's number."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.DONE)
    number = kiosk.flow.state.result.ticket["number"]
    printer_peer.wait_for(lambda peer: number.encode() in peer.received)
    done = kiosk.window.pages[Screen.DONE]
    assert done.number.text() == number and done.isVisible()


def test_double_press_gives_one_ticket(qtbot, live_server, printer_peer, make_kiosk):
    """Two quick presses on a service make one ticket at the server and one on paper."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    before = waiting(live_server, "A")
    tap_agency(qtbot, kiosk)
    button = service_button(kiosk, "A")
    tap(qtbot, button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # now hidden behind "issuing"
    kiosk.controller.press_service("A")  # even a press that reaches the controller is ignored
    wait_screen(qtbot, kiosk, Screen.DONE)
    number = kiosk.flow.state.result.ticket["number"]
    printer_peer.wait_for(lambda peer: number.encode() in peer.received)
    assert kiosk.controller.issues_requested == 1
    assert waiting(live_server, "A") == before + 1
    assert bytes(printer_peer.received).count(number.encode()) == 1


def test_priority_path_issues_a_priority_ticket(qtbot, live_server, printer_peer, make_kiosk):
    """Prioritas → Lansia → agency → service: the server's ticket carries priority lansia."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    home = kiosk.window.pages[Screen.HOME]
    tap(qtbot, home.priority)
    tap(qtbot, kiosk.window.pages[Screen.PRIORITY].choices["lansia"])
    assert kiosk.window.priority_banner.isVisible()
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.DONE)
    assert kiosk.flow.state.result.ticket["priority"] == "lansia"


def test_server_unreachable_disables_choosing_and_recovers(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Server gone: banner, agencies disabled; server back: usable again without a restart."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    live_server.stop()
    qtbot.waitUntil(lambda: kiosk.window.banner.isVisible(), timeout=WAIT_MS)
    card = kiosk.window.pages[Screen.HOME].agency_buttons[DUKCAPIL]
    assert not card.isEnabled()
    assert "terputus" in kiosk.window.banner.text()
    live_server.start()
    qtbot.waitUntil(lambda: not kiosk.window.banner.isVisible(), timeout=WAIT_MS)
    tap_agency(qtbot, kiosk)


def test_issue_while_offline_then_retry_gives_one_ticket(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Server lost during the press: the offline screen; "Coba lagi" later gives one ticket."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    tap_agency(qtbot, kiosk)
    live_server.stop()
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.OFFLINE)
    fault = kiosk.window.pages[Screen.OFFLINE]
    assert "belum bisa dibuat" in fault.title.text()
    live_server.start()
    tap(qtbot, fault.retry)
    wait_screen(qtbot, kiosk, Screen.DONE)
    assert waiting(live_server, "A") == 1


def test_paper_out_before_issue_says_so_and_issues_nothing(
    qtbot, live_server, paper_out_printer_peer, make_kiosk
):
    """A printer out of paper: the kiosk says so and the server gets no ticket."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(paper_out_printer_peer)))
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.PRINTER_NOT_READY)
    page = kiosk.window.pages[Screen.PRINTER_NOT_READY]
    assert "Kertas tiket habis" in page.body.text()
    assert waiting(live_server, "A") == 0


def test_printer_unreachable_before_issue_issues_nothing(
    qtbot, live_server, refused_printer_port, make_kiosk
):
    """A printer that refuses the connection: "not ready", no ticket at the server."""
    printer = {"type": "network", "host": "127.0.0.1", "port": refused_printer_port}
    kiosk = make_kiosk(kiosk_settings(live_server, printer))
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.PRINTER_NOT_READY)
    assert "tidak tersambung" in kiosk.window.pages[Screen.PRINTER_NOT_READY].body.text()
    assert waiting(live_server, "A") == 0


def test_print_failure_after_issue_shows_number_and_qr_and_tells_server(
    qtbot, live_server, dropping_printer_peer, make_kiosk
):
    """The link drops mid-ticket: number large on screen with its QR; server marks it unprinted."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(dropping_printer_peer)))
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.PRINT_FAILED)
    ticket = kiosk.flow.state.result.ticket
    page = kiosk.window.pages[Screen.PRINT_FAILED]
    assert page.number.text() == ticket["number"]
    assert page.qr.isVisible() and not page.qr.pixmap().isNull()
    headers = live_server.auth(live_server.admin_token())
    answer = requests.get(f"{live_server.api}/tickets/{ticket['id']}", headers=headers, timeout=5)
    assert answer.json()["print_status"] not in (None, "printed")


def test_quota_refusal_has_its_own_screen(qtbot, live_server, printer_peer, make_kiosk):
    """The server refuses (quota used up by another kiosk): a friendly refusal screen."""
    kiosk = make_kiosk(
        kiosk_settings(live_server, network_printer(printer_peer), services_poll_seconds=60)
    )
    admin = live_server.auth(live_server.admin_token())
    requests.patch(
        f"{live_server.api}/admin/services/A", json={"daily_quota": 1}, headers=admin, timeout=5
    ).raise_for_status()
    other_kiosk = {"Authorization": "Bearer demo-kiosk-2-token", "Idempotency-Key": "other-1"}
    requests.post(
        f"{live_server.api}/tickets", json={"service": "A"}, headers=other_kiosk, timeout=5
    ).raise_for_status()
    tap_agency(qtbot, kiosk)  # the kiosk's list is older than the quota change
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.REFUSED)
    page = kiosk.window.pages[Screen.REFUSED]
    assert page.body.text() == "Kuota hari ini habis"
    assert not page.retry.isVisible()


def test_idle_screen_returns_home(qtbot, live_server, printer_peer, make_kiosk):
    """A citizen who walks away: the services screen goes back home by itself."""
    timeouts = Timeouts(idle_seconds=0.3, done_seconds=0.3, print_failed_seconds=0.3)
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)), timeouts)
    tap_agency(qtbot, kiosk)
    wait_screen(qtbot, kiosk, Screen.HOME)
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.DONE)
    wait_screen(qtbot, kiosk, Screen.HOME)


def test_language_switch_to_english_and_back(qtbot, live_server, printer_peer, make_kiosk):
    """The language button turns every text English, closed reasons included, and back."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    window = kiosk.window
    home = window.pages[Screen.HOME]
    assert home.title.text() == "Silakan pilih layanan"
    tap(qtbot, window.header.language)
    assert home.title.text() == "Please choose a service"
    assert window.header.language.text() == "Bahasa Indonesia"
    tap_agency(qtbot, kiosk)
    assert window.pages[Screen.SERVICES].back.text() == "Back"
    tap(qtbot, window.header.language)
    assert window.pages[Screen.SERVICES].back.text() == "Kembali"


def test_technician_menu_refuses_a_wrong_pin(qtbot, live_server, printer_peer, make_kiosk):
    """Five taps on the logo ask for the PIN; a wrong PIN opens nothing and the kiosk stays open."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    window = kiosk.window
    for _ in range(5):
        tap(qtbot, window.header.logo)
    assert kiosk.flow.state.screen == Screen.PIN
    pin = window.pages[Screen.PIN]
    for key in "0000":
        tap(qtbot, pin.keys[key])
    tap(qtbot, pin.keys["OK"])
    assert pin.error.text() == "PIN salah"
    assert kiosk.flow.state.screen == Screen.PIN
    window.close()
    assert window.isVisible()  # closing is refused without the PIN
    kiosk.controller.quit()
    assert window.isVisible()


def test_technician_menu_with_the_pin_prints_a_test_page(
    qtbot, live_server, printer_peer, make_kiosk
):
    """The right PIN opens the menu; it shows the server and prints a test page."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    window = kiosk.window
    for _ in range(5):
        tap(qtbot, window.header.logo)
    pin = window.pages[Screen.PIN]
    for key in "2468":
        tap(qtbot, pin.keys[key])
    tap(qtbot, pin.keys["OK"])
    assert kiosk.flow.state.screen == Screen.TECHNICIAN
    menu = window.pages[Screen.TECHNICIAN]
    assert live_server.url in menu.server.text() and "Tersambung" in menu.server.text()
    before = printer_peer.ticket_bytes_received()
    tap(qtbot, menu.test_page)
    qtbot.waitUntil(lambda: menu.notice.text() == "Berhasil dicetak", timeout=WAIT_MS)
    assert printer_peer.ticket_bytes_received() > before


def test_heartbeat_reports_the_printer_status(
    qtbot, live_server, paper_out_printer_peer, make_kiosk
):
    """The admin's device list learns that this kiosk's printer is out of paper."""
    make_kiosk(kiosk_settings(live_server, network_printer(paper_out_printer_peer)))
    admin = live_server.auth(live_server.admin_token())

    def kiosk_says_paper_out() -> bool:
        devices = requests.get(f"{live_server.api}/admin/devices", headers=admin, timeout=5).json()
        kiosk = next(device for device in devices if device["name"] == "kiosk-1")
        return "paper_out" in str(kiosk)

    qtbot.waitUntil(kiosk_says_paper_out, timeout=WAIT_MS)


def test_serial_printer_over_a_socat_pair_gets_the_ticket(
    qtbot, live_server, serial_printer_peer, make_kiosk
):
    """The same taps with a serial printer (socat pty pair): the issued number reaches it."""
    printer = {"type": "serial", "devfile": serial_printer_peer.kiosk_device, "baudrate": 9600}
    kiosk = make_kiosk(kiosk_settings(live_server, printer))
    tap_agency(qtbot, kiosk, "Kepolisian Resor Madiun")
    tap(qtbot, service_button(kiosk, "L"))
    wait_screen(qtbot, kiosk, Screen.DONE)
    number = kiosk.flow.state.result.ticket["number"]
    serial_printer_peer.wait_for(lambda peer: number.encode() in peer.received)

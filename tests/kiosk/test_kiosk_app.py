"""The whole kiosk against a real server on loopback and real printer peers."""

from __future__ import annotations

import re

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
    visible_texts,
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
    number = kiosk.flow.state.result.ticket.number
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
    number = kiosk.flow.state.result.ticket.number
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
    assert kiosk.flow.state.result.ticket.priority == "lansia"


def test_server_unreachable_disables_choosing_and_recovers(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Server gone: banner, agencies disabled; server back: usable again without a restart."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    live_server.stop()
    qtbot.waitUntil(lambda: kiosk.window.banner.isVisible(), timeout=WAIT_MS)
    card = kiosk.window.pages[Screen.HOME].agency_buttons[DUKCAPIL]
    assert not card.isEnabled()
    assert "terputus sejak" in kiosk.window.banner.text()  # "… terputus sejak 09.01 …"
    assert re.search(r"sejak \d\d\.\d\d\b", kiosk.window.banner.text())
    live_server.start()
    qtbot.waitUntil(lambda: not kiosk.window.banner.isVisible(), timeout=WAIT_MS)
    tap_agency(qtbot, kiosk)


def test_issue_while_offline_then_retry_gives_one_ticket(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Server lost during the press: after the bounded wait, the offline screen (which does not
    claim nothing was made); "Coba lagi" later gives one ticket."""
    settings = kiosk_settings(live_server, network_printer(printer_peer), ticket_wait_seconds=5)
    kiosk = make_kiosk(settings)
    tap_agency(qtbot, kiosk)
    live_server.stop()
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.OFFLINE)
    fault = kiosk.window.pages[Screen.OFFLINE]
    assert "belum bisa dipastikan" in fault.title.text()
    live_server.start()
    tap(qtbot, fault.retry)
    wait_screen(qtbot, kiosk, Screen.DONE)
    assert waiting(live_server, "A") == 1


def ticket_at_server(live_server, ticket_id: int) -> dict:
    headers = live_server.auth(live_server.admin_token())
    answer = requests.get(f"{live_server.api}/tickets/{ticket_id}", headers=headers, timeout=5)
    answer.raise_for_status()
    return answer.json()


def kiosk_device(live_server) -> dict:
    admin = live_server.auth(live_server.admin_token())
    devices = requests.get(f"{live_server.api}/admin/devices", headers=admin, timeout=5).json()
    return next(device for device in devices if device["name"] == "kiosk-1")


def test_paper_out_is_said_on_home_and_the_number_is_shown_large_with_its_qr(
    qtbot, live_server, paper_out_printer_peer, make_kiosk
):
    """Paper out: home says so before any tap; a tap still serves (number large + QR on
    screen), the server marks the ticket paper_out and the heartbeat reports paper_out."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(paper_out_printer_peer)))
    notice = kiosk.window.printer_banner
    qtbot.waitUntil(notice.isVisible, timeout=WAIT_MS)
    assert kiosk.flow.state.screen == Screen.HOME and kiosk.controller.issues_requested == 0
    assert "Kertas tiket habis" in notice.text() and "layar" in notice.text()
    assert "QR" in notice.text()
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.ON_SCREEN)
    ticket = kiosk.flow.state.result.ticket
    page = kiosk.window.pages[Screen.ON_SCREEN]
    assert page.isVisible() and page.number.text() == ticket.number
    assert page.number.font().pixelSize() >= 200  # large: read from a step away
    assert page.qr.isVisible() and not page.qr.pixmap().isNull()
    assert "Kertas tiket habis" in page.title.text()
    assert "ambil tiket" not in visible_texts(kiosk.window)
    assert waiting(live_server, "A") == 1
    qtbot.waitUntil(
        lambda: ticket_at_server(live_server, ticket.id)["print_status"] == "paper_out",
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: "paper_out" in str(kiosk_device(live_server)), timeout=WAIT_MS)


def test_printer_unreachable_still_serves_on_screen(
    qtbot, live_server, refused_printer_port, make_kiosk
):
    """A printer that refuses the connection: home says so; a tap shows the number on screen."""
    printer = {"type": "network", "host": "127.0.0.1", "port": refused_printer_port}
    kiosk = make_kiosk(kiosk_settings(live_server, printer))
    qtbot.waitUntil(kiosk.window.printer_banner.isVisible, timeout=WAIT_MS)
    assert "tidak tersambung" in kiosk.window.printer_banner.text()
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.ON_SCREEN)
    assert "tidak tersambung" in kiosk.window.pages[Screen.ON_SCREEN].title.text()
    assert waiting(live_server, "A") == 1


def test_slow_server_gives_one_ticket_shown_and_never_says_failed(
    qtbot, live_server, printer_peer, slow_relay, make_kiosk
):
    """Ticket answers later than the client's timeout: asked again under the same key, the
    citizen sees "still working", then the one ticket; no fault screen on the way."""
    relay = slow_relay(delay=2.0)
    settings = kiosk_settings(
        live_server,
        network_printer(printer_peer),
        server={"url": relay.url, "timeout_seconds": 1.5},
    )
    kiosk = make_kiosk(settings)
    screens: list[Screen] = []
    kiosk.controller.stateChanged.connect(lambda state: screens.append(state.screen))
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    issuing = kiosk.window.pages[Screen.ISSUING]
    qtbot.waitUntil(lambda: "masih diproses" in issuing.title.text(), timeout=WAIT_MS)
    assert issuing.isVisible() and "tunggu" in issuing.subtitle.text()
    wait_screen(qtbot, kiosk, Screen.DONE)
    number = kiosk.flow.state.result.ticket.number
    printer_peer.wait_for(lambda peer: number.encode() in peer.received)
    assert relay.late_answers >= 1  # the slow path was really taken
    assert not {Screen.OFFLINE, Screen.SERVER_ERROR} & set(screens)
    assert waiting(live_server, "A") == 1
    assert kiosk.window.pages[Screen.DONE].number.text() == number


def test_going_back_during_a_slow_wait_leaves_no_ghost(
    qtbot, live_server, printer_peer, slow_relay, make_kiosk
):
    """A citizen who presses away while the ticket is on its way: the kiosk stays and shows
    and prints that ticket (a kiosk may not cancel one), so no ticket waits without holder."""
    relay = slow_relay(delay=2.0)
    settings = kiosk_settings(
        live_server,
        network_printer(printer_peer),
        server={"url": relay.url, "timeout_seconds": 1.5},
    )
    kiosk = make_kiosk(settings)
    tap_agency(qtbot, kiosk)
    relay.gate.clear()  # the server holds its answers until the citizen has pressed away
    tap(qtbot, service_button(kiosk, "A"))
    issuing = kiosk.window.pages[Screen.ISSUING]
    qtbot.waitUntil(lambda: kiosk.flow.state.issue_slow, timeout=WAIT_MS)
    assert "Ke awal" not in visible_texts(kiosk.window)  # no way out is offered …
    kiosk.controller.press_home()  # … and one that reaches the controller is ignored
    qtbot.mouseClick(issuing, Qt.MouseButton.LeftButton)
    assert kiosk.flow.state.screen == Screen.ISSUING
    relay.gate.set()
    wait_screen(qtbot, kiosk, Screen.DONE)
    ticket = kiosk.flow.state.result.ticket
    printer_peer.wait_for(lambda peer: ticket.number.encode() in peer.received)
    qtbot.waitUntil(
        lambda: ticket_at_server(live_server, ticket.id)["print_status"] == "printed",
        timeout=WAIT_MS,
    )
    assert waiting(live_server, "A") == 1
    kiosk_headers = live_server.auth(live_server.kiosk_token)
    cancel = requests.post(
        f"{live_server.api}/tickets/{ticket.id}/cancel", headers=kiosk_headers, timeout=5
    )
    assert cancel.status_code == 403  # why the kiosk shows the ticket rather than cancel it


def test_leaving_an_unsure_number_cancels_the_servers_ticket_when_it_answers_again(
    qtbot, live_server, printer_peer, slow_relay, make_kiosk
):
    """The server took the request but its answer never came within the wait: "belum bisa
    dipastikan". The citizen leaves instead of "Coba lagi"; once answers flow again the kiosk
    abandons that key and the server cancels the ticket, so no ghost waits to be called."""
    from client import ApiClient

    relay = slow_relay(delay=2.0)
    settings = kiosk_settings(
        live_server,
        network_printer(printer_peer),
        server={"url": relay.url, "timeout_seconds": 1.5},
        ticket_wait_seconds=5,
    )
    kiosk = make_kiosk(settings)
    requests_sent: list = []
    kiosk.controller.issueRequested.connect(requests_sent.append)
    answers: list = []
    kiosk.net.abandonAnswered.connect(answers.append, Qt.ConnectionType.DirectConnection)
    tap_agency(qtbot, kiosk)
    relay.gate.clear()  # the server holds every ticket answer beyond the kiosk's wait
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.OFFLINE)
    assert "belum bisa dipastikan" in kiosk.window.pages[Screen.OFFLINE].title.text()
    qtbot.waitUntil(lambda: waiting(live_server, "A") == 1, timeout=WAIT_MS)  # it exists
    assert relay.late_answers == 0  # no answer reached the kiosk
    key = requests_sent[-1].idempotency_key
    tap(qtbot, kiosk.window.pages[Screen.OFFLINE].home)  # the citizen leaves
    assert kiosk.flow.state.screen == Screen.HOME
    relay.gate.set()  # the relay lets answers through again
    qtbot.waitUntil(lambda: waiting(live_server, "A") == 0, timeout=WAIT_MS)
    # The key leaves the pending list before its answer is signalled: wait for the answer.
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    assert not kiosk.net.abandoned.pending
    assert [(a.outcome, a.number) for a in answers] == [("cancelled", "A-001")]
    kiosk_client = ApiClient(live_server.url, live_server.kiosk_token)
    try:
        repeat = kiosk_client.abandon_ticket(key)  # the server's ticket under that key
    finally:
        kiosk_client.close()
    assert (repeat.outcome, repeat.number) == ("cancelled", "A-001")
    admin = live_server.auth(live_server.admin_token())
    report = requests.get(
        f"{live_server.api}/reports/daily?date=2026-11-30", headers=admin, timeout=5
    ).json()
    row = next(r for r in report["services"] if r["code"] == "A")
    assert (row["issued"], row["cancelled"], row["not_served"]) == (1, 1, 0)
    assert kiosk.controller.issues_requested == 1


def test_screen_only_kiosk_never_says_take_your_ticket(qtbot, live_server, make_kiosk):
    """`type = "none"`: home says numbers are shown on screen; a tap shows number + QR with
    "catat atau foto"; nowhere "ambil tiket"."""
    kiosk = make_kiosk(kiosk_settings(live_server, {"type": "none"}))
    qtbot.waitUntil(kiosk.window.printer_banner.isVisible, timeout=WAIT_MS)
    assert "tidak mencetak" in kiosk.window.printer_banner.text()
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.ON_SCREEN)
    page = kiosk.window.pages[Screen.ON_SCREEN]
    texts = visible_texts(kiosk.window)
    assert "ambil tiket" not in texts.lower() and "catat atau foto" in texts.lower()
    assert page.qr.isVisible()
    ticket = kiosk.flow.state.result.ticket
    qtbot.waitUntil(
        lambda: ticket_at_server(live_server, ticket.id)["print_status"] == "no_printer",
        timeout=WAIT_MS,
    )


def test_dummy_printer_shows_the_number_rather_than_take_your_ticket(
    qtbot, live_server, make_kiosk
):
    """`dummy` (tests only): the ticket is "printed" into memory, the screen shows the number."""
    kiosk = make_kiosk(kiosk_settings(live_server, {"type": "dummy"}))
    qtbot.waitUntil(kiosk.window.printer_banner.isVisible, timeout=WAIT_MS)
    assert "Mode uji" in kiosk.window.printer_banner.text()
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.ON_SCREEN)
    assert "ambil tiket" not in visible_texts(kiosk.window).lower()


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
    assert page.number.text() == ticket.number
    assert page.qr.isVisible() and not page.qr.pixmap().isNull()
    headers = live_server.auth(live_server.admin_token())
    answer = requests.get(f"{live_server.api}/tickets/{ticket.id}", headers=headers, timeout=5)
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


def test_idle_warning_counts_down_and_a_touch_cancels_it(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Before an idle reset a countdown warning appears; a touch cancels it and the citizen
    stays; untouched, the kiosk then goes home."""
    timeouts = Timeouts(idle_seconds=4, idle_warning_seconds=3)
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)), timeouts)
    tap_agency(qtbot, kiosk)
    warning = kiosk.window.idle_banner
    card = service_button(kiosk, "A")
    where = card.mapTo(kiosk.window, card.rect().topLeft())
    assert not warning.isVisible()
    qtbot.waitUntil(warning.isVisible, timeout=WAIT_MS)
    assert card.mapTo(kiosk.window, card.rect().topLeft()) == where  # nothing moved
    assert re.search(r"Kembali ke awal dalam \d detik — sentuh layar", warning.text())
    assert kiosk.flow.state.screen == Screen.SERVICES
    # A touch on the page's title: not a button, so only "still here".
    qtbot.mouseClick(kiosk.window.pages[Screen.SERVICES].title, Qt.MouseButton.LeftButton)
    assert not warning.isVisible() and kiosk.flow.state.screen == Screen.SERVICES
    qtbot.waitUntil(warning.isVisible, timeout=WAIT_MS)  # untouched again: warned again …
    wait_screen(qtbot, kiosk, Screen.HOME)  # … then home
    assert not warning.isVisible()


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
    number = kiosk.flow.state.result.ticket.number
    serial_printer_peer.wait_for(lambda peer: number.encode() in peer.received)


def open_technician_menu(qtbot, kiosk):
    window = kiosk.window
    for _ in range(5):
        tap(qtbot, window.header.logo)
    pin = window.pages[Screen.PIN]
    for key in "2468":
        tap(qtbot, pin.keys[key])
    tap(qtbot, pin.keys["OK"])
    assert kiosk.flow.state.screen == Screen.TECHNICIAN
    return window.pages[Screen.TECHNICIAN]


def test_quit_asks_for_a_confirmation(qtbot, live_server, printer_peer, make_kiosk):
    """ "Tutup aplikasi kios" asks first; "Batal" keeps the kiosk; "Ya, tutup" quits."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    kiosk.controller.quitRequested.disconnect()  # the test sees the request, the app stays
    quits: list[bool] = []
    kiosk.controller.quitRequested.connect(lambda: quits.append(True))
    menu = open_technician_menu(qtbot, kiosk)
    tap(qtbot, menu.quit)
    assert menu.quit_question.isVisible() and "Tutup aplikasi kios?" in menu.quit_question.text()
    assert not menu.quit.isVisible() and quits == []
    tap(qtbot, menu.quit_no)
    assert not menu.quit_question.isVisible() and quits == []
    tap(qtbot, menu.quit)
    with qtbot.waitSignal(kiosk.controller.quitRequested, timeout=WAIT_MS):
        tap(qtbot, menu.quit_yes)
    assert quits == [True]


def test_technician_success_notice_is_green_not_red(qtbot, live_server, printer_peer, make_kiosk):
    """ "Berhasil dicetak" is shown in the calm success colour, with enough contrast."""
    from kiosk.widgets.style import GREEN, PAPER

    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    menu = open_technician_menu(qtbot, kiosk)
    tap(qtbot, menu.test_page)
    qtbot.waitUntil(lambda: menu.notice.text() == "Berhasil dicetak", timeout=WAIT_MS)
    assert menu.notice.palette().windowText().color().name().upper() == GREEN.upper()
    assert contrast(GREEN, PAPER) >= 4.5


def test_technician_print_failure_says_why(qtbot, live_server, make_kiosk):
    """A test page that cannot print says so with its reason (the notice's values reach it)."""
    kiosk = make_kiosk(kiosk_settings(live_server, {"type": "none"}))
    menu = open_technician_menu(qtbot, kiosk)
    tap(qtbot, menu.test_page)
    qtbot.waitUntil(lambda: menu.notice.text() == "Gagal mencetak: no_printer", timeout=WAIT_MS)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_back_to_fullscreen_when_the_technician_menu_times_out(
    qtbot, live_server, printer_peer, make_kiosk
):
    """Fullscreen kiosk, technician leaves fullscreen, the menu times out: fullscreen again,
    covering the whole screen (no window manager needed)."""
    from PySide6.QtGui import QGuiApplication

    timeouts = Timeouts(idle_seconds=3, idle_warning_seconds=1)
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)), timeouts)
    window = kiosk.window
    window.show_kiosk(True)
    qtbot.waitUntil(window.isFullScreen, timeout=WAIT_MS)
    menu = open_technician_menu(qtbot, kiosk)
    tap(qtbot, menu.toggle_fullscreen)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=WAIT_MS)
    wait_screen(qtbot, kiosk, Screen.HOME)  # nobody touched the menu
    qtbot.waitUntil(window.isFullScreen, timeout=WAIT_MS)
    # Covers the whole screen. The test platform's screen is 800 px wide, a little under the
    # kiosk's smallest layout (832 px): the window may be that much wider, never smaller.
    screen = QGuiApplication.primaryScreen().geometry()
    assert window.geometry().topLeft() == screen.topLeft()
    assert window.geometry().contains(screen)


def test_the_ticket_names_its_counters_in_the_citizens_language(
    qtbot, live_server, printer_peer, make_kiosk
):
    """The paper says where to go (the server's counters of the service), in the language the
    citizen chose on the screen."""
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    tap(qtbot, kiosk.window.header.language)
    tap_agency(qtbot, kiosk)
    tap(qtbot, service_button(kiosk, "A"))
    wait_screen(qtbot, kiosk, Screen.DONE)
    number = kiosk.flow.state.result.ticket.number
    printer_peer.wait_for(lambda peer: number.encode() in peer.received)
    printer_peer.wait_for(lambda peer: b"Loket 1, 2" in peer.received)
    assert b"Served at" in bytes(printer_peer.received)

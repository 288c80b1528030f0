"""Accessibility of the kiosk (issue 18) with real widgets, a real server and a printer peer:
voice guidance through the whole ticket flow (what would be spoken, captured at the speaker),
accessible names on every screen, large text and simple mode until the idle reset, and the
call for help to the information desk."""

from __future__ import annotations

import itertools
import threading

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.controller import KioskController
from kiosk.core import IssueResult, KioskFlow, Outcome, PaperState, PrinterStatus, Screen, Timeouts
from kiosk.core.access import HelpState
from kiosk.widgets.parts import CardButton
from kiosk.widgets.window import KioskWindow
from tests.kiosk.conftest import (
    DUKCAPIL,
    WAIT_MS,
    kiosk_settings,
    network_printer,
    service_button,
    tap,
    visible_texts,
)
from tests.kiosk.fakes import SERVICES
from tests.support import samples

VOICE = {"voice": {"double_tap_seconds": 3}}  # two taps of a busy test machine are "quick"


class RecordingSpeaker:
    """The speaker interface, recording what would be said instead of playing it."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def say(self, sentence: str, language: str) -> None:
        with self._lock:
            self.said.append((sentence, language))

    def close(self) -> None:
        pass

    @property
    def last(self) -> str:
        return self.said[-1][0] if self.said else ""

    def sentences(self) -> list[str]:
        return [sentence for sentence, _ in self.said]


def wait_screen(qtbot, kiosk, screen) -> None:
    qtbot.waitUntil(lambda: kiosk.flow.state.screen == screen, timeout=WAIT_MS)


def click(qtbot, button) -> None:
    """A tap that voice guidance may hold back (the button need not react)."""
    assert button.isVisible(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def double_tap(qtbot, button) -> None:
    click(qtbot, button)
    click(qtbot, button)


def unnamed_buttons(window) -> list[QPushButton]:
    """Every visible push button without an accessible name (should be none)."""
    return [
        button
        for button in window.findChildren(QPushButton)
        if button.isVisible() and not button.accessibleName().strip()
    ]


def test_the_whole_ticket_flow_in_voice_guidance(qtbot, live_server, printer_peer, make_kiosk):
    """Voice on from the home screen; one tap speaks a button and does nothing else, two quick
    taps choose it; each screen says itself; the printed number is said at the end; the idle
    reset turns voice off. Every visible button on the way has an accessible name."""
    speaker = RecordingSpeaker()
    settings = kiosk_settings(live_server, network_printer(printer_peer), **VOICE)
    kiosk = make_kiosk(settings, Timeouts(done_seconds=3), speaker=speaker)
    window = kiosk.window
    voice = window.access.toggles["voice"]
    assert voice.accessibleName() == "Bantuan suara" and voice.isCheckable()
    assert voice.accessibleDescription()

    tap(qtbot, voice)  # voice off: a plain tap
    assert kiosk.flow.state.assists.voice and voice.isChecked()
    assert speaker.last.startswith("bantuan suara aktif. geser jari di layar")
    assert "silakan pilih layanan. ada" in speaker.last
    assert unnamed_buttons(window) == []

    home = window.pages[Screen.HOME]
    card = home.agency_buttons[DUKCAPIL]
    assert card.accessibleName().startswith("Dukcapil, Dinas Kependudukan dan Pencatatan Sipil")
    assert card.accessibleDescription() == "Membuka daftar layanan instansi ini"
    click(qtbot, card)  # one tap: said, not chosen
    assert kiosk.flow.state.screen == Screen.HOME
    assert speaker.last == "dukcapil, dinas kependudukan dan pencatatan sipil."
    polres = home.agency_buttons["Kepolisian Resor Madiun"]
    click(qtbot, polres)
    assert speaker.last.startswith("polres")

    # A finger sliding from one card onto another: each is said as it is reached.
    qtbot.mousePress(card, Qt.MouseButton.LeftButton)
    assert speaker.last.startswith("dukcapil")
    target = polres.mapTo(window, polres.rect().center())
    qtbot.mouseMove(window, target)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=target)
    assert speaker.last.startswith("polres")
    assert kiosk.flow.state.screen == Screen.HOME

    double_tap(qtbot, card)
    assert kiosk.flow.state.screen == Screen.SERVICES
    assert speaker.last.startswith(
        "dinas kependudukan dan pencatatan sipil. pilih layanan. ada empat layanan."
    )
    assert unnamed_buttons(window) == []

    ktp = service_button(kiosk, "A")
    click(qtbot, ktp)
    assert kiosk.flow.state.screen == Screen.SERVICES and kiosk.controller.issues_requested == 0
    assert speaker.last.startswith("ka te pe elektronik")
    assert ktp.accessibleDescription() == "Mengambil nomor antrean untuk layanan ini"
    click(qtbot, ktp)  # the second tap of a double tap: chosen
    wait_screen(qtbot, kiosk, Screen.DONE)
    assert kiosk.controller.issues_requested == 1
    assert "tiket sedang dibuat. mohon tunggu sebentar." in speaker.sentences()
    number = kiosk.flow.state.result.ticket.number  # "A-001"
    printer_peer.wait_for(lambda peer: number.encode() in peer.received)
    assert speaker.last.startswith("nomor antrean anda a satu. ka te pe elektronik.")
    assert speaker.last.endswith("silakan menunggu sampai nomor anda dipanggil.")
    assert "silakan ambil tiket anda" in speaker.last
    assert unnamed_buttons(window) == []

    count = len(speaker.said)
    wait_screen(qtbot, kiosk, Screen.HOME)  # the confirmation's timeout ends the visit
    assert not kiosk.flow.state.assists.voice and not voice.isChecked()
    assert len(speaker.said) == count  # nothing more is said for the next citizen
    tap(qtbot, home.agency_buttons[DUKCAPIL])  # and a single tap chooses again
    assert kiosk.flow.state.screen == Screen.SERVICES


def test_the_configured_key_turns_voice_guidance_on_and_off(
    qtbot, live_server, printer_peer, make_kiosk
):
    speaker = RecordingSpeaker()
    settings = kiosk_settings(live_server, network_printer(printer_peer), voice={"key": "+"})
    kiosk = make_kiosk(settings, speaker=speaker)
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Plus, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.flow.state.assists.voice
    assert speaker.last.startswith("bantuan suara aktif")
    qtbot.keyClick(kiosk.window, Qt.Key.Key_Plus)
    assert not kiosk.flow.state.assists.voice
    assert speaker.last == "bantuan suara dimatikan."


def test_large_text_and_simple_mode_last_until_the_idle_reset(
    qtbot, live_server, printer_peer, make_kiosk
):
    settings = kiosk_settings(live_server, network_printer(printer_peer), idle_seconds=10)
    kiosk = make_kiosk(settings, Timeouts(idle_seconds=2, idle_warning_seconds=1))
    window = kiosk.window
    home = window.pages[Screen.HOME]
    base = window.styled_scale
    title = home.title.font().pixelSize()
    tap(qtbot, window.access.toggles["large_text"])
    tap(qtbot, window.access.toggles["simple"])
    assert window.styled_scale == pytest.approx(base * 1.3, abs=0.01)
    qtbot.waitUntil(lambda: home.title.font().pixelSize() > title * 1.2, timeout=WAIT_MS)
    assert window.access.toggles["simple"].text() == "Tampilan sederhana: aktif"
    card = home.agency_buttons[DUKCAPIL]
    assert not card.detail.text()  # the short name alone …
    assert "Dinas Kependudukan" in card.accessibleName()  # … the long one for a screen reader
    tap(qtbot, card)
    assert window.pages[Screen.SERVICES].title.text() == "Dukcapil"
    tap(qtbot, window.pages[Screen.SERVICES].back)
    assert kiosk.flow.state.assists.large_text and kiosk.flow.state.assists.simple
    # Left alone, even the home screen goes back to normal for the next citizen.
    qtbot.waitUntil(lambda: not kiosk.flow.state.assists.simple, timeout=WAIT_MS)
    assert not kiosk.flow.state.assists.large_text and window.styled_scale == base
    assert home.title.font().pixelSize() == title
    assert home.agency_buttons[DUKCAPIL].detail.text() == DUKCAPIL
    assert window.width() == 1920 and window.height() == 1080  # never grew past the screen


@pytest.fixture
def help_desk(live_server):
    """What the information desk sees of the calls for help: the server's own open calls."""
    return HelpDesk(live_server)


class HelpDesk:
    def __init__(self, live_server):
        self.live_server = live_server

    def open_calls(self) -> int:
        headers = self.live_server.auth(self.live_server.operator_token())
        answer = requests.get(f"{self.live_server.api}/help", headers=headers, timeout=5)
        answer.raise_for_status()
        return len(answer.json())


def test_help_call_from_the_kiosk_reaches_the_desk_once(
    qtbot, live_server, printer_peer, make_kiosk, help_desk
):
    speaker = RecordingSpeaker()
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)), speaker=speaker)
    window = kiosk.window
    help_button = window.access.help
    assert help_button.accessibleName() == "Minta bantuan petugas"
    assert help_button.accessibleDescription() == "Memanggil petugas ke kios ini"
    tap(qtbot, help_button)
    qtbot.waitUntil(lambda: kiosk.flow.state.help == HelpState.SENT, timeout=WAIT_MS)
    assert window.help_banner.isVisible()
    assert "Petugas akan segera datang" in window.help_banner.text()
    tap(qtbot, help_button)  # again: said again, the desk is not rung twice
    qtbot.waitUntil(lambda: help_desk.open_calls() == 1, timeout=WAIT_MS)
    assert kiosk.net.help_wanted is False
    assert speaker.said == []  # voice guidance is off: the banner says it


def test_help_call_while_the_server_is_away_is_kept_and_delivered_later(
    qtbot, live_server, printer_peer, make_kiosk, help_desk
):
    kiosk = make_kiosk(kiosk_settings(live_server, network_printer(printer_peer)))
    window = kiosk.window
    tap(qtbot, window.pages[Screen.HOME].agency_buttons[DUKCAPIL])
    live_server.stop()
    tap(qtbot, window.access.help)  # on the services screen: the bar is on every screen
    qtbot.waitUntil(lambda: kiosk.flow.state.help == HelpState.FAILED, timeout=WAIT_MS)
    assert "Petugas belum bisa dihubungi" in window.help_banner.text()
    assert "meja informasi" in window.help_banner.text()
    live_server.start()
    qtbot.waitUntil(lambda: kiosk.flow.state.help == HelpState.SENT, timeout=WAIT_MS)
    assert "Petugas akan segera datang" in visible_texts(window)
    assert help_desk.open_calls() == 1


def scenes():
    """Every screen of the kiosk, each in the usual, simple and large-text view."""
    ticket = samples.ticket(number="A-012")
    from client import Ticket

    done = Ticket.model_validate(ticket)
    paper_out = PrinterStatus(online=True, paper=PaperState.OUT)

    def issued(outcome, **extra):
        def step(flow):
            flow.press_agency(DUKCAPIL)
            flow.press_service("A")
            flow.issue_finished(IssueResult(outcome, **extra))

        return step

    def pin(flow):
        for tap_at in range(5):
            flow.secret_tap(float(tap_at))

    def technician(flow):
        pin(flow)
        flow.enter_pin("2468")

    return {
        Screen.HOME: lambda flow: None,
        Screen.PRIORITY: lambda flow: flow.press_priority_entry(),
        Screen.SERVICES: lambda flow: flow.press_agency(DUKCAPIL),
        Screen.ISSUING: lambda flow: (flow.press_agency(DUKCAPIL), flow.press_service("A")),
        Screen.DONE: issued(Outcome.DONE, ticket=done),
        Screen.ON_SCREEN: issued(Outcome.ON_SCREEN, ticket=done, code="paper_out"),
        Screen.PRINT_FAILED: issued(Outcome.PRINT_FAILED, ticket=done, printer=paper_out),
        Screen.REFUSED: issued(Outcome.REFUSED, code="quota_exhausted"),
        Screen.OFFLINE: issued(Outcome.OFFLINE, code="offline"),
        Screen.SERVER_ERROR: issued(Outcome.SERVER_ERROR, code="server_error"),
        Screen.PIN: pin,
        Screen.TECHNICIAN: technician,
        Screen.CHECKIN: lambda flow: flow.press_checkin_entry(),
    }


@pytest.mark.parametrize("view", [(), ("simple",), ("large_text",)])
def test_every_push_button_on_every_screen_has_an_accessible_name(qtbot, view):
    """Qt's accessibility API (what a screen reader on the kiosk reads): every push button the
    citizen or the technician can see has a name, cards and switches a description too."""
    app = QApplication.instance()
    assert app is not None
    walked = set()
    for screen, steps in scenes().items():
        keys = (f"key-{n}" for n in itertools.count())
        flow = KioskFlow(pin="2468", new_key=lambda keys=keys: next(keys))
        flow.services_loaded(SERVICES)
        for name in view:
            flow.toggle_assist(name)
        controller = KioskController(flow)
        window = KioskWindow(controller, "Mal Pelayanan Publik", "http://10.0.0.2:8000")
        qtbot.addWidget(window)
        window.resize(1920, 1080)
        window.show()
        steps(flow)
        window.show_state(flow.state)
        assert flow.state.screen == screen
        buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
        assert buttons, screen
        for button in buttons:
            assert button.accessibleName().strip(), (screen, view, button.property("kind"))
            if isinstance(button, CardButton) or button.isCheckable():
                assert button.accessibleDescription(), (screen, button.accessibleName())
        walked.add(screen)
        window.allow_close()
        window.close()
    assert walked == set(Screen)

"""Booking check-in on the kiosk: the "Sudah reservasi?" button on the home screen, the
keypad screen for the code, and the scanner input (a USB barcode/QR scanner types like a
keyboard and ends with Enter, anywhere on the home screen)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from config.booking import CODE_ALPHABET, CODE_LENGTH, grouped
from kiosk.controller import KioskController
from kiosk.core import KioskState, Screen
from kiosk.texts import text
from kiosk.widgets.parts import make_button, make_label
from kiosk.widgets.screens import Page
from kiosk.widgets.style import px

# Codes whose refusal comes with the server's own sentence (it names the time).
TIMED_REFUSALS = ("too_early", "too_late")
KNOWN_REFUSALS = (
    "code_unreadable",
    "booking_not_found",
    "booking_cancelled",
    "booking_used",
    "too_early",
    "too_late",
)
KEYPAD_COLUMNS = 8
SCAN_GAP_SECONDS = 2.0  # keys further apart than this start a new code


def refusal_text(state: KioskState) -> str:
    """What the citizen reads when a code did not work, then that walk-ins remain open."""
    code = state.checkin_error
    if code is None:
        return ""
    if code in TIMED_REFUSALS and state.checkin_message:
        reason = state.checkin_message
    elif code in KNOWN_REFUSALS:
        reason = text(f"checkin_{code}", state.language)
    else:
        reason = state.checkin_message or text("checkin_other", state.language)
    return f"{reason}\n{text('checkin_walk_in_hint', state.language)}"


class CheckinPage(Page):
    """A big keypad of the code's characters (no 0/O/1/I/L exist), the code as typed, and
    why a code was refused with the walk-in path beside it."""

    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.entered = ""
        self.title = make_label("title")
        self.hint = make_label("subtitle")
        self.code = make_label("number")
        self.error = make_label("faultTitle")
        self.keys: dict[str, QPushButton] = {}
        pad = QGridLayout()
        for index, key in enumerate(CODE_ALPHABET):
            button = make_button("key", key, on_press=lambda k=key: self.press_key(k))
            self.keys[key] = button
            pad.addWidget(button, index // KEYPAD_COLUMNS, index % KEYPAD_COLUMNS)
        self.delete = make_button("key", on_press=self.press_delete)
        self.ok = make_button("main", on_press=self.press_ok)
        pad.addWidget(self.delete, 3, 7)
        self.pad = pad
        self.back = make_button("secondary", on_press=self._back)
        self.walk_in = make_button("secondary", on_press=self._back)
        for widget in (self.title, self.hint, self.code, self.error):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(pad, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.back, self.walk_in, self.ok):
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.home_button: HomeCheckinButton | None = None  # its way in, on the home screen

    def press_key(self, key: str) -> None:
        if len(self.entered) < CODE_LENGTH:
            self.entered += key
        self._show_code()

    def press_delete(self) -> None:
        self.entered = self.entered[:-1]
        self._show_code()

    def press_ok(self) -> None:
        code, self.entered = self.entered, ""
        self._show_code()
        self.controller.submit_booking_code(code)

    def _back(self) -> None:
        self.entered = ""
        self.controller.press_back()

    def _show_code(self) -> None:
        padded = self.entered + "_" * (CODE_LENGTH - len(self.entered))
        self.code.setText(grouped(padded))
        self.ok.setEnabled(len(self.entered) == CODE_LENGTH)

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        if state.screen != Screen.CHECKIN:
            self.entered = ""
        self.pad.setSpacing(px(12, scale))
        self.title.setText(text("checkin_title", lang))
        self.hint.setText(text("checkin_hint", lang))
        refusal = refusal_text(state)
        self.error.setText(refusal)
        self.error.setVisible(bool(refusal))
        self.delete.setText(text("checkin_delete", lang))
        self.ok.setText(text("checkin_ok", lang))
        self.back.setText(text("home", lang))
        self.walk_in.setText(text("checkin_walk_in", lang))
        self.walk_in.setVisible(bool(refusal))
        self.back.setVisible(not refusal)
        self._show_code()


class HomeCheckinButton:
    """ "Sudah reservasi?" under the agencies on the home screen (added to its layout, so the
    home page's own code stays as it is)."""

    def __init__(self, home: Page, controller: KioskController) -> None:
        self.button = make_button("priority", on_press=controller.press_checkin_entry)
        self.button.setObjectName("checkinEntry")
        home.layout_.insertWidget(home.layout_.count() - 1, self.button)
        controller.stateChanged.connect(self.show_state)
        self.show_state(controller.state)

    def show_state(self, state: KioskState) -> None:
        self.button.setText(text("checkin_button", state.language))
        self.button.setVisible(state.priority is None)
        self.button.setEnabled(state.can_choose)


class ScannerInput(QObject):
    """Keys typed on the home or check-in screen (a scanner: the code or the booking page's
    address, then Enter) collected and handed over as one booking code."""

    def __init__(self, controller: KioskController) -> None:
        super().__init__()
        self.controller = controller
        self.buffer = ""
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if self.controller.state.screen not in (Screen.HOME, Screen.CHECKIN):
            self.buffer = ""
            return False
        now = time.monotonic()
        if now - self._last > SCAN_GAP_SECONDS:
            self.buffer = ""
        self._last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            typed, self.buffer = self.buffer, ""
            if typed.strip():
                self.controller.submit_booking_code(typed)
            return True
        if event.text() and event.text().isprintable():
            self.buffer += event.text()
            return True
        return False


def install(window: QWidget, pages: dict, controller: KioskController) -> ScannerInput:
    """Add check-in to the kiosk window: its screen, the home button, the scanner input."""
    page = pages[Screen.CHECKIN] = CheckinPage(controller)
    page.home_button = HomeCheckinButton(pages[Screen.HOME], controller)
    scanner = ScannerInput(controller)
    window.installEventFilter(scanner)
    return scanner

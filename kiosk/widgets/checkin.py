"""Booking check-in on the kiosk: the "Sudah reservasi?" button on the home screen, the
keypad screen for the code, and the scanner input (a USB barcode/QR scanner types like a
keyboard and ends with Enter, anywhere on the home screen)."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from config.booking import CODE_ALPHABET, CODE_LENGTH, grouped
from kiosk.controller import KioskController
from kiosk.core import KioskState, Screen
from kiosk.core.checkin import refusal_text
from kiosk.texts import text
from kiosk.widgets.access import wrapped
from kiosk.widgets.parts import make_button, make_label
from kiosk.widgets.screens import Page
from kiosk.widgets.style import NAVY, px

KEYPAD_COLUMNS = 8
SCAN_GAP_SECONDS = 2.0  # keys further apart than this start a new code


class CheckinPage(Page):
    """A big keypad of the code's characters (no 0/O/1/I/L exist), the code as typed, and
    why a code was refused with the walk-in path beside it."""

    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.entered = ""
        self.title = make_label("title")
        self.hint = make_label("subtitle")
        self.code = make_label("checkinCode")
        self.error = make_label("faultTitle")
        self.keys: dict[str, QPushButton] = {}
        pad = QGridLayout()
        for index, key in enumerate(CODE_ALPHABET):
            button = make_button("key", key, on_press=lambda k=key: self.press_key(k))
            self.keys[key] = button
            pad.addWidget(button, index // KEYPAD_COLUMNS, index % KEYPAD_COLUMNS)
        self.delete = make_button("key", on_press=self.press_delete)
        self.delete.setObjectName("checkinDelete")
        self.ok = make_button("main", on_press=self.press_ok)
        pad.addWidget(self.delete, 3, 7)
        self.pad = pad
        self.back = make_button("secondary", on_press=self._back_or_retry)
        self.walk_in = make_button("main", on_press=self._walk_in)
        for widget in (self.title, self.error, self.hint, self.code):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(pad, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.back, self.ok, self.walk_in):
            row.addWidget(button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.home_button: HomeCheckinButton | None = None  # its way in, on the home screen
        self._scale = 0.0

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

    def _walk_in(self) -> None:
        """The walk-in path: home, where the agencies are."""
        self.entered = ""
        self.controller.press_back()

    def _back_or_retry(self) -> None:
        """ "Ke awal" on the keypad; "Ketik kode lain" after a refusal (the keypad again)."""
        self.entered = ""
        if self.controller.state.checkin_error is not None:
            self.controller.press_checkin_entry()
        else:
            self.controller.press_back()

    def _show_code(self) -> None:
        padded = self.entered + "_" * (CODE_LENGTH - len(self.entered))
        self.code.setText(grouped(padded))

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        if state.screen != Screen.CHECKIN:
            self.entered = ""
        self.pad.setSpacing(px(12, scale))
        if scale != self._scale:
            # The keypad must fit 31 keys with the texts on a 1366×768 screen too: smaller
            # keys than the PIN pad's, still far above the 80 px touch minimum at 1080 px.
            self._scale = scale
            self.setStyleSheet(
                f"""
                QLabel#checkinCode {{ font-size: {px(104, scale)}px; font-weight: bold;
                    color: {NAVY}; letter-spacing: {px(8, scale)}px; }}
                QPushButton[kind="key"] {{ font-size: {px(46, scale)}px;
                    min-height: 0px; min-width: 0px; }}
                QPushButton#checkinDelete {{ font-size: {px(30, scale)}px; }}
                """
            )
            for key in (*self.keys.values(), self.delete):
                key.setMinimumSize(px(104, scale), px(88, scale))
        self.title.setText(text("checkin_title", lang))
        refusal = refusal_text(state)
        self.hint.setText(text("checkin_walk_in_hint" if refusal else "checkin_hint", lang))
        # A refused code: only why, and the two ways on (a regular number, another code);
        # the keypad comes back with "Ketik kode lain".
        self.error.setText(refusal)
        self.error.setVisible(bool(refusal))
        for widget in (self.code, *self.keys.values(), self.delete, self.ok):
            widget.setVisible(not refusal)
        self.delete.setText(text("checkin_delete", lang))
        self.ok.setText(text("checkin_ok", lang))
        self.back.setText(text("checkin_other_code", lang) if refusal else text("home", lang))
        self.walk_in.setText(text("checkin_walk_in", lang))
        self.walk_in.setVisible(bool(refusal))
        self._show_code()


class HomeCheckinButton:
    """ "Sudah reservasi?" under the agencies on the home screen (added to its layout, so the
    home page's own code stays as it is)."""

    def __init__(self, home: Page, controller: KioskController) -> None:
        self.button = make_button("tech", on_press=controller.press_checkin_entry)
        self.button.setObjectName("checkinEntry")
        self.button.setMinimumHeight(px(110, 1.0))
        # Beside the priority button (same height), so the agencies keep their room.
        priority = getattr(home, "priority", None)
        self.row = QWidget()
        row = self.row_layout = QHBoxLayout(self.row)
        row.setContentsMargins(0, 0, 0, 0)
        if priority is not None and home.layout_.replaceWidget(priority, self.row) is not None:
            row.addWidget(priority, 1)
        else:
            home.layout_.insertWidget(home.layout_.count() - 1, self.row)
        row.addWidget(self.button, 1)
        # Their text never widens the window (it would stay wider than the screen after a
        # switch of text size): the row shares the width it is given.
        for button in (priority, self.button):
            if button is not None:
                button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.show_state(controller.state)  # then the window's show_state, before it styles

    def show_state(self, state: KioskState, portrait: bool = False) -> None:
        large = state.assists.large_text
        self.button.setText(wrapped(text("checkin_button", state.language), large, True, 28))
        # Large text on a tall screen: one above the other (side by side they would be wider
        # than the screen); on a wide one they stay side by side, their lines wrapped.
        stacked = large and portrait
        direction = (
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        self.row_layout.setDirection(direction)
        self.button.setVisible(state.priority is None)
        self.button.setEnabled(state.can_choose)
        self.row.setVisible(state.priority is None)


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


def install(
    window: QWidget, pages: dict, controller: KioskController
) -> tuple[ScannerInput, HomeCheckinButton]:
    """Add check-in to the kiosk window: its screen, the home button, the scanner input."""
    page = pages[Screen.CHECKIN] = CheckinPage(controller)
    entry = page.home_button = HomeCheckinButton(pages[Screen.HOME], controller)
    scanner = ScannerInput(controller)
    window.installEventFilter(scanner)
    return scanner, entry

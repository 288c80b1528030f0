"""The Qt side of the flow: presses in, state out, issue requests to the ticket worker.

Lives on the GUI thread. It owns the `KioskFlow`, the idle timer, and nothing that blocks.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.core import IssueRequest, IssueResult, KioskFlow, KioskState, PrinterStatus, Screen

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


class KioskController(QObject):
    stateChanged = Signal(object)  # KioskState
    issueRequested = Signal(object)  # IssueRequest, to the ticket worker
    ticketAbandoned = Signal(str)  # an unsure attempt's key the citizen left, to the net worker
    languageChanged = Signal(str)  # to the net worker
    printerStatusChanged = Signal(str)  # heartbeat code, to the net worker
    testPageRequested = Signal()
    reprintRequested = Signal(object)  # the last Ticket
    fullscreenRequested = Signal(bool)
    technicianLeft = Signal()  # the menu closed (by a press or a timeout): back to fullscreen
    quitRequested = Signal()
    helpRequested = Signal()  # to the net worker: call the information desk

    def __init__(self, flow: KioskFlow, parent: QObject | None = None):
        super().__init__(parent)
        self.flow = flow
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self._idle_deadline = 0.0  # monotonic, while the idle timer runs
        # The idle warning: starts `idle_warning_seconds` before the reset, then counts down.
        self._warn = QTimer(self)
        self._warn.setSingleShot(True)
        self._warn.timeout.connect(self._on_warn)
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._update_warning)
        # "Still working": the ticket's answer is later than a citizen expects.
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.timeout.connect(lambda: self._apply(self.flow.issue_slow))
        self.issues_requested = 0  # for tests and the technician's curiosity

    @property
    def state(self) -> KioskState:
        return self.flow.state

    def _apply(self, action: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run one flow action; tell the widgets when the state changed; rearm the idle timer."""
        before = self.flow.state
        answer = action(*args, **kwargs)
        after = self.flow.state
        for key in self.flow.take_abandoned():
            self.ticketAbandoned.emit(key)
        if after is not before:
            if after.language != before.language:
                self.languageChanged.emit(after.language)
            if after.screen != before.screen or self._visit_changed(before, after):
                self._restart_idle()
                self._restart_slow()
            self.stateChanged.emit(after)
            if before.screen == Screen.TECHNICIAN and after.screen != Screen.TECHNICIAN:
                self.technicianLeft.emit()
        return answer

    @staticmethod
    def _visit_changed(before: KioskState, after: KioskState) -> bool:
        """A setting that makes even the home screen go back to normal when left alone."""
        return (before.assists, before.help) != (after.assists, after.help)

    def _restart_slow(self) -> None:
        if self.flow.state.screen == Screen.ISSUING:
            self._slow.start(int(self.flow.timeouts.issue_slow_seconds * 1000))
        else:
            self._slow.stop()

    def _restart_idle(self) -> None:
        self._warn.stop()
        self._countdown.stop()
        seconds = self.flow.auto_home_seconds()
        if seconds is None:
            self._idle.stop()
            return
        self._idle_deadline = time.monotonic() + seconds
        self._idle.start(int(seconds * 1000))
        lead = self.flow.idle_warning_lead()
        if lead is not None:
            self._warn.start(int((seconds - lead) * 1000))

    @Slot()
    def _on_idle(self) -> None:
        self._warn.stop()
        self._countdown.stop()
        self._apply(self.flow.idle_timeout)

    @Slot()
    def _on_warn(self) -> None:
        self._countdown.start()
        self._update_warning()

    @Slot()
    def _update_warning(self) -> None:
        left = math.ceil(max(0.0, self._idle_deadline - time.monotonic()))
        if self.flow.state.idle_warning != left:
            self._apply(self.flow.show_idle_warning, left)

    @Slot()
    def user_activity(self) -> None:
        """Any touch keeps the current screen a while longer (not the confirmation's timer)
        and cancels a warning that the kiosk is about to go back to the start."""
        if self._idle.isActive() and self.flow.state.screen != Screen.DONE:
            self._restart_idle()
            self._apply(self.flow.clear_idle_warning)

    # -- presses from the widgets -------------------------------------------------------

    @Slot(str)
    def press_agency(self, name: str) -> None:
        self._apply(self.flow.press_agency, name)

    @Slot()
    def press_priority_entry(self) -> None:
        self._apply(self.flow.press_priority_entry)

    @Slot()
    def press_cancel_priority(self) -> None:
        self._apply(self.flow.press_cancel_priority)

    @Slot(str)
    def press_priority(self, kind: str) -> None:
        self._apply(self.flow.press_priority, kind)

    @Slot(str)
    def press_service(self, code: str) -> None:
        self._send(self._apply(self.flow.press_service, code))

    @Slot()
    def press_retry(self) -> None:
        self._send(self._apply(self.flow.press_retry))

    @Slot()
    def press_checkin_entry(self) -> None:
        self._apply(self.flow.press_checkin_entry)

    @Slot(str)
    def submit_booking_code(self, code: str) -> None:
        """A booking code from the keypad or the scanner: its check-in goes to the ticket
        worker like a ticket (printed, or shown on screen)."""
        self._send(self._apply(self.flow.submit_booking_code, code))

    def _send(self, request: IssueRequest | None) -> None:
        if request is not None:
            self.issues_requested += 1
            self.issueRequested.emit(request)

    @Slot()
    def press_back(self) -> None:
        self._apply(self.flow.press_back)

    @Slot()
    def press_home(self) -> None:
        self._apply(self.flow.press_home)

    @Slot()
    def toggle_language(self) -> None:
        self._apply(self.flow.toggle_language)

    @Slot()
    def secret_tap(self) -> None:
        self._apply(self.flow.secret_tap, time.monotonic())

    @Slot(str)
    def enter_pin(self, pin: str) -> None:
        self._apply(self.flow.enter_pin, pin)

    # -- accessibility (issue 18) --------------------------------------------------------

    @Slot(str)
    def toggle_assist(self, name: str) -> None:
        self._apply(self.flow.toggle_assist, name)

    @Slot(int)
    def press_page(self, step: int) -> None:
        self._apply(self.flow.press_page, step)

    @Slot()
    def press_help(self) -> None:
        if self._apply(self.flow.press_help):
            self.helpRequested.emit()

    @Slot(bool)
    def on_help_answered(self, delivered: bool) -> None:
        self._apply(self.flow.help_answered, delivered)

    # -- technician menu ----------------------------------------------------------------

    @Slot()
    def print_test_page(self) -> None:
        if self.flow.technician_unlocked:
            self._apply(self.flow.technician_notice, "tech_busy")
            self.testPageRequested.emit()

    @Slot()
    def reprint_last(self) -> None:
        if self.flow.technician_unlocked and self.flow.state.last_ticket:
            self._apply(self.flow.technician_notice, "tech_busy")
            self.reprintRequested.emit(self.flow.state.last_ticket)

    @Slot(bool)
    def set_fullscreen(self, on: bool) -> None:
        if self.flow.technician_unlocked:
            log.warning("technician: fullscreen %s", "on" if on else "off")
            self.fullscreenRequested.emit(on)

    @Slot()
    def quit(self) -> None:
        """ "Tutup aplikasi kios": asks for a confirmation first (`confirm_quit`)."""
        self._apply(self.flow.press_quit)

    @Slot()
    def cancel_quit(self) -> None:
        self._apply(self.flow.cancel_quit)

    @Slot()
    def confirm_quit(self) -> None:
        if self.flow.confirm_quit():
            log.warning("technician: quit the kiosk")
            self.quitRequested.emit()

    # -- answers from the workers ---------------------------------------------------------

    @Slot(list)
    def on_services(self, items: list) -> None:
        try:
            self._apply(self.flow.services_loaded, items)
        except (KeyError, TypeError, ValueError) as error:  # a malformed answer, not a crash
            log.error("services answer not understood: %s", error)
            self._apply(self.flow.server_unreachable)

    @Slot(str, object)
    def on_unreachable(self, _code: str, since: dt.datetime | None = None) -> None:
        self._apply(self.flow.server_unreachable, since)

    @Slot(bool)
    def on_paired(self, paired: bool) -> None:
        self._apply(self.flow.device_paired, paired)

    @Slot(object)
    def on_issue_finished(self, result: IssueResult) -> None:
        self._apply(self.flow.issue_finished, result)
        if result.printer is not None:
            self.printerStatusChanged.emit(result.printer.heartbeat_code)

    @Slot(object)
    def on_printer(self, status: PrinterStatus) -> None:
        if status != self.flow.state.printer:
            log.info("printer: %s (%s)", status.heartbeat_code, status.detail)
        self._apply(self.flow.printer_checked, status)
        self.printerStatusChanged.emit(status.heartbeat_code)

    @Slot(str, dict)
    def on_technician_done(self, key: str, values: dict[str, object]) -> None:
        self._apply(self.flow.technician_notice, key, **values)

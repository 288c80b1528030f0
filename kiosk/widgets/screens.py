"""One widget per screen. Each shows a KioskState (`show_state`) and forwards presses to the
controller; none of them decides anything or blocks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from client import Ticket
from config.priority import PRIORITY_GROUPS
from kiosk.controller import KioskController
from kiosk.core import KioskState, Outcome, Screen
from kiosk.core.access import (
    SIMPLE_AGENCIES_PER_PAGE,
    SIMPLE_SERVICES_PER_PAGE,
    icon_for,
    page_of,
)
from kiosk.core.flow import RETRY_SCREENS
from kiosk.texts import TEXTS, closed_reason, count_text, text
from kiosk.widgets.access import Pager, give_icon, icon_pixmap, make_help_button, wrapped
from kiosk.widgets.parts import CardButton, fill_grid, make_button, make_label, qr_pixmap
from kiosk.widgets.style import BLUE, px


class Page(QWidget):
    def __init__(self, controller: KioskController):
        super().__init__()
        self.controller = controller
        self.layout_ = QVBoxLayout(self)

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        raise NotImplementedError

    def set_margins(self, scale: float) -> None:
        margin = px(40, scale)
        self.layout_.setContentsMargins(margin, px(24, scale), margin, px(28, scale))
        self.layout_.setSpacing(px(22, scale))


def _button_row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class _ScrollGrid(QScrollArea):
    """A grid of card buttons that scrolls only if the screen is too small to hold them."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Squeezed, it scrolls: it must never make the window taller than the screen.
        self.setMinimumHeight(1)
        inner = QWidget()
        inner.setObjectName("gridInner")
        inner.setStyleSheet("QWidget#gridInner { background: transparent; }")
        self.grid = QGridLayout(inner)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.setWidget(inner)
        self.key: tuple[tuple[str, ...], int, float, bool] | None = None  # what the grid shows


class HomePage(Page):
    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.title = make_label("title")
        self.subtitle = make_label("subtitle")
        self.status = make_label("body")
        self.agencies = _ScrollGrid()
        self.agency_buttons: dict[str, CardButton] = {}  # by agency name
        self.priority = make_button("priority", on_press=controller.press_priority_entry)
        self.cancel_priority = make_button("secondary", on_press=controller.press_cancel_priority)
        for widget in (self.title, self.subtitle, self.status):
            self.layout_.addWidget(widget)
        self.layout_.addWidget(self.agencies, 1)
        self.pager = Pager(controller)  # simple mode: a few agencies per screen
        self.layout_.addWidget(self.pager)
        self.layout_.addWidget(self.priority)
        self.layout_.addLayout(_button_row(self.cancel_priority))

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        self.title.setText(text("choose_agency", lang))
        self.subtitle.setText(text("choose_agency_hint", lang))
        self.subtitle.setVisible(not state.assists.large_text)  # room for the larger cards
        if not state.services_loaded:
            self.status.setText(text("loading", lang))
        elif not state.agencies:
            self.status.setText(text("no_services", lang))
        self.status.setVisible(not state.services_loaded or not state.agencies)
        large = state.assists.large_text
        # Large text: its lines wrapped, as it shares its row with "Sudah reservasi?" on a
        # wide screen (kiosk.widgets.checkin).
        self.priority.setText(
            wrapped(text("priority_button", lang), large, True, 30 if portrait else 28)
        )
        self.priority.setVisible(state.priority is None)
        self.priority.setEnabled(state.can_choose)
        self.cancel_priority.setText(text("priority_cancel", lang))
        self.cancel_priority.setVisible(state.priority is not None)

        agencies = state.agencies
        simple = state.assists.simple  # icons beside the short names
        paged = state.assists.paged  # fewer, larger cards per screen
        columns = _agency_columns(len(agencies), portrait)
        page = page_of(len(agencies), SIMPLE_AGENCIES_PER_PAGE, state.list_page)
        if paged:
            agencies, columns = tuple(page.items(agencies)), 2 if portrait else 3
        self.pager.show_page(page if paged else None, lang, portrait)
        # Rebuild only when the buttons themselves change; otherwise update them in place, so
        # a slow press is never lost to a refresh between finger down and finger up.
        layout_key = (tuple(a.name for a in agencies), columns, scale, simple)
        if layout_key != self.agencies.key:
            self.agencies.key = layout_key
            self.agency_buttons = {}
            for agency in agencies:
                card = CardButton("agency", lambda name=agency.name: self._press(name))
                card.scale = scale
                card.setMinimumHeight(px(100 if paged else 118, scale))
                card.set_padding(px(8, scale), px(12, scale))
                if simple:
                    icon = icon_for(agency.name, agency.short)
                    give_icon(card, icon_pixmap(icon, px(96, scale), "#FFFFFF"))
                self.agency_buttons[agency.name] = card
            self.agencies.grid.setSpacing(px(16, scale))
            fill_grid(self.agencies.grid, list(self.agency_buttons.values()), columns)
        for agency in agencies:
            card = self.agency_buttons[agency.name]
            # Simple mode and large text: the short name alone, large (the long name is spoken).
            detail = agency.name if agency.short != agency.name and not paged else ""
            card.set_texts(agency.short, detail)
            card.setProperty("longName", agency.name)  # a screen reader says it in every mode
            card.set_available(state.can_choose)

    def _press(self, name: str) -> None:
        self.controller.press_agency(name)


def _agency_columns(count: int, portrait: bool) -> int:
    """As many columns as keep every agency on screen without scrolling (up to 15 landscape)."""
    if portrait:
        return 2
    return 3 if count <= 9 else 4 if count <= 12 else 5


class PriorityPage(Page):
    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.title = make_label("title")
        self.subtitle = make_label("subtitle")
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.subtitle)
        self.layout_.addStretch(1)
        self.choices = {}
        for kind in PRIORITY_GROUPS:
            button = make_button("choice", on_press=lambda k=kind: controller.press_priority(k))
            self.choices[kind] = button
            self.layout_.addWidget(button)
        self.layout_.addStretch(1)
        self.back = make_button("secondary", on_press=controller.press_back)
        self.help = make_help_button(controller)  # no room for the bottom bar here
        self.layout_.addLayout(_button_row(self.back, self.help))

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        self.title.setText(text("priority_title", lang))
        self.subtitle.setText(text("priority_hint", lang))
        for kind, button in self.choices.items():
            button.setText(text(f"priority_{kind}", lang))
        self.back.setText(text("back", lang))


class ServicesPage(Page):
    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.title = make_label("title")
        self.subtitle = make_label("subtitle")
        self.services = _ScrollGrid()
        self.service_buttons: dict[str, CardButton] = {}  # by service code
        self.back = make_button("secondary", on_press=controller.press_back)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.subtitle)
        self.layout_.addWidget(self.services, 1)
        self.pager = Pager(controller)  # simple mode: a few services per screen
        self.layout_.addWidget(self.pager)
        self.layout_.addLayout(_button_row(self.back))

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        agency = state.agency
        self.set_margins(scale)
        # Simple mode and large text: the short name fits one line (the full one is spoken).
        short = state.assists.paged and agency is not None
        self.title.setText((agency.short if short else agency.name) if agency else "")
        self.subtitle.setText(text("choose_service", lang))
        self.subtitle.setVisible(not state.assists.large_text)  # room for the larger cards
        self.back.setText(text("back", lang))
        if agency is None:
            return
        services = agency.services
        simple = state.assists.simple  # the agency's icon beside each name
        paged = state.assists.paged  # a few services at a time, one under the other
        page = page_of(len(services), SIMPLE_SERVICES_PER_PAGE, state.list_page)
        if paged:
            services = tuple(page.items(services))
        self.pager.show_page(page if paged else None, lang, portrait)
        count = len(services)
        columns = 1 if portrait or count == 1 else count if paged else 2  # paged: one row
        layout_key = (tuple(service.code for service in services), columns, scale, simple)
        if layout_key != self.services.key:
            self.services.key = layout_key
            self.service_buttons = {}
            for service in services:
                card = CardButton("service", lambda code=service.code: self._press(code))
                card.scale = scale
                card.setMinimumHeight(px(150 if paged else 170, scale))
                card.setMaximumHeight(px(300, scale))
                card.set_padding(px(14, scale), px(20, scale))
                if simple:
                    icon = icon_for(agency.name, agency.short)
                    give_icon(card, icon_pixmap(icon, px(96, scale), BLUE))
                self.service_buttons[service.code] = card
            self.services.grid.setSpacing(px(24, scale))
            fill_grid(self.services.grid, list(self.service_buttons.values()), columns)
            # Few services: keep the cards near the title instead of spreading them apart.
            self.services.grid.setRowStretch((count + columns - 1) // columns, 1)
        now = datetime.now().astimezone()
        for service in services:
            card = self.service_buttons[service.code]
            card.set_texts(service.name, _service_detail(service, now, lang))
            card.set_available(state.can_choose and service.open)

    def _press(self, code: str) -> None:
        self.controller.press_service(code)


def _service_detail(service, now: datetime, lang: str) -> str:
    if not service.open:
        return closed_reason(service.reason, service.next_open, now, lang, service.reason_text)
    if service.waiting <= 0:
        if service.no_counter_open:
            return text("waiting_none", lang) + "  ·  " + text("no_counter_open", lang)
        return text("waiting_none", lang)
    line = count_text("waiting_count", service.waiting, lang)
    if service.no_counter_open:
        # No counter serves it now: say so in words rather than show an estimate.
        line += "  ·  " + text("no_counter_open", lang)
    elif service.eta_minutes:
        line += "  ·  " + text("eta", lang, minutes=service.eta_minutes)
    return line


class IssuingPage(Page):
    PROGRESS_DOTS = 5

    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.title = make_label("title")
        self.subtitle = make_label("body")
        self.service = make_label("serviceLine")
        # A sign of life while waiting: one dot more every half second, so a slow answer
        # never looks like a frozen screen.
        self.progress = make_label("progress")
        self._step = 0
        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self._tick)
        self.layout_.addStretch(1)
        for widget in (self.title, self.subtitle, self.progress, self.service):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self._tick()

    def _tick(self) -> None:
        self._step = (self._step + 1) % self.PROGRESS_DOTS
        lit = self._step + 1
        self.progress.setText(" ".join("●" * lit + "○" * (self.PROGRESS_DOTS - lit)))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._ticker.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._ticker.stop()
        super().hideEvent(event)

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        # After a couple of seconds without an answer: calm words, never "failed".
        slow = state.issue_slow
        self.title.setText(text("issuing_slow" if slow else "issuing", lang))
        self.subtitle.setText(text("issuing_slow_hint" if slow else "issuing_hint", lang))
        self.service.setText(state.service.name if state.service else "")


def _ahead_line(ticket: Ticket | None, lang: str) -> str:
    ahead = (ticket.waiting_ahead if ticket else None) or 0
    line = count_text("people_ahead", ahead, lang) if ahead else text("people_ahead_none", lang)
    if ticket and ticket.eta_minutes:
        line += "  ·  " + text("eta", lang, minutes=ticket.eta_minutes)
    return line


def _service_name(ticket: Ticket | None) -> str:
    return ticket.service.name if ticket else ""


class DonePage(Page):
    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.caption = make_label("numberLabel")
        self.number = make_label("number")
        self.service = make_label("serviceLine")
        self.ahead = make_label("detailLine")
        self.take = make_label("bigNote")
        self.done = make_button("main", on_press=controller.press_home)
        self.layout_.addStretch(1)
        for widget in (self.caption, self.number, self.service, self.ahead, self.take):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.layout_.addLayout(_button_row(self.done))

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        ticket = state.result.ticket if state.result else None
        self.set_margins(scale)
        self.caption.setText(text("your_number", lang))
        self.number.setText(ticket.number if ticket else "")
        self.service.setText(_service_name(ticket))
        self.ahead.setText(_ahead_line(ticket, lang))
        self.take.setText(text("take_ticket", lang))
        self.done.setText(text("done_button", lang))


class NumberPage(Page):
    """An issued number that is not on paper (printer out of paper or offline, no printer, a
    test printer, or a print that failed): the number very large, with its QR for a phone."""

    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.title = make_label("numberTitle")
        self.title.setProperty("tone", "info")
        self.caption = make_label("numberLabel")
        self.number = make_label("number")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.service = make_label("serviceLine")
        self.ahead = make_label("detailLine")
        self.body = make_label("body")
        self.done = make_button("main", on_press=controller.press_home)
        self.help = make_help_button(controller)  # no room for the bottom bar here
        self.column = QWidget()
        numbers = QVBoxLayout(self.column)
        for widget in (self.caption, self.number, self.service, self.ahead):
            numbers.addWidget(widget)
        self.layout_.addWidget(self.title)
        self.box = QGridLayout()
        self.layout_.addLayout(self.box, 1)
        self.layout_.addWidget(self.body)
        self.layout_.addLayout(_button_row(self.done, self.help))
        self._qr_key: tuple[str, int] | None = None
        self._portrait: bool | None = None

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        ticket = state.result.ticket if state.result else None
        self.set_margins(scale)
        failed = state.screen == Screen.PRINT_FAILED
        code = state.result.code if state.result else None
        if failed:
            title, body = text("print_failed_title", lang), text("print_failed_body", lang)
        else:
            title_key = f"on_screen_title_{code}"
            known = TEXTS.keys()  # a Catalog, not a dict
            if title_key not in known:
                title_key = "on_screen_title_offline"
            title, body = text(title_key, lang), text("on_screen_body", lang)
        self.title.setText(title)
        tone = "fault" if failed else "info"
        if self.title.property("tone") != tone:
            self.title.setProperty("tone", tone)
            self.title.style().unpolish(self.title)
            self.title.style().polish(self.title)
        self.caption.setText(text("your_number", lang))
        self.number.setText(ticket.number if ticket else "")
        self.service.setText(_service_name(ticket))
        self.ahead.setText(_ahead_line(ticket, lang))
        self.body.setText(body)
        self.done.setText(text("done_button", lang))
        url = ticket.tracking_url if ticket else ""
        qr_size = px(420 if portrait else 380, scale)
        if (url, qr_size) != self._qr_key:
            self._qr_key = (url, qr_size)
            self.qr.setPixmap(qr_pixmap(url, qr_size) if url else QPixmap())
            self.qr.setVisible(bool(url))
        if portrait != self._portrait:
            # Side by side on a wide screen, number above the QR on a tall one.
            self._portrait = portrait
            self.box.removeWidget(self.column)
            self.box.removeWidget(self.qr)
            self.box.addWidget(self.column, 0, 0)
            self.box.addWidget(self.qr, *((1, 0) if portrait else (0, 1)))


class FaultPage(Page):
    """Refused, offline, server error: a title, why, and what to do."""

    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.title = make_label("faultTitle")
        self.body = make_label("body")
        self.note = make_label("serviceLine")
        self.retry = make_button("main", on_press=controller.press_retry)
        self.home = make_button("secondary", on_press=controller.press_home)
        self.layout_.addStretch(1)
        for widget in (self.title, self.body, self.note):
            self.layout_.addWidget(widget)
        self.layout_.addStretch(1)
        self.layout_.addLayout(_button_row(self.retry, self.home))

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        result = state.result
        self.set_margins(scale)
        title, body, note = _fault_texts(state, lang)
        self.title.setText(title)
        self.body.setText(body)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.retry.setText(text("try_again", lang))
        self.retry.setVisible(state.screen in RETRY_SCREENS and result is not None)
        self.home.setText(text("home", lang))


def _fault_texts(state: KioskState, lang: str) -> tuple[str, str, str]:
    result = state.result
    outcome = result.outcome if result else None
    if result is not None and outcome == Outcome.REFUSED:
        service = state.service
        fallback = result.message or text("refused_other", lang)
        now = datetime.now().astimezone()
        next_open = service.next_open if service else None
        reason = closed_reason(result.code, next_open, now, lang, fallback)
        return text("refused_title", lang), reason, service.name if service else ""
    if outcome == Outcome.SERVER_ERROR:
        return text("server_error_title", lang), text("server_error_body", lang), ""
    return text("offline_title", lang), text("offline_body", lang), ""


class PinPage(Page):
    def __init__(self, controller: KioskController) -> None:
        super().__init__(controller)
        self.digits = ""
        self.title = make_label("title")
        self.hint = make_label("subtitle")
        self.dots = make_label("pinDots")
        self.error = make_label("pinError")
        self.cancel = make_button("secondary", on_press=self._cancel)
        # Side by side on a wide screen (the pad would not fit under the texts at 768 px),
        # stacked on a tall one.
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        texts = QVBoxLayout()
        texts.addStretch(1)
        for widget in (self.title, self.hint, self.dots, self.error):
            texts.addWidget(widget)
        texts.addLayout(_button_row(self.cancel))
        texts.addStretch(1)
        pad = QGridLayout()
        self.keys = {}
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"]):
            button = make_button("key", key, on_press=lambda k=key: self._key(k))
            self.keys[key] = button
            pad.addWidget(button, index // 3, index % 3)
        self.body.addLayout(texts, 1)
        self.body.addLayout(pad)
        self.layout_.addLayout(self.body, 1)

    def _key(self, key: str) -> None:
        if key == "C":
            self.digits = ""
        elif key == "OK":
            digits, self.digits = self.digits, ""
            self.controller.enter_pin(digits)
        elif len(self.digits) < 8:
            self.digits += key
        self.dots.setText("●" * len(self.digits) or " ")

    def _cancel(self) -> None:
        self.digits = ""
        self.controller.press_home()

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        self.body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.body.setSpacing(px(40, scale))
        if state.screen != Screen.PIN:
            self.digits = ""
        self.title.setText(text("pin_title", lang))
        self.hint.setText(text("pin_hint", lang))
        self.dots.setText("●" * len(self.digits) or " ")
        self.error.setText(text("pin_wrong", lang) if state.pin_error else " ")
        self.keys["C"].setText(text("pin_clear", lang))
        self.keys["OK"].setText(text("pin_ok", lang))
        self.cancel.setText(text("cancel", lang))


class TechnicianPage(Page):
    def __init__(self, controller, server_url: str):
        super().__init__(controller)
        self.server_url = server_url
        self.fullscreen = True
        self.title = make_label("title")
        self.server = make_label("techInfo", align=Qt.AlignmentFlag.AlignLeft)
        self.printer = make_label("techInfo", align=Qt.AlignmentFlag.AlignLeft)
        self.last = make_label("techInfo", align=Qt.AlignmentFlag.AlignLeft)
        self.notice = make_label("techNotice", align=Qt.AlignmentFlag.AlignLeft)
        self.notice.setProperty("ok", True)
        for widget in (self.title, self.server, self.printer, self.last, self.notice):
            self.layout_.addWidget(widget)
        # "Tutup aplikasi kios" asks first: the question, then yes (red) or cancel.
        self.quit_question = make_label("techQuestion")
        self.quit_yes = make_button("danger", on_press=controller.confirm_quit)
        self.quit_no = make_button("secondary", on_press=controller.cancel_quit)
        self.layout_.addWidget(self.quit_question)
        self.layout_.addLayout(_button_row(self.quit_yes, self.quit_no))
        self.grid = QGridLayout()
        self.test_page = make_button("tech", on_press=controller.print_test_page)
        self.reprint = make_button("tech", on_press=controller.reprint_last)
        self.toggle_fullscreen = make_button("tech", on_press=self._toggle_fullscreen)
        self.quit = make_button("danger", on_press=controller.quit)
        self.close_button = make_button("main", on_press=controller.press_home)
        self.buttons = [self.test_page, self.reprint, self.toggle_fullscreen, self.quit]
        self._columns = 0
        self.layout_.addStretch(1)
        self.layout_.addLayout(self.grid)
        self.layout_.addLayout(_button_row(self.close_button))

    def _toggle_fullscreen(self) -> None:
        self.controller.set_fullscreen(not self.fullscreen)

    def show_state(self, state: KioskState, portrait: bool, scale: float) -> None:
        lang = state.language
        self.set_margins(scale)
        columns = 1 if portrait else 2
        if columns != self._columns:
            self._columns = columns
            for index, button in enumerate(self.buttons):
                self.grid.removeWidget(button)
                self.grid.addWidget(button, index // columns, index % columns)
        self.title.setText(text("pin_title", lang))
        connected = text("tech_connected" if state.online else "tech_disconnected", lang)
        self.server.setText(f"{text('tech_server', lang, url=self.server_url)} — {connected}")
        printer_state = text(f"printer_state_{state.printer.heartbeat_code}", lang)
        detail = f" ({state.printer.detail})" if state.printer.detail else ""
        self.printer.setText(text("tech_printer", lang, state=printer_state) + detail)
        number = state.last_ticket.number if state.last_ticket else None
        self.last.setText(
            text("tech_last_ticket", lang, number=number)
            if number
            else text("tech_no_last_ticket", lang)
        )
        notice = state.technician_notice
        self.notice.setText(text(notice[0], lang, **notice[1]) if notice else " ")
        ok = notice is None or notice[0] != "tech_print_failed"
        if self.notice.property("ok") != ok:  # success in calm green, a failure in red
            self.notice.setProperty("ok", ok)
            self.notice.style().unpolish(self.notice)
            self.notice.style().polish(self.notice)
        asking = state.confirm_quit
        self.quit_question.setText(text("tech_quit_question", lang))
        self.quit_yes.setText(text("tech_quit_yes", lang))
        self.quit_no.setText(text("cancel", lang))
        for widget in (self.quit_question, self.quit_yes, self.quit_no):
            widget.setVisible(asking)
        for widget in (*self.buttons, self.close_button):
            widget.setVisible(not asking)
        self.test_page.setText(text("tech_test_page", lang))
        self.reprint.setText(text("tech_reprint", lang))
        self.reprint.setEnabled(state.last_ticket is not None)
        key = "tech_leave_fullscreen" if self.fullscreen else "tech_enter_fullscreen"
        self.toggle_fullscreen.setText(text(key, lang))
        self.quit.setText(text("tech_quit", lang))
        self.close_button.setText(text("tech_close", lang))

"""The kiosk window: a header (logo, MPP name, date and clock, language), banners, and the
screen the flow is on. Frameless fullscreen; it cannot be closed except from the technician
menu."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from config.i18n import clock_text
from kiosk.controller import KioskController
from kiosk.core import KioskState, Screen
from kiosk.texts import format_clock, format_date, text
from kiosk.widgets import checkin, screens
from kiosk.widgets.access import (
    AccessBar,
    HelpBanner,
    effective_scale,
    keep_scale,
    name_buttons,
    size_by_current_page,
)
from kiosk.widgets.parts import make_button, make_label
from kiosk.widgets.style import px, scale_for, stylesheet

log = logging.getLogger(__name__)

# Screens where the citizen may still switch language or see the priority banner.
CHOOSING_SCREENS = (Screen.HOME, Screen.PRIORITY, Screen.SERVICES)
TOUCH_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)


class Header(QWidget):
    def __init__(self, controller: KioskController, mpp_name: str, logo: Path | None):
        super().__init__()
        self.setObjectName("header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # The logo doubles as the technician's hidden door: five quick taps open the PIN pad.
        self.logo = make_button("logo", "MPP", on_press=controller.secret_tap)
        self.logo.setObjectName("logo")
        self._has_logo = logo is not None
        if logo is not None:
            self.logo.setText("")
            self.logo.setIcon(QIcon(QPixmap(str(logo))))
        self.name = make_label("mppName", mpp_name, align=Qt.AlignmentFlag.AlignLeft)
        self.name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.date = make_label("date", align=Qt.AlignmentFlag.AlignRight)
        self.date.setWordWrap(False)
        self.clock = make_label("clock", align=Qt.AlignmentFlag.AlignRight)
        self.language = make_button("language", on_press=controller.toggle_language)
        self.language.setObjectName("language")
        time_box = QVBoxLayout()
        time_box.setSpacing(0)
        time_box.addWidget(self.clock)
        time_box.addWidget(self.date)
        self.row = QHBoxLayout(self)
        self.row.addWidget(self.logo)
        self.row.addWidget(self.name, 1)
        self.row.addLayout(time_box)
        self.row.addWidget(self.language)
        self._language = "id"
        self._overlay: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self.tick()

    def cover_with(self, overlay: QWidget) -> None:
        """Lay `overlay` exactly over the header (kept there on every resize), hidden."""
        self._overlay = overlay
        overlay.setParent(self)
        overlay.setGeometry(self.rect())
        overlay.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self._overlay is not None:
            self._overlay.setGeometry(self.rect())

    def tick(self) -> None:
        now = datetime.now().astimezone()
        self.clock.setText(format_clock(now, self._language))
        self.date.setText(format_date(now, self._language))

    def show_state(self, state: KioskState, scale: float, portrait: bool) -> None:
        self._language = state.language
        self.date.setWordWrap(portrait)  # a long English date must not widen a tall screen
        self.language.setText(text("language_button", state.language))
        self.language.setVisible(state.screen in CHOOSING_SCREENS)
        margin = px(24, scale)
        self.row.setContentsMargins(margin, px(12, scale), margin, px(12, scale))
        self.row.setSpacing(px(24, scale))
        if self._has_logo:
            self.logo.setIconSize(QSize(px(84, scale), px(84, scale)))
        self.tick()


class KioskWindow(QWidget):
    def __init__(
        self,
        controller: KioskController,
        mpp_name: str,
        server_url: str,
        logo: Path | None = None,
        voice_offered: bool = True,
    ):
        super().__init__()
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle(mpp_name)
        self.controller = controller
        self.header = Header(controller, mpp_name, logo)
        self.banner = make_label("banner")
        # What the printer can do, said before anyone taps (out of paper: number on screen).
        self.printer_banner = make_label("printerBanner")
        # "Kembali ke awal dalam 10 detik — sentuh layar untuk lanjut": laid over the header,
        # so nothing under a citizen's finger moves when it appears.
        self.idle_banner = make_label("idleBanner")
        self.header.cover_with(self.idle_banner)
        self.priority_banner = make_label("priorityBanner")
        self.stack = QStackedWidget()
        technician = self.technician = screens.TechnicianPage(controller, server_url)
        fault = screens.FaultPage(controller)
        number = screens.NumberPage(controller)
        self.pages: dict[Screen, screens.Page] = {
            Screen.HOME: screens.HomePage(controller),
            Screen.PRIORITY: screens.PriorityPage(controller),
            Screen.SERVICES: screens.ServicesPage(controller),
            Screen.ISSUING: screens.IssuingPage(controller),
            Screen.DONE: screens.DonePage(controller),
            Screen.ON_SCREEN: number,
            Screen.PRINT_FAILED: number,
            Screen.REFUSED: fault,
            Screen.OFFLINE: fault,
            Screen.SERVER_ERROR: fault,
            Screen.PIN: screens.PinPage(controller),
            Screen.TECHNICIAN: technician,
        }
        # "Sudah reservasi?": the check-in screen, its button on the home screen, the scanner
        self.scanner, self.checkin_entry = checkin.install(self, self.pages, controller)
        for page in dict.fromkeys(self.pages.values()):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (
            self.header,
            self.banner,
            self.printer_banner,
            self.priority_banner,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.stack, 1)
        # "Minta bantuan petugas" on every screen; voice, large text, simple mode on home.
        self.access = AccessBar(controller, voice_offered)
        layout.addWidget(self.access)
        self.help_banner = HelpBanner(self.header)
        self.scale = 0.0
        self.styled_scale = 0.0  # the scale of the style sheet: larger in large-text mode
        self.fullscreen = False
        self.kiosk_fullscreen = False  # what the settings asked for: the menu's timeout returns
        self._closing = False  # set by the app when the technician chose "quit"
        controller.stateChanged.connect(self.show_state)
        controller.fullscreenRequested.connect(self.set_fullscreen)
        self.show_state(controller.state)

    # -- showing the state ------------------------------------------------------------------

    @property
    def portrait(self) -> bool:
        return self.height() > self.width()

    def show_state(self, state: KioskState) -> None:
        scale = effective_scale(self.scale or 1.0, state)
        if self.scale:
            keep_scale(self.header, self.scale)  # large text is for the page, not the header
        self.header.show_state(state, self.scale or 1.0, self.portrait)
        lang = state.language
        if state.unpaired:
            self.banner.setText(text("unpaired_banner", lang))
        elif state.offline_since is not None:
            since = clock_text(state.offline_since.astimezone(), lang)
            self.banner.setText(text("offline_banner_since", lang, time=since))
        else:
            self.banner.setText(text("offline_banner", lang))
        self.banner.setVisible(state.online is False or state.unpaired)
        reason = state.printer.screen_reason
        show_printer = reason is not None and state.screen in CHOOSING_SCREENS
        if show_printer:
            self.printer_banner.setText(text(f"printer_notice_{reason}", lang))
        self.printer_banner.setVisible(show_printer)
        if state.idle_warning is not None:
            self.idle_banner.setText(text("idle_warning", lang, seconds=state.idle_warning))
            self.idle_banner.raise_()
        self.idle_banner.setVisible(state.idle_warning is not None)
        show_priority = state.priority is not None and state.screen in CHOOSING_SCREENS
        if show_priority:
            kind = text(f"priority_short_{state.priority}", state.language)
            self.priority_banner.setText(text("priority_banner", state.language, kind=kind))
        self.priority_banner.setVisible(show_priority)
        self.checkin_entry.show_state(state, self.portrait)
        page = self.pages[state.screen]
        page.show_state(state, self.portrait, scale)
        self.stack.setCurrentWidget(page)
        size_by_current_page(self.stack)
        self.access.show_state(state, self.scale, self.portrait)
        self.help_banner.show_state(state)
        name_buttons(self, lang)
        # Styled last, once the page holds what fits the new size (large text's fewer cards):
        # styled first, the old cards at the larger size would widen the window for good.
        if self.scale and scale != self.styled_scale:  # styled once the size is known
            self.styled_scale = scale
            self.setStyleSheet(stylesheet(scale))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.scale = round(scale_for(self.width(), self.height()), 3)
        super().resizeEvent(event)
        self.show_state(self.controller.state)

    # -- fullscreen and closing ---------------------------------------------------------------

    def show_kiosk(self, fullscreen: bool) -> None:
        self.kiosk_fullscreen = fullscreen
        self.set_fullscreen(fullscreen)

    def restore_fullscreen(self) -> None:
        """The technician menu closed (a press or its timeout) while the window was left
        windowed: a kiosk meant to be fullscreen goes back to fullscreen."""
        if self.kiosk_fullscreen and not self.fullscreen:
            log.info("technician menu closed: back to fullscreen")
            self.set_fullscreen(True)

    def set_fullscreen(self, on: bool) -> None:
        self.fullscreen = on
        self.technician.fullscreen = on
        if on:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            screen = QGuiApplication.primaryScreen()
            # Without a window manager (Xvfb, a bare X kiosk) showFullScreen alone may not
            # cover the screen: set the geometry to the screen's as well.
            if screen is not None:
                self.setGeometry(screen.geometry())
            self.showFullScreen()
            log.info("fullscreen %d×%d", self.width(), self.height())
            self.setCursor(Qt.CursorShape.BlankCursor)
        else:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
            self.unsetCursor()
            self.showNormal()
            self.resize(1280, 800)
        self.show_state(self.controller.state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.controller.flow.technician_unlocked or self._closing:
            event.accept()
        else:
            log.warning("close request ignored: only the technician menu can close the kiosk")
            event.ignore()

    def allow_close(self) -> None:
        self._closing = True


class ActivityFilter(QObject):
    """Any touch anywhere counts as activity for the idle timer."""

    def __init__(self, controller: KioskController):
        super().__init__()
        self.controller = controller

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in TOUCH_EVENTS:
            self.controller.user_activity()
        return False

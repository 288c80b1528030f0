"""The whole board: the parts laid out, fed by the controller, filling the screen."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from config.i18n import clock_text
from display.core.board import Board, Call, Link
from display.texts import TEXTS
from display.widgets.call_panel import CallPanel
from display.widgets.counters import CounterGrid
from display.widgets.header import Header
from display.widgets.marquee import Marquee
from display.widgets.parts import styled_label
from display.widgets.recent import RecentCalls
from display.widgets.slideshow import Slideshow
from display.widgets.style import AMBER, MUTED, NAVY, font_css, scaled_px
from display.widgets.waiting import WaitingStrip


class BoardWindow(QWidget):
    """The whole board. Feed it with `show_board`; it never asks anything itself."""

    def __init__(
        self,
        title: str,
        language: str = "id",
        logo: Path | None = None,
        recent_calls: int = 6,
        highlight_seconds: float = 8.0,
        slideshow_folder: Path | None = None,
        slideshow_seconds: float = 10.0,
        marquee_speed: float = 120.0,
    ):
        super().__init__()
        self.language = language
        self.setWindowTitle(TEXTS.get("window_title", language))
        self.setObjectName("board")
        self.setStyleSheet(f"#board {{ background: {NAVY}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.header = Header(title, logo, language)
        self.call_panel = CallPanel(language, highlight_seconds)
        self.recent = RecentCalls(language, recent_calls)
        self.slideshow = Slideshow(slideshow_folder, slideshow_seconds)
        self.counters = CounterGrid(language)
        self.counters_title = styled_label(
            TEXTS.get("counters_title", language), Qt.AlignmentFlag.AlignLeft
        )
        self.waiting = WaitingStrip(language)
        self.marquee = Marquee(marquee_speed)
        self.status_line = styled_label(TEXTS.get("connecting", language))
        self.status_line.setWordWrap(True)  # "Perangkat belum terdaftar …" is two lines

        left = QVBoxLayout()
        left.addWidget(self.call_panel, 6)
        left.addWidget(self.slideshow, 3)
        left.addWidget(self.recent, 4)
        right = QVBoxLayout()
        right.addWidget(self.counters_title)
        right.addWidget(self.counters, 1)
        body = QHBoxLayout()
        body.addLayout(left, 43)
        body.addLayout(right, 57)
        self.body = body
        self.middle = QVBoxLayout()
        self.middle.addLayout(body, 1)
        self.middle.addWidget(self.waiting)
        self.middle.addWidget(self.status_line)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addLayout(self.middle, 1)
        outer.addWidget(self.marquee)
        self.board = Board()
        self._scale = 0.0
        self._apply_scale(1.0)
        self._screen: QScreen | None = None  # the screen fill_screen() keeps covered

    # -- the screen ----------------------------------------------------------------------------

    def fill_screen(self) -> None:
        """Cover the whole primary screen, and keep covering it.

        `showFullScreen()` alone asks the window manager; on X without one (a TV box that
        starts only X and this app) the window kept its natural size, a 258x720 strip. So the
        geometry is also set to the screen's, explicitly, and set again when the screen
        changes: a TV switched on after the box (screenAdded, primaryScreenChanged) or another
        resolution (geometryChanged).
        """
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication):  # a widget cannot exist without one
            raise RuntimeError("no QGuiApplication")
        app.screenAdded.connect(self._follow_primary_screen)
        app.screenRemoved.connect(self._follow_primary_screen)
        app.primaryScreenChanged.connect(self._follow_primary_screen)
        self._follow_primary_screen()

    def _follow_primary_screen(self, *_) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:  # no screen at all for now: wait for screenAdded
            return
        if screen is not self._screen:
            if self._screen is not None:
                try:
                    self._screen.geometryChanged.disconnect(self._cover)
                except (RuntimeError, TypeError):  # that screen is gone already
                    pass
            self._screen = screen
            screen.geometryChanged.connect(self._cover)
        self._cover()

    def _cover(self, *_) -> None:
        screen = self._screen
        if screen is None:
            return
        if self.windowHandle() is not None and self.windowHandle().screen() is not screen:
            self.windowHandle().setScreen(screen)
        geometry = screen.geometry()
        self.setGeometry(geometry)
        self.showFullScreen()
        if self.geometry() != geometry:  # a window manager may have its say: ask again
            self.setGeometry(geometry)

    # -- what the app feeds in ---------------------------------------------------------------

    def show_board(self, board: Board) -> None:
        self.board = board
        self.status_line.hide()
        self.call_panel.show_call(board.latest)
        self.recent.show_calls(board.recent(len(self.recent.rows)))
        self.counters.show_counters(board.counters, board.latest)
        self.waiting.show_waiting(board.waiting)
        self.marquee.set_text(board.marquee)

    def flash_call(self, call: Call) -> None:
        """A call was made: the header and the called counter's tile light up gently for a
        few seconds, for citizens who cannot hear the voice (display.core.flash)."""
        self.header.pulse.start()
        self.counters.flash(call.counter_name)

    def set_link(self, link: Link) -> None:
        """Connected: no mark. Lost: since when, and that the board shows its last picture."""
        mark = self.header.offline_mark
        if not link.connected:
            since = clock_text(link.since, self.language) if link.since else "?"
            self.header.set_offline_text(TEXTS.get("disconnected", self.language, time=since))
        mark.setVisible(not link.connected)

    def set_refused(self) -> None:
        self.status_line.setText(TEXTS.get("not_authorized", self.language))
        self.status_line.show()

    def set_audio_problem(self, missing: str | None) -> None:
        """`missing`: None, "audio" (no sound at all) or "speech" (chime only)."""
        if missing:
            key = "audio_missing" if missing == "audio" else "speech_missing"
            self.header.audio_mark.setText(TEXTS.get(key, self.language))
        self.header.audio_mark.setVisible(bool(missing))

    def show_time(self, moment: dt.datetime) -> None:
        self.header.show_time(moment)

    # -- scaling -------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._apply_scale(event.size().height() / 1080)
        super().resizeEvent(event)

    def _apply_scale(self, scale: float) -> None:
        if abs(scale - self._scale) < 0.01:
            return
        self._scale = scale
        px = functools.partial(scaled_px, scale=scale)
        parts = (self.header, self.call_panel, self.recent, self.slideshow, self.counters)
        for part in (*parts, self.waiting, self.marquee):
            part.set_scale(scale)
        self.middle.setContentsMargins(px(24), px(18), px(24), px(12))
        self.middle.setSpacing(px(14))
        self.body.setSpacing(px(22))
        self.counters_title.setStyleSheet(font_css(px(24), bold=True, color=MUTED))
        self.status_line.setStyleSheet(font_css(px(26), bold=True, color=AMBER))

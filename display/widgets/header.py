"""The header: logo and MPP name, the status marks, date and clock."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout

from display.core.clock import date_text, time_text
from display.core.flash import Pulse
from display.widgets.parts import ElidedLabel, fitted, styled_label
from display.widgets.pulse import PulseTimer
from display.widgets.style import AMBER, GLOW, MUTED, NAVY, ORANGE, PANEL, WHITE, Scaled, font_css


class Header(QFrame, Scaled):
    """Logo and MPP name on the left; status marks, date and clock on the right."""

    def __init__(self, title: str, logo: Path | None, language: str):
        super().__init__()
        self.language = language
        self.setObjectName("header")
        self.logo = QLabel()
        self._logo_pixmap = QPixmap(str(logo)) if logo and Path(logo).is_file() else None
        self.logo.setVisible(self._logo_pixmap is not None)
        # Ends in "…" when the status marks need the room, rather than being cut mid-word.
        self.title = ElidedLabel(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.title.setText(title)
        # Shown only when the link is really lost (display.controller: LinkWatch), with since when.
        self.offline_mark = styled_label("")
        self.audio_mark = styled_label("")
        self.date = styled_label("", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.clock = styled_label("", Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.date, self.clock):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        for mark in (self.offline_mark, self.audio_mark):  # pills, not full-height blocks
            mark.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # Never cut: the title gives way instead.
        self.offline_mark.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Maximum)
        self.offline_mark.setTextFormat(Qt.TextFormat.RichText)
        self.offline_text = ""
        self.offline_mark.hide()
        self.audio_mark.hide()
        dates = QVBoxLayout()
        dates.setSpacing(0)
        dates.addWidget(self.clock)
        dates.addWidget(self.date)
        layout = self.layout_ = QHBoxLayout(self)
        layout.addWidget(self.logo)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.audio_mark)
        layout.addWidget(self.offline_mark)
        layout.addLayout(dates)
        # Each call lights the header gently for a few seconds (for those who cannot hear it).
        self.pulse = PulseTimer(Pulse(), self)
        self.pulse.changed.connect(self._restyle_frame)
        self.restyle()

    def restyle(self) -> None:
        self.setFixedHeight(self.px(112))
        self.layout_.setContentsMargins(self.px(28), self.px(8), self.px(28), self.px(8))
        self.layout_.setSpacing(self.px(20))
        self._restyle_frame()
        self.title.setStyleSheet(font_css(self.px(40), bold=True))
        self.clock.setStyleSheet(font_css(self.px(50), bold=True, color=AMBER))
        self.date.setStyleSheet(font_css(self.px(24), color=MUTED))
        mark_css = "border-radius: {r}px; padding: {p}px {q}px; background: {bg};"
        self.audio_mark.setStyleSheet(
            font_css(self.px(22), bold=True)
            + mark_css.format(r=self.px(8), p=self.px(6), q=self.px(14), bg=ORANGE)
        )
        # Calm, not an alarm: the board still shows the last picture and will catch up.
        self.offline_mark.setStyleSheet(
            font_css(self.px(22), color=WHITE)
            + mark_css.format(r=self.px(10), p=self.px(4), q=self.px(18), bg=PANEL)
            + f"border: {self.px(3)}px solid {AMBER};"
        )
        self.set_offline_text(self.offline_text)
        if self._logo_pixmap is not None:
            self.logo.setPixmap(fitted(self._logo_pixmap, QSize(self.px(88), self.px(88))))

    def _restyle_frame(self, *_) -> None:
        lit = self.pulse.lit
        self.setStyleSheet(
            f"#header {{ background: {GLOW if lit else NAVY};"
            f" border-bottom: {self.px(10 if lit else 4)}px solid {AMBER}; }}"
        )

    def set_offline_text(self, text: str) -> None:
        """The first line large and amber (what and since when), the second smaller."""
        self.offline_text = text
        first, _, rest = text.partition("\n")
        self.offline_mark.setText(
            f'<div style="font-size: {self.px(28)}px; font-weight: 700; color: {AMBER};">'
            f"{html.escape(first)}</div><div>{html.escape(rest)}</div>"
        )

    def show_time(self, moment: dt.datetime) -> None:
        clock, date = time_text(moment, self.language), date_text(moment, self.language)
        if self.clock.text() != clock:
            self.clock.setText(clock)
        if self.date.text() != date:
            self.date.setText(date)

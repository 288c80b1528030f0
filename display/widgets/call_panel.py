"""The big panel: the latest call, flashing when it is new."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout

from display.core.board import Call
from display.texts import TEXTS
from display.widgets.parts import styled_label
from display.widgets.style import AMBER, MUTED, NAVY, PANEL, RED, WHITE, Scaled, font_css

_FLASH_MS = 500


class CallPanel(QFrame, Scaled):
    """The latest call, very large; flashes amber for a few seconds when it is new."""

    def __init__(self, language: str, highlight_seconds: float):
        super().__init__()
        self.language = language
        self.highlight_seconds = highlight_seconds
        self.setObjectName("call")
        self.caption = styled_label(TEXTS.get("now_calling", language))
        self.number = styled_label("")
        self.go_to = styled_label(TEXTS.get("go_to", language))
        self.counter = styled_label("")
        self.badge = styled_label(TEXTS.get("recall_badge", language))
        self.badge.hide()
        layout = self.layout_ = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.caption, self.number, self.go_to, self.counter, self.badge):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.shown_call: Call | None = None
        self._lit = False
        self._flashes_left = 0
        self._flash = QTimer(self)
        self._flash.setInterval(_FLASH_MS)
        self._flash.timeout.connect(self._toggle)
        self.show_call(None)

    @property
    def highlighted(self) -> bool:
        return self._flash.isActive()

    def show_call(self, call: Call | None) -> None:
        """Show `call`; a call not shown before starts the highlight."""
        is_new = call is not None and (self.shown_call is None or call.id != self.shown_call.id)
        self.shown_call = call
        if call is None:
            self.number.setText(TEXTS.get("no_call_yet", self.language))
            self.counter.setText("")
        else:
            self.number.setText(call.number)
            self.counter.setText(call.counter_name.upper())
        self.badge.setVisible(call is not None and call.kind == "recall")
        self.go_to.setVisible(call is not None)
        self.caption.setVisible(call is not None)
        if is_new and self.highlight_seconds > 0:
            self._flashes_left = int(self.highlight_seconds * 1000 / _FLASH_MS)
            self._lit = True
            self._flash.start()
        self.restyle()

    def _toggle(self) -> None:
        self._flashes_left -= 1
        if self._flashes_left <= 0:
            self._flash.stop()
            self._lit = True  # end lit: the newest call stays marked until the next one
        else:
            self._lit = not self._lit
        self.restyle()

    def restyle(self) -> None:
        lit = self._lit and self.shown_call is not None
        background, ink, soft = (AMBER, NAVY, NAVY) if lit else (PANEL, WHITE, MUTED)
        if self.shown_call is not None and not self.highlighted and lit:
            background, ink, soft = (PANEL, AMBER, WHITE)  # steady after the flashing
        self.setStyleSheet(f"#call {{ background: {background}; border-radius: {self.px(18)}px; }}")
        empty = self.shown_call is None
        self.layout_.setContentsMargins(self.px(12), self.px(10), self.px(12), self.px(10))
        self.layout_.setSpacing(0)
        self.caption.setStyleSheet(font_css(self.px(34), bold=True, color=soft))
        number_px = self.px(56 if empty else 172)
        self.number.setStyleSheet(font_css(number_px, bold=True, color=ink))
        self.number.setMinimumHeight(round(number_px * 1.15))
        self.go_to.setStyleSheet(font_css(self.px(30), bold=True, color=soft))
        self.counter.setStyleSheet(font_css(self.px(96), bold=True, color=ink))
        self.counter.setMinimumHeight(self.px(112))
        self.badge.setStyleSheet(
            font_css(self.px(30), bold=True, color=WHITE)
            + f"background: {RED}; border-radius: {self.px(8)}px; padding: {self.px(4)}px;"
        )

"""The calls before the latest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout

from display.core.board import Call
from display.texts import TEXTS
from display.widgets.parts import styled_label
from display.widgets.style import AMBER, MUTED, PANEL_DIM, Scaled, font_css


class RecentCalls(QFrame, Scaled):
    """The calls before the latest, newest first: number and counter."""

    def __init__(self, language: str, count: int):
        super().__init__()
        self.setObjectName("recent")
        self.title = styled_label(TEXTS.get("recent_title", language), Qt.AlignmentFlag.AlignLeft)
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        self.rows = [(styled_label("", left), styled_label("", right)) for _ in range(count)]
        layout = self.layout_ = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 2)
        for index, (number, counter) in enumerate(self.rows, start=1):
            layout.addWidget(number, index, 0)
            layout.addWidget(counter, index, 1)
        layout.setRowStretch(len(self.rows) + 1, 1)
        self.setVisible(count > 0)

    def show_calls(self, calls: tuple[Call, ...]) -> None:
        for index, (number, counter) in enumerate(self.rows):
            call = calls[index] if index < len(calls) else None
            number.setText(call.number if call else "")
            counter.setText(call.counter_name if call else "")

    def restyle(self) -> None:
        self.setStyleSheet(
            f"#recent {{ background: {PANEL_DIM}; border-radius: {self.px(14)}px; }}"
        )
        self.layout_.setContentsMargins(self.px(24), self.px(12), self.px(24), self.px(12))
        self.layout_.setVerticalSpacing(self.px(2))
        self.title.setStyleSheet(font_css(self.px(24), bold=True, color=MUTED))
        for number, counter in self.rows:
            number.setStyleSheet(font_css(self.px(40), bold=True))
            counter.setStyleSheet(font_css(self.px(38), color=AMBER))

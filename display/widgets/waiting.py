"""How many are waiting, per service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout

from display.core.board import WaitingView
from display.texts import TEXTS
from display.widgets.parts import ElidedLabel, ScaledFrame, refill_grid, styled_label
from display.widgets.style import AMBER, MUTED, PANEL, PANEL_DIM, WHITE, Scaled, font_css


class WaitingChip(ScaledFrame):
    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.setObjectName("chip")
        self.code = styled_label("")
        self.count = styled_label("")
        self.name = ElidedLabel()
        layout = self.layout_ = QGridLayout(self)
        layout.addWidget(self.code, 0, 0)
        layout.addWidget(self.count, 0, 1)
        layout.addWidget(self.name, 1, 0, 1, 2)
        self.item: WaitingView | None = None

    def show_item(self, item: WaitingView) -> None:
        if item == self.item:
            return
        self.item = item
        self.code.setText(item.code)
        self.count.setText(str(item.waiting))
        self.name.setText(item.name)
        self.name.setToolTip(TEXTS.get("waiting_count", self.language, count=item.waiting))
        self.restyle()

    def restyle(self) -> None:
        busy = self.item is not None and self.item.waiting > 0
        self.setStyleSheet(
            f"#chip {{ background: {PANEL if busy else PANEL_DIM};"
            f" border-radius: {self.px(10)}px; }}"
        )
        self.layout_.setContentsMargins(self.px(10), self.px(4), self.px(10), self.px(4))
        self.layout_.setVerticalSpacing(0)
        self.code.setStyleSheet(font_css(self.px(34), bold=True, color=AMBER if busy else MUTED))
        self.count.setStyleSheet(font_css(self.px(34), bold=True, color=WHITE if busy else MUTED))
        self.name.setStyleSheet(font_css(self.px(16), color=MUTED))


class WaitingStrip(QFrame, Scaled):
    """How many are waiting, per service: the letter, the count and the service's name."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.title = styled_label(TEXTS.get("waiting_title", language), Qt.AlignmentFlag.AlignLeft)
        self.grid = QGridLayout()
        layout = self.layout_ = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        self.chips: list[WaitingChip] = []

    def show_waiting(self, items: tuple[WaitingView, ...]) -> None:
        if len(items) != len(self.chips):
            # One row; two rows beyond nine services.
            columns = (len(items) + 1) // 2 if len(items) > 9 else max(1, len(items))
            old, self.chips = self.chips, [WaitingChip(self.language) for _ in items]
            refill_grid(self.grid, old, self.chips, columns, self.scale)
        for chip, item in zip(self.chips, items, strict=True):
            chip.show_item(item)
        self.setVisible(bool(items))

    def restyle(self) -> None:
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(self.px(4))
        self.grid.setSpacing(self.px(8))
        self.title.setStyleSheet(font_css(self.px(20), bold=True, color=MUTED))
        for chip in self.chips:
            chip.set_scale(self.scale)

"""The counters of the zone, each with the number it is serving."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from display.core.board import Call, CounterView
from display.core.flash import Pulse
from display.texts import TEXTS
from display.widgets.parts import ScaledFrame, refill_grid, styled_label
from display.widgets.pulse import PulseTimer
from display.widgets.style import AMBER, GLOW, MUTED, PANEL, PANEL_DIM, WHITE, Scaled, font_css


class CounterTile(ScaledFrame):
    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.setObjectName("tile")
        self.name = styled_label("")
        self.serving = styled_label("")
        layout = self.layout_ = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.serving)
        self.counter: CounterView | None = None
        self.latest = False
        self.pulse = PulseTimer(Pulse(), self)  # lit gently for a few seconds at each call
        self.pulse.changed.connect(self.restyle)

    def show_counter(self, counter: CounterView, latest: bool) -> None:
        if counter == self.counter and latest == self.latest:
            return
        self.counter, self.latest = counter, latest
        self.name.setText(counter.name)
        if counter.status == "paused":
            self.serving.setText(TEXTS.get("counter_paused", self.language))
        elif counter.status == "closed":
            self.serving.setText(TEXTS.get("counter_closed", self.language))
        else:
            self.serving.setText(counter.serving or TEXTS.get("counter_idle", self.language))
        self.restyle()

    def restyle(self, *_) -> None:
        counter = self.counter
        active = counter is not None and counter.status == "open"
        lit = self.pulse.lit
        border = AMBER if self.latest or lit else PANEL if active else PANEL_DIM
        background = GLOW if lit else PANEL if active else PANEL_DIM
        self.setStyleSheet(
            f"#tile {{ background: {background};"
            f" border: {self.px(4)}px solid {border}; border-radius: {self.px(12)}px; }}"
        )
        self.layout_.setContentsMargins(self.px(6), self.px(4), self.px(6), self.px(4))
        number_colour = AMBER if self.latest else WHITE if active else MUTED
        has_number = counter is not None and active and counter.serving
        self.name.setStyleSheet(font_css(self.px(26), bold=True, color=MUTED))
        self.serving.setStyleSheet(
            font_css(self.px(52 if has_number else 34), bold=True, color=number_colour)
        )


class CounterGrid(QWidget, Scaled):
    """Every counter of the zone with the number it is serving."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.grid = QGridLayout(self)
        self.tiles: list[CounterTile] = []

    def show_counters(self, counters: tuple[CounterView, ...], latest: Call | None) -> None:
        if len(counters) != len(self.tiles):
            self._rebuild(len(counters))
        latest_name = latest.counter_name if latest else None
        for tile, counter in zip(self.tiles, counters, strict=True):
            tile.show_counter(counter, counter.name == latest_name)

    def flash(self, counter_name: str) -> None:
        """Light the tile of `counter_name` gently for a few seconds (a call to it)."""
        for tile in self.tiles:
            if tile.counter is not None and tile.counter.name == counter_name:
                tile.pulse.start()

    def _rebuild(self, count: int) -> None:
        columns = 1 if count <= 3 else 2 if count <= 8 else 3 if count <= 15 else 4
        old, self.tiles = self.tiles, [CounterTile(self.language) for _ in range(count)]
        refill_grid(self.grid, old, self.tiles, columns, self.scale)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1)

    def restyle(self) -> None:
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.px(10))
        for tile in self.tiles:
            tile.set_scale(self.scale)

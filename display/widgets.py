"""The board's widgets. They only show what they are given: no HTTP, no sound, no rules.

Sizes are in pixels of a 1920x1080 screen and scale with the window height, so the same board
reads well on a 1366x768 TV. Colours: white and amber on deep blue, for contrast at 10 metres.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPixmap, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from config.i18n import clock_text
from display.core.board import Board, Call, CounterView, Link, WaitingView
from display.core.clock import date_text, time_text
from display.texts import TEXTS

NAVY = "#0a1f3d"
PANEL = "#12325e"
PANEL_DIM = "#0e2749"
AMBER = "#ffc21a"
WHITE = "#ffffff"
MUTED = "#b9c8de"
RED = "#e5383b"
ORANGE = "#f77f00"
FONT = "DejaVu Sans"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp"}
_FLASH_MS = 500


def styled_label(text: str = "", align=Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel(text)
    label.setAlignment(align)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when its text is wider than the label, instead of
    being cut at both sides (long service names in narrow chips)."""

    def __init__(self, align=Qt.AlignmentFlag.AlignCenter):
        super().__init__()
        self._full_text = ""
        self.setAlignment(align)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._full_text = text
        self._elide()

    def full_text(self) -> str:
        return self._full_text

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a stylesheet set a new size
            self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full_text, Qt.TextElideMode.ElideRight, max(self.width(), 1)
        )
        if shown != super().text():
            super().setText(shown)


class Scaled:
    """Mixin: restyles a widget whenever the screen scale changes."""

    scale = 1.0

    def px(self, size: float) -> int:
        return max(1, round(size * self.scale))

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.restyle()

    def restyle(self) -> None:  # pragma: no cover - each widget overrides
        pass


def font_css(px: int, bold: bool = False, color: str = WHITE) -> str:
    weight = 700 if bold else 400
    return f"font-family: '{FONT}'; font-size: {px}px; font-weight: {weight}; color: {color};"


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
        # Shown only when the link is really lost (display.app: LinkWatch), with since when.
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
        layout = QHBoxLayout(self)
        layout.addWidget(self.logo)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.audio_mark)
        layout.addWidget(self.offline_mark)
        layout.addLayout(dates)
        self.restyle()

    def restyle(self) -> None:
        self.setFixedHeight(self.px(112))
        self.layout().setContentsMargins(self.px(28), self.px(8), self.px(28), self.px(8))
        self.layout().setSpacing(self.px(20))
        self.setStyleSheet(
            f"#header {{ background: {NAVY}; border-bottom: {self.px(4)}px solid {AMBER}; }}"
        )
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

    def set_offline_text(self, text: str) -> None:
        """The first line large and amber (what and since when), the second smaller."""
        self.offline_text = text
        first, _, rest = text.partition("\n")
        self.offline_mark.setText(
            f'<div style="font-size: {self.px(28)}px; font-weight: 700; color: {AMBER};">'
            f"{html.escape(first)}</div><div>{html.escape(rest)}</div>"
        )
        if self._logo_pixmap is not None:
            size = self.px(88)
            self.logo.setPixmap(
                self._logo_pixmap.scaled(
                    size, size, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )  # fmt: skip

    def show_time(self, moment: dt.datetime) -> None:
        clock, date = time_text(moment, self.language), date_text(moment, self.language)
        if self.clock.text() != clock:
            self.clock.setText(clock)
        if self.date.text() != date:
            self.date.setText(date)


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
        layout = QVBoxLayout(self)
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
        self.layout().setContentsMargins(self.px(12), self.px(10), self.px(12), self.px(10))
        self.layout().setSpacing(0)
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


class CounterTile(QFrame, Scaled):
    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.setObjectName("tile")
        self.name = styled_label("")
        self.serving = styled_label("")
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self.name)
        layout.addWidget(self.serving)
        self.counter: CounterView | None = None
        self.latest = False

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

    def restyle(self) -> None:
        counter = self.counter
        active = counter is not None and counter.status == "open"
        border = AMBER if self.latest else PANEL if active else PANEL_DIM
        self.setStyleSheet(
            f"#tile {{ background: {PANEL if active else PANEL_DIM};"
            f" border: {self.px(4)}px solid {border}; border-radius: {self.px(12)}px; }}"
        )
        self.layout().setContentsMargins(self.px(6), self.px(4), self.px(6), self.px(4))
        number_colour = AMBER if self.latest else WHITE if active else MUTED
        has_number = active and counter.serving
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

    def _rebuild(self, count: int) -> None:
        for tile in self.tiles:
            tile.deleteLater()
        columns = 1 if count <= 3 else 2 if count <= 8 else 3 if count <= 15 else 4
        self.tiles = [CounterTile(self.language) for _ in range(count)]
        for index, tile in enumerate(self.tiles):
            tile.set_scale(self.scale)
            self.grid.addWidget(tile, index // columns, index % columns)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 1)

    def restyle(self) -> None:
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.px(10))
        for tile in self.tiles:
            tile.set_scale(self.scale)


class RecentCalls(QFrame, Scaled):
    """The calls before the latest, newest first: number and counter."""

    def __init__(self, language: str, count: int):
        super().__init__()
        self.setObjectName("recent")
        self.title = styled_label(TEXTS.get("recent_title", language), Qt.AlignmentFlag.AlignLeft)
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        self.rows = [(styled_label("", left), styled_label("", right)) for _ in range(count)]
        layout = QGridLayout(self)
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
        self.layout().setContentsMargins(self.px(24), self.px(12), self.px(24), self.px(12))
        self.layout().setVerticalSpacing(self.px(2))
        self.title.setStyleSheet(font_css(self.px(24), bold=True, color=MUTED))
        for number, counter in self.rows:
            number.setStyleSheet(font_css(self.px(40), bold=True))
            counter.setStyleSheet(font_css(self.px(38), color=AMBER))


class WaitingChip(QFrame, Scaled):
    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.setObjectName("chip")
        self.code = styled_label("")
        self.count = styled_label("")
        self.name = ElidedLabel()
        layout = QGridLayout(self)
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
        self.layout().setContentsMargins(self.px(10), self.px(4), self.px(10), self.px(4))
        self.layout().setVerticalSpacing(0)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        self.chips: list[WaitingChip] = []

    def show_waiting(self, items: tuple[WaitingView, ...]) -> None:
        if len(items) != len(self.chips):
            for chip in self.chips:
                chip.deleteLater()
            columns = max(1, min(len(items), 9 if len(items) > 9 else len(items)))
            if len(items) > 9:
                columns = (len(items) + 1) // 2
            self.chips = [WaitingChip(self.language) for _ in items]
            for index, chip in enumerate(self.chips):
                chip.set_scale(self.scale)
                self.grid.addWidget(chip, index // columns, index % columns)
        for chip, item in zip(self.chips, items, strict=True):
            chip.show_item(item)
        self.setVisible(bool(items))

    def restyle(self) -> None:
        self.layout().setContentsMargins(0, 0, 0, 0)
        self.layout().setSpacing(self.px(4))
        self.grid.setSpacing(self.px(8))
        self.title.setStyleSheet(font_css(self.px(20), bold=True, color=MUTED))
        for chip in self.chips:
            chip.set_scale(self.scale)


class Marquee(QWidget, Scaled):
    """A line of text scrolling right to left. The text is rendered once into a pixmap (twice
    side by side, so the loop is seamless) held by a child label; each frame only moves that
    label, 30 times a second. No Python paint code runs per frame: cheap, and it avoids a
    PySide6 crash seen with a QPainter in a Python paintEvent under pytest-qt."""

    FRAME_MS = 33

    def __init__(self, speed: float):
        super().__init__()
        self.speed = speed
        self.text = ""
        self._loop_width = 0.0  # width of one copy of the text and its gap, in pixels
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor(AMBER))
        self.setPalette(palette)
        self._strip = QLabel(self)
        self._strip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(self.FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self._step)
        self.restyle()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        self._render()
        self._clock.start()
        if text:
            self._timer.start()
        else:
            self._timer.stop()

    def _render(self) -> None:
        if not self.text or self.height() <= 0:
            self._strip.clear()
            self._strip.hide()
            self._loop_width = 0.0
            return
        font = QFont(FONT)
        font.setPixelSize(self.px(34))
        one_loop = self.text + "        ✦        "
        self._loop_width = float(QFontMetrics(font).horizontalAdvance(one_loop))
        copies = max(2, int(self.width() / max(self._loop_width, 1.0)) + 2)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int((self._loop_width * copies + 2) * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(AMBER))
        painter = QPainter(pixmap)
        painter.setFont(font)
        painter.setPen(QColor(NAVY))
        for copy in range(copies):
            area = QRectF(copy * self._loop_width, 0, self._loop_width + 2, self.height())
            painter.drawText(area, Qt.AlignmentFlag.AlignVCenter, one_loop)
        painter.end()
        self._strip.setPixmap(pixmap)
        self._strip.resize(pixmap.deviceIndependentSize().toSize())
        self._strip.show()
        self._step()

    def _step(self) -> None:
        if self._loop_width <= 0:
            return
        offset = (self._clock.elapsed() / 1000 * self.speed * self.scale) % self._loop_width
        self._strip.move(-int(offset), 0)

    def restyle(self) -> None:
        self.setFixedHeight(self.px(64))
        self._render()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._render()


class Slideshow(QLabel, Scaled):
    """Images from a folder, each shown for a while; hidden when the folder has none."""

    def __init__(self, folder: Path | None, seconds: float):
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.images = sorted(
            path for path in (folder.iterdir() if folder and folder.is_dir() else [])
            if path.suffix.lower() in IMAGE_SUFFIXES
        )  # fmt: skip
        self.index = -1
        self._timer = QTimer(self)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.next_image)
        self.setVisible(bool(self.images))
        if self.images:
            self._timer.start()
            self.next_image()

    def next_image(self) -> None:
        self.index = (self.index + 1) % len(self.images)
        pixmap = QPixmap(str(self.images[self.index]))
        if not pixmap.isNull() and self.width() > 1:
            pixmap = pixmap.scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )  # fmt: skip
        self.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.images:
            self.index -= 1
            self.next_image()

    def restyle(self) -> None:
        self.setStyleSheet(f"background: {PANEL_DIM}; border-radius: {self.px(14)}px;")


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
        px = lambda size: max(1, round(size * scale))  # noqa: E731
        parts = (self.header, self.call_panel, self.recent, self.slideshow, self.counters)
        for part in (*parts, self.waiting, self.marquee):
            part.set_scale(scale)
        self.middle.setContentsMargins(px(24), px(18), px(24), px(12))
        self.middle.setSpacing(px(14))
        self.body.setSpacing(px(22))
        self.counters_title.setStyleSheet(font_css(px(24), bold=True, color=MUTED))
        self.status_line.setStyleSheet(font_css(px(26), bold=True, color=AMBER))

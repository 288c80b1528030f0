"""The scrolling line of text at the bottom."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from display.widgets.style import AMBER, FONT, NAVY, Scaled


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

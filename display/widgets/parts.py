"""Small building blocks shared by the board's parts: plain and eliding labels, a grid of
tiles, a picture fitted into a box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy

from display.widgets.style import Scaled


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


class ScaledFrame(QFrame, Scaled):
    """A frame that restyles with the screen scale: a tile or a chip `refill_grid` lays out."""


def refill_grid(
    grid: QGridLayout,
    old: Sequence[ScaledFrame],
    new: Sequence[ScaledFrame],
    columns: int,
    scale: float,
) -> None:
    """Put `new` into `grid` row by row, `columns` a row, each at `scale`; `old` goes."""
    for widget in old:
        widget.deleteLater()
    for index, widget in enumerate(new):
        widget.set_scale(scale)
        grid.addWidget(widget, index // columns, index % columns)


def fitted(pixmap: QPixmap, size: QSize) -> QPixmap:
    """`pixmap` scaled smoothly to fit in `size`, keeping its shape."""
    return pixmap.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )

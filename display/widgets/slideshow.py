"""Images from a folder, one after the other."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy

from display.widgets.parts import fitted
from display.widgets.style import PANEL_DIM, Scaled

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp"}


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
            pixmap = fitted(pixmap, self.size())
        self.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.images:
            self.index -= 1
            self.next_image()

    def restyle(self) -> None:
        self.setStyleSheet(f"background: {PANEL_DIM}; border-radius: {self.px(14)}px;")

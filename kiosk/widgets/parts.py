"""Small building blocks shared by the screens: labels, buttons, card buttons, the QR image."""

from __future__ import annotations

import io

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget
from qrcode.image.pil import PilImage

from kiosk.widgets.style import CARD_TITLE_STEPS, px


def make_label(name: str, text: str = "", align=Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(align)
    return label


def make_button(kind: str, text: str = "", on_press=None) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("kind", kind)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # touch only: no focus frames
    if on_press is not None:
        button.clicked.connect(lambda _checked=False: on_press())
    return button


class CardButton(QPushButton):
    """A big button with a bold first line and a smaller second line, both wrapping."""

    def __init__(self, kind: str, on_press):
        super().__init__()
        self.setProperty("kind", kind)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = make_label("", align=Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty("kind", "cardTitle")
        self.detail = make_label("", align=Qt.AlignmentFlag.AlignCenter)
        self.detail.setProperty("kind", "cardDetail")
        layout = QVBoxLayout(self)
        self.card_layout = layout
        for label in (self.title, self.detail):
            # Style sheets cannot follow a parent's :disabled state, so the labels carry
            # the card's kind and an "off" flag of their own.
            label.setProperty("card", kind)
            label.setProperty("off", False)
            # The button takes the touch, wherever on the card the finger lands.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.clicked.connect(lambda _checked=False: on_press())

    def set_available(self, available: bool) -> None:
        if self.isEnabled() == available and self.title.property("off") is (not available):
            return
        self.setEnabled(available)
        for label in (self.title, self.detail):
            label.setProperty("off", not available)
            label.style().unpolish(label)
            label.style().polish(label)

    def fit_title(self, scale: float) -> None:
        """Pick the largest title size at which the longest word fits the card's width."""
        words = self.title.text().split() or [""]
        margins = self.card_layout.contentsMargins()
        room = self.width() - margins.left() - margins.right() - 4 - self.icon_room
        font = QFont(self.title.font())
        step = len(CARD_TITLE_STEPS) - 1
        for index, size in enumerate(CARD_TITLE_STEPS):
            font.setPixelSize(px(size, scale))
            metrics = QFontMetrics(font)
            if max(metrics.horizontalAdvance(word) for word in words) <= room:
                step = index
                break
        if self.title.property("fit") != str(step):
            self.title.setProperty("fit", str(step))
            self.title.style().unpolish(self.title)
            self.title.style().polish(self.title)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_title(self.scale)

    scale = 1.0  # set by the page that lays the cards out
    icon_room = 0  # px an icon beside the texts takes (simple mode)

    def set_padding(self, vertical: int, horizontal: int) -> None:
        self.card_layout.setContentsMargins(horizontal, vertical, horizontal, vertical)
        self.card_layout.setSpacing(max(2, vertical // 2))

    def set_texts(self, title: str, detail: str) -> None:
        if (title, detail) == (self.title.text(), self.detail.text()):
            return
        self.title.setText(title)
        self.fit_title(self.scale)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


def fill_grid(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    while grid.count():
        item = grid.takeAt(0)
        old = item.widget() if item is not None else None
        if old is not None:
            old.hide()  # gone at once, not at the next turn of the event loop
            old.deleteLater()
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
        widget.show()  # a layout shows new children only later, after the next event loop turn
    # Columns left over from a wider layout (before a rotation) must not keep their share.
    for column in range(max(columns, grid.columnCount())):
        grid.setColumnStretch(column, 1 if column < columns else 0)
    for row in range(grid.rowCount()):
        grid.setRowStretch(row, 0)


def qr_pixmap(data: str, size_px: int) -> QPixmap:
    """A QR code as a QPixmap (qrcode → PNG → Qt), scaled without blurring the modules."""
    image = qrcode.make(data, border=2, image_factory=PilImage)  # what it picks with Pillow
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap.scaled(
        size_px,
        size_px,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )

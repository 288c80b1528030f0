"""Accessibility on the screen (issue 18): the bar at the bottom of every citizen screen ("Minta
bantuan petugas", and on the home screen the voice, large-text and simple-mode switches), the
help message, simple mode's pager and icons, and the accessible names of every button."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.controller import KioskController
from kiosk.core import KioskState, Screen
from kiosk.core.access import PageOf, large_text_factor
from kiosk.core.guidance import ASSIST_NAMES, assist_label
from kiosk.texts import text
from kiosk.widgets.parts import CardButton, make_button, make_label
from kiosk.widgets.style import px, stylesheet

ICONS = Path(__file__).with_name("icons")
# Screens of the citizen: the help button is on all of them.
CITIZEN_SCREENS = tuple(s for s in Screen if s not in (Screen.PIN, Screen.TECHNICIAN))
# Screens too full for the bar: they carry their own help button beside their last button.
FULL_SCREENS = (Screen.PRIORITY, Screen.ON_SCREEN, Screen.PRINT_FAILED)
# What a screen reader says a button does, by its kind (its name is its text).
DESCRIPTIONS = {
    "agency": "describe_agency",
    "service": "describe_service",
    "assist": "describe_toggle",
    "help": "describe_help",
    "logo": "describe_logo",
}
_HELP_TEXTS = {"asking": "help_asking", "sent": "help_sent", "failed": "help_failed"}


# Screens whose texts are already very large (the number is 250 px, the priority choices 48 px):
# large text leaves them as they are.
ALREADY_LARGE = (
    Screen.PRIORITY,
    Screen.DONE,
    Screen.ON_SCREEN,
    Screen.PRINT_FAILED,
    Screen.PIN,
    Screen.TECHNICIAN,
)


def effective_scale(scale: float, state: KioskState) -> float:
    """Large text: every size of the screen's page grows together, so nothing overlaps (the
    header and this bar keep the screen's scale: they must still fit beside it)."""
    large = state.assists.large_text and state.screen not in ALREADY_LARGE
    return round(scale * (large_text_factor(scale) if large else 1.0), 3)


def size_by_current_page(stack: QStackedWidget) -> None:
    """The stack asks for the room of the page shown only: the hidden pages, styled for large
    text too, would otherwise make the window taller than the screen."""
    for index in range(stack.count()):
        page = stack.widget(index)
        if page is None:
            continue
        policy = QSizePolicy.Policy.Preferred
        if page is not stack.currentWidget():
            policy = QSizePolicy.Policy.Ignored
        if page.sizePolicy().verticalPolicy() != policy:
            page.setSizePolicy(policy, policy)


def keep_scale(widget: QWidget, scale: float) -> None:
    """Give `widget` the style sheet of `scale`, whatever its window's (large text) is."""
    if widget.property("styledScale") != scale:
        widget.setProperty("styledScale", scale)
        widget.setStyleSheet(stylesheet(scale))


def make_help_button(controller: KioskController) -> QPushButton:
    """ "Minta bantuan petugas" (its text is set by `name_help_buttons`)."""
    return make_button("help", on_press=controller.press_help)


class HelpBanner(QLabel):
    """What became of the call for help, laid over the header (nothing under the citizen's
    finger moves, and no screen grows taller than the display)."""

    def __init__(self, header: QWidget):
        super().__init__(header)
        self.setObjectName("helpBanner")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header = header
        header.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.header and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.header.rect())
        return False

    def show_state(self, state: KioskState) -> None:
        # The idle countdown, laid over the header too, matters more while it runs.
        helping = state.help is not None and state.screen in CITIZEN_SCREENS
        helping = helping and state.idle_warning is None
        if helping and state.help is not None:
            self.setText(text(_HELP_TEXTS[state.help.value], state.language))
            if self.property("tone") != state.help.value:
                self.setProperty("tone", state.help.value)
                self.style().unpolish(self)
                self.style().polish(self)
            self.setGeometry(self.header.rect())
            self.raise_()
        self.setVisible(helping)


class AccessBar(QWidget):
    """The bottom bar; `show_state` shows what this screen offers."""

    def __init__(self, controller: KioskController, voice_offered: bool = True):
        super().__init__()
        self.setObjectName("accessBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.voice_offered = voice_offered
        self.help = make_help_button(controller)
        self.toggles: dict[str, QPushButton] = {}
        for name in ASSIST_NAMES:
            button = make_button("assist", on_press=lambda n=name: controller.toggle_assist(n))
            button.setCheckable(True)  # a screen reader says "on" or "off"
            self.toggles[name] = button
        self.grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        self.layout_ = layout
        self._portrait: bool | None = None

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Never wider than the screen: a rotation rearranges the bar (`_arrange`) only after
        the window has taken its new width, which a wide minimum would refuse."""
        return QSize(0, super().minimumSizeHint().height())

    def _arrange(self, portrait: bool) -> None:
        """One row on a wide screen; two on a tall one (help and voice, then the others)."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        buttons = [self.help, *self.toggles.values()]
        for button in buttons:
            self.grid.removeWidget(button)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        if portrait:
            for index, button in enumerate(buttons):
                self.grid.addWidget(button, index // 2, index % 2)
        else:
            self.grid.addWidget(self.help, 0, 0)
            self.grid.setColumnStretch(1, 1)
            for index, button in enumerate(buttons[1:]):
                self.grid.addWidget(button, 0, 2 + index)

    def show_state(self, state: KioskState, scale: float, portrait: bool) -> None:
        """`scale`: the screen's, not large text's: the bar must fit beside the larger page."""
        lang = state.language
        if scale:  # 0: the window's size is not known yet
            keep_scale(self, scale)
        scale = scale or 1.0
        self._arrange(portrait)
        self.setVisible(state.screen in CITIZEN_SCREENS and state.screen not in FULL_SCREENS)
        margin = px(24, scale)
        self.layout_.setContentsMargins(margin, px(10, scale), margin, px(14, scale))
        self.layout_.setSpacing(px(10, scale))
        self.grid.setSpacing(px(16, scale))
        for name, button in self.toggles.items():
            on = bool(getattr(state.assists, name))
            button.setChecked(on)
            button.setText(assist_label(name, on, lang))
            offered = name != "voice" or self.voice_offered
            # The switches are on the home screen; voice stays in reach while it is on.
            button.setVisible(offered and (state.screen == Screen.HOME or (name == "voice" and on)))


class Pager(QWidget):
    """Simple mode's "‹ Sebelumnya  Halaman 1 dari 3  Berikutnya ›" (on a tall screen the
    page line above the two buttons, so it fits large text's width)."""

    def __init__(self, controller: KioskController):
        super().__init__()
        self.previous = make_button("pager", on_press=lambda: controller.press_page(-1))
        self.next = make_button("pager", on_press=lambda: controller.press_page(1))
        self.where = make_label("pageOf")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._portrait: bool | None = None

    def _arrange(self, portrait: bool) -> None:
        if portrait == self._portrait:
            return
        self._portrait = portrait
        for widget in (self.previous, self.where, self.next):
            self.grid.removeWidget(widget)
        if portrait:
            self.grid.addWidget(self.where, 0, 0, 1, 2)
            self.grid.addWidget(self.previous, 1, 0)
            self.grid.addWidget(self.next, 1, 1)
        else:
            self.grid.addWidget(self.previous, 0, 0)
            self.grid.addWidget(self.where, 0, 1)
            self.grid.addWidget(self.next, 0, 2)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < 2 or not portrait else 0)

    def show_page(self, page: PageOf | None, language: str, portrait: bool = False) -> None:
        self.setVisible(page is not None and page.count > 1)
        if page is None:
            return
        self._arrange(portrait)
        self.previous.setText(text("page_previous", language))
        self.next.setText(text("page_next", language))
        self.where.setText(text("page_of", language, page=page.index + 1, pages=page.count))
        # Hidden at either end; "Berikutnya" keeps its place where the finger expects it.
        self.previous.setVisible(page.index > 0)
        self.next.setVisible(page.index < page.count - 1)


@cache
def icon_pixmap(name: str, size: int, colour: str) -> QPixmap:
    """One of our SVG icons drawn at `size` px in `colour` (they are drawn white)."""
    svg = (ICONS / f"{name}.svg").read_text().replace("#FFFFFF", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def give_icon(card: CardButton, pixmap: QPixmap) -> None:
    """Lay an icon beside the card's texts (simple mode): icon | title over detail."""
    icon = QLabel()
    icon.setPixmap(pixmap)
    icon.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    icon.setStyleSheet("background: transparent;")
    layout = card.card_layout
    column = QVBoxLayout()
    for label in (card.title, card.detail):
        layout.removeWidget(label)
        column.addWidget(label)
    layout.setDirection(QBoxLayout.Direction.LeftToRight)
    layout.addWidget(icon)
    layout.addLayout(column, 1)
    card.icon_room = pixmap.width() + layout.spacing()
    for label in (card.title, card.detail):
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def wrapped(label: str, large: bool, portrait: bool, width: int = 30) -> str:
    """A push button does not wrap its text: large text on a tall screen breaks long lines."""
    if not (large and portrait):
        return label
    return "\n".join(textwrap.fill(line, width) for line in label.split("\n"))


def name_buttons(root: QWidget, language: str) -> None:
    """Every push button gets a non-empty accessible name (what it says: a screen reader and the
    voice guidance read it) and a description of what it does."""
    for button in root.findChildren(QPushButton):
        if isinstance(button, CardButton):
            parts = [button.title.text(), button.detail.text()]
            long_name = str(button.property("longName") or "")
            if long_name and long_name not in parts:
                parts.append(long_name)
            name = ", ".join(part.replace("\n", " ") for part in parts if part)
        else:
            name = button.text().replace("\n", ", ")
        kind = str(button.property("kind") or "")
        description = text(DESCRIPTIONS[kind], language) if kind in DESCRIPTIONS else ""
        if kind == "help" and button.text() != text("help_button", language):
            button.setText(text("help_button", language))  # the pages' own help buttons too
            name = button.text()
        if not name:  # a picture only (the logo)
            name = description or text("describe_logo", language)
        if button.accessibleName() != name:
            button.setAccessibleName(name)
        if description and button.accessibleDescription() != description:
            button.setAccessibleDescription(description)

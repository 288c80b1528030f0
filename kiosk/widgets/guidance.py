"""Voice guidance on the Qt side (issue 18): speaks the sentences of kiosk.core.guidance when the
state changes, and, while voice guidance is on, turns taps into explore-by-touch: one tap on a
button speaks its accessible name, two quick taps choose it, a finger sliding over the screen
speaks each button it reaches. The configured key turns voice guidance on and off."""

from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from kiosk.controller import KioskController
from kiosk.core import KioskState
from kiosk.core.guidance import TouchExplorer, changes_sentence, touch_sentence
from kiosk.voice import Speaker

log = logging.getLogger(__name__)

PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


def key_code(name: str) -> int:
    """ "F1" -> Qt.Key_F1; an unknown name -> 0 (no key)."""
    sequence = QKeySequence(name)
    if not sequence.count():
        return 0
    return sequence[0].key().value  # type: ignore[index]  # PySide6's stubs lack __getitem__


class VoiceGuide(QObject):
    def __init__(
        self,
        controller: KioskController,
        window: QWidget,
        speaker: Speaker,
        key: str = "F1",
        double_tap_seconds: float = 1.2,
    ):
        super().__init__()
        self.controller = controller
        self.window = window
        self.speaker = speaker
        self.key = key_code(key)
        self.explorer = TouchExplorer(double_tap_seconds)
        self._state = controller.state
        controller.stateChanged.connect(self.on_state)

    @property
    def on(self) -> bool:
        return self.controller.state.assists.voice

    def say(self, sentence: str) -> None:
        if sentence:
            log.debug("say: %s", sentence)
            self.speaker.say(sentence, self.controller.state.language)

    def on_state(self, state: KioskState) -> None:
        before, self._state = self._state, state
        if before.screen != state.screen:
            self.explorer.forget()  # the buttons under the finger are gone
        sentence = changes_sentence(before, state, datetime.now().astimezone())
        if sentence:
            self.say(sentence)

    def _button_at(self, event) -> QPushButton | None:
        widget = QApplication.widgetAt(event.globalPosition().toPoint())
        while widget is not None and not isinstance(widget, QPushButton):
            widget = widget.parentWidget()
        if widget is None or not widget.isVisible() or widget.window() is not self.window:
            return None
        return widget

    def speak_button(self, button: QPushButton) -> None:
        lang = self.controller.state.language
        self.say(touch_sentence(button.accessibleName(), button.isEnabled(), lang))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self.key and event.key() == self.key:
            if not event.isAutoRepeat():
                self.controller.toggle_assist("voice")
            return True
        if not self.on or not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if kind in PRESSES and event.button() == Qt.MouseButton.LeftButton:
            button = self._button_at(event)
            if button is None:
                return False
            if self.explorer.press(button, time.monotonic()):
                return False  # the second tap: the button takes it and is chosen
            self.controller.user_activity()  # held back, but still a touch
            self.speak_button(button)
            return True
        if kind == QEvent.Type.MouseMove and event.buttons() & Qt.MouseButton.LeftButton:
            button = self._button_at(event)
            if button is not None and self.explorer.slide(button):
                self.speak_button(button)
        return False

"""A timer that runs a `display.core.flash.Pulse` and tells its widget when to restyle."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from display.core.flash import Pulse


class PulseTimer(QObject):
    """`start()` lights the highlight and then steps it at the pulse's pace until it is over.
    Starting again while running makes it last longer, at the same pace."""

    changed = Signal(bool)  # lit or not, after each change

    def __init__(self, pulse: Pulse, parent: QObject | None = None):
        super().__init__(parent)
        self.pulse = pulse
        self.step = pulse.steps  # not running
        self.changes: list[tuple[float, bool]] = []  # (monotonic time, lit) of each change
        self._timer = QTimer(self)
        self._timer.setInterval(pulse.step_ms)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a steady pace, never early
        self._timer.timeout.connect(self._advance)

    @property
    def lit(self) -> bool:
        return self.pulse.lit(self.step)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if self.pulse.steps == 0:
            return
        if self.running:
            # Keep the rhythm and count the seconds again: a second call never flashes faster.
            self.step = 0 if self.lit else -1  # dim now: lit at the next change, as usual
            return
        self.step = 0
        self._timer.start()
        self._emit()

    def stop(self) -> None:
        self._timer.stop()
        was_lit = self.lit
        self.step = self.pulse.steps
        if was_lit:
            self._emit()

    def _advance(self) -> None:
        self.step += 1
        if self.step >= self.pulse.steps - 1:  # the last change: dim, as before the call
            self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        self.changes.append((time.monotonic(), self.lit))
        del self.changes[:-100]  # the tests read the recent ones; never grows without bound
        self.changed.emit(self.lit)

"""The kiosk survives PySide6 6.12's None reference leak, however long it runs."""

from __future__ import annotations

import os
import subprocess
import sys

LONG_RUN = """
from kiosk.refcount_guard import make_singletons_immortal
make_singletons_immortal()
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for n in range(50_000):  # about a day of clock ticks and screen updates
    label.setText("x")
    label.setEnabled(n % 2 == 0)
"""


def test_fifty_thousand_widget_updates_do_not_abort_the_process():
    """With the guard, many void Qt calls in one process never crash it (none_dealloc)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", LONG_RUN], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr[-2000:]

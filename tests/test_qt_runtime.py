"""The Qt runtime every app runs on: no reference leak that would abort a long-running board."""

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 on CPython 3.11 leaked one None reference per void call (see decisions)."""
    label = QLabel()
    qtbot.addWidget(label)
    assert QApplication.instance() is not None
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("A-012")
    assert sys.getrefcount(None) - before > -100

"""Display test fixtures; Qt's None leak guard is applied before any widget exists."""

from display.qt_guard import keep_none_alive

keep_none_alive()

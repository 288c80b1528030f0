"""The touchscreen ticket kiosk: a Qt-free core (`kiosk.core`), widgets, workers and `app.main`."""

"""The kiosk's widgets: they show a `KioskState` and forward presses to the controller."""

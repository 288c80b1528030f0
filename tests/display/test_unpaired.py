"""A hall display whose token is revoked on the admin page says so, and how to pair again."""

import requests

from config.display import BoardSettings, DisplayAppSettings, VoiceSettings
from config.loader import ServerConnection
from display.app import build_window
from display.controller import DisplayController


def test_a_revoked_display_says_it_is_not_registered(qtbot, live_server):
    settings = DisplayAppSettings(
        server=ServerConnection(url=live_server.url, token=live_server.display_token),
        board=BoardSettings(fullscreen=False, poll_wait_seconds=1, heartbeat_seconds=1),
        voice=VoiceSettings(enabled=False),
    )
    window = build_window(settings)
    qtbot.addWidget(window)
    controller = DisplayController(settings, window, None)
    with qtbot.waitSignal(controller.board_changed, timeout=10_000):
        controller.start()
    try:
        assert window.status_line.isHidden()
        admin = {"Authorization": f"Bearer {live_server.admin_token()}"}
        devices = requests.get(f"{live_server.api}/admin/devices", headers=admin, timeout=10)
        display_id = next(d["id"] for d in devices.json() if d["name"] == "display-1")
        revoked = requests.post(
            f"{live_server.api}/admin/devices/{display_id}/revoke", headers=admin, timeout=10
        )
        assert revoked.status_code == 200
        qtbot.waitUntil(lambda: not window.status_line.isHidden(), timeout=15_000)
        text = window.status_line.text()
        assert "Perangkat belum terdaftar" in text and "antrian setup display" in text
    finally:
        controller.stop()

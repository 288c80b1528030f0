"""A real kiosk (widgets, controller, worker threads) against the live server and a printer peer."""

from __future__ import annotations

import pytest
import requests

from config.kiosk import KioskSettings
from kiosk.app import Kiosk, build_kiosk
from kiosk.core import Screen, Timeouts

DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
WAIT_MS = 15_000


def kiosk_settings(live_server, printer: dict, **kiosk_options) -> KioskSettings:
    options = {"technician_pin": "2468", "services_poll_seconds": 1, "heartbeat_seconds": 2}
    options.update(kiosk_options)
    return KioskSettings.model_validate(
        {
            "kiosk": options,
            "server": {"url": live_server.url, "token": live_server.kiosk_token},
            "printer": printer,
        }
    )


def network_printer(peer) -> dict:
    return {"type": "network", "host": peer.host, "port": peer.port, "connect_timeout": 2}


@pytest.fixture
def make_kiosk(qtbot):
    """Build, show and finally shut down a kiosk: `make_kiosk(settings, timeouts=None)`."""
    kiosks: list[Kiosk] = []

    def make(settings: KioskSettings, timeouts: Timeouts | None = None) -> Kiosk:
        kiosk = build_kiosk(settings, timeouts=timeouts)
        kiosks.append(kiosk)
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        qtbot.waitUntil(lambda: kiosk.flow.state.can_choose, timeout=WAIT_MS)
        return kiosk

    yield make
    for kiosk in kiosks:
        kiosk.shutdown()


def tap(qtbot, button) -> None:
    from PySide6.QtCore import Qt

    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_agency(qtbot, kiosk: Kiosk, name: str = DUKCAPIL) -> None:
    tap(qtbot, kiosk.window.pages[Screen.HOME].agency_buttons[name])
    assert kiosk.flow.state.screen == Screen.SERVICES


def service_button(kiosk: Kiosk, code: str):
    return kiosk.window.pages[Screen.SERVICES].service_buttons[code]


def waiting(live_server, code: str) -> int:
    services = requests.get(f"{live_server.api}/services", timeout=5).json()
    return next(service["waiting"] for service in services if service["code"] == code)

"""A real kiosk (widgets, controller, worker threads) against the live server and a printer peer."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from config.kiosk import KioskSettings
from kiosk.app import Kiosk, build_kiosk
from kiosk.core import Screen, Timeouts

DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
WAIT_MS = 15_000


def kiosk_settings(
    live_server, printer: dict, server: dict | None = None, **kiosk_options
) -> KioskSettings:
    """Settings for a kiosk on the live server; `server` overrides the [server] table."""
    options = {"technician_pin": "2468", "services_poll_seconds": 1, "heartbeat_seconds": 2}
    options.update(kiosk_options)
    connection = {"url": live_server.url, "token": live_server.kiosk_token, **(server or {})}
    return KioskSettings.model_validate(
        {"kiosk": options, "server": connection, "printer": printer}
    )


def visible_texts(widget) -> str:
    """Every text the citizen can see on the window now, joined (labels and buttons)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = [
        child.text()
        for kind in (QLabel, QAbstractButton)
        for child in widget.findChildren(kind)
        if child.isVisible()
    ]
    return "\n".join(found)


def network_printer(peer) -> dict:
    return {"type": "network", "host": peer.host, "port": peer.port, "connect_timeout": 2}


@pytest.fixture
def make_kiosk(qtbot):
    """Build, show and finally shut down a kiosk: `make_kiosk(settings, timeouts=None)`, and
    any other part `build_kiosk` takes (`speaker=`)."""
    kiosks: list[Kiosk] = []

    def make(settings: KioskSettings, timeouts: Timeouts | None = None, **parts) -> Kiosk:
        kiosk = build_kiosk(settings, timeouts=timeouts, **parts)
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


class SlowRelay:
    """A TCP relay in front of the live server whose answers to `POST /api/v1/tickets` come
    `delay` seconds late; the request itself reaches the server at once, so the ticket exists
    while the kiosk still waits (a slow server, or a slow link back). Everything else passes
    straight through. `late_answers` counts the ticket answers it held back. While `gate` is
    cleared, ticket answers are held until it is set again (a server that stays silent)."""

    TICKET_REQUEST = b"POST /api/v1/tickets HTTP"

    def __init__(self, upstream_port: int, delay: float):
        self.upstream_port = upstream_port
        self.delay = delay
        self.late_answers = 0
        self.gate = threading.Event()
        self.gate.set()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._accept, name="slow-relay", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        asked_at: list[float] = []  # when the pending ticket request came in

        def forward_requests() -> None:
            try:
                while data := client.recv(65536):
                    if data.startswith(self.TICKET_REQUEST):
                        asked_at.append(time.monotonic())
                    upstream.sendall(data)
            except OSError:
                pass
            finally:
                upstream.close()

        threading.Thread(target=forward_requests, daemon=True).start()
        try:
            while data := upstream.recv(65536):
                if asked_at:
                    # Hold the answer back: the injected fault (an Event wait, stoppable).
                    self._stop.wait(max(0.0, asked_at.pop() + self.delay - time.monotonic()))
                    while not self.gate.wait(0.1) and not self._stop.is_set():
                        pass
                    self.late_answers += 1
                client.sendall(data)
        except OSError:
            pass
        finally:
            client.close()

    def stop(self) -> None:
        self._stop.set()
        self.gate.set()
        self._listener.close()
        self._thread.join(timeout=5)


@pytest.fixture
def slow_relay(live_server):
    """`slow_relay(delay)`: a relay to the live server that answers ticket requests late."""
    relays: list[SlowRelay] = []

    def make(delay: float) -> SlowRelay:
        relay = SlowRelay(live_server.port, delay)
        relays.append(relay)
        return relay

    yield make
    for relay in relays:
        relay.stop()

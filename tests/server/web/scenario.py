"""A realistic morning at the demo MPP, played through the real HTTP API of a LiveServer:
tickets issued over two and a half hours, counters calling and serving them, device heartbeats.
Used by the report tests and by docs/screenshots/pages_screenshots.py."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import requests

MORNING = dt.datetime(2026, 11, 30, 8, 0, tzinfo=ZoneInfo("Asia/Jakarta"))  # a Monday
WORKING_COUNTERS = (1, 2, 3, 4, 5, 7, 10, 13)
BUSY_SERVICES = "AAAABBCDEGGGJJJJKLL"


def _post(server, path: str, token: str, **kwargs) -> requests.Response:
    return requests.post(
        server.api + path, headers={"Authorization": f"Bearer {token}"}, timeout=10, **kwargs
    )


def play_morning(server, steps: int = 50, seed: int = 7) -> None:
    """Issue and serve tickets step by step, the server's clock moving 3 minutes a step.

    The server should start at MORNING (08:00); it ends about 10:30 with people waiting,
    tickets being served, a no-show, a kiosk out of paper and a kiosk gone offline."""
    chance = random.Random(seed)
    admin = server.admin_token()
    kiosk = server.kiosk_token
    started: dict[int, int] = {}
    for step in range(steps):
        for _ in range(chance.choice((1, 1, 2, 2, 3))):
            service = chance.choice(BUSY_SERVICES)
            priority = "lansia" if chance.random() < 0.12 else None
            _post(server, "/tickets", kiosk, json={"service": service, "priority": priority})
        for counter in WORKING_COUNTERS:
            if counter in started and step - started[counter] >= chance.choice((1, 2, 3)):
                _post(server, f"/counters/{counter}/finish", admin)
                del started[counter]
            wants_next = counter not in started and step > 1 and chance.random() < 0.6
            if wants_next and _post(server, f"/counters/{counter}/call-next", admin).ok:
                _post(server, f"/counters/{counter}/start", admin)
                started[counter] = step
        server.clock.advance(dt.timedelta(minutes=3))
    _no_show_at(server, admin, counter=13)
    _post(server, "/devices/heartbeat", "demo-kiosk-2-token", json={"status": {"printer": "ok"}})
    server.clock.advance(dt.timedelta(minutes=5))
    _post(server, "/devices/heartbeat", kiosk, json={"status": {"printer": "paper_out"}})
    _post(server, "/devices/heartbeat", server.display_token, json={"status": {"audio": "ok"}})


def _no_show_at(server, admin: str, counter: int) -> None:
    _post(server, "/tickets", server.kiosk_token, json={"service": "L"})
    _post(server, f"/counters/{counter}/finish", admin)
    if _post(server, f"/counters/{counter}/call-next", admin).ok:
        for _ in range(2):
            _post(server, f"/counters/{counter}/recall", admin)
        _post(server, f"/counters/{counter}/no-show", admin)

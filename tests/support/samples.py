"""Valid answer bodies of the v1 contract, for scripted peers and fakes (as in docs/api.md)."""

from __future__ import annotations

import copy

AT = "2026-11-30T09:00:00.190+07:00"

HEALTH = {"status": "ok", "version": "0.1.0", "time": AT}
HEARTBEAT = {"ok": True, "server_time": AT}
SERVICE = {
    "code": "A",
    "name": "KTP Elektronik",
    "agency": "Dinas Kependudukan dan Pencatatan Sipil",
}
TICKET = {
    "id": 1,
    "number": "A-001",
    "service": {**SERVICE, "counters": ["Loket 1", "Loket 2", "Loket 3"]},
    "priority": None,
    "status": "waiting",
    "issued_at": AT,
    "waiting_ahead": 0,
    "eta_minutes": 0,
    "counters_open": 2,
    "counter": None,
    "tracking_code": "F4mLYNysDkvqKeK-",
    "tracking_url": "http://192.168.10.2:8000/t/F4mLYNysDkvqKeK-",
    "calls": 0,
    "print_status": None,
    "called_at": None,
    "started_at": None,
    "finished_at": None,
}
COUNTER = {
    "id": 1,
    "name": "Loket 1",
    "status": "open",
    "services": [{"code": "A", "name": "KTP Elektronik"}],
    "current": None,
    "waiting_count": 0,
}
STATE = {
    "version": 0,
    "calls": [],
    "counters": [],
    "waiting": [],
    "marquee": "",
    "server_time": AT,
}
LOGIN = {
    "token": "session-abc",
    "expires_at": AT,
    "user": {"username": "petugas1", "role": "operator", "counters": [1]},
}


def ticket(**changes) -> dict:
    """A copy of TICKET with `changes` (`service` merged into the ticket's service)."""
    body = copy.deepcopy(TICKET)
    service = changes.pop("service", None)
    body.update(changes)
    if service:
        body["service"].update(service)
    return body


def state(**changes) -> dict:
    return {**copy.deepcopy(STATE), **changes}


def for_path(path: str) -> dict | list:
    """A valid answer for a GET/POST of `path` (below /api/v1)."""
    path = path.split("?")[0].removeprefix("/api/v1")
    if path == "/health":
        return HEALTH
    if path == "/devices/heartbeat":
        return HEARTBEAT
    if path == "/display/state":
        return STATE
    if path == "/counters":
        return [COUNTER]
    if path.startswith("/counters/"):
        return COUNTER
    if path.startswith("/tickets"):
        return TICKET
    if path == "/auth/login":
        return LOGIN
    return {"ok": True}

"""What the fuzz and the role probe of issue 12 found, one test each: never a 5xx for bad
input, never a hall without an admin, 405 with Allow, printed only by the issuing kiosk, and a
body that never comes is answered 408 and its connection closed within the bound."""

import json
import re
import socket
import time

import requests

import server.app
from tests.server.util import Api, error_code

SURROGATE_STATUS = b'{"status": {"printer": "\\ud800"}}'  # a raw JSON escape, not UTF-8


def test_device_patch_with_nulls_changes_nothing(live_server):
    """{"active": null} and {"name": null} are no change (as null is in every PATCH), not 500."""
    admin = Api(live_server, live_server.admin_token())
    device = next(d for d in admin.get("/admin/devices").json() if d["name"] == "kiosk-1")
    for body in ({"active": None}, {"name": None}, {"name": None, "active": None}):
        answer = admin.patch(f"/admin/devices/{device['id']}", json=body)
        assert answer.status_code == 200, answer.text
        assert (answer.json()["name"], answer.json()["active"]) == ("kiosk-1", True)
    kiosk = Api(live_server, live_server.kiosk_token)
    assert kiosk.post("/devices/heartbeat", json={"status": {}}).status_code == 200


def test_heartbeat_with_a_lone_surrogate_or_nan_is_refused(live_server):
    """A status holding "\\ud800" (or NaN, which Python's JSON reader takes) is a 422, and the
    admin's device list still answers."""
    kiosk = Api(live_server, live_server.kiosk_token)
    headers = {"Content-Type": "application/json"}
    bodies = [
        SURROGATE_STATUS,
        b'{"status": {"\\udfff": "ok"}}',
        b'{"status": {"printer": {"detail": ["\\ud800"]}}}',
        b'{"status": {"paper": NaN}}',
        b'{"status": {"paper": -Infinity}}',
    ]
    for body in bodies:
        answer = kiosk.post("/devices/heartbeat", data=body, headers=headers)
        assert (answer.status_code, error_code(answer)) == (422, "validation_error"), body
    fine = kiosk.post("/devices/heartbeat", json={"status": {"printer": "ok ✓ 𝔸"}})
    assert fine.status_code == 200
    devices = Api(live_server, live_server.admin_token()).get("/admin/devices")
    assert devices.status_code == 200
    kiosk1 = next(d for d in devices.json() if d["name"] == "kiosk-1")
    assert kiosk1["last_status"] == {"printer": "ok ✓ 𝔸"}


def test_the_last_active_admin_stays_admin(live_server):
    """The only admin can be neither demoted, deactivated nor deleted (409 last_admin); with a
    second admin it can, and after a restart an admin is still there."""
    admin = Api(live_server, live_server.admin_token())
    me = next(u for u in admin.get("/admin/users").json() if u["username"] == "admin")
    for method, body in (
        ("patch", {"role": "operator"}),
        ("patch", {"active": False}),
        ("patch", {"role": "operator", "active": False}),
        ("delete", None),
    ):
        answer = getattr(admin, method)(f"/admin/users/{me['id']}", json=body)
        assert (answer.status_code, error_code(answer)) == (409, "last_admin"), body
        assert "satu-satunya admin aktif" in answer.json()["error"]["message"]
    english = Api(live_server, live_server.admin_token(), language="en")
    answer = english.patch(f"/admin/users/{me['id']}", json={"role": "operator"})
    assert "only active admin" in answer.json()["error"]["message"]
    # Harmless changes to the last admin still go through.
    assert admin.patch(f"/admin/users/{me['id']}", json={"role": "admin"}).status_code == 200
    assert admin.patch(f"/admin/users/{me['id']}", json={"active": True}).status_code == 200

    second = admin.post(
        "/admin/users",
        json={"username": "admin2", "password": "admin2-rahasia", "role": "admin"},
    ).json()
    assert admin.patch(f"/admin/users/{second['id']}", json={"active": False}).status_code == 200
    refused = admin.patch(f"/admin/users/{me['id']}", json={"role": "operator"})
    assert (refused.status_code, error_code(refused)) == (409, "last_admin")  # admin2 inactive
    assert admin.patch(f"/admin/users/{second['id']}", json={"active": True}).status_code == 200
    demoted = admin.patch(f"/admin/users/{me['id']}", json={"role": "operator"})
    assert demoted.status_code == 200 and demoted.json()["role"] == "operator"

    live_server.stop()
    live_server.start()
    token = live_server.login("admin2", "admin2-rahasia")
    users = Api(live_server, token).get("/admin/users")
    assert users.status_code == 200
    assert [u["username"] for u in users.json() if u["role"] == "admin" and u["active"]] == [
        "admin2"
    ]
    last = Api(live_server, token).delete(f"/admin/users/{second['id']}")
    assert (last.status_code, error_code(last)) == (409, "last_admin")


def _routes_by_path() -> dict[str, set[str]]:
    """Every path of the API and the pages (ids filled in) with the methods its routes take."""
    from server.app import API_PREFIX
    from server.routes import admin, counters, display, public, tickets
    from server.web import admin_pages, loket, reports_pages, session, tracking

    by_path: dict[str, set[str]] = {}
    routes = []
    for prefix, modules in (
        (API_PREFIX, (public, tickets, counters, display, admin)),
        ("", (session, loket, admin_pages, reports_pages, tracking)),
    ):
        for module in modules:
            for route in module.router.routes:
                routes.append((prefix, route))
                path = prefix + re.sub(r"\{[^}]+\}", "1", route.path)
                by_path.setdefault(path, set()).update(route.methods)
    # A literal path may also fit another route's pattern (POST /tickets/abandon and
    # GET /tickets/{id}): that route takes its method there too, as the server's Allow says.
    for path, methods in by_path.items():
        for prefix, route in routes:
            if path.startswith(prefix) and route.path_regex.match(path[len(prefix) :]):
                methods.update(route.methods)
    return by_path


def test_every_405_names_the_allowed_methods(live_server):
    """For every route, a method it does not take answers 405 with the error shape and an
    Allow header naming every method that path takes (across the routes sharing it)."""
    by_path = _routes_by_path()
    assert len(by_path) > 40
    session = requests.Session()
    for path, methods in by_path.items():
        method = next(m for m in ("PUT", "PATCH", "DELETE", "POST", "GET") if m not in methods)
        answer = session.request(method, live_server.url + path, timeout=10)
        assert answer.status_code == 405, (method, path, answer.status_code)
        assert error_code(answer) == "method_not_allowed"
        allowed = {m.strip() for m in answer.headers.get("Allow", "").split(",") if m.strip()}
        assert allowed == methods, (path, allowed, methods)
    agencies = session.put(live_server.api + "/admin/agencies", timeout=10)
    assert set(agencies.headers["Allow"].split(", ")) == {"GET", "POST"}
    static = session.post(live_server.url + "/static/app.js", timeout=10)
    assert static.status_code == 405 and static.headers["Allow"] == "GET, HEAD"


def test_only_the_issuing_kiosk_marks_a_ticket_printed(live_server):
    """kiosk-2 cannot mark kiosk-1's ticket printed (403 not_your_ticket); kiosk-1 can."""
    ticket = Api(live_server, live_server.kiosk_token).issue("A")
    other = Api(live_server, "demo-kiosk-2-token")
    refused = other.post(f"/tickets/{ticket['id']}/printed", json={"ok": False, "reason": "x"})
    assert (refused.status_code, error_code(refused)) == (403, "not_your_ticket")
    staff = Api(live_server, live_server.admin_token())
    assert staff.get(f"/tickets/{ticket['id']}").json()["print_status"] is None
    done = Api(live_server, live_server.kiosk_token).post(
        f"/tickets/{ticket['id']}/printed", json={"ok": True}
    )
    assert done.status_code == 200 and done.json()["print_status"] == "printed"


def _read_until_closed(sock: socket.socket, limit: float) -> bytes:
    """Everything the server sends until it closes the connection (or `limit` seconds pass)."""
    sock.settimeout(limit)
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def test_a_body_that_never_comes_gets_408_and_the_connection_closed(live_server, monkeypatch):
    """Content-Length: 100 and nothing (or half) sent: within the bound the server answers
    408 body_timeout and closes the connection; a whole body in time is served as usual."""
    bound = 1.5
    monkeypatch.setattr(server.app, "BODY_TIMEOUT_SECONDS", bound)
    head = (
        "POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {live_server.kiosk_token}\r\nContent-Length: 100\r\n\r\n"
    ).encode()
    for sent in (b"", b'{"service": "A", ' + b" " * 30):
        with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as sock:
            started = time.monotonic()
            sock.sendall(head + sent)
            reply = _read_until_closed(sock, limit=bound + 20)  # generous on a busy machine
            took = time.monotonic() - started
        assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
        assert b"connection: close" in reply.lower()
        body = json.loads(reply.split(b"\r\n\r\n", 1)[1])
        assert body["error"]["code"] == "body_timeout" and body["error"]["message"]
        assert bound * 0.9 <= took < bound + 20, took
    # The server is fine, and a body sent in time (even in pieces) is served.
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as sock:
        whole = b'{"service": "A"}'
        sock.sendall(head.replace(b"Content-Length: 100", f"Content-Length: {len(whole)}".encode()))
        sock.sendall(whole)
        sock.settimeout(20)
        assert sock.recv(65536).startswith(b"HTTP/1.1 201")
    assert Api(live_server).get("/health").status_code == 200

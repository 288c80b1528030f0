"""Who may do what: the role matrix, counters per operator, logins and their brake."""

import datetime as dt

import pytest

from tests.server.util import Api, counter_id, error_code

KIOSK_ONLY = [("post", "/tickets", {"service": "A"})]
STAFF_ONLY = [("get", "/counters", None), ("post", "/counters/1/call-next", None)]
ADMIN_ONLY = [
    ("get", "/admin/services", None),
    ("get", "/admin/users", None),
    ("get", "/admin/devices", None),
    ("get", "/reports/daily", None),
]


def tokens(server):
    return {
        "kiosk": server.kiosk_token,
        "display": server.display_token,
        "operator": server.operator_token(),
        "admin": server.admin_token(),
        "none": None,
        "foreign": "not-a-token-of-this-server",
    }


def status(server, token, method, path, body):
    answer = getattr(Api(server, token), method)(path, json=body)
    if answer.status_code >= 400:
        error_code(answer)
    return answer.status_code


def test_role_matrix(live_server):
    """Kiosk cannot call, display cannot issue, only admin reaches /admin; no token is 401."""
    roles = tokens(live_server)
    expected_allowed = {
        "kiosk": KIOSK_ONLY,
        "operator": STAFF_ONLY,
        "admin": STAFF_ONLY + ADMIN_ONLY,
    }
    for role, token in roles.items():
        for method, path, body in KIOSK_ONLY + STAFF_ONLY + ADMIN_ONLY:
            code = status(live_server, token, method, path, body)
            if (method, path, body) in expected_allowed.get(role, []):
                assert code not in (401, 403), (role, path, code)
            elif role in ("none", "foreign"):
                assert code == 401, (role, path, code)
            else:
                assert code == 403, (role, path, code)
    display_state = Api(live_server, roles["display"]).get("/display/state")
    assert display_state.status_code == 200
    assert Api(live_server, roles["kiosk"]).get("/display/state").status_code == 403


def test_operator_acts_only_at_own_counters(live_server):
    """petugas1 works Loket 1: Loket 2 is 403 not_your_counter, the admin may act anywhere."""
    Api(live_server, live_server.kiosk_token).issue("A")
    staff = Api(live_server, live_server.operator_token())
    loket2 = counter_id(live_server, "Loket 2")
    refused = staff.post(f"/counters/{loket2}/call-next")
    assert (refused.status_code, error_code(refused)) == (403, "not_your_counter")
    assert staff.get(f"/counters/{loket2}").status_code == 403
    admin = Api(live_server, live_server.admin_token())
    assert admin.post(f"/counters/{loket2}/call-next").status_code == 200


def test_login_gives_a_token_and_logout_ends_it(live_server):
    """Login answers token and user; the token works until logout."""
    answer = Api(live_server).post(
        "/auth/login", json={"username": "petugas1", "password": "petugas-demo-2026"}
    )
    body = answer.json()
    assert body["user"]["username"] == "petugas1" and body["user"]["role"] == "operator"
    staff = Api(live_server, body["token"])
    assert staff.get("/auth/me").json()["username"] == "petugas1"
    assert staff.post("/auth/logout").json() == {"ok": True}
    assert staff.get("/auth/me").status_code == 401


def test_session_expires(live_server):
    """A login session stops working after session_hours (12 h), moved by the clock."""
    staff = Api(live_server, live_server.login("petugas1", "petugas-demo-2026"))
    assert staff.get("/counters").status_code == 200
    live_server.clock.advance(dt.timedelta(hours=12, minutes=1))
    assert staff.get("/counters").status_code == 401


def test_repeated_failed_logins_are_slowed_down(live_server):
    """After 5 wrong passwords in 5 minutes: 429 too_many_attempts, even with the right one;
    after the window it works again."""
    anyone = Api(live_server)
    wrong = {"username": "petugas1", "password": "tebak-tebakan"}
    for _ in range(5):
        answer = anyone.post("/auth/login", json=wrong)
        assert (answer.status_code, error_code(answer)) == (401, "invalid_credentials")
    right = {"username": "petugas1", "password": "petugas-demo-2026"}
    blocked = anyone.post("/auth/login", json=right)
    assert (blocked.status_code, error_code(blocked)) == (429, "too_many_attempts")
    assert int(blocked.headers["Retry-After"]) > 0
    live_server.clock.advance(dt.timedelta(minutes=5, seconds=1))
    assert anyone.post("/auth/login", json=right).status_code == 200


def test_unknown_user_and_english_messages(live_server):
    """An unknown user gets the same answer as a wrong password, in English when asked."""
    answer = Api(live_server, language="en").post(
        "/auth/login", json={"username": "nobody", "password": "whatever1"}
    )
    assert answer.status_code == 401
    assert answer.json()["error"] == {
        "code": "invalid_credentials",
        "message": "Wrong username or password",
    }


@pytest.mark.parametrize("header", ["Bearer", "Basic abc", "Bearer " + "x" * 600, "token"])
def test_malformed_authorization_is_401(live_server, header):
    """Odd Authorization headers are a plain 401 with the error shape."""
    answer = Api(live_server).post(
        "/tickets", json={"service": "A"}, headers={"Authorization": header}
    )
    assert (answer.status_code, error_code(answer)) == (401, "unauthorized")

"""Security of the web pages, over plain HTTP against a real server: sessions, roles, CSRF,
escaping, headers, the login throttle."""

from __future__ import annotations

import datetime as dt

import requests

from tests.server.util import Api
from tests.support.live_server import ADMIN, OPERATOR

XSS = "<script>alert(1)</script>"


def test_session_expires_when_the_server_clock_passes_its_end(live_server, web_session):
    """After auth.session_hours a page sends back to the login and scripts get 401."""
    staff = web_session(live_server, *OPERATOR)
    assert staff.get("/loket/1").status_code == 200
    live_server.clock.advance(
        dt.timedelta(hours=live_server.settings.auth.session_hours, minutes=1)
    )
    page = staff.get("/loket/1", allow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"].startswith("/masuk?next=/loket/1")
    panel = staff.get("/loket/1/panel", headers={"X-Requested-With": "antrian"})
    assert panel.status_code == 401 and panel.json()["login"].startswith("/masuk")
    assert staff.act(1, "call-next").status_code == 401


def test_operator_cannot_open_another_counter_or_the_admin_pages(live_server, web_session):
    """petugas1 works Loket 1 only: Loket 2 and /admin are refused, also for actions."""
    staff = web_session(live_server, *OPERATOR)
    other = staff.get("/loket/2")
    assert other.status_code == 403
    assert "Anda tidak ditugaskan di loket ini" in other.text
    assert staff.act(2, "call-next").status_code == 403
    for path in ("/admin", "/admin/layanan", "/admin/laporan", "/admin/laporan.csv"):
        answer = staff.get(path)
        assert answer.status_code == 403, path
        assert "hanya untuk admin" in answer.text
    refused = staff.post("/admin/pengaturan", data={"csrf": staff.csrf, "marquee": "x"})
    assert refused.status_code == 403


def test_posts_without_the_session_csrf_token_are_refused(live_server, web_session):
    """Every state-changing POST needs the session's CSRF token; a missing or foreign one is 403."""
    Api(live_server, live_server.kiosk_token).issue("A")
    staff = web_session(live_server, *OPERATOR)
    assert staff.act(1, "call-next", csrf=None).status_code == 403
    assert staff.act(1, "call-next", csrf="0" * 64).status_code == 403
    other = web_session(live_server, "petugas2", "petugas-demo-2026")
    assert staff.act(1, "call-next", csrf=other.csrf).status_code == 403
    counter = Api(live_server, live_server.operator_token()).get("/counters/1").json()
    assert counter["current"] is None  # nothing was called
    admin = web_session(live_server, *ADMIN)
    before = admin.get("/admin/pengaturan").text
    assert admin.post("/admin/pengaturan", data={"marquee": "diretas"}).status_code == 403
    assert admin.post("/keluar").status_code == 403
    assert "diretas" not in admin.get("/admin/pengaturan").text
    assert before.count("Selamat datang") == 1
    assert staff.act(1, "call-next").json()["ok"] is True  # the right token works


def test_login_from_another_site_is_refused(live_server):
    """A login form posted from another origin (login CSRF) is refused."""
    answer = requests.post(
        f"{live_server.url}/masuk",
        data={"username": OPERATOR[0], "password": OPERATOR[1]},
        headers={"Origin": "http://evil.example"},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 403
    assert "antrian_sesi" not in answer.cookies


def test_session_cookie_is_httponly_and_samesite_strict(live_server):
    """The session cookie cannot be read by scripts nor sent by other sites."""
    answer = requests.post(
        f"{live_server.url}/masuk",
        data={"username": OPERATOR[0], "password": OPERATOR[1]},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 303
    cookie = answer.headers["set-cookie"].lower()
    assert "antrian_sesi=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "max-age=43200" in cookie  # 12 hours, as configured


def test_logout_ends_the_session_on_the_server(live_server, web_session):
    """After logging out, the old cookie no longer opens anything."""
    staff = web_session(live_server, *OPERATOR)
    token = staff.http.cookies["antrian_sesi"]
    assert staff.post("/keluar", data={"csrf": staff.csrf}).url.endswith("/masuk")
    replay = requests.get(
        f"{live_server.url}/loket/1", cookies={"antrian_sesi": token}, allow_redirects=False
    )
    assert replay.status_code == 303


def test_wrong_passwords_are_throttled(live_server):
    """Failed logins go through the server's LoginThrottle: after 5, even the right one waits."""
    for _ in range(live_server.settings.auth.max_failed_logins):
        wrong = requests.post(
            f"{live_server.url}/masuk", data={"username": "petugas2", "password": "salah"}
        )
        assert wrong.status_code == 401
        assert "Nama pengguna atau kata sandi salah" in wrong.text
    blocked = requests.post(
        f"{live_server.url}/masuk",
        data={"username": "petugas2", "password": "petugas-demo-2026"},
    )
    assert blocked.status_code == 429
    assert "Terlalu banyak percobaan" in blocked.text


def test_service_named_script_is_shown_as_text_everywhere(live_server, web_session):
    """Names are escaped: a service called <script> is text on admin, counter and tracking pages."""
    admin = web_session(live_server, *ADMIN)
    created = admin.post(
        "/admin/layanan/baru",
        data={
            "csrf": admin.csrf,
            "code": "X",
            "name": XSS,
            "agency": "Mal Pelayanan Publik Kabupaten Madiun",
            "always_open": "1",
            "enabled": "1",
        },
    )
    assert created.status_code == 200 and "/admin/layanan" in created.url, created.text[:400]
    admin.post("/admin/loket/1", data={"csrf": admin.csrf, "name": "Loket 1", "services": "X"})
    ticket = Api(live_server, live_server.kiosk_token).issue("X")
    operator = web_session(live_server, *OPERATOR)
    assert operator.act(1, "call-next").json()["ok"]
    pages = [
        admin.get("/admin/layanan").text,
        admin.get("/admin/laporan").text,
        operator.get("/loket/1").text,
        operator.get("/loket/1/panel").text,
        requests.get(f"{live_server.url}/t/{ticket['tracking_code']}", timeout=10).text,
    ]
    for text in pages:
        assert XSS not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_pages_send_security_headers(live_server):
    """Pages forbid inline script and framing, and tell browsers not to sniff types."""
    for path in ("/masuk", "/t/unknown", "/static/app.js"):
        answer = requests.get(live_server.url + path, timeout=10)
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy
        assert answer.headers["x-frame-options"] == "DENY"
        assert answer.headers["x-content-type-options"] == "nosniff"
    api = requests.get(f"{live_server.api}/health", timeout=10)
    assert "content-security-policy" not in api.headers  # the JSON API keeps its own rules


def test_bad_input_on_pages_is_a_clear_4xx(live_server, web_session):
    """Odd ids, unknown actions and unknown tickets give a page or a message, never a 5xx."""
    staff = web_session(live_server, *OPERATOR)
    for path in ("/loket/abc", "/loket/99999999999999999999", "/loket/0/panel"):
        assert staff.get(path).status_code == 404, path
    assert staff.act(1, "explode").status_code == 404
    bad = staff.act(1, "call-number", number="hello")
    assert bad.status_code == 422 and "bukan nomor antrean" in bad.json()["message"]
    missing = staff.act(1, "call-number", number="A-999")
    assert missing.status_code == 404 and "A-999" in missing.json()["message"]
    assert requests.get(f"{live_server.url}/t/{'x' * 500}", timeout=10).status_code == 404

"""Every web page against axe-core (WCAG 2.2 A/AA rules and axe's best practices) in headless
Chromium, at a phone's and a desktop's width, on a server with a morning's data: no serious or
critical violation on any page.

To add a page (the booking page /reservasi, the survey pages ...): one line in PAGES, with who
sees it (None for a public page) and the path; `{tracking}` is a waiting ticket's tracking
code, `{called}` a called one's.
"""

from __future__ import annotations

import datetime as dt
import tempfile

import pytest
import requests
from axe_playwright_python.sync_playwright import Axe

from config.server import DEFAULT_CONFIG
from server.survey import tablet_key
from tests.server.util import OPERATOR2
from tests.server.web.browser import log_in
from tests.server.web.conftest import EXPECT_TIMEOUT_MS
from tests.server.web.scenario import MORNING, play_morning
from tests.support.live_server import ADMIN, OPERATOR, LiveServer

pytestmark = pytest.mark.browser

# (name, who, path): every page of the server. Keep it one list; add new pages here.
PAGES = [
    ("login", None, "/masuk"),
    ("tracking_waiting", None, "/t/{tracking}"),
    ("tracking_called", None, "/t/{called}"),
    ("tracking_unknown", None, "/t/bukan-kode"),
    ("loket_pilih", "operator2", "/loket"),
    ("loket", "operator", "/loket/1"),
    ("bantuan", "operator", "/bantuan"),
    ("admin_home", "admin", "/admin"),
    ("admin_agencies", "admin", "/admin/instansi"),
    ("admin_agency_edit", "admin", "/admin/instansi/1"),
    ("admin_services", "admin", "/admin/layanan"),
    ("admin_service_new", "admin", "/admin/layanan/baru"),
    ("admin_service_edit", "admin", "/admin/layanan/A"),
    ("admin_counters", "admin", "/admin/loket"),
    ("admin_counter_edit", "admin", "/admin/loket/1"),
    ("admin_users", "admin", "/admin/pengguna"),
    ("admin_user_edit", "admin", "/admin/pengguna/1"),
    ("admin_devices", "admin", "/admin/perangkat"),
    ("admin_settings", "admin", "/admin/pengaturan"),
    ("laporan", "admin", "/admin/laporan"),
    ("dasbor", "admin", "/admin/dasbor"),
    ("refused", "operator", "/loket/2"),
    # the survey (issue 15)
    ("tracking_survey", None, "/t/{served}"),
    ("skm_tablet", None, "/skm/loket/{tablet_counter}?k={tablet_key}"),
    ("admin_skm", "admin", "/admin/skm"),
    ("laporan_ikm", "admin", "/admin/laporan/ikm"),
    ("laporan_ikm_cetak", "admin", "/admin/laporan/ikm/cetak"),
    # online booking (issue 16)
    ("reservasi", None, "/reservasi"),
    ("reservasi_layanan", None, "/reservasi?service=A"),
    ("reservasi_kode", None, "/reservasi/kode"),
    ("reservasi_booking", None, "/reservasi/kode/{booking}"),
    ("admin_reservasi", "admin", "/admin/reservasi"),
    ("service_not_found", "admin", "/admin/layanan/ZZ"),
]
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
USERS = {"operator": OPERATOR, "operator2": OPERATOR2, "admin": ADMIN}
FAILING_IMPACTS = ("serious", "critical")
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}


@pytest.fixture(scope="module")
def hall():
    """A server after a short morning: tickets waiting and called, counters serving, a help
    call open; `hall.codes` fills the paths of PAGES."""
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="axe-"), MORNING).start()
    try:
        play_morning(server, steps=12)
        kiosk = {"Authorization": f"Bearer {server.kiosk_token}"}

        def issue(service: str) -> dict:
            answer = requests.post(
                f"{server.api}/tickets", json={"service": service}, headers=kiosk, timeout=10
            )
            assert answer.status_code == 201, answer.text
            return answer.json()

        for service in "AAB":
            issue(service)
        waiting = issue("J")
        requests.post(f"{server.api}/help", headers=kiosk, timeout=10).raise_for_status()
        requests.post(
            f"{server.api}/help", json={"tracking_code": waiting["tracking_code"]}, timeout=10
        ).raise_for_status()
        admin = server.auth(server.admin_token())
        for counter in (6, 8, 9, 11, 12):  # counters the morning left idle: one calls now
            answer = requests.post(
                f"{server.api}/counters/{counter}/call-next", headers=admin, timeout=10
            )
            if answer.ok:
                called = answer.json()["current"]
                break
        served = _serve_one(server, admin, issue("A"))
        booking = _book_a_slot(server)
        server.codes = {
            "tracking": waiting["tracking_code"],
            "called": called["tracking_code"],
            "served": served["tracking_code"],
            "tablet_counter": served["counter"],
            "tablet_key": tablet_key(server.app.state.store, served["counter"]),
            "booking": booking,
        }
        yield server
    finally:
        server.stop()


def _serve_one(server, admin: dict, ticket: dict) -> dict:
    """Call the ticket at a counter that has its service, start and finish it: the survey's
    pages then ask about it. Its tracking code and the counter."""
    for counter in range(1, 14):
        called = requests.post(
            f"{server.api}/counters/{counter}/call",
            json={"ticket_id": ticket["id"]},
            headers=admin,
            timeout=10,
        )
        if called.ok:
            for action in ("start", "finish"):
                done = requests.post(
                    f"{server.api}/counters/{counter}/{action}", headers=admin, timeout=10
                )
                assert done.ok, done.text
            return {"tracking_code": ticket["tracking_code"], "counter": counter}
    raise AssertionError("no counter could call the ticket")


def _book_a_slot(server) -> str:
    """A booking on the first day ahead with free slots: its code."""
    for ahead in range(1, 15):
        day = (MORNING + dt.timedelta(days=ahead)).date().isoformat()
        slots = requests.get(
            f"{server.api}/booking/slots", params={"service": "A", "date": day}, timeout=10
        )
        free = [slot for slot in slots.json() if slot["left"]] if slots.ok else []
        if free:
            booked = requests.post(
                f"{server.api}/bookings",
                json={"service": "A", "date": day, "start": free[0]["start"]},
                timeout=10,
            )
            assert booked.status_code == 201, booked.text
            return booked.json()["code"]
    raise AssertionError("no bookable slot in two weeks")


@pytest.fixture(scope="module")
def sessions(browser, hall):
    """Each user's logged-in cookies, logged in once for the whole module."""
    states = {}
    for who, (username, password) in USERS.items():
        context = browser.new_context()
        page = context.new_page()
        log_in(page, hall.url, username, password)
        states[who] = context.storage_state()
        context.close()
    return states


def serious(results) -> list[str]:
    """One line per serious or critical violation: rule, impact, the elements, the help."""
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] in FAILING_IMPACTS:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
                f"{targets[:6]} {violation['nodes'][0]['failureSummary']!r}"
            )
    return lines


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("name", "who", "path"), PAGES, ids=[p[0] for p in PAGES])
def test_page_has_no_serious_axe_violation(browser, hall, sessions, name, who, path, width):
    columns, rows = WIDTHS[width]
    context = browser.new_context(
        viewport={"width": columns, "height": rows},
        storage_state=sessions[who] if who else None,
    )
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    try:
        page = context.new_page()
        answer = page.goto(hall.url + path.format(**hall.codes))
        assert answer is not None and (
            answer.ok or name.endswith(("unknown", "not_found", "refused"))
        )
        assert "/masuk" not in page.url or who is None, f"{name}: not logged in"
        page.wait_for_load_state("load")
        found = serious(Axe().run(page, options=AXE_OPTIONS))
        assert not found, f"{name} at {width}:\n" + "\n".join(found)
    finally:
        context.close()

"""End to end in headless Chromium against a real server: the counter page drives the queue,
and the hall display's state and the citizen's tracking page follow; the admin page changes
what the kiosk reads; wrong passwords and foreign counters are refused."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.server.util import Api
from tests.server.web.browser import log_in
from tests.support.live_server import ADMIN, OPERATOR

pytestmark = pytest.mark.browser

DEADLINE_SECONDS = 10


def display_state(server) -> dict:
    return Api(server, server.display_token).get("/display/state").json()


def wait_until(condition, what: str):
    """Poll `condition()` until it is truthy; fail naming `what` after the deadline."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)  # polling a condition with a deadline
    pytest.fail(f"not within {DEADLINE_SECONDS}s: {what}")


def button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def test_operator_calls_recalls_finishes_and_transfers(live_server, new_page):
    """The counter page's actions reach the display state and the citizen's tracking page."""
    kiosk = Api(live_server, live_server.kiosk_token)
    first = kiosk.issue("A")
    second = kiosk.issue("B")
    citizen = new_page(390, 844)
    citizen.goto(f"{live_server.url}/t/{first['tracking_code']}")
    expect(citizen.locator("#track-number")).to_have_text(first["number"])
    expect(citizen.locator("#track-status")).to_contain_text("Menunggu dipanggil")

    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    expect(staff).to_have_url(f"{live_server.url}/loket/1")  # one counter: straight to it
    expect(staff.locator("#waiting-count")).to_have_text("2")

    button(staff, "Panggil berikutnya").click()
    expect(staff.locator("#current-number")).to_have_text(first["number"])
    expect(staff.locator("#message")).to_have_text(f"{first['number']} dipanggil.")
    calls = display_state(live_server)["calls"]
    assert [(c["kind"], c["ticket"]["number"], c["counter"]["name"]) for c in calls] == [
        ("call", first["number"], "Loket 1")
    ]
    expect(citizen.locator("#track-counter")).to_have_text("Loket 1")  # refreshed by itself

    staff.keyboard.press("u")  # the recall shortcut shown on the button
    expect(staff.locator("#message")).to_have_text(f"{first['number']} dipanggil ulang.")
    assert [c["kind"] for c in display_state(live_server)["calls"]] == ["call", "recall"]

    button(staff, "Mulai layani").click()
    expect(staff.locator("#now-label")).to_have_text("Sedang dilayani")
    button(staff, "Selesai").click()
    expect(staff.locator("#message")).to_have_text(f"{first['number']} selesai.")
    expect(staff.locator("#current-number")).to_have_text("—")
    expect(citizen.locator("#track-status")).to_contain_text("Selesai dilayani")

    button(staff, "Panggil berikutnya").click()
    expect(staff.locator("#current-number")).to_have_text(second["number"])
    button(staff, "Alihkan layanan").click()
    staff.select_option("#transfer-service", "C")
    staff.locator("#transfer-dialog").get_by_role("button", name="Alihkan layanan").click()
    expect(staff.locator("#message")).to_contain_text(f"{second['number']} dialihkan ke Akta")
    expect(staff.locator("#current-number")).to_have_text("—")
    state = display_state(live_server)
    assert next(c for c in state["counters"] if c["name"] == "Loket 1")["serving"] is None
    waiting = {row["code"]: row["waiting"] for row in state["waiting"]}
    assert waiting["C"] == 1 and waiting["B"] == 0
    moved = Api(live_server).get(f"/track/{second['tracking_code']}").json()
    assert (moved["status"], moved["service"]["code"], moved["number"]) == (
        "waiting",
        "C",
        second["number"],
    )


def test_double_click_calls_once_and_refusals_are_explained(live_server, new_page):
    """A double click on "call next" calls one ticket; an empty queue and an open ticket are
    explained in words."""
    kiosk = Api(live_server, live_server.kiosk_token)
    first = kiosk.issue("A")
    kiosk.issue("A")
    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    button(staff, "Panggil berikutnya").dblclick()
    expect(staff.locator("#current-number")).to_have_text(first["number"])
    expect(staff.locator("#waiting-count")).to_have_text("1")
    assert len(display_state(live_server)["calls"]) == 1
    expect(staff.locator("#message")).to_have_text(f"{first['number']} dipanggil.")

    button(staff, "Panggil berikutnya").click()  # the ticket is still open
    expect(staff.locator("#message")).to_have_text(
        f"Loket ini masih melayani {first['number']}; selesaikan dulu"
    )
    button(staff, "Selesai & panggil berikutnya").click()
    button(staff, "Selesai & panggil berikutnya").click()
    expect(staff.locator("#message")).to_contain_text("Tidak ada antrean yang menunggu")
    button(staff, "Panggil berikutnya").click()
    expect(staff.locator("#message")).to_have_text("Tidak ada antrean yang menunggu")
    expect(staff.locator("#message")).to_have_class("message bad")


def test_counter_page_updates_by_itself(live_server, new_page):
    """A ticket issued at the kiosk appears in the waiting list without a reload."""
    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    expect(staff.locator("#waiting-list")).to_have_text("Tidak ada yang menunggu.")
    ticket = Api(live_server, live_server.kiosk_token).issue("B", priority="lansia")
    expect(staff.locator("#waiting-list")).to_contain_text(ticket["number"])
    expect(staff.locator("#waiting-list")).to_contain_text("Lansia")


def test_admin_changes_a_quota_and_the_kiosk_list_follows(live_server, new_page):
    """A quota saved on the admin page is what GET /api/v1/services (the kiosk) reports."""
    Api(live_server, live_server.kiosk_token).issue("A")
    admin = new_page()
    log_in(admin, live_server.url, *ADMIN)
    expect(admin).to_have_url(f"{live_server.url}/admin")
    admin.goto(f"{live_server.url}/admin/layanan/A")
    admin.fill("#f-daily_quota", "0")
    button(admin, "Simpan").click()
    expect(admin.locator("#e-daily_quota")).to_contain_text("Kuota berupa angka 1 sampai 9999")
    admin.fill("#f-daily_quota", "7")
    button(admin, "Simpan").click()
    expect(admin.get_by_role("status")).to_have_text("Perubahan disimpan.")
    services = {s["code"]: s for s in Api(live_server).get("/services").json()}
    assert services["A"]["quota_left"] == 6


def test_wrong_password_is_refused(live_server, new_page):
    """A wrong password leaves the user on the login page with a clear message."""
    page = new_page(390, 844)
    page.goto(f"{live_server.url}/loket")
    page.fill("#f-username", OPERATOR[0])
    page.fill("#f-password", "bukan-sandinya")
    page.click("button[type=submit]")
    expect(page.locator("#login-error")).to_have_text("Nama pengguna atau kata sandi salah")
    expect(page).to_have_url(f"{live_server.url}/masuk")
    assert not [c for c in page.context.cookies() if c["name"] == "antrian_sesi"]


def test_forbidden_counter_is_refused(live_server, new_page):
    """An operator opening a counter not assigned to them sees a refusal, not the counter."""
    page = new_page()
    log_in(page, live_server.url, *OPERATOR)
    answer = page.goto(f"{live_server.url}/loket/2")
    assert answer.status == 403
    expect(page.get_by_role("alert")).to_have_text("Anda tidak ditugaskan di loket ini")
    assert page.locator("[data-action]").count() == 0


def test_script_named_service_is_text_in_the_browser(live_server, new_page):
    """A service called <script> is shown as those characters and never runs."""
    admin_api = Api(live_server, live_server.admin_token())
    agency = "Mal Pelayanan Publik Kabupaten Madiun"
    name = "<script>window.hacked=1</script>"
    assert admin_api.post("/admin/services", json={"code": "X", "name": name, "agency": agency})
    page = new_page()
    log_in(page, live_server.url, *ADMIN)
    page.goto(f"{live_server.url}/admin/layanan")
    expect(page.get_by_role("cell", name=name)).to_be_visible()
    assert page.evaluate("window.hacked") is None


def test_language_switch_is_remembered(live_server, new_page):
    """English is one click away and stays chosen on the next page."""
    page = new_page()
    log_in(page, live_server.url, *OPERATOR)
    page.get_by_role("link", name="EN").click()
    expect(button(page, "Call next")).to_be_visible()
    page.goto(f"{live_server.url}/loket/1")
    expect(button(page, "Finish & call next")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")

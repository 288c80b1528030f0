"""The booking page, the counter's check-in form, the admin's Reservasi page and the report's
booking table, in real headless Chromium and over plain HTTP against the live server."""

from __future__ import annotations

import re

import requests
from playwright.sync_api import expect

from tests.server.util import Api
from tests.server.web.conftest import WebSession
from tests.support.live_server import ADMIN, DEMO_START, OPERATOR

TODAY = DEMO_START.date().isoformat()


def book(server, start: str = "10:30") -> str:
    body = {"service": "A", "date": TODAY, "start": start}
    answer = Api(server).post("/bookings", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()["code"]


def test_keyboard_only_booking_and_cancel_on_a_phone(live_server, new_page):
    """Tab and Enter alone lead through agency, service, day and slot; the code page has the
    code, the QR and the check-in window; cancelling asks first, then frees the place."""
    page = new_page(390, 844)
    page.goto(f"{live_server.url}/reservasi")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("textbox", name="Kode reservasi")).to_be_visible()  # a labelled field
    for name in ("Dukcapil", "KTP Elektronik", "Senin, 30 November 2026"):
        link = page.get_by_role("link", name=re.compile(name))
        link.focus()
        page.keyboard.press("Enter")
    slot = page.get_by_role("button", name=re.compile(r"^10\.30–11\.00 Sisa 4 tempat"))
    slot.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".rsv-how")).to_contain_text("10.00 dan 10.45")
    code = page.locator(".rsv-code").inner_text().replace(" ", "")
    assert Api(live_server).get(f"/bookings/{code}").json()["status"] == "booked"
    page.get_by_role("link", name="Batalkan reservasi").click()
    expect(page.get_by_role("alert")).to_contain_text("Yakin membatalkan")
    page.get_by_role("button", name="Ya, batalkan").click()
    expect(page.locator(".rsv-status")).to_have_text("Dibatalkan")
    slots = Api(live_server).get("/booking/slots", params={"service": "A", "date": TODAY})
    assert next(s for s in slots.json() if s["start"] == "10:30")["left"] == 4


def test_a_full_slot_is_shown_full_and_a_code_can_be_looked_up(live_server, new_page):
    for _ in range(4):
        code = book(live_server, "11:00")
    page = new_page(390, 844)
    page.goto(f"{live_server.url}/reservasi?service=A&date={TODAY}")
    expect(page.locator(".rsv-choice.off", has_text="11.00–11.30")).to_contain_text("Penuh")
    page.goto(f"{live_server.url}/reservasi")
    typed = f"{code[:3].lower()} {code[3:].lower()}"
    page.get_by_role("textbox", name="Kode reservasi").fill(typed)
    page.get_by_role("button", name="Lihat atau batalkan").click()
    expect(page).to_have_url(re.compile(f"/reservasi/kode/{code}$"))
    page.goto(f"{live_server.url}/reservasi/kode/ZZZZZZ")
    expect(page.locator("body")).to_contain_text("tidak ditemukan")


def test_a_form_from_another_site_is_refused(live_server):
    answer = requests.post(
        f"{live_server.url}/reservasi",
        data={"service": "A", "date": TODAY, "start": "10:30"},
        headers={"Origin": "http://evil.example"},
        timeout=10,
        allow_redirects=False,
    )
    assert answer.status_code == 403
    page = requests.get(f"{live_server.url}/reservasi", timeout=10)
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_counter_check_in_admin_list_and_report(live_server):
    """Staff check a code in from /loket; the admin's list shows it with its number and the
    report counts bookings, check-ins and no-shows per service."""
    came, missed = book(live_server, "10:30"), book(live_server, "10:30")
    book(live_server, "11:30")
    live_server.clock.set(DEMO_START.replace(hour=10, minute=50))  # 10:30's grace is over
    operator = WebSession(live_server, *OPERATOR)
    refused = operator.post("/loket/1/reservasi", data={"csrf": operator.csrf, "code": came})
    assert refused.status_code == 409 and "sudah lewat" in refused.text
    live_server.clock.set(DEMO_START.replace(hour=10, minute=40))
    done = operator.post("/loket/1/reservasi", data={"csrf": operator.csrf, "code": came})
    assert done.status_code == 200 and "A-001" in done.text
    live_server.clock.set(DEMO_START.replace(hour=10, minute=50))
    admin = WebSession(live_server, *ADMIN)
    listing = admin.get(f"/admin/reservasi?date={TODAY}").text
    assert f"{came[:3]} {came[3:]}" in listing and "A-001" in listing
    assert listing.count("Tidak datang") == 1 and missed[:3] in listing
    report = admin.get(f"/admin/laporan?dari={TODAY}&sampai={TODAY}").text
    table = report[report.index('id="booking-report"') :]
    row = re.search(r"A · KTP Elektronik</th>(.*?)</tr>", table).group(1)
    assert re.findall(r">(\d+)<", row) == ["3", "1", "1", "0"]
    saved = admin.post(
        "/admin/reservasi/B", data={"csrf": admin.csrf, "slot_minutes": "20", "capacity": "2"}
    )
    assert "disimpan" in saved.text
    slots = Api(live_server).get("/booking/slots", params={"service": "B", "date": "2026-12-01"})
    assert slots.json()[0] == {"start": "08:00", "end": "08:20", "capacity": 2, "left": 2}

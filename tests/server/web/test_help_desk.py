"""The help desk page (/bantuan) and the tracking page's help button and reminders, in
headless Chromium against a real server: a kiosk's call (its device token, over the API) and a
citizen's call (the button on the tracking page) appear on the desk's page by themselves, with
the chime once the sound is on, and "Selesai" closes them; the tracking page changes its title,
chimes and vibrates when three are ahead and when the number is called."""

from __future__ import annotations

import re
import threading
import time

import pytest
from playwright.sync_api import expect

from tests.server.util import Api
from tests.server.web.browser import log_in
from tests.support.live_server import OPERATOR

pytestmark = pytest.mark.browser

# navigator.vibrate, recorded (a desktop browser has no motor; the page only calls it).
RECORD_VIBRATIONS = """
window.__vibrations = [];
navigator.vibrate = function (pattern) { window.__vibrations.push(pattern); return true; };
"""


def chimes(page) -> int:
    return int(page.evaluate("Number(document.body.dataset.chimes || 0)"))


def test_kiosk_and_phone_calls_reach_the_desk_with_a_chime_and_are_closed(live_server, new_page):
    ticket = Api(live_server, live_server.kiosk_token).issue("A")
    desk = new_page()
    log_in(desk, live_server.url, *OPERATOR)
    desk.goto(f"{live_server.url}/bantuan")
    expect(desk.get_by_role("heading", name="Meja bantuan")).to_be_visible()
    expect(desk.locator(".help-none")).to_have_text("Tidak ada yang meminta bantuan saat ini.")
    expect(desk.locator("#sound-state")).to_contain_text("Suara mati")

    desk.get_by_role("button", name="Aktifkan suara").click()
    expect(desk.locator("#sound-state")).to_contain_text("Suara aktif")
    expect(desk.get_by_role("button", name="Aktifkan suara")).to_be_hidden()
    assert chimes(desk) == 1  # the test chime, so the staff hear how loud it is

    # A kiosk's call, by its device token over the API.
    asked = Api(live_server, live_server.kiosk_token).post("/help", json={})
    assert asked.status_code == 201
    kiosk_call = desk.locator(f'[data-call-id="{asked.json()["id"]}"]')
    expect(kiosk_call).to_contain_text("kiosk-1")
    expect(kiosk_call).to_contain_text("Sejak pukul 09.00")
    expect(desk.locator("#help-news")).to_have_text("Panggilan bantuan baru: kiosk-1")
    expect(desk).to_have_title(re.compile(r"^\(1\) Meja bantuan"))
    assert chimes(desk) == 2

    # A citizen's call, by the button on the tracking page.
    phone = new_page(390, 844)
    phone.goto(f"{live_server.url}/t/{ticket['tracking_code']}")
    phone.get_by_role("button", name="Saya di aula dan butuh bantuan").click()
    expect(phone.locator("#help-state")).to_contain_text("Permintaan bantuan terkirim pukul 09.00")
    expect(phone.locator("#help-state")).to_contain_text(ticket["number"])
    expect(phone.get_by_role("button", name="Saya di aula dan butuh bantuan")).to_be_hidden()
    phone.reload()  # the page remembers the open call
    expect(phone.locator("#help-state")).to_contain_text("Permintaan bantuan terkirim")

    phone_call = desk.locator(".help-call.tracking")
    expect(phone_call).to_contain_text(f"Halaman pantau tiket {ticket['number']}")
    expect(desk.locator("#calls-heading")).to_have_text("Panggilan yang menunggu: 2")
    assert chimes(desk) == 3
    expect(desk.locator(".help-call").first).to_contain_text("kiosk-1")  # the oldest first

    # "Selesai" closes a call without reloading the page: the sound stays on.
    desk.get_by_role("button", name="Selesai: kiosk-1").click()
    expect(kiosk_call).to_have_count(0)
    expect(desk.locator("#calls-heading")).to_have_text("Panggilan yang menunggu: 1")
    expect(desk.locator("#calls-heading")).to_be_focused()
    assert (
        Api(live_server, live_server.operator_token()).get("/help").json()[0]["ticket"]
        == (ticket["number"])
    )
    desk.get_by_role("button", name=f"Selesai: Halaman pantau tiket {ticket['number']}").click()
    expect(desk.locator(".help-none")).to_be_visible()
    expect(desk).to_have_title(re.compile(r"^Meja bantuan"))

    again = Api(live_server, live_server.kiosk_token).post("/help", json={})
    expect(desk.locator(f'[data-call-id="{again.json()["id"]}"]')).to_be_visible()
    assert chimes(desk) == 4  # still chiming after the closes: no reload silenced it


def test_bantuan_needs_a_login(live_server, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/bantuan")
    expect(page).to_have_url(re.compile(r"/masuk"))


def test_tracking_page_reminds_at_three_ahead_and_when_called(live_server, new_page):
    kiosk = Api(live_server, live_server.kiosk_token)
    operator = Api(live_server, live_server.operator_token())
    tickets = [kiosk.issue("A") for _ in range(5)]
    mine = tickets[-1]  # four ahead
    phone = new_page(390, 844)
    phone.add_init_script(RECORD_VIBRATIONS)
    phone.goto(f"{live_server.url}/t/{mine['tracking_code']}")
    expect(phone.locator("#track-ahead")).to_have_text("4")
    title = phone.title()
    phone.get_by_role("button", name="Nyalakan pengingat").click()
    expect(phone.locator("#alerts-state")).to_have_text(
        "Pengingat menyala. Biarkan halaman ini terbuka."
    )
    assert chimes(phone) == 1 and phone.evaluate("window.__vibrations") == [200]

    def serve_next():
        assert operator.post("/counters/1/call-next").ok
        assert operator.post("/counters/1/finish").ok

    serve_next()  # three ahead now
    expect(phone.locator("#track-ahead")).to_have_text("3")
    expect(phone).to_have_title(f"(Tinggal 3 lagi) {mine['number']}")
    expect(phone.get_by_role("alert")).to_have_text("Tinggal 3 orang di depan Anda. Bersiaplah.")
    assert chimes(phone) == 2 and phone.evaluate("window.__vibrations")[-1] == [300]

    serve_next()  # two ahead: no second "near" reminder
    expect(phone.locator("#track-ahead")).to_have_text("2")
    assert chimes(phone) == 2

    for _ in range(2):
        serve_next()
    assert operator.post("/counters/1/call-next").json()["current"]["number"] == mine["number"]
    expect(phone.locator("#track-counter")).to_have_text("Loket 1")
    expect(phone).to_have_title(f"(Dipanggil!) {mine['number']} ke Loket 1")
    expect(phone.get_by_role("alert")).to_have_text(f"Nomor {mine['number']} dipanggil ke Loket 1.")
    assert phone.evaluate("document.body.dataset.lastChime") == "called"
    assert chimes(phone) == 3
    assert phone.evaluate("window.__vibrations")[-1] == [400, 200, 400, 200, 400]

    assert operator.post("/counters/1/start").ok
    expect(phone.locator("#track-status")).to_contain_text("Sedang dilayani")
    expect(phone).to_have_title(title)  # nothing left to remind of


def test_reminders_without_the_tap_change_only_the_title(live_server, new_page):
    """Sound and vibration need the citizen's tap first; the tab title changes anyway."""
    kiosk = Api(live_server, live_server.kiosk_token)
    operator = Api(live_server, live_server.operator_token())
    ticket = kiosk.issue("A")
    phone = new_page(390, 844)
    phone.add_init_script(RECORD_VIBRATIONS)
    phone.goto(f"{live_server.url}/t/{ticket['tracking_code']}")
    assert operator.post("/counters/1/call-next").ok
    expect(phone).to_have_title(f"(Dipanggil!) {ticket['number']} ke Loket 1")
    assert chimes(phone) == 0 and phone.evaluate("window.__vibrations") == []


def test_selesai_works_without_script_and_needs_the_csrf_token(live_server, web_session):
    """The desk's "Selesai" is a plain form too: with the page's CSRF token it closes the call
    and comes back to /bantuan; without it, it is refused and the call stays open."""
    call = Api(live_server, live_server.kiosk_token).post("/help", json={}).json()
    desk = web_session(live_server, *OPERATOR)
    page = desk.get("/bantuan")
    assert page.status_code == 200 and f'action="/bantuan/{call["id"]}/selesai"' in page.text
    refused = desk.post(f"/bantuan/{call['id']}/selesai", data={})
    assert refused.status_code == 403
    assert Api(live_server, live_server.operator_token()).get("/help").json()[0]["id"] == call["id"]
    closed = desk.post(f"/bantuan/{call['id']}/selesai", data={"csrf": desk.csrf})
    assert closed.status_code == 200 and closed.url.endswith("/bantuan")
    assert "Tidak ada yang meminta bantuan saat ini." in closed.text
    assert desk.post("/bantuan/999/selesai", data={"csrf": desk.csrf}).status_code == 404
    assert desk.post("/bantuan/abc/selesai", data={"csrf": desk.csrf}).status_code == 404
    assert "content-security-policy" in {name.lower() for name in page.headers}


def test_desk_long_poll_answers_at_once_when_a_call_comes(live_server, web_session):
    """`/bantuan/panel?known=...&wait=...` holds the request while the open calls are the ones
    the page knows and answers as soon as a call arrives (a hidden tab's slowed timers do not
    delay it); with nothing new it answers at the end of `wait`."""
    desk = web_session(live_server, *OPERATOR)
    started = time.monotonic()
    quiet = desk.get("/bantuan/panel?known=&wait=1")
    assert quiet.status_code == 200 and time.monotonic() - started >= 0.9
    assert 'data-count="0"' in quiet.text

    answers = []
    waiting = threading.Thread(
        target=lambda: answers.append(desk.get("/bantuan/panel?known=&wait=25")), daemon=True
    )
    waiting.start()
    asked_at = time.monotonic()
    call = Api(live_server, live_server.kiosk_token).post("/help", json={}).json()
    waiting.join(timeout=15)
    assert answers, "the long poll did not answer after the call"
    assert time.monotonic() - asked_at < 10  # at once, not at the end of the 25 s
    assert f'data-call-id="{call["id"]}"' in answers[0].text
    unchanged = desk.get(f"/bantuan/panel?known={call['id']}&wait=0")
    assert f'data-call-id="{call["id"]}"' in unchanged.text

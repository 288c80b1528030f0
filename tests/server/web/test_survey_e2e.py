"""The survey end to end in headless Chromium against a real server: a ticket is issued, called
and finished at the counter page; the citizen's tracking page then offers the survey, one
question a screen; the answer is recorded once; the IKM report shows it. The counter tablet
does the same for the ticket its counter just finished, and takes the four-face rating."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from tests.server.util import Api, error_code
from tests.server.web.browser import log_in
from tests.server.web.conftest import WebSession
from tests.support.live_server import ADMIN, OPERATOR

pytestmark = pytest.mark.browser

SLOW_MS = 25_000  # a refresh or poll away, or the tablet's 8 s thank-you screen


def button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def serve_next_at_counter_page(staff) -> str:
    """Call, start and finish the next ticket on the officer's counter page; its number."""
    button(staff, "Panggil berikutnya").click()
    number = staff.locator("#current-number")
    expect(number).not_to_have_text("—")
    called = number.inner_text()
    button(staff, "Mulai layani").click()
    expect(staff.locator("#now-label")).to_have_text("Sedang dilayani")
    button(staff, "Selesai").click()
    expect(staff.locator("#message")).to_have_text(f"{called} selesai.")
    return called


def answer_nine(page, value: int, first: int = 1) -> None:
    """Tap one option on each of the nine screens (each tap moves on)."""
    for n in range(first, 10):
        screen = page.locator(f'[data-screen="q{n}"]')
        expect(screen).to_be_visible()
        expect(screen).to_contain_text(f"Pertanyaan {n} dari 9")
        screen.locator(f'.skm-option[data-value="{value}"]').click()


def test_the_citizen_answers_on_the_tracking_page_once(live_server, new_page):
    ticket = Api(live_server, live_server.kiosk_token).issue("A")
    citizen = new_page(390, 844)
    citizen.goto(f"{live_server.url}/t/{ticket['tracking_code']}")
    expect(citizen.locator("#track-number")).to_have_text(ticket["number"])
    expect(citizen.locator("#skm")).to_be_hidden()  # not before the ticket is finished

    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    assert serve_next_at_counter_page(staff) == ticket["number"]
    expect(staff.locator("#skm")).to_have_count(0)  # the counter page cannot answer

    survey = citizen.locator("#skm")
    expect(survey).to_be_visible(timeout=SLOW_MS)  # with the panel's own refresh (5 s)
    expect(survey.get_by_role("heading", name="Bagaimana pelayanan kami tadi?")).to_be_visible()
    button(citizen, "Isi survei (9 pertanyaan)").click()
    question = citizen.get_by_role("heading", name=re.compile("kesesuaian persyaratan"))
    expect(question).to_be_focused()  # each screen takes the focus: keyboard and screen readers
    for _ in range(4):  # by keyboard: Tab to the fourth option, Enter answers and moves on
        citizen.keyboard.press("Tab")
    expect(citizen.get_by_role("button", name="Sangat sesuai")).to_be_focused()
    citizen.keyboard.press("Enter")
    answer_nine(citizen, 4, first=2)
    citizen.get_by_label("Jenis kelamin").select_option("perempuan")
    citizen.get_by_label("Usia").select_option("60_plus")
    citizen.get_by_label("Saran untuk kami (boleh dikosongkan)").fill("Kursi tunggu ditambah")
    button(citizen, "Kirim jawaban").click()
    expect(survey.get_by_role("heading", name="Terima kasih!")).to_be_visible()

    citizen.reload()  # a second answer: the page says it is done, the server refuses it
    expect(citizen.locator(".skm-already")).to_have_text(
        "Terima kasih, survei untuk tiket ini sudah diisi."
    )
    expect(citizen.locator('[data-screen="start"]')).to_be_hidden()
    again = citizen.evaluate(
        """code => fetch('/api/v1/survey/' + code, {method: 'POST',
             headers: {'Content-Type': 'application/json'},
             body: JSON.stringify({answers: {U1:1,U2:1,U3:1,U4:1,U5:1,U6:1,U7:1,U8:1,U9:1}})})
           .then(r => r.json().then(b => [r.status, b.error.code]))""",
        ticket["tracking_code"],
    )
    assert again == [409, "already_answered"]

    admin = new_page()
    log_in(admin, live_server.url, *ADMIN)
    admin.goto(f"{live_server.url}/admin/laporan/ikm?periode=2026-11")
    expect(admin.locator("#skm-respondents")).to_have_text("1")
    expect(admin.locator("#skm-ikm")).to_have_text("100.00")
    expect(admin.locator("#skm-mutu")).to_have_text("A")
    expect(admin.locator("#skm-suggestions")).to_contain_text("Kursi tunggu ditambah")
    expect(admin.locator("#skm-too-few")).to_have_count(0)  # 1 of 1 served: the minimum is 1
    admin.goto(f"{live_server.url}/admin/laporan/ikm/cetak?periode=2026-11")
    admin.emulate_media(media="print")
    pdf = admin.pdf(format="A4", prefer_css_page_size=True)  # what "Save as PDF" makes
    assert pdf.startswith(b"%PDF")
    if shutil.which("pdftotext"):  # poppler-utils (deploy/apt-packages.txt)
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text
        assert "88,31 – 100,00" in text and "Sangat Baik" in text
    figures = (
        Api(live_server, live_server.admin_token())
        .get("/reports/ikm", params={"from": "2026-11-30", "to": "2026-11-30"})
        .json()
    )
    assert (figures["respondents"], figures["ikm"], figures["mutu"]) == (1, 100.0, "A")


def tablet_link(server, counter: int) -> str:
    page = WebSession(server, *ADMIN).get("/admin/skm").text
    return re.search(rf'href="(http://[^"]+/skm/loket/{counter}\?k=[0-9a-f]+)"', page).group(1)


def test_the_counter_tablet_asks_about_the_ticket_just_finished(live_server, new_page):
    kiosk = Api(live_server, live_server.kiosk_token)
    first = kiosk.issue("A")
    tablet = new_page(1024, 768)
    tablet.goto(tablet_link(live_server, 1))
    expect(tablet.locator("#skm-waiting")).to_be_visible()
    expect(tablet.locator("#skm")).to_be_hidden()
    expect(tablet.get_by_role("button", name="Lewati")).to_be_hidden()

    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    assert serve_next_at_counter_page(staff) == first["number"]

    expect(tablet.locator("#skm")).to_be_visible(timeout=SLOW_MS)  # the tablet polls every 3 s
    expect(tablet.locator(".skm-for")).to_contain_text(f"nomor {first['number']}")
    button(tablet, "Isi survei (9 pertanyaan)").click()
    answer_nine(tablet, 3)
    button(tablet, "Kirim jawaban").click()
    expect(tablet.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    expect(tablet.locator("#skm-waiting")).to_be_visible(timeout=SLOW_MS)  # ready for the next

    again = Api(live_server).post(
        f"/survey/{first['tracking_code']}", json={"answers": {f"U{n}": 1 for n in range(1, 10)}}
    )
    assert again.status_code == 409 and error_code(again) == "already_answered"

    second = kiosk.issue("B")
    assert serve_next_at_counter_page(staff) == second["number"]
    expect(tablet.locator(".skm-for")).to_contain_text(f"nomor {second['number']}", timeout=SLOW_MS)
    button(tablet, "Sangat puas").click()  # the quick rating, apart from the IKM
    expect(tablet.get_by_role("heading", name="Terima kasih!")).to_be_visible()

    admin = new_page()
    log_in(admin, live_server.url, *ADMIN)
    admin.goto(f"{live_server.url}/admin/laporan/ikm?periode=2026-11")
    expect(admin.locator("#skm-respondents")).to_have_text("1")
    expect(admin.locator("#skm-ikm")).to_have_text("75.00")
    expect(admin.locator("#skm-too-few")).to_be_visible()  # 1 respondent of 2 served
    admin.goto(f"{live_server.url}/admin/dasbor")
    expect(admin.locator("#dash-ikm")).to_have_text("75.00")

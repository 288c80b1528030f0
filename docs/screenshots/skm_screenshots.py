"""Make the survey's screenshots: the survey on a phone (390x844) and on the counter tablet
(1024x768, and 800x1280 upright), the IKM report page, and the printable report rendered by
Chromium as a PDF (`page.pdf`) and then as a page image (pdftoppm, poppler-utils).

Run: .venv/bin/python docs/screenshots/skm_screenshots.py   (headless Chromium, no screen)
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import requests  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.server.web.scenario import MORNING  # noqa: E402
from tests.support.live_server import ADMIN, LiveServer  # noqa: E402

log = logging.getLogger("skm_screenshots")

HERE = Path(__file__).resolve().parent
PERIOD = "2026-11"
COUNTERS = {"A": 1, "B": 1, "C": 3, "D": 4, "E": 5, "G": 7, "J": 10}
SUGGESTIONS = [
    "Kursi di ruang tunggu kurang, mohon ditambah.",
    "Petugas ramah dan cepat, terima kasih.",
    "Papan informasi persyaratan sebaiknya lebih besar hurufnya.",
    "Mohon sediakan loket khusus lansia.",
]


def _post(server, path: str, token: str | None, **kwargs) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(server.api + path, headers=headers, timeout=10, **kwargs)


def serve(server, service: str) -> dict:
    answer = _post(server, "/tickets", server.kiosk_token, json={"service": service})
    assert answer.status_code == 201, answer.text
    ticket = answer.json()
    counter = COUNTERS[service]
    admin = server.admin_token()
    for action, body in (("call", {"ticket_id": ticket["id"]}), ("finish", None)):
        answer = _post(server, f"/counters/{counter}/{action}", admin, json=body)
        assert answer.status_code == 200, answer.text
    return ticket


def fill_month(server) -> None:
    """A month of served tickets, most of them answered, on several days."""
    chance = random.Random(15)
    profile = {
        "gender": ["laki_laki", "perempuan"],
        "age_group": ["20_29", "30_39", "40_49", "50_59", "60_plus"],
        "education": ["sma", "s1", "diploma", "smp"],
        "occupation": ["swasta", "wirausaha", "pns", "lainnya"],
    }
    for _day in range(4):
        for _ in range(14):
            ticket = serve(server, chance.choice("AAABBCDEGJ"))
            if chance.random() < 0.8:
                base = chance.choice((3, 3, 4, 4, 4, 3, 2))
                answers = {
                    f"U{n}": max(1, min(4, base + chance.choice((0, 0, 0, 1, -1))))
                    for n in range(1, 10)
                }
                answers["U4"] = 4  # services at the MPP are mostly free
                answers["U9"] = max(1, answers["U9"] - 1)  # the waiting room is the weak spot
                body = {
                    "answers": answers,
                    "respondent": {k: chance.choice(v) for k, v in profile.items()},
                    "suggestion": chance.choice(SUGGESTIONS) if chance.random() < 0.3 else None,
                }
                _post(server, f"/survey/{ticket['tracking_code']}", None, json=body)
            elif chance.random() < 0.5:
                _post(server, f"/survey/{ticket['tracking_code']}/rating", None, json={"face": 4})
        server.clock.advance(dt.timedelta(days=1))
        server._tokens.clear()  # the admin session of yesterday has expired


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    start = MORNING.replace(day=23, hour=9)  # Monday; filled to Thursday, shot on Friday
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="skm-shots-"), start).start()
    try:
        fill_month(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )
            shoot_phone(browser, server)
            shoot_tablet(browser, server)
            shoot_report(browser, server)
            browser.close()
    finally:
        server.stop()


def _page(browser, width: int, height: int, scale: float = 1):
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="id-ID", device_scale_factor=scale
    )
    return context.new_page()


def save(page, name: str, full: bool = False) -> None:
    path = HERE / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    log.info("wrote %s", path.name)


def shoot_phone(browser, server) -> None:
    ticket = serve(server, "A")
    page = _page(browser, 390, 844)
    page.goto(f"{server.url}/t/{ticket['tracking_code']}")
    page.locator("#skm").scroll_into_view_if_needed()
    save(page, "skm_phone_start", full=True)
    page.get_by_role("button", name="Isi survei (9 pertanyaan)").click()
    save(page, "skm_phone_question")
    for n in range(1, 10):
        page.locator(f'[data-screen="q{n}"] .skm-option[data-value="4"]').click()
    page.get_by_label("Usia").select_option("60_plus")
    save(page, "skm_phone_profile")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih!")).to_be_visible()
    save(page, "skm_phone_thanks")
    page.context.close()


def tablet_link(server, page) -> str:
    page.goto(f"{server.url}/admin/skm")
    html = page.content()
    return re.search(r'href="(http://[^"]+/skm/loket/1\?k=[0-9a-f]+)"', html).group(1)


def shoot_tablet(browser, server) -> None:
    admin = _page(browser, 1366, 768)
    log_in(admin, server.url, *ADMIN)
    link = tablet_link(server, admin)
    save(admin, "skm_admin_wording", full=False)
    admin.context.close()
    for name, (width, height) in {"landscape": (1024, 768), "portrait": (800, 1280)}.items():
        page = _page(browser, width, height)
        page.goto(link)
        if name == "landscape":  # the portrait tablet asks about the same, unanswered ticket
            expect(page.locator("#skm-waiting")).to_be_visible()
            save(page, "skm_tablet_waiting")
            serve(server, "A")
        expect(page.locator("#skm")).to_be_visible(timeout=15_000)
        save(page, f"skm_tablet_start_{name}")
        page.get_by_role("button", name="Isi survei (9 pertanyaan)").click()
        page.locator('[data-screen="q1"] .skm-option[data-value="3"]').click()
        save(page, f"skm_tablet_question_{name}")
        page.context.close()


def shoot_report(browser, server) -> None:
    page = _page(browser, 1366, 768)
    log_in(page, server.url, *ADMIN)
    page.goto(f"{server.url}/admin/laporan/ikm?periode={PERIOD}")
    save(page, "skm_report", full=True)
    page.set_viewport_size({"width": 390, "height": 844})
    save(page, "skm_report_phone")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{server.url}/admin/dasbor")
    save(page, "skm_dashboard")
    page.goto(f"{server.url}/admin/laporan/ikm/cetak?periode={PERIOD}")
    pdf = HERE / "skm_report.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
    log.info("wrote %s", pdf.name)
    prefix = HERE / "skm_report_pdf_page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf), str(prefix)], check=True
    )
    for made in sorted(HERE.glob("skm_report_pdf_page-*.png")):
        log.info("wrote %s", made.name)
    page.context.close()


if __name__ == "__main__":
    main()

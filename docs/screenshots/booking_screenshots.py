"""Make the booking screenshots: the booking page on a phone (each step, the code and QR),
the kiosk's check-in screen (keypad, a refusal, the home button), the admin's slots page.

Run: .venv/bin/python docs/screenshots/booking_screenshots.py   (offscreen Qt, headless Chromium)
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import kiosk_screenshots as ks  # noqa: E402
import requests  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from kiosk.controller import KioskController  # noqa: E402
from kiosk.core import IssueResult, KioskFlow, Outcome  # noqa: E402
from kiosk.widgets.window import KioskWindow  # noqa: E402
from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.support.live_server import ADMIN, DEMO_START, LiveServer  # noqa: E402

log = logging.getLogger("booking_screenshots")
PHONE = (390, 844)
LAPTOP = (1366, 768)


def kiosk_scenes():
    def typed(flow, window):
        flow.press_checkin_entry()
        window.show_state(flow.state)
        page = window.pages[flow.state.screen]
        for key in "K7P4":
            page.press_key(key)

    def refused(flow, window):
        flow.press_checkin_entry()
        flow.submit_booking_code("K7P4QX")
        message = "Belum waktunya. Lapor kedatangan bisa mulai pukul 10.00."
        flow.issue_finished(IssueResult(Outcome.REFUSED, code="too_early", message=message))

    return [
        ("home", lambda flow, window: None),
        ("checkin", typed),
        ("checkin_too_early", refused),
    ]


def shoot_kiosk() -> list[Path]:
    _app = QApplication.instance() or QApplication([])  # kept alive while shooting
    written = []
    for name, steps in kiosk_scenes():
        for orientation, (width, height) in ks.SIZES.items():
            keys = iter(f"key-{n}" for n in range(100))
            flow = KioskFlow(pin="2468", new_key=lambda keys=keys: next(keys))
            flow.services_loaded(ks.example_services())
            window = KioskWindow(
                KioskController(flow), "Mal Pelayanan Publik Kabupaten Madiun", "http://x"
            )
            window.resize(width, height)
            window.show()
            steps(flow, window)
            window.show_state(flow.state)
            if name == "checkin":
                window.pages[flow.state.screen]._show_code()
            ks.settle()
            path = HERE / f"booking_kiosk_{name}_{orientation}.png"
            window.grab().save(str(path))
            written.append(path)
            window.allow_close()
            window.close()
            window.deleteLater()
            ks.settle()
    return written


def shoot_pages() -> list[Path]:
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="booking-shots-"), DEMO_START)
    server.start()
    written = []
    try:
        for start in ("10:30", "10:30", "11:00", "13:00"):
            body = {"service": "A", "date": "2026-12-01", "start": start}
            requests.post(f"{server.api}/bookings", json=body, timeout=10)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )

            def page_at(size):
                context = browser.new_context(
                    viewport={"width": size[0], "height": size[1]}, locale="id-ID"
                )
                return context.new_page()

            def shot(page, name: str, full: bool = True) -> None:
                path = HERE / f"booking_{name}.png"
                page.screenshot(path=str(path), full_page=full)
                written.append(path)

            phone = page_at(PHONE)
            phone.goto(f"{server.url}/reservasi")
            shot(phone, "page_agencies_phone")
            phone.goto(f"{server.url}/reservasi?service=A")
            shot(phone, "page_days_phone")
            phone.goto(f"{server.url}/reservasi?service=A&date=2026-12-01")
            shot(phone, "page_slots_phone")
            phone.get_by_role("button", name="10.30–11.00 Sisa 2 tempat").click()
            phone.wait_for_url("**/reservasi/kode/**")
            shot(phone, "page_code_phone")
            admin = page_at(LAPTOP)
            log_in(admin, server.url, *ADMIN)
            admin.goto(f"{server.url}/admin/reservasi?date=2026-12-01")
            shot(admin, "admin_slots_laptop")
            browser.close()
    finally:
        server.stop()
    return written


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    written = shoot_kiosk() + shoot_pages()
    log.warning("wrote %d screenshots", len(written))
    return 0


if __name__ == "__main__":
    sys.exit(main())

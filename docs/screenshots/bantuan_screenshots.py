"""Make the help desk's screenshots (/bantuan with calls waiting, empty, sound on) and the
tracking page's help button and reminders, from a real server in headless Chromium.

Run: .venv/bin/python docs/screenshots/bantuan_screenshots.py   (no screen needed)
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import requests  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.support.live_server import DEMO_START, OPERATOR, LiveServer  # noqa: E402

log = logging.getLogger("bantuan_screenshots")

HERE = Path(__file__).resolve().parent
SIZES = {"phone": (390, 844), "laptop": (1366, 768)}


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="bantuan-shots-"), DEMO_START)
    server.start()
    try:
        kiosk = {"Authorization": f"Bearer {server.kiosk_token}"}
        operator = {"Authorization": f"Bearer {server.operator_token()}"}

        def issue(service: str) -> dict:
            return requests.post(
                f"{server.api}/tickets", json={"service": service}, headers=kiosk, timeout=10
            ).json()

        tickets = [issue("A") for _ in range(6)]
        requests.post(f"{server.api}/help", headers=kiosk, timeout=10).raise_for_status()
        server.clock.advance(dt.timedelta(minutes=3))
        requests.post(
            f"{server.api}/help", json={"tracking_code": tickets[2]["tracking_code"]}, timeout=10
        ).raise_for_status()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )

            def page_for(size: str, user=None):
                width, height = SIZES[size]
                context = browser.new_context(
                    viewport={"width": width, "height": height}, locale="id-ID"
                )
                page = context.new_page()
                if user:
                    log_in(page, server.url, *user)
                return page

            def shot(page, name: str) -> None:
                path = HERE / f"{name}.png"
                page.screenshot(path=path, full_page=False)
                log.info("wrote %s", path.name)

            for size in SIZES:
                desk = page_for(size, OPERATOR)
                desk.goto(f"{server.url}/bantuan")
                shot(desk, f"bantuan_calls_{size}")
            desk.get_by_role("button", name="Aktifkan suara").click()
            desk.locator(".sound-state.on").wait_for()
            shot(desk, "bantuan_sound_on_laptop")

            phone = page_for("phone")
            phone.goto(f"{server.url}/t/{tickets[5]['tracking_code']}")
            shot(phone, "tracking_help_phone")
            phone.get_by_role("button", name="Nyalakan pengingat").click()
            phone.get_by_role("button", name="Saya di aula dan butuh bantuan").click()
            phone.locator("#help-button[hidden]").wait_for(state="attached")
            phone.locator("#help-state").scroll_into_view_if_needed()
            shot(phone, "tracking_help_sent_phone")
            for _ in range(5):
                requests.post(f"{server.api}/counters/1/call-next", headers=operator, timeout=10)
                requests.post(f"{server.api}/counters/1/finish", headers=operator, timeout=10)
            requests.post(f"{server.api}/counters/1/call-next", headers=operator, timeout=10)
            phone.locator("#track-counter").wait_for()
            phone.locator("#alert-news:not(:empty)").wait_for()
            phone.evaluate("window.scrollTo(0, 0)")
            shot(phone, "tracking_called_alert_phone")

            for call in requests.get(f"{server.api}/help", headers=operator, timeout=10).json():
                requests.post(f"{server.api}/help/{call['id']}/done", headers=operator, timeout=10)
            empty = page_for("laptop", OPERATOR)
            empty.goto(f"{server.url}/bantuan")
            shot(empty, "bantuan_empty_laptop")
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()

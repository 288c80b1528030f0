"""Make the web pages' screenshots: every page at phone (390x844), laptop (1366x768) and
full HD (1920x1080) sizes, from a real server after a simulated morning.

Run: .venv/bin/python docs/screenshots/pages_screenshots.py   (headless Chromium, no screen)
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import requests  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.server.web.scenario import MORNING, play_morning  # noqa: E402
from tests.support.live_server import ADMIN, OPERATOR, LiveServer  # noqa: E402

log = logging.getLogger("pages_screenshots")

HERE = Path(__file__).resolve().parent
SIZES = {"phone": (390, 844), "laptop": (1366, 768), "fhd": (1920, 1080)}
OPERATOR2 = ("petugas2", "petugas-demo-2026")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="pages-shots-"), MORNING).start()
    try:
        play_morning(server)
        kiosk = {"Authorization": f"Bearer {server.kiosk_token}"}
        for service, priority in (("A", None), ("B", None), ("A", "lansia"), ("A", None)) * 2:
            requests.post(
                f"{server.api}/tickets",
                json={"service": service, "priority": priority},
                headers=kiosk,
                timeout=10,
            )
        waiting = requests.post(
            f"{server.api}/tickets", json={"service": "J"}, headers=kiosk, timeout=10
        ).json()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )
            for size, (width, height) in SIZES.items():
                shoot_all(browser, server, size, width, height, waiting["tracking_code"])
            browser.close()
    finally:
        server.stop()


def shoot_all(browser, server, size: str, width: int, height: int, tracking: str) -> None:
    def page_for(user=None):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
        page = context.new_page()
        if user:
            log_in(page, server.url, *user)
        return page

    def shot(page, name: str, full: bool = True) -> None:
        path = HERE / f"pages_{name}_{size}.png"
        page.screenshot(path=path, full_page=full)
        log.info("wrote %s", path.name)

    page = page_for()
    page.goto(f"{server.url}/masuk")
    shot(page, "login", full=False)
    page.goto(f"{server.url}/t/{tracking}")
    shot(page, "tracking", full=False)

    operator = page_for(OPERATOR)  # petugas1 has one counter: straight to it
    finish_next = operator.get_by_role("button", name="Selesai & panggil berikutnya")
    if finish_next.is_enabled():
        finish_next.click()
    else:
        operator.get_by_role("button", name="Panggil berikutnya", exact=True).click()
    operator.locator("#message.ok, #message.warn, #message.bad").wait_for()
    shot(operator, "loket", full=False)

    chooser = page_for(OPERATOR2)
    shot(chooser, "loket_pilih")

    admin = page_for(ADMIN)
    for name, url in (
        ("admin_home", "/admin"),
        ("admin_services", "/admin/layanan"),
        ("admin_service_edit", "/admin/layanan/A"),
        ("admin_counters", "/admin/loket"),
        ("admin_users", "/admin/pengguna"),
        ("admin_settings", "/admin/pengaturan"),
        ("laporan", "/admin/laporan"),
        ("dasbor", "/admin/dasbor"),
    ):
        admin.goto(server.url + url)
        shot(admin, name)
    admin.goto(f"{server.url}/admin/perangkat")
    admin.fill("#f-name", f"kiosk-lobi-{size}")
    admin.get_by_role("button", name="Daftarkan").click()
    admin.locator("#device-token").wait_for()
    shot(admin, "admin_devices")
    admin.goto(f"{server.url}/admin/layanan/A")
    admin.fill("#f-daily_quota", "0")
    admin.fill("#f-fri-close", "")
    admin.get_by_role("button", name="Simpan").click()
    shot(admin, "admin_service_errors")


if __name__ == "__main__":
    main()

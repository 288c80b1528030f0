"""Make the sites screenshots: the admin header with the site picker (every site, then one
site chosen), a site admin's header with their site's name, and the booking page's first step
"Pilih lokasi" on a phone, on a server of two sites (tests/support/two_sites.py).

Run: .venv/bin/python docs/screenshots/sites_screenshots.py   (headless Chromium)
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.support.live_server import DEMO_START, LiveServer  # noqa: E402
from tests.support.two_sites import POINT_NAME, write_two_sites  # noqa: E402

log = logging.getLogger("sites_screenshots")
PHONE = (390, 844)
LAPTOP = (1366, 768)


def shoot() -> list[Path]:
    folder = Path(tempfile.mkdtemp(prefix="sites-shots-"))
    sites = write_two_sites(folder)
    server = LiveServer(sites.config_path, folder / "data", DEMO_START)
    server.start()
    written: list[Path] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            def page_at(size):
                context = browser.new_context(viewport={"width": size[0], "height": size[1]})
                return context.new_page()

            def shot(page, name: str, full: bool = False) -> None:
                path = HERE / f"sites_{name}.png"
                page.screenshot(path=str(path), full_page=full)
                written.append(path)

            page = page_at(LAPTOP)
            log_in(page, server.url, *sites.admin)
            page.goto(f"{server.url}/admin/layanan")
            shot(page, "admin_every_site_laptop")
            page.get_by_label("Lokasi").select_option(label=POINT_NAME)
            page.get_by_role("button", name="Tampilkan").click()
            page.wait_for_load_state()
            shot(page, "admin_one_site_laptop")

            page = page_at(LAPTOP)
            log_in(page, server.url, *sites.admin_dolopo)
            page.goto(f"{server.url}/admin/loket")
            shot(page, "site_admin_laptop")

            page = page_at(PHONE)
            log_in(page, server.url, *sites.admin)
            page.goto(f"{server.url}/admin/pengguna")
            shot(page, "admin_picker_phone")

            page = page_at(PHONE)
            page.goto(f"{server.url}/reservasi")
            shot(page, "booking_site_step_phone", full=True)
            page.get_by_role("link", name=POINT_NAME).click()
            page.wait_for_load_state()
            shot(page, "booking_agencies_phone", full=True)
            browser.close()
    finally:
        server.stop()
    return written


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    written = shoot()
    log.warning("wrote %d screenshots", len(written))
    return 0


if __name__ == "__main__":
    sys.exit(main())

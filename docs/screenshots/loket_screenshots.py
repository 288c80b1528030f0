"""Screenshots of the counter page on a bad day, at 1366x768: an action waiting on a hung
server (pages_loket_pending.png), the same action given up on (pages_loket_timeout.png), and the
server gone (pages_loket_offline.png). The hang is real: the live server's store is held.

Run: .venv/bin/python docs/screenshots/loket_states.py   (headless Chromium, no screen)
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from config.server import DEFAULT_CONFIG  # noqa: E402
from server.web.loket import TIMING  # noqa: E402
from tests.server.util import Api  # noqa: E402
from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS, log_in  # noqa: E402
from tests.server.web.hang import store_held  # noqa: E402
from tests.server.web.scenario import MORNING, play_morning  # noqa: E402
from tests.support.live_server import OPERATOR, LiveServer  # noqa: E402

log = logging.getLogger("loket_screenshots")

HERE = Path(__file__).resolve().parent
WAIT_MS = TIMING["give-up-ms"] + 10_000


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="loket-shots-"), MORNING).start()
    try:
        play_morning(server)
        kiosk = Api(server, server.kiosk_token)
        for service, priority in (("A", None), ("B", "lansia"), ("A", None), ("B", None)):
            kiosk.issue(service, priority)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )
            context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
            page = context.new_page()
            log_in(page, server.url, *OPERATOR)
            finish_next = page.get_by_role("button", name="Selesai & panggil berikutnya")
            message = page.locator("#message")

            def shot(name: str) -> None:
                path = HERE / f"pages_loket_{name}.png"
                page.screenshot(path=path)
                log.info("wrote %s", path.name)

            if not finish_next.is_enabled():  # a ticket open at the counter, as in the rush
                page.get_by_role("button", name="Panggil berikutnya", exact=True).click()
                expect(message).to_have_class("message ok")
            with store_held(server):
                finish_next.click()
                expect(message).to_contain_text("Sedang diproses", timeout=WAIT_MS)
                shot("pending")
                expect(message).to_contain_text("Server belum menjawab", timeout=WAIT_MS)
                expect(page.locator("#connection")).to_be_visible(timeout=WAIT_MS)
                shot("timeout")
            expect(page.locator("#connection")).to_contain_text("Terhubung kembali")
            expect(message).to_have_class("message ok", timeout=WAIT_MS)
            server.stop()
            expect(page.locator("#connection")).to_contain_text("tidak menjawab", timeout=WAIT_MS)
            shot("offline")
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()

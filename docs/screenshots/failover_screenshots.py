"""Screenshots of the counter page of a hall with two server hosts, at 1366x768: the backup
address under the buttons (pages_loket_backup.png), and the red banner naming it once the page's
own server is gone (pages_loket_backup_offline.png). The server going away is real: it stops.

Run: .venv/bin/python docs/screenshots/failover_screenshots.py   (headless Chromium, no screen)
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
from tests.server.web.scenario import MORNING, play_morning  # noqa: E402
from tests.support.live_server import OPERATOR, LiveServer  # noqa: E402

log = logging.getLogger("failover_screenshots")

HERE = Path(__file__).resolve().parent
BACKUP = "http://192.168.10.3:8000"
WAIT_MS = TIMING["away-after-ms"] + 10_000


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = LiveServer(DEFAULT_CONFIG, tempfile.mkdtemp(prefix="failover-shots-"), MORNING)
    site = server.settings.site.model_copy(update={"server_urls": [server.url, BACKUP]})
    server.settings = server.settings.model_copy(update={"site": site})
    server.start()
    try:
        play_morning(server)
        kiosk = Api(server, server.kiosk_token)
        for service, priority in (("A", None), ("B", "lansia"), ("A", None)):
            kiosk.issue(service, priority)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=id-ID"]
            )
            context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
            page = context.new_page()
            log_in(page, server.url, *OPERATOR)
            expect(page.locator("#backup-address")).to_contain_text(BACKUP)

            def shot(name: str) -> None:
                path = HERE / f"pages_loket_{name}.png"
                page.screenshot(path=path)
                log.info("wrote %s", path.name)

            shot("backup")
            server.stop()
            expect(page.locator("#connection-backup")).to_be_visible(timeout=WAIT_MS)
            shot("backup_offline")
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()

"""The counter page of a hall with two server hosts, in headless Chromium against two real server
processes on one database: it names the other host as the backup address, and when its own host
is gone the red banner names it too; the backup address works with a new login."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from client import ApiClient
from tests.server.web.browser import log_in
from tests.support.live_server import KIOSK_TOKEN, OPERATOR

pytestmark = pytest.mark.browser


def test_the_counter_page_names_the_backup_address_and_it_works(two_hosts, new_page):
    first, second = two_hosts.first, two_hosts.second
    page = new_page()
    log_in(page, first.url, *OPERATOR)  # petugas1 has one counter: straight to its page
    page.wait_for_url(f"{first.url}/loket/*")
    counter_path = page.url.removeprefix(first.url)
    backup = page.locator("#backup-address")
    expect(backup).to_have_text(
        f"Jika halaman ini tidak terbuka, pakai alamat cadangan: {second.url}"
    )
    expect(backup.get_by_role("link")).to_have_attribute("href", f"{second.url}{counter_path}")
    expect(page.locator("#connection")).to_be_hidden()

    first.kill()
    banner = page.locator("#connection")
    expect(banner).to_contain_text("Server tidak menjawab sejak")
    expect(banner).to_contain_text(f"Bila tetap tidak menjawab, buka alamat cadangan: {second.url}")

    # Staff follow the link: the other host asks them to log in (its own address, its own
    # cookie), then the same counter works there, the numbers going on from the same database.
    ApiClient([first.url, second.url], KIOSK_TOKEN).issue_ticket("A")
    banner.get_by_role("link", name=second.url).click()
    page.wait_for_url(lambda url: url.startswith(f"{second.url}/masuk"))
    log_in(page, second.url, *OPERATOR)
    page.goto(f"{second.url}{counter_path}")
    expect(page.locator("#backup-address")).to_contain_text(first.url)
    page.get_by_role("button", name="Panggil berikutnya", exact=True).click()
    expect(page.locator("#message")).to_have_class("message ok")
    expect(page.locator('[data-slot="now"]')).to_contain_text("A-001")

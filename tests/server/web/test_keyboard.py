"""The keyboard alone, in headless Chromium: Tab reaches every main action of the counter page,
the tracking page and the help desk, each focused control shows a visible focus ring, and
Enter or Space operates it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.server.util import Api
from tests.server.web.browser import log_in
from tests.support.live_server import OPERATOR

pytestmark = pytest.mark.browser

MAX_TABS = 80  # more than any page has focusable controls: a full cycle

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const label = el.querySelector(".act-label");  // the counter's buttons also show their key
  return {
    name: (el.getAttribute("aria-label") || (label || el).innerText || "").trim(),
    tag: el.tagName.toLowerCase(),
    outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    visible: el.getBoundingClientRect().width > 0,
  };
}"""


def tab_to(page, name: str, *, backwards: bool = False) -> list[dict]:
    """Press Tab until the control named `name` has the focus; every control passed on the
    way is visible and shows a focus ring of at least 2 px. The controls passed, in order."""
    passed = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        assert focused["visible"], f"focus on an invisible element: {focused}"
        assert focused["outline"] >= 2, f"no visible focus ring on {focused}"
        passed.append(focused)
        if focused["name"] == name:
            return passed
    pytest.fail(f"Tab never reached {name!r}; passed {[p['name'] for p in passed]}")


def test_counter_page_by_keyboard(live_server, new_page):
    kiosk = Api(live_server, live_server.kiosk_token)
    first = kiosk.issue("A")
    second = kiosk.issue("B")
    page = new_page()
    log_in(page, live_server.url, *OPERATOR)
    expect(page.locator("#waiting-count")).to_have_text("2")

    passed = tab_to(page, "Langsung ke isi")  # the skip link comes first
    assert len(passed) == 1
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    tab_to(page, "Panggil berikutnya")
    page.keyboard.press("Enter")
    expect(page.locator("#current-number")).to_have_text(first["number"])

    tab_to(page, "Mulai layani")
    page.keyboard.press("Space")
    expect(page.locator("#now-label")).to_have_text("Sedang dilayani")

    tab_to(page, "Selesai & panggil berikutnya")
    page.keyboard.press("Enter")
    expect(page.locator("#current-number")).to_have_text(second["number"])

    # A dialog: opened with Enter, its field and buttons reached by Tab, Escape closes it.
    tab_to(page, "Alihkan layanan")
    page.keyboard.press("Enter")
    dialog = page.locator("#transfer-dialog")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    tab_to(page, "Selesai")
    page.keyboard.press("Space")
    expect(page.locator("#message")).to_have_text(f"{second['number']} selesai.")


def test_tracking_page_and_help_desk_by_keyboard(live_server, new_page):
    ticket = Api(live_server, live_server.kiosk_token).issue("A")
    phone = new_page(390, 844)
    phone.goto(f"{live_server.url}/t/{ticket['tracking_code']}")
    tab_to(phone, "Nyalakan pengingat")
    phone.keyboard.press("Enter")
    expect(phone.locator("#alerts-state")).to_have_text(
        "Pengingat menyala. Biarkan halaman ini terbuka."
    )
    tab_to(phone, "Saya di aula dan butuh bantuan")
    phone.keyboard.press("Space")
    expect(phone.locator("#help-state")).to_contain_text("Permintaan bantuan terkirim")

    desk = new_page()
    log_in(desk, live_server.url, *OPERATOR)
    desk.goto(f"{live_server.url}/bantuan")
    tab_to(desk, "Aktifkan suara")
    desk.keyboard.press("Enter")
    expect(desk.locator("#sound-state")).to_contain_text("Suara aktif")
    expect(desk.locator("#sound-state")).to_be_focused()  # the button is gone: focus moves on
    tab_to(desk, f"Selesai: Halaman pantau tiket {ticket['number']}")
    desk.keyboard.press("Enter")
    expect(desk.locator(".help-none")).to_be_visible()
    expect(desk.locator("#calls-heading")).to_be_focused()

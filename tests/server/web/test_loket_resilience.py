"""The counter page on a bad day, in headless Chromium against a real server: a hung server is
said within a second, given up on after the bound, and an action clicked during the hang (and
clicked again) happens once; the server going away shows a banner with since when; the buttons
never move between the counter's states."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from server.web.loket import TIMING
from tests.server.util import Api
from tests.server.web.browser import log_in
from tests.server.web.hang import store_held
from tests.support.live_server import OPERATOR

pytestmark = pytest.mark.browser

GIVE_UP_S = TIMING["give-up-ms"] / 1000


def button(page, name: str):
    return page.get_by_role("button", name=name, exact=True)


def calls_made(server) -> list[str]:
    state = Api(server, server.display_token).get("/display/state").json()
    return [f"{c['kind']} {c['ticket']['number']}" for c in state["calls"]]


WATCH_MESSAGE = """() => {
    // Times, in the page's own clock, of each click and of each new message text.
    window.seen = { clicks: [], texts: [] };
    document.addEventListener("click", () => window.seen.clicks.push(performance.now()), true);
    const message = document.getElementById("message");
    new MutationObserver(() => window.seen.texts.push([performance.now(), message.textContent]))
        .observe(message, { childList: true, characterData: true, subtree: true });
}"""


def shown_after_click(page, start: str, click: int = 0) -> float:
    """Milliseconds from the `click`-th click to the first message beginning with `start`."""
    seen = page.evaluate("() => window.seen")
    clicked = seen["clicks"][click]
    return next(at for at, text in seen["texts"] if at >= clicked and text.startswith(start)) - (
        clicked
    )


def settled(page):
    """Wait until no action is on its way (the always-enabled call-number button works)."""
    expect(button(page, "Panggil nomor tertentu")).to_be_enabled()


@pytest.mark.sqlite_only  # holds the SQLite store's lock (tests/server/web/hang.py)
def test_hung_server_is_said_given_up_and_the_action_happens_once(live_server, new_page):
    """Call-next during a hang: "in progress" within 1 s, the give-up message after the bound,
    a retry of the same click, then the server answers: one ticket called, shown as done."""
    kiosk = Api(live_server, live_server.kiosk_token)
    first = kiosk.issue("A")
    kiosk.issue("A")
    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    expect(staff.locator("#waiting-count")).to_have_text("2")
    message = staff.locator("#message")
    banner = staff.locator("#connection")

    staff.evaluate(WATCH_MESSAGE)

    with store_held(live_server):
        clicked = time.monotonic()
        button(staff, "Panggil berikutnya").click()
        expect(message).to_have_text("Sedang diproses: Panggil berikutnya…")
        assert shown_after_click(staff, "Sedang diproses") < 1000
        expect(button(staff, "Panggil berikutnya")).to_be_disabled()
        # The poll gets no answer either: the banner says since when the server was last heard.
        expect(banner).to_be_visible(timeout=GIVE_UP_S * 1000 + 5000)
        expect(banner).to_contain_text("Server tidak menjawab sejak 09.0")
        expect(message).to_contain_text(
            "Server belum menjawab “Panggil berikutnya”", timeout=GIVE_UP_S * 1000 + 5000
        )
        assert time.monotonic() - clicked >= GIVE_UP_S - 0.1
        assert (
            GIVE_UP_S * 1000 <= shown_after_click(staff, "Server belum") < GIVE_UP_S * 1000 + 3000
        )
        expect(message).to_have_class("message bad gave-up")
        assert fits(staff, "#message"), "the give-up message does not fit its place"
        # The page is not frozen: the operator may try again (the same attempt, the same key).
        button(staff, "Panggil berikutnya").click()
        expect(message).to_have_text("Sedang diproses: Panggil berikutnya…")
        assert shown_after_click(staff, "Sedang diproses", click=1) < 1000

    # The server answers again: the truth is shown, the action is shown as done, and only once.
    expect(staff.locator("#current-number")).to_have_text(first["number"])
    expect(message).to_have_text(f"{first['number']} dipanggil.")
    expect(banner).to_contain_text("Terhubung kembali (09.")
    expect(staff.locator("#waiting-count")).to_have_text("1")
    assert calls_made(live_server) == [f"call {first['number']}"]
    expect(banner).to_be_hidden(timeout=TIMING["back-shown-ms"] + 10_000)  # recovers by itself


def test_server_gone_shows_the_banner_and_comes_back_by_itself(live_server, new_page):
    """The server stops: within seconds a banner says since when; an action says the connection
    is lost; the server returns: "Terhubung kembali" and the page works again, no reload."""
    Api(live_server, live_server.kiosk_token).issue("B")
    staff = new_page()
    log_in(staff, live_server.url, *OPERATOR)
    banner = staff.locator("#connection")
    expect(banner).to_be_hidden()
    live_server.stop()
    try:
        expect(banner).to_be_visible(timeout=15_000)
        expect(banner).to_contain_text("Server tidak menjawab sejak 09.")
        button(staff, "Panggil berikutnya").click()
        expect(staff.locator("#message")).to_have_text("Koneksi ke server terputus; mencoba lagi…")
        settled(staff)
    finally:
        live_server.start()
    expect(banner).to_contain_text("Terhubung kembali", timeout=15_000)
    button(staff, "Panggil berikutnya").click()  # the same attempt again: it had not happened
    expect(staff.locator("#current-number")).to_have_text("B-001")
    assert calls_made(live_server) == ["call B-001"]


def test_page_actions_carry_a_key_and_a_repeat_acts_once(live_server, web_session):
    """The page's action endpoint takes the Idempotency-Key too: the same key twice calls once
    and answers the same sentence; a bad key is a clear 422, not a 5xx."""
    Api(live_server, live_server.kiosk_token).issue("A")
    Api(live_server, live_server.kiosk_token).issue("A")
    session = web_session(live_server, *OPERATOR)

    def act(action, key):
        return session.post(
            f"/loket/1/aksi/{action}",
            headers={"X-Requested-With": "antrian", "X-CSRF-Token": session.csrf,
                     "Idempotency-Key": key},
        )  # fmt: skip

    first = act("call-next", "k1")
    again = act("call-next", "k1")
    assert (
        first.json() == again.json() == {"ok": True, "message": "A-001 dipanggil.", "level": "ok"}
    )
    assert again.headers["Idempotent-Replayed"] == "true"
    assert calls_made(live_server) == ["call A-001"]
    reused = act("recall", "k1")
    assert reused.status_code == 409 and not reused.json()["ok"]
    bad = act("recall", "x" * 200)
    assert bad.status_code == 422 and "Idempotency-Key" in bad.json()["message"]
    assert calls_made(live_server) == ["call A-001"]


def fits(page, selector: str) -> bool:
    """The element's reserved height holds all its content (nothing cut off or scrolled)."""
    return page.evaluate(
        "s => { const e = document.querySelector(s); return e.scrollHeight <= e.clientHeight; }",
        selector,
    )


def button_boxes(page) -> dict[str, tuple[float, float, float, float]]:
    assert fits(page, ".now"), "the ticket card cuts its content off"
    return page.evaluate(
        """() => Object.fromEntries(
            [...document.querySelectorAll('.actions [data-action], .counter-tools [data-action]')]
            .map(b => { const r = b.getBoundingClientRect();
                        return [b.className.split(' ')[1], [r.x, r.y, r.width, r.height]]; }))"""
    )


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (390, 844)])
def test_buttons_keep_their_place_in_every_state(live_server, new_page, size):
    """The action buttons' boxes are the same, to the pixel, with no ticket, a called priority
    ticket, one being served, after finishing, and while paused."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A", priority="disabilitas")
    staff = new_page(*size)
    log_in(staff, live_server.url, *OPERATOR)
    now = staff.locator("#now-label")
    boxes = {"closed, no ticket": button_boxes(staff)}

    button(staff, "Panggil berikutnya").click()
    expect(now).to_have_text("Dipanggil")
    settled(staff)
    boxes["called"] = button_boxes(staff)
    button(staff, "Mulai layani").click()
    expect(now).to_have_text("Sedang dilayani")
    settled(staff)
    boxes["serving"] = button_boxes(staff)
    button(staff, "Selesai").click()
    expect(now).to_have_text("Belum ada tiket")
    settled(staff)
    boxes["idle"] = button_boxes(staff)
    button(staff, "Istirahat").click()
    expect(staff.locator("#counter-status")).to_have_text("Istirahat")
    expect(button(staff, "Buka kembali")).to_be_visible()
    settled(staff)
    boxes["paused"] = button_boxes(staff)

    reference = boxes["closed, no ticket"]
    assert len(reference) == 9
    for state, measured in boxes.items():
        moved = {
            name: [round(b - a, 2) for a, b in zip(reference[name], box, strict=True)]
            for name, box in measured.items()
            if box != reference[name]
        }
        assert not moved, f"{size}: buttons moved in state {state!r}: {moved}"

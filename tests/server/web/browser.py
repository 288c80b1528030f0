"""Headless Chromium for the page tests and the screenshot script: Debian's chromium driven
by Playwright (Playwright's own browsers are not downloaded)."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def log_in(page, base_url: str, username: str, password: str) -> None:
    """Log in through the login form; the page ends on the user's home page."""
    page.goto(f"{base_url}/masuk")
    page.fill("#f-username", username)
    page.fill("#f-password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/masuk" not in url)

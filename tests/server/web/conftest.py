"""Fixtures of the web page tests: one headless Chromium per session, a fresh browser context
(its own cookies) per page, and helpers to log in over plain HTTP."""

from __future__ import annotations

import re

import pytest
import requests

from tests.server.web.browser import CHROMIUM, CHROMIUM_ARGS

EXPECT_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """`new_page(width=1366, height=768)`: a page in a context of its own (fresh cookies)."""
    contexts = []

    def make(width: int = 1366, height: int = 768):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(EXPECT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


class WebSession:
    """A staff member's browser session over plain HTTP (requests), for the security tests."""

    def __init__(self, server, username: str, password: str):
        self.server = server
        self.http = requests.Session()
        answer = self.http.post(
            f"{server.url}/masuk", data={"username": username, "password": password}, timeout=10
        )
        assert answer.status_code == 200 and "/masuk" not in answer.url, answer.text[:500]
        self.csrf = re.search(r'data-csrf="([0-9a-f]+)"', answer.text).group(1)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.server.url + path, timeout=10, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.http.post(self.server.url + path, timeout=10, **kwargs)

    def act(self, counter_id: int, action: str, csrf: str | None = "ok", **data):
        headers = {"X-Requested-With": "antrian"}
        if csrf is not None:
            headers["X-CSRF-Token"] = self.csrf if csrf == "ok" else csrf
        return self.post(f"/loket/{counter_id}/aksi/{action}", headers=headers, data=data)


@pytest.fixture
def web_session():
    return WebSession

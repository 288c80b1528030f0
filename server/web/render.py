"""Jinja2 rendering: one environment (autoescape on), the language of a request, and the
values every template gets (the text lookup `t`, the staff member, the CSRF token)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from config.i18n import clock_text
from server.errors import ServerError
from server.texts import message
from server.web import sites
from server.web.texts import KEYS, PRIORITY_KEYS, TEXTS

LANG_COOKIE = "antrian_bahasa"
LANGUAGES = ("id", "en")

ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def language(request: Request) -> str:
    """The language chosen with the switch (a cookie), else the site's default."""
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.app.state.services.default_language


def translator(lang: str):
    def t(key: str, **values) -> str:
        return TEXTS.get(key, lang, **values)

    return t


def error_text(error: ServerError, lang: str) -> str:
    """A refusal of the queue or admin code (or of a page), in the page's language."""
    if error.code in KEYS:
        return TEXTS.get(error.code, lang, **error.values)
    return message(error.code, lang, **error.values)


def iso_clock_text(iso: str | None) -> str:
    """'09.05' from a stored ISO time (the site's local time, as stored)."""
    if not iso:
        return ""
    return clock_text(dt.datetime.fromisoformat(iso))


def minutes_since(iso: str | None, now: dt.datetime) -> int:
    if not iso:
        return 0
    delta = now - dt.datetime.fromisoformat(iso)
    return max(0, int(delta.total_seconds() // 60))


def render(
    request: Request,
    template: str,
    *,
    status: int = 200,
    staff=None,
    headers: dict | None = None,
    **context,
) -> HTMLResponse:
    lang = language(request)
    now, _, _ = request.app.state.services.queue.now()
    page = ENV.get_template(template).render(
        t=translator(lang),
        lang=lang,
        staff=staff,
        csrf=staff.csrf if staff else "",
        site_name=request.app.state.settings.site.name,
        path=request.url.path,
        query=request.url.query,
        now=now,
        clock=iso_clock_text,
        minutes_since=lambda iso: minutes_since(iso, now),
        text_keys=KEYS,
        priority_key=lambda code: PRIORITY_KEYS.get(code, "priority_other"),
        **sites.context(request),
        **context,
    )
    # Staff pages show live data and one-time device tokens: never keep them in a cache.
    all_headers = {"Cache-Control": "no-store", **(headers or {})}
    return HTMLResponse(page, status_code=status, headers=all_headers)

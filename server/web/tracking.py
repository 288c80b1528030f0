"""The citizen's tracking page (`/t/<tracking_code>`, from the ticket's QR code).

It shows only what `Queue.track` gives for this one ticket: no names, no other tickets.
The page refreshes its live part every few seconds without a reload.
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import Response

from config.i18n import clock_text
from server.errors import ServerError
from server.web import survey_pages
from server.web.render import language, render

router = APIRouter()

MAX_CODE = 64
REFRESH_SECONDS = 5


def _ticket(request: Request, code: str) -> dict | None:
    if not code or len(code) > MAX_CODE:
        return None
    try:
        ticket = request.app.state.services.queue.track(code)
    except ServerError:
        return None
    issued = dt.date.fromisoformat(ticket["issued_at"][:10])
    today = dt.date.fromisoformat(ticket["server_time"][:10])
    # Yesterday's unserved ticket is no longer in any line.
    ticket["expired"] = issued != today and ticket["status"] in ("waiting", "called", "serving")
    # Times as the hall reads them ("09.01"); no estimate while no counter of the service is
    # open (`eta_minutes` is null then, and the page says so in words).
    lang = language(request)
    now = dt.datetime.fromisoformat(ticket["server_time"])
    ticket["updated_clock"] = clock_text(now, lang)
    if ticket["eta_minutes"] is not None:
        ticket["eta_clock"] = clock_text(now + dt.timedelta(minutes=ticket["eta_minutes"]), lang)
    return ticket


def _site_of(request: Request, code: str) -> int | None:
    """The ticket's site (its service's): the page's header names it when there are several."""
    with request.app.state.store.read() as tx:
        row = tx.ticket_by_tracking_code(code)
    return row["site_id"] if row else None


def _page(request: Request, code: str, template: str, **extra) -> Response:
    ticket = _ticket(request, code)
    return render(
        request,
        template,
        status=200 if ticket else 404,
        ticket=ticket,
        ticket_site=_site_of(request, code) if ticket else None,
        code=code if ticket else "",
        refresh_seconds=REFRESH_SECONDS,
        skm=survey_pages.for_tracking(request, code)
        if ticket and template == "tracking.html"
        else None,
        **extra,
    )


@router.get("/t/{code}")
def tracking_page(request: Request, code: str) -> Response:
    help_call = request.app.state.help_desk.ticket_call(code) if 0 < len(code) <= MAX_CODE else None
    return _page(request, code, "tracking.html", help_call=help_call)


@router.get("/t/{code}/panel")
def tracking_panel(request: Request, code: str) -> Response:
    return _page(request, code, "_tracking_panel.html")

"""The information desk's page (`/bantuan`): the open calls for help, where each comes from
and since when, a sound on a new one, and "Selesai" to close it. Any logged-in staff member.

The list refreshes itself (`/bantuan/panel`, polled by static/app.js like the dashboard);
static/bantuan.js plays the chime when a call id appears that was not there before, and closes
calls without reloading the page (a reload would need a new click to allow sound again).
"""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from server.errors import ServerError
from server.web.render import error_text, language, render
from server.web.session import PageRefused, StaffPage, StaffPost, from_script

router = APIRouter()

REFRESH_SECONDS = 3


def _calls(request: Request) -> list[dict]:
    now, _, _ = request.app.state.services.queue.now()
    calls = request.app.state.help_desk.open_calls()
    for call in calls:
        since = now - dt.datetime.fromisoformat(call["created_at"])
        call["minutes"] = max(0, int(since.total_seconds() // 60))
    return calls


@router.get("/bantuan")
def help_page(request: Request, staff: StaffPage) -> Response:
    return render(
        request,
        "bantuan.html",
        staff=staff,
        calls=_calls(request),
        refresh_seconds=REFRESH_SECONDS,
    )


@router.get("/bantuan/panel")
def help_panel(request: Request, staff: StaffPage) -> Response:
    return render(request, "_bantuan_panel.html", staff=staff, calls=_calls(request))


@router.post("/bantuan/{call_id}/selesai")
def help_done(request: Request, call_id: str, posted: StaffPost) -> Response:
    if not call_id.isdigit() or not 1 <= int(call_id) <= 2**53:
        raise PageRefused(404, "page_not_found")
    try:
        request.app.state.help_desk.done(int(call_id), posted.staff.principal)
    except ServerError as error:
        if from_script(request):
            text = error_text(error, language(request))
            return JSONResponse({"ok": False, "message": text}, status_code=error.status)
        raise PageRefused(error.status, error=error) from None
    if from_script(request):
        return JSONResponse({"ok": True})
    return RedirectResponse("/bantuan", status_code=303)

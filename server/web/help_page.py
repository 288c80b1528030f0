"""The information desk's page (`/bantuan`): the open calls for help, where each comes from
and since when, a sound on a new one, and "Selesai" to close it. Any logged-in staff member.

static/bantuan.js long-polls `/bantuan/panel?known=<ids>&wait=<s>`, which answers as soon as
the open calls differ from `known` (or after `wait` seconds, for the "3 menit" to move on): a
desk PC with the page in a background tab still hears a call at once, where a browser slows a
hidden page's timers to once a minute. It plays the chime when a call id appears that was not
there before, and closes calls without reloading the page (a reload would need a new click to
allow sound again).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from server.errors import ServerError
from server.web.render import error_text, language, render
from server.web.session import PageRefused, StaffPage, StaffPost, from_script

router = APIRouter()

MAX_WAIT_SECONDS = 30


def _calls(request: Request) -> list[dict]:
    now, _, _ = request.app.state.services.queue.now()
    calls = request.app.state.help_desk.open_calls(request.state.site)  # the staff's site
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
        wait_seconds=MAX_WAIT_SECONDS - 10,
    )


def _ids(calls: list[dict]) -> str:
    """The open calls as the page names them in `known`: ids in ascending order."""
    return ",".join(str(number) for number in sorted(call["id"] for call in calls))


@router.get("/bantuan/panel")
async def help_panel(
    request: Request,
    staff: StaffPage,
    known: Annotated[str, Query(max_length=2000)] = "",
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
) -> Response:
    """The list of open calls; with `wait`, not before it differs from `known` (a long poll)."""
    services, desk = request.app.state.services, request.app.state.help_desk
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        changed = desk.changes()  # taken before reading: a call made meanwhile still wakes us
        calls = await services.run(_calls, request)
        remaining = deadline - loop.time()
        if _ids(calls) != known or remaining <= 0:
            break
        try:
            await asyncio.wait_for(changed.wait(), remaining)
        except TimeoutError:
            pass
    return render(request, "_bantuan_panel.html", staff=staff, calls=calls)


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

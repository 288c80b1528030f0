"""Hall displays: the long-polled state; every device: the heartbeat."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from contract import MAX_ID, DisplayState, HeartbeatAnswer, HeartbeatIn
from server.auth import Principal
from server.deps import DEVICE, DISPLAY, Services, answers, services

router = APIRouter()

MAX_WAIT_SECONDS = 30


# The state goes out as pre-encoded bytes (one encoding shared by every display woken at once):
# FastAPI passes a Response through unvalidated, so the model is the schema's, and the tests
# (the fuzz among them) check the bytes against it.
@router.get("/display/state", **answers(DisplayState, 401, 403))
async def display_state(
    request: Request,
    principal: Annotated[Principal, DISPLAY],
    since: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0,
) -> Response:
    """The hall's state. With `since` equal to the current version, wait up to `wait` seconds
    for a change (a long poll). Async, so waiting displays hold no worker thread."""
    svc: Services = request.app.state.services
    notifier = request.app.state.notifier
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    woken = False
    while since is not None and svc.queue.store.version == since:
        remaining = deadline - loop.time()
        if remaining <= 0:
            break
        event = notifier.event  # taken before the re-check, so no change slips between
        if svc.queue.store.version != since:
            break
        try:
            await asyncio.wait_for(event.wait(), remaining)
        except TimeoutError:
            break
        woken = svc.queue.store.version != since
    site = principal.site_id or 1  # staff of every site watching: the first site's hall
    if woken:
        request.app.state.metrics.display_woken(site)  # the call -> display time (/metrics)
    return Response(await _current_body(request, svc, site), media_type="application/json")


async def _current_body(request: Request, svc: Services, site: int) -> bytes:
    """The site's encoded state; when it must be rebuilt, the displays woken together share
    one build on the store thread instead of a hundred."""
    body = svc.queue.cached_display_body(site)
    if body is not None:
        return body
    version = svc.queue.store.version
    builds: dict = request.app.state.state_builds
    pending = builds.get((version, site))
    if pending is None:
        pending = asyncio.ensure_future(svc.run(svc.queue.display_body, site))
        for old in [key for key in builds if key[0] != version]:
            del builds[old]  # only the newest version's builds are worth sharing
        builds[(version, site)] = pending
    return await asyncio.shield(pending)


@router.post("/devices/heartbeat", **answers(HeartbeatAnswer, 401, 403))
async def heartbeat(
    body: HeartbeatIn,
    svc: Annotated[Services, Depends(services)],
    device: Annotated[Principal, DEVICE],
) -> dict:
    status = dict(body.status)  # version and doctor: where the admin page reads them
    if body.version is not None:
        status["version"] = body.version
    if body.doctor is not None:
        status["doctor"] = body.doctor.model_dump()
    return await svc.run(svc.queue.heartbeat, device, status)

"""Hall displays: the long-polled state; every device: the heartbeat."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import AfterValidator, BaseModel, Field

from server.auth import Principal
from server.deps import DEVICE, DISPLAY, MAX_ID, Services, services

router = APIRouter()

MAX_WAIT_SECONDS = 30


@router.get("/display/state")
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
    return Response(await _current_body(request, svc), media_type="application/json")


async def _current_body(request: Request, svc: Services) -> bytes:
    """The encoded state; when it must be rebuilt, the displays woken together share one
    build on the store thread instead of a hundred."""
    body = svc.queue.cached_display_body()
    if body is not None:
        return body
    version = svc.queue.store.version
    builds: dict = request.app.state.state_builds
    pending = builds.get(version)
    if pending is None:
        pending = asyncio.ensure_future(svc.run(svc.queue.display_body))
        builds.clear()  # only the newest version's build is worth sharing
        builds[version] = pending
    return await asyncio.shield(pending)


def _storable(value: dict[str, Any]) -> dict[str, Any]:
    """Free keys and values, but only what can be stored and shown again: a lone surrogate
    ("\\ud800" as a JSON escape) is not Unicode, and NaN or Infinity (which Python's JSON
    reader accepts) are not JSON; both are refused like any other bad value."""
    try:
        json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text with an unpaired surrogate (not valid Unicode)") from None
    except ValueError:
        raise ValueError("NaN or Infinity is not a JSON number") from None
    return value


class HeartbeatIn(BaseModel):
    status: Annotated[dict[str, Any], AfterValidator(_storable)] = Field(default_factory=dict)


@router.post("/devices/heartbeat")
async def heartbeat(
    body: HeartbeatIn,
    svc: Annotated[Services, Depends(services)],
    device: Annotated[Principal, DEVICE],
) -> dict:
    return await svc.run(svc.queue.heartbeat, device, body.status)

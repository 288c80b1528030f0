"""Hall displays: the long-polled state; every device: the heartbeat."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

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
) -> dict:
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
    return await run_in_threadpool(svc.queue.display_state)


class HeartbeatIn(BaseModel):
    status: dict[str, Any] = Field(default_factory=dict)


@router.post("/devices/heartbeat")
def heartbeat(
    body: HeartbeatIn,
    svc: Annotated[Services, Depends(services)],
    device: Annotated[Principal, DEVICE],
) -> dict:
    return svc.queue.heartbeat(device, body.status)

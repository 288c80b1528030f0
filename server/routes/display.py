"""Hall displays: the long-polled state; every device: the heartbeat."""

from __future__ import annotations

import asyncio
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.datastructures import State
from starlette.types import ASGIApp, Receive, Scope, Send

from contract import MAX_ID, DisplayState, HeartbeatAnswer, HeartbeatIn
from server.auth import Principal
from server.deps import DEVICE, DISPLAY, DISPLAY_ROLES, Services, answers, services

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
    for a change (a long poll). Async, so waiting displays hold no worker thread. A display
    this process already knows is answered by `DisplayPollFastPath` (the same `long_poll`)."""
    body = await long_poll(request.app.state, since, wait, site_watched(principal))
    return Response(body, media_type="application/json")


def site_watched(principal: Principal) -> int:
    """The site whose hall a poller sees: its own (staff of every site: the first site's)."""
    return principal.site_id or 1


async def long_poll(state: State, since: int | None, wait: float, site: int) -> bytes:
    """The site's encoded state, once the version is no longer `since` or `wait` seconds
    passed."""
    svc: Services = state.services
    notifier = state.notifier
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
            async with asyncio.timeout(remaining):  # no task per waiter, unlike wait_for
                await event.wait()
        except TimeoutError:
            break
        woken = svc.queue.store.version != since
    if woken:
        state.metrics.display_woken(site)  # the call -> display time (/metrics)
    return await _current_body(state, svc, site)


async def _current_body(state: State, svc: Services, site: int) -> bytes:
    """The site's encoded state; when it must be rebuilt, the displays woken together share
    one build on the store thread instead of a hundred."""
    body = svc.queue.cached_display_body(site)
    if body is not None:
        return body
    version = svc.queue.store.version
    builds: dict = state.state_builds
    pending = builds.get((version, site))
    if pending is None:
        pending = asyncio.ensure_future(svc.run(svc.queue.display_body, site))
        for old in [key for key in builds if key[0] != version]:
            del builds[old]  # only the newest version's builds are worth sharing
        builds[(version, site)] = pending
    return await asyncio.shield(pending)


_SINCE = re.compile(rb"[0-9]{1,19}")
_WAIT = re.compile(rb"[0-9]{1,6}(\.[0-9]{1,6})?")
JSON_HEADERS = [(b"content-type", b"application/json")]


class DisplayPollFastPath:
    """ASGI middleware, outside the others: a display's long poll answered without the
    middleware stack and FastAPI's parameter and dependency machinery, about half of the
    server's CPU per answer when 1 000 displays wake at once (benchmarks/README.md, issue 14).

    It takes only the plainest case: `GET` of the state without a body, one bearer token that
    this process has already checked and remembered as a device with a display's role
    (server.auth_cache: admin changes to devices clear it in every process), and nothing but a
    well-formed `since` and `wait` within their bounds. Every other request goes the normal
    way, which checks, refuses and answers it exactly as before."""

    def __init__(self, app: ASGIApp, path: str):
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != self.path:
            return await self.app(scope, receive, send)
        poll = self._known_poll(scope)
        if poll is None:
            return await self.app(scope, receive, send)
        body = await long_poll(scope["app"].state, *poll)
        headers = [*JSON_HEADERS, (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _known_poll(scope: Scope) -> tuple[int | None, float, int] | None:
        """(since, wait, site) of a poll this path may answer; None: the normal way."""
        token = None
        for name, value in scope["headers"]:
            if name in (b"content-length", b"transfer-encoding") and value != b"0":
                return None  # a body: the body guards answer it
            if name == b"authorization":
                if token is not None or value[:7].lower() != b"bearer ":
                    return None
                token = value[7:].strip().decode("latin-1")
        app = scope.get("app")
        if not token or len(token) > 512 or app is None:
            return None
        principal = app.state.services.queue.device_cache.get(token)
        if principal is None or principal.role not in DISPLAY_ROLES:
            return None
        since: int | None = None
        wait = 0.0
        seen: set[bytes] = set()
        for pair in scope["query_string"].split(b"&") if scope["query_string"] else ():
            name, _, value = pair.partition(b"=")
            if name in seen:
                return None
            seen.add(name)
            if name == b"since" and _SINCE.fullmatch(value) and int(value) <= MAX_ID:
                since = int(value)
            elif name == b"wait" and _WAIT.fullmatch(value) and float(value) <= MAX_WAIT_SECONDS:
                wait = float(value)
            else:
                return None
        return since, wait, site_watched(principal)


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

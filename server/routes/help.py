"""Calls for help to the information desk: a kiosk or a tracking page asks, the desk closes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request, Response

from contract.help import HelpCall, HelpIn
from server.auth import Principal
from server.deps import STAFF, Id, Services, answers, principal_for_token, services
from server.errors import ServerError
from server.help import HelpDesk

router = APIRouter()


def help_desk(request: Request) -> HelpDesk:
    return request.app.state.help_desk


@router.post("/help", **answers(HelpCall, 401, 403, 404, 409, 429, status=201))
async def ask_for_help(
    request: Request,
    response: Response,
    svc: Annotated[Services, Depends(services)],
    desk: Annotated[HelpDesk, Depends(help_desk)],
    body: HelpIn | None = None,
    authorization: Annotated[str | None, Header()] = None,
) -> dict:
    """A kiosk (its token) or a citizen's phone (`tracking_code`) asks for help. While that
    kiosk or ticket already has an open call, the answer is that call (header
    `Idempotent-Replayed: true`), not a second one. A kiosk may send no body."""
    if authorization:
        if not authorization.lower().startswith("bearer "):
            raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})
        device = await svc.run(principal_for_token, request, authorization[7:].strip())
        if device.role != "kiosk":
            raise ServerError("forbidden", 403, role=device.role)
        call, opened = await svc.run(desk.from_kiosk, device)
    elif body is not None and body.tracking_code:
        address = request.client.host if request.client else "?"
        call, opened = await svc.run(desk.from_phone, body.tracking_code, address)
    else:
        raise ServerError("help_who", 422)
    if not opened:
        response.headers["Idempotent-Replayed"] = "true"
    return call


@router.get("/help", **answers(list[HelpCall], 401, 403))
async def open_help_calls(
    svc: Annotated[Services, Depends(services)],
    desk: Annotated[HelpDesk, Depends(help_desk)],
    principal: Annotated[Principal, STAFF],
) -> list[dict]:
    """The open calls, the oldest first, each saying where it comes from."""
    return await svc.run(desk.open_calls, principal.site_id)


@router.post("/help/{call_id}/done", **answers(HelpCall, 401, 403, 404))
async def help_done(
    call_id: Id,
    svc: Annotated[Services, Depends(services)],
    desk: Annotated[HelpDesk, Depends(help_desk)],
    principal: Annotated[Principal, STAFF],
) -> dict:
    """Someone went to help: the call is closed (closing it again changes nothing)."""
    return await svc.run(desk.done, call_id, principal)

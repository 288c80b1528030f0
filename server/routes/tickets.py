"""Kiosks issue tickets and report printing; staff read and cancel them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response

from contract import PrintedIn, Ticket, TicketAbandoned, TicketIn
from server.auth import Principal
from server.deps import KIOSK, STAFF, TICKET_READERS, Id, Services, answers, services

router = APIRouter()
AUTH = (401, 403)


@router.post("/tickets", **answers(Ticket, *AUTH, 404, 409, status=201))
async def issue_ticket(
    body: TicketIn,
    response: Response,
    svc: Annotated[Services, Depends(services)],
    device: Annotated[Principal, KIOSK],
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=128)] = None,
) -> dict:
    """Issue a ticket. The same Idempotency-Key from the same kiosk returns the same ticket."""
    ticket, created = await svc.run(
        svc.queue.issue, device, body.service, body.priority, idempotency_key
    )
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return ticket


@router.post("/tickets/abandon", **answers(TicketAbandoned, *AUTH))
async def abandon_ticket(
    svc: Annotated[Services, Depends(services)],
    device: Annotated[Principal, KIOSK],
    idempotency_key: Annotated[str, Header(min_length=1, max_length=128)],
) -> dict:
    """The citizen left without the number asked for under Idempotency-Key: cancel that
    ticket if nobody can hold it yet (waiting, never called, not printed). Safe to repeat."""
    return await svc.run(svc.queue.abandon, device, idempotency_key)


@router.get("/tickets/{ticket_id}", **answers(Ticket, *AUTH, 404))
async def get_ticket(
    ticket_id: Id,
    svc: Annotated[Services, Depends(services)],
    principal: Annotated[Principal, TICKET_READERS],
) -> dict:
    return await svc.run(svc.queue.ticket, principal, ticket_id)


@router.post("/tickets/{ticket_id}/printed", **answers(Ticket, *AUTH, 404))
async def ticket_printed(
    ticket_id: Id,
    body: PrintedIn,
    svc: Annotated[Services, Depends(services)],
    device: Annotated[Principal, KIOSK],
) -> dict:
    return await svc.run(svc.queue.printed, device, ticket_id, body.ok, body.reason)


@router.post("/tickets/{ticket_id}/cancel", **answers(Ticket, *AUTH, 404, 409))
async def cancel_ticket(
    ticket_id: Id,
    svc: Annotated[Services, Depends(services)],
    principal: Annotated[Principal, STAFF],
) -> dict:
    return await svc.run(svc.queue.cancel, principal, ticket_id)

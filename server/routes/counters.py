"""Counter staff: call, recall, start, finish, no-show, transfer, reactivate, pause, resume.

Async handlers that hand the store work to the store thread (`Services.run`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from server.auth import Principal
from server.deps import MAX_ID, STAFF, Id, Services, services

router = APIRouter(prefix="/counters")

Svc = Annotated[Services, Depends(services)]
Staff = Annotated[Principal, STAFF]


class TicketRef(BaseModel):
    ticket_id: int = Field(ge=1, le=MAX_ID)


class TransferIn(BaseModel):
    service: str = Field(min_length=1, max_length=8)


@router.get("")
async def list_counters(svc: Svc, principal: Staff) -> list[dict]:
    """The counters this user may act at (all of them for an admin)."""
    return await svc.run(svc.queue.counters, principal)


@router.get("/{counter_id}")
async def get_counter(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.counter, principal, counter_id)


@router.post("/{counter_id}/call-next")
async def call_next(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.call_next, principal, counter_id)


@router.post("/{counter_id}/call")
async def call(counter_id: Id, body: TicketRef, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.call, principal, counter_id, body.ticket_id)


@router.post("/{counter_id}/recall")
async def recall(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.recall, principal, counter_id)


@router.post("/{counter_id}/start")
async def start(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.start, principal, counter_id)


@router.post("/{counter_id}/finish")
async def finish(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.finish, principal, counter_id)


@router.post("/{counter_id}/no-show")
async def no_show(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.no_show, principal, counter_id)


@router.post("/{counter_id}/transfer")
async def transfer(counter_id: Id, body: TransferIn, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.transfer, principal, counter_id, body.service)


@router.post("/{counter_id}/reactivate")
async def reactivate(counter_id: Id, body: TicketRef, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.reactivate, principal, counter_id, body.ticket_id)


@router.post("/{counter_id}/pause")
async def pause(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.set_counter_status, principal, counter_id, "paused")


@router.post("/{counter_id}/resume")
async def resume(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.set_counter_status, principal, counter_id, "open")


@router.post("/{counter_id}/close")
async def close(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.set_counter_status, principal, counter_id, "closed")

"""Counter staff: call, recall, start, finish, no-show, transfer, reactivate, pause, resume.

Async handlers that hand the store work to the store thread (`Services.run`). Every action
takes an optional `Idempotency-Key` header: the same key at the same counter answers the first
answer again (with `Idempotent-Replayed: true`) without acting twice (`Queue.once`).
"""

from __future__ import annotations

import re
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response

from contract import CounterView, Ticket, TicketRef, TransferAnswer, TransferIn
from server.auth import Principal
from server.deps import STAFF, Id, Services, answers, services
from server.errors import ServerError

router = APIRouter(prefix="/counters")

Svc = Annotated[Services, Depends(services)]
Staff = Annotated[Principal, STAFF]

MAX_KEY_LENGTH = 128
KEY_TEXT = re.compile(rf"[!-~]{{1,{MAX_KEY_LENGTH}}}")  # visible ASCII: a UUID, hex, base64...
REPLAYED = "Idempotent-Replayed"


def checked_key(value: str | None) -> str | None:
    """An idempotency key as sent (any visible ASCII, 1–128 characters), else 422."""
    if value is None:
        return None
    if not KEY_TEXT.fullmatch(value):
        raise ServerError("bad_idempotency_key", 422)
    return value


async def _key(
    idempotency_key: Annotated[str | None, Header(description="one per action attempt")] = None,
) -> str | None:
    return checked_key(idempotency_key)


Key = Annotated[str | None, Depends(_key)]


async def _once(svc: Services, response: Response, principal, counter_id, key, action, do, *args):
    """`do(principal, counter_id, *args)` on the store thread, at most once per key."""
    answer, replayed = await svc.run(
        svc.queue.once,
        principal,
        counter_id,
        key,
        action,
        partial(do, principal, counter_id, *args),
    )
    if replayed:
        response.headers[REPLAYED] = "true"
    return answer


AUTH = (401, 403)
# A counter action: no such counter / ticket / service, or refused by the queue rules.
ACTION = (*AUTH, 404, 409)


@router.get("", **answers(list[CounterView], *AUTH))
async def list_counters(svc: Svc, principal: Staff) -> list[dict]:
    """The counters this user may act at (all of them for an admin)."""
    return await svc.run(svc.queue.counters, principal)


@router.get("/{counter_id}", **answers(CounterView, *AUTH, 404))
async def get_counter(counter_id: Id, svc: Svc, principal: Staff) -> dict:
    return await svc.run(svc.queue.counter, principal, counter_id)


@router.post("/{counter_id}/call-next", **answers(CounterView, *ACTION))
async def call_next(
    counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response
) -> dict:
    return await _once(svc, response, principal, counter_id, key, "call-next", svc.queue.call_next)


@router.post("/{counter_id}/call", **answers(CounterView, *ACTION))
async def call(
    counter_id: Id, body: TicketRef, svc: Svc, principal: Staff, key: Key, response: Response
) -> dict:
    return await _once(
        svc, response, principal, counter_id, key, "call", svc.queue.call, body.ticket_id
    )


@router.post("/{counter_id}/recall", **answers(CounterView, *ACTION))
async def recall(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(svc, response, principal, counter_id, key, "recall", svc.queue.recall)


@router.post("/{counter_id}/start", **answers(CounterView, *ACTION))
async def start(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(svc, response, principal, counter_id, key, "start", svc.queue.start)


@router.post("/{counter_id}/finish", **answers(CounterView, *ACTION))
async def finish(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(svc, response, principal, counter_id, key, "finish", svc.queue.finish)


@router.post("/{counter_id}/no-show", **answers(CounterView, *ACTION))
async def no_show(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(svc, response, principal, counter_id, key, "no-show", svc.queue.no_show)


@router.post("/{counter_id}/transfer", **answers(TransferAnswer, *ACTION))
async def transfer(
    counter_id: Id, body: TransferIn, svc: Svc, principal: Staff, key: Key, response: Response
) -> dict:
    return await _once(
        svc, response, principal, counter_id, key, "transfer", svc.queue.transfer, body.service
    )


@router.post("/{counter_id}/reactivate", **answers(Ticket, *ACTION))
async def reactivate(
    counter_id: Id, body: TicketRef, svc: Svc, principal: Staff, key: Key, response: Response
) -> dict:
    return await _once(
        svc,
        response,
        principal,
        counter_id,
        key,
        "reactivate",
        svc.queue.reactivate,
        body.ticket_id,
    )


@router.post("/{counter_id}/pause", **answers(CounterView, *ACTION))
async def pause(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(
        svc, response, principal, counter_id, key, "pause", svc.queue.set_counter_status, "paused"
    )


@router.post("/{counter_id}/resume", **answers(CounterView, *ACTION))
async def resume(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(
        svc, response, principal, counter_id, key, "resume", svc.queue.set_counter_status, "open"
    )


@router.post("/{counter_id}/close", **answers(CounterView, *ACTION))
async def close(counter_id: Id, svc: Svc, principal: Staff, key: Key, response: Response) -> dict:
    return await _once(
        svc, response, principal, counter_id, key, "close", svc.queue.set_counter_status, "closed"
    )

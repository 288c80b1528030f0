"""Counter staff: the counter view and the bodies of its actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contract.base import Answer, Body, Id, StrictId, StrictStr, Timestamp
from contract.tickets import Priority, Ticket

CounterStatus = Literal["open", "paused", "closed"]


class ServiceName(Answer):
    code: str
    name: str


class WaitingTicket(Answer):
    """A ticket in a counter's waiting or no-show list."""

    id: Id
    number: str
    service: str
    priority: Priority | None
    issued_at: Timestamp
    queued_at: Timestamp


class CounterView(Answer):
    """A counter; `GET /counters` leaves out the last four fields, everything else has them."""

    id: Id
    name: str
    status: CounterStatus
    services: list[ServiceName]
    current: Ticket | None
    waiting_count: int = Field(ge=0)
    next_ticket_id: Id | None = None
    waiting: list[WaitingTicket] | None = None
    no_shows: list[WaitingTicket] | None = None


class TransferAnswer(Answer):
    counter: CounterView
    ticket: Ticket


class TicketRef(Body):
    ticket_id: StrictId


class TransferIn(Body):
    service: StrictStr = Field(min_length=1, max_length=8)

"""Tickets: issue, read, printed, abandon, track."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contract.base import Answer, Body, Id, StrictBool, StrictStr, Timestamp

Priority = Literal["lansia", "disabilitas", "ibu_hamil"]
TicketStatus = Literal["waiting", "called", "serving", "done", "no_show", "cancelled"]


class TicketService(Answer):
    code: str
    name: str
    agency: str
    counters: list[str] | None = Field(
        default=None, description="Only in the answer to POST /tickets: who calls the service"
    )


class CounterRef(Answer):
    id: Id
    name: str


class TrackedTicket(Answer):
    """A citizen's view of a ticket (`GET /track/{code}`): no id, nothing only staff see."""

    number: str
    service: TicketService
    priority: Priority | None
    status: TicketStatus
    issued_at: Timestamp
    waiting_ahead: int | None = Field(ge=0)
    eta_minutes: int | None = Field(ge=0)
    counters_open: int | None = Field(ge=0)
    counter: CounterRef | None
    tracking_code: str
    tracking_url: str
    server_time: Timestamp | None = None


class Ticket(Answer):
    """A ticket as kiosks and staff see it."""

    id: Id
    number: str
    service: TicketService
    priority: Priority | None
    status: TicketStatus
    issued_at: Timestamp
    waiting_ahead: int | None = Field(ge=0)
    eta_minutes: int | None = Field(ge=0)
    counters_open: int | None = Field(ge=0)
    counter: CounterRef | None
    tracking_code: str
    tracking_url: str
    calls: int = Field(ge=0)
    print_status: str | None
    called_at: Timestamp | None
    started_at: Timestamp | None
    finished_at: Timestamp | None


class TicketAbandoned(Answer):
    """What `POST /tickets/abandon` did with the ticket issued under the kiosk's key."""

    outcome: Literal["cancelled", "kept", "none"] = Field(
        description="cancelled: it waited unprinted and uncalled, now cancelled (also on a "
        "repeat); kept: it has moved on (printed, called, served ...); none: no ticket under "
        "this key from this kiosk"
    )
    number: str | None = Field(default=None, description="The ticket's number; absent for none")


class TicketIn(Body):
    service: StrictStr = Field(min_length=1, max_length=8, description="Service code, e.g. 'A'")
    priority: Priority | None = None


class PrintedIn(Body):
    ok: StrictBool
    reason: StrictStr | None = Field(
        default=None, max_length=40, description="paper_out, offline, ... when ok is false"
    )

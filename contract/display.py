"""`GET /display/state`: what the hall's TVs show and announce."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contract.base import Answer, Id, Timestamp
from contract.counters import CounterStatus
from contract.tickets import CounterRef, Priority


class CalledTicket(Answer):
    id: Id
    number: str
    priority: Priority | None


class CallService(Answer):
    code: str
    name: str


class Call(Answer):
    """One call or recall; `id` increases."""

    id: Id
    kind: Literal["call", "recall"]
    at: Timestamp
    ticket: CalledTicket
    counter: CounterRef
    service: CallService


class BoardCounter(Answer):
    id: Id
    name: str
    status: CounterStatus
    serving: str | None
    services: list[str]


class ServiceWaiting(Answer):
    code: str
    name: str
    agency: str
    waiting: int = Field(ge=0)


class DisplayState(Answer):
    version: int = Field(ge=0)
    calls: list[Call]
    counters: list[BoardCounter]
    waiting: list[ServiceWaiting]
    marquee: str
    server_time: Timestamp

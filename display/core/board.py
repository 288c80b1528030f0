"""The board's picture, built from the server's `/display/state` and limited to a zone.

The server sends the whole hall; a display that serves one part of it filters here
(docs/decisions.md: zones are the display's business, not the server's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from client import Call as ApiCall
from client import DisplayState


@dataclass(frozen=True)
class Zone:
    """Counter names and service codes this display covers; both empty means everything."""

    counters: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()

    @classmethod
    def of(cls, counters: Iterable[str] = (), services: Iterable[str] = ()) -> Zone:
        return cls(frozenset(counters), frozenset(services))

    @property
    def everything(self) -> bool:
        return not self.counters and not self.services

    def covers_counter(self, name: str, services: Iterable[str]) -> bool:
        return self.everything or name in self.counters or bool(self.services & set(services))

    def covers_call(self, counter_name: str, service_code: str) -> bool:
        return self.everything or counter_name in self.counters or service_code in self.services


@dataclass(frozen=True)
class Call:
    """One call or recall event: ticket `number` is asked to go to `counter_name`."""

    id: int
    kind: str  # "call" | "recall"
    number: str
    counter_name: str
    service_code: str
    service_name: str
    at: dt.datetime | None
    priority: str | None = None


@dataclass(frozen=True)
class CounterView:
    name: str
    status: str  # "open" | "paused" | "closed"
    serving: str | None


@dataclass(frozen=True)
class WaitingView:
    code: str
    name: str
    agency: str
    waiting: int


@dataclass(frozen=True)
class Board:
    """Everything the board shows, already limited to the zone. `calls` are oldest first."""

    version: int | None = None
    server_time: dt.datetime | None = None
    calls: tuple[Call, ...] = ()
    counters: tuple[CounterView, ...] = ()
    waiting: tuple[WaitingView, ...] = ()
    marquee: str = ""
    # The newest event id of the whole hall, zone or not: where "new" starts after a restart.
    newest_call_id: int = 0
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def latest(self) -> Call | None:
        return self.calls[-1] if self.calls else None

    def recent(self, count: int) -> tuple[Call, ...]:
        """The calls before the latest one, newest first."""
        return tuple(reversed(self.calls[:-1]))[:count]


@dataclass(frozen=True)
class Link:
    """The board's link to the server as the hall is told it: connected, or lost since when
    (the hall's time, as on the board's clock). Lost means the server has not answered for a
    few seconds (client.LinkWatch), never one failed request."""

    connected: bool = True
    since: dt.datetime | None = None

    @classmethod
    def lost(cls, since: dt.datetime | None) -> Link:
        return cls(False, since)


def parse_time(text: object) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _call(event: ApiCall) -> Call:
    return Call(
        id=event.id,
        kind=event.kind,
        number=event.ticket.number,
        counter_name=event.counter.name,
        service_code=event.service.code,
        service_name=event.service.name,
        at=parse_time(event.at),
        priority=event.ticket.priority,
    )


def board_from_state(state: DisplayState, zone: Zone | None = None) -> Board:
    """Turn the server's display state into the board's picture for `zone`."""
    zone = zone or Zone()
    all_calls = sorted((_call(event) for event in state.calls), key=lambda c: c.id)
    zone_counters = [
        counter for counter in state.counters if zone.covers_counter(counter.name, counter.services)
    ]
    # Waiting counts: the zone's services, or those its counters call.
    zone_services = set(zone.services)
    for counter in zone_counters:
        if counter.name in zone.counters:
            zone_services.update(counter.services)
    waiting = tuple(
        WaitingView(code=item.code, name=item.name, agency=item.agency, waiting=item.waiting)
        for item in state.waiting
        if zone.everything or item.code in zone_services
    )
    return Board(
        version=state.version,
        server_time=parse_time(state.server_time),
        calls=tuple(c for c in all_calls if zone.covers_call(c.counter_name, c.service_code)),
        counters=tuple(
            CounterView(name=counter.name, status=counter.status, serving=counter.serving)
            for counter in zone_counters
        ),
        waiting=waiting,
        marquee=state.marquee,
        newest_call_id=all_calls[-1].id if all_calls else 0,
    )

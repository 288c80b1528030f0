"""The board's picture, built from the server's `/display/state` and limited to a zone.

The server sends the whole hall; a display that serves one part of it filters here
(docs/decisions.md: zones are the display's business, not the server's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


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
    extra: dict = field(default_factory=dict, compare=False)

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


def _code(service: object) -> str:
    """A counter's service may be listed as a code or as a {"code": ...} object."""
    if isinstance(service, dict):
        return str(service.get("code", ""))
    return str(service)


def _call(event: dict) -> Call:
    ticket = event.get("ticket") or {}
    counter = event.get("counter") or {}
    service = event.get("service") or {}
    return Call(
        id=int(event["id"]),
        kind=str(event.get("kind", "call")),
        number=str(ticket.get("number", "?")),
        counter_name=str(counter.get("name", "?")),
        service_code=str(service.get("code", "")),
        service_name=str(service.get("name", "")),
        at=parse_time(event.get("at")),
        priority=ticket.get("priority"),
    )


def board_from_state(state: dict, zone: Zone | None = None) -> Board:
    """Turn the server's display state into the board's picture for `zone`."""
    zone = zone or Zone()
    all_calls = sorted((_call(event) for event in state.get("calls") or []), key=lambda c: c.id)
    raw_counters = state.get("counters") or []
    zone_counters = [
        counter
        for counter in raw_counters
        if zone.covers_counter(
            str(counter.get("name", "")), [_code(s) for s in counter.get("services") or []]
        )
    ]
    # Waiting counts: the zone's services, or those its counters call.
    zone_services = set(zone.services)
    for counter in zone_counters:
        if str(counter.get("name", "")) in zone.counters:
            zone_services.update(_code(s) for s in counter.get("services") or [])
    waiting = tuple(
        WaitingView(
            code=str(item.get("code", "")),
            name=str(item.get("name", "")),
            agency=str(item.get("agency", "")),
            waiting=int(item.get("waiting") or 0),
        )
        for item in state.get("waiting") or []
        if zone.everything or item.get("code") in zone_services
    )
    return Board(
        version=state.get("version"),
        server_time=parse_time(state.get("server_time")),
        calls=tuple(c for c in all_calls if zone.covers_call(c.counter_name, c.service_code)),
        counters=tuple(
            CounterView(
                name=str(counter.get("name", "")),
                status=str(counter.get("status", "open")),
                serving=counter.get("serving"),
            )
            for counter in zone_counters
        ),
        waiting=waiting,
        marquee=str(state.get("marquee") or ""),
        newest_call_id=all_calls[-1].id if all_calls else 0,
    )

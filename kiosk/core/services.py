"""The services list from GET /services, grouped by agency for the kiosk's buttons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from client import ServiceStatus


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    agency: str
    open: bool
    reason: str | None = None
    reason_text: str = ""
    next_open: datetime | None = None
    waiting: int = 0
    eta_minutes: int | None = None
    quota_left: int | None = None
    counters_open: int | None = None  # None: the server does not say (older servers)

    @property
    def no_counter_open(self) -> bool:
        """Open for tickets, but no counter serves it right now: no estimate can be given."""
        return self.counters_open == 0

    @classmethod
    def from_api(cls, item: ServiceStatus) -> Service:
        return cls(
            code=item.code,
            name=item.name or item.code,
            agency=item.agency,
            open=item.open,
            reason=item.reason,
            reason_text=item.reason_text or "",
            next_open=datetime.fromisoformat(item.next_open) if item.next_open else None,
            waiting=item.waiting,
            eta_minutes=item.eta_minutes,
            quota_left=item.quota_left,
            counters_open=item.counters_open,
        )


@dataclass(frozen=True)
class Agency:
    name: str
    short: str
    services: tuple[Service, ...]

    @property
    def any_open(self) -> bool:
        return any(service.open for service in self.services)


def group_by_agency(items: Sequence[ServiceStatus]) -> tuple[Agency, ...]:
    """Agencies in the order the server lists their first service; services keep their order."""
    services: dict[str, list[Service]] = {}
    shorts: dict[str, str] = {}
    for item in items:
        service = Service.from_api(item)
        services.setdefault(service.agency, []).append(service)
        shorts.setdefault(service.agency, item.agency_short or service.agency)
    return tuple(
        Agency(name=name, short=shorts[name], services=tuple(group))
        for name, group in services.items()
    )

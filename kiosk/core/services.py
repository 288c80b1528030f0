"""The services list from GET /services, grouped by agency for the kiosk's buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
    def from_api(cls, item: dict) -> Service:
        next_open = item.get("next_open")
        return cls(
            code=str(item["code"]),
            name=str(item.get("name") or item["code"]),
            agency=str(item.get("agency") or ""),
            open=bool(item.get("open", False)),
            reason=item.get("reason"),
            reason_text=str(item.get("reason_text") or ""),
            next_open=datetime.fromisoformat(next_open) if next_open else None,
            waiting=int(item.get("waiting") or 0),
            eta_minutes=item.get("eta_minutes"),
            quota_left=item.get("quota_left"),
            counters_open=(
                int(item["counters_open"]) if item.get("counters_open") is not None else None
            ),
        )


@dataclass(frozen=True)
class Agency:
    name: str
    short: str
    services: tuple[Service, ...]

    @property
    def any_open(self) -> bool:
        return any(service.open for service in self.services)


def group_by_agency(items: list[dict]) -> tuple[Agency, ...]:
    """Agencies in the order the server lists their first service; services keep their order."""
    services: dict[str, list[Service]] = {}
    shorts: dict[str, str] = {}
    for item in items:
        service = Service.from_api(item)
        services.setdefault(service.agency, []).append(service)
        shorts.setdefault(service.agency, str(item.get("agency_short") or service.agency))
    return tuple(
        Agency(name=name, short=shorts[name], services=tuple(group))
        for name, group in services.items()
    )

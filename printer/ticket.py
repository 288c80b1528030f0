"""The data a printed ticket needs, checked once so the layout never meets bad input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from config.priority import PRIORITY_GROUPS
from printer.errors import InvalidTicket

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class TicketPrint:
    """One ticket as the server issued it (see the ticket in DESIGN.md's HTTP contract).

    Optional, for the "what next" lines:
    - `counters`: the names of the counters that serve this ticket's service, as the server
      names them ("Loket 3", "Loket 4"); printed as "Dilayani di Loket 3 dan 4". Empty (the
      default): the line is left out.
    - `language`: the citizen's language on the kiosk ("id" or "en"); None (the default): the
      printer settings' language.
    - `booking`: the booking's code when the ticket came from a booking's check-in: the
      ticket is marked "RESERVASI" (staff see at a glance it came by appointment).
    """

    number: str
    service_name: str
    agency: str
    issued_at: datetime
    waiting_ahead: int
    eta_minutes: int | None = None
    priority: str | None = None
    tracking_url: str | None = None
    counters: tuple[str, ...] = field(default=())
    language: str | None = None
    booking: str | None = None  # the booking code when a check-in issued it ("Reservasi")

    def __post_init__(self) -> None:
        problems = []
        if not self.number.strip():
            problems.append("number is empty")
        if not self.service_name.strip():
            problems.append("service_name is empty")
        if self.issued_at.tzinfo is None or self.issued_at.utcoffset() is None:
            problems.append("issued_at must carry a time zone")
        if self.waiting_ahead < 0:
            problems.append("waiting_ahead is negative")
        if self.eta_minutes is not None and self.eta_minutes < 0:
            problems.append("eta_minutes is negative")
        if self.priority is not None and self.priority not in PRIORITY_GROUPS:
            problems.append(f"priority must be one of {', '.join(PRIORITY_GROUPS)} or None")
        if isinstance(self.counters, str) or not all(
            isinstance(name, str) for name in self.counters
        ):
            problems.append("counters must be a sequence of counter names")
        else:
            # A list from JSON is accepted and kept as a tuple, so the ticket stays hashable.
            object.__setattr__(
                self, "counters", tuple(name.strip() for name in self.counters if name.strip())
            )
        if self.language is not None and self.language not in LANGUAGES:
            problems.append(f"language must be one of {', '.join(LANGUAGES)} or None")
        if problems:
            raise InvalidTicket("; ".join(problems))

"""Small stand-ins for the server and printer, for the Qt-free core tests only."""

from __future__ import annotations

from client import ServerUnreachable, ServiceStatus, Ticket
from kiosk.core import PaperState, PrinterStatus, PrintFailed
from tests.support import samples

SERVICE_BODIES = [
    {
        "code": "A",
        "name": "KTP elektronik",
        "agency": "Dinas Kependudukan dan Pencatatan Sipil",
        "agency_short": "Dukcapil",
        "open": True,
        "reason": None,
        "reason_text": None,
        "next_open": None,
        "waiting": 4,
        "quota_left": 80,
        "eta_minutes": 20,
    },
    {
        "code": "B",
        "name": "Kartu keluarga",
        "agency": "Dinas Kependudukan dan Pencatatan Sipil",
        "agency_short": "Dukcapil",
        "open": False,
        "reason": "quota_exhausted",
        "reason_text": "Kuota hari ini habis",
        "next_open": "2026-11-30T08:00:00+07:00",
        "waiting": 30,
        "quota_left": 0,
        "eta_minutes": 90,
    },
    {
        "code": "C",
        "name": "Perpanjangan SIM",
        "agency": "Kepolisian Resor Madiun",
        "agency_short": "Polres",
        "open": True,
        "reason": None,
        "reason_text": None,
        "next_open": None,
        "waiting": 0,
        "quota_left": 50,
        "eta_minutes": 0,
    },
]
SERVICES = [ServiceStatus.model_validate(body) for body in SERVICE_BODIES]


class FakeClock:
    """Monotonic time that moves only when the code under test waits or a request times out."""

    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


class FakeServer:
    """`fail_times` attempts get no answer (each uses up its whole timeout on `clock`)."""

    def __init__(
        self,
        fail_times: int = 0,
        error: Exception | None = None,
        clock: FakeClock | None = None,
    ):
        self.clock = clock
        self.timeouts: list[float | None] = []
        self.issued: list[tuple[str, str | None, str | None]] = []
        self.reports: list[tuple[int, bool, str | None]] = []
        self.fail_times = fail_times
        self.error = error or ServerUnreachable("down")
        self._tickets: dict[str, Ticket] = {}

    def issue_ticket(self, service_code, priority=None, idempotency_key=None, timeout=None):
        self.issued.append((service_code, priority, idempotency_key))
        self.timeouts.append(timeout)
        if self.fail_times:
            self.fail_times -= 1
            if self.clock is not None and isinstance(self.error, ServerUnreachable):
                self.clock.sleep(timeout or 5.0)
            raise self.error
        if idempotency_key not in self._tickets:
            number = f"{service_code}-{len(self._tickets) + 1:03d}"
            body = samples.ticket(
                id=len(self._tickets) + 1,
                number=number,
                priority=priority,
                service={
                    "code": service_code,
                    "name": "KTP elektronik",
                    "agency": "Dukcapil",
                    "counters": None,
                },
                waiting_ahead=3,
                eta_minutes=15,
                tracking_code="abc",
                tracking_url="http://127.0.0.1:8000/t/abc",
            )
            self._tickets[idempotency_key] = Ticket.model_validate(body)
        return self._tickets[idempotency_key]

    def report_printed(self, ticket_id, ok=True, reason=None):
        self.reports.append((ticket_id, ok, reason))
        return self._tickets_by_id().get(ticket_id)

    def _tickets_by_id(self) -> dict[int, Ticket]:
        return {t.id: t for t in self._tickets.values()}


class FakePrinter:
    def __init__(self, status: PrinterStatus | None = None, fail: str | None = None):
        self._status = status or PrinterStatus(online=True, paper=PaperState.OK)
        self.fail = fail
        self.printed: list[Ticket] = []

    def status(self) -> PrinterStatus:
        return self._status

    def print_ticket(self, ticket: Ticket, language: str | None = None) -> None:
        if self.fail:
            raise PrintFailed(self.fail)
        self.printed.append(ticket)

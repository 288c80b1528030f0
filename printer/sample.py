"""The sample ticket the technician's commands, the preview and the golden tests print."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from printer.ticket import TicketPrint

WIB = timezone(timedelta(hours=7), "WIB")


def sample_ticket(priority: str | None = None) -> TicketPrint:
    """A fixed ticket (fixed time too), so its bytes never change from run to run."""
    return TicketPrint(
        number="A-012",
        service_name="Perekaman KTP Elektronik",
        agency="Dinas Kependudukan dan Pencatatan Sipil",
        issued_at=datetime(2026, 11, 28, 9, 15, tzinfo=WIB),
        waiting_ahead=3,
        eta_minutes=15,
        priority=priority,
        tracking_url="https://antrian.mpp.madiunkab.go.id/t/K7Q2M9XD",
        counters=("Loket 1", "Loket 2", "Loket 3"),
    )

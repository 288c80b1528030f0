"""The kiosk's printer port on top of `printer.TicketPrinter`: tickets as the server sends
them go in, the core's PrinterStatus and PrintFailed come out."""

from __future__ import annotations

import logging
from datetime import datetime

from client import Ticket
from config.printer import PrinterSettings
from kiosk.core import SCREEN_ONLY, TEST_PRINTER, PaperState, PrinterStatus, PrintFailed
from kiosk.core.issuing import PRINTER, KioskPrinterPort

log = logging.getLogger(__name__)


def ticket_print_from_api(ticket: Ticket, language: str | None = None):
    """The server's ticket → the printer's TicketPrint, in the citizen's `language`."""
    from printer import TicketPrint

    service = ticket.service
    return TicketPrint(
        number=ticket.number,
        service_name=service.name or service.code,
        agency=service.agency,
        issued_at=datetime.fromisoformat(ticket.issued_at),
        waiting_ahead=ticket.waiting_ahead or 0,
        eta_minutes=ticket.eta_minutes,
        priority=ticket.priority,
        tracking_url=ticket.tracking_url,
        counters=service.counters or (),  # "Dilayani di Loket 1, 2, dan 3"
        language=language,
        booking=getattr(ticket, "booking", None),  # a check-in's BookedTicket: "RESERVASI"
    )


class EscposPrinterPort:
    """Implements kiosk.core.issuing.KioskPrinterPort with the real printer package."""

    def __init__(self, settings: PrinterSettings):
        from printer import TicketPrinter

        self.settings = settings
        self.printer = TicketPrinter(settings)

    def status(self) -> PrinterStatus:
        answer = self.printer.status()
        # A printer that cannot report (file, dummy, some USB) but was reachable is taken as
        # ready: refusing every citizen because a status byte is missing would be worse.
        paper = PaperState(answer.paper)
        online = answer.problem is None and answer.online is not False
        kind = TEST_PRINTER if self.settings.type == "dummy" else PRINTER
        return PrinterStatus(online=online, paper=paper, detail=answer.problem or "", kind=kind)

    def print_ticket(self, ticket: Ticket, language: str | None = None) -> None:
        from printer import PrinterError

        try:
            self.printer.print_ticket(ticket_print_from_api(ticket, language))
        except PrinterError as error:
            raise PrintFailed(error.code, str(error)) from None
        except (KeyError, TypeError, ValueError) as error:
            raise PrintFailed("invalid_ticket", f"ticket data not usable: {error}") from None

    def print_test_page(self) -> None:
        from printer import PrinterError

        try:
            self.printer.print_test_page()
        except PrinterError as error:
            raise PrintFailed(error.code, str(error)) from None


class ScreenOnlyPort:
    """`[printer] type = "none"`: a kiosk without a printer. Every number is shown on screen
    with its QR; nothing is ever printed."""

    def status(self) -> PrinterStatus:
        return SCREEN_ONLY

    def print_ticket(self, ticket: Ticket, language: str | None = None) -> None:
        raise PrintFailed("no_printer", "this kiosk has no printer")

    def print_test_page(self) -> None:
        raise PrintFailed("no_printer", "this kiosk has no printer")


def printer_port(settings: PrinterSettings) -> KioskPrinterPort:
    """The port for the configured printer type."""
    if settings.type == "none":
        return ScreenOnlyPort()
    return EscposPrinterPort(settings)

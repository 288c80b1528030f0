"""One citizen's ticket, start to end: printer ready? → issue → print → tell the server.

Blocking; runs on the kiosk's ticket worker thread. The server and the printer come in through
the two small interfaces below, so the whole transaction is testable without Qt or hardware.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from client import ClientError, Refused, ServerUnreachable

log = logging.getLogger(__name__)

PRIORITIES = ("lansia", "disabilitas", "ibu_hamil")


class PaperState(StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    paper: PaperState = PaperState.UNKNOWN
    detail: str = ""

    @property
    def ready(self) -> bool:
        """A ticket may be issued: the printer answers and is not known to be out of paper."""
        return self.online and self.paper != PaperState.OUT

    @property
    def heartbeat_code(self) -> str:
        """The word the server's device list understands (docs/decisions.md, heartbeat)."""
        if self.paper == PaperState.OUT:
            return "paper_out"
        if not self.online:
            return "offline"
        return {
            PaperState.OK: "ok",
            PaperState.NEAR_END: "paper_low",
            PaperState.OUT: "paper_out",
        }.get(self.paper, "unknown")


UNKNOWN_PRINTER = PrinterStatus(online=False, paper=PaperState.UNKNOWN, detail="not checked yet")


class PrintFailed(Exception):
    """The ticket did not come out; `code` is what the server is told (e.g. "paper_out")."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code


class QueueServer(Protocol):
    def issue_ticket(
        self, service_code: str, priority: str | None = None, idempotency_key: str | None = None
    ) -> dict: ...

    def report_printed(
        self, ticket_id: int, ok: bool = True, reason: str | None = None
    ) -> dict: ...


class TicketPrinterPort(Protocol):
    def status(self) -> PrinterStatus: ...

    def print_ticket(self, ticket: dict) -> None:
        """Print one ticket as the server returned it; raise PrintFailed when it did not."""


class Outcome(StrEnum):
    DONE = "done"
    PRINT_FAILED = "print_failed"
    PRINTER_NOT_READY = "printer_not_ready"
    REFUSED = "refused"
    OFFLINE = "offline"
    SERVER_ERROR = "server_error"


@dataclass(frozen=True)
class IssueRequest:
    service_code: str
    priority: str | None
    idempotency_key: str


@dataclass(frozen=True)
class IssueResult:
    outcome: Outcome
    ticket: dict | None = None
    code: str | None = None  # why: a printer fault or the server's refusal code
    message: str = ""  # the server's own sentence, when it refused
    printer: PrinterStatus | None = None


def issue_and_print(
    request: IssueRequest, server: QueueServer, printer: TicketPrinterPort
) -> IssueResult:
    """Never raises: every fault becomes an IssueResult the kiosk has a screen for."""
    status = printer.status()
    if not status.ready:
        code = "paper_out" if status.paper == PaperState.OUT else "offline"
        log.warning("printer not ready (%s, %s): no ticket issued", code, status.detail)
        return IssueResult(Outcome.PRINTER_NOT_READY, code=code, printer=status)
    try:
        ticket = server.issue_ticket(
            request.service_code, request.priority, idempotency_key=request.idempotency_key
        )
    except ServerUnreachable as error:
        log.warning("issue %s: server unreachable: %s", request.service_code, error)
        return IssueResult(Outcome.OFFLINE, code=error.code, printer=status)
    except Refused as error:
        log.warning("issue %s refused: %s %s", request.service_code, error.code, error.message)
        return IssueResult(Outcome.REFUSED, code=error.code, message=error.message, printer=status)
    except ClientError as error:
        log.error("issue %s: server fault: %s", request.service_code, error)
        return IssueResult(Outcome.SERVER_ERROR, code=error.code, printer=status)
    log.info("issued %s (id %s)", ticket.get("number"), ticket.get("id"))
    try:
        printer.print_ticket(ticket)
    except PrintFailed as error:
        log.error("ticket %s did not print: %s (%s)", ticket.get("number"), error.code, error)
        _report(server, ticket, ok=False, reason=error.code)
        return IssueResult(Outcome.PRINT_FAILED, ticket=ticket, code=error.code, printer=status)
    except Exception:  # a printer library bug must still leave the citizen with a number
        log.exception("ticket %s: unexpected printer error", ticket.get("number"))
        _report(server, ticket, ok=False, reason="printer_error")
        return IssueResult(
            Outcome.PRINT_FAILED, ticket=ticket, code="printer_error", printer=status
        )
    _report(server, ticket, ok=True)
    return IssueResult(Outcome.DONE, ticket=ticket, printer=status)


def _report(server: QueueServer, ticket: dict, ok: bool, reason: str | None = None) -> None:
    """Tell the server whether the ticket printed; a failure here is logged, never shown."""
    try:
        server.report_printed(ticket["id"], ok=ok, reason=reason)
    except ClientError as error:
        log.warning("could not report ticket %s printed=%s: %s", ticket.get("number"), ok, error)

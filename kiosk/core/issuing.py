"""One citizen's ticket, start to end: printer state → issue (asked again under the same key
while the server is slow) → print, or show on screen → tell the server.

Blocking; runs on the kiosk's ticket worker thread. The server and the printer come in through
the two small interfaces below, so the whole transaction is testable without Qt or hardware.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from client import ClientError, Refused, ServerUnreachable, Ticket, TicketAbandoned
from printer.heartbeat import heartbeat_word

log = logging.getLogger(__name__)


class PaperState(StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    UNKNOWN = "unknown"


# What kind of printer the kiosk has; only a real one gives the citizen paper.
PRINTER = "printer"  # a receipt printer (usb, serial, network, file)
TEST_PRINTER = "test"  # `dummy`: prints into memory, for tests; no paper comes out
NO_PRINTER = "none"  # a screen-only kiosk: the number is shown, never printed


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    paper: PaperState = PaperState.UNKNOWN
    detail: str = ""
    kind: str = PRINTER
    checked: bool = True  # False until the first status probe

    @property
    def ready(self) -> bool:
        """A ticket may be printed: the printer answers and is not known to be out of paper."""
        return self.kind != NO_PRINTER and self.online and self.paper != PaperState.OUT

    @property
    def screen_reason(self) -> str | None:
        """Why the next number will be shown on screen instead of coming out on paper
        (None: it will be printed, or the printer was not checked yet)."""
        if self.kind == NO_PRINTER:
            return "no_printer"
        if not self.checked:
            return None
        if self.paper == PaperState.OUT:
            return "paper_out"
        if not self.online:
            return "offline"
        if self.kind == TEST_PRINTER:
            return "test_printer"
        return None

    @property
    def heartbeat_code(self) -> str:
        """The word the server's device list understands (docs/decisions.md, heartbeat)."""
        if self.kind == NO_PRINTER:
            return "none"
        return heartbeat_word(self.online, self.paper)


UNKNOWN_PRINTER = PrinterStatus(
    online=False, paper=PaperState.UNKNOWN, detail="not checked yet", checked=False
)
SCREEN_ONLY = PrinterStatus(online=True, paper=PaperState.UNKNOWN, kind=NO_PRINTER)


class PrintFailed(Exception):
    """The ticket did not come out; `code` is what the server is told (e.g. "paper_out")."""

    def __init__(self, code: str, message: str = ""):
        super().__init__(message or code)
        self.code = code


class QueueServer(Protocol):
    def issue_ticket(
        self,
        service_code: str,
        priority: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> Ticket:
        """One attempt, waiting at most `timeout` seconds for the answer."""

    def report_printed(
        self, ticket_id: int, ok: bool = True, reason: str | None = None
    ) -> Ticket: ...

    def check_in_booking(
        self, code: str, idempotency_key: str, timeout: float | None = None
    ) -> Ticket:
        """A booking's check-in: the ticket it issues (one attempt, like `issue_ticket`)."""


class TicketPrinterPort(Protocol):
    def status(self) -> PrinterStatus: ...

    def print_ticket(self, ticket: Ticket, language: str | None = None) -> None:
        """Print one ticket as the server returned it, its texts in `language` (None: the
        printer's setting); raise PrintFailed when it did not print."""


class KioskPrinterPort(TicketPrinterPort, Protocol):
    """The kiosk's printer: tickets, and the technician's test page."""

    def print_test_page(self) -> None:
        """Print the test page; raise PrintFailed when it did not print."""


class Outcome(StrEnum):
    DONE = "done"  # printed: "Silakan ambil tiket Anda"
    ON_SCREEN = "on_screen"  # issued, shown large with its QR; `code` says why not on paper
    PRINT_FAILED = "print_failed"  # issued, the printer failed while printing it
    REFUSED = "refused"
    OFFLINE = "offline"
    SERVER_ERROR = "server_error"


@dataclass(frozen=True)
class IssueRequest:
    service_code: str
    priority: str | None
    idempotency_key: str
    language: str = "id"  # the citizen's language when they tapped: the ticket speaks it
    booking_code: str | None = None  # a booking's check-in instead of a new ticket


@dataclass(frozen=True)
class IssueResult:
    outcome: Outcome
    ticket: Ticket | None = None
    code: str | None = None  # why: a printer fault or the server's refusal code
    message: str = ""  # the server's own sentence, when it refused
    printer: PrinterStatus | None = None
    printed: tuple[bool, str | None] | None = None  # what to tell the server: (ok, reason)


@dataclass(frozen=True)
class Patience:
    """How long the kiosk keeps asking for one ticket before it says anything but "wait".

    A request whose answer does not come within its timeout is asked again under the same
    idempotency key (the server answers a repeat with the same ticket), each attempt allowed
    twice as long as the one before, until `total_seconds` have passed since the tap.
    """

    total_seconds: float = 20.0
    first_timeout: float = 5.0
    pauses: tuple[float, ...] = (0.5, 1.0, 2.0)  # between attempts that failed at once
    min_attempt_seconds: float = 0.5  # less time than this left: no new attempt

    def attempt_timeout(self, attempt: int, remaining: float) -> float:
        return min(self.first_timeout * 2.0**attempt, remaining)

    def pause(self, attempt: int) -> float:
        return self.pauses[min(attempt, len(self.pauses) - 1)]


def ask_for_ticket(
    request: IssueRequest,
    server: QueueServer,
    patience: Patience,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> Ticket:
    """The server's ticket for this attempt, asked again under the same key while the server
    does not answer and patience lasts. Raises the last ServerUnreachable when it runs out;
    refusals and server faults are raised at once (asking again would not change them)."""
    started = clock()
    attempt = 0
    while True:
        remaining = patience.total_seconds - (clock() - started)
        timeout = patience.attempt_timeout(attempt, remaining)
        try:
            if request.booking_code is not None:
                return server.check_in_booking(
                    request.booking_code, request.idempotency_key, timeout=timeout
                )
            return server.issue_ticket(
                request.service_code,
                request.priority,
                idempotency_key=request.idempotency_key,
                timeout=timeout,
            )
        except ServerUnreachable as error:
            pause = patience.pause(attempt)
            left = patience.total_seconds - (clock() - started)
            if left - pause < patience.min_attempt_seconds:
                raise
            log.info(
                "issue %s: no answer (%s); asking again under the same key in %.1fs",
                request.service_code,
                error,
                pause,
            )
            sleep(pause)
            attempt += 1


def issue_and_print(
    request: IssueRequest,
    server: QueueServer,
    printer: TicketPrinterPort,
    patience: Patience | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> IssueResult:
    """Never raises: every fault becomes an IssueResult the kiosk has a screen for.

    A printer that cannot print (out of paper, offline, none, a test printer) does not stop
    the citizen: the ticket is issued and shown on screen with its QR. What the server is to
    be told (`result.printed`) is sent by `report_printed` once the citizen sees the result.
    """
    status = printer.status()
    try:
        ticket = ask_for_ticket(request, server, patience or Patience(), clock, sleep)
    except ServerUnreachable as error:
        log.warning("issue %s: server unreachable: %s", request.service_code, error)
        return IssueResult(Outcome.OFFLINE, code=error.code, printer=status)
    except Refused as error:
        log.warning("issue %s refused: %s %s", request.service_code, error.code, error.message)
        return IssueResult(Outcome.REFUSED, code=error.code, message=error.message, printer=status)
    except ClientError as error:
        log.error("issue %s: server fault: %s", request.service_code, error)
        return IssueResult(Outcome.SERVER_ERROR, code=error.code, printer=status)
    log.info("issued %s (id %s)", ticket.number, ticket.id)
    if not status.ready:
        reason = status.screen_reason or "offline"
        log.warning("ticket %s shown on screen only: %s", ticket.number, reason)
        return _unprinted(Outcome.ON_SCREEN, ticket, reason, status)
    try:
        printer.print_ticket(ticket, request.language)
    except PrintFailed as error:
        log.error("ticket %s did not print: %s (%s)", ticket.number, error.code, error)
        return _unprinted(Outcome.PRINT_FAILED, ticket, error.code, status)
    except Exception:  # a printer library bug must still leave the citizen with a number
        log.exception("ticket %s: unexpected printer error", ticket.number)
        return _unprinted(Outcome.PRINT_FAILED, ticket, "printer_error", status)
    if status.kind == TEST_PRINTER:
        # The test printer took it, but no paper came out: the citizen must see the number.
        return _unprinted(Outcome.ON_SCREEN, ticket, "test_printer", status)
    return IssueResult(Outcome.DONE, ticket=ticket, printer=status, printed=(True, None))


def _unprinted(outcome: Outcome, ticket: Ticket, reason: str, status: PrinterStatus) -> IssueResult:
    return IssueResult(outcome, ticket=ticket, code=reason, printer=status, printed=(False, reason))


def report_printed(server: QueueServer, result: IssueResult) -> None:
    """Tell the server whether the result's ticket printed, after the citizen has seen it
    (a slow server must not hold the number back). A failure is logged, never shown."""
    if result.ticket is None or result.printed is None:
        return
    ok, reason = result.printed
    try:
        server.report_printed(result.ticket.id, ok=ok, reason=reason)
    except ClientError as error:
        number = result.ticket.number
        log.warning("could not report ticket %s printed=%s: %s", number, ok, error)


class Abandoner(Protocol):
    def abandon_ticket(self, idempotency_key: str) -> TicketAbandoned:
        """Tell the server the citizen left without the number asked for under the key."""


class AbandonedKeys:
    """Keys of attempts whose answer never came (OFFLINE) and whose citizen then left without
    "Coba lagi": the server may hold a ticket under each that nobody will ever print. Each is
    sent as an abandon until the server answers it (any outcome), then forgotten. In memory
    only: a kiosk restart loses them (docs/decisions.md, "abandoned attempts")."""

    def __init__(self) -> None:
        self._keys: list[str] = []

    def remember(self, key: str) -> None:
        if key not in self._keys:
            self._keys.append(key)

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def send(self, server: Abandoner) -> list[TicketAbandoned]:
        """Send every remembered key, oldest first; stop at the first that gets no answer
        (the server is away: the next chance is its next answer). Returns the answers."""
        answers: list[TicketAbandoned] = []
        for key in list(self._keys):
            try:
                answer = server.abandon_ticket(key)
            except Refused as error:  # an answer too: asking again would not change it
                log.error("abandon of key %s refused: %s %s", key, error.code, error.message)
            except ClientError as error:
                log.info("abandon of key %s not answered (%s); kept for later", key, error)
                break
            else:
                log.warning("abandoned attempt %s: %s %s", key, answer.outcome, answer.number)
                answers.append(answer)
            self._keys.remove(key)
        return answers

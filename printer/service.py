"""The printer as the kiosk sees it: ask its status, print a ticket, print a test page.

Blocking (a job takes up to the connect + status + write timeouts), so the kiosk calls it from
a worker thread. Each job opens its own connection and closes it: many network printers take
one connection at a time, and a link left open goes stale unnoticed.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Literal, TypeGuard

from config import DEFAULT_LANGUAGE
from config.printer import PrinterSettings
from printer.connection import Connection, open_connection
from printer.errors import PaperOut, PrinterError, PrinterOffline, PrinterTimeout, PrintInterrupted
from printer.heartbeat import heartbeat_word
from printer.layout import render_test_page_bytes, render_ticket_bytes
from printer.profiles import check_profile
from printer.texts import TEXTS
from printer.ticket import TicketPrint

log = logging.getLogger(__name__)

PaperState = Literal["ok", "near_end", "out", "unknown"]

# Real-time status requests (DLE EOT n) and the bits of their one-byte answers.
STATUS_PRINTER = b"\x10\x04\x01"
STATUS_PAPER = b"\x10\x04\x04"
ANSWER_FIXED_MASK, ANSWER_FIXED_BITS = 0x93, 0x12  # bits every valid answer has
OFFLINE_BIT = 0x08
PAPER_NEAR_END_BITS = 0x0C
PAPER_OUT_BITS = 0x60


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said. `online` is None and `paper` "unknown" where it cannot say;
    `problem` is the error code when it could not be reached at all."""

    online: bool | None
    paper: PaperState
    problem: str | None = None

    @property
    def heartbeat(self) -> str:
        """The value for the server's heartbeat: ok, paper_low, paper_out, offline, unknown."""
        return heartbeat_word(self.problem is None and self.online is not False, self.paper)

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        online = {True: "status_online", False: "status_offline", None: "paper_unknown"}
        return TEXTS.get(
            "status_line",
            language,
            online=TEXTS.get(online[self.online], language),
            paper=TEXTS.get(f"paper_{self.paper}", language),
        )


UNKNOWN = PrinterStatus(online=None, paper="unknown")


def decode_status(printer_byte: int | None, paper_byte: int | None) -> PrinterStatus:
    """Turn DLE EOT 1 and DLE EOT 4 answers into a status; a malformed answer says nothing."""

    def valid(answer: int | None) -> TypeGuard[int]:
        return answer is not None and answer & ANSWER_FIXED_MASK == ANSWER_FIXED_BITS

    online = not printer_byte & OFFLINE_BIT if valid(printer_byte) else None
    paper: PaperState = "unknown"
    if valid(paper_byte):
        if paper_byte & PAPER_OUT_BITS:
            paper = "out"
        elif paper_byte & PAPER_NEAR_END_BITS:
            paper = "near_end"
        else:
            paper = "ok"
    return PrinterStatus(online=online, paper=paper)


class TicketPrinter:
    """The kiosk's printer service. Safe to share between threads (one job at a time)."""

    def __init__(self, settings: PrinterSettings):
        self.settings = check_profile(settings)
        self._lock = threading.Lock()
        self.last_job: bytes = b""  # what the last job sent (the demo shows it)

    def _connection(self) -> Connection:
        return open_connection(self.settings)

    def _read_status(self, connection: Connection) -> PrinterStatus:
        if not (connection.can_read and self.settings.status_query):
            return UNKNOWN
        return decode_status(connection.query(STATUS_PRINTER), connection.query(STATUS_PAPER))

    def status(self) -> PrinterStatus:
        """Ask the printer how it is, within connect + status timeouts. Never raises for a
        printer problem: an unreachable printer is a status too (`problem` says why)."""
        with self._lock:
            try:
                with self._connection() as connection:
                    return self._read_status(connection)
            except PrinterError as error:
                log.warning("printer status: %s", error)
                return PrinterStatus(online=False, paper="unknown", problem=error.code)

    def print_ticket(self, ticket: TicketPrint) -> PrinterStatus:
        """Print one ticket; return the status after printing (e.g. paper near end).

        Raises PrinterNotFound, PrinterOffline (PrintInterrupted when the link broke while
        sending), PaperOut or PrinterTimeout; nothing is sent when the check before fails.
        """
        return self.print_bytes(render_ticket_bytes(ticket, self.settings))

    def print_test_page(self) -> PrinterStatus:
        return self.print_bytes(render_test_page_bytes(self.settings))

    def print_bytes(self, data: bytes) -> PrinterStatus:
        with self._lock, self._connection() as connection:
            before = self._read_status(connection)
            if before.paper == "out":
                raise PaperOut(f"{connection.describe()}: paper out")
            if before.online is False:
                raise PrinterOffline(f"{connection.describe()}: the printer reports offline")
            try:
                connection.write(data)
            except PrinterOffline as error:
                raise PrintInterrupted(str(error)) from None
            self.last_job = data
            return self._status_after(connection)

    def _status_after(self, connection: Connection) -> PrinterStatus:
        """Asking again after the job is what notices a link that broke mid-ticket: the
        ticket's bytes may all fit in the kernel's buffer before the peer goes away."""
        try:
            after = self._read_status(connection)
        except PrinterOffline as error:
            raise PrintInterrupted(str(error)) from None
        except PrinterTimeout as error:
            # Printed as far as we can tell; a busy printer may answer late.
            log.warning("no status after printing: %s", error)
            return UNKNOWN
        log.info("printed %s: %s", connection.describe(), after)
        return after

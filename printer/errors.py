"""Printer errors: one base class, a stable `code` per kind, a friendly message per language.

`str(error)` is the technical detail for the log (English, names the device); `message(lang)`
is the sentence a kiosk shows; `code` is what the kiosk and the server's heartbeat decide on.
"""

from __future__ import annotations

from config import DEFAULT_LANGUAGE
from printer.texts import TEXTS


class PrinterError(Exception):
    code = "printer_error"
    text_key = "error_offline"

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail

    def message(self, language: str = DEFAULT_LANGUAGE) -> str:
        return TEXTS.get(self.text_key, language)


class PrinterNotFound(PrinterError):
    """No such device: USB ids not present, device file missing or not allowed, unknown host."""

    code = "not_found"
    text_key = "error_not_found"


class PrinterOffline(PrinterError):
    """The device exists but refuses, reports itself offline, or the link broke."""

    code = "offline"
    text_key = "error_offline"


class PrintInterrupted(PrinterOffline):
    """The link broke while the ticket was being sent: the ticket is probably incomplete."""

    text_key = "error_interrupted"


class PaperOut(PrinterError):
    code = "paper_out"
    text_key = "error_paper_out"


class PrinterTimeout(PrinterError):
    """The printer did not answer within the configured connect, status or write timeout."""

    code = "timeout"
    text_key = "error_timeout"


class InvalidTicket(PrinterError, ValueError):
    """The ticket data cannot make a ticket (empty number, naive time, negative count...)."""

    code = "invalid_ticket"
    text_key = "error_invalid_ticket"

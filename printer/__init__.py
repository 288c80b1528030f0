"""ESC/POS tickets on thermal printers (python-escpos, pyserial, pyusb).

The kiosk uses:
    TicketPrinter(settings).status() / .print_ticket(TicketPrint(...)) / .print_test_page()
    PrinterError and its kinds (PrinterNotFound, PrinterOffline, PaperOut, PrinterTimeout),
    each with a stable `.code` and `.message(language)`.
    render_ticket_bytes(ticket, settings) and draw_ticket_preview(...) for tests and the demo.
Importing this package does not load python-escpos; the names load on first use.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "TicketPrint": "printer.ticket",
    "PRIORITY_GROUPS": "config.priority",  # re-exported; the one home is config.priority
    "PrinterError": "printer.errors",
    "PrinterNotFound": "printer.errors",
    "PrinterOffline": "printer.errors",
    "PrintInterrupted": "printer.errors",
    "PaperOut": "printer.errors",
    "PrinterTimeout": "printer.errors",
    "InvalidTicket": "printer.errors",
    "TicketPrinter": "printer.service",
    "PrinterStatus": "printer.service",
    "render_ticket": "printer.layout",
    "render_ticket_bytes": "printer.layout",
    "render_test_page_bytes": "printer.layout",
    "draw_ticket_preview": "printer.preview",
    "sample_ticket": "printer.sample",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'printer' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)

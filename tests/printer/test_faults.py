"""Faults with real peers: every failure is a typed error, in bounded time."""

from __future__ import annotations

import time

import pytest

from printer.errors import (
    PaperOut,
    PrinterError,
    PrinterNotFound,
    PrinterOffline,
    PrinterTimeout,
    PrintInterrupted,
)
from printer.sample import sample_ticket
from printer.service import TicketPrinter
from tests.printer.conftest import settings
from tests.support.printer_peers import DROP_AFTER_BYTES

MARGIN = 1.0  # seconds of slack over a configured timeout on a slow CI machine


def network(host, port, **values):
    return settings(type="network", host=host, port=port, **values)


def timed(action):
    start = time.monotonic()
    try:
        action()
    except PrinterError as error:
        return error, time.monotonic() - start
    raise AssertionError("expected a PrinterError")


def test_silent_printer_times_out_within_the_status_timeout(silent_printer_peer):
    """A printer that accepts but never answers gives PrinterTimeout after status_timeout."""
    printer = TicketPrinter(
        network(silent_printer_peer.host, silent_printer_peer.port, status_timeout=0.5)
    )
    error, elapsed = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PrinterTimeout) and error.code == "timeout"
    assert 0.5 <= elapsed < 0.5 + MARGIN
    assert silent_printer_peer.ticket_bytes_received() == 0


def test_unanswered_connect_times_out_within_the_connect_timeout(unanswered_printer_address):
    """A connect that never completes gives PrinterTimeout after connect_timeout, not 60 s."""
    printer = TicketPrinter(network(*unanswered_printer_address, connect_timeout=0.5))
    error, elapsed = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PrinterTimeout)
    assert 0.5 <= elapsed < 0.5 + MARGIN
    assert "Printer tidak menjawab" in error.message()


def test_refused_port_is_offline_at_once(refused_printer_port):
    """A port where nothing listens: PrinterOffline immediately, with a friendly message."""
    printer = TicketPrinter(network("127.0.0.1", refused_printer_port))
    error, elapsed = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PrinterOffline) and error.code == "offline"
    assert elapsed < MARGIN
    assert "refused" in str(error)
    assert error.message("en").startswith("The printer is not ready")


def test_paper_out_stops_before_printing(paper_out_printer_peer):
    """A printer reporting paper out: PaperOut, and not one byte of the ticket is sent."""
    printer = TicketPrinter(network(paper_out_printer_peer.host, paper_out_printer_peer.port))
    error, _ = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PaperOut) and error.code == "paper_out"
    assert paper_out_printer_peer.ticket_bytes_received() == 0
    status = printer.status()
    assert (status.online, status.paper, status.heartbeat) == (False, "out", "paper_out")


def test_connection_dropped_mid_ticket_is_reported(dropping_printer_peer):
    """A link reset in the middle of a ticket: PrintInterrupted (code offline), bounded time."""
    printer = TicketPrinter(network(dropping_printer_peer.host, dropping_printer_peer.port))
    error, elapsed = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PrintInterrupted) and error.code == "offline"
    assert elapsed < MARGIN + 2.0
    assert dropping_printer_peer.ticket_bytes_received() >= DROP_AFTER_BYTES
    assert "terputus" in error.message()


def test_status_of_unreachable_printer_is_a_value_not_an_exception(refused_printer_port):
    """status() never raises for a printer problem: it reports offline with the reason."""
    status = TicketPrinter(network("127.0.0.1", refused_printer_port)).status()
    assert (status.online, status.problem, status.heartbeat) == (False, "offline", "offline")


def test_unknown_host_is_not_found():
    """A host name that does not resolve is PrinterNotFound."""
    printer = TicketPrinter(network("printer.invalid", 9100, connect_timeout=1.0))
    error, elapsed = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PrinterNotFound | PrinterTimeout)
    assert elapsed < 1.0 + MARGIN + 4.0  # name lookup is the resolver's, bounded by it


def test_missing_serial_device_is_not_found(tmp_path):
    """A serial device file that does not exist is PrinterNotFound, naming the device."""
    devfile = str(tmp_path / "ttyUSB9")
    error, _ = timed(
        lambda: TicketPrinter(settings(type="serial", devfile=devfile)).print_ticket(
            sample_ticket()
        )
    )
    assert isinstance(error, PrinterNotFound) and devfile in str(error)


def test_missing_device_file_is_not_found(tmp_path):
    """A `file` printer whose folder does not exist (unplugged /dev/usb/lp0) is not found."""
    devfile = str(tmp_path / "usb" / "lp0")
    error, _ = timed(
        lambda: TicketPrinter(settings(type="file", devfile=devfile)).print_ticket(sample_ticket())
    )
    assert isinstance(error, PrinterNotFound) and error.code == "not_found"


def test_absent_usb_printer_is_not_found():
    """USB ids that are not plugged in give PrinterNotFound, not a crash."""
    printer = TicketPrinter(settings(type="usb", idVendor="0x04b8", idProduct="0x0e15"))
    error, elapsed = timed(lambda: printer.print_ticket(sample_ticket()))
    assert isinstance(error, PrinterNotFound) and "04b8:0e15" in str(error)
    assert elapsed < MARGIN


@pytest.mark.parametrize("code", ["not_found", "offline", "paper_out", "timeout"])
def test_every_error_code_has_both_languages(code):
    """Each error kind has a stable code and a message in Indonesian and English."""
    kinds = {k.code: k for k in (PrinterNotFound, PrinterOffline, PaperOut, PrinterTimeout)}
    error = kinds[code]("detail")
    assert error.message("id") != error.message("en")
    assert "petugas" in error.message("id")

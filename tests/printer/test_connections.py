"""Printing over real links: TCP on loopback, a socat pty pair, a device file, the dummy."""

from __future__ import annotations

import pytest

from printer.layout import render_test_page_bytes, render_ticket_bytes
from printer.sample import sample_ticket
from printer.service import STATUS_PAPER, STATUS_PRINTER, PrinterStatus, TicketPrinter
from tests.printer.conftest import settings
from tests.support.printer_peers import PAPER_NEAR_END, PtyPrinterPeer

STATUS_QUERY = STATUS_PRINTER + STATUS_PAPER


def network(peer, **values):
    return settings(type="network", host=peer.host, port=peer.port, **values)


def test_network_printer_receives_exactly_the_ticket(printer_peer):
    """With status checks off, the TCP peer receives exactly the ticket's bytes, nothing more."""
    ticket_settings = network(printer_peer, status_query=False)
    expected = render_ticket_bytes(sample_ticket(), ticket_settings)
    status = TicketPrinter(ticket_settings).print_ticket(sample_ticket())
    assert printer_peer.wait_for_bytes(len(expected)) == expected
    assert status == PrinterStatus(online=None, paper="unknown")


def test_network_printer_status_around_the_ticket(printer_peer):
    """With status checks on: status query, the exact ticket, status query; status is healthy."""
    ticket_settings = network(printer_peer)
    ticket = render_ticket_bytes(sample_ticket("lansia"), ticket_settings)
    status = TicketPrinter(ticket_settings).print_ticket(sample_ticket("lansia"))
    expected = STATUS_QUERY + ticket + STATUS_QUERY
    assert printer_peer.wait_for_bytes(len(expected)) == expected
    assert status == PrinterStatus(online=True, paper="ok")
    assert status.heartbeat == "ok"


def test_network_status_reports_paper_near_end(printer_peer):
    """A printer whose near-end sensor is set reports near_end, which the heartbeat calls
    paper_low; printing still goes ahead."""
    printer_peer.paper_status = PAPER_NEAR_END
    printer = TicketPrinter(network(printer_peer))
    status = printer.status()
    assert status == PrinterStatus(online=True, paper="near_end")
    assert status.heartbeat == "paper_low"
    assert printer.print_ticket(sample_ticket()).paper == "near_end"


def test_serial_printer_over_pty_receives_exactly_the_ticket(serial_printer_peer):
    """A serial printer on a socat pty pair gets the status queries and exactly the ticket."""
    ticket_settings = settings(type="serial", devfile=serial_printer_peer.kiosk_device)
    ticket = render_ticket_bytes(sample_ticket(), ticket_settings)
    status = TicketPrinter(ticket_settings).print_ticket(sample_ticket())
    expected = STATUS_QUERY + ticket + STATUS_QUERY
    assert serial_printer_peer.wait_for_bytes(len(expected)) == expected
    assert status == PrinterStatus(online=True, paper="ok")


def test_serial_printer_that_never_answers_times_out(serial_pty_pair):
    """A serial printer that reads but never answers status: PrinterTimeout within bounds."""
    from printer.errors import PrinterTimeout

    peer = PtyPrinterPeer(*serial_pty_pair, answer=False)
    try:
        printer = TicketPrinter(
            settings(type="serial", devfile=peer.kiosk_device, status_timeout=0.3)
        )
        with pytest.raises(PrinterTimeout):
            printer.print_ticket(sample_ticket())
        assert peer.ticket_bytes_received() == 0  # nothing printed after the failed check
    finally:
        peer.stop()


def test_file_printer_writes_the_ticket(tmp_path):
    """A `file` printer (like /dev/usb/lp0) receives the ticket; its status is unknown."""
    device = tmp_path / "lp0"
    ticket_settings = settings(type="file", devfile=str(device))
    status = TicketPrinter(ticket_settings).print_ticket(sample_ticket())
    assert device.read_bytes() == render_ticket_bytes(sample_ticket(), ticket_settings)
    assert status.paper == "unknown" and status.heartbeat == "unknown"


def test_dummy_printer_keeps_the_last_job():
    """The dummy printer (demo, tests) keeps what it was sent."""
    printer = TicketPrinter(settings(paper_width=58))
    printer.print_test_page()
    assert printer.last_job == render_test_page_bytes(settings(paper_width=58))

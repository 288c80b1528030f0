"""A ticket from a booking's check-in carries a RESERVASI block with its code; others do not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from printer.layout import render_ticket_bytes
from printer.sample import sample_ticket
from tests.printer.conftest import settings
from tests.printer.escpos_decoder import decode


@pytest.mark.parametrize("width", [58, 80])
def test_booking_ticket_is_marked_with_its_code(width):
    ticket = replace(sample_ticket(), booking="K7P4QX")
    decoded = decode(render_ticket_bytes(ticket, settings(paper_width=width)))
    mark = next(line for line in decoded.lines if "RESERVASI" in line.text)
    code = next(line for line in decoded.lines if "K7P 4QX" in line.text)
    assert mark.width >= 2 and code.width >= 2  # large, like the priority block
    assert decoded.qr_codes == [ticket.tracking_url]


def test_walk_in_ticket_has_no_mark_and_english_says_booking():
    assert "RESERVASI" not in decode(render_ticket_bytes(sample_ticket(), settings())).text()
    english = replace(sample_ticket(), booking="K7P4QX", language="en")
    assert "BOOKING" in decode(render_ticket_bytes(english, settings())).text()

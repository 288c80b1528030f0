"""The printer's status as the heartbeat says it: one rule for the printer and the kiosk."""

from __future__ import annotations

import pytest

from kiosk.core import PaperState
from kiosk.core import PrinterStatus as KioskPrinterStatus
from kiosk.core.issuing import NO_PRINTER
from printer.heartbeat import HEARTBEAT_WORDS, heartbeat_word
from printer.service import PrinterStatus


@pytest.mark.parametrize(
    ("online", "paper", "word"),
    [
        (True, "ok", "ok"),
        (True, "near_end", "paper_low"),
        (True, "out", "paper_out"),
        (False, "out", "paper_out"),
        (False, "ok", "offline"),
        (False, "unknown", "offline"),
        (None, "ok", "ok"),
        (None, "unknown", "unknown"),
        (True, "unknown", "unknown"),
    ],
)
def test_heartbeat_word(online, paper, word):
    """Out of paper wins over offline; a printer that cannot say is "unknown"."""
    assert heartbeat_word(online, paper) == word
    assert word in HEARTBEAT_WORDS


@pytest.mark.parametrize("paper", ["ok", "near_end", "out", "unknown"])
@pytest.mark.parametrize(("online", "problem"), [(True, None), (None, None), (None, "offline")])
def test_printer_and_kiosk_say_the_same(paper, online, problem):
    """The printer's status and the kiosk's view of it give the same heartbeat word."""
    status = PrinterStatus(online=online, paper=paper, problem=problem)
    kiosk_view = KioskPrinterStatus(
        online=problem is None and online is not False, paper=PaperState(paper)
    )
    assert status.heartbeat == kiosk_view.heartbeat_code


def test_a_kiosk_without_printer_says_none():
    """`type = "none"` is reported as "none", not as a broken printer."""
    assert KioskPrinterStatus(online=True, kind=NO_PRINTER).heartbeat_code == "none"

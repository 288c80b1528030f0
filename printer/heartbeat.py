"""A printer's status as the server's heartbeat says it (DESIGN.md, `POST /devices/heartbeat`):
the one home of the rule, used by `printer.PrinterStatus.heartbeat` and the kiosk's core.

Imports nothing, so the kiosk's Qt-free core can use it without loading python-escpos.
"""

from __future__ import annotations

# The heartbeat's `printer` values; "none" is a kiosk without a printer, on purpose.
HEARTBEAT_WORDS = ("ok", "paper_low", "paper_out", "offline", "unknown", "none")

_PAPER_WORDS = {"ok": "ok", "near_end": "paper_low", "out": "paper_out"}


def heartbeat_word(online: bool | None, paper: str) -> str:
    """`online` False: the printer did not answer or says it is offline; None: it cannot say.
    `paper` is "ok", "near_end", "out" or "unknown". Out of paper wins over offline: it is
    what a technician must fix first."""
    if paper == "out":
        return "paper_out"
    if online is False:
        return "offline"
    return _PAPER_WORDS.get(paper, "unknown")

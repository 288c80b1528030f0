"""The kiosk without Qt: the flow as a state machine, the issue transaction, the services list."""

from kiosk.core.flow import KioskFlow, KioskState, Screen, Timeouts
from kiosk.core.issuing import (
    NO_PRINTER,
    SCREEN_ONLY,
    TEST_PRINTER,
    AbandonedKeys,
    IssueRequest,
    IssueResult,
    Outcome,
    PaperState,
    Patience,
    PrinterStatus,
    PrintFailed,
    ask_for_ticket,
    issue_and_print,
    report_printed,
)
from kiosk.core.services import Agency, Service, group_by_agency

__all__ = [
    "NO_PRINTER",
    "SCREEN_ONLY",
    "TEST_PRINTER",
    "AbandonedKeys",
    "Agency",
    "IssueRequest",
    "IssueResult",
    "KioskFlow",
    "KioskState",
    "Outcome",
    "PaperState",
    "Patience",
    "PrintFailed",
    "PrinterStatus",
    "Screen",
    "Service",
    "Timeouts",
    "ask_for_ticket",
    "group_by_agency",
    "issue_and_print",
    "report_printed",
]

"""The kiosk without Qt: the flow as a state machine, the issue transaction, the services list."""

from kiosk.core.flow import KioskFlow, KioskState, Screen, Timeouts
from kiosk.core.issuing import (
    PRIORITIES,
    IssueRequest,
    IssueResult,
    Outcome,
    PaperState,
    PrinterStatus,
    PrintFailed,
    issue_and_print,
)
from kiosk.core.services import Agency, Service, group_by_agency

__all__ = [
    "PRIORITIES",
    "Agency",
    "IssueRequest",
    "IssueResult",
    "KioskFlow",
    "KioskState",
    "Outcome",
    "PaperState",
    "PrintFailed",
    "PrinterStatus",
    "Screen",
    "Service",
    "Timeouts",
    "group_by_agency",
    "issue_and_print",
]

"""`GET /services`: what the kiosk shows."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contract.base import Answer, Timestamp

ClosedReason = Literal[
    "disabled", "holiday", "closed_today", "outside_hours", "cutoff_passed", "quota_exhausted"
]


class ServiceStatus(Answer):
    """One service and whether it takes tickets now (`reason`: why not)."""

    code: str
    name: str
    agency: str
    agency_short: str
    open: bool
    reason: ClosedReason | None
    reason_text: str | None
    next_open: Timestamp | None
    waiting: int = Field(ge=0)
    quota_left: int | None = Field(ge=0)
    counters_open: int | None = Field(
        default=None, ge=0, description="Always sent; absent only from servers before 0.1"
    )
    eta_minutes: int | None = Field(ge=0)

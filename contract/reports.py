"""`GET /reports/daily`."""

from __future__ import annotations

from pydantic import Field

from contract.base import Answer, DateText

Count = int


class DailyTotals(Answer):
    issued: int = Field(ge=0)
    served: int = Field(ge=0)
    no_show: int = Field(ge=0)
    cancelled: int = Field(ge=0)
    not_served: int = Field(ge=0)


class DailyRow(DailyTotals):
    """issued + transferred_in = served + no_show + cancelled + not_served + transferred_out."""

    code: str
    name: str
    agency: str
    transferred_in: int = Field(ge=0)
    transferred_out: int = Field(ge=0)
    wait_avg_minutes: float | None
    wait_max_minutes: float | None
    service_avg_minutes: float | None


class DailyReport(Answer):
    date: DateText
    services: list[DailyRow]
    totals: DailyTotals

"""Report figures, computed in this one place: the API's daily report and the report pages.

From the tickets the store returns (`Tx.tickets_of_day`): waiting = issued -> first called,
service = started -> finished (done tickets); issued counts by the number's service, the other
counts by the ticket's current service. The pages add a range of days, the 90th percentile and
the busiest hours, grouped by agency.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable

from server.queue import minutes_between
from server.store import Store

MAX_DAYS = 92  # a quarter: enough for a report, bounded for the server
OPEN_STATUSES = ("waiting", "called", "serving")

CSV_COLUMNS = (
    "level",
    "agency",
    "code",
    "name",
    "issued",
    "served",
    "no_show",
    "cancelled",
    "not_served",
    "wait_avg_minutes",
    "wait_p90_minutes",
    "service_avg_minutes",
    "service_p90_minutes",
)


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: the smallest value that `share` of the values do not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return round(ordered[rank - 1], 1)


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


def figures(issued: Iterable, here: Iterable) -> dict:
    """Counts and times of a group of tickets: `issued` by number, `here` by current service."""
    here = list(here)
    waits = [
        minutes_between(t["issued_at"], t["first_called_at"]) for t in here if t["first_called_at"]
    ]
    serving = [
        minutes_between(t["started_at"], t["finished_at"])
        for t in here
        if t["status"] == "done" and t["started_at"] and t["finished_at"]
    ]
    return {
        "issued": len(list(issued)),
        "served": sum(t["status"] == "done" for t in here),
        "no_show": sum(t["status"] == "no_show" for t in here),
        "cancelled": sum(t["status"] == "cancelled" for t in here),
        "not_served": sum(t["status"] in OPEN_STATUSES for t in here),
        "wait_avg_minutes": _mean(waits),
        "wait_max_minutes": round(max(waits), 1) if waits else None,
        "wait_p90_minutes": percentile(waits, 0.9),
        "service_avg_minutes": _mean(serving),
        "service_p90_minutes": percentile(serving, 0.9),
    }


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def period_report(store: Store, first: dt.date, last: dt.date) -> dict:
    """Per agency and service, per day and per hour of the day, for `first`..`last`."""
    days = days_between(first, last)
    if not days or len(days) > MAX_DAYS:
        raise ValueError(f"a report covers 1 to {MAX_DAYS} days")
    with store.read() as tx:
        services = tx.services()
        tickets = [row for day in days for row in tx.tickets_of_day(day.isoformat())]
    by_number = defaultdict(list)
    by_service = defaultdict(list)
    for ticket in tickets:
        by_number[ticket["number_service_id"]].append(ticket)
        by_service[ticket["service_id"]].append(ticket)

    agencies: dict[str, dict] = {}
    for service in services:
        agency = agencies.setdefault(
            service["agency_name"],
            {"name": service["agency_name"], "services": [], "ids": []},
        )
        agency["ids"].append(service["id"])
        agency["services"].append(
            {
                "code": service["code"],
                "name": service["name"],
                **figures(by_number[service["id"]], by_service[service["id"]]),
            }
        )
    for agency in agencies.values():
        ids = agency.pop("ids")
        agency["totals"] = figures(
            (t for i in ids for t in by_number[i]), (t for i in ids for t in by_service[i])
        )

    hours = Counter(dt.datetime.fromisoformat(t["issued_at"]).hour for t in tickets)
    per_day = {day.isoformat(): {"issued": 0, "served": 0} for day in days}
    for ticket in tickets:
        per_day[ticket["day"]]["issued"] += 1
        per_day[ticket["day"]]["served"] += ticket["status"] == "done"
    return {
        "first": first.isoformat(),
        "last": last.isoformat(),
        "agencies": list(agencies.values()),
        "totals": figures(tickets, tickets),
        "hours": [{"hour": hour, "issued": hours[hour]} for hour in range(24)],
        "busiest": [hour for hour, _ in hours.most_common(3)],
        "days": [{"day": day, **counts} for day, counts in per_day.items()],
    }


def report_csv(report: dict) -> str:
    """One row per service, per agency (subtotal) and for the whole MPP."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()

    def row(level: str, agency: str, code: str, name: str, values: dict) -> None:
        cells = {"level": level, "agency": agency, "code": code, "name": name}
        cells.update({k: values[k] for k in CSV_COLUMNS[4:]})
        writer.writerow({k: "" if v is None else v for k, v in cells.items()})

    for agency in report["agencies"]:
        for service in agency["services"]:
            row("service", agency["name"], service["code"], service["name"], service)
        row("agency", agency["name"], "", "", agency["totals"])
    row("total", "", "", "", report["totals"])
    return buffer.getvalue()

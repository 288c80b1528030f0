"""Report figures, computed in this one place: the API's daily report and the report pages.

From the tickets the store returns (`Tx.tickets_of_day`): waiting = issued -> first called,
service = started -> finished (done tickets); issued counts by the number's service, the other
counts by the ticket's current service, and every transfer counts once as "transferred out" of
the service it left and "transferred in" to the one it went to. So each row adds up:

    issued + transferred_in = served + no_show + cancelled + not_served + transferred_out

and a group of services (an agency, the whole MPP) counts only the transfers that cross its
border (none for the whole MPP, whose issued = served + no_show + cancelled + not_served).
The pages add a range of days, the 90th percentile and the busiest hours, grouped by agency.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from server.queue import minutes_between
from server.store import Store

MAX_DAYS = 92  # a quarter: enough for a report, bounded for the server
OPEN_STATUSES = ("waiting", "called", "serving")


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile: the smallest value that `share` of the values do not exceed."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return round(ordered[rank - 1], 1)


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


# The counts of a row, in the order of its equation (issued + in = the rest).
COUNTS = (
    "issued",
    "transferred_in",
    "served",
    "no_show",
    "cancelled",
    "not_served",
    "transferred_out",
)
CSV_COLUMNS = (  # the period report's CSV (the page's download)
    "level",
    "agency",
    "code",
    "name",
    *COUNTS,
    "wait_avg_minutes",
    "wait_p90_minutes",
    "service_avg_minutes",
    "service_p90_minutes",
)
Move = tuple[int, int]  # a transfer: (service id it left, service id it went to)


def transfer_moves(tickets: Iterable, transfers: Iterable) -> list[Move]:
    """Every transfer of these tickets as (from, to) service ids, each ticket followed from the
    service that numbered it. A ticket whose recorded moves do not end where it is now gets
    one more move there, so the counts always add up."""
    paths = {t["id"]: [t["number_service_id"]] for t in tickets}
    ends = {t["id"]: t["service_id"] for t in tickets}
    for event in transfers:
        if event["ticket_id"] in paths and event["service_id"] is not None:
            paths[event["ticket_id"]].append(event["service_id"])
    moves: list[Move] = []
    for ticket_id, path in paths.items():
        if path[-1] != ends[ticket_id]:
            path.append(ends[ticket_id])
        moves.extend((a, b) for a, b in zip(path, path[1:], strict=False) if a != b)
    return moves


def crossing(moves: Iterable[Move], ids: Collection[int]) -> tuple[int, int]:
    """(transfers into the group of services `ids`, transfers out of it)."""
    moves = list(moves)
    inside = set(ids)
    came_in = sum(b in inside and a not in inside for a, b in moves)
    went_out = sum(a in inside and b not in inside for a, b in moves)
    return came_in, went_out


def figures(
    issued: Iterable, here: Iterable, moves: Iterable[Move] = (), ids: Collection[int] = ()
) -> dict:
    """Counts and times of a group of tickets: `issued` by number, `here` by current service;
    the transfers among `moves` that cross the border of the group of services `ids`."""
    here = list(here)
    waits = [
        minutes_between(t["issued_at"], t["first_called_at"]) for t in here if t["first_called_at"]
    ]
    serving = [
        minutes_between(t["started_at"], t["finished_at"])
        for t in here
        if t["status"] == "done" and t["started_at"] and t["finished_at"]
    ]
    came_in, went_out = crossing(moves, ids)
    return {
        "issued": len(list(issued)),
        "transferred_in": came_in,
        "served": sum(t["status"] == "done" for t in here),
        "no_show": sum(t["status"] == "no_show" for t in here),
        "cancelled": sum(t["status"] == "cancelled" for t in here),
        "not_served": sum(t["status"] in OPEN_STATUSES for t in here),
        "transferred_out": went_out,
        "wait_avg_minutes": _mean(waits),
        "wait_max_minutes": round(max(waits), 1) if waits else None,
        "wait_p90_minutes": percentile(waits, 0.9),
        "service_avg_minutes": _mean(serving),
        "service_p90_minutes": percentile(serving, 0.9),
    }


def adds_up(row: dict) -> bool:
    """issued + transferred_in = served + no_show + cancelled + not_served + transferred_out."""
    left = row["issued"] + row.get("transferred_in", 0)
    right = sum(row[k] for k in ("served", "no_show", "cancelled", "not_served"))
    return left == right + row.get("transferred_out", 0)


DAILY_COLUMNS = (
    "code",
    "name",
    "agency",
    *COUNTS,
    "wait_avg_minutes",
    "wait_max_minutes",
    "service_avg_minutes",
)
DAILY_TOTALS = ("issued", "served", "no_show", "cancelled", "not_served")


def daily_report(store: Store, day: str, site: int | None = None) -> dict:
    """The API's daily report: a row per service, and the MPP's totals (of one site, or of
    every site when `site` is None)."""
    with store.read() as tx:
        services = tx.services(site)
        tickets = tx.tickets_of_day(day, site)
        moves = transfer_moves(tickets, tx.transfers_of_day(day))
    by_number = defaultdict(list)
    by_service = defaultdict(list)
    for ticket in tickets:
        by_number[ticket["number_service_id"]].append(ticket)
        by_service[ticket["service_id"]].append(ticket)
    rows = []
    for service in services:
        counted = figures(
            by_number[service["id"]], by_service[service["id"]], moves, {service["id"]}
        )
        rows.append(
            {
                "code": service["code"],
                "name": service["name"],
                "agency": service["agency_name"],
                **{key: counted[key] for key in DAILY_COLUMNS[3:]},
            }
        )
    totals = figures(tickets, tickets)
    return {"date": day, "services": rows, "totals": {k: totals[k] for k in DAILY_TOTALS}}


def to_csv(columns: tuple[str, ...], rows) -> str:
    """The one CSV form of every report: a header, then each row's `columns` (None empty),
    CRLF line ends (what spreadsheet programs expect)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if row[key] is None else row[key] for key in columns})
    return buffer.getvalue()


def daily_csv(report: dict) -> str:
    """The API's daily report as CSV: one row per service."""
    return to_csv(DAILY_COLUMNS, report["services"])


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def period_report(store: Store, first: dt.date, last: dt.date, site: int | None = None) -> dict:
    """Per agency and service, per day and per hour of the day, for `first`..`last` (of one
    site, or of every site when `site` is None)."""
    days = days_between(first, last)
    if not days or len(days) > MAX_DAYS:
        raise ValueError(f"a report covers 1 to {MAX_DAYS} days")
    with store.read() as tx:
        services = tx.services(site)
        tickets = []
        moves: list[Move] = []
        for day in days:
            of_day = tx.tickets_of_day(day.isoformat(), site)
            tickets.extend(of_day)
            moves.extend(transfer_moves(of_day, tx.transfers_of_day(day.isoformat())))
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
                "site_id": service["site_id"],  # an every-site report names each row's site
                **figures(
                    by_number[service["id"]], by_service[service["id"]], moves, {service["id"]}
                ),
            }
        )
    for agency in agencies.values():
        ids = agency.pop("ids")
        agency["totals"] = figures(
            (t for i in ids for t in by_number[i]),
            (t for i in ids for t in by_service[i]),
            moves,
            ids,
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


def report_csv(report: dict, site_names: dict[int, str] | None = None) -> str:
    """One row per service, per agency (subtotal) and for the whole MPP. With `site_names`
    (a report of several sites) a `site` column names each service's site."""

    def row(level: str, agency: str, code: str, name: str, values: dict) -> dict:
        site = (site_names or {}).get(values.get("site_id", 0), "")
        return {**values, "level": level, "site": site, "agency": agency, "code": code,
                "name": name}  # fmt: skip

    rows = []
    for agency in report["agencies"]:
        for service in agency["services"]:
            rows.append(row("service", agency["name"], service["code"], service["name"], service))
        rows.append(row("agency", agency["name"], "", "", agency["totals"]))
    rows.append(row("total", "", "", "", report["totals"]))
    columns = CSV_COLUMNS if site_names is None else ("level", "site", *CSV_COLUMNS[1:])
    return to_csv(columns, rows)

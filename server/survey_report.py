"""The IKM report of a period: for the whole MPP, per agency and per service (`server.ikm` does
the arithmetic), the served population and its Krejcie-Morgan minimum, the respondents'
profile, the saran, the quick ratings and the trend per month. Used by `GET /reports/ikm`, the
report page, its print page, its CSV and the dashboard."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from server import ikm
from server.store import Store
from server.survey import FACES, PROFILE_CODES, PROFILE_FIELDS

MAX_DAYS = 366
PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})|-Q([1-4])|-S([12]))?$")
MAX_SUGGESTIONS = 500


def period_days(text: str) -> tuple[dt.date, dt.date]:
    """'2026-11' (a month), '2026-Q4' (a quarter), '2026-S2' (a semester), '2026' (a year)."""
    match = PERIOD.match(text)
    if not match:
        raise ValueError(f"not a period: {text!r}")
    year = int(match.group(1))
    month, quarter, semester = match.group(2), match.group(3), match.group(4)
    if month:
        first_month, months = int(month), 1
        if not 1 <= first_month <= 12:
            raise ValueError(f"not a month: {text!r}")
    elif quarter:
        first_month, months = (int(quarter) - 1) * 3 + 1, 3
    elif semester:
        first_month, months = (int(semester) - 1) * 6 + 1, 6
    else:
        first_month, months = 1, 12
    first = dt.date(year, first_month, 1)
    end_month = first_month + months
    after = dt.date(year + (end_month > 12), (end_month - 1) % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def _responses(tx, first: str, last: str) -> list[dict]:
    rows = tx._all(
        "SELECT r.*, s.code AS service_code, s.name AS service_name, a.name AS agency_name"
        " FROM survey_responses r JOIN services s ON s.id = r.service_id"
        " JOIN agencies a ON a.id = s.agency_id"
        " WHERE r.day >= ? AND r.day <= ? ORDER BY r.answered_at",
        (first, last),
    )
    return [{**dict(r), **{u: r[u.lower()] for u in ikm.UNSUR}} for r in rows]


def _served(tx, first: str, last: str) -> dict[int, int]:
    rows = tx._all(
        "SELECT service_id, COUNT(*) AS n FROM tickets"
        " WHERE status = 'done' AND day >= ? AND day <= ? GROUP BY service_id",
        (first, last),
    )
    return {r["service_id"]: r["n"] for r in rows}


def _faces(
    tx, first: str, last: str, service_id: int | None, of_site: set[int] | None = None
) -> dict[int, int]:
    """Quick ratings of one service, else of a site's services (`of_site`), else all."""
    rows = tx._all(
        "SELECT service_id, face FROM quick_ratings WHERE day >= ? AND day <= ?", (first, last)
    )
    counts = Counter(
        r["face"]
        for r in rows
        if service_id in (None, r["service_id"]) and (of_site is None or r["service_id"] in of_site)
    )
    return {face: counts[face] for face in FACES}


def _group(rows: list[dict], population: int) -> dict:
    got = ikm.figures(rows)
    return {
        "respondents": got.respondents,
        "population": population,
        "minimum_respondents": ikm.minimum_sample(population),
        "nrr": {u: (round(v, 3) if v is not None else None) for u, v in got.nrr.items()},
        "nrr_exact": got.nrr,
        "ikm": got.ikm,
        "ikm_0_11": got.ikm_0_11,
        "mutu": got.band.mutu if got.band else None,
        "kinerja": got.band.kinerja if got.band else None,
        "lowest": ikm.lowest(got.nrr),
    }


def ikm_report(
    store: Store,
    first: dt.date,
    last: dt.date,
    service_code: str | None = None,
    site: int | None = None,
) -> dict:
    """The figures of `first`..`last`, optionally of one service only; of one site's services
    (the responses and quick ratings of its tickets), or of every site when `site` is None."""
    if last < first or (last - first).days + 1 > MAX_DAYS:
        raise ValueError(f"a survey report covers 1 to {MAX_DAYS} days")
    a, b = first.isoformat(), last.isoformat()
    with store.read() as tx:
        services = tx.services(site)
        ids = {s["id"] for s in services}
        responses = [r for r in _responses(tx, a, b) if site is None or r["service_id"] in ids]
        served = _served(tx, a, b)
        wanted = [s for s in services if service_code in (None, s["code"])]
        only = wanted[0]["id"] if service_code is not None and wanted else None
        faces = _faces(tx, a, b, only, None if site is None else ids)
    if service_code is not None:
        responses = [r for r in responses if r["service_code"] == service_code]
    by_service = defaultdict(list)
    for row in responses:
        by_service[row["service_id"]].append(row)

    rows: list[dict] = []
    agencies: dict[str, dict] = {}
    for service in wanted:
        group = _group(by_service[service["id"]], served.get(service["id"], 0))
        row = {"code": service["code"], "name": service["name"], **group}
        rows.append(row)
        agency = agencies.setdefault(
            service["agency_name"], {"name": service["agency_name"], "ids": [], "services": []}
        )
        agency["ids"].append(service["id"])
        agency["services"].append(row)
    for agency in agencies.values():
        ids = agency.pop("ids")
        agency.update(
            _group([r for i in ids for r in by_service[i]], sum(served.get(i, 0) for i in ids))
        )
    total = _group(responses, sum(served.get(s["id"], 0) for s in wanted))
    profile = {
        field: {code: sum(r[field] == code for r in responses) for code in PROFILE_CODES[field]}
        | {"none": sum(r[field] is None for r in responses)}
        for field in PROFILE_FIELDS
    }
    suggestions = [
        {"day": r["day"], "service": r["service_name"], "agency": r["agency_name"],
         "text": r["suggestion"]}
        for r in reversed(responses)
        if r["suggestion"]
    ][:MAX_SUGGESTIONS]  # fmt: skip
    return {
        "first": a,
        "last": b,
        "service": service_code,
        **total,
        "services": [r for r in rows if r["respondents"] or r["population"]],
        "agencies": [a for a in agencies.values() if a["respondents"] or a["population"]],
        "profile": profile,
        "suggestions": suggestions,
        "faces": faces,
    }


API_SERVICE_KEYS = ("code", "respondents", "nrr", "ikm", "mutu")
API_KEYS = (
    "respondents", "population", "minimum_respondents", "nrr", "ikm", "ikm_0_11", "mutu",
    "kinerja",
)  # fmt: skip


def api_view(report: dict) -> dict:
    """`GET /reports/ikm`: the fixed keys only; services with at least one respondent."""
    return {
        **{key: report[key] for key in API_KEYS},
        "services": [
            {key: s[key] for key in API_SERVICE_KEYS}
            for s in report["services"]
            if s["respondents"]
        ],
    }


def month_trend(
    store: Store, year: int, service_code: str | None = None, site: int | None = None
) -> list[dict]:
    """The IKM of each month of `year` (None for a month without respondents), of one site
    (None: every site)."""
    with store.read() as tx:
        responses = _responses(tx, f"{year}-01-01", f"{year}-12-31")
        ids = {s["id"] for s in tx.services(site)}
    months = defaultdict(list)
    for row in responses:
        if site is not None and row["service_id"] not in ids:
            continue
        if service_code in (None, row["service_code"]):
            months[int(row["day"][5:7])].append(row)
    trend = []
    for month in range(1, 13):
        got = ikm.figures(months[month])
        trend.append({"month": month, "respondents": got.respondents, "ikm": got.ikm})
    return trend


CSV_COLUMNS = (
    "level", "agency", "code", "name", "respondents", "population", "minimum_respondents",
    *ikm.UNSUR, "ikm", "ikm_0_11", "mutu", "kinerja",
)  # fmt: skip


def csv_rows(report: dict) -> list[dict]:
    """One row per service, per agency and for the whole MPP (the report page's download)."""

    def row(level: str, agency: str, code: str, name: str, group: dict) -> dict:
        values = {key: group[key] for key in CSV_COLUMNS[4:] if key not in ikm.UNSUR}
        return {"level": level, "agency": agency, "code": code, "name": name, **values,
                **group["nrr"]}  # fmt: skip

    rows = []
    for agency in report["agencies"]:
        for service in agency["services"]:
            if service["respondents"] or service["population"]:
                rows.append(row("service", agency["name"], service["code"], service["name"],
                                service))  # fmt: skip
        rows.append(row("agency", agency["name"], "", "", agency))
    rows.append(row("total", "", "", "", report))
    return rows


def today_rating(store: Store, day: dt.date, site: int | None = None) -> dict:
    """The dashboard's line: today's respondents, IKM and quick ratings (of one site)."""
    report = ikm_report(store, day, day, site=site)
    return {
        "respondents": report["respondents"],
        "ikm": report["ikm"],
        "mutu": report["mutu"],
        "kinerja": report["kinerja"],
        "faces": report["faces"],
    }

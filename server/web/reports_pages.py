"""Reports (`/admin/laporan`: a day or a range, tables, charts, CSV) and today's live
dashboard (`/admin/dasbor`)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import Response

from server.reports import MAX_DAYS, period_report, report_csv
from server.web import sites, survey_pages
from server.web.admin_pages import device_rows
from server.web.booking_pages import booking_counts
from server.web.render import language, render, translator
from server.web.session import AdminPage

router = APIRouter()

CHART_HOURS = range(7, 18)  # the hall's usual day; hours outside it are added when used


def _period(request: Request, first: str, last: str) -> tuple[dt.date, dt.date, str]:
    """The chosen days, or today and a sentence saying what was wrong."""
    t = translator(language(request))
    today = request.app.state.clock.today()
    try:
        start = dt.date.fromisoformat(first) if first else today
        end = dt.date.fromisoformat(last) if last else start
    except ValueError:
        return today, today, t("report_bad_date")
    if end < start:
        return today, today, t("report_end_before_start")
    if (end - start).days + 1 > MAX_DAYS:
        return today, today, t("report_too_long", days=MAX_DAYS)
    return start, end, ""


def hour_bars(report: dict, height: int = 120) -> list[dict]:
    """Bars of issued tickets per hour for an SVG chart: x, y, h in the viewBox units."""
    used = [row for row in report["hours"] if row["issued"]]
    hours = sorted(set(CHART_HOURS) | {row["hour"] for row in used})
    counts = {row["hour"]: row["issued"] for row in report["hours"]}
    top = max((counts[h] for h in hours), default=0) or 1
    bars = []
    for index, hour in enumerate(hours):
        bar_height = round(counts[hour] / top * height)
        bars.append(
            {
                "hour": hour,
                "count": counts[hour],
                "x": index * 40 + 4,
                "y": height - bar_height + 20,
                "h": bar_height,
                "busy": hour in report["busiest"],
            }
        )
    return bars


def wait_bars(report: dict, width: int = 300) -> list[dict]:
    """One horizontal bar per service with tickets: average and p90 waiting minutes."""
    rows = [
        {"code": s["code"], "name": s["name"], "avg": s["wait_avg_minutes"],
         "p90": s["wait_p90_minutes"]}
        for agency in report["agencies"]
        for s in agency["services"]
        if s["wait_avg_minutes"] is not None
    ]  # fmt: skip
    top = max((row["p90"] for row in rows), default=0) or 1
    for index, row in enumerate(rows):
        row["y"] = index * 28
        row["avg_w"] = max(2, round(row["avg"] / top * width))
        row["p90_w"] = max(2, round(row["p90"] / top * width))
    return rows


@router.get("/admin/laporan")
def report_page(request: Request, staff: AdminPage, dari: str = "", sampai: str = "") -> Response:
    first, last, error = _period(request, dari[:10], sampai[:10])
    report = period_report(request.app.state.store, first, last, request.state.site)
    today = request.app.state.clock.today()
    presets = {
        "preset_today": (today, today),
        "preset_yesterday": (today - dt.timedelta(days=1), today - dt.timedelta(days=1)),
        "preset_7_days": (today - dt.timedelta(days=6), today),
        "preset_month": (today.replace(day=1), today),
    }
    return render(
        request,
        "laporan.html",
        status=422 if error else 200,
        staff=staff,
        section="reports",
        report=report,
        error=error,
        first=first.isoformat(),
        last=last.isoformat(),
        presets={key: (a.isoformat(), b.isoformat()) for key, (a, b) in presets.items()},
        hour_bars=hour_bars(report),
        wait_bars=wait_bars(report),
        booking_counts=booking_counts(request, report),
    )


@router.get("/admin/laporan.csv")
def report_download(request: Request, staff: AdminPage, dari: str = "", sampai: str = ""):
    first, last, error = _period(request, dari[:10], sampai[:10])
    if error:
        return report_page(request, staff, dari, sampai)
    report = period_report(request.app.state.store, first, last, request.state.site)
    name = f"laporan-{_site_part(request)}{first.isoformat()}"
    name += "" if first == last else f"_{last.isoformat()}"
    return Response(
        "\ufeff" + report_csv(report, _site_column(request)),  # the BOM: spreadsheets read UTF-8
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


def _site_part(request: Request) -> str:
    """'dolopo-' in a file name of one site's report, when the server holds several."""
    rows = sites.site_rows(request)
    chosen = [r["code"] for r in rows if r["id"] == request.state.site]
    return f"{chosen[0]}-" if len(rows) > 1 and chosen else ""


def _site_column(request: Request) -> dict[int, str] | None:
    """The site names for the CSV's site column: only in a report of every site of several."""
    rows = sites.site_rows(request)
    if len(rows) < 2 or request.state.site is not None:
        return None
    return {r["id"]: r["name"] for r in rows}


def hall_now(request: Request) -> dict:
    """The counters and the waiting per service now, of the page's site or of every site
    (each counter with its site; waiting keyed by (site, service code))."""
    queue = request.app.state.services.queue
    shown = request.state.site
    ids = [shown] if shown is not None else [r["id"] for r in sites.site_rows(request)]
    counters, waiting, server_time = [], {}, ""
    for site in ids:
        state = queue.display_state(site)
        counters += [{**c, "site_id": site} for c in state["counters"]]
        waiting.update({(site, w["code"]): w["waiting"] for w in state["waiting"]})
        server_time = state["server_time"]
    return {"counters": counters, "waiting": waiting, "server_time": server_time}


def _dashboard(request: Request) -> dict:
    today = request.app.state.clock.today()
    return {
        "state": hall_now(request),
        "report": period_report(request.app.state.store, today, today, request.state.site),
        "devices": [d for d in device_rows(request) if d["problem"]],
        "skm_today": survey_pages.dashboard_rating(request),
    }


@router.get("/admin/dasbor")
def dashboard(request: Request, staff: AdminPage) -> Response:
    return render(request, "dasbor.html", staff=staff, section="dashboard", **_dashboard(request))


@router.get("/admin/dasbor/panel")
def dashboard_panel(request: Request, staff: AdminPage) -> Response:
    return render(request, "_dasbor_panel.html", staff=staff, **_dashboard(request))

"""The survey's pages: the part of the tracking page that asks (`_survey.html`), the counter's
tablet (`/skm/loket/<counter>`), the admin's wording and tablet links (`/admin/skm`), and the
IKM report (`/admin/laporan/ikm`: charts, CSV, the printable report)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError

from contract import QuickRatingIn, SurveyIn
from server import ikm, survey
from server.errors import ServerError
from server.reports import to_csv
from server.routes.survey import throttled
from server.survey_report import (
    CSV_COLUMNS,
    csv_rows,
    ikm_report,
    month_trend,
    period_days,
    today_rating,
)
from server.texts import message
from server.web import sites
from server.web.render import language, render, translator
from server.web.session import AdminPage, AdminPost, current_staff

router = APIRouter()

TABLET_POLL_SECONDS = 3
THANKS_SECONDS = 8


# ---- the tracking page's part ----
def for_tracking(request: Request, code: str) -> dict | None:
    """What `_survey.html` needs on a tracking page (None: an unknown code, nothing to ask)."""
    if not code:
        return None
    try:
        found = survey.state(request.app.state.store, code, language(request))
    except ServerError:
        return None
    return {
        **found,
        "survey_url": f"/api/v1/survey/{code}",
        "rating_url": f"/api/v1/survey/{code}/rating",
        "profile": survey.PROFILE_CODES,
    }


def titles(lang: str) -> dict[str, str]:
    """The regulation's name of each unsur, in the page's language."""
    return {q["unsur"]: q["title"] for q in survey.questions({}, lang)}


# ---- the counter's tablet ----
def _tablet_refusal(request: Request, counter_id: int, key: str) -> str:
    """Why this browser may not be the tablet of this counter ('' when it may)."""
    staff = current_staff(request)
    if staff is not None and not staff.is_admin:
        return "skm_tablet_not_for_staff"  # an officer's browser (the counter PC) never answers
    if not survey.tablet_key_valid(request.app.state.store, counter_id, key):
        return "skm_tablet_link_bad"
    return ""


def _counter(request: Request, counter_id: int):
    with request.app.state.store.read() as tx:
        return tx.counter(counter_id)


@router.get("/skm/loket/{counter_id}")
def tablet_page(request: Request, counter_id: int, k: str = "") -> Response:
    counter = _counter(request, counter_id)
    name = counter["name"] if counter else None
    refusal = _tablet_refusal(request, counter_id, k) if name else "skm_tablet_link_bad"
    if refusal:
        return render(
            request, "error.html", status=403, message=translator(language(request))(refusal)
        )
    return render(
        request,
        "skm_tablet.html",
        counter=name,
        counter_site=counter["site_id"] if counter else None,
        base=f"/skm/loket/{counter_id}",
        key=k,
        poll_seconds=TABLET_POLL_SECONDS,
        thanks_seconds=THANKS_SECONDS,
        skm={
            "open": True,
            "reason": None,
            "rated": False,
            "questions": survey.questions({}, language(request)),
            "survey_url": "",
            "rating_url": "",
            "profile": survey.PROFILE_CODES,
        },
    )


def _json_error(request: Request, error: ServerError) -> JSONResponse:
    text = message(error.code, language(request), **error.values)
    return JSONResponse(
        {"error": {"code": error.code, "message": text}},
        status_code=error.status,
        headers=error.headers,
    )


def _tablet_ticket(request: Request, counter_id: int, key: str) -> dict | None:
    refusal = _tablet_refusal(request, counter_id, key)
    if refusal:
        raise ServerError("forbidden", 403, role="-")
    now = request.app.state.clock.now()
    return survey.last_finished(request.app.state.store, counter_id, now)


@router.get("/skm/loket/{counter_id}/tiket")
def tablet_ticket(request: Request, counter_id: int, k: str = "") -> Response:
    """The ticket the tablet asks about now: {"ticket": {number, service, questions} | null}."""
    try:
        ticket = _tablet_ticket(request, counter_id, k)
    except ServerError as error:
        return _json_error(request, error)
    if ticket is not None:
        with request.app.state.store.read() as tx:
            row = tx.ticket_by_tracking_code(ticket["code"])
            wording = survey.custom_wording(tx, row["service_id"])
        ticket["questions"] = survey.questions(wording, language(request))
        ticket["label"] = translator(language(request))(
            "skm_tablet_for", number=ticket["number"], service=ticket["service"]
        )
    return JSONResponse({"ticket": ticket}, headers={"Cache-Control": "no-store"})


async def _tablet_post(request: Request, counter_id: int, key: str, code: str, model, record):
    try:
        ticket = _tablet_ticket(request, counter_id, key)
        if ticket is None or ticket["code"] != code:
            raise ServerError("ticket_not_found", 404)  # only the ticket just finished here
        try:
            body = model.model_validate_json(await request.body())
        except ValidationError as error:
            raise ServerError("validation_error", 422, detail=str(error.errors()[:3])) from None
        _, at, _ = request.app.state.services.queue.now()
        throttled(request, lambda: record(body, at))
    except ServerError as error:
        return _json_error(request, error)
    return JSONResponse({"ok": True}, status_code=201)


@router.post("/skm/loket/{counter_id}/jawab")
async def tablet_answer(request: Request, counter_id: int, k: str = "", kode: str = ""):
    store = request.app.state.store

    def record(body: SurveyIn, at: str) -> None:
        survey.answer(
            store, kode, body.answers.model_dump(), body.respondent.model_dump(),
            body.suggestion, at, "tablet",
        )  # fmt: skip

    return await _tablet_post(request, counter_id, k, kode, SurveyIn, record)


@router.post("/skm/loket/{counter_id}/nilai")
async def tablet_rating(request: Request, counter_id: int, k: str = "", kode: str = ""):
    store = request.app.state.store

    def record(body: QuickRatingIn, at: str) -> None:
        survey.rate(store, kode, body.face, at, "tablet")

    return await _tablet_post(request, counter_id, k, kode, QuickRatingIn, record)


# ---- the admin's survey page ----
def _admin_context(request: Request, code: str) -> dict:
    store = request.app.state.store
    site = request.state.site
    every_site = site is None and len(sites.site_rows(request)) > 1
    with store.read() as tx:
        # A service's own wording belongs to its site: while every site is shown, only the
        # wording shared by all services is offered (pick a site for a service's own).
        services = [] if every_site else tx.services(site)
        counters = tx.counters(site)
        chosen = next((s for s in services if s["code"] == code), None)
        service_id = chosen["id"] if chosen else survey.ALL_SERVICES
        stored = survey.stored_wording(tx, service_id)
        shared = survey.stored_wording(tx, survey.ALL_SERVICES)
    lang = language(request)
    standard = {q["unsur"]: q["question"] for q in survey.questions({}, lang)}
    defaults = {u: shared.get(u) or standard[u] for u in ikm.UNSUR} if chosen else standard
    base = str(request.base_url).rstrip("/")
    links = [
        {"name": c["name"], "site_id": c["site_id"],
         "url": f"{base}/skm/loket/{c['id']}?k={survey.tablet_key(store, c['id'])}"}
        for c in counters
    ]  # fmt: skip
    return {
        "services": services,
        "chosen": chosen["code"] if chosen else "",
        "stored": stored,
        "defaults": defaults,
        "unsur": ikm.UNSUR,
        "titles": titles(lang),
        "links": links,
    }


@router.get("/admin/skm")
def admin_page(request: Request, staff: AdminPage, layanan: str = "", notice: str = ""):
    t = translator(language(request))
    notices = {"saved": t("skm_saved"), "renewed": t("skm_links_renewed")}
    return render(
        request,
        "admin_skm.html",
        staff=staff,
        section="survey",
        notice=notices.get(notice, ""),
        **_admin_context(request, layanan[:8]),
    )


@router.post("/admin/skm")
def admin_save(request: Request, posted: AdminPost) -> Response:
    code = str(posted.form.get("layanan", ""))[:8]
    store = request.app.state.store
    with store.write() as tx:
        service = tx.service_by_code(code, request.state.site or 1) if code else None
        service_id = service["id"] if service else survey.ALL_SERVICES
        survey.set_wording(tx, service_id, {u: str(posted.form.get(u, "")) for u in ikm.UNSUR})
    chosen = f"layanan={service['code']}&" if service else ""
    return RedirectResponse(f"/admin/skm?{chosen}notice=saved", status_code=303)


@router.post("/admin/skm/tautan-baru")
def admin_renew(request: Request, posted: AdminPost) -> Response:
    survey.renew_tablet_secret(request.app.state.store)
    return RedirectResponse("/admin/skm?notice=renewed", status_code=303)


# ---- the IKM report ----
def period_options(today: dt.date, lang: str) -> list[dict]:
    """The periods to choose from: this year and the last, by year, semester, quarter, month."""
    t = translator(lang)
    groups = []
    for year in (today.year, today.year - 1):
        options = [{"value": str(year), "label": t("skm_period_year", year=year)}]
        options += [
            {"value": f"{year}-S{n}", "label": t("skm_period_semester", n=n, year=year)}
            for n in (1, 2)
        ]
        options += [
            {"value": f"{year}-Q{n}", "label": t("skm_period_quarter", n=n, year=year)}
            for n in (1, 2, 3, 4)
        ]
        options += [
            {"value": f"{year}-{m:02d}",
             "label": format_date(dt.date(year, m, 1), "MMMM y", locale=lang)}
            for m in range(1, 13)
        ]  # fmt: skip
        groups.append({"year": year, "options": options})
    return groups


def _chosen(request: Request, periode: str) -> tuple[str, dt.date, dt.date, str]:
    today = request.app.state.clock.today()
    try:
        first, last = period_days(periode)
        return periode, first, last, ""
    except ValueError:
        error = translator(language(request))("skm_bad_period") if periode else ""
        current = f"{today.year}-{today.month:02d}"
        first, last = period_days(current)
        return current, first, last, error


def nrr_bars(nrr: dict, width: int = 360) -> list[dict]:
    """Horizontal bars of the NRR per unsur on the 1-4 scale (the SVG's units)."""
    bars = []
    for index, unsur in enumerate(ikm.UNSUR):
        value = nrr.get(unsur)
        share = ((value - 1) / 3) if value is not None else 0
        bars.append(
            {"unsur": unsur, "value": value, "y": index * 30, "w": max(2, round(share * width))}
        )
    return bars


def trend_bars(trend: list[dict], height: int = 120) -> list[dict]:
    """A bar per month: the IKM on its 25-100 scale (no bar for a month without answers)."""
    bars = []
    for index, month in enumerate(trend):
        value = month["ikm"]
        h = round((value - 25) / 75 * height) if value is not None else 0
        bars.append({**month, "x": index * 44 + 6, "y": height - h + 20, "h": h})
    return bars


def agency_bars(agencies: list[dict], width: int = 300) -> list[dict]:
    rows = [a for a in agencies if a["ikm"] is not None]
    return [
        {"name": a["name"], "ikm": a["ikm"], "mutu": a["mutu"], "y": i * 30,
         "w": max(2, round((a["ikm"] - 25) / 75 * width))}
        for i, a in enumerate(rows)
    ]  # fmt: skip


def _report_context(request: Request, periode: str, layanan: str) -> dict:
    store = request.app.state.store
    chosen, first, last, error = _chosen(request, periode[:7])
    site = request.state.site
    with store.read() as tx:
        services = tx.services(site)
    code = layanan if any(s["code"] == layanan for s in services) else None
    seen = [s["code"] for s in services]
    report = ikm_report(store, first, last, code, site)
    trend = month_trend(store, last.year, code, site)
    lang = language(request)
    return {
        "report": report,
        "period": chosen,
        "periods": period_options(request.app.state.clock.today(), lang),
        # Every site shown: one choice per code (a code's services of every site together).
        "services": [s for n, s in enumerate(services) if s["code"] not in seen[:n]],
        "service": code or "",
        "service_name": next(
            (f"{s['code']} {s['name']}" for s in services if s["code"] == code), ""
        ),
        "error": error,
        "bands": ikm.BANDS,
        "unsur": ikm.UNSUR,
        "titles": titles(lang),
        "nrr_bars": nrr_bars(report["nrr_exact"]),
        "trend": trend_bars(trend),
        "trend_year": last.year,
        "agency_bars": agency_bars(report["agencies"]),
        "months": [format_date(dt.date(2000, m, 1), "MMM", locale=lang) for m in range(1, 13)],
        "sums": _sums(report),
        "unsur_mutu": {
            u: ikm.band(v * ikm.KONVERSI).mutu if (v := report["nrr_exact"][u]) else "–"
            for u in ikm.UNSUR
        },
        "too_few": report["respondents"] < report["minimum_respondents"],
    }


def _sums(report: dict) -> dict:
    """Jumlah nilai per unsur (NRR x respondents) for the printed table."""
    return {
        u: round(v * report["respondents"]) if (v := report["nrr_exact"][u]) is not None else None
        for u in ikm.UNSUR
    }


@router.get("/admin/laporan/ikm")
def report_page(request: Request, staff: AdminPage, periode: str = "", layanan: str = ""):
    context = _report_context(request, periode, layanan[:8])
    status = 422 if context["error"] else 200
    return render(
        request, "skm_report.html", status=status, staff=staff, section="reports", **context
    )


@router.get("/admin/laporan/ikm.csv")
def report_csv(request: Request, staff: AdminPage, periode: str = "", layanan: str = ""):
    context = _report_context(request, periode, layanan[:8])
    name = f"ikm-{context['period']}" + (f"-{context['service']}" if context["service"] else "")
    return Response(
        "\ufeff" + to_csv(CSV_COLUMNS, csv_rows(context["report"])),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@router.get("/admin/laporan/ikm/cetak")
def report_print(request: Request, staff: AdminPage, periode: str = "", layanan: str = ""):
    context = _report_context(request, periode, layanan[:8])
    lang = language(request)
    now = request.app.state.clock.now()
    report = context["report"]
    return render(
        request,
        "skm_print.html",
        staff=staff,
        made=format_date(now.date(), "d MMMM y", locale=lang),
        first_text=format_date(dt.date.fromisoformat(report["first"]), "d MMMM y", locale=lang),
        last_text=format_date(dt.date.fromisoformat(report["last"]), "d MMMM y", locale=lang),
        **context,
    )


def dashboard_rating(request: Request) -> dict:
    """Today's line on the live dashboard."""
    return today_rating(
        request.app.state.store, request.app.state.clock.today(), request.state.site
    )

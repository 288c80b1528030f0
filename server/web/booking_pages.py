"""The citizen's booking page (`/reservasi`): agency → service → day → slot → code and QR;
a booking's own page by its code (status, cancel, the tracking page once checked in).

Public, no account, no script needed: each step is a plain page with links, the booking a
form post. Every rule stays in `server.booking`; this module only shows what it answers.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

import qrcode
import qrcode.image.svg
from babel.dates import format_date
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from config.booking import grouped, normalize_code
from server import booking_store as bs
from server.booking import Bookings
from server.errors import ServerError
from server.web import sites
from server.web.render import error_text, language, render, translator
from server.web.session import AdminPage, AdminPost, PageRefused, StaffPost, _same_origin, read_form

router = APIRouter()


def _bookings(request: Request) -> Bookings:
    return request.app.state.bookings


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def day_text(day: dt.date | str, lang: str) -> str:
    """'Senin, 30 November 2026' (Babel; Indonesian for a locale it lacks)."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    try:
        return format_date(day, "EEEE, d MMMM y", locale=lang)
    except ValueError:
        return format_date(day, "EEEE, d MMMM y", locale="id")


def clock(hhmm: str, lang: str) -> str:
    """'10:30' -> '10.30' as the hall writes it (English keeps the colon)."""
    return hhmm if lang == "en" else hhmm.replace(":", ".")


def qr_svg(url: str) -> Markup:
    """The booking page's address as an inline SVG QR (server-rendered, no script, prints)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    svg = image.to_string(encoding="unicode")
    svg = svg[svg.index("<svg") :]
    return Markup(svg.replace("<svg ", '<svg role="img" aria-hidden="true" class="qr" ', 1))


def booking_url(request: Request, code: str) -> str:
    return f"{request.app.state.settings.site.public_url}/reservasi/kode/{code}"


def _agencies(services: list[dict]) -> list[dict]:
    agencies: dict[str, dict] = {}
    for service in services:
        agency = agencies.setdefault(
            service["agency"], {"name": service["agency"], "short": service["agency_short"]}
        )
        agency.setdefault("services", []).append(service)
    return list(agencies.values())


def public_site(request: Request, code: str) -> dict | None:
    """The site a citizen chose by its code (`?site=`); the only one of a single-site hall;
    None while a hall of several sites has none chosen (or an unknown code)."""
    rows = sites.site_rows(request)
    if len(rows) == 1:
        return rows[0]
    return next((row for row in rows if row["code"] == code), None)


def _address(site: dict | None, many: bool):
    """`q(agency=…)` -> '/reservasi?site=dolopo&agency=…': each step's link keeps the site
    (named only when there are several)."""

    def q(**params: str) -> str:
        chosen = {"site": site["code"]} if many and site else {}
        query = urlencode(
            {**chosen, **{k: v for k, v in params.items() if v}}, safe="/", quote_via=quote
        )
        return "/reservasi" + (f"?{query}" if query else "")

    return q


@router.get("/reservasi")
def booking_page(
    request: Request,
    agency: str = "",
    service: str = "",
    date: str = "",
    error: str = "",
    site: str = "",
    lokasi: str = "",
) -> Response:
    """One step per page: (the site, when there are several), the agencies, an agency's
    services, a service's days, a day's slots. A wrong value in the address goes back one
    step rather than failing."""
    lang = language(request)
    bookings = _bookings(request)
    many = len(sites.site_rows(request)) > 1
    place = public_site(request, (site or lokasi)[:40])
    services = bookings.bookable_services(place["id"]) if place else []
    chosen = next((s for s in services if s["code"] == service), None)
    context: dict = {
        "step": "agency" if place else "site",
        "site": place,
        "q": _address(place, many),
        "agencies": _agencies(services),
        "agency": None,
        "service": chosen,
        "days": [],
        "day": None,
        "slots": [],
        "error": error,
        "ask_nik": bookings.settings.ask_nik,
        "day_text": lambda d: day_text(d, lang),
        "clock_hhmm": lambda hhmm: clock(hhmm, lang),
        "quote": quote,
    }
    if chosen is None and agency:
        context["agency"] = next((a for a in context["agencies"] if a["name"] == agency), None)
        if context["agency"] is not None:
            context["step"] = "service"
    if chosen is not None and place is not None:
        context["agency"] = next(a for a in context["agencies"] if a["name"] == chosen["agency"])
        context["step"] = "day"
        context["days"] = bookings.days(chosen["code"], place["id"])
        try:
            day = dt.date.fromisoformat(date) if date else None
        except ValueError:
            day = None
        if day is not None:
            try:
                context["slots"] = bookings.slots(chosen["code"], day, place["id"])
                context["day"] = day
                context["step"] = "slot"
            except ServerError as refusal:
                context["error"] = error_text(refusal, lang)
    return render(request, "reservasi.html", **context)


@router.post("/reservasi")
async def make_booking(request: Request) -> Response:
    if not _same_origin(request):  # no session: the origin is the check against other sites
        raise PageRefused(403, "csrf_refused")
    form = await read_form(request)
    service = str(form.get("service", ""))[:8]
    date = str(form.get("date", ""))[:10]
    start = str(form.get("start", ""))[:5]
    nik = str(form.get("nik", "")).strip()[:32] or None
    code = str(form.get("site", ""))[:40]
    lang = language(request)
    run = request.app.state.services.run  # the store's one thread, like the API
    place = await run(public_site, request, code)
    if place is None:
        return await run(booking_page, request)  # no site chosen: the first step
    book = _bookings(request).book
    try:
        day = dt.date.fromisoformat(date)
        booking = await run(book, service, day, start, _client(request), nik, place["id"])
    except ValueError:
        return await run(booking_page, request, "", service, "", "", code)
    except ServerError as refusal:
        message = error_text(refusal, lang)
        return await run(booking_page, request, "", service, date, message, code)
    return RedirectResponse(f"/reservasi/kode/{booking['code']}?baru=1", status_code=303)


@router.get("/reservasi/kode")
def find_booking(request: Request, code: str = "") -> Response:
    """The "I have a code" form: to the booking's own page."""
    normal = normalize_code(code[:32])
    if normal is None:
        refusal = ServerError("booking_not_found", 404)
        return booking_page(request, error=error_text(refusal, language(request)))
    return RedirectResponse(f"/reservasi/kode/{normal}", status_code=303)


def _booking_or_404(request: Request, code: str) -> dict:
    try:
        return _bookings(request).get(code[:32], _client(request))
    except ServerError as refusal:
        raise PageRefused(refusal.status, error=refusal) from None


@router.get("/reservasi/kode/{code}")
def booking_status(request: Request, code: str, baru: str = "", batal: str = "") -> Response:
    booking = _booking_or_404(request, code)
    lang = language(request)
    with request.app.state.store.read() as tx:
        site_id = bs.site_of_booking(tx, booking["code"])
    return render(
        request,
        "reservasi_kode.html",
        booking=booking,
        booking_site=site_id,
        grouped=grouped(booking["code"]),
        qr=qr_svg(booking_url(request, booking["code"])),
        new=bool(baru),
        confirm_cancel=batal == "1",
        day_text=lambda d: day_text(d, lang),
        clock_hhmm=lambda hhmm: clock(hhmm, lang),
    )


@router.post("/reservasi/kode/{code}/batal")
def cancel_booking(request: Request, code: str) -> Response:
    if not _same_origin(request):
        raise PageRefused(403, "csrf_refused")
    try:
        _bookings(request).cancel(code[:32], _client(request))
    except ServerError as refusal:
        raise PageRefused(refusal.status, error=refusal) from None
    return RedirectResponse(f"/reservasi/kode/{normalize_code(code) or code}", status_code=303)


# ---- counter staff: check a citizen in (the form under the counter page) ----
@router.post("/loket/{counter_id}/reservasi")
def counter_check_in(request: Request, counter_id: str, posted: StaffPost) -> Response:
    """A citizen shows a booking code at the counter: staff check it in (a normal ticket in
    the booking's place in line), or read why it cannot be."""
    lang = language(request)
    typed = str(posted.form.get("code", ""))[:32]
    ticket, error = None, ""
    try:
        ticket, _ = _bookings(request).check_in(posted.staff.principal, typed, None)
    except ServerError as refusal:
        error = error_text(refusal, lang)
    return render(
        request,
        "loket_reservasi.html",
        status=200 if ticket else 409,
        staff=posted.staff,
        counter_id=counter_id,
        ticket=ticket,
        error=error,
        code=typed,
    )


# ---- the admin: slot settings per service, the day's bookings ----
def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) <= 4 else None


@router.get("/admin/reservasi")
def admin_bookings(
    request: Request, staff: AdminPage, date: str = "", notice: str = ""
) -> Response:
    lang = language(request)
    bookings = _bookings(request)
    try:
        day = dt.date.fromisoformat(date) if date else request.app.state.clock.today()
    except ValueError:
        day = request.app.state.clock.today()
    rows = bookings.day_list(day, request.state.site)
    return render(
        request,
        "admin_reservasi.html",
        staff=staff,
        section="bookings",
        slots=bookings.slot_table(request.state.site),
        rules=bookings.rules,
        ask_nik=bookings.settings.ask_nik,
        bookings=rows,
        day=day,
        day_label=day_text(day, lang),
        notice=notice,
        clock_hhmm=lambda hhmm: clock(hhmm, lang),
        errors={},
    )


@router.post("/admin/reservasi/{code}")
def admin_slot_setting(request: Request, code: str, posted: AdminPost) -> Response:
    lang = language(request)
    minutes = _int_or_none(str(posted.form.get("slot_minutes", "")))
    capacity = _int_or_none(str(posted.form.get("capacity", "")))
    t = translator(lang)
    try:
        if minutes is not None and not 5 <= minutes <= 240:
            raise ServerError("slot_minutes_range", 422)
        if capacity is not None and not 1 <= capacity <= 999:
            raise ServerError("slot_capacity_range", 422)
        # Every site shown: the form names its row's site (`?lokasi=`), else the first.
        _bookings(request).set_slot_setting(code[:8], minutes, capacity, request.state.site or 1)
    except ServerError as refusal:
        notice = error_text(refusal, lang)
    else:
        notice = t("rsv_admin_saved", code=code[:8])
    return RedirectResponse(f"/admin/reservasi?notice={quote(notice)}", status_code=303)


# ---- the report page's booking table ----
def booking_counts(request: Request, report: dict) -> list[dict]:
    """Per service of the report's days: bookings made (not cancelled), check-ins, no-shows
    and cancellations (`Bookings.counts`), in the report's service order."""
    days = [row["day"] for row in report["days"]]
    shown = {s["site_id"] for agency in report["agencies"] for s in agency["services"]}
    counts = {site: _bookings(request).counts(days, site) for site in sorted(shown)}
    rows = []
    for agency in report["agencies"]:
        for service in agency["services"]:
            of_site = counts[service["site_id"]]
            if service["code"] in of_site:
                rows.append(
                    {
                        "code": service["code"],
                        "name": service["name"],
                        "site_id": service["site_id"],
                        **of_site[service["code"]],
                    }
                )
    return rows

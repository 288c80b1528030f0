"""The admin pages (`/admin`): agencies, services, counters, users, devices, settings.

Each form is checked with the same pydantic models as the JSON API (server/routes/admin.py),
then handed to `server.admin.Admin`; what is wrong is said per field, in the page's language.
After a change the browser is sent back to the list (POST-redirect-GET) with a short notice,
except when a device token was made: that page is rendered once and never stored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, TypeAdapter, ValidationError

from config.server import WEEKDAYS, WeekHours, parse_span
from server.errors import ServerError
from server.routes.admin import (
    MAX_HOLIDAYS,
    AgencyIn,
    CounterIn,
    Day,
    DeviceIn,
    ServiceIn,
    ServicePatch,
    SettingsPatch,
    UserIn,
    UserPatch,
)
from server.web.loket import parse_id
from server.web.render import error_text, language, render, translator
from server.web.session import AdminPage, AdminPost, PageRefused
from server.web.texts import KEYS

log = logging.getLogger(__name__)

router = APIRouter()

NOTICES = ("saved", "created", "deleted", "settings_saved")


class FormProblem(Exception):
    """A form that cannot be saved: messages per field ("" = about the whole form)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


def _admin(request: Request):
    return request.app.state.services.admin


def _t(request: Request):
    return translator(language(request))


def _notice(request: Request) -> str:
    key = request.query_params.get("pesan", "")
    return _t(request)(f"notice_{key}") if key in NOTICES else ""


def _back(url: str, notice: str) -> Response:
    return RedirectResponse(f"{url}?pesan={notice}", status_code=303)


def checked(request: Request, model: type[BaseModel], data: dict) -> BaseModel:
    """`data` through the API's model; a FormProblem naming each wrong field otherwise."""
    try:
        return model(**data)
    except ValidationError as error:
        t = _t(request)
        problems = {}
        for item in error.errors():
            field = str(item["loc"][0]) if item["loc"] else ""
            key = f"invalid_{field}"
            problems.setdefault(field, t(key) if key in KEYS else t("invalid_value"))
        raise FormProblem(problems) from None


def saving(request: Request, action: Callable[[], Any]) -> Any:
    """Run an Admin change; its refusal (already exists, in use ...) becomes a form problem."""
    try:
        return action()
    except ServerError as error:
        raise FormProblem({"": error_text(error, language(request))}) from None


def _text(form, name: str, limit: int = 500) -> str:
    value = form.get(name, "")
    return value.strip()[:limit] if isinstance(value, str) else ""


def _password(form) -> str:
    value = form.get("password", "")
    return value if isinstance(value, str) else ""  # never stripped: spaces may be part of it


def _ids(form, name: str) -> list[int]:
    return [int(v) for v in form.getlist(name) if isinstance(v, str) and v.isdigit()][:200]


# ---- overview ----
@router.get("/admin")
def overview(request: Request, staff: AdminPage) -> Response:
    devices = device_rows(request)
    admin = _admin(request)
    return render(
        request,
        "admin_home.html",
        staff=staff,
        section="home",
        counts={
            "agencies": len(admin.agencies()),
            "services": len(admin.services()),
            "counters": len(admin.counters()),
            "users": len(admin.users()),
            "devices": len(devices),
        },
        problems=[d for d in devices if d["problem"]],
    )


# ---- agencies ----
def _agencies_page(request, staff, *, status=200, values=None, errors=None) -> Response:
    return render(
        request,
        "admin_agencies.html",
        status=status,
        staff=staff,
        section="agencies",
        agencies=_admin(request).agencies(),
        services=_admin(request).services(),
        values=values or {"name": "", "short_name": ""},
        errors=errors or {},
        notice=_notice(request),
    )


@router.get("/admin/instansi")
def agencies(request: Request, staff: AdminPage) -> Response:
    return _agencies_page(request, staff)


@router.post("/admin/instansi")
def create_agency(request: Request, posted: AdminPost) -> Response:
    values = {"name": _text(posted.form, "name"), "short_name": _text(posted.form, "short_name")}
    try:
        body = checked(request, AgencyIn, values)
        saving(
            request,
            lambda: _admin(request).create_agency(posted.staff.name, body.name, body.short_name),
        )
    except FormProblem as problem:
        return _agencies_page(
            request, posted.staff, status=422, values=values, errors=problem.errors
        )
    return _back("/admin/instansi", "created")


def _agency(request: Request, agency_id: str) -> dict:
    number = parse_id(agency_id)
    for agency in _admin(request).agencies():
        if agency["id"] == number:
            return agency
    raise PageRefused(404, "page_not_found")


@router.get("/admin/instansi/{agency_id}")
def edit_agency(request: Request, agency_id: str, staff: AdminPage) -> Response:
    agency = _agency(request, agency_id)
    return render(
        request,
        "admin_agency_edit.html",
        staff=staff,
        section="agencies",
        agency=agency,
        values=agency,
        errors={},
    )


@router.post("/admin/instansi/{agency_id}")
def update_agency(request: Request, agency_id: str, posted: AdminPost) -> Response:
    agency = _agency(request, agency_id)
    values = {"name": _text(posted.form, "name"), "short_name": _text(posted.form, "short_name")}
    try:
        checked(request, AgencyIn, values)
        saving(
            request, lambda: _admin(request).update_agency(posted.staff.name, agency["id"], values)
        )
    except FormProblem as problem:
        return render(
            request,
            "admin_agency_edit.html",
            status=422,
            staff=posted.staff,
            section="agencies",
            agency=agency,
            values=values,
            errors=problem.errors,
        )
    return _back("/admin/instansi", "saved")


@router.post("/admin/instansi/{agency_id}/hapus")
def delete_agency(request: Request, agency_id: str, posted: AdminPost) -> Response:
    agency = _agency(request, agency_id)
    try:
        saving(request, lambda: _admin(request).delete_agency(posted.staff.name, agency["id"]))
    except FormProblem as problem:
        return _agencies_page(request, posted.staff, status=409, errors=problem.errors)
    return _back("/admin/instansi", "deleted")


# ---- services ----
def hours_from_form(form, t) -> tuple[dict[str, str] | None, dict[str, str]]:
    """The weekday table from the form's open/close fields; (hours, problems per day)."""
    if form.get("always_open"):
        return None, {}
    hours, problems = {}, {}
    for day in WEEKDAYS:
        opens, closes = _text(form, f"{day}_open", 5), _text(form, f"{day}_close", 5)
        if not opens and not closes:
            continue
        if not opens or not closes:
            problems[day] = t("invalid_hours_pair")
            continue
        try:
            parse_span(f"{opens}-{closes}")
        except ValueError:
            problems[day] = t("invalid_hours_order")
            continue
        hours[day] = f"{opens}-{closes}"
    if not hours and not problems:
        problems["hours"] = t("invalid_hours_none")
    return hours, problems


def _service_values(form) -> dict:
    return {
        "code": _text(form, "code", 8).upper(),
        "name": _text(form, "name"),
        "agency": _text(form, "agency"),
        "daily_quota": _text(form, "daily_quota", 12) or None,
        "enabled": bool(form.get("enabled")),
    }


def _service_form(request, staff, service, values, hours, errors, status=200, form=None):
    """The service form; re-shown after a problem with what was typed (`form`)."""
    rows = []
    for day in WEEKDAYS:
        if form is not None:
            opens, closes = _text(form, f"{day}_open", 5), _text(form, f"{day}_close", 5)
        else:
            opens, _, closes = (hours or {}).get(day, "").partition("-")
        rows.append({"day": day, "open": opens, "close": closes})
    always_open = bool(form.get("always_open")) if form is not None else hours is None
    return render(
        request,
        "admin_service_form.html",
        status=status,
        staff=staff,
        section="services",
        service=service,
        values=values,
        always_open=always_open,
        days=rows,
        agencies=_admin(request).agencies(),
        errors=errors,
        rules=_admin(request).runtime_settings(),
    )


def _service(request: Request, code: str) -> dict:
    for service in _admin(request).services():
        if service["code"] == code:
            return service
    raise PageRefused(404, "page_not_found")


def hours_summary(hours: dict[str, str] | None, t) -> list[str]:
    """'Sen–Kam 08.00–15.00', 'Jum 08.00–11.30': runs of days with the same hours."""
    if hours is None:
        return [t("always_open")]
    runs: list[list] = []
    for day in WEEKDAYS:
        span = hours.get(day)
        if span and runs and runs[-1][2] == span and runs[-1][1] == WEEKDAYS.index(day) - 1:
            runs[-1][1] = WEEKDAYS.index(day)
        elif span:
            runs.append([WEEKDAYS.index(day), WEEKDAYS.index(day), span])
    parts = []
    for first, last, span in runs:
        days = t(f"day_short_{WEEKDAYS[first]}")
        if last > first:
            days += "–" + t(f"day_short_{WEEKDAYS[last]}")
        parts.append(f"{days} {span.replace(':', '.').replace('-', '–')}")
    return parts


def _services_page(request, staff, *, status=200, errors=None) -> Response:
    live = {s["code"]: s for s in request.app.state.services.queue.services(language(request))}
    t = _t(request)
    services = _admin(request).services()
    return render(
        request,
        "admin_services.html",
        status=status,
        staff=staff,
        section="services",
        services=services,
        live=live,
        summaries={s["code"]: hours_summary(s["hours"], t) for s in services},
        rules=_admin(request).runtime_settings(),
        errors=errors or {},
        notice=_notice(request),
    )


@router.get("/admin/layanan")
def services_page(request: Request, staff: AdminPage) -> Response:
    return _services_page(request, staff)


@router.get("/admin/layanan/baru")
def new_service(request: Request, staff: AdminPage) -> Response:
    values = {"code": "", "name": "", "agency": "", "daily_quota": "", "enabled": True}
    return _service_form(request, staff, None, values, {}, {})


@router.post("/admin/layanan/baru")
def create_service(request: Request, posted: AdminPost) -> Response:
    values = _service_values(posted.form)
    hours, errors = hours_from_form(posted.form, _t(request))
    try:
        body = _checked_service(request, ServiceIn, values, hours, errors)
        data = {**body.model_dump(), "hours": hours}
        saving(request, lambda: _admin(request).create_service(posted.staff.name, data))
    except FormProblem as problem:
        return _service_form(
            request, posted.staff, None, values, hours, problem.errors, 422, posted.form
        )
    return _back("/admin/layanan", "created")


def _checked_service(request, model, values, hours, errors) -> BaseModel:
    """Fields through the API's model, hours through WeekHours; all problems at once."""
    data = {k: v for k, v in values.items() if model is ServiceIn or k != "code"}
    try:
        body = checked(request, model, data)
    except FormProblem as problem:
        raise FormProblem({**problem.errors, **errors}) from None
    if errors:
        raise FormProblem(errors)
    if hours is not None:
        checked(request, WeekHours, hours)
    return body


@router.get("/admin/layanan/{code}")
def edit_service(request: Request, code: str, staff: AdminPage) -> Response:
    service = _service(request, code)
    values = {**service, "daily_quota": service["daily_quota"] or ""}
    return _service_form(request, staff, service, values, service["hours"], {})


@router.post("/admin/layanan/{code}")
def update_service(request: Request, code: str, posted: AdminPost) -> Response:
    service = _service(request, code)
    values = {**_service_values(posted.form), "code": service["code"]}
    hours, errors = hours_from_form(posted.form, _t(request))
    try:
        body = _checked_service(request, ServicePatch, values, hours, errors)
        changes = {**body.model_dump(exclude={"hours"}), "hours": hours}
        changes["daily_quota"] = body.daily_quota  # blank = no quota
        saving(
            request,
            lambda: _admin(request).update_service(posted.staff.name, service["code"], changes),
        )
    except FormProblem as problem:
        return _service_form(
            request, posted.staff, service, values, hours, problem.errors, 422, posted.form
        )
    return _back("/admin/layanan", "saved")


@router.post("/admin/layanan/{code}/hapus")
def delete_service(request: Request, code: str, posted: AdminPost) -> Response:
    service = _service(request, code)
    try:
        saving(request, lambda: _admin(request).delete_service(posted.staff.name, service["code"]))
    except FormProblem as problem:
        return _services_page(request, posted.staff, status=409, errors=problem.errors)
    return _back("/admin/layanan", "deleted")


# ---- counters ----
def _counters_page(request, staff, *, status=200, values=None, errors=None) -> Response:
    return render(
        request,
        "admin_counters.html",
        status=status,
        staff=staff,
        section="counters",
        counters=_admin(request).counters(),
        services=_admin(request).services(),
        values=values or {"name": "", "services": []},
        errors=errors or {},
        notice=_notice(request),
    )


def _counter(request: Request, counter_id: str) -> dict:
    number = parse_id(counter_id)
    for counter in _admin(request).counters():
        if counter["id"] == number:
            return counter
    raise PageRefused(404, "page_not_found")


def _counter_values(form) -> dict:
    return {"name": _text(form, "name", 60), "services": form.getlist("services")[:100]}


@router.get("/admin/loket")
def counters_page(request: Request, staff: AdminPage) -> Response:
    return _counters_page(request, staff)


@router.post("/admin/loket")
def create_counter(request: Request, posted: AdminPost) -> Response:
    values = _counter_values(posted.form)
    try:
        body = checked(request, CounterIn, values)
        saving(
            request,
            lambda: _admin(request).create_counter(posted.staff.name, body.name, body.services),
        )
    except FormProblem as problem:
        return _counters_page(
            request, posted.staff, status=422, values=values, errors=problem.errors
        )
    return _back("/admin/loket", "created")


@router.get("/admin/loket/{counter_id}")
def edit_counter(request: Request, counter_id: str, staff: AdminPage) -> Response:
    counter = _counter(request, counter_id)
    return render(
        request,
        "admin_counter_edit.html",
        staff=staff,
        section="counters",
        counter=counter,
        values=counter,
        services=_admin(request).services(),
        errors={},
    )


@router.post("/admin/loket/{counter_id}")
def update_counter(request: Request, counter_id: str, posted: AdminPost) -> Response:
    counter = _counter(request, counter_id)
    values = _counter_values(posted.form)
    try:
        body = checked(request, CounterIn, values)
        changes = {"name": body.name, "services": body.services}
        saving(
            request,
            lambda: _admin(request).update_counter(posted.staff.name, counter["id"], changes),
        )
    except FormProblem as problem:
        return render(
            request,
            "admin_counter_edit.html",
            status=422,
            staff=posted.staff,
            section="counters",
            counter=counter,
            values=values,
            services=_admin(request).services(),
            errors=problem.errors,
        )
    return _back("/admin/loket", "saved")


@router.post("/admin/loket/{counter_id}/hapus")
def delete_counter(request: Request, counter_id: str, posted: AdminPost) -> Response:
    counter = _counter(request, counter_id)
    try:
        saving(request, lambda: _admin(request).delete_counter(posted.staff.name, counter["id"]))
    except FormProblem as problem:
        return _counters_page(request, posted.staff, status=409, errors=problem.errors)
    return _back("/admin/loket", "deleted")


# ---- users ----
def _users_page(request, staff, *, status=200, values=None, errors=None) -> Response:
    return render(
        request,
        "admin_users.html",
        status=status,
        staff=staff,
        section="users",
        users=_admin(request).users(),
        counters=_admin(request).counters(),
        values=values or {"username": "", "role": "operator", "counters": []},
        errors=errors or {},
        notice=_notice(request),
    )


def _user(request: Request, user_id: str) -> dict:
    number = parse_id(user_id)
    for user in _admin(request).users():
        if user["id"] == number:
            return user
    raise PageRefused(404, "page_not_found")


@router.get("/admin/pengguna")
def users_page(request: Request, staff: AdminPage) -> Response:
    return _users_page(request, staff)


@router.post("/admin/pengguna")
def create_user(request: Request, posted: AdminPost) -> Response:
    form = posted.form
    values = {
        "username": _text(form, "username", 60),
        "role": _text(form, "role", 20),
        "counters": _ids(form, "counters"),
    }
    password = _password(form)
    try:
        body = checked(request, UserIn, {**values, "password": password})
        saving(request, lambda: _admin(request).create_user(posted.staff.name, body.model_dump()))
    except FormProblem as problem:
        return _users_page(request, posted.staff, status=422, values=values, errors=problem.errors)
    return _back("/admin/pengguna", "created")


def _user_form(request, staff, user, values, errors, status=200) -> Response:
    return render(
        request,
        "admin_user_edit.html",
        status=status,
        staff=staff,
        section="users",
        user=user,
        values=values,
        counters=_admin(request).counters(),
        errors=errors,
        is_self=user["username"] == staff.name,
    )


@router.get("/admin/pengguna/{user_id}")
def edit_user(request: Request, user_id: str, staff: AdminPage) -> Response:
    user = _user(request, user_id)
    return _user_form(request, staff, user, user, {})


@router.post("/admin/pengguna/{user_id}")
def update_user(request: Request, user_id: str, posted: AdminPost) -> Response:
    user = _user(request, user_id)
    form = posted.form
    is_self = user["username"] == posted.staff.name
    values = {
        **user,
        "role": user["role"] if is_self else _text(form, "role", 20),
        "active": True if is_self else bool(form.get("active")),
        "counters": _ids(form, "counters"),
    }
    changes = {k: values[k] for k in ("role", "active", "counters")}
    password = _password(form)
    if password:
        changes["password"] = password
    try:
        body = checked(request, UserPatch, changes)
        clean = body.model_dump(exclude_unset=True)
        saving(request, lambda: _admin(request).update_user(posted.staff.name, user["id"], clean))
    except FormProblem as problem:
        return _user_form(request, posted.staff, user, values, problem.errors, status=422)
    return _back("/admin/pengguna", "saved")


@router.post("/admin/pengguna/{user_id}/hapus")
def delete_user(request: Request, user_id: str, posted: AdminPost) -> Response:
    user = _user(request, user_id)
    if user["username"] == posted.staff.name:  # nobody locks the MPP out by accident
        return _users_page(
            request, posted.staff, status=409, errors={"": _t(request)("cannot_delete_self")}
        )
    saving(request, lambda: _admin(request).delete_user(posted.staff.name, user["id"]))
    return _back("/admin/pengguna", "deleted")


# ---- devices ----
def device_rows(request: Request) -> list[dict]:
    """Each device with what the manager must notice (the rule: `server.devices`)."""
    return _admin(request).device_health()


def _devices_page(request, staff, *, status=200, values=None, errors=None, token=None):
    return render(
        request,
        "admin_devices.html",
        status=status,
        staff=staff,
        section="devices",
        devices=device_rows(request),
        values=values or {"name": "", "kind": "kiosk"},
        errors=errors or {},
        token=token,
        notice=_notice(request),
    )


def _device(request: Request, device_id: str) -> dict:
    number = parse_id(device_id)
    for device in _admin(request).devices():
        if device["id"] == number:
            return device
    raise PageRefused(404, "page_not_found")


@router.get("/admin/perangkat")
def devices_page(request: Request, staff: AdminPage) -> Response:
    return _devices_page(request, staff)


@router.post("/admin/perangkat")
def create_device(request: Request, posted: AdminPost) -> Response:
    values = {"name": _text(posted.form, "name", 60), "kind": _text(posted.form, "kind", 20)}
    try:
        body = checked(request, DeviceIn, values)
        created = saving(
            request,
            lambda: _admin(request).create_device(posted.staff.name, body.name, body.kind),
        )
    except FormProblem as problem:
        return _devices_page(
            request, posted.staff, status=422, values=values, errors=problem.errors
        )
    log.info("device %s registered by %s", created["name"], posted.staff.name)
    return _devices_page(request, posted.staff, status=201, token=created)


@router.post("/admin/perangkat/{device_id}/token")
def new_device_token(request: Request, device_id: str, posted: AdminPost) -> Response:
    device = _device(request, device_id)
    changed = _admin(request).update_device(posted.staff.name, device["id"], {"new_token": True})
    return _devices_page(request, posted.staff, token=changed)


@router.post("/admin/perangkat/{device_id}/aktif")
def toggle_device(request: Request, device_id: str, posted: AdminPost) -> Response:
    device = _device(request, device_id)
    changes = {"active": not device["active"]}
    _admin(request).update_device(posted.staff.name, device["id"], changes)
    return _back("/admin/perangkat", "saved")


@router.post("/admin/perangkat/{device_id}/hapus")
def delete_device(request: Request, device_id: str, posted: AdminPost) -> Response:
    device = _device(request, device_id)
    _admin(request).delete_device(posted.staff.name, device["id"])
    return _back("/admin/perangkat", "deleted")


# ---- settings ----
DAY = TypeAdapter(Day)  # the API's date rule, used line by line so a wrong line is named


def holiday_lines(text: str, t) -> tuple[list[dt.date], dict[str, str]]:
    """One date per line (blank lines skipped), and the problem naming the first wrong line."""
    days = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            days.append(DAY.validate_python(line))
        except ValidationError:
            return [], {"holidays": t("invalid_holiday_line", n=number, text=line)}
    if len(days) > MAX_HOLIDAYS:
        return [], {"holidays": t("invalid_holidays")}
    return days, {}


def _settings_page(request, staff, values, errors, status=200) -> Response:
    return render(
        request,
        "admin_settings.html",
        status=status,
        staff=staff,
        section="settings",
        values=values,
        errors=errors,
        notice=_notice(request),
        config=request.app.state.settings,
    )


@router.get("/admin/pengaturan")
def settings_page(request: Request, staff: AdminPage) -> Response:
    values = _admin(request).runtime_settings()
    values["holidays"] = "\n".join(values["holidays"])  # the textarea: one date per line
    return _settings_page(request, staff, values, {})


@router.post("/admin/pengaturan")
def update_settings(request: Request, posted: AdminPost) -> Response:
    form = posted.form
    values = {
        "marquee": _text(form, "marquee", 600),
        "priority_streak_limit": _text(form, "priority_streak_limit", 6),
        "no_show_after_calls": _text(form, "no_show_after_calls", 6),
        "cutoff_minutes": _text(form, "cutoff_minutes", 6),
        "holidays": _text(form, "holidays", 12 * (MAX_HOLIDAYS + 1)),
    }
    holidays, problems = holiday_lines(values["holidays"], _t(request))
    try:
        body = checked(request, SettingsPatch, {**values, "holidays": holidays})
        if problems:
            raise FormProblem(problems)
        changes = body.model_dump()
        saving(request, lambda: _admin(request).update_settings(posted.staff.name, changes))
    except FormProblem as problem:
        errors = {**problem.errors, **problems}
        return _settings_page(request, posted.staff, values, errors, status=422)
    return _back("/admin/pengaturan", "settings_saved")

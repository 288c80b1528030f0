"""The admin pages (`/admin`): agencies, services, counters, users, devices, settings.

Each form is checked with the same pydantic models as the JSON API (`contract`),
then handed to `server.admin.Admin`; what is wrong is said per field, in the page's language.
The list, new, edit and delete pages of the five kinds of entry are one flow
(`server.web.crud.Entity`), configured here per entity. After a change the browser is sent
back to the list (POST-redirect-GET) with a short notice, except when a device token was made:
that page is rendered once and never stored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

import qrcode
from fastapi import APIRouter, Request
from fastapi.responses import Response
from markupsafe import Markup
from pydantic import BaseModel, TypeAdapter, ValidationError
from qrcode.image.svg import SvgPathImage

from config.server import WEEKDAYS, WeekHours, parse_span
from contract import (
    AgencyIn,
    CounterIn,
    DeviceIn,
    ServiceIn,
    ServicePatch,
    SettingsPatch,
    UserIn,
    UserPatch,
)
from contract.admin import MAX_HOLIDAYS, Day
from contract.devices import PairingCodeIn
from server import pairing
from server.errors import ServerError
from server.web import sites
from server.web.crud import NOTICES, Entity, FormProblem, back, notice  # noqa: F401
from server.web.render import error_text, language, render, translator
from server.web.session import AdminPage, AdminPost
from server.web.texts import KEYS

log = logging.getLogger(__name__)

router = APIRouter()


def _admin(request: Request):
    """The admin, working on the site the page's staff member sees (`Staff.site`)."""
    return request.app.state.services.admin.at(getattr(request.state, "site", None))


def _t(request: Request):
    return translator(language(request))


Checked = TypeVar("Checked", bound=BaseModel)


def checked(request: Request, model: type[Checked], data: dict) -> Checked:
    """`data` through the API's model; a FormProblem naming each wrong field otherwise."""
    try:
        return model(**data)
    except ValidationError as error:
        t = _t(request)
        problems: dict[str, str] = {}
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
def _create_agency(request, posted, values):
    body = checked(request, AgencyIn, values)
    return saving(
        request,
        lambda: _admin(request).create_agency(posted.staff.name, body.name, body.short_name),
    )


def _update_agency(request, posted, agency, values):
    checked(request, AgencyIn, values)
    saving(request, lambda: _admin(request).update_agency(posted.staff.name, agency["id"], values))


AGENCIES = Entity(
    url="/admin/instansi",
    section="agencies",
    list_template="admin_agencies.html",
    edit_template="admin_agency_edit.html",
    name="agency",
    items=lambda admin: admin.agencies(),
    blank={"name": "", "short_name": ""},
    read=lambda form, agency, staff: {
        "name": _text(form, "name"),
        "short_name": _text(form, "short_name"),
    },
    create=_create_agency,
    update=_update_agency,
    delete=lambda request, posted, agency: saving(
        request, lambda: _admin(request).delete_agency(posted.staff.name, agency["id"])
    ),
    list_context=lambda request: {
        "agencies": _admin(request).agencies(),
        "services": _admin(request).services(),
    },
)


# ---- services ----
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


ServiceBody = TypeVar("ServiceBody", ServiceIn, ServicePatch)


def _checked_service(
    request: Request,
    model: type[ServiceBody],
    values: dict,
    hours: dict[str, str] | None,
    errors: dict[str, str],
) -> ServiceBody:
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


def _services_context(request: Request) -> dict:
    queue = request.app.state.services.queue
    t = _t(request)
    services = _admin(request).services()
    # Keyed by (site, code): with every site shown, two sites may both have an "A".
    live = {
        (site, s["code"]): s
        for site in sorted({s["site_id"] for s in services})
        for s in queue.services(language(request), site)
    }
    return {
        "services": services,
        "live": live,
        "summaries": {(s["site_id"], s["code"]): hours_summary(s["hours"], t) for s in services},
        "rules": _admin(request).runtime_settings(),
    }


def _service_page(request, staff, service, values, errors, status=200, form=None) -> Response:
    hours = service["hours"] if service is not None else {}
    return _service_form(request, staff, service, values, hours, errors, status, form)


def _create_service(request, posted, values):
    hours, errors = hours_from_form(posted.form, _t(request))
    body = _checked_service(request, ServiceIn, values, hours, errors)
    data = {**body.model_dump(), "hours": hours}
    return saving(request, lambda: _admin(request).create_service(posted.staff.name, data))


def _update_service(request, posted, service, values):
    hours, errors = hours_from_form(posted.form, _t(request))
    body = _checked_service(request, ServicePatch, values, hours, errors)
    changes = {**body.model_dump(exclude={"hours"}), "hours": hours}
    changes["daily_quota"] = body.daily_quota  # blank = no quota
    saving(
        request, lambda: _admin(request).update_service(posted.staff.name, service["code"], changes)
    )


SERVICES = Entity(
    url="/admin/layanan",
    section="services",
    list_template="admin_services.html",
    name="service",
    key="code",
    new_page=True,
    items=lambda admin: admin.services(),
    blank={"code": "", "name": "", "agency": "", "daily_quota": "", "enabled": True},
    read=lambda form, service, staff: (
        _service_values(form)
        if service is None
        else {**_service_values(form), "code": service["code"]}
    ),
    create=_create_service,
    update=_update_service,
    delete=lambda request, posted, service: saving(
        request, lambda: _admin(request).delete_service(posted.staff.name, service["code"])
    ),
    list_context=_services_context,
    edit_values=lambda service: {**service, "daily_quota": service["daily_quota"] or ""},
    form_page=_service_page,
)


# ---- counters ----
def _counter_values(form, counter=None, staff=None) -> dict:
    return {"name": _text(form, "name", 60), "services": form.getlist("services")[:100]}


def _create_counter(request, posted, values):
    body = checked(request, CounterIn, values)
    return saving(
        request,
        lambda: _admin(request).create_counter(posted.staff.name, body.name, body.services),
    )


def _update_counter(request, posted, counter, values):
    body = checked(request, CounterIn, values)
    changes = {"name": body.name, "services": body.services}
    saving(
        request, lambda: _admin(request).update_counter(posted.staff.name, counter["id"], changes)
    )


COUNTERS = Entity(
    url="/admin/loket",
    section="counters",
    list_template="admin_counters.html",
    edit_template="admin_counter_edit.html",
    name="counter",
    items=lambda admin: admin.counters(),
    blank={"name": "", "services": []},
    read=_counter_values,
    create=_create_counter,
    update=_update_counter,
    delete=lambda request, posted, counter: saving(
        request, lambda: _admin(request).delete_counter(posted.staff.name, counter["id"])
    ),
    list_context=lambda request: {
        "counters": _admin(request).counters(),
        "services": _admin(request).services(),
    },
    edit_context=lambda request, counter, staff: {"services": _admin(request).services()},
)


# ---- users ----
def _user_values(form, user, staff) -> dict:
    if user is None:
        site = _text(form, "site_id", 8)
        return {
            "username": _text(form, "username", 60),
            "role": _text(form, "role", 20),
            "counters": _ids(form, "counters"),
            "site_id": int(site) if site.isdigit() else None,  # offered while every site shows
        }
    is_self = user["username"] == staff.name  # the pages never lock their own admin out
    return {
        **user,
        "role": user["role"] if is_self else _text(form, "role", 20),
        "active": True if is_self else bool(form.get("active")),
        "counters": _ids(form, "counters"),
    }


def _create_user(request, posted, values):
    fields = {k: v for k, v in values.items() if k != "site_id"}
    body = checked(request, UserIn, {**fields, "password": _password(posted.form)})
    admin = _admin(request)
    every_site = admin.site is None and len(sites.site_rows(request)) > 1
    if every_site and values["site_id"] is None and body.role != "admin":
        raise FormProblem({"site_id": _t(request)("site_needed_for_operator")})
    data = {**body.model_dump(), "site_id": values["site_id"]}
    return saving(request, lambda: admin.create_user(posted.staff.name, data))


def _update_user(request, posted, user, values):
    changes = {k: values[k] for k in ("role", "active", "counters")}
    password = _password(posted.form)
    if password:
        changes["password"] = password
    body = checked(request, UserPatch, changes)
    clean = body.model_dump(exclude_unset=True)
    saving(request, lambda: _admin(request).update_user(posted.staff.name, user["id"], clean))


def _delete_user(request, posted, user):
    if user["username"] == posted.staff.name:  # nobody locks the MPP out by accident
        raise FormProblem({"": _t(request)("cannot_delete_self")})
    saving(request, lambda: _admin(request).delete_user(posted.staff.name, user["id"]))


USERS = Entity(
    url="/admin/pengguna",
    section="users",
    list_template="admin_users.html",
    edit_template="admin_user_edit.html",
    name="user",
    items=lambda admin: admin.users(),
    blank={"username": "", "role": "operator", "counters": [], "site_id": None},
    read=_user_values,
    create=_create_user,
    update=_update_user,
    delete=_delete_user,
    list_context=lambda request: {
        "users": _admin(request).users(),
        "counters": _admin(request).counters(),
    },
    edit_context=lambda request, user, staff: {
        "counters": _admin(request).counters(),
        "is_self": user["username"] == staff.name,
    },
)


# ---- devices ----
def device_rows(request: Request) -> list[dict]:
    """Each device with what the manager must notice (the rule: `server.devices`)."""
    return _admin(request).device_health()


def _create_device(request, posted, values):
    body = checked(request, DeviceIn, values)
    return saving(
        request, lambda: _admin(request).create_device(posted.staff.name, body.name, body.kind)
    )


def _device_created(request, staff, created) -> Response:
    log.info("device %s registered by %s", created["name"], staff.name)
    return DEVICES.list_page(request, staff, status=201, token=created)


class _Devices(Entity):
    """Devices: no edit page; a new token is shown once, on the list page."""

    def list_page(
        self, request, staff, *, status=200, values=None, errors=None, token=None, pairing=None
    ):
        return render(
            request,
            "admin_devices.html",
            status=status,
            staff=staff,
            section="devices",
            devices=device_rows(request),
            values=values or dict(self.blank),
            errors=errors or {},
            token=token,
            pairing=pairing,
            notice=notice(request),
        )


DEVICES = _Devices(
    url="/admin/perangkat",
    section="devices",
    list_template="admin_devices.html",
    name="device",
    items=lambda admin: admin.devices(),
    blank={"name": "", "kind": "kiosk"},
    read=lambda form, device, staff: {
        "name": _text(form, "name", 60),
        "kind": _text(form, "kind", 20),
    },
    create=_create_device,
    delete=lambda request, posted, device: _admin(request).delete_device(
        posted.staff.name, device["id"]
    ),
    created=_device_created,
)

for _entity in (AGENCIES, SERVICES, COUNTERS, USERS, DEVICES):
    _entity.add_routes(router)


@router.post("/admin/perangkat/{device_id}/token")
def new_device_token(request: Request, device_id: str, posted: AdminPost) -> Response:
    device = DEVICES.find(request, device_id)
    changed = _admin(request).update_device(posted.staff.name, device["id"], {"new_token": True})
    return DEVICES.list_page(request, posted.staff, token=changed)


@router.post("/admin/perangkat/{device_id}/aktif")
def toggle_device(request: Request, device_id: str, posted: AdminPost) -> Response:
    device = DEVICES.find(request, device_id)
    changes = {"active": not device["active"]}
    _admin(request).update_device(posted.staff.name, device["id"], changes)
    return back("/admin/perangkat", "saved")


@router.post("/admin/perangkat/pasangkan")
def make_pairing_code(request: Request, posted: AdminPost) -> Response:
    """ "Tambah perangkat": a one-time code (and its QR) for `antrian setup` on the new device,
    shown on this page once, like a token."""
    values = {"name": _text(posted.form, "name", 60), "kind": _text(posted.form, "kind", 20)}
    try:
        body = checked(request, PairingCodeIn, values)
        made = saving(
            request,
            lambda: pairing.create_code(
                _admin(request).queue,
                posted.staff.name,
                body.name,
                body.kind,
                site=request.state.site or 1,
            ),
        )
    except FormProblem as problem:
        return DEVICES.list_page(
            request, posted.staff, status=422, pairing={"errors": problem.errors, **values}
        )
    log.info("pairing code for %s made by %s", made["name"], posted.staff.name)
    # The address devices reach (as on the tickets' QR codes), not the one this browser used:
    # an admin on the server PC itself browses to 127.0.0.1. A hall with two server hosts:
    # every host's address (`[site] server_urls`), the main one first.
    site = request.app.state.settings.site
    server_urls = [str(url).rstrip("/") for url in site.server_urls or [site.public_url]]
    return DEVICES.list_page(
        request, posted.staff, status=201, pairing=pairing_view(made, server_urls)
    )


def pairing_view(made: dict, server_urls: list[str]) -> dict:
    """The code, the setup command it goes into, and that command as a QR (an inline SVG):
    a technician can scan it with a phone instead of copying the code off the screen."""
    servers = " ".join(f"--server {url}" for url in server_urls)
    command = f"sudo antrian setup {made['kind']} {servers} --code {made['code']}"
    image = qrcode.make(command, image_factory=SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    return {**made, "command": command, "qr_svg": Markup(svg)}


@router.post("/admin/perangkat/{device_id}/cabut")
def revoke_device(request: Request, device_id: str, posted: AdminPost) -> Response:
    """ "Cabut": the device's token stops working now; it must pair again."""
    device = DEVICES.find(request, device_id)
    pairing.revoke(_admin(request).queue, device["id"])
    log.info("device %s revoked by %s", device["name"], posted.staff.name)
    return back("/admin/perangkat", "revoked")


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
        notice=notice(request),
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
    return back("/admin/pengaturan", "settings_saved")

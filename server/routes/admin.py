"""The admin's CRUD (agencies, services, counters, users, devices, settings) and reports."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import BaseModel, BeforeValidator, Field

from config.server import MAX_CUTOFF_MINUTES, WeekHours
from server.auth import Principal
from server.deps import ADMIN, MAX_ID, Id, Services, services
from server.errors import ServerError
from server.reports import daily_csv

router = APIRouter()

Svc = Annotated[Services, Depends(services)]
Admin = Annotated[Principal, ADMIN]
Code = Annotated[str, Path(min_length=1, max_length=8)]
Name = Annotated[str, Field(min_length=1, max_length=120)]
CounterIds = Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID)]], Field(max_length=200)]


class AgencyIn(BaseModel):
    name: Name
    short_name: str = Field(default="", max_length=40)


class AgencyPatch(BaseModel):
    name: Name | None = None
    short_name: str | None = Field(default=None, max_length=40)


class ServiceIn(BaseModel):
    code: str = Field(pattern=r"^[A-Z]{1,2}$")
    name: Name
    agency: Name
    daily_quota: int | None = Field(default=None, ge=1, le=9999)
    hours: WeekHours | None = None
    enabled: bool = True


class ServicePatch(BaseModel):
    name: Name | None = None
    agency: Name | None = None
    daily_quota: int | None = Field(default=None, ge=1, le=9999)
    hours: WeekHours | None = None
    enabled: bool | None = None


class CounterIn(BaseModel):
    name: str = Field(min_length=1, max_length=60)
    services: list[Annotated[str, Field(min_length=1, max_length=8)]] = Field(max_length=100)


class CounterPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=60)
    services: list[Annotated[str, Field(min_length=1, max_length=8)]] | None = Field(
        default=None, max_length=100
    )


class UserIn(BaseModel):
    username: str = Field(pattern=r"^[a-z0-9_.-]{3,40}$")
    password: str = Field(min_length=8, max_length=200)
    role: Literal["operator", "admin"]
    counters: CounterIds = Field(default_factory=list)


class UserPatch(BaseModel):
    password: str | None = Field(default=None, min_length=8, max_length=200)
    role: Literal["operator", "admin"] | None = None
    active: bool | None = None
    counters: CounterIds | None = None


class DeviceIn(BaseModel):
    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,60}$")
    kind: Literal["kiosk", "display"]


class DevicePatch(BaseModel):
    name: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.-]{1,60}$")
    active: bool | None = None
    new_token: bool = Field(default=False, description="Issue a new token (shown once)")


def _date_text(value):
    # Only "YYYY-MM-DD" (or a date): pydantic would also read a number as a Unix time.
    if not isinstance(value, dt.date) and not (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        raise ValueError("a date as YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_date_text)]
MAX_HOLIDAYS = 366


class SettingsPatch(BaseModel):
    marquee: str | None = Field(default=None, max_length=500)
    priority_streak_limit: int | None = Field(default=None, ge=1, le=100)
    no_show_after_calls: int | None = Field(default=None, ge=1, le=20)
    cutoff_minutes: int | None = Field(
        default=None,
        ge=0,
        le=MAX_CUTOFF_MINUTES,
        description="No new tickets this long before closing",
    )
    holidays: list[Day] | None = Field(
        default=None,
        max_length=MAX_HOLIDAYS,
        description="Every service is closed on these dates (the whole list is replaced)",
    )


def _changes(body: BaseModel, nullable: tuple[str, ...] = ()) -> dict:
    """Fields the client sent; None is kept only where it means something (e.g. no quota)."""
    data = body.model_dump(exclude_unset=True)
    return {k: v for k, v in data.items() if v is not None or k in nullable}


def _hours(changes: dict) -> dict:
    if "hours" in changes and changes["hours"] is not None:
        changes["hours"] = {k: v for k, v in changes["hours"].items() if v is not None}
    return changes


# ---- agencies ----
@router.get("/admin/agencies")
def list_agencies(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.agencies()


@router.post("/admin/agencies", status_code=201)
def create_agency(body: AgencyIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.create_agency(who.name, body.name, body.short_name)


@router.patch("/admin/agencies/{agency_id}")
def update_agency(agency_id: Id, body: AgencyPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.update_agency(who.name, agency_id, _changes(body))


@router.delete("/admin/agencies/{agency_id}", status_code=204)
def delete_agency(agency_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.delete_agency(who.name, agency_id)
    return Response(status_code=204)


# ---- services ----
@router.get("/admin/services")
def list_services(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.services()


@router.post("/admin/services", status_code=201)
def create_service(body: ServiceIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.create_service(who.name, _hours(body.model_dump()))


@router.patch("/admin/services/{code}")
def update_service(code: Code, body: ServicePatch, svc: Svc, who: Admin) -> dict:
    changes = _hours(_changes(body, nullable=("daily_quota", "hours")))
    return svc.admin.update_service(who.name, code, changes)


@router.delete("/admin/services/{code}", status_code=204)
def delete_service(code: Code, svc: Svc, who: Admin) -> Response:
    svc.admin.delete_service(who.name, code)
    return Response(status_code=204)


# ---- counters ----
@router.get("/admin/counters")
def list_counters(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.counters()


@router.post("/admin/counters", status_code=201)
def create_counter(body: CounterIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.create_counter(who.name, body.name, body.services)


@router.patch("/admin/counters/{counter_id}")
def update_counter(counter_id: Id, body: CounterPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.update_counter(who.name, counter_id, _changes(body))


@router.delete("/admin/counters/{counter_id}", status_code=204)
def delete_counter(counter_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.delete_counter(who.name, counter_id)
    return Response(status_code=204)


# ---- users ----
@router.get("/admin/users")
def list_users(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.users()


@router.post("/admin/users", status_code=201)
def create_user(body: UserIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.create_user(who.name, body.model_dump())


@router.patch("/admin/users/{user_id}")
def update_user(user_id: Id, body: UserPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.update_user(who.name, user_id, _changes(body))


@router.delete("/admin/users/{user_id}", status_code=204)
def delete_user(user_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.delete_user(who.name, user_id)
    return Response(status_code=204)


# ---- devices ----
@router.get("/admin/devices")
def list_devices(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.devices()


@router.post("/admin/devices", status_code=201)
def create_device(body: DeviceIn, svc: Svc, who: Admin) -> dict:
    """Create a device; the answer carries its token, shown this once."""
    return svc.admin.create_device(who.name, body.name, body.kind)


@router.patch("/admin/devices/{device_id}")
def update_device(device_id: Id, body: DevicePatch, svc: Svc, who: Admin) -> dict:
    # {"active": null} / {"name": null} change nothing, as null does in every other PATCH.
    return svc.admin.update_device(who.name, device_id, _changes(body))


@router.delete("/admin/devices/{device_id}", status_code=204)
def delete_device(device_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.delete_device(who.name, device_id)
    return Response(status_code=204)


# ---- settings ----
@router.get("/admin/settings")
def get_settings(svc: Svc, who: Admin) -> dict:
    return svc.admin.runtime_settings()


@router.patch("/admin/settings")
def update_settings(body: SettingsPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.update_settings(who.name, _changes(body))


# ---- reports ----
@router.get("/reports/daily")
def daily_report(
    svc: Svc,
    who: Admin,
    date: Annotated[
        str | None, Query(max_length=10, description="YYYY-MM-DD, default today")
    ] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
):
    if date is None:
        day = svc.queue.clock.today().isoformat()
    else:
        try:
            day = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise ServerError("bad_date", 422, value=date) from None
    report = svc.admin.daily_report(day)
    if format == "csv":
        return Response(
            daily_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="laporan-{day}.csv"'},
        )
    return report

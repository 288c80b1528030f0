"""The admin's CRUD (agencies, services, counters, users, devices, settings) and reports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from pydantic import BaseModel

from contract import (
    Agency,
    AgencyIn,
    AgencyPatch,
    CounterIn,
    CounterPatch,
    CounterRow,
    DailyReport,
    Device,
    DeviceIn,
    DevicePatch,
    ServiceIn,
    ServicePatch,
    ServiceRow,
    Settings,
    SettingsPatch,
    User,
    UserIn,
    UserPatch,
)
from server.auth import Principal
from server.deps import ADMIN, Id, Services, answers, services
from server.errors import ServerError
from server.reports import daily_csv

router = APIRouter()

Svc = Annotated[Services, Depends(services)]
Admin = Annotated[Principal, ADMIN]
Code = Annotated[str, Path(min_length=1, max_length=8)]

AUTH = (401, 403)


def _changes(body: BaseModel, nullable: tuple[str, ...] = ()) -> dict:
    """Fields the client sent; None is kept only where it means something (e.g. no quota)."""
    data = body.model_dump(exclude_unset=True)
    return {k: v for k, v in data.items() if v is not None or k in nullable}


def _hours(changes: dict) -> dict:
    if "hours" in changes and changes["hours"] is not None:
        changes["hours"] = {k: v for k, v in changes["hours"].items() if v is not None}
    return changes


# ---- agencies ----
@router.get("/admin/agencies", **answers(list[Agency], *AUTH))
def list_agencies(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.at(who.site_id).agencies()


@router.post("/admin/agencies", **answers(Agency, *AUTH, 409, status=201))
def create_agency(body: AgencyIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).create_agency(who.name, body.name, body.short_name)


@router.patch("/admin/agencies/{agency_id}", **answers(Agency, *AUTH, 404, 409))
def update_agency(agency_id: Id, body: AgencyPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).update_agency(who.name, agency_id, _changes(body))


@router.delete("/admin/agencies/{agency_id}", **answers(None, *AUTH, 404, 409, status=204))
def delete_agency(agency_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.at(who.site_id).delete_agency(who.name, agency_id)
    return Response(status_code=204)


# ---- services ----
@router.get("/admin/services", **answers(list[ServiceRow], *AUTH))
def list_services(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.at(who.site_id).services()


@router.post("/admin/services", **answers(ServiceRow, *AUTH, 404, 409, status=201))
def create_service(body: ServiceIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).create_service(who.name, _hours(body.model_dump()))


@router.patch("/admin/services/{code}", **answers(ServiceRow, *AUTH, 404, 409))
def update_service(code: Code, body: ServicePatch, svc: Svc, who: Admin) -> dict:
    changes = _hours(_changes(body, nullable=("daily_quota", "hours")))
    return svc.admin.at(who.site_id).update_service(who.name, code, changes)


@router.delete("/admin/services/{code}", **answers(None, *AUTH, 404, 409, status=204))
def delete_service(code: Code, svc: Svc, who: Admin) -> Response:
    svc.admin.at(who.site_id).delete_service(who.name, code)
    return Response(status_code=204)


# ---- counters ----
@router.get("/admin/counters", **answers(list[CounterRow], *AUTH))
def list_counters(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.at(who.site_id).counters()


@router.post("/admin/counters", **answers(CounterRow, *AUTH, 404, 409, status=201))
def create_counter(body: CounterIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).create_counter(who.name, body.name, body.services)


@router.patch("/admin/counters/{counter_id}", **answers(CounterRow, *AUTH, 404, 409))
def update_counter(counter_id: Id, body: CounterPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).update_counter(who.name, counter_id, _changes(body))


@router.delete("/admin/counters/{counter_id}", **answers(None, *AUTH, 404, 409, status=204))
def delete_counter(counter_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.at(who.site_id).delete_counter(who.name, counter_id)
    return Response(status_code=204)


# ---- users ----
@router.get("/admin/users", **answers(list[User], *AUTH))
def list_users(svc: Svc, who: Admin) -> list[dict]:
    return svc.admin.at(who.site_id).users()


@router.post("/admin/users", **answers(User, *AUTH, 404, 409, status=201))
def create_user(body: UserIn, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).create_user(who.name, body.model_dump())


@router.patch("/admin/users/{user_id}", **answers(User, *AUTH, 404, 409))
def update_user(user_id: Id, body: UserPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).update_user(who.name, user_id, _changes(body))


@router.delete("/admin/users/{user_id}", **answers(None, *AUTH, 404, 409, status=204))
def delete_user(user_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.at(who.site_id).delete_user(who.name, user_id)
    return Response(status_code=204)


# ---- devices ----
@router.get("/admin/devices", **answers(list[Device], *AUTH))
def list_devices(svc: Svc, who: Admin) -> list[dict]:
    """Every device with the health verdict the admin pages show (one rule for both)."""
    return svc.admin.at(who.site_id).device_health()


@router.post("/admin/devices", **answers(Device, *AUTH, 409, status=201))
def create_device(body: DeviceIn, svc: Svc, who: Admin) -> dict:
    """Create a device; the answer carries its token, shown this once."""
    return svc.admin.at(who.site_id).create_device(who.name, body.name, body.kind)


@router.patch("/admin/devices/{device_id}", **answers(Device, *AUTH, 404, 409))
def update_device(device_id: Id, body: DevicePatch, svc: Svc, who: Admin) -> dict:
    # {"active": null} / {"name": null} change nothing, as null does in every other PATCH.
    return svc.admin.at(who.site_id).update_device(who.name, device_id, _changes(body))


@router.delete("/admin/devices/{device_id}", **answers(None, *AUTH, 404, 409, status=204))
def delete_device(device_id: Id, svc: Svc, who: Admin) -> Response:
    svc.admin.at(who.site_id).delete_device(who.name, device_id)
    return Response(status_code=204)


# ---- settings ----
@router.get("/admin/settings", **answers(Settings, *AUTH))
def get_settings(svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).runtime_settings()


@router.patch("/admin/settings", **answers(Settings, *AUTH))
def update_settings(body: SettingsPatch, svc: Svc, who: Admin) -> dict:
    return svc.admin.at(who.site_id).update_settings(who.name, _changes(body))


# ---- reports ----
def _site(svc: Services, who: Principal, code: str | None) -> int | None:
    """The site a report is about: the admin's own, or for an admin of every site the one
    named (none: every site). Another site than an admin's own is not found."""
    if code is None:
        return who.site_id
    with svc.queue.store.read() as tx:
        row = tx.site_by_code(code)
    if row is None or not who.of_site(row["id"]):
        raise ServerError("site_not_found", 404, site=code)
    return row["id"]


CSV_ANSWER = {
    "content": {"text/csv": {"schema": {"type": "string"}}},
    "description": "The report (JSON), or with format=csv its rows as CSV",
}


@router.get("/reports/daily", **answers(DailyReport, *AUTH, 404, success=CSV_ANSWER))
def daily_report(
    svc: Svc,
    who: Admin,
    date: Annotated[
        str | None, Query(max_length=10, description="YYYY-MM-DD, default today")
    ] = None,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
    site: Annotated[
        str | None,
        Query(min_length=1, max_length=40, description="A site's code; default the admin's"),
    ] = None,
) -> dict | Response:
    if date is None:
        day = svc.queue.clock.today().isoformat()
    else:
        try:
            day = dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise ServerError("bad_date", 422, value=date) from None
    report = svc.admin.at(_site(svc, who, site)).daily_report(day)
    if format == "csv":
        return Response(
            daily_csv(report),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="laporan-{day}.csv"'},
        )
    return report

"""Pairing a new device with a one-time code, and revoking a device (server/pairing.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from contract import Device
from contract.devices import Paired, PairIn, PairingCode, PairingCodeIn
from server import pairing
from server.auth import Principal
from server.deps import ADMIN, Id, Services, answers, services
from server.errors import not_found

router = APIRouter()

Svc = Annotated[Services, Depends(services)]
Admin = Annotated[Principal, ADMIN]
AUTH = (401, 403)


@router.post("/admin/devices/pairing", **answers(PairingCode, *AUTH, 409, status=201))
def create_pairing_code(body: PairingCodeIn, svc: Svc, who: Admin) -> dict:
    """A one-time code (valid `pairing.CODE_MINUTES`) that pairs the device `name`; a name
    already registered is paired anew (its old token stops working then)."""
    return pairing.create_code(svc.queue, who.name, body.name, body.kind, who.site_id or 1)


@router.post("/devices/pair", **answers(Paired, 404, 409, 422, 429, status=201))
def pair_device(body: PairIn, request: Request, svc: Svc) -> dict:
    """The device's token for a valid code (anyone may ask: the code is the secret). A used
    code is `409 code_used`, an expired one `409 code_expired`; wrong codes are throttled."""
    address = request.client.host if request.client else "?"
    now, _, _ = svc.queue.now()
    attempt = svc.pairing_throttle.begin(None, address, now)  # a wrong code stays counted
    if attempt.wait:
        raise pairing.throttled(attempt.wait)
    paired = pairing.pair(svc.queue, pairing.normalized(body.code))
    svc.pairing_throttle.succeeded(attempt)
    return paired


@router.post("/admin/devices/{device_id}/revoke", **answers(Device, *AUTH, 404))
def revoke_device(device_id: Id, svc: Svc, who: Admin) -> dict:
    """The device's token stops working at once; it shows "Perangkat belum terdaftar" and
    must pair again with a new code."""
    admin = svc.admin.at(who.site_id)
    if not any(d["id"] == device_id for d in admin.devices()):
        raise not_found("device_not_found")  # none such at this admin's site
    pairing.revoke(svc.queue, device_id)
    return next(d for d in admin.device_health() if d["id"] == device_id)

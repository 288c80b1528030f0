"""Anyone: health, the service list, a citizen's tracking page data, staff login."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request

from config.version import version
from contract import Health, LoginAnswer, LoginIn, Me, Ok, ServiceStatus, TrackedTicket
from server.auth import Principal, hash_token
from server.deps import SITE, STAFF, Services, answers, language, log_in, services

router = APIRouter()
__all__ = ["LoginIn", "router"]  # LoginIn (now in contract) stays importable for the pages


@router.get("/health", **answers(Health))
def health(svc: Annotated[Services, Depends(services)]) -> dict:
    now, _, _ = svc.queue.now()
    return {"status": "ok", "version": version(), "time": now.isoformat()}


@router.get("/services", **answers(list[ServiceStatus], 404))
def list_services(
    svc: Annotated[Services, Depends(services)],
    lang: Annotated[str, Depends(language)],
    site: Annotated[int, SITE],
) -> list[dict]:
    """The services of one site: a kiosk's own (by its token), or `?site=CODE`."""
    return svc.queue.services(lang, site)


@router.get("/track/{tracking_code}", **answers(TrackedTicket, 404))
def track(
    tracking_code: Annotated[str, Path(min_length=1, max_length=64)],
    svc: Annotated[Services, Depends(services)],
) -> dict:
    """A ticket by its unguessable tracking code: no name, no device, nothing about others."""
    return svc.queue.track(tracking_code)


@router.post("/auth/login", **answers(LoginAnswer, 401, 429))
def login(body: LoginIn, request: Request, svc: Annotated[Services, Depends(services)]) -> dict:
    address = request.client.host if request.client else "?"
    return log_in(svc, body.username, body.password, address)


@router.post("/auth/logout", **answers(Ok, 401, 403))
def logout(
    svc: Annotated[Services, Depends(services)],
    principal: Annotated[Principal, STAFF],
    authorization: Annotated[str | None, Header()] = None,
) -> dict:
    with svc.queue.store.write() as tx:
        tx.delete_session(hash_token((authorization or "")[7:].strip()))
    return {"ok": True}


@router.get("/auth/me", **answers(Me, 401, 403))
def me(principal: Annotated[Principal, STAFF]) -> dict:
    return {
        "username": principal.name,
        "role": principal.role,
        "counters": sorted(principal.counter_ids),
    }

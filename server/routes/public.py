"""Anyone: health, the service list, a citizen's tracking page data, staff login."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Request
from pydantic import BaseModel, Field

from server import __version__
from server.auth import DUMMY_HASH, Principal, hash_token, new_token, verify_password
from server.deps import STAFF, Services, language, services
from server.errors import ServerError

router = APIRouter()


@router.get("/health")
def health(svc: Annotated[Services, Depends(services)]) -> dict:
    now, _, _ = svc.queue.now()
    return {"status": "ok", "version": __version__, "time": now.isoformat()}


@router.get("/services")
def list_services(
    svc: Annotated[Services, Depends(services)], lang: Annotated[str, Depends(language)]
) -> list[dict]:
    return svc.queue.services(lang)


@router.get("/track/{tracking_code}")
def track(
    tracking_code: Annotated[str, Path(min_length=1, max_length=64)],
    svc: Annotated[Services, Depends(services)],
) -> dict:
    """A ticket by its unguessable tracking code: no name, no device, nothing about others."""
    return svc.queue.track(tracking_code)


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


@router.post("/auth/login")
def login(body: LoginIn, request: Request, svc: Annotated[Services, Depends(services)]) -> dict:
    queue = svc.queue
    now, at, _ = queue.now()
    address = request.client.host if request.client else "?"
    wait = svc.throttle.retry_after(body.username, address, now)
    if wait:
        raise ServerError(
            "too_many_attempts", 429, headers={"Retry-After": str(wait)}, seconds=wait
        )
    with queue.store.read() as tx:
        user = tx.user_by_username(body.username)
    stored = user["password_hash"] if user is not None and user["active"] else DUMMY_HASH
    if not verify_password(body.password, stored) or user is None or not user["active"]:
        svc.throttle.failed(body.username, address, now)
        raise ServerError("invalid_credentials", 401)
    svc.throttle.succeeded(body.username)
    token = new_token()
    expires = now + dt.timedelta(hours=queue.settings.auth.session_hours)
    with queue.store.write() as tx:
        tx.delete_expired_sessions(at)
        tx.insert_session(hash_token(token), user["id"], at, expires.isoformat())
        counters = tx.user_counter_ids(user["id"])
    return {
        "token": token,
        "expires_at": expires.isoformat(),
        "user": {"username": user["username"], "role": user["role"], "counters": counters},
    }


@router.post("/auth/logout")
def logout(
    svc: Annotated[Services, Depends(services)],
    principal: Annotated[Principal, STAFF],
    authorization: Annotated[str | None, Header()] = None,
) -> dict:
    with svc.queue.store.write() as tx:
        tx.delete_session(hash_token((authorization or "")[7:].strip()))
    return {"ok": True}


@router.get("/auth/me")
def me(principal: Annotated[Principal, STAFF]) -> dict:
    return {
        "username": principal.name,
        "role": principal.role,
        "counters": sorted(principal.counter_ids),
    }

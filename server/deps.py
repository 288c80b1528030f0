"""Request-scoped helpers shared by the routers: who is asking, in which language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Path, Request

from server.admin import Admin
from server.auth import LoginThrottle, Principal, hash_token
from server.errors import ServerError
from server.queue import Queue
from server.texts import language_of

# Ids in paths and bodies: bounded, so a huge number is a 422, never an SQLite overflow.
MAX_ID = 2**53
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


@dataclass
class Services:
    """What every handler needs, kept on `app.state.services`."""

    queue: Queue
    admin: Admin
    throttle: LoginThrottle
    default_language: str


def services(request: Request) -> Services:
    return request.app.state.services


def language(request: Request) -> str:
    header = request.headers.get("accept-language")
    if header is None:
        return request.app.state.services.default_language
    return language_of(header)


def _principal(request: Request, authorization: str | None) -> Principal:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})
    token = authorization[7:].strip()
    if not token or len(token) > 512:
        raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})
    queue = services(request).queue
    token_hash = hash_token(token)
    _, at, _ = queue.now()
    with queue.store.read() as tx:
        device = tx.device_by_token_hash(token_hash)
        if device is not None:
            return Principal("device", device["id"], device["name"], device["kind"])
        user = tx.session_user(token_hash, at)
        if user is not None:
            return Principal(
                "user",
                user["id"],
                user["username"],
                user["role"],
                frozenset(tx.user_counter_ids(user["id"])),
            )
    raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})


def require(*roles: str):
    """A dependency that lets through only the given roles (admin is never implied)."""

    def check(request: Request, authorization: Annotated[str | None, Header()] = None) -> Principal:
        principal = _principal(request, authorization)
        if principal.role not in roles:
            raise ServerError("forbidden", 403, role=principal.role)
        return principal

    return Depends(check)


KIOSK = require("kiosk")
DISPLAY = require("display", "operator", "admin")
DEVICE = require("kiosk", "display")
STAFF = require("operator", "admin")
ADMIN = require("admin")
TICKET_READERS = require("kiosk", "operator", "admin")

"""Request-scoped helpers shared by the routers: who is asking, in which language."""

from __future__ import annotations

import asyncio
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request

from contract import MAX_ID, ErrorBody
from server.admin import Admin
from server.auth import DUMMY_HASH, Principal, hash_token, new_token, verify_password
from server.errors import ServerError
from server.queue import Queue
from server.texts import language_of
from server.throttle import StoreThrottle

# Ids in paths and bodies: bounded, so a huge number is a 422, never an SQLite overflow.
Id = Annotated[int, Path(ge=1, le=MAX_ID)]

ERRORS = {
    400: "malformed_json: the body is not JSON",
    401: "unauthorized / invalid_credentials: no or unknown token, wrong password",
    403: "forbidden (this role may not), not_your_counter, not_your_ticket",
    404: "no such thing (the code names which)",
    408: "body_timeout: the declared body did not arrive within 10 s",
    409: "refused by the queue rules (the code names the reason)",
    413: "body_too_large: over 64 KB",
    422: "validation_error (wrong types or values) or a bad value the code names",
    429: "too_many_attempts, with Retry-After",
}
# Every /api/v1 operation may meet these (the body guard and the validation edge).
COMMON_ERRORS = (400, 408, 413, 422)


def answers(model, *errors: int, status: int | None = None, success: dict | None = None) -> dict:
    """Route arguments for an operation answering `model`, or one of `errors` (plus the
    common ones) with the error body: the schema then says what the server really answers.
    Keys the server leaves out stay out (`exclude_unset`), so an answer's shape is unchanged."""
    statuses = sorted(set(errors) | set(COMMON_ERRORS))
    described = {code: {"model": ErrorBody, "description": ERRORS[code]} for code in statuses}
    if success is not None:  # e.g. another content type the operation may answer
        described[status or 200] = success
    arguments: dict = {"responses": described}
    if model is not None:
        arguments.update(response_model=model, response_model_exclude_unset=True)
    if status is not None:
        arguments["status_code"] = status
    return arguments


@dataclass
class Services:
    """What every handler needs, kept on `app.state.services`."""

    queue: Queue
    admin: Admin
    throttle: StoreThrottle  # failed logins, per username and per address
    pairing_throttle: StoreThrottle  # wrong pairing codes per address (server/pairing.py)
    default_language: str
    store_thread: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="store")
    )

    async def run(self, function, /, *args):
        """`function(*args)` on the one store thread, in arrival order.

        For the API's hot handlers (async, so FastAPI adds no thread hops of its own for the
        dependencies and the answer): every store call holds the store's one lock anyway, so
        a single thread loses nothing and, under load, takes the next job without the lock
        hand-offs and wake-ups of a pool of threads queueing on that lock.
        """
        return await asyncio.get_running_loop().run_in_executor(self.store_thread, function, *args)


async def services(request: Request) -> Services:
    """The dependency (async: a plain function would cost a thread hop per request)."""
    return request.app.state.services


def language(request: Request) -> str:
    header = request.headers.get("accept-language")
    if header is None:
        return request.app.state.services.default_language
    return language_of(header)


def _principal(request: Request, authorization: str | None) -> Principal:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})
    return principal_for_token(request, authorization[7:].strip())


def principal_for_token(request: Request, token: str) -> Principal:
    """Who holds `token`: a device, or a user with a live session (API bearer or page cookie)."""
    if not token or len(token) > 512:
        raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})
    queue = request.app.state.services.queue
    token_hash = hash_token(token)
    _, at, _ = queue.now()
    with queue.store.read() as tx:
        device = tx.device_by_token_hash(token_hash)
        if device is not None:
            return Principal(
                "device", device["id"], device["name"], device["kind"], site_id=device["site_id"]
            )
        user = tx.session_user(token_hash, at)
        if user is not None:
            return Principal(
                "user",
                user["id"],
                user["username"],
                user["role"],
                frozenset(tx.user_counter_ids(user["id"])),
                site_id=user["site_id"],
            )
    raise ServerError("unauthorized", 401, headers={"WWW-Authenticate": "Bearer"})


def log_in(svc: Services, username: str, password: str, address: str) -> dict:
    """The one staff login, for the API and the pages: throttled, a new session on success."""
    queue = svc.queue
    now, at, _ = queue.now()
    attempt = svc.throttle.begin(username, address, now)
    if wait := attempt.wait:
        raise ServerError(
            "too_many_attempts", 429, headers={"Retry-After": str(wait)}, seconds=wait
        )
    with queue.store.read() as tx:
        user = tx.user_by_username(username)
    stored = user["password_hash"] if user is not None and user["active"] else DUMMY_HASH
    if not verify_password(password, stored) or user is None or not user["active"]:
        svc.throttle.failed(attempt)
        raise ServerError("invalid_credentials", 401)
    svc.throttle.succeeded(attempt)
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


def _bearer(authorization: str | None) -> str | None:
    if not authorization or not authorization.lower().startswith("bearer "):
        return None
    return authorization[7:].strip()


def _cached_device(request: Request, token: str | None) -> Principal | None:
    return None if token is None else request.app.state.services.queue.device_cache.get(token)


def _remember_device(request: Request, token: str, principal: Principal) -> None:
    request.app.state.services.queue.device_cache.remember(token, principal)


def require(*roles: str):
    """A dependency that lets through only the given roles (admin is never implied).

    Device tokens are remembered for a few seconds, so a display's long poll costs no database
    read; admin changes to devices clear that memory.
    """

    async def check(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> Principal:
        token = _bearer(authorization)
        principal = _cached_device(request, token)
        if principal is None:
            principal = await request.app.state.services.run(_principal, request, authorization)
            if principal.kind == "device" and token is not None:  # None: _principal refused it
                _remember_device(request, token, principal)
        if principal.role not in roles:
            raise ServerError("forbidden", 403, role=principal.role)
        return principal

    return Depends(check)


async def site_of_request(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    site: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
) -> int:
    """The site an open (no login needed) request is about: `?site=CODE`, else the site of the
    device or user whose token it carries, else the first site (a single-site hall's)."""
    svc: Services = request.app.state.services
    if site is not None:
        with svc.queue.store.read() as tx:
            row = tx.site_by_code(site)
        if row is None:
            raise ServerError("site_not_found", 404, site=site)
        return row["id"]
    token = _bearer(authorization)
    if token is not None:
        principal = _cached_device(request, token)
        if principal is None:
            try:
                principal = await svc.run(principal_for_token, request, token)
            except ServerError:
                principal = None  # an open request: a stale token just means "no site"
        if principal is not None and principal.site_id is not None:
            return principal.site_id
    return 1


SITE = Depends(site_of_request)
KIOSK = require("kiosk")
DISPLAY_ROLES = ("display", "operator", "admin")  # also the display fast path's
DISPLAY = require(*DISPLAY_ROLES)
DEVICE = require("kiosk", "display")
STAFF = require("operator", "admin")
ADMIN = require("admin")
TICKET_READERS = require("kiosk", "operator", "admin")

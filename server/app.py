"""The FastAPI application: routers, the error edge, the body-size guard, start-up."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from config.server import ServerSettings
from config.version import version
from server.admin import Admin, bootstrap
from server.booking import Bookings
from server.booking import bootstrap as bootstrap_booking
from server.clock import Clock
from server.deps import Services, language
from server.errors import ServerError
from server.help import HelpDesk
from server.metrics import Metrics, install_metrics
from server.notify import ChangeNotifier
from server.pairing import WRONG_CODES, WRONG_CODES_WINDOW
from server.pg_store import PgStore
from server.queue import Queue
from server.routes import admin, booking, counters, display, pairing, public, survey, tickets
from server.routes import help as help_routes
from server.store import open_store
from server.texts import language_of, message
from server.throttle import StoreThrottle
from server.web import install_pages

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
MAX_BODY_BYTES = 64 * 1024


def error_response(request: Request, error: ServerError) -> JSONResponse:
    text = message(error.code, language(request), **error.values)
    return JSONResponse(
        {"error": {"code": error.code, "message": text}},
        status_code=error.status,
        headers=error.headers,
    )


def _describe(errors: list[dict]) -> str:
    parts = []
    for item in errors[:5]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p != "body") or "body"
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts)


class _Refusal:
    """What both body guards share: once a guard has answered in the app's place, whatever the
    app says afterwards is dropped, and a failure the refusal caused is not raised."""

    def __init__(self, scope, send):
        self.scope, self._send = scope, send
        self.started = self.refused = False

    async def send(self, event) -> None:
        if self.refused:
            return
        if event["type"] == "http.response.start":
            self.started = True
        await self._send(event)

    async def refuse(self, status: int, code: str, **values) -> dict:
        """Answer with an error (unless the app already began its answer); the app is told
        the client went away."""
        self.refused = True
        if not self.started:
            await _send_error(self.scope, self._send, status, code, **values)
        return {"type": "http.disconnect"}

    async def run(self, app, receive) -> None:
        try:
            await app(self.scope, receive, self.send)
        except Exception:
            if not self.refused:
                raise


class BodyLimit:
    """Refuses bodies over `limit` bytes with 413 before reading them: by Content-Length when
    given, otherwise by counting the chunks as they arrive."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        guard = _Refusal(scope, send)
        declared = dict(scope["headers"]).get(b"content-length")
        try:
            too_big = declared is not None and int(declared) > self.limit
        except ValueError:
            too_big = False
        if too_big:
            await guard.refuse(413, "body_too_large", limit=self.limit)
            return
        received = 0

        async def limited_receive():
            # Past the limit: answer 413 at once and tell the app the client went away.
            nonlocal received
            if guard.refused:
                return {"type": "http.disconnect"}
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:
                    return await guard.refuse(413, "body_too_large", limit=self.limit)
            return event

        await guard.run(self.app, limited_receive)


BODY_TIMEOUT_SECONDS = 10.0  # to receive a whole body (at most 64 KB) once the headers are in


class BodyTimeout:
    """Bounds the time a request may take to send the body it declared.

    uvicorn's `timeout_keep_alive` covers the wait between requests, but nothing covers a client
    that declares `Content-Length: 100` and never sends it: the handler waits in `receive()` for
    ever and the connection is held. Here every `receive()` before the body is complete is
    awaited under one deadline (`BODY_TIMEOUT_SECONDS` after the request arrived, read at each
    request); past it the client gets `408 body_timeout` with `Connection: close`, so the server
    closes the connection, and the app is told the client went away."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        guard = _Refusal(scope, send)
        loop = asyncio.get_running_loop()
        seconds = BODY_TIMEOUT_SECONDS
        deadline = loop.time() + seconds
        complete = False

        async def timed_receive():
            nonlocal complete
            if guard.refused:
                return {"type": "http.disconnect"}
            if complete:  # after the body: waiting for a disconnect is not bounded here
                return await receive()
            try:
                event = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                return await guard.refuse(408, "body_timeout", seconds=round(seconds))
            if event["type"] != "http.request" or not event.get("more_body", False):
                complete = True
            return event

        await guard.run(self.app, timed_receive)


async def _send_error(scope, send, status: int, code: str, **values) -> None:
    """An error answer in the error shape, sent from a middleware, closing the connection."""
    accept = dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1")
    body = json.dumps(
        {"error": {"code": code, "message": message(code, language_of(accept), **values)}}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(
    settings: ServerSettings, data_dir: Path | str, clock: Clock | None = None
) -> FastAPI:
    """The server application over the database in `data_dir`, bootstrapped from `settings`."""
    clock = clock or Clock(settings.site.timezone)
    store = open_store(settings.store.url, data_dir)
    bootstrap(store, settings)
    bootstrap_booking(store, settings)
    queue = Queue(store, settings, clock)
    notifier = ChangeNotifier()
    store.on_change = notifier.notify
    metrics = Metrics(store, clock)
    store.on_events = metrics.count_events
    if isinstance(store, PgStore):  # other processes share the database: tell them too
        queue.device_cache.announce = store.announce_devices_changed
        store.on_devices_changed = queue.device_cache.forget_all

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        notifier.bind(asyncio.get_running_loop())
        log.info("server ready: data in %s, schema version %d", store.where, store.schema_version())
        yield
        notifier.unbind()
        app.state.services.store_thread.shutdown(wait=True)

    app = FastAPI(
        title="Antrian MPP",
        version=version(),
        description="Central queue server of a Mal Pelayanan Publik. See docs/api.md.",
        lifespan=lifespan,
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    app.state.services = Services(
        queue=queue,
        admin=Admin(queue),
        throttle=StoreThrottle(
            store,
            "login",
            settings.auth.max_failed_logins,
            dt.timedelta(minutes=settings.auth.failed_login_window_minutes),
        ),
        pairing_throttle=StoreThrottle(store, "pairing", WRONG_CODES, WRONG_CODES_WINDOW),
        default_language=settings.site.language,
    )
    app.state.bookings = Bookings(queue)
    app.state.notifier = notifier
    app.state.help_desk = HelpDesk(queue)
    app.state.state_builds = {}  # (version, site) -> the running build of its display state
    app.state.store = store
    app.state.metrics = metrics
    app.state.clock = clock
    app.state.settings = settings
    app.state.survey_throttle = survey.survey_throttle()
    for module in (
        public,
        tickets,
        counters,
        display,
        admin,
        survey,
        help_routes,
        booking,
        pairing,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    install_pages(app)
    install_metrics(app, metrics, settings.metrics.allow)
    _install_error_edge(app)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(BodyTimeout)
    # outermost: a known display's long poll skips the stack (server.routes.display)
    app.add_middleware(display.DisplayPollFastPath, path=f"{API_PREFIX}/display/state")
    return app


METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(app: FastAPI, scope) -> str:
    """The `Allow` header of a 405: every method some route of the app accepts at this path,
    found by asking the routes themselves (FastAPI makes one route per method, and Starlette's
    own header, where there is one, names only the first route that matched the path)."""
    allowed = []
    for method in METHODS:
        probe = {**scope, "method": method}
        if any(route.matches(probe)[0] == Match.FULL for route in app.router.routes):
            allowed.append(method)
    if scope.get("method") in allowed:
        return ""  # a mount (static files) matched every method and refused itself
    return ", ".join(allowed)


def _install_error_edge(app: FastAPI) -> None:
    @app.exception_handler(ServerError)
    async def server_error(request: Request, error: ServerError):
        return error_response(request, error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        errors = error.errors()
        if any(item.get("type") == "json_invalid" for item in errors):
            return error_response(request, ServerError("malformed_json", 400))
        return error_response(
            request, ServerError("validation_error", 422, detail=_describe(list(errors)))
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code)
        headers = dict(error.headers or {})
        if error.status_code == 405:
            headers["Allow"] = allowed_methods(app, request.scope) or headers.get("Allow", "")
        if code is None:
            code = "validation_error" if error.status_code < 500 else "internal_error"
            return error_response(
                request,
                ServerError(code, error.status_code, headers=headers, detail=str(error.detail)),
            )
        return error_response(request, ServerError(code, error.status_code, headers=headers))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, ServerError("internal_error", 500))


WORKER_SETTINGS = "ANTRIAN_SERVER_WORKER"  # what `antrian server --workers N` tells its workers


def app_from_environment() -> FastAPI:
    """The app of one worker of `antrian server --workers N` (uvicorn's factory, in each
    process): the command's settings come in `$ANTRIAN_SERVER_WORKER` as JSON."""
    import time

    from config.logs import configure_logging
    from config.server import load_server_settings
    from server.clock import SettableClock

    given = json.loads(os.environ[WORKER_SETTINGS])
    configure_logging("server", given["log_level"])
    settings = load_server_settings(given["config"])
    clock: Clock = Clock(settings.site.timezone)
    if given["clock_start"]:  # the same pretended time in every worker (tests and demos)
        start = dt.datetime.fromisoformat(given["clock_start"])
        late = dt.timedelta(seconds=time.time() - given["clock_origin"])
        clock = SettableClock(start, settings.site.timezone)
        clock.advance(late)
    return create_app(settings, given["data"], clock)

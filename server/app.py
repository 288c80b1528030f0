"""The FastAPI application: routers, the error edge, the body-size guard, start-up."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from config.server import ServerSettings
from server import __version__
from server.admin import Admin, bootstrap
from server.auth import LoginThrottle
from server.clock import Clock
from server.deps import Services, language
from server.errors import ServerError
from server.notify import ChangeNotifier
from server.queue import Queue
from server.routes import admin, counters, display, public, tickets
from server.store import Store
from server.texts import message
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


class BodyLimit:
    """Refuses bodies over `limit` bytes with 413 before reading them: by Content-Length when
    given, otherwise by counting the chunks as they arrive."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        try:
            too_big = declared is not None and int(declared) > self.limit
        except ValueError:
            too_big = False
        if too_big:
            return await self._refuse(scope, send)
        received = 0
        started = refused = False

        async def limited_receive():
            # Past the limit: answer 413 at once and tell the app the client went away.
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.limit:
                    refused = True
                    if not started:
                        await self._refuse(scope, send)
                    return {"type": "http.disconnect"}
            return event

        async def guarded_send(event):
            nonlocal started
            if refused:
                return  # the 413 has been sent; whatever the app says now is dropped
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, scope, send):
        accept = dict(scope["headers"]).get(b"accept-language", b"").decode("latin-1")
        lang = "en" if accept.strip().lower().startswith("en") else "id"
        body = json.dumps(
            {
                "error": {
                    "code": "body_too_large",
                    "message": message("body_too_large", lang, limit=self.limit),
                }
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
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
    store = Store(data_dir)
    bootstrap(store, settings)
    queue = Queue(store, settings, clock)
    notifier = ChangeNotifier()
    store.on_change = notifier.notify

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        notifier.bind(asyncio.get_running_loop())
        log.info("server ready: data in %s, schema version %d", store.path, store.schema_version())
        yield
        notifier.unbind()
        app.state.services.store_thread.shutdown(wait=True)

    app = FastAPI(
        title="Antrian MPP",
        version=__version__,
        description="Central queue server of a Mal Pelayanan Publik. See docs/api.md.",
        lifespan=lifespan,
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    app.state.services = Services(
        queue=queue,
        admin=Admin(queue),
        throttle=LoginThrottle(
            settings.auth.max_failed_logins,
            dt.timedelta(minutes=settings.auth.failed_login_window_minutes),
        ),
        default_language=settings.site.language,
    )
    app.state.notifier = notifier
    app.state.state_builds = {}  # version -> the running build of the display state
    app.state.store = store
    app.state.clock = clock
    app.state.settings = settings
    for module in (public, tickets, counters, display, admin):
        app.include_router(module.router, prefix=API_PREFIX)
    install_pages(app)
    _install_error_edge(app)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    return app


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
        if code is None:
            code = "validation_error" if error.status_code < 500 else "internal_error"
            return error_response(
                request, ServerError(code, error.status_code, detail=str(error.detail))
            )
        return error_response(request, ServerError(code, error.status_code))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, ServerError("internal_error", 500))

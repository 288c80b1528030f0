"""Staff sessions in a cookie, CSRF protection, the login and language pages, error pages.

The session token is the one the API's login creates (`POST /api/v1/auth/login` is called as a
function, so the throttle, the password check and the session row are the same code); it lives
in an HttpOnly, SameSite=Strict cookie and is checked by the API's own token lookup. The CSRF
token is derived from the session token, so it is per session and needs no storage.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass, replace
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from contract import LoginIn
from server.auth import Principal, hash_token
from server.deps import log_in, principal_for_token
from server.errors import ServerError
from server.web import sites
from server.web.render import LANG_COOKIE, LANGUAGES, error_text, language, render, translator

log = logging.getLogger(__name__)

router = APIRouter()

SESSION_COOKIE = "antrian_sesi"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"
FETCH_HEADER = "x-requested-with"  # static/app.js marks its requests, to get JSON errors back
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600


@dataclass(frozen=True)
class Staff:
    """A logged-in operator or admin, as seen by a page."""

    principal: Principal
    token: str
    chosen_site: int | None = None  # staff of every site: the site the pages narrow to

    @property
    def site(self) -> int | None:
        """The site whose rows the pages show: the staff member's own; for staff of every site
        the one chosen on the pages (`SITE_COOKIE`), None = every site."""
        return self.principal.site_id if self.principal.site_id is not None else self.chosen_site

    @property
    def csrf(self) -> str:
        return csrf_token(self.token)

    @property
    def is_admin(self) -> bool:
        return self.principal.role == "admin"

    @property
    def name(self) -> str:
        return self.principal.name


@dataclass(frozen=True)
class Posted:
    """A state-changing request that passed the CSRF check: who sent it and its form."""

    staff: Staff
    form: FormData


class NeedLogin(Exception):
    """No valid session: a page redirects to the login, a script gets 401."""


class PageRefused(Exception):
    """The page cannot be shown: a text key of the catalog (or a server error) and a status."""

    def __init__(self, status: int, key: str = "", error: ServerError | None = None):
        super().__init__(key or (error.code if error else ""))
        self.status = status
        self.key = key
        self.error = error


def csrf_token(session_token: str) -> str:
    return hmac.new(session_token.encode(), b"antrian-csrf", hashlib.sha256).hexdigest()


SITE_COOKIE = "antrian_lokasi"  # the site chosen by staff of every site (its id)


def from_script(request: Request) -> bool:
    return request.headers.get(FETCH_HEADER) == "antrian"


def current_staff(request: Request) -> Staff | None:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    try:
        principal = principal_for_token(request, token)
    except ServerError:
        return None  # unknown or expired session
    if principal.kind != "user":
        return None
    # A link of an every-site list may name its row's site (`?lokasi=ID`: a service code is
    # unique only within its site); otherwise the site chosen with the picker.
    chosen = request.query_params.get("lokasi") or request.cookies.get(SITE_COOKIE, "")
    return Staff(principal, token, int(chosen) if chosen.isdigit() and len(chosen) < 9 else None)


def require_staff(request: Request) -> Staff:
    staff = current_staff(request)
    if staff is None:
        raise NeedLogin()
    if staff.principal.site_id is None and sites.known(request, staff.chosen_site) is None:
        staff = replace(staff, chosen_site=None)  # a site that does not exist: every site
    request.state.site = staff.site  # what `_admin(request)` and the lists narrow to
    return staff


def require_admin(staff: Annotated[Staff, Depends(require_staff)]) -> Staff:
    if not staff.is_admin:
        raise PageRefused(403, "admin_only")
    return staff


async def read_form(request: Request) -> FormData:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return await request.form()
    return FormData()


async def _checked(request: Request, staff: Staff) -> Posted:
    form = await read_form(request)
    sent = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD) or ""
    if not isinstance(sent, str) or not hmac.compare_digest(sent, staff.csrf):
        log.warning("refused a %s to %s without a valid CSRF token", request.method, request.url)
        raise PageRefused(403, "csrf_refused")
    return Posted(staff, form)


async def posted_by_staff(
    request: Request, staff: Annotated[Staff, Depends(require_staff)]
) -> Posted:
    return await _checked(request, staff)


async def posted_by_admin(
    request: Request, staff: Annotated[Staff, Depends(require_admin)]
) -> Posted:
    return await _checked(request, staff)


StaffPage = Annotated[Staff, Depends(require_staff)]
AdminPage = Annotated[Staff, Depends(require_admin)]
StaffPost = Annotated[Posted, Depends(posted_by_staff)]
AdminPost = Annotated[Posted, Depends(posted_by_admin)]
Form = Annotated[FormData, Depends(read_form)]


def safe_next(target: str | None, default: str) -> str:
    """Only a path on this server: never another site (open redirect)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    return target


def home_of(staff: Staff) -> str:
    return "/admin" if staff.is_admin else "/loket"


# ---- pages ----
@router.get("/")
def root() -> Response:
    return RedirectResponse("/loket", status_code=303)


@router.get("/masuk")
def login_page(request: Request, next: str = "") -> Response:
    staff = current_staff(request)
    if staff is not None:
        return RedirectResponse(safe_next(next, home_of(staff)), status_code=303)
    return render(request, "login.html", next=safe_next(next, ""), username="", error="")


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return origin == f"{request.url.scheme}://{request.url.netloc}"


@router.post("/masuk")
def login(request: Request, form: Form) -> Response:
    lang = language(request)
    t = translator(lang)
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")), "")
    if not _same_origin(request):  # no session yet, so no CSRF token: check the origin
        raise PageRefused(403, "csrf_refused")

    def again(status: int, error: str) -> Response:
        return render(
            request, "login.html", status=status, next=target, username=username, error=error
        )

    try:
        body = LoginIn(username=username, password=password)
    except ValidationError:
        return again(422, t("login_fill_both"))
    try:
        address = request.client.host if request.client else "?"
        answer = log_in(request.app.state.services, body.username, body.password, address)
    except ServerError as error:
        return again(error.status, error_text(error, lang))
    staff = Staff(principal_for_token(request, answer["token"]), answer["token"])
    response = RedirectResponse(safe_next(target, home_of(staff)), status_code=303)
    hours = request.app.state.settings.auth.session_hours
    response.set_cookie(
        SESSION_COOKIE,
        answer["token"],
        max_age=int(hours * 3600),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/",
    )
    log.info("%s logged in to the web pages", staff.name)
    return response


@router.post("/keluar")
def logout(request: Request, posted: StaffPost) -> Response:
    store = request.app.state.services.queue.store
    with store.write() as tx:
        tx.delete_session(hash_token(posted.staff.token))
    response = RedirectResponse("/masuk", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/bahasa/{lang}")
def choose_language(request: Request, lang: str, next: str = "") -> Response:
    response = RedirectResponse(safe_next(next, "/loket"), status_code=303)
    if lang in LANGUAGES:
        response.set_cookie(
            LANG_COOKIE, lang, max_age=LANGUAGE_COOKIE_SECONDS, samesite="lax", path="/"
        )
    return response


# ---- error pages ----
def install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(NeedLogin)
    async def need_login(request: Request, _: NeedLogin) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.method != "GET":  # a POST target cannot be opened after the login
            target = ""
        login_url = f"/masuk?next={quote(safe_next(target, ''))}"
        if from_script(request):
            return JSONResponse({"ok": False, "login": login_url}, status_code=401)
        return RedirectResponse(login_url, status_code=303)

    @app.exception_handler(PageRefused)
    async def refused(request: Request, error: PageRefused) -> Response:
        lang = language(request)
        text = error_text(error.error, lang) if error.error else translator(lang)(error.key)
        if from_script(request):
            return JSONResponse({"ok": False, "message": text}, status_code=error.status)
        return render(
            request, "error.html", status=error.status, staff=current_staff(request), message=text
        )

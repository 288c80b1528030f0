"""The admin pages' one CRUD flow, configured per entity (`server.web.admin_pages`).

A list page with a form for a new entry (or a page of its own for it: services), an edit
page, and a delete button. Every change goes through `server.admin.Admin`; a form that cannot
be saved is shown again with what was typed and a message per field (422), a delete refused
(in use, the last admin ...) shows the list with the reason (409). After a change the browser
is sent back to the list (POST-redirect-GET) with a short notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from server.web.loket import parse_id
from server.web.render import language, render, translator
from server.web.session import AdminPage, AdminPost, PageRefused

NOTICES = ("saved", "created", "deleted", "settings_saved", "revoked")


class FormProblem(Exception):
    """A form that cannot be saved: messages per field ("" = about the whole form)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(errors)
        self.errors = errors


def admin_of(request: Request):
    """The admin narrowed to the page's site: a row of another site is not found (404)."""
    return request.app.state.services.admin.at(getattr(request.state, "site", None))


def notice(request: Request) -> str:
    key = request.query_params.get("pesan", "")
    return translator(language(request))(f"notice_{key}") if key in NOTICES else ""


def back(url: str, said: str) -> Response:
    return RedirectResponse(f"{url}?pesan={said}", status_code=303)


def _no_context(request: Request, *_: Any) -> dict:
    return {}


@dataclass
class Entity:
    """One kind of entry the admin pages manage, and how its pages differ from the others'."""

    url: str  # the list, e.g. "/admin/instansi"
    section: str  # the menu entry
    list_template: str
    name: str  # what the edit template calls the entry ("agency")
    items: Callable[[Any], list[dict]]  # Admin -> the entries, in list order
    blank: dict  # the empty form
    read: Callable[..., dict]  # (form, entry or None, staff) -> the values typed
    create: Callable[..., Any]  # (request, posted, values) -> created; raises FormProblem
    delete: Callable[..., Any]  # (request, posted, entry); raises FormProblem
    update: Callable[..., Any] | None = None  # (request, posted, entry, values) as create
    edit_template: str | None = None  # None: no edit page
    key: str = "id"  # the field in the entry's URL ("id" or "code")
    new_page: bool = False  # a page of its own for a new entry (url + "/baru")
    list_context: Callable[..., dict] = _no_context  # (request) -> more for the list page
    edit_context: Callable[..., dict] = _no_context  # (request, entry, staff) -> more
    edit_values: Callable[[dict], dict] = field(default=lambda entry: entry)
    # (request, staff, entry, values, errors, status, form) -> the form page, if not the default
    form_page: Callable[..., Response] | None = None
    created: Callable[..., Response] | None = None  # (request, staff, created): not a redirect

    # ---- the pages ----
    def list_page(self, request, staff, *, status=200, values=None, errors=None) -> Response:
        return render(
            request,
            self.list_template,
            status=status,
            staff=staff,
            section=self.section,
            **self.list_context(request),
            values=values or dict(self.blank),
            errors=errors or {},
            notice=notice(request),
        )

    def form(self, request, staff, entry, values, errors, status=200, form=None) -> Response:
        if self.form_page is not None:
            return self.form_page(request, staff, entry, values, errors, status, form)
        if self.edit_template is None:
            raise RuntimeError(f"{self.url}: a form page needs edit_template or form_page")
        return render(
            request,
            self.edit_template,
            status=status,
            staff=staff,
            section=self.section,
            **{self.name: entry},
            values=values,
            errors=errors,
            **self.edit_context(request, entry, staff),
        )

    def find(self, request: Request, key: str) -> dict:
        wanted = parse_id(key) if self.key == "id" else key
        for entry in self.items(admin_of(request)):
            if entry[self.key] == wanted:
                return entry
        raise PageRefused(404, "page_not_found")

    # ---- the flow ----
    def on_create(self, request: Request, posted) -> Response:
        values = self.read(posted.form, None, posted.staff)
        try:
            created = self.create(request, posted, values)
        except FormProblem as problem:
            if self.new_page:
                return self.form(
                    request, posted.staff, None, values, problem.errors, 422, posted.form
                )
            return self.list_page(
                request, posted.staff, status=422, values=values, errors=problem.errors
            )
        if self.created is not None:
            return self.created(request, posted.staff, created)
        return back(self.url, "created")

    def on_update(self, request: Request, key: str, posted) -> Response:
        if self.update is None:
            raise RuntimeError(f"{self.url}: an edit page needs update")
        entry = self.find(request, key)
        values = self.read(posted.form, entry, posted.staff)
        try:
            self.update(request, posted, entry, values)
        except FormProblem as problem:
            return self.form(request, posted.staff, entry, values, problem.errors, 422, posted.form)
        return back(self.url, "saved")

    def on_delete(self, request: Request, key: str, posted) -> Response:
        entry = self.find(request, key)
        try:
            self.delete(request, posted, entry)
        except FormProblem as problem:
            return self.list_page(request, posted.staff, status=409, errors=problem.errors)
        return back(self.url, "deleted")

    def add_routes(self, router: APIRouter) -> None:
        """GET/POST the list (and `/baru`), GET/POST `/{key}`, POST `/{key}/hapus`."""

        def show_list(request: Request, staff: AdminPage) -> Response:
            return self.list_page(request, staff)

        def create(request: Request, posted: AdminPost) -> Response:
            return self.on_create(request, posted)

        def new(request: Request, staff: AdminPage) -> Response:
            return self.form(request, staff, None, dict(self.blank), {})

        def edit(request: Request, key: str, staff: AdminPage) -> Response:
            entry = self.find(request, key)
            return self.form(request, staff, entry, self.edit_values(entry), {})

        def update(request: Request, key: str, posted: AdminPost) -> Response:
            return self.on_update(request, key, posted)

        def delete(request: Request, key: str, posted: AdminPost) -> Response:
            return self.on_delete(request, key, posted)

        router.add_api_route(self.url, show_list, methods=["GET"], name=f"{self.section}_list")
        create_url = self.url + "/baru" if self.new_page else self.url
        if self.new_page:
            router.add_api_route(create_url, new, methods=["GET"], name=f"{self.section}_new")
        router.add_api_route(create_url, create, methods=["POST"], name=f"{self.section}_create")
        if self.edit_template is not None or self.form_page is not None:
            router.add_api_route(
                self.url + "/{key}", edit, methods=["GET"], name=f"{self.section}_edit"
            )
            router.add_api_route(
                self.url + "/{key}", update, methods=["POST"], name=f"{self.section}_update"
            )
        router.add_api_route(
            self.url + "/{key}/hapus", delete, methods=["POST"], name=f"{self.section}_delete"
        )

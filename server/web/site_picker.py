"""The site picker of staff of every site (`POST /lokasi`): the chosen site (its id, or none
for every site) goes into `SITE_COOKIE`, which `server.web.session` reads on every page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from server.web import sites
from server.web.session import SITE_COOKIE, StaffPost, safe_next

router = APIRouter()

SITE_COOKIE_SECONDS = 30 * 24 * 3600


@router.post("/lokasi")
def choose_site(request: Request, posted: StaffPost) -> Response:
    target = safe_next(str(posted.form.get("next", "")), "/admin")
    response = RedirectResponse(target, status_code=303)
    chosen = str(posted.form.get("lokasi", ""))
    site = sites.known(request, int(chosen)) if chosen.isdigit() and len(chosen) < 9 else None
    if posted.staff.principal.site_id is not None:
        return response  # staff of one site always see theirs: nothing to choose
    if site is None:
        response.delete_cookie(SITE_COOKIE, path="/")
    else:
        response.set_cookie(
            SITE_COOKIE,
            str(site),
            max_age=SITE_COOKIE_SECONDS,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
    return response

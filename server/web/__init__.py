"""The staff web pages and the citizen's tracking page, served by the central server.

Server-rendered HTML (Jinja2, autoescaped) with one small vanilla script for live updates.
Every queue rule stays in `server.queue` / `server.admin`: the pages call the same service
objects as the JSON API (`app.state.services`) and the same session machinery.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from server.web import (
    admin_pages,
    booking_pages,
    help_page,
    loket,
    reports_pages,
    session,
    site_picker,
    survey_pages,
    tracking,
)
from server.web.security import SecurityHeaders

STATIC_DIR = Path(__file__).with_name("static")


def install_pages(app: FastAPI) -> None:
    """Mount the pages, their static files, their error pages and security headers on `app`."""
    for module in (
        session,
        loket,
        admin_pages,
        reports_pages,
        tracking,
        survey_pages,
        help_page,
        booking_pages,
        site_picker,
    ):
        app.include_router(module.router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    session.install_error_pages(app)
    app.add_middleware(SecurityHeaders)

"""Every entity of the admin pages walks the one CRUD flow (server.web.crud): create, edit page,
a refused edit shown again (422), a saved edit, a refused delete (409), a delete."""

from __future__ import annotations

import re

from tests.server.util import Api
from tests.support.live_server import ADMIN


def said(answer) -> list[str]:
    """The messages of a page shown again: per field and about the whole form."""
    return re.findall(r'class="(?:error|notice[^"]*|problem[^"]*)"[^>]*>([^<]*)<', answer.text)


def test_agency_counter_user_and_device_walk_the_one_flow(live_server, web_session):
    admin = web_session(live_server, *ADMIN)
    api = Api(live_server, live_server.admin_token())

    made = admin.post("/admin/instansi", data={"csrf": admin.csrf, "name": "Dinas Uji"})
    assert made.url.endswith("/admin/instansi?pesan=created"), said(made)
    agency = next(a for a in api.get("/admin/agencies").json() if a["name"] == "Dinas Uji")
    page = f"/admin/instansi/{agency['id']}"
    assert "Dinas Uji" in admin.get(page).text
    assert admin.post(page, data={"csrf": admin.csrf, "name": ""}).status_code == 422
    saved = admin.post(page, data={"csrf": admin.csrf, "name": "Dinas Coba", "short_name": "DC"})
    assert saved.url.endswith("/admin/instansi?pesan=saved")
    assert admin.post(f"{page}/hapus", data={"csrf": admin.csrf}).url.endswith("pesan=deleted")
    assert admin.get(page).status_code == 404
    used = api.get("/admin/agencies").json()[0]  # the agency of the demo services
    assert (
        admin.post(f"/admin/instansi/{used['id']}/hapus", data={"csrf": admin.csrf}).status_code
        == 409
    )

    made = admin.post(
        "/admin/loket", data={"csrf": admin.csrf, "name": "Loket Uji", "services": "A"}
    )
    assert made.url.endswith("/admin/loket?pesan=created"), said(made)
    counter = next(c for c in api.get("/admin/counters").json() if c["name"] == "Loket Uji")
    page = f"/admin/loket/{counter['id']}"
    assert "Loket Uji" in admin.get(page).text
    assert admin.post(page, data={"csrf": admin.csrf, "name": ""}).status_code == 422
    saved = admin.post(page, data={"csrf": admin.csrf, "name": "Loket Uji Dua", "services": "A"})
    assert saved.url.endswith("/admin/loket?pesan=saved")
    assert admin.post(f"{page}/hapus", data={"csrf": admin.csrf}).url.endswith("pesan=deleted")

    form = {
        "csrf": admin.csrf,
        "username": "uji",
        "role": "operator",
        "password": "rahasia-uji-2026",
    }
    made = admin.post("/admin/pengguna", data=form)
    assert made.url.endswith("/admin/pengguna?pesan=created"), said(made)
    user = next(u for u in api.get("/admin/users").json() if u["username"] == "uji")
    page = f"/admin/pengguna/{user['id']}"
    assert "uji" in admin.get(page).text
    assert admin.post(page, data={"csrf": admin.csrf, "role": "boss"}).status_code == 422
    saved = admin.post(page, data={"csrf": admin.csrf, "role": "admin", "active": "1"})
    assert saved.url.endswith("/admin/pengguna?pesan=saved")
    assert (
        next(u for u in api.get("/admin/users").json() if u["username"] == "uji")["role"] == "admin"
    )
    assert admin.post(f"{page}/hapus", data={"csrf": admin.csrf}).url.endswith("pesan=deleted")

    made = admin.post(
        "/admin/perangkat", data={"csrf": admin.csrf, "name": "kios-uji", "kind": "kiosk"}
    )
    assert made.status_code == 201 and "kios-uji" in made.text
    assert (
        admin.post(
            "/admin/perangkat", data={"csrf": admin.csrf, "name": "", "kind": "x"}
        ).status_code
        == 422
    )
    device = next(d for d in api.get("/admin/devices").json() if d["name"] == "kios-uji")
    assert admin.post(
        f"/admin/perangkat/{device['id']}/hapus", data={"csrf": admin.csrf}
    ).url.endswith("pesan=deleted")
    assert admin.post("/admin/perangkat/999/hapus", data={"csrf": admin.csrf}).status_code == 404

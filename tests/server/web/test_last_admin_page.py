"""The admin pages' user form never leaves the MPP without an admin (issue 12's role probe)."""

from tests.server.util import Api
from tests.support.live_server import ADMIN


def test_own_user_form_cannot_demote_or_deactivate(live_server, web_session):
    """A crafted post of the admin's own form with role=operator and no 'active' keeps the
    admin an active admin; the API refuses the same change with 409 last_admin."""
    page = web_session(live_server, *ADMIN)
    api = Api(live_server, live_server.admin_token())
    me = next(u for u in api.get("/admin/users").json() if u["username"] == "admin")
    form = page.get(f"/admin/pengguna/{me['id']}")
    assert form.status_code == 200 and 'name="role" disabled' in form.text.replace("  ", " ")
    saved = page.post(f"/admin/pengguna/{me['id']}", data={"csrf": page.csrf, "role": "operator"})
    assert saved.status_code == 200
    after = next(u for u in api.get("/admin/users").json() if u["username"] == "admin")
    assert (after["role"], after["active"]) == ("admin", True)
    assert page.get("/admin/pengguna").status_code == 200  # still an admin's page
    refused = api.patch(f"/admin/users/{me['id']}", json={"role": "operator"})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "last_admin"

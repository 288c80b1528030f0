"""Holidays and the ticket cutoff are runtime settings: an admin's change applies at once,
survives a restart, and is refused when wrong or when not an admin's."""

from __future__ import annotations

import datetime as dt

from tests.server.util import Api, error_code
from tests.support.live_server import DEMO_START

TODAY = DEMO_START.date().isoformat()  # Monday 2026-11-30, service A open 08:00-15:00


def services(server) -> dict[str, dict]:
    return {s["code"]: s for s in Api(server).get("/services").json()}


def test_today_as_holiday_closes_every_service_at_once(live_server):
    """Adding today closes every enabled service with reason `holiday` and the kiosk is refused;
    taking it out again reopens them, with no restart."""
    admin = Api(live_server, live_server.admin_token())
    kiosk = Api(live_server, live_server.kiosk_token)
    holidays = admin.get("/admin/settings").json()["holidays"]
    assert TODAY not in holidays
    changed = admin.patch("/admin/settings", json={"holidays": [*holidays, TODAY]})
    assert changed.status_code == 200 and TODAY in changed.json()["holidays"]
    closed = [s for s in services(live_server).values() if s["reason"] != "disabled"]
    assert closed and all((s["open"], s["reason"]) == (False, "holiday") for s in closed)
    assert services(live_server)["A"]["next_open"].startswith("2026-12-01T08:00")
    refused = kiosk.post("/tickets", json={"service": "A"})
    assert (refused.status_code, error_code(refused)) == (409, "holiday")

    assert admin.patch("/admin/settings", json={"holidays": holidays}).status_code == 200
    assert services(live_server)["A"]["open"] is True
    assert kiosk.issue("A")["number"] == "A-001"


def test_cutoff_change_moves_when_tickets_stop(live_server):
    """At 14:40 (A closes 15:00) a 30-minute cutoff has passed and a 10-minute one has not."""
    admin = Api(live_server, live_server.admin_token())
    live_server.clock.set(DEMO_START.replace(hour=14, minute=40))
    assert admin.get("/admin/settings").json()["cutoff_minutes"] == 30
    assert services(live_server)["A"]["reason"] == "cutoff_passed"
    assert admin.patch("/admin/settings", json={"cutoff_minutes": 10}).status_code == 200
    assert services(live_server)["A"]["open"] is True
    live_server.clock.set(DEMO_START.replace(hour=14, minute=51))
    assert services(live_server)["A"]["reason"] == "cutoff_passed"
    assert admin.patch("/admin/settings", json={"cutoff_minutes": 0}).status_code == 200
    assert Api(live_server, live_server.kiosk_token).issue("A")["number"] == "A-001"


def test_site_rules_survive_a_restart_and_the_file_does_not_overwrite_them(live_server):
    """Edits are stored (repeats folded, date order); a restart with the same server.toml keeps
    them instead of seeding the file's values again."""
    admin = Api(live_server, live_server.admin_token())
    body = {"holidays": ["2027-03-20", "2025-08-17", "2027-03-20"], "cutoff_minutes": 45}
    saved = admin.patch("/admin/settings", json=body).json()
    assert saved["holidays"] == ["2025-08-17", "2027-03-20"] and saved["cutoff_minutes"] == 45
    live_server.stop()
    live_server.start()
    again = Api(live_server, live_server.admin_token()).get("/admin/settings").json()
    assert (again["holidays"], again["cutoff_minutes"]) == (["2025-08-17", "2027-03-20"], 45)
    live_server.clock.set(DEMO_START.replace(hour=14, minute=20))
    assert services(live_server)["A"]["reason"] == "cutoff_passed"


def test_operator_cannot_change_site_rules(live_server):
    operator = Api(live_server, live_server.operator_token())
    for body in ({"holidays": [TODAY]}, {"cutoff_minutes": 0}):
        refused = operator.patch("/admin/settings", json=body)
        assert refused.status_code == 403, body
    assert operator.get("/admin/settings").status_code == 403
    assert services(live_server)["A"]["open"] is True


def test_bad_site_rules_are_refused_with_the_error_shape(live_server):
    """A wrong date or an out-of-range cutoff is a 422 validation_error and changes nothing."""
    admin = Api(live_server, live_server.admin_token())
    before = admin.get("/admin/settings").json()
    tomorrow = (DEMO_START.date() + dt.timedelta(days=1)).isoformat()
    for body in (
        {"holidays": ["2026-02-30"]},
        {"holidays": [tomorrow, "besok"]},
        {"holidays": ["30-11-2026"]},
        {"holidays": [20261130]},
        {"holidays": "2026-11-30"},
        {"holidays": [TODAY] * 367},
        {"cutoff_minutes": -5},
        {"cutoff_minutes": 10000},
        {"cutoff_minutes": "tiga puluh"},
    ):
        refused = admin.patch("/admin/settings", json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert error_code(refused) == "validation_error"
    assert admin.get("/admin/settings").json() == before

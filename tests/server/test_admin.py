"""The admin's CRUD and the daily report."""

import csv
import io

from client import ApiClient
from tests.server.util import Api, counter_id, error_code


def test_create_device_returns_its_token_once(live_server):
    """A new device's token is in the create answer only, and it works at once."""
    admin = Api(live_server, live_server.admin_token())
    created = admin.post("/admin/devices", json={"name": "kiosk-9", "kind": "kiosk"}).json()
    token = created["token"]
    assert len(token) >= 32
    assert all("token" not in d for d in admin.get("/admin/devices").json())
    assert Api(live_server, token).issue("A")["number"] == "A-001"
    admin.patch(f"/admin/devices/{created['id']}", json={"active": False})
    assert Api(live_server, token).post("/tickets", json={"service": "A"}).status_code == 401


def test_database_keeps_no_plain_secrets(live_server):
    """Neither demo passwords nor demo tokens appear in the database file."""
    live_server.admin_token()
    raw = b"".join(path.read_bytes() for path in live_server.data_dir.glob("antrian.sqlite3*"))
    for secret in (b"admin-demo-2026", b"petugas-demo-2026", b"demo-kiosk-1-token"):
        assert secret not in raw


def test_service_crud_and_hours(live_server):
    """Create, change and delete a service; the kiosk list follows."""
    admin = Api(live_server, live_server.admin_token())
    new = {
        "code": "W",
        "name": "Legalisir Ijazah",
        "agency": "Mal Pelayanan Publik Kabupaten Madiun",
        "daily_quota": 10,
        "hours": {"mon": "08:00-12:00"},
    }
    assert admin.post("/admin/services", json=new).status_code == 201
    duplicate = admin.post("/admin/services", json=new)
    assert (duplicate.status_code, error_code(duplicate)) == (409, "already_exists")
    changed = admin.patch("/admin/services/W", json={"daily_quota": None, "enabled": False}).json()
    assert (changed["daily_quota"], changed["enabled"]) == (None, False)
    listed = {s["code"]: s for s in Api(live_server).get("/services").json()}
    assert listed["W"]["reason"] == "disabled"
    bad_hours = admin.patch("/admin/services/W", json={"hours": {"mon": "9-5"}})
    assert bad_hours.status_code == 422
    assert admin.delete("/admin/services/W").status_code == 204
    assert admin.delete("/admin/services/W").status_code == 404


def test_service_with_tickets_cannot_be_deleted(live_server):
    """A service with tickets is in use: delete is 409; disabling is the way."""
    Api(live_server, live_server.kiosk_token).issue("A")
    answer = Api(live_server, live_server.admin_token()).delete("/admin/services/A")
    assert (answer.status_code, error_code(answer)) == (409, "in_use")


def test_counter_user_and_agency_crud(live_server):
    """Counters, users and agencies can be created, changed and removed."""
    admin = Api(live_server, live_server.admin_token())
    agency = admin.post("/admin/agencies", json={"name": "Kantor Pos", "short_name": "Pos"})
    assert agency.status_code == 201
    counter = admin.post("/admin/counters", json={"name": "Loket 23", "services": ["T"]}).json()
    assert counter["services"] == ["T"]
    user = admin.post(
        "/admin/users",
        json={
            "username": "petugas23",
            "password": "rahasia-23-baru",
            "role": "operator",
            "counters": [counter["id"]],
        },
    ).json()
    staff = Api(live_server, live_server.login("petugas23", "rahasia-23-baru"))
    assert [c["name"] for c in staff.get("/counters").json()] == ["Loket 23"]
    admin.patch(f"/admin/users/{user['id']}", json={"active": False})
    assert staff.get("/counters").status_code == 401
    renamed = admin.patch(f"/admin/counters/{counter['id']}", json={"name": "Loket 23A"}).json()
    assert renamed["name"] == "Loket 23A"
    assert admin.delete(f"/admin/counters/{counter['id']}").status_code == 204
    assert admin.delete(f"/admin/users/{user['id']}").status_code == 204
    assert admin.delete(f"/admin/agencies/{agency.json()['id']}").status_code == 204


def test_admin_edits_survive_restart(live_server):
    """The database is the truth after bootstrap: an edit persists across a restart."""
    admin = Api(live_server, live_server.admin_token())
    admin.patch("/admin/services/A", json={"name": "KTP-el"})
    live_server.stop()
    live_server.start()
    names = {s["code"]: s["name"] for s in Api(live_server).get("/services").json()}
    assert names["A"] == "KTP-el"


def test_daily_report_json_and_csv(live_server):
    """The report counts issued, served and no-show per service, with waiting/service times."""
    kiosk = Api(live_server, live_server.kiosk_token)
    for _ in range(3):
        kiosk.issue("A")
    staff = Api(live_server, live_server.operator_token())
    loket1 = counter_id(live_server, "Loket 1")
    for _ in range(2):
        staff.post(f"/counters/{loket1}/call-next")
        staff.post(f"/counters/{loket1}/start")
        staff.post(f"/counters/{loket1}/finish")
    staff.post(f"/counters/{loket1}/call-next")
    staff.post(f"/counters/{loket1}/recall")
    staff.post(f"/counters/{loket1}/recall")
    staff.post(f"/counters/{loket1}/no-show")
    admin = Api(live_server, live_server.admin_token())
    report = admin.get("/reports/daily?date=2026-11-30").json()
    row = next(r for r in report["services"] if r["code"] == "A")
    assert (row["issued"], row["served"], row["no_show"]) == (3, 2, 1)
    assert row["wait_avg_minutes"] is not None and row["service_avg_minutes"] is not None
    assert report["totals"]["issued"] == 3
    text = admin.get("/reports/daily?date=2026-11-30&format=csv")
    assert text.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(text.text)))
    assert next(r for r in rows if r["code"] == "A")["served"] == "2"
    bad = admin.get("/reports/daily?date=2026-13-45")
    assert (bad.status_code, error_code(bad)) == (422, "bad_date")


def test_device_list_carries_the_health_verdict_of_the_pages(live_server):
    """One device-health rule: the API's list says what the devices page shows."""
    admin = ApiClient(live_server.url, token=live_server.admin_token())
    kiosk = ApiClient(live_server.url, token=live_server.kiosk_token)
    kiosk.heartbeat({"printer": "paper_out"})
    devices = {d["name"]: d for d in admin.admin("GET", "/devices")}
    assert devices["kiosk-1"]["level"] == "bad"
    assert devices["kiosk-1"]["problem"] == "printer_paper_out"
    assert devices["kiosk-1"]["seen_minutes"] == 0
    assert devices["kiosk-2"]["level"] == "warn"  # never seen
    assert devices["kiosk-2"]["problem"] == "device_never_seen"

"""Two sites on one server (issue 14): an MPP and its service point share one database but
number, call, show and report their own tickets, and one site's staff cannot act on the other."""

import pytest
import requests

from config import ConfigError
from config.server import load_server_settings
from tests.server.util import Api, error_code

KIOSK_A, KIOSK_B = "kiosk-mpp-0000000001", "kiosk-dolopo-000000001"
DISPLAY_A, DISPLAY_B = "display-mpp-00000000001", "display-dolopo-0000001"
PASSWORD = "rahasia-sekali"

TWO_SITES = f"""
[site]
name = "Mal Pelayanan Publik Kabupaten Madiun"
code = "utama"

[[sites]]
code = "dolopo"
name = "MPP Digital Kecamatan Dolopo"

[[agencies]]
name = "Dinas Kependudukan dan Pencatatan Sipil"
short_name = "Dukcapil"

[[services]]
code = "A"
name = "KTP Elektronik"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
daily_quota = 4
hours = {{ mon = "08:00-15:00", tue = "08:00-15:00" }}
booking_slot_minutes = 30
booking_slot_capacity = 2

[[services]]
code = "A"
name = "KTP Elektronik"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
site = "dolopo"

[[services]]
code = "B"
name = "Kartu Keluarga"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
site = "dolopo"

[[counters]]
name = "Loket 1"
services = ["A"]

[[counters]]
name = "Loket 1"
services = ["A", "B"]
site = "dolopo"

[[users]]
username = "petugas-mpp"
password = "{PASSWORD}"
role = "operator"
counters = ["Loket 1"]

[[users]]
username = "petugas-dolopo"
password = "{PASSWORD}"
role = "operator"
counters = ["Loket 1"]
site = "dolopo"

[[users]]
username = "admin-dolopo"
password = "{PASSWORD}"
role = "admin"
site = "dolopo"

[[users]]
username = "admin"
password = "{PASSWORD}"
role = "admin"

[[devices]]
name = "kiosk-mpp"
kind = "kiosk"
token = "{KIOSK_A}"

[[devices]]
name = "kiosk-dolopo"
kind = "kiosk"
token = "{KIOSK_B}"
site = "dolopo"

[[devices]]
name = "display-mpp"
kind = "display"
token = "{DISPLAY_A}"

[[devices]]
name = "display-dolopo"
kind = "display"
token = "{DISPLAY_B}"
site = "dolopo"
"""


def two_site_server(live_server_factory, tmp_path):
    config = tmp_path / "server.toml"
    config.write_text(TWO_SITES, encoding="utf-8")
    return live_server_factory(config)


def staff(server, username: str) -> Api:
    return Api(server, server.login(username, PASSWORD))


def loket_1(api: Api) -> int:
    counters = api.get("/counters").json()
    assert [c["name"] for c in counters] == ["Loket 1"], counters
    return counters[0]["id"]


def test_the_same_number_on_two_sites_is_two_tickets(live_server_factory, tmp_path):
    """Both kiosks draw "A-001": two tickets, each called at its own site's Loket 1, each shown
    on its own site's board only, each counted in its own site's report."""
    server = two_site_server(live_server_factory, tmp_path)
    at_mpp = Api(server, KIOSK_A).issue("A")
    at_dolopo = Api(server, KIOSK_B).issue("A")
    assert at_mpp["number"] == at_dolopo["number"] == "A-001"
    assert at_mpp["id"] != at_dolopo["id"]
    assert at_mpp["tracking_code"] != at_dolopo["tracking_code"]

    # Each kiosk sees its own site's services: dolopo has B, the MPP does not.
    assert [s["code"] for s in Api(server, KIOSK_A).get("/services").json()] == ["A"]
    assert [s["code"] for s in Api(server, KIOSK_B).get("/services").json()] == ["A", "B"]
    assert [s["code"] for s in Api(server).get("/services?site=dolopo").json()] == ["A", "B"]
    assert error_code(Api(server).get("/services?site=nowhere")) == "site_not_found"

    # Quotas are per site: the MPP's A has 4 a day, dolopo's A none.
    for _ in range(3):
        Api(server, KIOSK_A).issue("A")
    refused = Api(server, KIOSK_A).post("/tickets", json={"service": "A"})
    assert refused.status_code == 409 and error_code(refused) == "quota_exhausted"
    assert Api(server, KIOSK_B).issue("A")["number"] == "A-002"

    mpp_staff, dolopo_staff = staff(server, "petugas-mpp"), staff(server, "petugas-dolopo")
    called_mpp = mpp_staff.post(f"/counters/{loket_1(mpp_staff)}/call-next").json()
    called_dolopo = dolopo_staff.post(f"/counters/{loket_1(dolopo_staff)}/call-next").json()
    assert called_mpp["current"]["id"] == at_mpp["id"]
    assert called_dolopo["current"]["id"] == at_dolopo["id"]

    board_mpp = Api(server, DISPLAY_A).get("/display/state").json()
    board_dolopo = Api(server, DISPLAY_B).get("/display/state").json()
    assert [c["ticket"]["id"] for c in board_mpp["calls"]] == [at_mpp["id"]]
    assert [c["ticket"]["id"] for c in board_dolopo["calls"]] == [at_dolopo["id"]]
    assert [c["id"] for c in board_mpp["counters"]] == [loket_1(mpp_staff)]
    assert [w["code"] for w in board_dolopo["waiting"]] == ["A", "B"]

    # The citizen's tracking page finds each ticket by its own code.
    tracked = Api(server).get(f"/track/{at_dolopo['tracking_code']}").json()
    assert tracked["number"] == "A-001" and tracked["status"] == "called"

    dolopo_admin = staff(server, "admin-dolopo")
    report = dolopo_admin.get("/reports/daily").json()
    assert report["totals"]["issued"] == 2  # dolopo's two, not the MPP's four
    everything = staff(server, "admin").get("/reports/daily").json()
    assert everything["totals"]["issued"] == 6
    one = staff(server, "admin").get("/reports/daily?site=utama").json()
    assert one["totals"]["issued"] == 4 and [r["code"] for r in one["services"]] == ["A"]
    refused = dolopo_admin.get("/reports/daily?site=utama")
    assert refused.status_code == 404 and error_code(refused) == "site_not_found"


def test_one_sites_staff_are_refused_on_the_other(live_server_factory, tmp_path):
    """An operator and an admin of dolopo cannot call, see or change the MPP's counter, its
    tickets, services, users or devices; the admin of every site can."""
    server = two_site_server(live_server_factory, tmp_path)
    ticket = Api(server, KIOSK_A).issue("A")
    everyone = staff(server, "admin")
    counters = everyone.get("/admin/counters").json()
    mpp_loket = next(c["id"] for c in counters if c["name"] == "Loket 1" and c["site_id"] == 1)
    assert len(counters) == 2  # both sites' "Loket 1"

    for username in ("petugas-dolopo", "admin-dolopo"):
        other = staff(server, username)
        for path in (f"/counters/{mpp_loket}/call-next", f"/counters/{mpp_loket}/pause"):
            answer = other.post(path)
            assert answer.status_code == 403, (username, path, answer.text)
            assert error_code(answer) == "not_your_counter"
        assert other.get(f"/counters/{mpp_loket}").status_code == 403
        assert mpp_loket not in [c["id"] for c in other.get("/counters").json()]
        cancel = other.post(f"/tickets/{ticket['id']}/cancel")
        assert cancel.status_code in (403, 404), cancel.text

    dolopo_admin = staff(server, "admin-dolopo")
    assert [s["site_id"] for s in dolopo_admin.get("/admin/services").json()] == [2, 2]
    assert [c["site_id"] for c in dolopo_admin.get("/admin/counters").json()] == [2]
    assert {u["username"] for u in dolopo_admin.get("/admin/users").json()} == {
        "petugas-dolopo",
        "admin-dolopo",
    }
    assert {d["name"] for d in dolopo_admin.get("/admin/devices").json()} == {
        "kiosk-dolopo",
        "display-dolopo",
    }
    patch = dolopo_admin.patch(f"/admin/counters/{mpp_loket}", json={"name": "Loket 9"})
    assert patch.status_code == 404 and error_code(patch) == "counter_not_found"
    # Its new counter belongs to dolopo and may have dolopo's "B", which the MPP lacks.
    made = dolopo_admin.post("/admin/counters", json={"name": "Loket 2", "services": ["B"]})
    assert made.status_code == 201, made.text
    assert made.json()["site_id"] == 2

    # The admin of every site acts at the MPP's counter.
    answer = everyone.post(f"/counters/{mpp_loket}/call-next")
    assert answer.status_code == 200 and answer.json()["current"]["id"] == ticket["id"]


def test_a_booking_is_checked_in_at_its_own_site_only(live_server_factory, tmp_path):
    """A booking for the MPP's "A" at 10.30: dolopo's kiosk (which has an "A" too) refuses it
    with a reason; the MPP's kiosk checks it in."""
    server = two_site_server(live_server_factory, tmp_path)
    booking = Api(server).post(
        "/bookings", json={"service": "A", "date": "2026-11-30", "start": "10:30"}
    )
    assert booking.status_code == 201, booking.text
    code = booking.json()["code"]
    server.clock.set(server.clock.now().replace(hour=10, minute=5))
    elsewhere = Api(server, KIOSK_B).post(f"/bookings/{code}/check-in")
    assert elsewhere.status_code == 409 and error_code(elsewhere) == "booking_other_site"
    assert "lokasi lain" in elsewhere.json()["error"]["message"]
    here = Api(server, KIOSK_A).post(f"/bookings/{code}/check-in")
    assert here.status_code == 201 and here.json()["number"] == "A-001"


def test_a_single_site_hall_is_as_before(live_server):
    """The demo hall (no [[sites]]): one site, every user and device on it, admins of every
    site; the service list and the board as they always were."""
    admin = Api(live_server, live_server.admin_token())
    assert {s["site_id"] for s in admin.get("/admin/services").json()} == {1}
    assert requests.get(f"{live_server.api}/services", timeout=10).status_code == 200
    assert live_server.operator_token()


SERVICE = 'name = "KTP"\nagency = "Dukcapil"\n'


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        (f'[[services]]\ncode = "A"\n{SERVICE}site = "nowhere"\n', "services[1].site"),
        (
            f'[[services]]\ncode = "A"\n{SERVICE}\n[[services]]\ncode = "A"\n{SERVICE}',
            "services[2].code",
        ),
        (
            '[[sites]]\ncode = "dolopo"\nname = "Dolopo"\n\n'
            f'[[services]]\ncode = "B"\n{SERVICE}site = "dolopo"\n\n'
            '[[counters]]\nname = "Loket 1"\nservices = ["B"]\n',
            "counters[1].services",  # the first site's counter cannot call dolopo's B
        ),
        ('[[sites]]\ncode = "utama"\nname = "Lagi"\n', "sites[2].code"),
        ('[[sites]]\ncode = "Dolopo Baru"\nname = "X"\n', "sites[1].code"),
    ],
)
def test_the_file_keeps_each_site_to_itself(tmp_path, text, fault):
    path = tmp_path / "server.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_server_settings(path)
    assert fault in str(caught.value)


def test_the_same_code_and_counter_name_on_two_sites_is_fine(tmp_path):
    path = tmp_path / "server.toml"
    path.write_text(TWO_SITES, encoding="utf-8")
    settings = load_server_settings(path)
    assert [settings.site_of(s) for s in settings.services] == ["utama", "dolopo", "dolopo"]

"""Two sites on one server (issue 14): an MPP and its service point share one database but
number, call, show and report their own tickets, and one site's staff cannot act on the other.
The hall is tests/support/two_sites.py: `utama` (A, B; Loket 1, Loket 2) and `dolopo` (A, K;
Loket 1)."""

import pytest
import requests

from config import ConfigError
from config.server import load_server_settings
from tests.server.util import Api, error_code
from tests.support.two_sites import TwoSites, write_two_sites


@pytest.fixture
def hall(live_server_factory, tmp_path):
    sites = write_two_sites(tmp_path)
    return live_server_factory(sites.config_path), sites


def staff(server, user: tuple[str, str]) -> Api:
    return Api(server, server.login(*user))


def kiosk(server, sites: TwoSites, site: str) -> Api:
    return Api(server, sites.kiosk_tokens[site])


def board(server, sites: TwoSites, site: str) -> dict:
    return Api(server, sites.display_tokens[site]).get("/display/state").json()


def loket_1(api: Api) -> int:
    counters = api.get("/counters").json()
    assert [c["name"] for c in counters] == ["Loket 1"], counters
    return counters[0]["id"]


def codes(answer: requests.Response) -> list[str]:
    assert answer.status_code == 200, answer.text
    return [row["code"] for row in answer.json()]


def test_the_same_number_on_two_sites_is_two_tickets(hall):
    """Both kiosks draw "A-001": two tickets, each called at its own site's Loket 1, each shown
    on its own site's board only, each counted in its own site's report; a quota set at one
    site leaves the other's alone."""
    server, sites = hall
    at_utama = kiosk(server, sites, "utama").issue("A")
    at_dolopo = kiosk(server, sites, "dolopo").issue("A")
    assert at_utama["number"] == at_dolopo["number"] == "A-001"
    assert at_utama["id"] != at_dolopo["id"]
    assert at_utama["tracking_code"] != at_dolopo["tracking_code"]
    assert at_dolopo["service"]["name"] == "Perekaman KTP-el Dolopo"

    # Each kiosk sees its own site's services; open callers name the site.
    assert codes(kiosk(server, sites, "utama").get("/services")) == ["A", "B"]
    assert codes(kiosk(server, sites, "dolopo").get("/services")) == ["A", "K"]
    assert codes(Api(server).get("/services?site=dolopo")) == ["A", "K"]
    assert error_code(Api(server).get("/services?site=nowhere")) == "site_not_found"
    refused = kiosk(server, sites, "utama").post("/tickets", json={"service": "K"})
    assert refused.status_code == 404 and error_code(refused) == "service_not_found"

    # Quotas are per site: utama's admin sets 2 for utama's A; dolopo's A keeps its 40.
    utama_admin = staff(server, sites.admin_utama)
    changed = utama_admin.patch("/admin/services/A", json={"daily_quota": 2})
    assert changed.status_code == 200 and changed.json()["daily_quota"] == 2
    assert kiosk(server, sites, "utama").issue("A")["number"] == "A-002"
    full = kiosk(server, sites, "utama").post("/tickets", json={"service": "A"})
    assert full.status_code == 409 and error_code(full) == "quota_exhausted"
    assert kiosk(server, sites, "dolopo").issue("A")["number"] == "A-002"

    at_utama_staff = staff(server, sites.operator_utama)
    at_dolopo_staff = staff(server, sites.operator_dolopo)
    called = at_utama_staff.post(f"/counters/{loket_1(at_utama_staff)}/call-next").json()
    assert called["current"]["id"] == at_utama["id"]
    called = at_dolopo_staff.post(f"/counters/{loket_1(at_dolopo_staff)}/call-next").json()
    assert called["current"]["id"] == at_dolopo["id"]

    utama_board, dolopo_board = board(server, sites, "utama"), board(server, sites, "dolopo")
    assert [c["ticket"]["id"] for c in utama_board["calls"]] == [at_utama["id"]]
    assert [c["ticket"]["id"] for c in dolopo_board["calls"]] == [at_dolopo["id"]]
    assert [c["name"] for c in utama_board["counters"]] == ["Loket 1", "Loket 2"]
    assert [w["code"] for w in dolopo_board["waiting"]] == ["A", "K"]
    # Asked again, a known display is answered by the long poll's fast path: still its site's.
    again = board(server, sites, "dolopo")
    assert again["calls"] == dolopo_board["calls"] and again["waiting"] == dolopo_board["waiting"]

    # The citizen's tracking page finds each ticket by its own code.
    tracked = Api(server).get(f"/track/{at_dolopo['tracking_code']}").json()
    assert tracked["number"] == "A-001" and tracked["status"] == "called"

    dolopo_admin = staff(server, sites.admin_dolopo)
    assert dolopo_admin.get("/reports/daily").json()["totals"]["issued"] == 2
    everyone = staff(server, sites.admin)
    assert everyone.get("/reports/daily").json()["totals"]["issued"] == 4
    one = everyone.get("/reports/daily?site=utama").json()
    assert one["totals"]["issued"] == 2 and [r["code"] for r in one["services"]] == ["A", "B"]
    refused = dolopo_admin.get("/reports/daily?site=utama")
    assert refused.status_code == 404 and error_code(refused) == "site_not_found"


def test_one_sites_staff_are_refused_on_the_other(hall):
    """An operator and an admin of dolopo cannot call, see or change utama's counter, its
    tickets, services, users or devices; the admin of every site can."""
    server, sites = hall
    ticket = kiosk(server, sites, "utama").issue("A")
    everyone = staff(server, sites.admin)
    counters = everyone.get("/admin/counters").json()
    assert [(c["name"], c["site_id"]) for c in counters] == [
        ("Loket 1", 1),
        ("Loket 2", 1),
        ("Loket 1", 2),
    ]
    utama_loket = counters[0]["id"]

    for user in (sites.operator_dolopo, sites.admin_dolopo):
        other = staff(server, user)
        for path in (f"/counters/{utama_loket}/call-next", f"/counters/{utama_loket}/pause"):
            answer = other.post(path)
            assert answer.status_code == 403, (user, path, answer.text)
            assert error_code(answer) == "not_your_counter"
        assert other.get(f"/counters/{utama_loket}").status_code == 403
        assert utama_loket not in [c["id"] for c in other.get("/counters").json()]
        assert other.get(f"/tickets/{ticket['id']}").status_code == 404
        cancel = other.post(f"/tickets/{ticket['id']}/cancel")
        assert cancel.status_code in (403, 404), cancel.text

    dolopo_admin = staff(server, sites.admin_dolopo)
    assert [s["site_id"] for s in dolopo_admin.get("/admin/services").json()] == [2, 2]
    assert [c["site_id"] for c in dolopo_admin.get("/admin/counters").json()] == [2]
    users = {u["username"] for u in dolopo_admin.get("/admin/users").json()}
    assert users == {"op-dolopo", "admin-dolopo"}
    devices = {d["name"] for d in dolopo_admin.get("/admin/devices").json()}
    assert devices == {"kiosk-dolopo", "display-dolopo"}
    patch = dolopo_admin.patch(f"/admin/counters/{utama_loket}", json={"name": "Loket 9"})
    assert patch.status_code == 404 and error_code(patch) == "counter_not_found"
    # Its new counter belongs to dolopo, and may be called "Loket 2" as utama's is.
    made = dolopo_admin.post("/admin/counters", json={"name": "Loket 2", "services": ["K"]})
    assert made.status_code == 201, made.text
    assert made.json()["site_id"] == 2
    other_sites = dolopo_admin.post("/admin/counters", json={"name": "Loket 3", "services": ["B"]})
    assert other_sites.status_code == 404 and error_code(other_sites) == "service_not_found"

    elsewhere = kiosk(server, sites, "dolopo").get(f"/tickets/{ticket['id']}")
    assert elsewhere.status_code == 404 and error_code(elsewhere) == "ticket_not_found"
    assert everyone.get(f"/tickets/{ticket['id']}").status_code == 200

    # The admin of every site acts at utama's counter.
    answer = everyone.post(f"/counters/{utama_loket}/call-next")
    assert answer.status_code == 200 and answer.json()["current"]["id"] == ticket["id"]


def test_a_booking_is_checked_in_at_its_own_site_only(hall):
    """A booking for utama's "A" at 10.30: dolopo's kiosk (which has an "A" too) refuses it
    with a reason; utama's kiosk checks it in."""
    server, sites = hall
    booking = Api(server).post(
        "/bookings", json={"service": "A", "date": "2026-11-30", "start": "10:30"}
    )
    assert booking.status_code == 201, booking.text
    code = booking.json()["code"]
    server.clock.set(server.clock.now().replace(hour=10, minute=5))
    elsewhere = kiosk(server, sites, "dolopo").post(f"/bookings/{code}/check-in")
    assert elsewhere.status_code == 409 and error_code(elsewhere) == "booking_other_site"
    assert "lokasi lain" in elsewhere.json()["error"]["message"]
    here = kiosk(server, sites, "utama").post(f"/bookings/{code}/check-in")
    assert here.status_code == 201 and here.json()["number"] == "A-001"


def test_a_single_site_hall_is_as_before(live_server):
    """The demo hall (no [[sites]]): one site, every row on it."""
    admin = Api(live_server, live_server.admin_token())
    assert {s["site_id"] for s in admin.get("/admin/services").json()} == {1}
    assert {c["site_id"] for c in admin.get("/admin/counters").json()} == {1}
    assert requests.get(f"{live_server.api}/services", timeout=10).status_code == 200


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
    settings = load_server_settings(write_two_sites(tmp_path).config_path)
    assert [(settings.site_of(s), s.code) for s in settings.services] == [
        ("utama", "A"),
        ("utama", "B"),
        ("dolopo", "A"),
        ("dolopo", "K"),
    ]
    assert [(settings.site_of(c), c.name) for c in settings.counters][::2] == [
        ("utama", "Loket 1"),
        ("dolopo", "Loket 1"),
    ]

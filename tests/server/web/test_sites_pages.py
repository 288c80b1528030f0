"""The staff and public pages of a server of two sites (tests/support/two_sites.py): a site's
admin sees and reaches only their site's rows, the admin of every site narrows with the site
picker, reports and the help desk count one site, and the booking page asks for the site
first. Over plain HTTP and in real headless Chromium against the live server."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.server.util import Api
from tests.server.web.browser import log_in
from tests.server.web.conftest import WebSession
from tests.server.web.test_accessibility import AXE_OPTIONS, WIDTHS, serious
from tests.support.live_server import DEMO_START
from tests.support.two_sites import HALL_NAME, POINT_NAME, TwoSites, write_two_sites

TODAY = DEMO_START.date().isoformat()


@pytest.fixture
def sites(tmp_path) -> TwoSites:
    return write_two_sites(tmp_path)


@pytest.fixture
def server(live_server_factory, sites):
    return live_server_factory(sites.config_path)


def _rows(server, what: str) -> list[dict]:
    """Every site's counters, users or devices as stored (with their `site_id`)."""
    with server.app.state.store.read() as tx:
        return [dict(row) for row in getattr(tx, what)()]


def _tiles(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<span class="tile-n"[^>]*>(\d+)</span>', html)]


def test_a_site_admin_sees_and_reaches_only_their_own_site(server, sites):
    counters = _rows(server, "counters")
    utama_loket = next(c for c in counters if c["name"] == "Loket 1" and c["site_id"] == 1)
    users = {u["username"]: u for u in _rows(server, "users")}
    devices = {d["name"]: d for d in _rows(server, "devices")}
    dolopo = WebSession(server, *sites.admin_dolopo)

    page = dolopo.get("/admin/layanan").text
    assert "Perekaman KTP-el Dolopo" in page and "Kartu Keluarga Dolopo" in page
    assert "Sertifikat Tanah" not in page and "KTP Elektronik" not in page
    assert POINT_NAME in page and 'name="lokasi"' not in page  # their site named, no picker
    assert "Perekaman KTP-el Dolopo" in dolopo.get("/admin/layanan/A").text  # their own "A"
    assert dolopo.get("/admin/layanan/B").status_code == 404  # utama's only

    page = dolopo.get("/admin/loket").text
    assert page.count(">Loket 1<") == 1 and ">Loket 2<" not in page
    assert dolopo.get(f"/admin/loket/{utama_loket['id']}").status_code == 404
    gone = dolopo.post(f"/admin/loket/{utama_loket['id']}/hapus", data={"csrf": dolopo.csrf})
    assert gone.status_code == 404

    page = dolopo.get("/admin/pengguna").text
    assert "op-dolopo" in page and "op-utama" not in page and "admin-utama" not in page
    assert dolopo.get(f"/admin/pengguna/{users['op-utama']['id']}").status_code == 404

    page = dolopo.get("/admin/perangkat").text
    assert "kiosk-dolopo" in page and "display-dolopo" in page and "kiosk-utama" not in page
    toggle = dolopo.post(
        f"/admin/perangkat/{devices['kiosk-utama']['id']}/aktif", data={"csrf": dolopo.csrf}
    )
    assert toggle.status_code == 404
    assert next(d for d in _rows(server, "devices") if d["name"] == "kiosk-utama")["active"]

    # What they make belongs to their site: a user, and a device paired with their code.
    form = {"csrf": dolopo.csrf, "username": "op-baru", "role": "operator",
            "password": "rahasia-baru-2026"}  # fmt: skip
    assert dolopo.post("/admin/pengguna", data=form).url.endswith("pesan=created")
    made = next(u for u in _rows(server, "users") if u["username"] == "op-baru")
    assert made["site_id"] == 2
    answer = dolopo.post(
        "/admin/perangkat/pasangkan",
        data={"csrf": dolopo.csrf, "name": "kiosk-dolopo-2", "kind": "kiosk"},
    )
    assert answer.status_code == 201
    code = re.search(r'id="pairing-code">([A-Z0-9-]+)<', answer.text).group(1)
    assert Api(server).post("/devices/pair", json={"code": code}).status_code == 201
    paired = next(d for d in _rows(server, "devices") if d["name"] == "kiosk-dolopo-2")
    assert paired["site_id"] == 2


def test_the_admin_of_every_site_narrows_with_the_picker(server, sites, new_page):
    page = new_page()
    log_in(page, server.url, *sites.admin)
    page.goto(f"{server.url}/admin/layanan")
    table = page.locator("table.data")
    # Every site: both sites' rows, each with its site.
    expect(table.locator("thead")).to_contain_text("Lokasi")
    expect(table.locator("tr", has_text="KTP Elektronik")).to_contain_text(HALL_NAME)
    expect(table.locator("tr", has_text="Perekaman KTP-el Dolopo")).to_contain_text(POINT_NAME)
    expect(page.get_by_role("link", name="Tambah layanan")).to_have_count(0)  # pick one first

    # The edit link of the point's "A" opens (and saves) that site's "A", not the hall's.
    table.locator("tr", has_text="Perekaman KTP-el Dolopo").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/admin/layanan/A\?lokasi=2$"))
    page.fill("#f-name", "KTP-el Dolopo")
    page.get_by_role("button", name="Simpan").click()
    expect(page).to_have_url(re.compile(r"/admin/layanan\?pesan=saved$"))
    expect(table).to_contain_text("KTP-el Dolopo")
    expect(table).to_contain_text("KTP Elektronik")

    picker = page.get_by_label("Lokasi")
    expect(picker).to_have_value("")
    picker.select_option(label=POINT_NAME)
    page.get_by_role("button", name="Tampilkan").click()
    expect(page).to_have_url(re.compile(r"/admin/layanan$"))
    expect(table).to_contain_text("KTP-el Dolopo")
    expect(table).not_to_contain_text("KTP Elektronik")
    expect(table.locator("thead")).not_to_contain_text("Lokasi")  # one site: no site column
    expect(page.get_by_label("Lokasi")).to_have_value("2")

    page.goto(f"{server.url}/admin/loket")
    expect(page.locator("table.data tbody tr")).to_have_count(1)
    page.get_by_label("Lokasi").select_option(label="Semua lokasi")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page.locator("table.data tbody tr")).to_have_count(3)

    # A chosen site that does not exist (an old cookie) is every site.
    page.context.add_cookies([{"name": "antrian_lokasi", "value": "99", "url": server.url}])
    page.goto(f"{server.url}/admin/loket")
    expect(page.locator("table.data tbody tr")).to_have_count(3)
    expect(page.get_by_label("Lokasi")).to_have_value("")


def test_a_new_user_made_while_every_site_shows_gets_the_chosen_site(server, sites):
    admin = WebSession(server, *sites.admin)
    form = {"csrf": admin.csrf, "username": "op-tanpa", "role": "operator",
            "password": "rahasia-baru-2026", "site_id": ""}  # fmt: skip
    refused = admin.post("/admin/pengguna", data=form)
    assert refused.status_code == 422 and "satu lokasi" in refused.text
    made = admin.post("/admin/pengguna", data={**form, "site_id": "2"})
    assert made.url.endswith("pesan=created")
    user = next(u for u in _rows(server, "users") if u["username"] == "op-tanpa")
    assert user["site_id"] == 2


def test_reports_and_the_dashboard_count_only_the_site_shown(server, sites):
    issued = [
        Api(server, token).issue(code)
        for token, codes in (
            (sites.kiosk_tokens["utama"], "AAB"),
            (sites.kiosk_tokens["dolopo"], "K"),
        )
        for code in codes
    ]
    brand = re.compile(r'<span class="brand-text">([^<]*)</span>')
    tracked = Api(server).session.get(f"{server.url}/t/{issued[-1]['tracking_code']}", timeout=10)
    assert brand.search(tracked.text).group(1) == POINT_NAME  # the ticket's own site
    tracked = Api(server).session.get(f"{server.url}/t/{issued[0]['tracking_code']}", timeout=10)
    assert brand.search(tracked.text).group(1) == HALL_NAME
    dolopo = WebSession(server, *sites.admin_dolopo)
    utama = WebSession(server, *sites.admin_utama)
    every = WebSession(server, *sites.admin)
    assert _tiles(dolopo.get("/admin/laporan").text)[0] == 1
    assert _tiles(utama.get("/admin/laporan").text)[0] == 3
    report = every.get("/admin/laporan").text
    assert _tiles(report)[0] == 4 and "Semua lokasi" in report
    assert 'id="dash-issued">1<' in dolopo.get("/admin/dasbor").text
    csv = dolopo.get(f"/admin/laporan.csv?dari={TODAY}&sampai={TODAY}")
    assert f"laporan-dolopo-{TODAY}.csv" in csv.headers["Content-Disposition"]
    assert "Kartu Keluarga Dolopo" in csv.text and "Sertifikat Tanah" not in csv.text
    assert csv.text.lstrip("\ufeff").startswith("level,agency,")  # one site: no site column
    both = every.get(f"/admin/laporan.csv?dari={TODAY}&sampai={TODAY}").text.lstrip("\ufeff")
    assert both.startswith("level,site,agency,")
    assert f"service,{POINT_NAME},Dinas Kependudukan dan Pencatatan Sipil,A," in both
    assert f"service,{HALL_NAME},Dinas Kependudukan dan Pencatatan Sipil,A," in both


def test_operators_and_the_help_desk_stay_within_their_site(server, sites):
    dolopo_loket = next(c for c in _rows(server, "counters") if c["site_id"] == 2)
    operator = WebSession(server, *sites.operator_utama)
    refused = operator.get(f"/loket/{dolopo_loket['id']}")
    assert refused.status_code == 403
    every = WebSession(server, *sites.admin)
    choose = every.get("/loket").text  # every site: both "Loket 1", each with its site
    assert choose.count(f'<small class="muted">{HALL_NAME}</small>') == 2
    assert choose.count(f'<small class="muted">{POINT_NAME}</small>') == 1
    every.post("/lokasi", data={"csrf": every.csrf, "lokasi": "2", "next": "/loket"})
    assert every.get("/loket").text.count('class="choice"') == 1  # the chosen site's only
    assert Api(server, sites.kiosk_tokens["dolopo"]).post("/help", json={}).status_code == 201
    assert "kiosk-dolopo" not in operator.get("/bantuan").text
    assert "kiosk-dolopo" in WebSession(server, *sites.operator_dolopo).get("/bantuan").text
    call = Api(server, server.login(*sites.operator_dolopo)).get("/help").json()[0]
    closed = operator.post(
        f"/bantuan/{call['id']}/selesai", data={"csrf": operator.csrf}
    )  # another site's call is not theirs to close
    assert closed.status_code == 404


def test_booking_asks_for_the_site_first_and_books_there(server, new_page):
    page = new_page(390, 844)
    page.goto(f"{server.url}/reservasi")
    expect(page.get_by_role("heading", name="Pilih lokasi")).to_be_visible()
    expect(page.locator(".rsv-step")).to_contain_text("1 dari 5")
    page.get_by_role("link", name=POINT_NAME).click()
    expect(page).to_have_url(re.compile(r"\?site=dolopo$"))
    expect(page.locator(".rsv-site")).to_contain_text(POINT_NAME)
    page.get_by_role("link", name=re.compile("Dukcapil")).click()
    page.get_by_role("link", name="Perekaman KTP-el Dolopo").click()
    page.get_by_role("link", name=re.compile("Senin, 30 November 2026")).click()
    page.get_by_role("button", name=re.compile(r"^11\.00–12\.00")).click()
    expect(page.locator("#booking-site")).to_have_text(POINT_NAME)
    code = page.locator(".rsv-code").inner_text().replace(" ", "")
    assert Api(server).get(f"/bookings/{code}").json()["service_name"] == "Perekaman KTP-el Dolopo"

    slots = Api(server).get(
        "/booking/slots", params={"service": "A", "date": TODAY, "site": "dolopo"}
    )
    assert next(s for s in slots.json() if s["start"] == "11:00")["left"] == 1
    hall = Api(server).get("/booking/slots", params={"service": "A", "date": TODAY})
    assert next(s for s in hall.json() if s["start"] == "11:00")["left"] == 4
    unknown = Api(server).get(
        "/booking/slots", params={"service": "A", "date": TODAY, "site": "madiun-kota"}
    )
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "site_not_found"
    body = {"service": "A", "date": TODAY, "start": "12:00"}
    assert Api(server).post("/bookings", params={"site": "dolopo"}, json=body).status_code == 201
    body = {"service": "K", "date": TODAY, "start": "12:00"}  # the point's only: not the hall's
    answer = Api(server).post("/bookings", json=body)
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "service_not_found"


# The pages of several sites against axe-core, as tests/server/web/test_accessibility.py does
# for one site's: (who, path), who None for a public page.
SITE_PAGES = [
    ("admin", "/admin/layanan"),  # every site: the picker and the site column
    ("admin", "/admin/pengguna"),  # the new user's site field
    ("admin_dolopo", "/admin/loket"),  # a site's name in the header
    (None, "/reservasi"),  # "Pilih lokasi"
    (None, "/reservasi?site=dolopo"),
]


def test_the_pages_of_several_sites_have_no_serious_axe_violation(server, sites, browser):
    found = []
    for who, path in SITE_PAGES:
        for width, (columns, rows) in WIDTHS.items():
            context = browser.new_context(viewport={"width": columns, "height": rows})
            try:
                page = context.new_page()
                if who:
                    log_in(page, server.url, *getattr(sites, who))
                assert page.goto(server.url + path).ok
                page.wait_for_load_state("load")
                found += [
                    f"{path} at {width}: {line}"
                    for line in serious(Axe().run(page, options=AXE_OPTIONS))
                ]
            finally:
                context.close()
    assert not found, "\n".join(found)


def test_booking_admin_and_the_survey_pages_keep_to_the_site(server, sites):
    def slots(code: str, site: str) -> list[dict]:
        params = {"service": code, "date": TODAY, "site": site}
        return Api(server).get("/booking/slots", params=params).json()

    dolopo = WebSession(server, *sites.admin_dolopo)
    page = dolopo.get("/admin/reservasi").text
    assert "Perekaman KTP-el Dolopo" in page and "KTP Elektronik" not in page
    assert "Sertifikat Tanah" not in dolopo.get("/admin/laporan/ikm").text
    assert "Sertifikat Tanah" not in dolopo.get("/admin/skm").text

    every = WebSession(server, *sites.admin)
    page = every.get("/admin/reservasi").text
    assert 'action="/admin/reservasi/A?lokasi=2"' in page  # each row's form names its site
    saved = every.post(
        "/admin/reservasi/A?lokasi=2",
        data={"csrf": every.csrf, "slot_minutes": "30", "capacity": "3"},
    )
    assert saved.status_code == 200
    assert {s["capacity"] for s in slots("A", "dolopo")} == {3}  # the point's "A" changed
    assert {s["capacity"] for s in slots("A", "utama")} == {4}  # the hall's did not

"""The admin forms over plain HTTP: each refusal is said per field in Indonesian, and each
saved change reaches what devices read."""

from __future__ import annotations

import re

from server.web.render import LANG_COOKIE
from tests.server.util import Api
from tests.support.live_server import ADMIN

AGENCY = "Mal Pelayanan Publik Kabupaten Madiun"


def service_form(csrf: str, **fields) -> dict:
    form = {"csrf": csrf, "code": "W", "name": "Legalisir", "agency": AGENCY, "enabled": "1"}
    form.update({"mon_open": "08:00", "mon_close": "15:00", "fri_open": "08:00"})
    form.update(fields)
    return form


def test_service_form_names_every_wrong_field(live_server, web_session):
    """A bad code, quota and half-filled Friday are all reported at once, typed values kept."""
    admin = web_session(live_server, *ADMIN)
    answer = admin.post(
        "/admin/layanan/baru", data=service_form(admin.csrf, code="w1", daily_quota="0")
    )
    assert answer.status_code == 422
    assert "Kode berupa satu atau dua huruf kapital" in answer.text
    assert "Kuota berupa angka 1 sampai 9999" in answer.text
    assert "Isi jam buka dan jam tutup" in answer.text
    assert 'name="fri_open" value="08:00"' in answer.text  # what was typed is shown again
    assert "W1" not in {s["code"] for s in Api(live_server).get("/services").json()}


def test_new_service_with_hours_reaches_the_kiosk(live_server, web_session):
    """A service saved with Monday hours and a quota is on the kiosk's list, open on Monday."""
    admin = web_session(live_server, *ADMIN)
    answer = admin.post(
        "/admin/layanan/baru",
        data=service_form(admin.csrf, fri_open="", daily_quota="12", mon_close="16:00"),
    )
    assert answer.url.endswith("/admin/layanan?pesan=created"), answer.text[:300]
    assert "Sen 08.00–16.00" in answer.text
    kiosk_view = {s["code"]: s for s in Api(live_server).get("/services").json()}["W"]
    assert (kiosk_view["open"], kiosk_view["quota_left"]) == (True, 12)
    again = admin.post("/admin/layanan/baru", data=service_form(admin.csrf, fri_open=""))
    assert again.status_code == 422 and "W sudah ada" in again.text


def test_closing_time_before_opening_is_refused(live_server, web_session):
    """Hours that end before they start are refused with a sentence, nothing saved."""
    admin = web_session(live_server, *ADMIN)
    answer = admin.post(
        "/admin/layanan/A",
        data=service_form(admin.csrf, name="KTP Elektronik", mon_close="07:00", fri_open=""),
    )
    assert answer.status_code == 422
    assert "Jam tutup harus setelah jam buka" in answer.text
    assert Api(live_server, live_server.admin_token()).get("/admin/services").json()[0]["hours"][
        "mon"
    ] == ("08:00-15:00")


def settings_form(csrf: str, **fields) -> dict:
    form = {"csrf": csrf, "marquee": "Selamat datang", "priority_streak_limit": "3"}
    form.update({"no_show_after_calls": "3", "cutoff_minutes": "30", "holidays": "2026-12-25"})
    form.update(fields)
    return form


def test_settings_change_reaches_the_display(live_server, web_session):
    """A new marquee saved on the settings page is in the display state at once."""
    admin = web_session(live_server, *ADMIN)
    marquee = "Loket Samsat tutup pukul 14.00"
    answer = admin.post(
        "/admin/pengaturan",
        data=settings_form(admin.csrf, marquee=marquee, no_show_after_calls="abc"),
    )
    assert answer.status_code == 422 and "Isi angka 1 sampai 20" in answer.text
    answer = admin.post(
        "/admin/pengaturan",
        data=settings_form(admin.csrf, marquee=marquee, priority_streak_limit="2"),
    )
    assert "Pengaturan disimpan" in answer.text
    state = Api(live_server, live_server.display_token).get("/display/state").json()
    assert state["marquee"] == marquee


def test_holiday_form_names_the_bad_line_and_saves_folded_dates(live_server, web_session):
    """A wrong date is named by its line and nothing is saved; a good list (with a repeat and a
    past date) is saved in date order, and today's date closes the kiosk's services at once."""
    admin = web_session(live_server, *ADMIN)
    before = Api(live_server, live_server.admin_token()).get("/admin/settings").json()
    answer = admin.post(
        "/admin/pengaturan",
        data=settings_form(admin.csrf, holidays="2026-12-25\n2026-13-01\n", cutoff_minutes="10000"),
    )
    assert answer.status_code == 422
    assert "Baris 2 bukan tanggal berformat TTTT-BB-HH: “2026-13-01”" in answer.text
    assert "Isi angka 0 sampai 240" in answer.text
    assert "2026-13-01" in answer.text  # what was typed is shown again
    assert Api(live_server, live_server.admin_token()).get("/admin/settings").json() == before
    admin.http.cookies.set(LANG_COOKIE, "en")
    english = admin.post("/admin/pengaturan", data=settings_form(admin.csrf, holidays="25-12-2026"))
    assert english.status_code == 422
    assert "Line 1 is not a date in the form YYYY-MM-DD: “25-12-2026”" in english.text
    admin.http.cookies.set(LANG_COOKIE, "id")

    typed = "2026-12-25\r\n\r\n 2026-11-30 \r\n2026-12-25\r\n2025-01-01"
    answer = admin.post(
        "/admin/pengaturan", data=settings_form(admin.csrf, holidays=typed, cutoff_minutes="0")
    )
    assert answer.url.endswith("/admin/pengaturan?pesan=settings_saved"), answer.text[:300]
    assert "2025-01-01\n2026-11-30\n2026-12-25</textarea>" in answer.text
    stored = Api(live_server, live_server.admin_token()).get("/admin/settings").json()
    assert stored["holidays"] == ["2025-01-01", "2026-11-30", "2026-12-25"]
    assert stored["cutoff_minutes"] == 0
    kiosk_view = {s["code"]: s for s in Api(live_server).get("/services").json()}["A"]
    assert (kiosk_view["open"], kiosk_view["reason"]) == (False, "holiday")
    assert "Hari libur, layanan tutup" in admin.get("/admin/layanan").text


def test_device_token_is_shown_once_and_works(live_server, web_session):
    """Registering a device shows its token on that page only; the token then authenticates."""
    admin = web_session(live_server, *ADMIN)
    answer = admin.post(
        "/admin/perangkat", data={"csrf": admin.csrf, "name": "kiosk-9", "kind": "kiosk"}
    )
    assert answer.status_code == 201
    assert answer.headers["cache-control"] == "no-store"
    token = re.search(r'id="device-token">([^<]+)<', answer.text).group(1)
    assert token not in admin.get("/admin/perangkat").text
    beat = Api(live_server, token).post(
        "/devices/heartbeat", json={"status": {"printer": "paper_out"}}
    )
    assert beat.status_code == 200
    page = admin.get("/admin/perangkat").text
    assert "Kertas printer habis" in page
    assert "Kertas printer habis" in admin.get("/admin").text  # the overview warns too
    bad = admin.post(
        "/admin/perangkat", data={"csrf": admin.csrf, "name": "kiosk 9!", "kind": "tv"}
    )
    assert bad.status_code == 422
    assert "misalnya kiosk-3" in bad.text and "Pilih kios atau layar" in bad.text


def test_users_get_counters_and_admins_cannot_delete_themselves(live_server, web_session):
    """A new operator gets the ticked counters; an admin deleting their own account is refused."""
    admin = web_session(live_server, *ADMIN)
    created = admin.post(
        "/admin/pengguna",
        data={
            "csrf": admin.csrf,
            "username": "bpjs1",
            "password": "rahasia-bpjs-1",
            "role": "operator",
            "counters": ["7", "8"],
        },
    )
    assert created.url.endswith("pesan=created"), created.text[:300]
    operator = web_session(live_server, "bpjs1", "rahasia-bpjs-1")
    assert operator.get("/loket/7").status_code == 200
    assert operator.get("/loket/1").status_code == 403
    short = admin.post(
        "/admin/pengguna",
        data={"csrf": admin.csrf, "username": "x", "password": "123", "role": "operator"},
    )
    assert short.status_code == 422
    assert "3–40 karakter" in short.text and "minimal 8 karakter" in short.text
    me = next(u for u in Api(live_server, live_server.admin_token()).get("/admin/users").json())
    refused = admin.post(f"/admin/pengguna/{me['id']}/hapus", data={"csrf": admin.csrf})
    assert refused.status_code == 409
    assert "tidak dapat menghapus akun Anda sendiri" in refused.text


def test_agency_in_use_cannot_be_deleted(live_server, web_session):
    """Deleting an agency that still has services is refused with the reason."""
    admin = web_session(live_server, *ADMIN)
    agency = Api(live_server, live_server.admin_token()).get("/admin/agencies").json()[0]
    answer = admin.post(f"/admin/instansi/{agency['id']}/hapus", data={"csrf": admin.csrf})
    assert answer.status_code == 409
    assert "masih dipakai" in answer.text

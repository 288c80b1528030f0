"""A server of two sites for the sites tests (pages and rules alike): the hall `utama` and its
service point `dolopo` ("MPP Digital Dolopo"). Both have a service "A" and a counter "Loket 1"
(two different rows each), an operator and a site admin of their own, a kiosk and a display;
one admin of every site. `write_two_sites(folder)` writes the server.toml and returns what
the tests log in and connect with.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PASSWORD = "dua-lokasi-2026"
HALL_NAME = "Mal Pelayanan Publik Kabupaten Madiun"
POINT_NAME = "MPP Digital Dolopo"

TEXT = f'''
[site]
name = "{HALL_NAME}"
code = "utama"
timezone = "Asia/Jakarta"
public_url = "http://127.0.0.1:8000"
language = "id"

[[sites]]
code = "dolopo"
name = "{POINT_NAME}"

[schedules.reguler]
mon = "08:00-15:00"
tue = "08:00-15:00"
wed = "08:00-15:00"
thu = "08:00-15:00"
fri = "08:00-11:30"

[[agencies]]
name = "Dinas Kependudukan dan Pencatatan Sipil"
short_name = "Dukcapil"

[[agencies]]
name = "Kantor Pertanahan Kabupaten Madiun"
short_name = "BPN"

[[services]]
code = "A"
name = "KTP Elektronik"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
daily_quota = 150
hours = "reguler"
booking_slot_minutes = 30
booking_slot_capacity = 4

[[services]]
code = "B"
name = "Sertifikat Tanah"
agency = "Kantor Pertanahan Kabupaten Madiun"
hours = "reguler"

[[services]]
site = "dolopo"
code = "A"
name = "Perekaman KTP-el Dolopo"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
daily_quota = 40
hours = "reguler"
booking_slot_minutes = 60
booking_slot_capacity = 2

[[services]]
site = "dolopo"
code = "K"
name = "Kartu Keluarga Dolopo"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
hours = "reguler"

[[counters]]
name = "Loket 1"
services = ["A", "B"]

[[counters]]
name = "Loket 2"
services = ["B"]

[[counters]]
site = "dolopo"
name = "Loket 1"
services = ["A", "K"]

[[users]]
username = "admin"
password = "{PASSWORD}"
role = "admin"

[[users]]
username = "admin-utama"
password = "{PASSWORD}"
role = "admin"
site = "utama"

[[users]]
username = "admin-dolopo"
password = "{PASSWORD}"
role = "admin"
site = "dolopo"

[[users]]
username = "op-utama"
password = "{PASSWORD}"
role = "operator"
counters = ["Loket 1"]

[[users]]
username = "op-dolopo"
password = "{PASSWORD}"
role = "operator"
site = "dolopo"
counters = ["Loket 1"]

[[devices]]
name = "kiosk-utama"
kind = "kiosk"
token = "two-sites-kiosk-utama-token"

[[devices]]
name = "display-utama"
kind = "display"
token = "two-sites-display-utama-token"

[[devices]]
name = "kiosk-dolopo"
kind = "kiosk"
token = "two-sites-kiosk-dolopo-token"
site = "dolopo"

[[devices]]
name = "display-dolopo"
kind = "display"
token = "two-sites-display-dolopo-token"
site = "dolopo"
'''


@dataclass(frozen=True)
class TwoSites:
    config_path: Path
    kiosk_tokens: dict[str, str]  # site code -> its kiosk's token
    display_tokens: dict[str, str]  # site code -> its display's token

    # (username, password) of each kind of staff
    admin = ("admin", PASSWORD)  # of every site
    admin_utama = ("admin-utama", PASSWORD)
    admin_dolopo = ("admin-dolopo", PASSWORD)
    operator_utama = ("op-utama", PASSWORD)
    operator_dolopo = ("op-dolopo", PASSWORD)
    names = {"utama": HALL_NAME, "dolopo": POINT_NAME}


def write_two_sites(folder: Path) -> TwoSites:
    path = Path(folder) / "two-sites.toml"
    path.write_text(TEXT, encoding="utf-8")
    return TwoSites(
        path,
        {site: f"two-sites-kiosk-{site}-token" for site in ("utama", "dolopo")},
        {site: f"two-sites-display-{site}-token" for site in ("utama", "dolopo")},
    )

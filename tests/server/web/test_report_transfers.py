"""Reports add up row by row with transfers: A→B, B→A, A→B→C, transferred then no-show,
transferred and still waiting, plus a cancelled and an untouched ticket; checked on the API,
its CSV, the report page and the page's CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest

from server.reports import COUNTS, adds_up
from tests.server.util import Api, counter_id
from tests.support.live_server import ADMIN

DAY = "2026-11-30"
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"
DPMPTSP = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"

# issued, transferred_in, served, no_show, cancelled, not_served, transferred_out
EXPECTED = {
    "A": (5, 1, 1, 0, 0, 1, 4),  # A-001..005 numbered here; B-001 came in and was served
    "B": (1, 2, 1, 0, 0, 0, 2),  # A-001 served here; B-001 went to A, A-002 on to C
    "C": (1, 2, 1, 1, 1, 0, 0),  # A-002 served, A-003 no-show, C-001 cancelled
    "E": (0, 1, 0, 0, 0, 1, 0),  # A-004 waits here (another agency)
}
TOTALS = {"issued": 7, "served": 3, "no_show": 1, "cancelled": 1, "not_served": 2}
AGENCY_TOTALS = {
    DUKCAPIL: (7, 0, 3, 1, 1, 1, 1),  # only A-004's move to E crosses the agency's border
    DPMPTSP: (0, 1, 0, 0, 0, 1, 0),
}


@pytest.fixture
def transfer_day(live_server):
    """Play the day's transfers through the API (the admin acts at every counter)."""
    kiosk = Api(live_server, live_server.kiosk_token)
    admin = Api(live_server, live_server.admin_token())
    loket = {n: counter_id(live_server, f"Loket {n}") for n in (1, 3, 4)}

    def act(counter: int, action: str, **body) -> dict:
        answer = admin.post(f"/counters/{loket[counter]}/{action}", json=body or None)
        assert answer.status_code == 200, (action, answer.text)
        return answer.json()

    def call(counter: int, ticket: dict) -> None:
        act(counter, "call", ticket_id=ticket["id"])

    a1, a2, a3, a4 = (kiosk.issue("A") for _ in range(4))
    kiosk.issue("A")  # A-005 just waits
    b1, c1 = kiosk.issue("B"), kiosk.issue("C")

    call(1, a1)  # A→B, served at B
    act(1, "transfer", service="B")
    call(1, a1)
    act(1, "finish")
    call(1, b1)  # B→A, served at A
    act(1, "transfer", service="A")
    call(3, b1)
    act(3, "finish")
    call(1, a2)  # A→B→C, served at C
    act(1, "transfer", service="B")
    call(1, a2)
    act(1, "transfer", service="C")
    call(4, a2)
    act(4, "start")
    act(4, "finish")
    call(1, a3)  # A→C, then no-show
    act(1, "transfer", service="C")
    call(4, a3)
    act(4, "recall")
    act(4, "recall")
    act(4, "no-show")
    call(1, a4)  # A→E (DPMPTSP), still waiting
    act(1, "transfer", service="E")
    assert admin.post(f"/tickets/{c1['id']}/cancel").status_code == 200
    return live_server


def counts(row: dict) -> tuple:
    return tuple(int(row[key]) for key in COUNTS)


def test_api_report_adds_up_row_by_row(transfer_day):
    """Every service row of /reports/daily adds up, with the expected transfers, and the totals
    are issued = served + no-show + cancelled + not served."""
    admin = Api(transfer_day, transfer_day.admin_token())
    report = admin.get(f"/reports/daily?date={DAY}").json()
    rows = {row["code"]: row for row in report["services"]}
    for code, row in rows.items():
        assert adds_up(row), row
        assert counts(row) == EXPECTED.get(code, (0,) * 7), code
    assert report["totals"] == TOTALS
    assert sum(row["transferred_in"] for row in rows.values()) == 6  # every move counted once
    assert sum(row["transferred_out"] for row in rows.values()) == 6


def test_api_csv_adds_up_row_by_row(transfer_day):
    """The API's CSV has the transfer columns, and every row adds up."""
    admin = Api(transfer_day, transfer_day.admin_token())
    text = admin.get(f"/reports/daily?date={DAY}&format=csv").text
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(text))}
    assert list(next(iter(rows.values())))[3:10] == list(COUNTS)
    for code, row in rows.items():
        assert counts(row) == EXPECTED.get(code, (0,) * 7), code


def test_page_and_its_csv_add_up_row_by_row(transfer_day, web_session):
    """The report page shows what came in and went out by transfer on each row, the agency
    subtotals and the MPP total; its CSV has the same figures."""
    admin = web_session(transfer_day, *ADMIN)
    page = admin.get(f"/admin/laporan?dari={DAY}&sampai={DAY}").text
    assert "Masuk dari layanan lain" in page and "Dialihkan ke layanan lain" in page
    assert "tiket diambil + masuk dari layanan lain = dilayani" in page

    def cells(row_html: str) -> tuple:
        return tuple(int(v) for v in re.findall(r'<td class="num">([^<]*)</td>', row_html)[:7])

    bodies = dict(
        re.findall(r'<th scope="row"><span class="code">([A-Z]+)</span>(.*?)</tr>', page, re.DOTALL)
    )
    assert len(bodies) == 18
    for code, body in bodies.items():
        assert cells(body) == EXPECTED.get(code, (0,) * 7), code
    subtotal = re.search(r'<tr class="subtotal">(.*?)</tr>', page, re.DOTALL).group(1)
    assert cells(subtotal) == AGENCY_TOTALS[DUKCAPIL]
    total = re.search(r'<tr class="total">(.*?)</tr>', page, re.DOTALL).group(1)
    assert cells(total) == (7, 0, 3, 1, 1, 2, 0)

    download = admin.get(f"/admin/laporan.csv?dari={DAY}&sampai={DAY}")
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    for row in rows:
        assert adds_up({k: int(row[k]) for k in COUNTS}), row
        if row["level"] == "service":
            assert counts(row) == EXPECTED.get(row["code"], (0,) * 7), row["code"]
        elif row["level"] == "agency" and row["agency"] in AGENCY_TOTALS:
            assert counts(row) == AGENCY_TOTALS[row["agency"]], row["agency"]
    assert counts(rows[-1]) == (7, 0, 3, 1, 1, 2, 0) and rows[-1]["level"] == "total"

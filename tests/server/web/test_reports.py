"""The report figures (server/reports.py): consistent with the server's daily report, p90
by nearest rank, ranges, busiest hours, CSV; and the report pages over HTTP."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from server.reports import MAX_DAYS, percentile, period_report
from tests.server.web.scenario import MORNING, play_morning
from tests.support.live_server import ADMIN

DAY = MORNING.date()


@pytest.fixture
def busy_server(live_server_factory):
    server = live_server_factory(clock_start=MORNING)
    play_morning(server, steps=20)
    return server


def test_percentile_is_nearest_rank():
    """p90 is the smallest value that 90% of the values do not exceed."""
    assert percentile([], 0.9) is None
    assert percentile([4.0], 0.9) == 4.0
    assert percentile([float(n) for n in range(1, 11)], 0.9) == 9.0
    assert percentile([1.0, 2.0, 30.0], 0.9) == 30.0


def test_one_day_matches_the_servers_daily_report(busy_server):
    """Counts and averages per service equal Admin.daily_report's for the same day."""
    state = busy_server.app.state
    ours = period_report(state.store, DAY, DAY)
    theirs = {
        row["code"]: row for row in state.services.admin.daily_report(DAY.isoformat())["services"]
    }
    services = [s for agency in ours["agencies"] for s in agency["services"]]
    assert sum(s["issued"] for s in services) == ours["totals"]["issued"] > 20
    keys = ("issued", "served", "no_show", "cancelled", "not_served")
    for service in services:
        server_row = theirs[service["code"]]
        assert {k: service[k] for k in keys} == {k: server_row[k] for k in keys}
        assert service["wait_avg_minutes"] == server_row["wait_avg_minutes"]
        assert service["service_avg_minutes"] == server_row["service_avg_minutes"]
        if service["wait_p90_minutes"] is not None:
            assert service["wait_avg_minutes"] <= service["wait_p90_minutes"]
            assert service["wait_p90_minutes"] <= server_row["wait_max_minutes"]


def test_range_adds_days_and_busiest_hours(busy_server):
    """A week's range counts the same tickets with empty days listed; hours are 08 to 09."""
    week = period_report(busy_server.app.state.store, DAY - dt.timedelta(days=6), DAY)
    day = period_report(busy_server.app.state.store, DAY, DAY)
    assert week["totals"]["issued"] == day["totals"]["issued"]
    assert [d["day"] for d in week["days"]][0] == (DAY - dt.timedelta(days=6)).isoformat()
    assert sum(d["issued"] for d in week["days"]) == day["totals"]["issued"]
    assert set(week["busiest"]) <= {8, 9}
    with pytest.raises(ValueError):
        period_report(busy_server.app.state.store, DAY - dt.timedelta(days=MAX_DAYS), DAY)


def test_report_page_and_csv(busy_server, web_session):
    """The page shows the tables and charts; the CSV has a row per service, agency and total."""
    admin = web_session(busy_server, *ADMIN)
    page = admin.get(f"/admin/laporan?dari={DAY}&sampai={DAY}")
    assert page.status_code == 200
    assert "Jam tersibuk" in page.text and "<svg" in page.text and "Seluruh MPP" in page.text
    download = admin.get(f"/admin/laporan.csv?dari={DAY}&sampai={DAY}")
    assert download.headers["content-disposition"] == f'attachment; filename="laporan-{DAY}.csv"'
    rows = list(csv.DictReader(io.StringIO(download.content.decode("utf-8-sig"))))
    levels = [row["level"] for row in rows]
    assert levels.count("service") == 18 and levels[-1] == "total"
    total = period_report(busy_server.app.state.store, DAY, DAY)["totals"]
    assert int(rows[-1]["issued"]) == total["issued"]
    assert rows[0]["wait_p90_minutes"] != "" and rows[0]["code"] == "A"


def test_bad_report_dates_are_explained(busy_server, web_session):
    """A wrong date, a reversed or an over-long range show today's report with a sentence."""
    admin = web_session(busy_server, *ADMIN)
    cases = {
        "?dari=kemarin": "Tanggal tidak valid",
        f"?dari={DAY}&sampai={DAY - dt.timedelta(days=1)}": "sebelum tanggal awal",
        f"?dari={DAY - dt.timedelta(days=400)}&sampai={DAY}": "paling panjang 92 hari",
    }
    for query, sentence in cases.items():
        answer = admin.get("/admin/laporan" + query)
        assert answer.status_code == 422 and sentence in answer.text, query
        assert admin.get("/admin/laporan.csv" + query).status_code == 422


def test_dashboard_panel_shows_today(busy_server, web_session):
    """The live dashboard's fragment has today's totals and each counter's number."""
    admin = web_session(busy_server, *ADMIN)
    panel = admin.get("/admin/dasbor/panel", headers={"X-Requested-With": "antrian"})
    assert panel.status_code == 200 and 'data-slot="live"' in panel.text
    issued = period_report(busy_server.app.state.store, DAY, DAY)["totals"]["issued"]
    assert f'id="dash-issued">{issued}<' in panel.text
    assert "Kertas printer habis" in panel.text

"""Issuing tickets over a real server: numbering, idempotency, day rollover, closed services."""

import datetime as dt
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

from tests.server.util import Api, error_code

WIB = ZoneInfo("Asia/Jakarta")


def test_ticket_shape(live_server):
    """A new ticket carries the contract's fields and a tracking URL under public_url."""
    ticket = Api(live_server, live_server.kiosk_token).issue("A")
    assert ticket["number"] == "A-001"
    assert ticket["service"] == {
        "code": "A",
        "name": "KTP Elektronik",
        "agency": "Dinas Kependudukan dan Pencatatan Sipil",
        "counters": ["Loket 1", "Loket 2", "Loket 3"],  # where the ticket says to go
    }
    assert ticket["status"] == "waiting"
    assert ticket["waiting_ahead"] == 0
    assert ticket["eta_minutes"] is None  # 09:00, every counter still closed
    assert ticket["counters_open"] == 0
    assert ticket["issued_at"].startswith("2026-11-30T09:")
    assert ticket["issued_at"].endswith("+07:00")
    assert len(ticket["tracking_code"]) >= 16
    assert ticket["tracking_url"] == f"http://192.168.10.2:8000/t/{ticket['tracking_code']}"


def test_concurrent_issue_is_unique_and_gapless(live_server):
    """16 threads issuing 400 tickets at once: per service the numbers are 1..n, no repeats."""
    services = ["P", "T", "J"]

    def issue(index):
        api = Api(live_server, live_server.kiosk_token)
        return api.issue(services[index % len(services)])

    with ThreadPoolExecutor(max_workers=16) as pool:
        issued = list(pool.map(issue, range(400)))
    by_service = defaultdict(list)
    for ticket in issued:
        by_service[ticket["service"]["code"]].append(int(ticket["number"].split("-")[1]))
    for code, numbers in by_service.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), code
    assert sum(len(n) for n in by_service.values()) == 400
    assert len({t["id"] for t in issued}) == 400


def test_same_idempotency_key_gives_one_ticket(live_server):
    """A kiosk retrying with the same Idempotency-Key gets the same ticket, not a second one."""
    api = Api(live_server, live_server.kiosk_token)
    first = api.post("/tickets", json={"service": "B"}, headers={"Idempotency-Key": "k-1"})
    again = api.post("/tickets", json={"service": "B"}, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert first.json()["id"] == again.json()["id"]
    assert api.issue("B", key="k-2")["number"] == "B-002"


def test_concurrent_retries_with_one_key_give_one_ticket(live_server):
    """Eight simultaneous retries under one key produce exactly one ticket."""

    def issue(_):
        return Api(live_server, live_server.kiosk_token).issue("C", key="same-key")["id"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert len(set(pool.map(issue, range(8)))) == 1


def test_midnight_restarts_numbering_without_restart(live_server):
    """At local midnight (moved by the clock) numbering starts again at 001, server running."""
    api = Api(live_server, live_server.kiosk_token)
    live_server.clock.set(dt.datetime(2026, 11, 30, 23, 59, 58, tzinfo=WIB))
    assert api.issue("T")["number"] == "T-001"
    assert api.issue("T")["number"] == "T-002"
    live_server.clock.set(dt.datetime(2026, 12, 1, 0, 0, 1, tzinfo=WIB))
    first_of_day = api.issue("T")
    assert first_of_day["number"] == "T-001"
    assert first_of_day["issued_at"].startswith("2026-12-01T00:00")


def test_quota_exhausted(live_server_factory, tmp_path):
    """When the day's quota is used up, a kiosk is refused with quota_exhausted."""
    config = tmp_path / "server.toml"
    config.write_text(
        '[[services]]\ncode = "A"\nname = "KTP"\nagency = "Dukcapil"\ndaily_quota = 2\n'
        '[[devices]]\nname = "kiosk-1"\nkind = "kiosk"\ntoken = "demo-kiosk-1-token"\n'
    )
    server = live_server_factory(config)
    api = Api(server, server.kiosk_token)
    api.issue("A")
    api.issue("A")
    refused = api.post("/tickets", json={"service": "A"})
    assert refused.status_code == 409
    assert error_code(refused) == "quota_exhausted"
    service = api.get("/services").json()[0]
    assert (service["open"], service["reason"], service["quota_left"]) == (
        False,
        "quota_exhausted",
        0,
    )


def test_closed_hours_friday_holiday_and_cutoff(live_server):
    """Refused outside hours, after Friday's early close, on a holiday and after cutoff."""
    api = Api(live_server, live_server.kiosk_token)
    cases = [
        (dt.datetime(2026, 11, 30, 7, 0), "outside_hours"),
        (dt.datetime(2026, 12, 4, 11, 45), "closed_today"),  # Friday closes 11:30
        (dt.datetime(2026, 12, 25, 9, 0), "holiday"),
        (dt.datetime(2026, 11, 30, 14, 40), "cutoff_passed"),  # 30 minutes before 15:00
        (dt.datetime(2026, 12, 5, 9, 0), "closed_today"),  # Saturday
    ]
    for moment, reason in cases:
        live_server.clock.set(moment.replace(tzinfo=WIB))
        refused = api.post("/tickets", json={"service": "A"})
        assert refused.status_code == 409, moment
        assert error_code(refused) == reason, moment
    live_server.clock.set(dt.datetime(2026, 12, 4, 10, 0, tzinfo=WIB))  # Friday morning: open
    assert api.issue("A")["number"] == "A-001"


def test_services_explain_why_closed_in_both_languages(live_server):
    """/services gives a reason code, a sentence per language and the next opening time."""
    live_server.clock.set(dt.datetime(2026, 12, 4, 12, 0, tzinfo=WIB))  # Friday after close
    indonesian = {s["code"]: s for s in Api(live_server).get("/services").json()}
    english = {s["code"]: s for s in Api(live_server, language="en").get("/services").json()}
    assert indonesian["A"]["reason"] == "closed_today"
    assert indonesian["A"]["next_open"] == "2026-12-07T08:00:00+07:00"
    assert indonesian["A"]["reason_text"] == "Layanan tutup hari ini. Buka Senin pukul 08.00."
    assert english["A"]["reason_text"] == "Closed today. Opens Monday at 08:00."
    assert indonesian["J"]["reason_text"].endswith("Buka besok pukul 08.00.")  # Samsat: Saturday
    assert indonesian["T"]["open"] is True  # no hours: always open
    assert indonesian["A"]["agency_short"] == "Dukcapil"


def test_unknown_service_and_bad_priority(live_server):
    """An unknown service is 404 service_not_found; an unknown priority is 422."""
    api = Api(live_server, live_server.kiosk_token)
    missing = api.post("/tickets", json={"service": "ZZ"})
    assert (missing.status_code, error_code(missing)) == (404, "service_not_found")
    bad = api.post("/tickets", json={"service": "A", "priority": "vip"})
    assert (bad.status_code, error_code(bad)) == (422, "validation_error")


def test_printed_and_reprint(live_server):
    """The kiosk reports printing; the ticket remembers it and can be read back for a reprint."""
    api = Api(live_server, live_server.kiosk_token)
    ticket = api.issue("A")
    failed = api.post(f"/tickets/{ticket['id']}/printed", json={"ok": False, "reason": "paper_out"})
    assert failed.json()["print_status"] == "paper_out"
    api.post(f"/tickets/{ticket['id']}/printed", json={"ok": True})
    again = api.get(f"/tickets/{ticket['id']}").json()
    assert (again["number"], again["print_status"]) == ("A-001", "printed")


def test_tracking_shows_only_that_ticket(live_server):
    """A citizen's tracking view has its own number and place, nothing about other tickets."""
    kiosk = Api(live_server, live_server.kiosk_token)
    first = kiosk.issue("A")
    second = kiosk.issue("A")
    view = Api(live_server).get(f"/track/{second['tracking_code']}").json()
    assert view["number"] == "A-002"
    assert view["waiting_ahead"] == 1
    assert first["number"] not in str(view) and first["tracking_code"] not in str(view)
    assert "id" not in view and "print_status" not in view
    missing = Api(live_server).get("/track/not-a-real-code")
    assert (missing.status_code, error_code(missing)) == (404, "ticket_not_found")

"""Online booking against the real server: slots, booking, the walk-in share, cancelling,
check-in and its refusals, no-shows, the fair place in line, and 50 clients at once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import requests

from server.booking_rules import CODE_ALPHABET, CODE_LENGTH
from tests.server.booking_support import booking_config
from tests.server.util import Api, counter_id, error_code
from tests.support.live_server import DEMO_START

TODAY = DEMO_START.date().isoformat()  # Monday 2026-11-30, 09:00 now; A open 08:00-15:00


def book(api: Api, start: str, date: str = TODAY, service: str = "A") -> requests.Response:
    return api.post("/bookings", json={"service": service, "date": date, "start": start})


def booked(api: Api, start: str, date: str = TODAY) -> dict:
    answer = book(api, start, date)
    assert answer.status_code == 201, answer.text
    return answer.json()


def slots(api: Api, date: str = TODAY, service: str = "A") -> dict[str, dict]:
    answer = api.get("/booking/slots", params={"service": service, "date": date})
    assert answer.status_code == 200, answer.text
    return {slot["start"]: slot for slot in answer.json()}


def at(server, hour: int, minute: int = 0) -> None:
    server.clock.set(DEMO_START.replace(hour=hour, minute=minute))


def test_slots_follow_the_hours_the_friday_and_the_booking_window(live_server):
    """A: 30-minute slots 08:00-15:00 (14), Friday 08:00-11:30 (7); today's slots up to
    10:00 (an hour from now: the cutoff) show no place left; Saturday, a holiday and a date
    past the window have none; a service without slot settings takes no bookings."""
    api = Api(live_server)
    today = slots(api)
    assert list(today)[0] == "08:00" and list(today)[-1] == "14:30" and len(today) == 14
    assert today["08:00"] == {"start": "08:00", "end": "08:30", "capacity": 4, "left": 0}
    assert today["10:00"]["left"] == 0 and today["10:30"]["left"] == 4
    friday = slots(api, "2026-12-04")
    assert list(friday) == ["08:00", "08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]
    assert slots(api, "2026-12-05") == {}  # Saturday: closed
    past_window = api.get("/booking/slots", params={"service": "A", "date": "2026-12-08"})
    assert (past_window.status_code, error_code(past_window)) == (422, "date_outside_window")
    assert slots(api, "2026-12-07")["08:00"]["left"] == 4  # 7 days ahead: open
    saturday = book(api, "08:00", "2026-12-05")
    assert (saturday.status_code, error_code(saturday)) == (409, "day_closed")
    christmas = book(api, "08:00", "2026-12-25")
    assert christmas.status_code in (409, 422)  # outside the window and a holiday
    not_bookable = book(api, "10:30", service="B")
    assert (not_bookable.status_code, error_code(not_bookable)) == (409, "service_not_bookable")
    nine_fifteen = book(api, "10:45")
    assert (nine_fifteen.status_code, error_code(nine_fifteen)) == (422, "no_such_slot")
    too_soon = book(api, "10:00")
    assert (too_soon.status_code, error_code(too_soon)) == (409, "slot_closed")


def test_a_booking_has_a_short_unambiguous_code_status_and_cancel(live_server):
    """201 with the fixed shape; the code is 6 characters without 0/O/1/I/L; GET shows it,
    DELETE cancels it and gives the place back; a typed code in lower case with a dash works."""
    api = Api(live_server)
    first = booked(api, "10:30")
    assert {k: first[k] for k in ("service", "date", "start", "end", "status")} == {
        "service": "A",
        "date": TODAY,
        "start": "10:30",
        "end": "11:00",
        "status": "booked",
    }
    code = first["code"]
    assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    assert not set(code) & set("0O1IL")
    assert slots(api)["10:30"]["left"] == 3
    typed = code[:3].lower() + "-" + code[3:].lower()
    assert api.get(f"/bookings/{typed}").json()["status"] == "booked"
    cancelled = api.delete(f"/bookings/{code}")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert api.delete(f"/bookings/{code}").json()["status"] == "cancelled"  # harmless again
    assert slots(api)["10:30"]["left"] == 4
    unknown = api.get("/bookings/ZZZZZZ")
    assert (unknown.status_code, error_code(unknown)) == (404, "booking_not_found")


def test_a_full_slot_is_refused_with_slot_full(live_server):
    api = Api(live_server)
    for _ in range(4):
        booked(api, "11:30")
    full = book(api, "11:30")
    assert (full.status_code, error_code(full)) == (409, "slot_full")
    assert slots(api)["11:30"]["left"] == 0


def test_fifty_clients_for_the_last_five_places_get_exactly_five(live_server_factory, tmp_path):
    """A slot of 8 with 3 booked; 50 clients ask at once (real threads, real HTTP): exactly 5
    bookings are made, the other 45 are told `slot_full`, and the slot shows 0 left."""
    config = booking_config(tmp_path, capacity=8, max_per_client_per_hour=1000)
    server = live_server_factory(config)
    api = Api(server)
    for _ in range(3):
        booked(api, "11:00")
    start = threading.Barrier(50)
    answers: list[tuple[int, str]] = []
    lock = threading.Lock()

    def client() -> None:
        session = Api(server)
        start.wait()
        answer = book(session, "11:00")
        code = answer.json()["code"] if answer.status_code == 201 else error_code(answer)
        with lock:
            answers.append((answer.status_code, code))

    threads = [threading.Thread(target=client) for _ in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    made = [code for status, code in answers if status == 201]
    assert len(answers) == 50
    assert len(made) == 5 and len(set(made)) == 5
    assert sorted({c for s, c in answers if s != 201}) == ["slot_full"]
    assert slots(api)["11:00"] == {"start": "11:00", "end": "11:30", "capacity": 8, "left": 0}


def test_the_walk_in_share_holds_when_booking_is_full(live_server_factory, tmp_path):
    """Quota 10, share 0.5: bookings stop at 5 for the day (slot_full although the slot has
    room), and walk-ins still get their 5 tickets, then quota_exhausted; a cancelled booking
    gives its place back (to walk-ins as well)."""
    config = booking_config(tmp_path, quota=10, capacity=8, max_per_client_per_hour=1000)
    server = live_server_factory(config)
    api, kiosk = Api(server), Api(server, server.kiosk_token)
    codes = [booked(api, start)["code"] for start in ("10:30", "10:30", "11:30", "11:00", "12:00")]
    over = book(api, "13:00")
    assert (over.status_code, error_code(over)) == (409, "slot_full")
    assert slots(api)["13:00"]["left"] == 0
    service_a = next(s for s in api.get("/services").json() if s["code"] == "A")
    assert service_a["quota_left"] == 5
    numbers = [kiosk.issue("A")["number"] for _ in range(5)]
    assert numbers == ["A-001", "A-002", "A-003", "A-004", "A-005"]
    refused = kiosk.post("/tickets", json={"service": "A"})
    assert (refused.status_code, error_code(refused)) == (409, "quota_exhausted")
    assert api.delete(f"/bookings/{codes[-1]}").status_code == 200
    assert kiosk.issue("A")["number"] == "A-006"


def check_in(kiosk: Api, code: str, key: str | None = None) -> requests.Response:
    headers = {"Idempotency-Key": key} if key else {}
    return kiosk.post(f"/bookings/{code}/check-in", headers=headers)


def test_check_in_window_and_refusals(live_server):
    """Too early before 10:00 for a 10:30 slot, then a ticket marked with the booking (the
    same key gives the same ticket), then `booking_used`; a cancelled one `booking_cancelled`;
    after 10:45 `too_late` and the booking is a no-show whose place went back."""
    api, kiosk = Api(live_server), Api(live_server, live_server.kiosk_token)
    first = booked(api, "10:30")["code"]
    second = booked(api, "10:30")["code"]
    cancelled = booked(api, "10:30")["code"]
    api.delete(f"/bookings/{cancelled}")
    early = check_in(kiosk, first, "k1")
    assert (early.status_code, error_code(early)) == (409, "too_early")
    assert "10.00" in early.json()["error"]["message"]
    at(live_server, 10, 1)
    ticket = check_in(kiosk, first, "k2")
    assert ticket.status_code == 201, ticket.text
    body = ticket.json()
    assert body["booking"] == first and body["number"] == "A-001" and body["status"] == "waiting"
    assert body["service"]["counters"] and body["tracking_url"].endswith(body["tracking_code"])
    again = check_in(kiosk, first, "k2")
    assert again.status_code == 201 and again.json()["id"] == body["id"]
    assert again.headers.get("Idempotent-Replayed") == "true"
    used = check_in(kiosk, first, "k3")
    assert (used.status_code, error_code(used)) == (409, "booking_used")
    shown = api.get(f"/bookings/{first}").json()
    assert shown["status"] == "checked_in" and shown["ticket_number"] == "A-001"
    assert shown["tracking_url"] == body["tracking_url"]
    gone = check_in(kiosk, cancelled, "k4")
    assert (gone.status_code, error_code(gone)) == (409, "booking_cancelled")
    unknown = check_in(kiosk, "ZZZZZZ", "k5")
    assert (unknown.status_code, error_code(unknown)) == (404, "booking_not_found")
    at(live_server, 10, 45)
    late = check_in(kiosk, second, "k6")
    assert (late.status_code, error_code(late)) == (409, "too_late")
    assert api.get(f"/bookings/{second}").json()["status"] == "no_show"
    walk_in = Api(live_server).post("/bookings/X/check-in")
    assert walk_in.status_code == 401  # a kiosk's (or staff's) token is needed


def test_a_no_show_returns_its_place_to_walk_ins(live_server_factory, tmp_path):
    """Quota 2, share 0.5: one booking holds one place, so walk-ins get one ticket; once
    its grace is over the place is theirs again."""
    server = live_server_factory(booking_config(tmp_path, quota=2))
    api, kiosk = Api(server), Api(server, server.kiosk_token)
    booked(api, "10:30")
    kiosk.issue("A")
    refused = kiosk.post("/tickets", json={"service": "A"})
    assert (refused.status_code, error_code(refused)) == (409, "quota_exhausted")
    at(server, 10, 45)
    assert kiosk.issue("A")["number"] == "A-002"


def test_a_checked_in_booking_is_called_in_its_slots_place(live_server):
    """Order at Loket 1 (A and B): a walk-in of 09:00 and one of 10:15 go before the booking
    of 10:30 checked in at 10:10; one of 10:35 after it; a priority ticket of 10:36 first of
    all (the priority rule stays)."""
    api, kiosk = Api(live_server), Api(live_server, live_server.kiosk_token)
    code = booked(api, "10:30")["code"]
    early_walk_in = kiosk.issue("A")["number"]
    at(live_server, 10, 10)
    booking_ticket = check_in(kiosk, code, "ci").json()["number"]
    at(live_server, 10, 15)
    before_slot = kiosk.issue("B")["number"]
    at(live_server, 10, 35)
    after_slot = kiosk.issue("A")["number"]
    at(live_server, 10, 36)
    priority = kiosk.issue("A", priority="lansia")["number"]
    operator = Api(live_server, live_server.operator_token())
    loket = counter_id(live_server, "Loket 1")
    called = []
    for _ in range(5):
        answer = operator.post(f"/counters/{loket}/call-next")
        assert answer.status_code == 200, answer.text
        called.append(answer.json()["current"]["number"])
        assert operator.post(f"/counters/{loket}/finish").status_code == 200
    assert called == [priority, early_walk_in, before_slot, booking_ticket, after_slot]


def test_waiting_ahead_counts_by_the_slot_time(live_server):
    """Checked in at 10:05 for 10:30: a walk-in of 10:20 stands before it, one of 10:35
    after it; the counts each of them sees agree."""
    api, kiosk = Api(live_server), Api(live_server, live_server.kiosk_token)
    code = booked(api, "10:30")["code"]
    kiosk.issue("A")
    at(live_server, 10, 5)
    ticket = check_in(kiosk, code, "w").json()
    assert ticket["waiting_ahead"] == 1
    at(live_server, 10, 20)
    before = kiosk.issue("A")
    at(live_server, 10, 35)
    after = kiosk.issue("A")
    assert before["waiting_ahead"] == 1  # the 09:00 walk-in only
    assert kiosk.get(f"/tickets/{ticket['id']}").json()["waiting_ahead"] == 2
    assert after["waiting_ahead"] == 3


def test_staff_can_check_in_and_bookings_are_throttled(live_server_factory, tmp_path):
    """An operator checks a citizen in; the third booking from one client within the hour
    (limit 2) is refused with 429 and Retry-After."""
    server = live_server_factory(booking_config(tmp_path, max_per_client_per_hour=2))
    api = Api(server)
    code = booked(api, "10:30")["code"]
    booked(api, "11:30")
    throttled = book(api, "12:00")
    assert (throttled.status_code, error_code(throttled)) == (429, "too_many_bookings")
    assert int(throttled.headers["Retry-After"]) > 0
    at(server, 10, 1)
    operator = Api(server, server.operator_token())
    ticket = operator.post(f"/bookings/{code}/check-in")
    assert ticket.status_code == 201 and ticket.json()["booking"] == code


@pytest.mark.parametrize("nik", [None, "12345", "320101010101000X"])
def test_nik_when_asked_is_required_and_checked(live_server_factory, tmp_path, nik):
    server = live_server_factory(booking_config(tmp_path, ask_nik=True))
    body = {"service": "A", "date": TODAY, "start": "10:30", "nik": nik}
    answer = Api(server).post("/bookings", json=body)
    expected = "nik_required" if nik is None else "nik_invalid"
    assert (answer.status_code, error_code(answer)) == (422, expected)


def test_nik_allows_one_active_booking_and_is_never_stored_in_clear(live_server_factory, tmp_path):
    server = live_server_factory(booking_config(tmp_path, ask_nik=True))
    api = Api(server)
    nik = "3519010101900001"
    body = {"service": "A", "date": TODAY, "start": "10:30", "nik": nik}
    first = api.post("/bookings", json=body)
    assert first.status_code == 201, first.text
    second = api.post("/bookings", json={**body, "start": "11:00"})
    assert (second.status_code, error_code(second)) == (409, "nik_already_booked")
    other_day = api.post("/bookings", json={**body, "date": "2026-12-01"})
    assert other_day.status_code == 201
    with server.app.state.store.read() as tx:
        rows = tx._all("SELECT * FROM bookings")
    stored = " ".join(str(value) for row in rows for value in tuple(row))
    assert nik not in stored and all(row["nik_last4"] == "0001" for row in rows)
    assert all(len(row["nik_hash"]) == 64 for row in rows)
    api.delete(f"/bookings/{first.json()['code']}")
    assert api.post("/bookings", json={**body, "start": "11:00"}).status_code == 201


def test_dates_are_checked(live_server):
    api = Api(live_server)
    bad = api.get("/booking/slots", params={"service": "A", "date": "30-11-2026"})
    assert (bad.status_code, error_code(bad)) == (422, "validation_error")
    yesterday = (DEMO_START.date() - dt.timedelta(days=1)).isoformat()
    past = book(api, "10:30", yesterday)
    assert (past.status_code, error_code(past)) == (422, "date_outside_window")
    wrong_start = api.post("/bookings", json={"service": "A", "date": TODAY, "start": "25:00"})
    assert wrong_start.status_code == 422


def test_a_check_in_whose_ticket_was_abandoned_can_check_in_again(live_server):
    """The kiosk lost the answer and the citizen left (the abandon cancelled the unheld
    ticket): the booking is not used up, a second check-in gives a new ticket."""
    api, kiosk = Api(live_server), Api(live_server, live_server.kiosk_token)
    code = booked(api, "10:30")
    at(live_server, 10, 5)
    first = check_in(kiosk, code["code"], "lost").json()
    abandoned = kiosk.post("/tickets/abandon", headers={"Idempotency-Key": "lost"})
    assert abandoned.json()["outcome"] == "cancelled"
    again = check_in(kiosk, code["code"], "new")
    assert again.status_code == 201 and again.json()["id"] != first["id"]

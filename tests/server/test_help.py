"""Calls for help over the real API: a kiosk's token or a tracking code opens a call, asking
again answers the open call, the desk lists where each comes from and closes it; phones are
throttled; wrong callers are refused with clear codes."""

from __future__ import annotations

import datetime as dt

from contract.help import HelpCall
from server.help import CALLS_PER_ADDRESS, CALLS_PER_TICKET, PHONE_WINDOW, HelpThrottle
from tests.server.util import Api, error_code
from tests.support.live_server import OPERATOR


def test_kiosk_call_is_listed_with_its_name_and_closed_by_the_desk(live_server):
    kiosk = Api(live_server, live_server.kiosk_token)
    operator = Api(live_server, live_server.operator_token())

    asked = kiosk.post("/help", json={})
    assert asked.status_code == 201, asked.text
    call = HelpCall.model_validate(asked.json())
    assert (call.status, call.source, call.kiosk, call.ticket) == ("open", "kiosk", "kiosk-1", None)
    assert call.created_at.startswith("2026-11-30T09:0")

    again = kiosk.post("/help")  # no body at all is fine for a kiosk
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == call.id  # the open call, not a second one

    listed = operator.get("/help")
    assert listed.status_code == 200
    assert [(c["id"], c["source"], c["kiosk"]) for c in listed.json()] == [
        (call.id, "kiosk", "kiosk-1")
    ]

    done = operator.post(f"/help/{call.id}/done")
    assert done.status_code == 200
    assert (done.json()["status"], done.json()["id"]) == ("done", call.id)
    assert done.json()["done_at"]
    assert operator.post(f"/help/{call.id}/done").json()["status"] == "done"  # again: unchanged
    assert operator.get("/help").json() == []

    fresh = kiosk.post("/help", json={})  # after it was closed, a new call opens
    assert fresh.status_code == 201 and fresh.json()["id"] != call.id
    assert "Idempotent-Replayed" not in fresh.headers


def test_phone_call_names_the_ticket_and_is_throttled(live_server):
    kiosk = Api(live_server, live_server.kiosk_token)
    admin = Api(live_server, live_server.admin_token())
    phone = Api(live_server)
    ticket = kiosk.issue("A")
    code = {"tracking_code": ticket["tracking_code"]}

    first = phone.post("/help", json=code)
    assert first.status_code == 201, first.text
    assert (first.json()["source"], first.json()["ticket"]) == ("tracking", ticket["number"])
    repeat = phone.post("/help", json=code)
    assert repeat.json()["id"] == first.json()["id"]  # pressing twice stacks nothing
    assert [c["ticket"] for c in admin.get("/help").json()] == [ticket["number"]]

    # Closed and asked again, over and over: the ticket may open CALLS_PER_TICKET in 10 min.
    opened = 1
    while True:
        admin.post(f"/help/{phone.post('/help', json=code).json()['id']}/done")
        answer = phone.post("/help", json=code)
        if answer.status_code != 201:
            break
        opened += 1
    assert opened == CALLS_PER_TICKET
    assert answer.status_code == 429 and error_code(answer) == "help_too_often"
    assert 0 < int(answer.headers["Retry-After"]) <= 600
    other = kiosk.issue("B")  # another ticket from the same address is still heard
    assert phone.post("/help", json={"tracking_code": other["tracking_code"]}).status_code == 201

    live_server.clock.advance(dt.timedelta(minutes=11))  # the window has passed
    admin.post(f"/help/{phone.post('/help', json=code).json()['id']}/done")
    assert phone.post("/help", json=code).status_code == 201


def test_one_address_is_bounded_too():
    """Many tickets from one address: at most CALLS_PER_ADDRESS new calls in the window."""
    throttle = HelpThrottle()
    now = dt.datetime(2026, 11, 30, 9, 0)
    for ticket_id in range(1, CALLS_PER_ADDRESS + 1):
        assert throttle.retry_after(ticket_id, "10.0.0.7", now) == 0
        throttle.opened(ticket_id, "10.0.0.7", now)
    assert throttle.retry_after(999, "10.0.0.7", now) == 600
    assert throttle.retry_after(999, "10.0.0.8", now) == 0
    later = now + PHONE_WINDOW
    assert throttle.retry_after(999, "10.0.0.7", later) == 0


def test_refusals_name_their_reason(live_server):
    kiosk = Api(live_server, live_server.kiosk_token)
    ticket = kiosk.issue("A")
    phone = Api(live_server)
    display = Api(live_server, live_server.display_token)
    operator = Api(live_server, live_server.operator_token())

    assert error_code(phone.post("/help", json={})) == "help_who"
    unknown = phone.post("/help", json={"tracking_code": "bukan-kode"})
    assert unknown.status_code == 404 and error_code(unknown) == "ticket_not_found"
    assert phone.post("/help", json={"tracking_code": 12345}).status_code == 422
    assert phone.post("/help", json={"tracking_code": "x" * 65}).status_code == 422
    assert display.post("/help", json={}).status_code == 403
    assert operator.post("/help", json={}).status_code == 403  # staff walk to the desk
    assert Api(live_server, "no-such-token").post("/help", json={}).status_code == 401
    assert phone.get("/help").status_code == 401
    assert kiosk.get("/help").status_code == 403  # a kiosk does not read the desk's list
    assert kiosk.post("/help/1/done").status_code == 403
    missing = operator.post("/help/999/done")
    assert missing.status_code == 404 and error_code(missing) == "help_not_found"
    assert operator.post("/help/0/done").status_code == 422

    live_server.clock.advance(dt.timedelta(days=1))  # yesterday's ticket: not in the hall
    stale = phone.post("/help", json={"tracking_code": ticket["tracking_code"]})
    assert stale.status_code == 409 and error_code(stale) == "help_ticket_expired"


def test_yesterdays_open_call_is_not_on_todays_list(live_server):
    """A kiosk call nobody closed before closing time is gone the next morning, and the same
    kiosk's first call of the new day is a new call that the desk sees."""
    kiosk = Api(live_server, live_server.kiosk_token)
    yesterday = kiosk.post("/help", json={}).json()
    live_server.clock.advance(dt.timedelta(days=1))
    operator = Api(live_server, live_server.login(*OPERATOR))  # yesterday's session has ended
    assert operator.get("/help").json() == []
    today = kiosk.post("/help", json={})
    assert today.status_code == 201 and "Idempotent-Replayed" not in today.headers
    assert today.json()["id"] != yesterday["id"]
    assert [c["id"] for c in operator.get("/help").json()] == [today.json()["id"]]

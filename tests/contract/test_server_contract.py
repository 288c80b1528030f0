"""The server keeps the contract: strict input, and answers that parse into the models."""

from __future__ import annotations

import contract as c
from tests.server.util import Api, error_code


def test_a_boolean_is_not_a_number(live_server):
    """`{"cutoff_minutes": false}` and its kin are 422 validation_error; nothing changes."""
    admin = Api(live_server, live_server.admin_token())
    before = admin.get("/admin/settings").json()
    for body in (
        {"cutoff_minutes": False},
        {"priority_streak_limit": True},
        {"no_show_after_calls": 1.5},
    ):
        answer = admin.patch("/admin/settings", json=body)
        assert answer.status_code == 422, (body, answer.text)
        assert error_code(answer) == "validation_error"
    assert admin.get("/admin/settings").json() == before
    answer = admin.patch("/admin/services/A", json={"daily_quota": True})
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")
    answer = admin.patch("/admin/services/A", json={"enabled": 1})
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")
    answer = admin.post(
        "/admin/users",
        json={"username": "abc", "password": "x" * 8, "role": "operator", "counters": [True]},
    )
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")


def test_strict_bodies_of_devices_and_counters(live_server):
    """A kiosk's `ok: "yes"`, an operator's `ticket_id: true` or a number as a service code:
    422 with the error shape."""
    kiosk = Api(live_server, live_server.kiosk_token)
    ticket = kiosk.issue("A")
    answer = kiosk.post(f"/tickets/{ticket['id']}/printed", json={"ok": "yes"})
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")
    answer = kiosk.post("/tickets", json={"service": 1})
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")
    operator = Api(live_server, live_server.operator_token())
    answer = operator.post("/counters/1/call", json={"ticket_id": True})
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")


def test_unknown_keys_are_still_ignored(live_server):
    """Request bodies ignore keys they do not know, as before (only `hours` refuses a day
    that is not a weekday)."""
    kiosk = Api(live_server, live_server.kiosk_token)
    answer = kiosk.post("/tickets", json={"service": "A", "priority": None, "note": "x"})
    assert answer.status_code == 201


def test_answers_parse_into_their_models(live_server):
    """A short hall day: every answer is the model's, also the display state that the server
    sends as pre-encoded bytes."""
    anyone = Api(live_server)
    kiosk = Api(live_server, live_server.kiosk_token)
    operator = Api(live_server, live_server.operator_token())
    display = Api(live_server, live_server.display_token)
    c.Health.model_validate(anyone.get("/health").json())
    [c.ServiceStatus.model_validate(s) for s in anyone.get("/services").json()]
    ticket = c.Ticket.model_validate(kiosk.issue("A"))
    assert ticket.service.counters  # only the issue answer lists them
    assert (
        c.Ticket.model_validate(kiosk.get(f"/tickets/{ticket.id}").json()).service.counters is None
    )
    c.TrackedTicket.model_validate(anyone.get(f"/track/{ticket.tracking_code}").json())
    called = c.CounterView.model_validate(operator.post("/counters/1/call-next").json())
    assert called.current is not None and called.current.number == ticket.number
    [c.CounterView.model_validate(v) for v in operator.get("/counters").json()]
    state = c.DisplayState.model_validate(display.get("/display/state").json())
    assert state.calls[-1].ticket.number == ticket.number
    beat = display.post("/devices/heartbeat", json={"status": {"app_version": "x"}})
    c.HeartbeatAnswer.model_validate(beat.json())

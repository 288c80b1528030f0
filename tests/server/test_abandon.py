"""POST /tickets/abandon: the kiosk's citizen left without the number asked for under a key."""

from server.reports import adds_up
from tests.server.util import Api, counter_id, error_code


def abandon(api: Api, key: str | None):
    headers = {} if key is None else {"Idempotency-Key": key}
    return api.post("/tickets/abandon", headers=headers)


def test_an_unheld_ticket_is_cancelled_and_a_repeat_is_harmless(live_server):
    """Waiting, never called, no print report: cancelled, with the kiosk and the reason in its
    event; asked again, the same answer and nothing else changes."""
    kiosk = Api(live_server, live_server.kiosk_token)
    ticket = kiosk.issue("A", key="left-1")
    other = kiosk.issue("A", key="stays-1")
    answer = abandon(kiosk, "left-1")
    assert answer.status_code == 200
    assert answer.json() == {"outcome": "cancelled", "number": ticket["number"]}
    assert kiosk.get(f"/tickets/{ticket['id']}").json()["status"] == "cancelled"
    assert kiosk.get(f"/tickets/{other['id']}").json()["status"] == "waiting"
    again = abandon(kiosk, "left-1")
    assert (again.status_code, again.json()) == (200, answer.json())
    services = Api(live_server).get("/services").json()
    assert next(s for s in services if s["code"] == "A")["waiting"] == 1  # only the other
    # A replayed issue under the abandoned key answers the cancelled ticket, never a new one.
    replay = kiosk.post("/tickets", json={"service": "A"}, headers={"Idempotency-Key": "left-1"})
    assert (replay.json()["id"], replay.json()["status"]) == (ticket["id"], "cancelled")


def test_the_event_names_the_kiosk_and_the_reason(live_server):
    kiosk = Api(live_server, live_server.kiosk_token)
    ticket = kiosk.issue("A", key="left-2")
    abandon(kiosk, "left-2")
    store = live_server.app.state.services.queue.store
    with store.read() as tx:
        events = [dict(e) for e in tx.ticket_events(ticket["id"])]
    cancelled = [e for e in events if e["kind"] == "cancelled"]
    assert len(cancelled) == 1
    assert cancelled[0]["actor"] == "kiosk-1"
    assert '"abandoned"' in cancelled[0]["data"]


def test_a_ticket_that_moved_on_is_kept(live_server):
    """Printed (or reported unprinted), or called: somebody holds it, so it stays."""
    kiosk = Api(live_server, live_server.kiosk_token)
    printed = kiosk.issue("A", key="printed")
    kiosk.post(f"/tickets/{printed['id']}/printed", json={"ok": True})
    shown = kiosk.issue("A", key="shown")
    kiosk.post(f"/tickets/{shown['id']}/printed", json={"ok": False, "reason": "paper_out"})
    called = kiosk.issue("B", key="called")
    for key, ticket in (("printed", printed), ("shown", shown)):
        answer = abandon(kiosk, key)
        assert (answer.status_code, answer.json()) == (
            200,
            {"outcome": "kept", "number": ticket["number"]},
        )
        assert kiosk.get(f"/tickets/{ticket['id']}").json()["status"] == "waiting"
    admin = Api(live_server, live_server.admin_token())
    loket1 = counter_id(live_server, "Loket 1")
    call = admin.post(f"/counters/{loket1}/call", json={"ticket_id": called["id"]})
    assert call.status_code == 200, call.text
    answer = abandon(kiosk, "called")
    assert answer.json() == {"outcome": "kept", "number": called["number"]}
    assert kiosk.get(f"/tickets/{called['id']}").json()["status"] == "called"


def test_no_ticket_or_another_kiosks_key_is_none(live_server):
    """Keys are per device: kiosk-2 naming kiosk-1's key finds nothing, and changes nothing."""
    kiosk = Api(live_server, live_server.kiosk_token)
    ticket = kiosk.issue("A", key="mine")
    other = Api(live_server, "demo-kiosk-2-token")
    for api, key in ((kiosk, "never-used"), (other, "mine")):
        answer = abandon(api, key)
        assert (answer.status_code, answer.json()) == (200, {"outcome": "none"})
    assert kiosk.get(f"/tickets/{ticket['id']}").json()["status"] == "waiting"


def test_bad_or_missing_key_and_wrong_roles_are_refused(live_server):
    kiosk = Api(live_server, live_server.kiosk_token)
    for key in (None, "", "k" * 129):
        answer = abandon(kiosk, key)
        assert (answer.status_code, error_code(answer)) == (422, "validation_error"), key
        assert "message" in answer.json()["error"]
    assert abandon(Api(live_server), "k").status_code == 401
    assert abandon(Api(live_server, live_server.admin_token()), "k").status_code == 403


def test_the_report_counts_it_cancelled_and_its_rows_add_up(live_server):
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A", key="left-3")
    kiosk.issue("A", key="kept-3")
    abandon(kiosk, "left-3")
    admin = Api(live_server, live_server.admin_token())
    report = admin.get("/reports/daily?date=2026-11-30").json()
    row = next(r for r in report["services"] if r["code"] == "A")
    assert (row["issued"], row["cancelled"], row["not_served"]) == (2, 1, 1)
    assert all(adds_up(r) for r in report["services"])
    assert report["totals"]["cancelled"] == 1


def test_the_client_sends_it_and_reads_the_answer(live_server):
    """`ApiClient.abandon_ticket` against the real server: typed answers, repeatable."""
    from client import ApiClient

    client = ApiClient(live_server.url, live_server.kiosk_token)
    ticket = client.issue_ticket("A", idempotency_key="client-left")
    first = client.abandon_ticket("client-left")
    assert (first.outcome, first.number) == ("cancelled", ticket.number)
    assert client.abandon_ticket("client-left") == first
    nothing = client.abandon_ticket("client-never")
    assert (nothing.outcome, nothing.number) == ("none", None)
    client.close()

"""Counter actions over a real server: call order, one open ticket, no-show, transfer, pause."""

import datetime as dt
import threading
from collections import Counter as Tally

from tests.server.util import OPERATOR2, Api, counter_id, error_code
from tests.support.live_server import ADMIN


def operator(server, credentials=None):
    token = server.login(*credentials) if credentials else server.operator_token()
    return Api(server, token)


def test_call_next_and_one_open_ticket(live_server):
    """Call next gives the oldest ticket; a second call while it is open is 409 ticket_open."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    kiosk.issue("B")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    called = staff.post(f"/counters/{loket1}/call-next").json()
    assert called["current"]["number"] == "A-001"
    assert called["current"]["status"] == "called"
    assert called["current"]["counter"] == {"id": loket1, "name": "Loket 1"}
    second = staff.post(f"/counters/{loket1}/call-next")
    assert (second.status_code, error_code(second)) == (409, "ticket_open")
    staff.post(f"/counters/{loket1}/start")
    done = staff.post(f"/counters/{loket1}/finish").json()
    assert done["current"] is None
    assert staff.post(f"/counters/{loket1}/call-next").json()["current"]["number"] == "B-001"


def test_empty_queue(live_server):
    """Call next with nobody waiting is 404 queue_empty."""
    staff = operator(live_server)
    answer = staff.post(f"/counters/{counter_id(live_server, 'Loket 1')}/call-next")
    assert (answer.status_code, error_code(answer)) == (404, "queue_empty")


def test_two_counters_never_call_the_same_ticket(live_server):
    """Two counters calling next at once, 200 times: every ticket is called exactly once."""
    kiosk = Api(live_server, live_server.kiosk_token)
    for index in range(200):
        kiosk.issue("A" if index % 2 else "B")
    called: list[str] = []
    lock = threading.Lock()
    errors: list[str] = []

    def work(credentials, name):
        staff = operator(live_server, credentials)
        counter = counter_id(live_server, name)
        while True:
            answer = staff.post(f"/counters/{counter}/call-next")
            if answer.status_code == 404:
                return
            if answer.status_code != 200:
                errors.append(answer.text)
                return
            with lock:
                called.append(answer.json()["current"]["number"])
            staff.post(f"/counters/{counter}/finish")

    threads = [
        threading.Thread(target=work, args=(("petugas1", "petugas-demo-2026"), "Loket 1")),
        threading.Thread(target=work, args=(OPERATOR2, "Loket 2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert len(called) == 200
    assert max(Tally(called).values()) == 1


def test_priority_and_anti_starvation_over_http(live_server):
    """Priority tickets go first, but after 3 in a row the oldest normal ticket is called."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")  # A-001 normal, oldest
    for group in ("lansia", "disabilitas", "ibu_hamil", "lansia"):
        kiosk.issue("A", priority=group)  # A-002 .. A-005
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    order = []
    for _ in range(5):
        order.append(staff.post(f"/counters/{loket1}/call-next").json()["current"]["number"])
        staff.post(f"/counters/{loket1}/finish")
    assert order == ["A-002", "A-003", "A-004", "A-001", "A-005"]


def test_priority_streak_limit_is_an_admin_setting(live_server):
    """With the rule set to 1, priority and normal alternate."""
    admin = Api(live_server, live_server.admin_token())
    assert admin.patch("/admin/settings", json={"priority_streak_limit": 1}).ok
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    kiosk.issue("A")
    kiosk.issue("A", priority="lansia")
    kiosk.issue("A", priority="lansia")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    order = []
    for _ in range(4):
        order.append(staff.post(f"/counters/{loket1}/call-next").json()["current"]["number"])
        staff.post(f"/counters/{loket1}/finish")
    assert order == ["A-003", "A-001", "A-004", "A-002"]


def test_transfer_keeps_the_number(live_server):
    """A transferred ticket keeps its number and waits for the other service's counters."""
    kiosk = Api(live_server, live_server.kiosk_token)
    ticket = kiosk.issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    staff.post(f"/counters/{loket1}/call-next")
    moved = staff.post(f"/counters/{loket1}/transfer", json={"service": "C"}).json()
    assert moved["ticket"]["number"] == "A-001"
    assert moved["ticket"]["service"]["code"] == "C"
    assert moved["ticket"]["status"] == "waiting"
    assert moved["counter"]["current"] is None
    loket4 = counter_id(live_server, "Loket 4")  # C and D
    admin = Api(live_server, live_server.admin_token())
    called = admin.post(f"/counters/{loket4}/call-next").json()["current"]
    assert (called["id"], called["number"]) == (ticket["id"], "A-001")
    assert kiosk.issue("A")["number"] == "A-002"  # A's numbering is not disturbed


def test_transfer_to_unknown_or_same_service(live_server):
    """Transfer to an unknown service is 404; to its own service 409 same_service."""
    Api(live_server, live_server.kiosk_token).issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    staff.post(f"/counters/{loket1}/call-next")
    unknown = staff.post(f"/counters/{loket1}/transfer", json={"service": "ZZ"})
    assert (unknown.status_code, error_code(unknown)) == (404, "service_not_found")
    same = staff.post(f"/counters/{loket1}/transfer", json={"service": "A"})
    assert (same.status_code, error_code(same)) == (409, "same_service")


def test_no_show_after_enough_calls_and_reactivation(live_server):
    """No-show is refused before 3 calls, accepted after; reactivation puts it back at the end."""
    kiosk = Api(live_server, live_server.kiosk_token)
    absent = kiosk.issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    staff.post(f"/counters/{loket1}/call-next")
    early = staff.post(f"/counters/{loket1}/no-show")
    assert (early.status_code, error_code(early)) == (409, "no_show_too_early")
    staff.post(f"/counters/{loket1}/recall")
    counter = staff.post(f"/counters/{loket1}/recall").json()
    assert counter["current"]["calls"] == 3
    gone = staff.post(f"/counters/{loket1}/no-show").json()
    assert gone["current"] is None
    assert [t["number"] for t in gone["no_shows"]] == ["A-001"]
    kiosk.issue("A")  # A-002 arrives while A-001 is away
    back = staff.post(f"/counters/{loket1}/reactivate", json={"ticket_id": absent["id"]}).json()
    assert (back["number"], back["status"]) == ("A-001", "waiting")
    order = []
    for _ in range(2):
        order.append(staff.post(f"/counters/{loket1}/call-next").json()["current"]["number"])
        staff.post(f"/counters/{loket1}/finish")
    assert order == ["A-002", "A-001"]
    again = staff.post(f"/counters/{loket1}/reactivate", json={"ticket_id": absent["id"]})
    assert (again.status_code, error_code(again)) == (409, "ticket_not_no_show")


def test_call_specific_ticket_and_pause(live_server):
    """Call a ticket out of order; a paused counter cannot call until resumed."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    later = kiosk.issue("B")
    other = kiosk.issue("E")  # not a service of Loket 1
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    wrong = staff.post(f"/counters/{loket1}/call", json={"ticket_id": other["id"]})
    assert (wrong.status_code, error_code(wrong)) == (409, "ticket_not_for_counter")
    called = staff.post(f"/counters/{loket1}/call", json={"ticket_id": later["id"]}).json()
    assert called["current"]["number"] == "B-001"
    staff.post(f"/counters/{loket1}/finish")
    assert staff.post(f"/counters/{loket1}/pause").json()["status"] == "paused"
    paused = staff.post(f"/counters/{loket1}/call-next")
    assert (paused.status_code, error_code(paused)) == (409, "counter_paused")
    assert staff.post(f"/counters/{loket1}/resume").json()["status"] == "open"
    assert staff.post(f"/counters/{loket1}/call-next").json()["current"]["number"] == "A-001"


def test_counter_view_lists_waiting_and_next(live_server):
    """GET /counters/{id} shows the waiting list and which ticket call-next would take."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    vip = kiosk.issue("B", priority="ibu_hamil")
    staff = operator(live_server)
    view = staff.get(f"/counters/{counter_id(live_server, 'Loket 1')}").json()
    assert [t["number"] for t in view["waiting"]] == ["A-001", "B-001"]
    assert view["next_ticket_id"] == vip["id"]
    assert [c["name"] for c in staff.get("/counters").json()] == ["Loket 1"]


def test_cancel_ticket(live_server):
    """Staff can cancel a waiting ticket; it leaves the line."""
    ticket = Api(live_server, live_server.kiosk_token).issue("A")
    staff = operator(live_server)
    assert staff.post(f"/tickets/{ticket['id']}/cancel").json()["status"] == "cancelled"
    again = staff.post(f"/tickets/{ticket['id']}/cancel")
    assert (again.status_code, error_code(again)) == (409, "ticket_finished")


# ---- idempotency keys of counter actions ----


def calls_made(server) -> list[str]:
    state = Api(server, server.display_token).get("/display/state").json()
    return [f"{c['kind']} {c['ticket']['number']}" for c in state["calls"]]


def test_same_idempotency_key_calls_once_and_answers_the_same(live_server):
    """call-next twice with one Idempotency-Key: one call, the same answer (marked replayed);
    another key is another call."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    kiosk.issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    key = {"Idempotency-Key": "3f2c9a1e-0b7d-4c55-9e8a-1d2f3a4b5c6d"}
    first = staff.post(f"/counters/{loket1}/call-next", headers=key)
    again = staff.post(f"/counters/{loket1}/call-next", headers=key)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert first.json()["current"]["number"] == "A-001"
    assert "Idempotent-Replayed" not in first.headers
    assert again.headers["Idempotent-Replayed"] == "true"
    assert calls_made(live_server) == ["call A-001"]

    staff.post(f"/counters/{loket1}/finish", headers={"Idempotency-Key": "finish-1"})
    other = staff.post(f"/counters/{loket1}/call-next", headers={"Idempotency-Key": "other"})
    assert other.json()["current"]["number"] == "A-002"
    assert calls_made(live_server) == ["call A-001", "call A-002"]
    # The first key still answers its first answer, and calls nobody.
    assert staff.post(f"/counters/{loket1}/call-next", headers=key).json() == first.json()
    assert calls_made(live_server) == ["call A-001", "call A-002"]


def test_without_a_key_every_request_acts(live_server):
    """The header is optional: two recalls without a key are two recalls."""
    Api(live_server, live_server.kiosk_token).issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    staff.post(f"/counters/{loket1}/call-next")
    staff.post(f"/counters/{loket1}/recall")
    staff.post(f"/counters/{loket1}/recall")
    assert calls_made(live_server) == ["call A-001", "recall A-001", "recall A-001"]


def test_same_key_at_once_from_two_threads_acts_once(live_server):
    """Ten requests with one key at the same moment: one call, ten equal answers."""
    kiosk = Api(live_server, live_server.kiosk_token)
    for _ in range(3):
        kiosk.issue("A")
    loket1 = counter_id(live_server, "Loket 1")
    token = live_server.operator_token()
    answers: list = []
    start = threading.Barrier(10)

    def work():
        staff = Api(live_server, token)
        start.wait(timeout=30)
        answer = staff.post(
            f"/counters/{loket1}/call-next", headers={"Idempotency-Key": "burst"}, timeout=30
        )
        answers.append((answer.status_code, answer.json()["current"]["number"]))

    threads = [threading.Thread(target=work) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [(200, "A-001")] * 10
    assert calls_made(live_server) == ["call A-001"]


def test_a_refusal_is_not_remembered(live_server):
    """A refused action stores nothing: the same key after the queue filled calls for real."""
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    key = {"Idempotency-Key": "early"}
    empty = staff.post(f"/counters/{loket1}/call-next", headers=key)
    assert (empty.status_code, error_code(empty)) == (404, "queue_empty")
    Api(live_server, live_server.kiosk_token).issue("A")
    assert staff.post(f"/counters/{loket1}/call-next", headers=key).json()["current"]["number"]
    assert calls_made(live_server) == ["call A-001"]


def test_key_for_another_action_and_bad_keys_are_clear_refusals(live_server):
    """A key reused for another action is 409; an empty, too long or spaced key is 422; any
    other visible ASCII is just a key. Never a 5xx."""
    Api(live_server, live_server.kiosk_token).issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    odd = {"Idempotency-Key": "';DROP/**/TABLE/**/tickets;--<script>"}
    assert staff.post(f"/counters/{loket1}/call-next", headers=odd).status_code == 200
    reused = staff.post(f"/counters/{loket1}/recall", headers=odd)
    assert (reused.status_code, error_code(reused)) == (409, "idempotency_key_reused")
    for bad in ["", "x" * 129, "two words", "tab\there", b"\xff\xfe"]:
        answer = staff.post(f"/counters/{loket1}/recall", headers={"Idempotency-Key": bad})
        assert (answer.status_code, error_code(answer)) == (422, "bad_idempotency_key"), bad
    assert staff.post(f"/counters/{loket1}/recall", headers={"Idempotency-Key": "x" * 128}).ok
    assert calls_made(live_server) == ["call A-001", "recall A-001"]


def test_keys_survive_a_restart_and_expire_after_a_day(live_server):
    """The answer under a key is in the database (a restarted server still replays it) and is
    forgotten after 24 hours."""
    Api(live_server, live_server.kiosk_token).issue("A")
    staff = operator(live_server)
    loket1 = counter_id(live_server, "Loket 1")
    key = {"Idempotency-Key": "before-restart"}
    first = staff.post(f"/counters/{loket1}/call-next", headers=key).json()
    live_server.stop()
    live_server.start()
    again = staff.post(f"/counters/{loket1}/call-next", headers=key)
    assert again.json() == first and again.headers["Idempotent-Replayed"] == "true"

    live_server.clock.advance(dt.timedelta(hours=25))
    fresh = Api(live_server, live_server.login(*ADMIN))
    fresh.post(f"/counters/{loket1}/finish", headers={"Idempotency-Key": "next-day"})
    with live_server.app.state.store.read() as tx:
        assert tx.counter_request(loket1, "before-restart") is None
        assert tx.counter_request(loket1, "next-day") is not None

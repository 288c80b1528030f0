"""Counter actions over a real server: call order, one open ticket, no-show, transfer, pause."""

import threading
from collections import Counter as Tally

from tests.server.util import OPERATOR2, Api, counter_id, error_code


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

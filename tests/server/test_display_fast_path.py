"""The display's long poll on its fast path (server.routes.display.DisplayPollFastPath): a
display this process already knows is answered outside the middleware stack, with the same
answer; every other request still goes the normal way and gets the same refusals as before."""

import threading
import time

import pytest

from server.routes.display import DisplayPollFastPath
from tests.server.util import Api, counter_id, error_code


@pytest.fixture
def taken(monkeypatch) -> list:
    """What the fast path decided for each display-state request: (since, wait) or None."""
    decisions: list = []
    decide = DisplayPollFastPath._known_poll

    def recording(scope):
        decision = decide(scope)
        decisions.append(decision)
        return decision

    monkeypatch.setattr(DisplayPollFastPath, "_known_poll", staticmethod(recording))
    return decisions


def _without_time(state: dict) -> dict:
    return {key: value for key, value in state.items() if key != "server_time"}


def test_a_known_display_gets_the_same_answer_on_the_fast_path(live_server, taken):
    display = Api(live_server, live_server.display_token)
    Api(live_server, live_server.kiosk_token).issue("A")
    first = display.get("/display/state")  # unknown yet: the normal way, which remembers it
    version = first.json()["version"]
    second = display.get(f"/display/state?since={version - 1}&wait=5")
    assert taken == [None, (version - 1, 5.0, 1)]  # (since, wait, its site)
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.headers["content-type"] == second.headers["content-type"] == "application/json"
    assert int(second.headers["content-length"]) == len(second.content)
    assert _without_time(first.json()) == _without_time(second.json())


def test_a_long_poll_on_the_fast_path_wakes_at_a_call(live_server, taken):
    display = Api(live_server, live_server.display_token)
    Api(live_server, live_server.kiosk_token).issue("A")
    version = display.get("/display/state").json()["version"]
    answers = {}

    def wait():
        answers["state"] = display.get(f"/display/state?since={version}&wait=20", timeout=30)

    waiter = threading.Thread(target=wait)
    waiter.start()
    deadline = time.monotonic() + 10
    while len(taken) < 2:  # the poll has reached the server and waits
        assert time.monotonic() < deadline
        time.sleep(0.01)
    called_at = time.monotonic()
    staff = Api(live_server, live_server.operator_token())
    staff.post(f"/counters/{counter_id(live_server, 'Loket 1')}/call-next")
    waiter.join(timeout=25)
    assert taken[1] == (version, 20.0, 1)
    state = answers["state"].json()
    assert state["version"] > version
    assert state["calls"][-1]["ticket"]["number"] == "A-001"
    assert time.monotonic() - called_at < 2.0


@pytest.mark.parametrize(
    "query",
    [
        "since=1&wait=31",
        "since=-1&wait=1",
        "since=abc&wait=1",
        "since=1&wait=1e1",
        "since=1&since=2&wait=1",
        "since=1&wait=1&extra=1",
        "since=99999999999999999999&wait=1",
    ],
)
def test_odd_parameters_go_the_normal_way(live_server, taken, query):
    display = Api(live_server, live_server.display_token)
    assert display.get("/display/state").status_code == 200  # the display is known now
    taken.clear()
    answer = display.get(f"/display/state?{query}")
    assert taken == [None]
    if answer.status_code != 200:  # the normal way's own verdict
        assert (answer.status_code, error_code(answer)) == (422, "validation_error")


def test_a_kiosk_token_is_refused_as_before(live_server, taken):
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")  # the kiosk's token is remembered now
    answer = kiosk.get("/display/state?since=1&wait=1")
    assert taken == [None]
    assert answer.status_code == 403


def test_a_switched_off_display_is_refused_at_its_next_poll(live_server, taken):
    display = Api(live_server, live_server.display_token)
    assert display.get("/display/state").status_code == 200
    assert display.get("/display/state?since=0&wait=0").status_code == 200
    assert taken[-1] == (0, 0.0, 1)  # on the fast path
    admin = Api(live_server, live_server.admin_token())
    device = next(d for d in admin.get("/admin/devices").json() if d["name"] == "display-1")
    assert admin.patch(f"/admin/devices/{device['id']}", json={"active": False}).status_code == 200
    answer = display.get("/display/state?since=0&wait=0")
    assert taken[-1] is None
    assert (answer.status_code, error_code(answer)) == (401, "unauthorized")


def test_a_body_or_a_second_token_goes_the_normal_way(live_server, taken):
    display = Api(live_server, live_server.display_token)
    assert display.get("/display/state").status_code == 200
    taken.clear()
    display.get("/display/state?since=0&wait=0", data=b"x" * 10)
    assert taken == [None]

"""The display's long poll: prompt answers, versions that never go backwards, heartbeats."""

import datetime as dt
import threading
import time

from tests.server.util import Api, counter_id, error_code


def test_long_poll_answers_promptly_after_a_call(live_server):
    """A display waiting on /display/state gets the call well within a second."""
    display = Api(live_server, live_server.display_token)
    Api(live_server, live_server.kiosk_token).issue("A")
    version = display.get("/display/state").json()["version"]
    result = {}

    def wait():
        started = time.monotonic()
        answer = display.get(f"/display/state?since={version}&wait=20", timeout=30)
        result["state"], result["waited"] = answer.json(), time.monotonic() - started

    waiter = threading.Thread(target=wait)
    waiter.start()
    time.sleep(0.3)  # let the display settle into its wait; the bound below is what is tested
    staff = Api(live_server, live_server.operator_token())
    called_at = time.monotonic()
    staff.post(f"/counters/{counter_id(live_server, 'Loket 1')}/call-next")
    waiter.join(timeout=25)
    state = result["state"]
    assert state["version"] > version
    assert state["calls"][-1]["ticket"]["number"] == "A-001"
    assert state["calls"][-1]["counter"]["name"] == "Loket 1"
    assert state["calls"][-1]["kind"] == "call"
    assert time.monotonic() - called_at < 2.0
    assert result["waited"] < 15


def test_long_poll_times_out_with_the_same_version(live_server):
    """With nothing happening the long poll returns after `wait` seconds, version unchanged."""
    display = Api(live_server, live_server.display_token)
    version = display.get("/display/state").json()["version"]
    started = time.monotonic()
    state = display.get(f"/display/state?since={version}&wait=0.5").json()
    assert state["version"] == version
    assert 0.4 < time.monotonic() - started < 5


def test_stale_version_answers_at_once(live_server):
    """A display that asks with an old version gets the state immediately."""
    display = Api(live_server, live_server.display_token)
    Api(live_server, live_server.kiosk_token).issue("A")
    started = time.monotonic()
    display.get("/display/state?since=0&wait=30")
    assert time.monotonic() - started < 2


def test_wait_over_30_seconds_is_refused(live_server):
    """wait is capped at 30 seconds: more is a 422."""
    answer = Api(live_server, live_server.display_token).get("/display/state?since=1&wait=31")
    assert (answer.status_code, error_code(answer)) == (422, "validation_error")


def test_state_shape_and_version_survives_restart(live_server):
    """Calls, counters, waiting and marquee are there; the version does not go back on restart."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    kiosk.issue("B")
    staff = Api(live_server, live_server.operator_token())
    loket1 = counter_id(live_server, "Loket 1")
    staff.post(f"/counters/{loket1}/call-next")
    staff.post(f"/counters/{loket1}/recall")
    state = Api(live_server, live_server.display_token).get("/display/state").json()
    assert [c["kind"] for c in state["calls"]] == ["call", "recall"]
    assert state["calls"][0]["id"] < state["calls"][1]["id"]
    loket = next(c for c in state["counters"] if c["name"] == "Loket 1")
    assert (loket["status"], loket["serving"], loket["services"]) == ("open", "A-001", ["A", "B"])
    waiting = {w["code"]: w["waiting"] for w in state["waiting"]}
    assert (waiting["A"], waiting["B"]) == (0, 1)
    assert state["marquee"].startswith("Selamat datang")
    live_server.stop()
    live_server.start()
    after = Api(live_server, live_server.display_token).get("/display/state").json()
    assert after["version"] == state["version"]
    assert after["calls"] == state["calls"]
    Api(live_server, live_server.kiosk_token).issue("A")
    assert (
        Api(live_server, live_server.display_token).get("/display/state").json()["version"]
        > state["version"]
    )


def test_marquee_change_reaches_the_display(live_server):
    """An admin's new marquee text changes the display state's version and text."""
    display = Api(live_server, live_server.display_token)
    version = display.get("/display/state").json()["version"]
    admin = Api(live_server, live_server.admin_token())
    admin.patch("/admin/settings", json={"marquee": "Layanan tutup pukul 12.00 hari ini"})
    state = display.get(f"/display/state?since={version}&wait=5").json()
    assert state["marquee"] == "Layanan tutup pukul 12.00 hari ini"
    assert state["version"] > version


def test_heartbeat_is_recorded(live_server):
    """A device heartbeat is answered and shows on the admin's device list."""
    kiosk = Api(live_server, live_server.kiosk_token)
    answer = kiosk.post("/devices/heartbeat", json={"status": {"printer": "paper_low"}}).json()
    assert answer["ok"] is True and answer["server_time"].startswith("2026-11-30T09:")
    devices = Api(live_server, live_server.admin_token()).get("/admin/devices").json()
    kiosk_row = next(d for d in devices if d["name"] == "kiosk-1")
    assert kiosk_row["last_status"] == {"printer": "paper_low"}
    assert kiosk_row["last_seen"].startswith("2026-11-30T09:")


def test_a_rush_of_calls_reaches_a_display_whose_poll_came_late(live_server):
    """25 calls in one minute (more than the 20 shown) are all in the state a late display
    gets, so it can announce each; calls older than the window leave the last 20 only."""
    kiosk = Api(live_server, live_server.kiosk_token)
    admin = Api(live_server, live_server.admin_token())
    display = Api(live_server, live_server.display_token)
    loket = counter_id(live_server, "Loket 1")
    before = display.get("/display/state").json()["version"]
    numbers = []
    for _ in range(26):
        numbers.append(kiosk.issue("A")["number"])
    for number in numbers[:25]:
        called = admin.post(f"/counters/{loket}/call-next").json()
        assert called["current"]["number"] == number
        assert admin.post(f"/counters/{loket}/finish").status_code == 200
    late = display.get(f"/display/state?since={before}").json()
    assert [call["ticket"]["number"] for call in late["calls"]] == numbers[:25]

    live_server.clock.set(live_server.clock.now() + dt.timedelta(minutes=4))
    admin.post(f"/counters/{loket}/call-next")
    later = display.get("/display/state").json()
    assert [call["ticket"]["number"] for call in later["calls"]] == numbers[6:26]

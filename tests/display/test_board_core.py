"""Board state from the server's display state, zones, and the announcement queue."""

from client import DisplayState
from display.core.announcements import AnnouncementQueue
from display.core.board import Zone, board_from_state

NOW = "2026-03-02T09:00:00+07:00"


def event(event_id, number, counter, service="A", kind="call", at=NOW):
    return {
        "id": event_id,
        "kind": kind,
        "at": at,
        "ticket": {"id": event_id, "number": number, "priority": None},
        "counter": {"id": int(counter.split()[-1]), "name": counter},
        "service": {"code": service, "name": f"Layanan {service}"},
    }


def state(calls, version=1, server_time=NOW, **changes) -> DisplayState:
    """The display state as the client hands it out; `changes` replace whole fields."""
    body = {
        "version": version,
        "server_time": server_time,
        "calls": calls,
        "counters": [
            {"id": 1, "name": "Loket 1", "status": "open", "serving": "A-001", "services": ["A"]},
            {"id": 2, "name": "Loket 2", "status": "paused", "serving": None, "services": ["B"]},
            {"id": 10, "name": "Loket 10", "status": "open", "serving": None, "services": ["J"]},
        ],
        "waiting": [
            {"code": "A", "name": "KTP Elektronik", "agency": "Dukcapil", "waiting": 4},
            {"code": "B", "name": "Kartu Keluarga", "agency": "Dukcapil", "waiting": 0},
            {"code": "J", "name": "Pajak Kendaraan", "agency": "Samsat", "waiting": 9},
        ],
        "marquee": "Selamat datang",
    }
    return DisplayState.model_validate({**body, **changes})


def test_board_shows_latest_recent_counters_and_waiting():
    """The newest call is the latest; earlier ones are listed newest first."""
    board = board_from_state(
        state(
            [
                event(3, "A-003", "Loket 1"),
                event(1, "A-001", "Loket 1"),
                event(2, "B-001", "Loket 2", "B"),
            ]
        )
    )
    assert board.latest.number == "A-003"
    assert [c.number for c in board.recent(5)] == ["B-001", "A-001"]
    assert [c.name for c in board.counters] == ["Loket 1", "Loket 2", "Loket 10"]
    assert board.counters[1].status == "paused"
    assert board.waiting[2].waiting == 9
    assert board.marquee == "Selamat datang"


def test_zone_by_counter_limits_calls_counters_and_waiting():
    """A display zoned to Loket 10 shows only its calls, that counter and its services."""
    zone = Zone.of(counters=["Loket 10"])
    board = board_from_state(
        state([event(1, "A-001", "Loket 1"), event(2, "J-001", "Loket 10", "J")]), zone
    )
    assert [c.number for c in board.calls] == ["J-001"]
    assert [c.name for c in board.counters] == ["Loket 10"]
    assert [w.code for w in board.waiting] == ["J"]
    assert board.newest_call_id == 2


def test_zone_by_service():
    """A display zoned to service A shows A's calls and the counters that call A."""
    board = board_from_state(
        state([event(1, "A-001", "Loket 1"), event(2, "J-001", "Loket 10", "J")]),
        Zone.of(services=["A"]),
    )
    assert [c.number for c in board.calls] == ["A-001"]
    assert [c.name for c in board.counters] == ["Loket 1"]
    assert [w.code for w in board.waiting] == ["A"]


def test_first_picture_is_history_and_is_not_announced():
    """After a start, calls that already happened are not spoken again."""
    queue = AnnouncementQueue()
    assert queue.take_new(board_from_state(state([event(1, "A-001", "Loket 1")]))) == []
    assert queue.last_id == 1


def test_each_new_call_and_recall_once_in_order():
    """New calls and recalls come out once each, oldest first."""
    queue = AnnouncementQueue()
    queue.take_new(board_from_state(state([event(1, "A-001", "Loket 1")])))
    calls = [
        event(1, "A-001", "Loket 1"),
        event(2, "A-002", "Loket 1"),
        event(3, "B-001", "Loket 2", "B"),
    ]
    calls.append(event(4, "A-002", "Loket 1", kind="recall"))
    new = queue.take_new(board_from_state(state(calls, version=4)))
    assert [(c.number, c.kind) for c in new] == [
        ("A-002", "call"),
        ("B-001", "call"),
        ("A-002", "recall"),
    ]
    assert queue.take_new(board_from_state(state(calls, version=4))) == []


def test_calls_missed_while_offline_spoken_only_when_fresh():
    """After an outage, recent missed calls are spoken; long-past ones are only shown."""
    queue = AnnouncementQueue(stale_after_seconds=120)
    queue.take_new(board_from_state(state([event(1, "A-001", "Loket 1")])))
    calls = [
        event(1, "A-001", "Loket 1"),
        event(2, "A-002", "Loket 1", at="2026-03-02T08:50:00+07:00"),
        event(3, "A-003", "Loket 1", at="2026-03-02T08:59:30+07:00"),
    ]
    new = queue.take_new(board_from_state(state(calls)))
    assert [c.number for c in new] == ["A-003"]


def test_history_going_backwards_is_not_replayed():
    """If the server starts a fresh history, its old calls are not announced."""
    queue = AnnouncementQueue()
    queue.take_new(board_from_state(state([event(50, "A-050", "Loket 1")])))
    assert queue.take_new(board_from_state(state([event(3, "A-003", "Loket 1")]))) == []
    assert [
        c.number for c in queue.take_new(board_from_state(state([event(4, "A-004", "Loket 1")])))
    ] == ["A-004"]


def test_calls_outside_the_zone_are_not_announced_but_move_the_mark():
    """A zoned display ignores other counters' calls without replaying anything later."""
    queue = AnnouncementQueue()
    zone = Zone.of(counters=["Loket 10"])
    queue.take_new(board_from_state(state([]), zone))
    board = board_from_state(
        state([event(1, "A-001", "Loket 1"), event(2, "J-001", "Loket 10", "J")]), zone
    )
    assert [c.number for c in queue.take_new(board)] == ["J-001"]
    assert queue.last_id == 2

"""The booking rules and the fair place in line, as pure functions (no server)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from server import booking_rules as br
from server.rules import Candidate, choose_next, queue_time

WIB = ZoneInfo("Asia/Jakarta")
HOURS = {d: "08:00-15:00" for d in ("mon", "tue", "wed", "thu")} | {"fri": "08:00-11:30"}
RULES = br.BookingRules(
    days_ahead=7,
    walk_in_share=0.5,
    checkin_before_minutes=30,
    checkin_grace_minutes=15,
    book_until_minutes=60,
)
MONDAY = dt.date(2026, 11, 30)


def at(hour: int, minute: int = 0, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), WIB)


def stored(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def test_slots_fill_the_hours_and_the_shorter_friday():
    monday = br.day_slots(HOURS, MONDAY, WIB, 30)
    assert (monday[0].start, monday[-1].end, len(monday)) == (at(8), at(15), 14)
    friday = br.day_slots(HOURS, dt.date(2026, 12, 4), WIB, 60)
    assert [s.start.hour for s in friday] == [8, 9, 10]  # 11:00-12:00 would pass 11:30
    assert br.day_slots(HOURS, dt.date(2026, 12, 5), WIB, 30) == []  # Saturday
    assert br.day_slots(None, MONDAY, WIB, 30) == []  # open around the clock: no slots


def test_the_walk_in_share_is_rounded_in_the_walk_ins_favour():
    assert br.booking_cap(150, 0.5) == 75
    assert br.booking_cap(25, 0.5) == 12  # walk-ins keep 13
    assert br.booking_cap(10, 1.0) == 0 and br.booking_cap(10, 0.0) == 10
    assert br.booking_cap(None, 0.5) is None
    # 5 of 5 booked: no place for bookings, whatever the slot has.
    assert br.day_left_for_booking(10, 0.5, active_bookings=5, issued=0, held=5) == 0
    # Today 8 walk-ins already: only 2 of the quota are left, though bookings could take 5.
    assert br.day_left_for_booking(10, 0.5, active_bookings=0, issued=8, held=0) == 2
    assert br.slot_left(4, 1, day_left=2) == 2 and br.slot_left(4, 4, None) == 0


def test_day_and_slot_refusals():
    holidays = frozenset({dt.date(2026, 12, 25)})
    assert br.day_refusal(MONDAY, MONDAY, RULES, holidays, True) is None
    assert br.day_refusal(MONDAY - dt.timedelta(days=1), MONDAY, RULES, holidays, True) == (
        "date_outside_window"
    )
    assert br.day_refusal(dt.date(2026, 12, 8), MONDAY, RULES, holidays, True) == (
        "date_outside_window"
    )
    christmas = dt.date(2026, 12, 25)
    assert br.day_refusal(christmas, dt.date(2026, 12, 20), RULES, holidays, True) == "holiday"
    assert br.day_refusal(MONDAY, MONDAY, RULES, holidays, False) == "day_closed"
    slot = br.Slot(at(10), at(10, 30))
    assert br.slot_refusal(slot, at(8, 59), RULES) is None
    assert br.slot_refusal(slot, at(9), RULES) == "slot_closed"


def test_check_in_window_and_no_show():
    start = at(10)
    assert br.checkin_refusal("booked", start, at(9, 29), RULES) == "too_early"
    assert br.checkin_refusal("booked", start, at(9, 30), RULES) is None
    assert br.checkin_refusal("booked", start, at(10, 14), RULES) is None
    assert br.checkin_refusal("booked", start, at(10, 15), RULES) == "too_late"
    assert br.checkin_refusal("cancelled", start, at(10), RULES) == "booking_cancelled"
    assert br.checkin_refusal("checked_in", start, at(10), RULES) == "booking_used"
    assert br.checkin_refusal("no_show", start, at(10), RULES) == "too_late"
    assert br.effective_status("booked", start, at(10, 14), RULES) == "booked"
    assert br.effective_status("booked", start, at(10, 15), RULES) == "no_show"
    assert br.effective_status("checked_in", start, at(12), RULES) == "checked_in"
    assert br.no_show_before(at(10, 15), 15) == stored(start)


def test_codes_are_short_random_and_typed_forgivingly():
    picks = iter("K7P4QX")
    assert br.new_code(lambda alphabet: next(picks)) == "K7P4QX"
    assert br.normalize_code(" k7p-4qx ") == "K7P4QX"
    assert br.normalize_code("K7P 4QX") == "K7P4QX"
    assert br.normalize_code("K7P4Q0") is None  # 0 is never in a code
    assert br.normalize_code("K7P4Q") is None
    assert not set(br.CODE_ALPHABET) & set("01OIL")


def line(*tickets: tuple[int, str | None, str]) -> list[Candidate]:
    return [Candidate(id, priority, queued) for id, priority, queued in tickets]


def call_order(candidates: list[Candidate], streak_limit: int = 3) -> list[int]:
    order, streak, waiting = [], 0, list(candidates)
    while (choice := choose_next(waiting, streak, streak_limit)) is not None:
        picked, streak = choice
        order.append(picked.id)
        waiting.remove(picked)
    return order


def test_a_booking_stands_in_line_from_its_slot_start():
    """Checked in early (09:40) or late (10:10) for 10:00: after the walk-ins of 09:00 and
    09:50, before the one of 10:05, as if it had come at 10:00."""
    slot = stored(at(10))
    assert queue_time(stored(at(9, 40)), slot) == slot
    assert queue_time(stored(at(10, 10)), slot) == slot
    assert queue_time(stored(at(9, 50))) == stored(at(9, 50))
    walk_ins = [
        (1, None, stored(at(9))),
        (2, None, stored(at(9, 50))),
        (4, None, stored(at(10, 5))),
    ]
    early = line(*walk_ins, (3, None, queue_time(stored(at(9, 40)), slot)))
    late = line(*walk_ins, (3, None, queue_time(stored(at(10, 10)), slot)))
    assert call_order(early) == call_order(late) == [1, 2, 3, 4]


def test_priority_keeps_its_rule_around_bookings():
    """Priority tickets go first, oldest first, with the streak limit; a booking is a normal
    ticket placed by its slot time among the normal ones."""
    slot = stored(at(10))
    tickets = line(
        (1, None, stored(at(9))),
        (2, "lansia", stored(at(10, 20))),
        (3, None, slot),  # the booking, checked in at 09:45
        (4, "ibu_hamil", stored(at(10, 25))),
        (5, None, stored(at(9, 30))),
    )
    assert call_order(tickets, streak_limit=3) == [2, 4, 1, 5, 3]
    assert call_order(tickets, streak_limit=1) == [2, 1, 4, 5, 3]

"""Queue rules as pure functions: hours, Friday, holidays, cutoff, quota, call order, ETA."""

import datetime as dt
from zoneinfo import ZoneInfo

from server.rules import (
    Candidate,
    Staffing,
    availability,
    choose_next,
    counter_open_now,
    eta_minutes,
    staffing,
)

WIB = ZoneInfo("Asia/Jakarta")
REGULAR = {
    "mon": "08:00-15:00",
    "tue": "08:00-15:00",
    "wed": "08:00-15:00",
    "thu": "08:00-15:00",
    "fri": "08:00-11:30",
}


def check(now, hours=REGULAR, quota=None, issued=0, holidays=(), cutoff=30, enabled=True):
    return availability(
        hours=hours,
        enabled=enabled,
        daily_quota=quota,
        issued_today=issued,
        now=now,
        holidays=frozenset(holidays),
        cutoff_minutes=cutoff,
    )


def at(day, hour, minute=0):
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=WIB)


def test_open_inside_hours():
    """A Monday at 09:00 is open."""
    assert check(at(30, 9)).open


def test_before_opening_is_outside_hours_with_todays_opening():
    """At 07:00 the service opens later today, and says when."""
    result = check(at(30, 7))
    assert (result.open, result.reason, result.next_open) == (False, "outside_hours", at(30, 8))


def test_friday_is_shorter():
    """Friday 11:45 is closed while Thursday 11:45 is open; Friday's cutoff is 11:00."""
    assert check(at(26, 11, 45)).open
    friday = check(at(27, 11, 45))
    assert (friday.open, friday.reason) == (False, "closed_today")
    assert friday.next_open == at(30, 8)  # Monday, over the weekend
    assert check(at(27, 11, 5)).reason == "cutoff_passed"
    assert check(at(27, 10, 55)).open


def test_weekend_is_closed_today_and_names_monday():
    """Saturday has no hours: closed_today, next opening Monday 08:00."""
    result = check(at(28, 10))
    assert (result.reason, result.next_open) == ("closed_today", at(30, 8))


def test_holiday_closes_and_skips_to_next_working_day():
    """A holiday on Monday: closed, next opening Tuesday 08:00."""
    result = check(at(30, 9), holidays=[dt.date(2026, 11, 30)])
    assert (result.reason, result.next_open) == ("holiday", dt.datetime(2026, 12, 1, 8, tzinfo=WIB))


def test_cutoff_before_closing():
    """No new tickets in the last 30 minutes before 15:00."""
    assert check(at(30, 14, 29)).open
    assert check(at(30, 14, 30)).reason == "cutoff_passed"
    assert check(at(30, 14, 30), cutoff=0).open


def test_quota_exhausted_opens_next_day():
    """With the day's quota used up the service reopens the next working day."""
    result = check(at(30, 9), quota=150, issued=150)
    assert (result.reason, result.next_open) == (
        "quota_exhausted",
        dt.datetime(2026, 12, 1, 8, tzinfo=WIB),
    )
    assert check(at(30, 9), quota=150, issued=149).open


def test_no_hours_means_always_open_but_not_on_holidays():
    """A service without hours is open at 03:00 on a Sunday, but not on a holiday."""
    assert check(at(29, 3), hours=None).open
    assert check(at(29, 3), hours=None, holidays=[dt.date(2026, 11, 29)]).reason == "holiday"


def test_disabled_service():
    """A disabled service is closed with reason 'disabled' and no next opening."""
    result = check(at(30, 9), enabled=False)
    assert (result.reason, result.next_open) == ("disabled", None)


def tickets(*specs):
    return [Candidate(i, priority, f"09:{i:02d}") for i, priority in enumerate(specs, 1)]


def test_priority_goes_first():
    """A priority ticket issued later is called before older normal tickets."""
    picked, streak = choose_next(tickets(None, None, "lansia"), 0, 3)
    assert (picked.id, streak) == (3, 1)


def test_anti_starvation_after_streak_limit():
    """After 3 priority calls in a row, the oldest normal ticket goes, then priority again."""
    waiting = tickets(None, "lansia", "ibu_hamil", "disabilitas", "lansia", None)
    order, streak = [], 0
    while waiting:
        picked, streak = choose_next(waiting, streak, 3)
        order.append(picked.id)
        waiting = [c for c in waiting if c.id != picked.id]
    assert order == [2, 3, 4, 1, 5, 6]


def test_fifo_without_priority_and_empty_queue():
    """Normal tickets go oldest first; an empty queue gives None."""
    picked, streak = choose_next(tickets(None, None), 0, 3)
    assert (picked.id, streak) == (1, 0)
    assert choose_next([], 0, 3) is None


def test_only_open_counters_count():
    """Open counts; paused and closed do not; free = open with no ticket at it."""
    assert counter_open_now("open")
    assert not counter_open_now("paused") and not counter_open_now("closed")
    states = [(4, "open", False), (2, "open", True), (3, "paused", False), (1, "closed", False)]
    assert staffing(states) == Staffing(open=2, free=1, counters=(2, 4))
    assert staffing([]) == Staffing(open=0, free=0, counters=())


def test_eta_is_none_without_an_open_counter():
    """No counter open (all closed or paused): no number at all, however short the line."""
    assert eta_minutes(0, 5, Staffing(open=0, free=0)) is None
    assert eta_minutes(7, 5, staffing([(1, "paused", False), (2, "closed", False)])) is None


def test_eta_soon_only_when_a_free_counter_is_there():
    """0 (soon) only when a free open counter is there for this ticket and each one ahead."""
    assert eta_minutes(0, 5, Staffing(open=1, free=1)) == 0
    assert eta_minutes(1, 5, Staffing(open=2, free=2)) == 0
    # Every open counter busy: the first to finish calls it, half a service time on average.
    assert eta_minutes(0, 10, Staffing(open=1, free=0)) == 5
    assert eta_minutes(0, 0.1, Staffing(open=1, free=0)) == 1  # never 0 while all are busy
    # The free counter takes the one ahead, then this ticket waits for a whole service.
    assert eta_minutes(1, 10, Staffing(open=1, free=1)) == 10
    assert eta_minutes(2, 10, Staffing(open=2, free=2)) == 10


def test_eta_shares_the_work_ahead_between_open_counters():
    """(tickets ahead + half a ticket per busy counter) x service time / open counters."""
    assert eta_minutes(3, 5, Staffing(open=2, free=0)) == 10  # (3 + 1) * 5 / 2
    assert eta_minutes(3, 5, Staffing(open=1, free=0)) == 18  # 3.5 * 5 = 17.5
    assert eta_minutes(4, 6, Staffing(open=2, free=1)) == 14  # 4.5 * 6 / 2 = 13.5

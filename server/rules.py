"""Queue rules as pure functions: opening hours, who is called next, ETA.

Nothing here touches the database or the real time; the store and the API pass facts in.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from config.server import WEEKDAYS, parse_span

# How far ahead `next_open` looks for an opening (long holidays such as Lebaran fit).
LOOKAHEAD_DAYS = 21


@dataclass(frozen=True)
class Availability:
    open: bool
    reason: str | None  # a stable code, see docs/decisions.md
    next_open: dt.datetime | None


def _is_holiday(day: dt.date, holidays: frozenset[dt.date]) -> bool:
    return day in holidays


def day_span(
    hours: dict[str, str] | None, day: dt.date, zone: dt.tzinfo | None
) -> tuple[dt.datetime, dt.datetime] | None:
    """Opening and closing instants of a service on `day`; None when closed that weekday."""
    if hours is None:
        start = dt.datetime.combine(day, dt.time.min, zone)
        return start, start + dt.timedelta(days=1)
    span = hours.get(WEEKDAYS[day.weekday()])
    if span is None:
        return None
    opens, closes = parse_span(span)
    end = dt.datetime.combine(day, closes, zone)
    if closes == dt.time.max:
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, zone)
    return dt.datetime.combine(day, opens, zone), end


def next_opening(
    hours: dict[str, str] | None, after: dt.datetime, holidays: frozenset[dt.date]
) -> dt.datetime | None:
    """The first opening instant strictly after `after`, skipping holidays and closed days."""
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = after.date() + dt.timedelta(days=offset)
        if _is_holiday(day, holidays):
            continue
        span = day_span(hours, day, after.tzinfo)
        if span and span[0] > after:
            return span[0]
    return None


def availability(
    *,
    hours: dict[str, str] | None,
    enabled: bool,
    daily_quota: int | None,
    issued_today: int,
    now: dt.datetime,
    holidays: frozenset[dt.date],
    cutoff_minutes: int,
) -> Availability:
    """Whether a service takes a new ticket at `now`, and if not why and when it opens again.

    Order of reasons: disabled, holiday, closed_today (no hours today, or past closing),
    outside_hours (opens later today), cutoff_passed, quota_exhausted. A service without hours
    is open around the clock (no cutoff) except on holidays.
    """
    end_of_day = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time.min, now.tzinfo)
    if not enabled:
        return Availability(False, "disabled", None)
    if _is_holiday(now.date(), holidays):
        return Availability(False, "holiday", next_opening(hours, now, holidays))
    span = day_span(hours, now.date(), now.tzinfo)
    if span is None or now >= span[1]:
        return Availability(False, "closed_today", next_opening(hours, now, holidays))
    opens, closes = span
    if now < opens:
        return Availability(False, "outside_hours", opens)
    if hours is not None and now >= closes - dt.timedelta(minutes=cutoff_minutes):
        return Availability(False, "cutoff_passed", next_opening(hours, closes, holidays))
    if daily_quota is not None and issued_today >= daily_quota:
        return Availability(False, "quota_exhausted", next_opening(hours, end_of_day, holidays))
    return Availability(True, None, None)


@dataclass(frozen=True)
class Candidate:
    """A waiting ticket, as the call order sees it."""

    id: int
    priority: str | None
    queued_at: str  # ISO time; earlier = longer in line


def queue_time(issued_at: str, slot_start: str | None = None) -> str:
    """Where a new ticket stands in the line (`queued_at`, ISO text): a walk-in from when it
    was issued; a checked-in booking as if it had arrived at its slot's start, early or late,
    so it overtakes nobody who came before the slot and nobody who came after overtakes it.
    Priority still goes first (`choose_next`), whatever the time."""
    return slot_start if slot_start is not None else issued_at


def choose_next(
    waiting: Sequence[Candidate], priority_streak: int, streak_limit: int
) -> tuple[Candidate, int] | None:
    """Pick the next ticket for a counter and return it with the counter's new priority streak.

    Priority tickets go first, oldest first; but after `streak_limit` priority calls in a row the
    oldest normal ticket goes (anti-starvation). Otherwise first come, first served across all the
    counter's services. `waiting` may be in any order.
    """
    ordered = sorted(waiting, key=lambda c: (c.queued_at, c.id))
    priority = [c for c in ordered if c.priority]
    normal = [c for c in ordered if not c.priority]
    if priority and (not normal or priority_streak < streak_limit):
        return priority[0], priority_streak + 1
    if normal:
        return normal[0], 0
    return None


# ---- the estimate ----

COUNTER_OPEN = "open"  # the status of a counter that is calling now (not paused, not closed)


def counter_open_now(status: str) -> bool:
    """Whether a counter counts for its services now: open, neither paused nor closed.

    The one home of this rule: the estimate, `counters_open` of /services and the tracking
    page all read it through `staffing`."""
    return status == COUNTER_OPEN


@dataclass(frozen=True)
class Staffing:
    """The counters of one service as the estimate sees them."""

    open: int = 0  # counters that serve it and are open now
    free: int = 0  # of those, the ones with no ticket open (they can call at once)
    counters: tuple[int, ...] = ()  # the ids of the open ones


def staffing(counters: Iterable[tuple[int, str, bool]]) -> Staffing:
    """Staffing of a service from its counters' (id, status, has an open ticket)."""
    open_now = [(cid, busy) for cid, status, busy in counters if counter_open_now(status)]
    return Staffing(
        open=len(open_now),
        free=sum(not busy for _, busy in open_now),
        counters=tuple(sorted(cid for cid, _ in open_now)),
    )


def eta_minutes(ahead: int, average_minutes: float, staff: Staffing) -> int | None:
    """Minutes until a ticket is called, rounded up; `ahead` = the waiting tickets its
    service's open counters would call before it (their other services' too).

    None when no counter of the service is open: nobody will call it, and a number would lie.
    0 ("soon") only when a free open counter is there for it and for every ticket ahead.
    Otherwise the work before it — half a service time left at each busy counter, one whole
    service time per ticket ahead — shared by the open counters; never below 1 minute.
    """
    if staff.open <= 0:
        return None
    ahead = max(0, ahead)
    if ahead < staff.free:
        return 0
    busy = staff.open - staff.free
    work = (ahead + busy / 2) * max(0.0, average_minutes)
    return max(1, math.ceil(work / staff.open))

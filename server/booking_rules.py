"""Booking rules as pure functions: slots, the walk-in share, the booking window, check-in.

Nothing here touches the database or the real time; `server.booking` passes the facts in.
Where a booking stands in the line once checked in is a queue rule: `server.rules.queue_time`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

# The code's form lives on the ground floor (the kiosk reads codes too).
from config.booking import CODE_ALPHABET, CODE_LENGTH
from config.booking import normalize_code as normalize_code
from server.rules import day_span

BOOKED = "booked"
CHECKED_IN = "checked_in"
CANCELLED = "cancelled"
NO_SHOW = "no_show"
ACTIVE = (BOOKED, CHECKED_IN)  # statuses that use a slot's place


@dataclass(frozen=True)
class BookingRules:
    """The site's `[booking]` settings, as the rules need them."""

    days_ahead: int
    walk_in_share: float
    checkin_before_minutes: int
    checkin_grace_minutes: int
    book_until_minutes: int


@dataclass(frozen=True)
class Slot:
    start: dt.datetime
    end: dt.datetime


def new_code(choose: Callable[[str], str]) -> str:
    """A random booking code; `choose` is `secrets.choice` (a test may pass its own)."""
    return "".join(choose(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def day_slots(
    hours: dict[str, str] | None, day: dt.date, zone: dt.tzinfo | None, slot_minutes: int
) -> list[Slot]:
    """The day's slots inside the service's hours (a shorter Friday has fewer); none on a
    closed weekday, and none for a service without hours (open around the clock has no
    appointments). A last piece shorter than a slot is not offered."""
    if hours is None or slot_minutes <= 0:
        return []
    span = day_span(hours, day, zone)
    if span is None:
        return []
    opens, closes = span
    length = dt.timedelta(minutes=slot_minutes)
    slots = []
    start = opens
    while start + length <= closes:
        slots.append(Slot(start, start + length))
        start += length
    return slots


def booking_cap(daily_quota: int | None, walk_in_share: float) -> int | None:
    """How many places of a day bookings may hold in all: the quota less the walk-in share
    (rounded up, so walk-ins never get less than their share). None: no daily quota."""
    if daily_quota is None:
        return None
    return max(0, daily_quota - math.ceil(daily_quota * walk_in_share))


def day_left_for_booking(
    daily_quota: int | None,
    walk_in_share: float,
    active_bookings: int,
    issued: int,
    held: int,
) -> int | None:
    """Places of the day still open to bookings: within the bookings' cap, and within what
    the quota has left after tickets already issued (walk-ins and checked-in bookings) and
    bookings still holding a place. None: no daily limit."""
    cap = booking_cap(daily_quota, walk_in_share)
    if cap is None or daily_quota is None:
        return None
    return max(0, min(cap - active_bookings, daily_quota - issued - held))


def slot_left(capacity: int, taken: int, day_left: int | None) -> int:
    """Places left in one slot: its capacity less its active bookings, never above the day's."""
    left = max(0, capacity - taken)
    return left if day_left is None else min(left, day_left)


def day_refusal(
    day: dt.date,
    today: dt.date,
    rules: BookingRules,
    holidays: frozenset[dt.date],
    has_slots: bool,
) -> str | None:
    """Why no booking can be made on `day` at all (a stable error code), or None."""
    if day < today or day > today + dt.timedelta(days=rules.days_ahead):
        return "date_outside_window"
    if day in holidays:
        return "holiday"
    if not has_slots:
        return "day_closed"
    return None


def slot_refusal(slot: Slot, now: dt.datetime, rules: BookingRules) -> str | None:
    """`slot_closed` once booking for it has ended (`book_until_minutes` before its start)."""
    if now >= slot.start - dt.timedelta(minutes=rules.book_until_minutes):
        return "slot_closed"
    return None


def checkin_window(start: dt.datetime, rules: BookingRules) -> tuple[dt.datetime, dt.datetime]:
    """From `checkin_before_minutes` before the slot's start until `checkin_grace_minutes`
    after it (the end excluded)."""
    return (
        start - dt.timedelta(minutes=rules.checkin_before_minutes),
        start + dt.timedelta(minutes=rules.checkin_grace_minutes),
    )


def checkin_refusal(
    status: str, start: dt.datetime, now: dt.datetime, rules: BookingRules
) -> str | None:
    """Why a booking cannot be checked in now (a stable error code), or None."""
    if status == CANCELLED:
        return "booking_cancelled"
    if status == CHECKED_IN:
        return "booking_used"
    opens, closes = checkin_window(start, rules)
    if status == NO_SHOW or now >= closes:
        return "too_late"
    if now < opens:
        return "too_early"
    return None


def effective_status(status: str, start: dt.datetime, now: dt.datetime, rules: BookingRules) -> str:
    """A booking not checked in by the end of its grace is a no-show, whether or not the
    sweep has written it yet."""
    if status == BOOKED and now >= checkin_window(start, rules)[1]:
        return NO_SHOW
    return status


def no_show_before(now: dt.datetime, grace_minutes: int) -> str:
    """Bookings whose slot started at or before this instant (stored time text) and that are
    still only booked are no-shows: their grace is over."""
    return (now - dt.timedelta(minutes=grace_minutes)).isoformat(timespec="milliseconds")

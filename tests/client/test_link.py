"""The disconnected rule: only after the server has not answered for the grace, and since when."""

from __future__ import annotations

import datetime as dt

from client import LinkWatch

WALL = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


def make_watch(grace=4.0):
    clock = Clock()
    watch = LinkWatch(grace, clock=clock, wall_clock=lambda: WALL + dt.timedelta(seconds=clock.t))
    return watch, clock


def test_one_failed_request_is_not_an_outage():
    watch, clock = make_watch()
    assert watch.unanswered() is False
    clock.t += 3.9
    assert watch.unanswered() is False
    assert watch.answered() is False
    clock.t += 10
    assert watch.unanswered() is False
    assert not watch.down


def test_outage_starts_after_the_grace_and_says_since_when():
    watch, clock = make_watch()
    start = clock.t
    watch.unanswered()
    clock.t += 4.0
    assert watch.unanswered() is True
    assert watch.down
    assert watch.since == WALL + dt.timedelta(seconds=start)
    clock.t += 1
    assert watch.unanswered() is False  # already shown: said once
    assert watch.answered() is True
    assert not watch.down and watch.since is None


def test_a_request_that_timed_out_counts_from_when_it_was_asked():
    watch, clock = make_watch()
    asked = clock.t
    clock.t += 4.5  # a hung server: the heartbeat's 4.5 s timeout ran out
    assert watch.unanswered(asked_at=asked) is True
    assert watch.since == WALL + dt.timedelta(seconds=asked)


def test_an_answer_to_another_request_meanwhile_counts():
    """A heartbeat that timed out after 4.5 s while a poll was answered 1 s ago is no outage:
    the server has not been silent for the grace (one watch, two threads)."""
    watch, clock = make_watch()
    heartbeat_asked = clock.t
    clock.t += 3.5
    watch.answered()  # the poll got its answer
    clock.t += 1.0
    assert watch.unanswered(asked_at=heartbeat_asked) is False
    clock.t += 3.0  # silence since that answer: 4 s
    assert watch.unanswered() is True
    assert watch.since == WALL + dt.timedelta(seconds=heartbeat_asked + 3.5)

"""The gentle highlight of each call for deaf citizens, on real widgets (pytest-qt, offscreen):
the board's header and the called counter's tile light up and dim at 1 Hz for about five
seconds, then stop; nothing on the board changes faster than WCAG 2.3.1 allows (at most three
flashes in any one second), also when calls follow each other closely."""

from __future__ import annotations

import pytest

from display.core.flash import WCAG_MAX_FLASHES_PER_SECOND, Pulse
from display.widgets.style import GLOW
from tests.display.test_board_core import event, state
from tests.display.test_board_widgets import make_controller

DEADLINE_MS = 15_000


# A flash is a pair of opposing changes (lit, then dim): three flashes are six changes.
MAX_CHANGES_PER_SECOND = 2 * WCAG_MAX_FLASHES_PER_SECOND
CHANGES_PER_SECOND_AT_1_HZ = 3  # lit, dim, lit can fall inside one second; never four


def changes_in_any_second(changes: list[tuple[float, bool]]) -> int:
    """The most recorded changes that fall inside any one second."""
    times = [at for at, _ in changes]
    return max(
        (sum(1 for at in times[i:] if at - start < 1.0) for i, start in enumerate(times)), default=0
    )


def test_pulse_refuses_a_rhythm_faster_than_wcag_allows():
    assert Pulse().flashes_per_second == 1.0
    assert Pulse(period_seconds=1 / WCAG_MAX_FLASHES_PER_SECOND).flashes_per_second == 3
    with pytest.raises(ValueError, match="WCAG 2.3.1"):
        Pulse(period_seconds=0.3)
    with pytest.raises(ValueError):
        Pulse(period_seconds=0)


def test_pulse_steps_are_lit_dim_and_end_dim():
    pulse = Pulse(seconds=5, period_seconds=1)
    assert (pulse.steps, pulse.step_ms) == (10, 500)
    assert [pulse.lit(step) for step in range(11)] == [True, False] * 5 + [False]
    assert not pulse.lit(-1) and Pulse(seconds=0).steps == 0


def test_a_call_lights_the_header_and_the_called_tile_then_stops(qtbot, tmp_path):
    controller, window = make_controller(qtbot, tmp_path)
    window.show()
    controller.on_state(state([event(1, "A-001", "Loket 1")]))  # the first picture: no flash
    header, tiles = window.header, {t.counter.name: t for t in window.counters.tiles}
    assert not header.pulse.running and not tiles["Loket 1"].pulse.running

    controller.on_state(state([event(1, "A-001", "Loket 1"), event(2, "J-001", "Loket 10")], 2))
    assert header.pulse.lit and tiles["Loket 10"].pulse.lit
    assert GLOW in header.styleSheet() and GLOW in tiles["Loket 10"].styleSheet()
    assert not tiles["Loket 1"].pulse.running  # only the called counter
    qtbot.waitUntil(lambda: not header.pulse.lit, timeout=DEADLINE_MS)  # it toggles
    assert GLOW not in header.styleSheet()
    qtbot.waitUntil(lambda: header.pulse.lit, timeout=DEADLINE_MS)

    qtbot.waitUntil(lambda: not tiles["Loket 10"].pulse.running, timeout=DEADLINE_MS)
    qtbot.waitUntil(lambda: not header.pulse.running, timeout=DEADLINE_MS)
    for pulse in (header.pulse, tiles["Loket 10"].pulse):
        lit = [lit for _, lit in pulse.changes]
        assert lit == [True, False] * 5  # five slow cycles, ending dim
        seconds = pulse.changes[-1][0] - pulse.changes[0][0]
        assert 4.4 <= seconds < 12  # about five seconds (more only on a very busy machine)
        assert changes_in_any_second(pulse.changes) <= CHANGES_PER_SECOND_AT_1_HZ  # 1 Hz
    assert GLOW not in header.styleSheet() and GLOW not in tiles["Loket 10"].styleSheet()
    assert "#ffc21a" in tiles["Loket 10"].styleSheet()  # the newest call's tile stays marked


def test_calls_in_quick_succession_never_flash_faster(qtbot, tmp_path):
    """Six calls 150 ms apart: the header keeps its 1 Hz rhythm, lasting longer instead, and
    the big call panel's own highlight stays under three flashes a second too."""
    controller, window = make_controller(qtbot, tmp_path)
    controller.on_state(state([event(1, "A-001", "Loket 1")]))

    calls = [event(1, "A-001", "Loket 1")]
    for number in range(2, 8):
        calls.append(event(number, f"A-00{number}", "Loket 1"))
        controller.on_state(state(list(calls), version=number))
        qtbot.wait(150)  # the calls are spaced in time on purpose: this is the input
    pulse = window.header.pulse
    qtbot.waitUntil(lambda: not pulse.running, timeout=DEADLINE_MS)
    assert changes_in_any_second(pulse.changes) <= CHANGES_PER_SECOND_AT_1_HZ
    assert changes_in_any_second(pulse.changes) < MAX_CHANGES_PER_SECOND
    assert [lit for _, lit in pulse.changes] == [True, False] * (len(pulse.changes) // 2)
    assert pulse.changes[-1][0] - pulse.changes[0][0] >= 5.0  # lasted longer, same pace
    flash_ms = window.call_panel._flash.interval()
    assert 1000 / (2 * flash_ms) <= WCAG_MAX_FLASHES_PER_SECOND  # the panel: lit/dim per 500 ms

"""The gentle highlight of a call for citizens who cannot hear the voice: the board's header
and the called counter's tile light up and dim in turn for a few seconds.

WCAG 2.3.1 (Three Flashes or Below Threshold): nothing on the board may flash more than three
times in any one second. A `Pulse` is one lit-and-dim cycle per `period_seconds` (1 Hz by
default, three times below the limit) and refuses a faster rhythm; `lit(step)` says whether
the highlight is on after `step` half-periods, so the widgets only follow a timer.
"""

from __future__ import annotations

from dataclasses import dataclass

WCAG_MAX_FLASHES_PER_SECOND = 3
PULSE_SECONDS = 5.0
PULSE_PERIOD_SECONDS = 1.0


@dataclass(frozen=True)
class Pulse:
    """`seconds` of highlight, lit for half of each `period_seconds`, starting lit."""

    seconds: float = PULSE_SECONDS
    period_seconds: float = PULSE_PERIOD_SECONDS

    def __post_init__(self) -> None:
        if self.seconds < 0:
            raise ValueError("a pulse lasts 0 seconds or more")
        if self.flashes_per_second > WCAG_MAX_FLASHES_PER_SECOND:
            raise ValueError(
                f"{self.flashes_per_second:.1f} flashes a second: WCAG 2.3.1 allows at most "
                f"{WCAG_MAX_FLASHES_PER_SECOND}"
            )

    @property
    def flashes_per_second(self) -> float:
        return 1.0 / self.period_seconds if self.period_seconds > 0 else float("inf")

    @property
    def step_ms(self) -> int:
        """The time between two changes (lit -> dim or dim -> lit), in milliseconds."""
        return round(self.period_seconds * 500)

    @property
    def steps(self) -> int:
        """How many changes the pulse makes; an even number, so it ends dim (as it began)."""
        whole_cycles = round(self.seconds / self.period_seconds)
        return 2 * whole_cycles

    def lit(self, step: int) -> bool:
        """Whether the highlight is on after `step` changes (0: just started)."""
        return 0 <= step < self.steps and step % 2 == 0

"""What the check-in screen says when a booking code did not work (read by the screen and by
the voice guidance)."""

from __future__ import annotations

from kiosk.core.flow import KioskState
from kiosk.texts import text

# Codes whose refusal comes with the server's own sentence (it names the time).
TIMED_REFUSALS = ("too_early", "too_late")
KNOWN_REFUSALS = (
    "code_unreadable",
    "booking_not_found",
    "booking_cancelled",
    "booking_used",
    "too_early",
    "too_late",
)


def refusal_text(state: KioskState) -> str:
    """What the citizen reads when a code did not work (the screen adds that walk-ins
    remain open)."""
    code = state.checkin_error
    if code is None:
        return ""
    if code in TIMED_REFUSALS and state.checkin_message:
        reason = state.checkin_message
    elif code in KNOWN_REFUSALS:
        reason = text(f"checkin_{code}", state.language)
    else:
        reason = state.checkin_message or text("checkin_other", state.language)
    return reason

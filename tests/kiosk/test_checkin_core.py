"""The kiosk's check-in without Qt: the flow's states and the code read from a scanner."""

from __future__ import annotations

from config.booking import code_from_scan, grouped, normalize_code
from kiosk.core import IssueResult, Outcome, Screen
from tests.kiosk.test_core import make_flow


def test_a_scanned_address_or_a_typed_code_gives_the_code():
    assert code_from_scan("http://192.168.10.2:8000/reservasi/kode/K7P4QX") == "K7P4QX"
    assert code_from_scan("K7P4QX\n") == "K7P4QX"
    assert code_from_scan("k7p-4qx") == "K7P4QX"
    assert code_from_scan("https://mpp.example/reservasi/kode/") is None
    assert code_from_scan("A-012") is None
    assert normalize_code("K7P4QO") is None and grouped("K7P4QX") == "K7P 4QX"


def test_entry_code_and_check_in_request():
    """Home → "Sudah reservasi?" → a code: one check-in request (no service), issuing."""
    flow = make_flow()
    flow.press_checkin_entry()
    assert flow.state.screen == Screen.CHECKIN
    request = flow.submit_booking_code("k7p 4qx")
    assert request is not None and request.booking_code == "K7P4QX"
    assert request.service_code == "" and request.priority is None
    assert flow.state.screen == Screen.ISSUING
    assert flow.submit_booking_code("K7P4QX") is None  # a second Enter while issuing


def test_a_scan_on_the_home_screen_checks_in_directly():
    flow = make_flow()
    request = flow.submit_booking_code("http://mpp/reservasi/kode/K7P4QX")
    assert request is not None and flow.state.screen == Screen.ISSUING


def test_an_unreadable_code_stays_on_the_keypad():
    flow = make_flow()
    assert flow.submit_booking_code("hello") is None
    assert (flow.state.screen, flow.state.checkin_error) == (Screen.CHECKIN, "code_unreadable")


def test_a_refusal_returns_to_check_in_with_its_reason_then_walk_in_or_retry():
    """too_early: back on the check-in screen with the server's sentence; "Ketik kode lain"
    clears it; back leads home (the walk-in path); the attempt is over (a retry would be new)."""
    flow = make_flow()
    flow.submit_booking_code("K7P4QX")
    message = "Belum waktunya. Lapor kedatangan bisa mulai pukul 10.00."
    flow.issue_finished(IssueResult(Outcome.REFUSED, code="too_early", message=message))
    state = flow.state
    assert (state.screen, state.checkin_error, state.checkin_message) == (
        Screen.CHECKIN,
        "too_early",
        message,
    )
    assert flow.press_retry() is None
    flow.press_checkin_entry()
    assert flow.state.checkin_error is None and flow.state.screen == Screen.CHECKIN
    flow.press_back()
    assert flow.state.screen == Screen.HOME


def test_check_in_is_refused_while_the_server_is_away():
    flow = make_flow()
    flow.server_unreachable()
    flow.press_checkin_entry()
    assert flow.state.screen == Screen.HOME
    assert flow.submit_booking_code("K7P4QX") is None

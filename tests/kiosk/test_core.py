"""The Qt-free kiosk core: the screens' state machine and the issue transaction."""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

from client import Refused, ServerFault
from kiosk.core import (
    IssueRequest,
    KioskFlow,
    Outcome,
    PaperState,
    PrinterStatus,
    Screen,
    issue_and_print,
)
from kiosk.texts import TEXTS, closed_reason
from tests.kiosk.fakes import SERVICES, FakePrinter, FakeServer

JAKARTA = ZoneInfo("Asia/Jakarta")
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"


def make_flow() -> KioskFlow:
    keys = (f"key-{n}" for n in itertools.count(1))
    flow = KioskFlow(pin="2468", new_key=lambda: next(keys))
    flow.services_loaded(SERVICES)
    return flow


def test_agency_then_service_asks_for_one_ticket():
    """Tap agency → tap open service gives one issue request and the issuing screen."""
    flow = make_flow()
    flow.press_agency(DUKCAPIL)
    assert flow.state.screen == Screen.SERVICES
    request = flow.press_service("A")
    assert request == IssueRequest("A", None, "key-1")
    assert flow.state.screen == Screen.ISSUING


def test_second_press_while_issuing_is_ignored():
    """A double press never asks for a second ticket."""
    flow = make_flow()
    flow.press_agency(DUKCAPIL)
    assert flow.press_service("A") is not None
    assert flow.press_service("A") is None


def test_closed_service_cannot_be_chosen():
    """A service closed for quota is shown but gives no ticket."""
    flow = make_flow()
    flow.press_agency(DUKCAPIL)
    assert flow.press_service("B") is None
    assert flow.state.screen == Screen.SERVICES


def test_offline_disables_choosing_and_recovers():
    """While the server is away nothing can be chosen; the next good poll re-enables it."""
    flow = make_flow()
    flow.server_unreachable()
    flow.press_agency(DUKCAPIL)
    assert flow.state.screen == Screen.HOME
    flow.services_loaded(SERVICES)
    flow.press_agency(DUKCAPIL)
    assert flow.state.screen == Screen.SERVICES


def test_retry_reuses_the_idempotency_key():
    """Coba lagi after an offline failure sends the same key, so the server cannot double-issue."""
    flow = make_flow()
    flow.press_agency(DUKCAPIL)
    first = flow.press_service("A")
    server = FakeServer(fail_times=1)
    flow.issue_finished(issue_and_print(first, server, FakePrinter()))
    assert flow.state.screen == Screen.OFFLINE
    again = flow.press_retry()
    assert again is not None and again.idempotency_key == first.idempotency_key
    flow.issue_finished(issue_and_print(again, server, FakePrinter()))
    assert flow.state.screen == Screen.DONE


def test_priority_path_sets_the_priority():
    """Prioritas → lansia → agency → service asks for a lansia ticket."""
    flow = make_flow()
    flow.press_priority_entry()
    flow.press_priority("lansia")
    assert (flow.state.screen, flow.state.priority) == (Screen.HOME, "lansia")
    flow.press_agency(DUKCAPIL)
    assert flow.press_service("A").priority == "lansia"


def test_idle_timeout_returns_home_and_resets_language():
    """An abandoned screen goes home in the default language; issuing is never interrupted."""
    flow = make_flow()
    flow.toggle_language()
    flow.press_agency(DUKCAPIL)
    flow.idle_timeout()
    assert (flow.state.screen, flow.state.language) == (Screen.HOME, "id")
    flow.press_agency(DUKCAPIL)
    flow.press_service("A")
    assert flow.auto_home_seconds() is None
    flow.idle_timeout()
    assert flow.state.screen == Screen.ISSUING


def test_wrong_pin_is_refused_and_three_send_home():
    """The technician menu needs the PIN; three wrong tries go back home."""
    flow = make_flow()
    for second in range(5):
        flow.secret_tap(100.0 + second * 0.5)
    assert flow.state.screen == Screen.PIN
    assert not flow.enter_pin("0000")
    assert flow.state.pin_error and not flow.technician_unlocked
    flow.enter_pin("1111")
    flow.enter_pin("2222")
    assert flow.state.screen == Screen.HOME
    for second in range(5):
        flow.secret_tap(200.0 + second * 0.5)
    assert flow.enter_pin("2468") and flow.technician_unlocked


def test_slow_taps_do_not_open_the_pin_pad():
    """Taps spread over more than the gesture window are an ordinary citizen, not a technician."""
    flow = make_flow()
    for second in range(5):
        flow.secret_tap(100.0 + second * 2)
    assert flow.state.screen == Screen.HOME


def test_printer_out_of_paper_issues_nothing():
    """Paper out before issuing: no ticket at the server, the printer screen says why."""
    server = FakeServer()
    printer = FakePrinter(PrinterStatus(online=True, paper=PaperState.OUT))
    result = issue_and_print(IssueRequest("A", None, "k"), server, printer)
    assert (result.outcome, result.code, server.issued) == (
        Outcome.PRINTER_NOT_READY,
        "paper_out",
        [],
    )


def test_print_failure_after_issue_is_reported():
    """A ticket that did not print is told to the server with the reason."""
    server = FakeServer()
    result = issue_and_print(IssueRequest("A", None, "k"), server, FakePrinter(fail="paper_out"))
    assert result.outcome == Outcome.PRINT_FAILED and result.ticket["number"] == "A-001"
    assert server.reports == [(1, False, "paper_out")]


def test_refusal_and_server_fault_become_outcomes():
    """A 4xx refusal and a 5xx each have their own outcome, never an exception."""
    refused = FakeServer(fail_times=1, error=Refused("habis", code="quota_exhausted", status=409))
    result = issue_and_print(IssueRequest("A", None, "k"), refused, FakePrinter())
    assert (result.outcome, result.code) == (Outcome.REFUSED, "quota_exhausted")
    fault = FakeServer(fail_times=1, error=ServerFault("boom", status=500))
    assert issue_and_print(IssueRequest("A", None, "k"), fault, FakePrinter()).outcome == (
        Outcome.SERVER_ERROR
    )


def test_closed_reason_names_the_day():
    """ "Layanan tutup, buka Senin 08.00" in Indonesian, "opens Monday 08:00" in English."""
    now = datetime(2026, 11, 28, 16, 0, tzinfo=JAKARTA)  # a Saturday
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=JAKARTA)
    assert closed_reason("closed_today", monday, now, "id", "") == "Layanan tutup, buka Senin 08.00"
    assert closed_reason("closed_today", monday, now, "en", "") == "Closed, opens Monday 08:00"
    assert closed_reason("brand_new", None, now, "id", "Dari server") == "Dari server"


def test_every_text_has_both_languages():
    """No catalog entry is left empty in either language."""
    for key in sorted(TEXTS.keys()):
        assert TEXTS.get(key, "id").strip() and TEXTS.get(key, "en").strip(), key

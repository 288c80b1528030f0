"""The Qt-free kiosk core: the screens' state machine and the issue transaction."""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

from client import Refused, ServerFault, ServerUnreachable, TicketAbandoned
from kiosk.core import (
    SCREEN_ONLY,
    TEST_PRINTER,
    AbandonedKeys,
    IssueRequest,
    KioskFlow,
    Outcome,
    PaperState,
    Patience,
    PrinterStatus,
    Screen,
    Service,
    issue_and_print,
    report_printed,
)
from kiosk.core.issuing import UNKNOWN_PRINTER
from kiosk.texts import TEXTS, closed_reason
from tests.kiosk.fakes import SERVICES, FakeClock, FakePrinter, FakeServer

JAKARTA = ZoneInfo("Asia/Jakarta")
DUKCAPIL = "Dinas Kependudukan dan Pencatatan Sipil"


def issue(request, server, printer, clock: FakeClock | None = None):
    """issue_and_print on fake time: a test never waits for the kiosk's patience."""
    clock = clock or server.clock or FakeClock()
    result = issue_and_print(request, server, printer, Patience(), clock, clock.sleep)
    report_printed(server, result)
    return result


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
    server = FakeServer(fail_times=1000, clock=FakeClock())
    flow.issue_finished(issue(first, server, FakePrinter()))
    assert flow.state.screen == Screen.OFFLINE
    server.fail_times = 0
    again = flow.press_retry()
    assert again is not None and again.idempotency_key == first.idempotency_key
    flow.issue_finished(issue(again, server, FakePrinter()))
    assert flow.state.screen == Screen.DONE


def unsure(flow: KioskFlow) -> IssueRequest:
    """An attempt that got no answer at all: the "belum bisa dipastikan" screen."""
    flow.press_agency(DUKCAPIL)
    request = flow.press_service("A")
    assert request is not None
    flow.issue_finished(
        issue(request, FakeServer(fail_times=1000, clock=FakeClock()), FakePrinter())
    )
    assert flow.state.screen == Screen.OFFLINE
    return request


def test_leaving_the_unsure_screen_remembers_its_key_as_abandoned():
    """Home or the idle timeout on "belum bisa dipastikan": the key is handed out once."""
    for leave in (KioskFlow.press_home, KioskFlow.idle_timeout):
        flow = make_flow()
        request = unsure(flow)
        assert flow.take_abandoned() == []  # still on the screen: nothing yet
        leave(flow)
        assert flow.state.screen == Screen.HOME
        assert flow.take_abandoned() == [request.idempotency_key]
        assert flow.take_abandoned() == []


def test_coba_lagi_is_not_abandoning_and_nor_is_leaving_other_screens():
    """Retry keeps the attempt (the same key is asked again); leaving after a ticket, a
    refusal or a server error abandons nothing."""
    flow = make_flow()
    request = unsure(flow)
    again = flow.press_retry()
    assert again == request and flow.take_abandoned() == []
    flow.issue_finished(issue(again, FakeServer(), FakePrinter()))
    flow.press_home()
    assert flow.take_abandoned() == []
    for error in (Refused("habis", code="quota_exhausted"), ServerFault("boom")):
        flow.press_agency(DUKCAPIL)
        attempt = flow.press_service("A")
        flow.issue_finished(issue(attempt, FakeServer(fail_times=1, error=error), FakePrinter()))
        assert flow.state.screen != Screen.OFFLINE
        flow.press_home()
        assert flow.take_abandoned() == []


class FakeAbandoner:
    def __init__(self, down: bool = False):
        self.down = down
        self.sent: list[str] = []

    def abandon_ticket(self, idempotency_key: str) -> TicketAbandoned:
        self.sent.append(idempotency_key)
        if self.down:
            raise ServerUnreachable("down")
        if idempotency_key == "refused":
            raise Refused("no", code="validation_error")
        return TicketAbandoned(outcome="cancelled", number="A-001")


def test_abandoned_keys_are_kept_until_the_server_answers():
    keys = AbandonedKeys()
    for key in ("k1", "refused", "k2", "k1"):
        keys.remember(key)
    assert keys.pending == ("k1", "refused", "k2")
    away = FakeAbandoner(down=True)
    assert keys.send(away) == [] and away.sent == ["k1"]  # stops at the first silence
    assert keys.pending == ("k1", "refused", "k2")
    back = FakeAbandoner()
    answers = keys.send(back)
    assert back.sent == ["k1", "refused", "k2"] and len(answers) == 2
    assert keys.pending == ()  # a refusal is an answer too: forgotten


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


def test_slow_answer_is_asked_again_under_the_same_key_before_anything_is_said():
    """Two attempts without an answer, then one: one ticket, printed, every attempt one key,
    the second allowed longer than the first, all within the patience."""
    clock = FakeClock()
    server = FakeServer(fail_times=2, clock=clock)
    printer = FakePrinter()
    result = issue(IssueRequest("A", None, "k"), server, printer)
    assert result.outcome == Outcome.DONE and len(printer.printed) == 1
    assert {key for _, _, key in server.issued} == {"k"} and len(server.issued) == 3
    assert server.timeouts[0] < server.timeouts[1]
    assert clock.now <= Patience().total_seconds


def test_the_wait_for_a_silent_server_is_bounded():
    """A server that never answers: "offline" after at most the patience (20 s), not later."""
    clock = FakeClock()
    result = issue(
        IssueRequest("A", None, "k"), FakeServer(fail_times=1000, clock=clock), FakePrinter()
    )
    assert result.outcome == Outcome.OFFLINE
    assert 15 <= clock.now <= Patience().total_seconds


def test_printer_out_of_paper_still_issues_on_screen_and_tells_the_server():
    """Paper out: the ticket is issued, shown on screen (not printed), reported paper_out."""
    server = FakeServer()
    printer = FakePrinter(PrinterStatus(online=True, paper=PaperState.OUT))
    result = issue(IssueRequest("A", None, "k"), server, printer)
    assert (result.outcome, result.code) == (Outcome.ON_SCREEN, "paper_out")
    assert result.ticket.number == "A-001" and printer.printed == []
    assert server.reports == [(1, False, "paper_out")]


def test_the_server_hears_about_printing_only_after_the_citizen_sees_the_number():
    """issue_and_print does not wait for the printed report (a slow server would hold the
    number back); the worker sends it after showing the result."""
    server = FakeServer()
    printer = FakePrinter(PrinterStatus(online=True, paper=PaperState.OUT))
    result = issue_and_print(IssueRequest("A", None, "k"), server, printer)
    assert server.reports == [] and result.printed == (False, "paper_out")
    report_printed(server, result)
    assert server.reports == [(1, False, "paper_out")]


def test_printer_offline_still_issues_on_screen():
    """A printer that does not answer: the number on screen, reported offline."""
    server = FakeServer()
    result = issue(IssueRequest("A", None, "k"), server, FakePrinter(PrinterStatus(online=False)))
    assert (result.outcome, result.code) == (Outcome.ON_SCREEN, "offline")
    assert server.reports == [(1, False, "offline")]


def test_screen_only_and_test_printers_never_claim_a_paper_ticket():
    """type "none": shown, nothing printed; dummy: printed into memory, still shown on screen."""
    server = FakeServer()
    none = FakePrinter(SCREEN_ONLY)
    result = issue(IssueRequest("A", None, "k1"), server, none)
    assert (result.outcome, result.code, none.printed) == (Outcome.ON_SCREEN, "no_printer", [])
    dummy = FakePrinter(PrinterStatus(online=True, paper=PaperState.OK, kind=TEST_PRINTER))
    result = issue(IssueRequest("A", None, "k2"), server, dummy)
    assert (result.outcome, result.code, len(dummy.printed)) == (
        Outcome.ON_SCREEN,
        "test_printer",
        1,
    )
    assert [reason for _, _, reason in server.reports] == ["no_printer", "test_printer"]


def test_home_screen_knows_the_printer_before_the_tap():
    """Why the next number would be on screen, known from the status probe alone."""
    assert PrinterStatus(online=True, paper=PaperState.OUT).screen_reason == "paper_out"
    assert PrinterStatus(online=False).screen_reason == "offline"
    assert SCREEN_ONLY.screen_reason == "no_printer"
    assert PrinterStatus(online=True, paper=PaperState.NEAR_END).screen_reason is None
    assert UNKNOWN_PRINTER.screen_reason is None  # not checked yet: no notice
    assert PrinterStatus(online=True, paper=PaperState.OUT).heartbeat_code == "paper_out"


def test_going_home_while_issuing_is_refused_the_answer_is_shown():
    """No ghost: "Ke awal" while the ticket is on its way is ignored; the answer is shown."""
    flow = make_flow()
    flow.press_agency(DUKCAPIL)
    request = flow.press_service("A")
    flow.issue_slow()
    assert flow.state.issue_slow
    flow.press_home()
    flow.idle_timeout()
    assert flow.state.screen == Screen.ISSUING
    flow.issue_finished(issue(request, FakeServer(), FakePrinter()))
    assert flow.state.screen == Screen.DONE and not flow.state.issue_slow


def test_idle_warning_only_where_a_reset_is_coming():
    """Services and number screens warn 10 s before going home; the short confirmation and
    home do not; a new screen starts without a warning."""
    flow = make_flow()
    assert flow.idle_warning_lead() is None
    flow.press_agency(DUKCAPIL)
    assert flow.idle_warning_lead() == 10.0
    flow.show_idle_warning(9)
    assert flow.state.idle_warning == 9
    flow.clear_idle_warning()
    assert flow.state.idle_warning is None
    flow.show_idle_warning(3)
    flow.issue_finished(issue(flow.press_service("A"), FakeServer(), FakePrinter()))
    assert flow.state.screen == Screen.DONE and flow.state.idle_warning is None
    assert flow.idle_warning_lead() is None


def test_quit_needs_a_confirmation():
    """ "Tutup aplikasi kios" asks first; cancel keeps the kiosk; yes may quit."""
    flow = make_flow()
    assert not flow.confirm_quit()
    for second in range(5):
        flow.secret_tap(100.0 + second * 0.5)
    flow.enter_pin("2468")
    assert not flow.confirm_quit()
    flow.press_quit()
    assert flow.state.confirm_quit
    flow.cancel_quit()
    assert not flow.confirm_quit()
    flow.press_quit()
    assert flow.confirm_quit()


def test_no_counter_open_is_known_and_a_missing_count_is_unknown():
    """counters_open 0 with eta null: no counter open; no counters_open key: unknown."""
    item = SERVICES[0].model_copy(update={"eta_minutes": None, "counters_open": 0})
    assert Service.from_api(item).no_counter_open
    assert not Service.from_api(SERVICES[0]).no_counter_open
    assert Service.from_api(SERVICES[0]).counters_open is None


def test_print_failure_after_issue_is_reported():
    """A ticket that did not print is told to the server with the reason."""
    server = FakeServer()
    result = issue(IssueRequest("A", None, "k"), server, FakePrinter(fail="paper_out"))
    assert result.outcome == Outcome.PRINT_FAILED and result.ticket.number == "A-001"
    assert server.reports == [(1, False, "paper_out")]


def test_refusal_and_server_fault_become_outcomes():
    """A 4xx refusal and a 5xx each have their own outcome, never an exception."""
    refused = FakeServer(fail_times=1, error=Refused("habis", code="quota_exhausted", status=409))
    result = issue(IssueRequest("A", None, "k"), refused, FakePrinter())
    assert (result.outcome, result.code) == (Outcome.REFUSED, "quota_exhausted")
    fault = FakeServer(fail_times=1, error=ServerFault("boom", status=500))
    assert issue(IssueRequest("A", None, "k"), fault, FakePrinter()).outcome == (
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

"""The kiosk's screens as a state machine, without Qt.

home → (priority) → services of one agency → issuing → done | on_screen | print_failed
| refused | offline | server_error, and back home by a press or a timeout. Widgets show
`KioskFlow.state` and forward presses; the Qt controller runs what a press asks for (an
`IssueRequest`) on a worker and feeds the result back with `issue_finished`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from client import ServiceStatus, Ticket
from config.booking import code_from_scan
from config.priority import PRIORITY_GROUPS
from kiosk.core.access import ASSISTS, Assists, HelpState
from kiosk.core.issuing import (
    UNKNOWN_PRINTER,
    IssueRequest,
    IssueResult,
    Outcome,
    PrinterStatus,
)
from kiosk.core.services import Agency, Service, group_by_agency

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")
PIN_ATTEMPTS = 3


class Screen(StrEnum):
    HOME = "home"
    PRIORITY = "priority"
    SERVICES = "services"
    ISSUING = "issuing"
    DONE = "done"
    ON_SCREEN = "on_screen"  # issued, not on paper: the number large with its QR
    PRINT_FAILED = "print_failed"
    REFUSED = "refused"
    OFFLINE = "offline"
    SERVER_ERROR = "server_error"
    PIN = "pin"
    TECHNICIAN = "technician"
    CHECKIN = "checkin"  # "Sudah reservasi?": the booking code's keypad (and its refusals)


# Where each issue outcome leads; one place for the rule.
OUTCOME_SCREENS = {
    Outcome.DONE: Screen.DONE,
    Outcome.ON_SCREEN: Screen.ON_SCREEN,
    Outcome.PRINT_FAILED: Screen.PRINT_FAILED,
    Outcome.REFUSED: Screen.REFUSED,
    Outcome.OFFLINE: Screen.OFFLINE,
    Outcome.SERVER_ERROR: Screen.SERVER_ERROR,
}
# Fault screens with a "Coba lagi" button: nothing was issued, or we do not know (offline).
RETRY_SCREENS = (Screen.OFFLINE, Screen.SERVER_ERROR)
# Screens that show an issued number (they stay longer and warn before going home).
NUMBER_SCREENS = (Screen.ON_SCREEN, Screen.PRINT_FAILED)


@dataclass(frozen=True)
class Timeouts:
    idle_seconds: float = 45.0  # no touch on a screen other than home → home
    done_seconds: float = 8.0  # the confirmation stays this long
    print_failed_seconds: float = 90.0  # time to note the number down or scan its QR
    issue_slow_seconds: float = 2.0  # no answer yet: "still working, please wait"
    idle_warning_seconds: float = 10.0  # "back to the start in 10 s" before an idle reset


@dataclass(frozen=True)
class KioskState:
    screen: Screen = Screen.HOME
    language: str = "id"
    agencies: tuple[Agency, ...] = ()
    services_loaded: bool = False
    online: bool | None = None  # None until the first answer or a real outage (LinkWatch)
    offline_since: dt.datetime | None = None  # when the server stopped answering
    agency_name: str | None = None
    priority: str | None = None
    service: Service | None = None
    result: IssueResult | None = None
    printer: PrinterStatus = UNKNOWN_PRINTER
    last_ticket: Ticket | None = None
    issue_slow: bool = False  # the ticket's answer is taking longer than usual
    idle_warning: int | None = None  # seconds left before an idle reset, while warning
    confirm_quit: bool = False  # the technician pressed "quit": asking to confirm
    pin_error: bool = False
    technician_notice: tuple[str, dict[str, object]] | None = None  # (text key, values)
    assists: Assists = Assists()  # voice, large text, simple mode: until the visit ends
    help: HelpState | None = None  # this visit's call to the information desk
    list_page: int = 0  # simple mode: which screenful of agencies or services
    checkin_error: str | None = None  # why the last booking code was refused (a server code)
    checkin_message: str = ""  # the server's own sentence for it
    unpaired: bool = False  # the server refused the token (401): "Perangkat belum terdaftar"

    @property
    def agency(self) -> Agency | None:
        return next((a for a in self.agencies if a.name == self.agency_name), None)

    @property
    def can_choose(self) -> bool:
        """Agencies and services can be pressed: the list is known and the server answers."""
        return self.services_loaded and self.online is True and not self.unpaired


class SecretGesture:
    """Five taps on the logo within four seconds: how a technician asks for the PIN pad."""

    def __init__(self, taps: int = 5, window_seconds: float = 4.0):
        self.taps = taps
        self.window_seconds = window_seconds
        self._times: list[float] = []

    def tap(self, now: float) -> bool:
        self._times = [t for t in self._times if now - t <= self.window_seconds] + [now]
        if len(self._times) >= self.taps:
            self._times.clear()
            return True
        return False


class KioskFlow:
    def __init__(
        self,
        pin: str,
        new_key: Callable[[], str],
        language: str = "id",
        timeouts: Timeouts | None = None,
    ):
        self._pin = pin
        self._new_key = new_key
        self.default_language = language
        self.timeouts = timeouts or Timeouts()
        self.state = KioskState(language=language)
        self._attempt: IssueRequest | None = None
        self._abandoned: list[str] = []  # keys left on "belum bisa dipastikan", not yet taken
        self._wrong_pins = 0
        self.gesture = SecretGesture()

    def _set(self, **changes: Any) -> None:
        old = self.state.screen
        if changes.get("screen", old) != old:
            # A new screen starts untouched: no warning, no pending question.
            changes.setdefault("idle_warning", None)
            changes.setdefault("confirm_quit", False)
            changes.setdefault("list_page", 0)
        self.state = replace(self.state, **changes)
        if self.state.screen != old:
            log.info("screen %s → %s", old, self.state.screen)

    # -- the citizen ------------------------------------------------------------------------

    def press_agency(self, name: str) -> None:
        if self.state.screen != Screen.HOME or not self.state.can_choose:
            return
        if any(a.name == name for a in self.state.agencies):
            self._set(screen=Screen.SERVICES, agency_name=name)

    def press_priority_entry(self) -> None:
        if self.state.screen == Screen.HOME:
            self._set(screen=Screen.PRIORITY)

    def press_priority(self, kind: str) -> None:
        """A priority kind chosen: back to the agencies, the ticket will carry the priority."""
        if self.state.screen != Screen.PRIORITY or kind not in PRIORITY_GROUPS:
            return
        self._set(screen=Screen.HOME, priority=kind)

    def press_cancel_priority(self) -> None:
        if self.state.screen == Screen.HOME:
            self._set(priority=None)

    def press_service(self, code: str) -> IssueRequest | None:
        """The one press that makes a ticket. Returns what to issue, or None when ignored
        (a second press while issuing, a closed service, no server)."""
        agency = self.state.agency
        if self.state.screen != Screen.SERVICES or agency is None or not self.state.can_choose:
            log.info("press on service %s ignored on screen %s", code, self.state.screen)
            return None
        service = next((s for s in agency.services if s.code == code), None)
        if service is None or not service.open:
            return None
        self._attempt = IssueRequest(
            code, self.state.priority, self._new_key(), self.state.language
        )
        self._set(screen=Screen.ISSUING, service=service, result=None, issue_slow=False)
        return self._attempt

    def press_retry(self) -> IssueRequest | None:
        """Try the same attempt again under the same idempotency key: never two tickets."""
        if self.state.screen not in RETRY_SCREENS or self._attempt is None:
            return None
        self._set(screen=Screen.ISSUING, result=None, issue_slow=False)
        return self._attempt

    def press_checkin_entry(self) -> None:
        """ "Sudah reservasi?" (or "Ketik kode lain" after a refusal): the code's keypad."""
        if self.state.screen in (Screen.HOME, Screen.CHECKIN) and self.state.can_choose:
            self._set(screen=Screen.CHECKIN, checkin_error=None, checkin_message="")

    def submit_booking_code(self, text: str) -> IssueRequest | None:
        """A booking code typed on the keypad, or scanned anywhere on the home screen: check
        it in (its ticket then goes through the issue path: printed, or shown). A text that
        cannot be a code stays on the keypad with a message."""
        if self.state.screen not in (Screen.HOME, Screen.CHECKIN) or not self.state.can_choose:
            return None
        code = code_from_scan(text)
        if code is None:
            self._set(screen=Screen.CHECKIN, checkin_error="code_unreadable", checkin_message="")
            return None
        self._attempt = IssueRequest(
            "", None, self._new_key(), self.state.language, booking_code=code
        )
        self._set(screen=Screen.ISSUING, service=None, result=None, issue_slow=False)
        return self._attempt

    def press_back(self) -> None:
        """One step back, keeping the language and a chosen priority."""
        if self.state.screen in (Screen.SERVICES, Screen.PRIORITY, Screen.CHECKIN):
            self._set(screen=Screen.HOME, agency_name=None)

    def press_home(self) -> None:
        """ "Ke awal" / "Selesai": the visit ends here.

        Never while issuing: the server may already hold the ticket, so the kiosk waits for
        its answer (bounded by `Patience`) and shows or prints it; leaving then would leave a
        ticket nobody holds (docs/decisions.md, "no ghost tickets")."""
        if self.state.screen != Screen.ISSUING:
            self._go_home(end_visit=True)

    def toggle_language(self) -> None:
        if self.state.screen in (Screen.HOME, Screen.PRIORITY, Screen.SERVICES):
            index = LANGUAGES.index(self.state.language) if self.state.language in LANGUAGES else 0
            self._set(language=LANGUAGES[(index + 1) % len(LANGUAGES)])

    def _go_home(self, end_visit: bool) -> None:
        if self.state.screen == Screen.OFFLINE and self._attempt is not None:
            # "Belum bisa dipastikan" left without "Coba lagi": the server may hold a ticket
            # under this key that nobody will print. The network side tells it to cancel.
            log.warning("unsure attempt %s left: abandoned", self._attempt.idempotency_key)
            self._abandoned.append(self._attempt.idempotency_key)
        self._attempt = None
        self._wrong_pins = 0
        changes: dict[str, Any] = {
            "screen": Screen.HOME,
            "agency_name": None,
            "priority": None,
            "service": None,
            "pin_error": False,
            "technician_notice": None,
            "checkin_error": None,
        }
        if end_visit:
            changes.update(language=self.default_language, assists=Assists(), help=None)
        self._set(**changes)

    # -- accessibility (issue 18) --------------------------------------------------------------

    def toggle_assist(self, name: str) -> None:
        """Voice guidance, large text or simple mode on or off, for this visit."""
        if name in ASSISTS and self.state.screen not in (Screen.PIN, Screen.TECHNICIAN):
            assists = self.state.assists
            self._set(assists=replace(assists, **{name: not getattr(assists, name)}), list_page=0)

    def press_page(self, step: int) -> None:
        """Simple mode's "Berikutnya" (+1) and "Sebelumnya" (-1); the page clamps itself."""
        if self.state.screen in (Screen.HOME, Screen.SERVICES):
            self._set(list_page=max(0, self.state.list_page + step))

    def press_help(self) -> bool:
        """True: send the call now. One call per visit: pressed again while it is on its way
        or answered, the kiosk repeats what it said, the desk is not rung twice."""
        if self.state.screen in (Screen.PIN, Screen.TECHNICIAN):
            return False
        if self.state.help in (HelpState.ASKING, HelpState.SENT):
            return False
        self._set(help=HelpState.ASKING)
        return True

    def help_answered(self, delivered: bool) -> None:
        """The desk has the call, or the server cannot be reached (the worker keeps asking)."""
        if self.state.help is not None:
            self._set(help=HelpState.SENT if delivered else HelpState.FAILED)

    def take_abandoned(self) -> list[str]:
        """The keys of unsure attempts the citizen left since the last call (then forgotten
        here: the network side keeps them until the server has answered their abandon)."""
        keys, self._abandoned = self._abandoned, []
        return keys

    # -- the world --------------------------------------------------------------------------

    def services_loaded(self, items: list[ServiceStatus]) -> None:
        agencies = group_by_agency(items)
        self._set(agencies=agencies, services_loaded=True, online=True, offline_since=None)
        # The chosen agency is gone from the list (renamed, removed): start again.
        if self.state.screen == Screen.SERVICES and self.state.agency is None:
            self._go_home(end_visit=False)

    def server_unreachable(self, since: dt.datetime | None = None) -> None:
        """The server has not answered for a while (the LinkWatch rule): keep the last
        picture, disable choosing, show a banner that says since when."""
        self._set(online=False, offline_since=since or self.state.offline_since)

    def device_paired(self, paired: bool) -> None:
        """The server refuses this kiosk's token (revoked, or never paired): nothing can be
        issued; the screen says so and how a technician pairs it again."""
        self._set(unpaired=not paired)

    def issue_slow(self) -> None:
        """The ticket's answer is late: tell the citizen calmly that it is still coming."""
        if self.state.screen == Screen.ISSUING:
            self._set(issue_slow=True)

    def issue_finished(self, result: IssueResult) -> None:
        if self.state.screen != Screen.ISSUING:
            log.warning("issue result %s arrived on screen %s", result.outcome, self.state.screen)
        changes: dict[str, Any] = {
            "screen": OUTCOME_SCREENS[result.outcome],
            "result": result,
            "issue_slow": False,
        }
        if result.printer is not None:
            changes["printer"] = result.printer
        booking = self._attempt is not None and self._attempt.booking_code is not None
        if booking and result.outcome == Outcome.REFUSED:
            # Too early, too late, cancelled, used, unknown: said on the keypad screen, with
            # the walk-in path next to it.
            changes.update(
                screen=Screen.CHECKIN, checkin_error=result.code, checkin_message=result.message
            )
            self._attempt = None
        if result.ticket is not None:
            changes["last_ticket"] = result.ticket
            self._attempt = None  # the attempt has its ticket; a new press is a new attempt
        self._set(**changes)

    def printer_checked(self, status: PrinterStatus) -> None:
        self._set(printer=status)

    def auto_home_seconds(self) -> float | None:
        """How long the current screen may stay untouched before going home (None: forever)."""
        screen = self.state.screen
        if screen == Screen.HOME and (self.state.assists.any or self.state.help is not None):
            return self.timeouts.idle_seconds  # the next citizen finds the usual kiosk
        if screen in (Screen.HOME, Screen.ISSUING):
            return None
        if screen == Screen.DONE:
            return self.timeouts.done_seconds
        if screen in NUMBER_SCREENS:
            return self.timeouts.print_failed_seconds
        return self.timeouts.idle_seconds

    def idle_warning_lead(self) -> float | None:
        """How long before the idle reset to warn (None: no warning on this screen; the short
        confirmation goes home without one)."""
        seconds = self.auto_home_seconds()
        lead = self.timeouts.idle_warning_seconds
        if seconds is None or self.state.screen == Screen.DONE or seconds <= lead:
            return None
        return lead

    def show_idle_warning(self, seconds_left: int) -> None:
        if self.auto_home_seconds() is not None:
            self._set(idle_warning=max(0, seconds_left))

    def clear_idle_warning(self) -> None:
        if self.state.idle_warning is not None:
            self._set(idle_warning=None)

    def idle_timeout(self) -> None:
        if self.auto_home_seconds() is not None:
            log.info("no touch on %s: back home", self.state.screen)
            self._go_home(end_visit=True)

    # -- the technician ---------------------------------------------------------------------

    def secret_tap(self, now: float) -> None:
        allowed = (Screen.HOME, Screen.SERVICES, Screen.PRIORITY)
        if self.state.screen in allowed and self.gesture.tap(now):
            self._set(screen=Screen.PIN, pin_error=False)

    def enter_pin(self, pin: str) -> bool:
        if self.state.screen != Screen.PIN:
            return False
        if hmac.compare_digest(pin.encode(), self._pin.encode()):
            log.warning("technician menu opened")
            self._wrong_pins = 0
            self._set(screen=Screen.TECHNICIAN, pin_error=False, technician_notice=None)
            return True
        self._wrong_pins += 1
        log.warning("wrong technician PIN (%d of %d)", self._wrong_pins, PIN_ATTEMPTS)
        if self._wrong_pins >= PIN_ATTEMPTS:
            self._go_home(end_visit=True)
        else:
            self._set(pin_error=True)
        return False

    @property
    def technician_unlocked(self) -> bool:
        """Only the technician menu may leave fullscreen or quit the kiosk."""
        return self.state.screen == Screen.TECHNICIAN

    def technician_notice(self, key: str, **values: object) -> None:
        if self.state.screen == Screen.TECHNICIAN:
            self._set(technician_notice=(key, values))

    def press_quit(self) -> None:
        """ "Tutup aplikasi kios": ask first; closing stops the hall's ticket machine."""
        if self.state.screen == Screen.TECHNICIAN:
            self._set(confirm_quit=True)

    def cancel_quit(self) -> None:
        if self.state.confirm_quit:
            self._set(confirm_quit=False)

    def confirm_quit(self) -> bool:
        """True: the technician confirmed, the kiosk may close now."""
        return self.state.screen == Screen.TECHNICIAN and self.state.confirm_quit

"""The kiosk's screens as a state machine, without Qt.

home → (priority) → services of one agency → issuing → done | print_failed | printer_not_ready
| refused | offline | server_error, and back home by a press or a timeout. Widgets show
`KioskFlow.state` and forward presses; the Qt controller runs what a press asks for (an
`IssueRequest`) on a worker and feeds the result back with `issue_finished`.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kiosk.core.issuing import (
    PRIORITIES,
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
    PRINT_FAILED = "print_failed"
    PRINTER_NOT_READY = "printer_not_ready"
    REFUSED = "refused"
    OFFLINE = "offline"
    SERVER_ERROR = "server_error"
    PIN = "pin"
    TECHNICIAN = "technician"


# Where each issue outcome leads; one place for the rule.
OUTCOME_SCREENS = {
    Outcome.DONE: Screen.DONE,
    Outcome.PRINT_FAILED: Screen.PRINT_FAILED,
    Outcome.PRINTER_NOT_READY: Screen.PRINTER_NOT_READY,
    Outcome.REFUSED: Screen.REFUSED,
    Outcome.OFFLINE: Screen.OFFLINE,
    Outcome.SERVER_ERROR: Screen.SERVER_ERROR,
}
# Fault screens with a "Coba lagi" button: nothing was issued, or we do not know (offline).
RETRY_SCREENS = (Screen.OFFLINE, Screen.SERVER_ERROR, Screen.PRINTER_NOT_READY)


@dataclass(frozen=True)
class Timeouts:
    idle_seconds: float = 45.0  # no touch on a screen other than home → home
    done_seconds: float = 8.0  # the confirmation stays this long
    print_failed_seconds: float = 90.0  # time to note the number down or scan its QR


@dataclass(frozen=True)
class KioskState:
    screen: Screen = Screen.HOME
    language: str = "id"
    agencies: tuple[Agency, ...] = ()
    services_loaded: bool = False
    online: bool | None = None  # None until the first answer or failure
    agency_name: str | None = None
    priority: str | None = None
    service: Service | None = None
    result: IssueResult | None = None
    printer: PrinterStatus = UNKNOWN_PRINTER
    last_ticket: dict | None = None
    pin_error: bool = False
    technician_notice: tuple[str, dict] | None = field(default=None)  # (text key, values)

    @property
    def agency(self) -> Agency | None:
        return next((a for a in self.agencies if a.name == self.agency_name), None)

    @property
    def can_choose(self) -> bool:
        """Agencies and services can be pressed: the list is known and the server answers."""
        return self.services_loaded and self.online is True


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
        self._wrong_pins = 0
        self.gesture = SecretGesture()

    def _set(self, **changes) -> None:
        old = self.state.screen
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
        if self.state.screen != Screen.PRIORITY or kind not in PRIORITIES:
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
        self._attempt = IssueRequest(code, self.state.priority, self._new_key())
        self._set(screen=Screen.ISSUING, service=service, result=None)
        return self._attempt

    def press_retry(self) -> IssueRequest | None:
        """Try the same attempt again under the same idempotency key: never two tickets."""
        if self.state.screen not in RETRY_SCREENS or self._attempt is None:
            return None
        self._set(screen=Screen.ISSUING, result=None)
        return self._attempt

    def press_back(self) -> None:
        """One step back, keeping the language and a chosen priority."""
        if self.state.screen in (Screen.SERVICES, Screen.PRIORITY):
            self._set(screen=Screen.HOME, agency_name=None)

    def press_home(self) -> None:
        """ "Ke awal" / "Selesai": the visit ends here."""
        if self.state.screen != Screen.ISSUING:
            self._go_home(end_visit=True)

    def toggle_language(self) -> None:
        if self.state.screen in (Screen.HOME, Screen.PRIORITY, Screen.SERVICES):
            index = LANGUAGES.index(self.state.language) if self.state.language in LANGUAGES else 0
            self._set(language=LANGUAGES[(index + 1) % len(LANGUAGES)])

    def _go_home(self, end_visit: bool) -> None:
        self._attempt = None
        self._wrong_pins = 0
        changes: dict = {
            "screen": Screen.HOME,
            "agency_name": None,
            "priority": None,
            "service": None,
            "pin_error": False,
            "technician_notice": None,
        }
        if end_visit:
            changes["language"] = self.default_language
        self._set(**changes)

    # -- the world --------------------------------------------------------------------------

    def services_loaded(self, items: list[dict]) -> None:
        agencies = group_by_agency(items)
        self._set(agencies=agencies, services_loaded=True, online=True)
        # The chosen agency is gone from the list (renamed, removed): start again.
        if self.state.screen == Screen.SERVICES and self.state.agency is None:
            self._go_home(end_visit=False)

    def server_unreachable(self) -> None:
        """The last poll failed: keep the last picture, disable choosing, show a banner."""
        self._set(online=False)

    def issue_finished(self, result: IssueResult) -> None:
        if self.state.screen != Screen.ISSUING:
            log.warning("issue result %s arrived on screen %s", result.outcome, self.state.screen)
        changes: dict = {"screen": OUTCOME_SCREENS[result.outcome], "result": result}
        if result.printer is not None:
            changes["printer"] = result.printer
        if result.ticket is not None:
            changes["last_ticket"] = result.ticket
            self._attempt = None  # the attempt has its ticket; a new press is a new attempt
        if result.outcome == Outcome.OFFLINE:
            changes["online"] = False
        self._set(**changes)

    def printer_checked(self, status: PrinterStatus) -> None:
        self._set(printer=status)

    def auto_home_seconds(self) -> float | None:
        """How long the current screen may stay untouched before going home (None: forever)."""
        screen = self.state.screen
        if screen in (Screen.HOME, Screen.ISSUING):
            return None
        if screen == Screen.DONE:
            return self.timeouts.done_seconds
        if screen == Screen.PRINT_FAILED:
            return self.timeouts.print_failed_seconds
        return self.timeouts.idle_seconds

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

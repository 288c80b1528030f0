"""Voice guidance without Qt (issue 18): what the kiosk says on each screen, what it says when a
finger touches a button, and the explore-by-touch rule (one tap speaks, two quick taps on the
same button choose it). The Qt side (kiosk.widgets.guidance) only forwards events and plays the
sentences through a `Speaker`; a test can read every sentence here.

Numbers and acronyms are said by the hall's own rules (speech.words): "A-012" is
"a dua belas", "KTP" is "ka te pe"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from client import Ticket
from config.priority import PRIORITY_GROUPS
from kiosk.core.access import SIMPLE_AGENCIES_PER_PAGE, SIMPLE_SERVICES_PER_PAGE, page_of
from kiosk.core.checkin import refusal_text
from kiosk.core.flow import KioskState, Screen
from kiosk.core.issuing import Outcome
from kiosk.texts import TEXTS, closed_reason, count_text, text
from speech.words import speakable, spoken_ticket_in

ASSIST_NAMES = {
    "voice": "assist_voice",
    "large_text": "assist_large_text",
    "simple": "assist_simple",
}
# Two taps on the same button this close together choose it (Android TalkBack's feel).
DOUBLE_TAP_SECONDS = 1.2


def _join(*parts: str) -> str:
    """Sentences joined, each ending with a full stop (the voice pauses there)."""
    cleaned = [part.strip().replace("\n", " ") for part in parts if part and part.strip()]
    return " ".join(part if part[-1] in ".!?…" else part + "." for part in cleaned)


def assist_label(name: str, on: bool, language: str) -> str:
    """The toggle's text: "Bantuan suara" or "Bantuan suara: aktif"."""
    label = text(ASSIST_NAMES[name], language)
    return text("assist_on", language, name=label) if on else label


def number_sentence(ticket: Ticket | None, language: str) -> str:
    """ "Nomor antrean Anda a dua belas." """
    if ticket is None:
        return ""
    return text("say_number", language, number=spoken_ticket_in(ticket.number, language))


def _ahead(ticket: Ticket, language: str) -> str:
    ahead = ticket.waiting_ahead or 0
    if not ahead:
        return text("people_ahead_none", language)
    line = count_text("people_ahead", ahead, language)
    if ticket.eta_minutes:
        line += ", " + text("eta", language, minutes=ticket.eta_minutes)
    return line


def _page_line(state: KioskState, total: int, per_page: int) -> str:
    if not state.assists.paged:
        return ""
    page = page_of(total, per_page, state.list_page)
    if page.count == 1:
        return ""
    return text("page_of", state.language, page=page.index + 1, pages=page.count)


def written_screen(state: KioskState, now: datetime) -> str:
    """What the current screen says, in written words (before `speakable`)."""
    lang = state.language
    screen = state.screen
    ticket = state.result.ticket if state.result else None
    if screen == Screen.HOME:
        if not state.services_loaded:
            return text("loading", lang)
        if state.online is False:
            return _join(text("offline_banner", lang), text("say_help_hint", lang))
        priority = ""
        if state.priority is not None:
            kind = text(f"priority_short_{state.priority}", lang)
            priority = text("priority_banner", lang, kind=kind)
        count = len(state.agencies)
        return _join(
            priority,
            text("choose_agency", lang),
            count_text("say_agencies", count, lang),
            _page_line(state, count, SIMPLE_AGENCIES_PER_PAGE),
            text("say_help_hint", lang),
        )
    if screen == Screen.PRIORITY:
        choices = ", ".join(text(f"priority_{kind}", lang) for kind in PRIORITY_GROUPS)
        return _join(text("priority_title", lang), text("priority_hint", lang), choices)
    if screen == Screen.SERVICES:
        agency = state.agency
        if agency is None:
            return ""
        count = len(agency.services)
        return _join(
            agency.name,
            text("choose_service", lang),
            count_text("say_services", count, lang),
            _page_line(state, count, SIMPLE_SERVICES_PER_PAGE),
        )
    if screen == Screen.ISSUING:
        slow = state.issue_slow
        return _join(
            text("issuing_slow" if slow else "issuing", lang),
            text("issuing_slow_hint" if slow else "issuing_hint", lang),
        )
    if screen == Screen.DONE and ticket is not None:
        return _join(
            number_sentence(ticket, lang),
            ticket.service.name,
            _ahead(ticket, lang),
            text("take_ticket", lang),
            text("say_wait", lang),
        )
    if screen in (Screen.ON_SCREEN, Screen.PRINT_FAILED) and ticket is not None:
        code = state.result.code if state.result else None
        title_key = "print_failed_title" if screen == Screen.PRINT_FAILED else "on_screen_title_"
        if screen == Screen.ON_SCREEN:
            known = TEXTS.keys()  # a Catalog, not a dict
            title_key += code if code and f"on_screen_title_{code}" in known else "offline"
        return _join(
            text(title_key, lang),
            number_sentence(ticket, lang),
            ticket.service.name,
            _ahead(ticket, lang),
            text("say_ask_staff", lang),
            text("say_wait", lang),
        )
    if screen in (Screen.REFUSED, Screen.OFFLINE, Screen.SERVER_ERROR):
        return _join(*_fault(state, now))
    if screen == Screen.CHECKIN:
        refusal = refusal_text(state)
        if refusal:
            return _join(refusal, text("checkin_walk_in_hint", lang))
        return _join(text("checkin_title", lang), text("checkin_hint", lang))
    return ""  # the PIN pad and the technician menu are never spoken aloud


def _fault(state: KioskState, now: datetime) -> tuple[str, ...]:
    lang = state.language
    result = state.result
    if result is not None and result.outcome == Outcome.REFUSED:
        service = state.service
        fallback = result.message or text("refused_other", lang)
        next_open = service.next_open if service else None
        reason = closed_reason(result.code, next_open, now, lang, fallback)
        return text("refused_title", lang), service.name if service else "", reason
    if result is not None and result.outcome == Outcome.SERVER_ERROR:
        return text("server_error_title", lang), text("server_error_body", lang)
    return text("offline_title", lang), text("offline_body", lang)


def screen_sentence(state: KioskState, now: datetime) -> str:
    """What the voice says when a screen appears."""
    return speakable(written_screen(state, now), state.language)


def touch_sentence(name: str, available: bool, language: str) -> str:
    """What the voice says when a finger is on a button: its name, and whether it can be
    chosen ("ka te pe elektronik, empat orang menunggu. tidak bisa dipilih.")."""
    said = _join(name) if available else _join(name, text("say_not_available", language))
    return speakable(said, language)


_HELP_KEYS = {"asking": "help_asking", "sent": "help_sent", "failed": "help_failed"}


def changes_sentence(before: KioskState, after: KioskState, now: datetime) -> str | None:
    """What to say because the state changed from `before` to `after`; None: nothing. Only
    with voice guidance on, except the one sentence that says it is now off."""
    lang = after.language
    if before.assists.voice and not after.assists.voice:
        # Turned off by the citizen; an idle reset ends the visit silently.
        return (
            speakable(text("say_voice_off", lang), lang) if after.screen == before.screen else None
        )
    if not after.assists.voice:
        return None
    if not before.assists.voice:
        return speakable(_join(text("say_voice_on", lang), written_screen(after, now)), lang)
    if after.screen != before.screen or after.language != before.language:
        return screen_sentence(after, now)
    said: list[str] = []
    if after.list_page != before.list_page:
        said.append(written_screen(after, now))
    for name in ASSIST_NAMES:
        if getattr(after.assists, name) != getattr(before.assists, name):
            said.append(assist_label(name, getattr(after.assists, name), lang))
    if after.issue_slow and not before.issue_slow:
        said.append(written_screen(after, now))
    if after.idle_warning is not None and before.idle_warning is None:
        said.append(text("idle_warning", lang, seconds=after.idle_warning))
    if after.help is not None and after.help != before.help:
        said.append(text(_HELP_KEYS[after.help.value], lang))
    return speakable(_join(*said), lang) if said else None


@dataclass
class _Press:
    target: object
    at: float


class TouchExplorer:
    """Explore by touch: a press on a button speaks it and is held back; a second press on the
    same button within `double_tap_seconds` goes through and chooses it. A finger sliding onto
    another button speaks that one (a slide is not a press, and after it a tap speaks first)."""

    def __init__(self, double_tap_seconds: float = DOUBLE_TAP_SECONDS):
        self.double_tap_seconds = double_tap_seconds
        self._last_press: _Press | None = None
        self._under_finger: object | None = None

    def press(self, target: object, now: float) -> bool:
        """True: let the press through (the second tap of a double tap); False: speak only."""
        last = self._last_press
        self._under_finger = target
        if last is not None and last.target is target and now - last.at <= self.double_tap_seconds:
            self._last_press = None  # a third tap starts a new double tap
            return True
        self._last_press = _Press(target, now)
        return False

    def slide(self, target: object | None) -> bool:
        """True: the finger is now on another button, to be spoken."""
        if target is None or target is self._under_finger:
            return False
        self._under_finger = target
        self._last_press = None  # slid away: the next tap speaks again
        return True

    def forget(self) -> None:
        self._last_press = None
        self._under_finger = None


Say = Callable[[str, str], None]  # (sentence, language): what a Speaker offers

"""The counter page (`/loket`): choose a counter, then call, recall, serve, finish, transfer.

Every action is one call of `server.queue.Queue`, the same as the JSON API's; the page only
turns the answer or the refusal into a sentence. The script polls `/loket/<id>/panel` (an HTML
fragment rendered here, so all escaping and texts stay server-side) every two seconds.

The script sends an `Idempotency-Key` per click (kept when the same action is tried again after
no answer), so an action the server completes late is never done twice (`Queue.once`). How soon
it says "in progress", when it gives up waiting and when it calls the server away are set here
(`TIMING`) and handed to the script in the page.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from config.i18n import clock_text
from server.errors import ServerError
from server.routes.counters import checked_key
from server.store import found
from server.web.render import error_text, language, render, translator
from server.web.session import PageRefused, Posted, StaffPage, StaffPost

log = logging.getLogger(__name__)

router = APIRouter()

MAX_ID_DIGITS = 15
CLOCK_HEADER = "X-Antrian-Clock"  # the server's time of day on every panel answer ("09.14")

# Milliseconds, for the script (data-* attributes of the counter page).
TIMING = {
    "pending-ms": 400,  # "Sedang diproses…" after this long without an answer (within 1 s)
    "give-up-ms": 8000,  # then "Server belum menjawab…"; the buttons work again
    "poll-ms": 2000,  # the panel is asked again this long after the last answer
    "poll-timeout-ms": 4000,  # a panel request without an answer by then has failed
    "away-after-ms": 3000,  # the "server away" banner once nothing answered for this long
    "back-shown-ms": 6000,  # how long "Terhubung kembali" stays
}
TICKET_NUMBER = re.compile(r"^([A-Z]{1,2})\s*-?\s*0*(\d{1,5})$")


@dataclass(frozen=True)
class Action:
    name: str  # the last part of POST /loket/<id>/aksi/<name>
    label: str  # text key of the button
    key: str  # keyboard shortcut, shown on the button
    needs_ticket: bool = False  # disabled while no ticket is open at the counter


# In the order of a counter's working rhythm; the page lays them out in this order.
ACTIONS = (
    Action("call-next", "act_call_next", "N"),
    Action("recall", "act_recall", "U", needs_ticket=True),
    Action("start", "act_start", "M", needs_ticket=True),
    Action("finish", "act_finish", "S", needs_ticket=True),
    Action("finish-next", "act_finish_next", "L", needs_ticket=True),
    Action("no-show", "act_no_show", "T", needs_ticket=True),
    Action("transfer", "act_transfer", "A", needs_ticket=True),
    Action("call-number", "act_call_number", "K"),
    Action("pause", "act_pause", "I"),
)


def parse_id(text: str) -> int:
    if not text.isdigit() or len(text) > MAX_ID_DIGITS or int(text) < 1:
        raise PageRefused(404, "page_not_found")
    return int(text)


def normal_number(text: str) -> str | None:
    """'a12', 'A012', 'A-12' -> 'A-012'; None when it is not a ticket number."""
    match = TICKET_NUMBER.match(text.strip().upper())
    if not match:
        return None
    return f"{match.group(1)}-{int(match.group(2)):03d}"


def _view(request: Request, staff, counter_id: int) -> dict:
    try:
        return request.app.state.services.queue.counter(staff.principal, counter_id)
    except ServerError as error:
        raise PageRefused(error.status, error=error) from None


@router.get("/loket")
def choose_counter(request: Request, staff: StaffPage) -> Response:
    queue = request.app.state.services.queue
    with queue.store.read() as tx:
        site_of = {row["id"]: row["site_id"] for row in tx.counters()}
    # An admin of every site sees the site chosen in the admin pages' picker (all: named).
    counters = [
        {**counter, "site_id": site_of[counter["id"]]}
        for counter in queue.counters(staff.principal)
        if request.state.site in (None, site_of[counter["id"]])
    ]
    if len(counters) == 1 and not staff.is_admin:
        return RedirectResponse(f"/loket/{counters[0]['id']}", status_code=303)
    return render(request, "loket_pilih.html", staff=staff, counters=counters)


def backup_addresses(request: Request) -> list[str]:
    """The hall's other server addresses (`[site] server_urls`), without the one this page was
    opened at: where staff go on when this server stops answering."""
    here = f"{request.url.scheme}://{request.url.netloc}".lower()
    listed = request.app.state.settings.site.server_urls
    return [url for url in listed if url.lower() != here]


@router.get("/loket/{counter_id}")
def counter_page(request: Request, counter_id: str, staff: StaffPage) -> Response:
    view = _view(request, staff, parse_id(counter_id))
    queue = request.app.state.services.queue
    with queue.store.read() as tx:
        site = found(tx.counter(view["id"]), "the counter")["site_id"]
    services = queue.services(language(request), site)  # a transfer stays in the site
    return render(
        request,
        "loket.html",
        staff=staff,
        counter=view,
        actions=ACTIONS,
        services=services,
        timing=TIMING,
        clock_now=_clock(request),
        backup_urls=backup_addresses(request),
    )


def _clock(request: Request) -> str:
    now, _, _ = request.app.state.services.queue.now()
    return clock_text(now, language(request))


@router.get("/loket/{counter_id}/panel")
def counter_panel(request: Request, counter_id: str, staff: StaffPage) -> Response:
    view = _view(request, staff, parse_id(counter_id))
    return render(
        request,
        "_loket_panel.html",
        staff=staff,
        counter=view,
        headers={CLOCK_HEADER: _clock(request)},
    )


@router.post("/loket/{counter_id}/aksi/{action}")
def counter_action(request: Request, counter_id: str, action: str, posted: StaffPost) -> Response:
    """One action; `{"ok", "message", "level"}`. With an `Idempotency-Key` header (the script
    sends one per click) a repeat answers the first answer again, without acting twice."""
    number = parse_id(counter_id)
    lang = language(request)
    queue = request.app.state.services.queue

    def perform() -> dict:
        text, level = _perform(request, posted, number, action)
        return {"ok": True, "message": text, "level": level}

    try:
        key = checked_key(request.headers.get("idempotency-key"))
        answer, replayed = queue.once(
            posted.staff.principal, number, key, "page:" + action, perform
        )
    except ServerError as error:
        return JSONResponse(
            {"ok": False, "message": error_text(error, lang)}, status_code=error.status
        )
    return JSONResponse(answer, headers={"Idempotent-Replayed": "true"} if replayed else None)


def _perform(request: Request, posted: Posted, counter_id: int, action: str) -> tuple[str, str]:
    """Do one action; (sentence for the staff member, "ok" or "warn")."""
    queue = request.app.state.services.queue
    who = posted.staff.principal
    lang = language(request)
    t = translator(lang)
    form = posted.form

    def current(view: dict) -> str:
        return view["current"]["number"] if view.get("current") else ""

    if action == "call-next":
        return t("done_called", number=current(queue.call_next(who, counter_id))), "ok"
    if action == "recall":
        return t("done_recalled", number=current(queue.recall(who, counter_id))), "ok"
    if action == "start":
        return t("done_started", number=current(queue.start(who, counter_id))), "ok"
    if action in ("finish", "finish-next"):
        finished = current(queue.counter(who, counter_id))
        queue.finish(who, counter_id)
        if action == "finish":
            return t("done_finished", number=finished), "ok"
        try:
            called = current(queue.call_next(who, counter_id))
        except ServerError as error:  # finished, but nobody to call: say both
            reason = error_text(error, lang)
            return t("done_finished_but", number=finished, reason=reason), "warn"
        return t("done_finished_called", finished=finished, number=called), "ok"
    if action == "no-show":
        missing = current(queue.counter(who, counter_id))
        queue.no_show(who, counter_id)
        return t("done_no_show", number=missing), "ok"
    if action == "transfer":
        code = str(form.get("service", "")).strip().upper()
        if not code:
            return t("choose_service_first"), "warn"
        moved = queue.transfer(who, counter_id, code)["ticket"]
        return t("done_transferred", number=moved["number"], service=moved["service"]["name"]), (
            "ok"
        )
    if action == "call-number":
        ticket_id = _ticket_id(queue.counter(who, counter_id), form)
        return t("done_called", number=current(queue.call(who, counter_id, ticket_id))), "ok"
    if action == "reactivate":
        ticket_id = _ticket_id(queue.counter(who, counter_id), form, among="no_shows")
        back = queue.reactivate(who, counter_id, ticket_id)
        return t("done_reactivated", number=back["number"]), "ok"
    if action == "pause":
        queue.set_counter_status(who, counter_id, "paused")
        return t("done_paused"), "ok"
    if action == "resume":
        queue.set_counter_status(who, counter_id, "open")
        return t("done_resumed"), "ok"
    raise ServerError("not_found", 404)


def _ticket_id(view: dict, form, among: str = "waiting") -> int:
    """The ticket chosen in the form (by id from a list, or by typed number) among the
    counter's waiting tickets (or its no-shows)."""
    tickets = view.get(among, [])
    chosen = str(form.get("ticket_id", "")).strip()
    if chosen.isdigit() and len(chosen) <= MAX_ID_DIGITS:
        return int(chosen)  # the queue checks that it belongs here and is waiting
    typed = str(form.get("number", ""))
    number = normal_number(typed)
    if number is None:
        raise ServerError("bad_ticket_number", 422, value=typed.strip()[:20])
    for ticket in tickets:
        if ticket["number"] == number:
            return ticket["id"]
    raise ServerError("number_not_in_line", 404, number=number)

"""Blocking work off the GUI thread: HTTP polling and heartbeat, and the ticket transaction.

Each worker is a QObject moved to its own QThread; its slots are called through queued signals
and it answers with signals. Workers never touch widgets. All printer access happens on the
ticket worker's thread, so a status check can never interleave with a ticket being printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from client import ApiClient, ClientError, NotAuthorized, Refused, Ticket
from client.link import LinkWatch
from config import doctor_record
from config.version import version
from kiosk.core import (
    AbandonedKeys,
    IssueRequest,
    IssueResult,
    Outcome,
    Patience,
    PrinterStatus,
    PrintFailed,
    issue_and_print,
    report_printed,
)
from kiosk.core.issuing import KioskPrinterPort

log = logging.getLogger(__name__)


RETRY_SOON_MS = 1000  # after a failed poll, before the outage is shown


class NetWorker(QObject):
    """Polls GET /services and sends the heartbeat with the printer's last known status, and
    the abandons of unsure attempts the citizen left (each until the server has answered it).

    "Offline" follows the one rule of `client.link.LinkWatch`: no banner for one failed
    poll, only when the server has not answered for its grace time, and with since when.
    """

    servicesLoaded = Signal(list)
    serverUnreachable = Signal(str, object)  # error code, since (an aware datetime)
    abandonAnswered = Signal(object)  # TicketAbandoned, the server's answer to one abandon
    helpAnswered = Signal(bool)  # True: the desk has the call; False: not reached yet
    pairedChanged = Signal(bool)  # False: the server refuses this kiosk's token (revoked)

    def __init__(
        self,
        make_client: Callable[[], ApiClient],
        poll_seconds: float,
        heartbeat_seconds: float,
        watch: LinkWatch | None = None,
    ):
        super().__init__()
        self.watch = watch or LinkWatch()
        self._make_client = make_client
        self._poll_ms = int(poll_seconds * 1000)
        self._heartbeat_ms = int(heartbeat_seconds * 1000)
        self._client: ApiClient | None = None
        self._printer = "unknown"
        self._online: bool | None = None
        self._paired: bool | None = None
        self._timers: list[QTimer] = []
        self.abandoned = AbandonedKeys()
        self.help_wanted = False  # a call for help not delivered yet: sent again after each poll

    @Slot()
    def start(self) -> None:
        self._client = self._make_client()
        for interval, action in ((self._poll_ms, self.poll), (self._heartbeat_ms, self.heartbeat)):
            timer = QTimer(self)
            timer.timeout.connect(action)
            timer.start(interval)
            self._timers.append(timer)
        self.poll()
        self.heartbeat()

    @Slot()
    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()
        if self._client is not None:
            self._client.close()

    def _api(self) -> ApiClient:
        if self._client is None:
            raise RuntimeError("NetWorker used before start()")
        return self._client

    @Slot()
    def poll(self) -> None:
        asked_at = self.watch.now()
        try:
            services = self._api().services()
        except ClientError as error:
            if self.watch.unanswered(asked_at):
                log.warning(
                    "server unreachable since %s (%s): services disabled", self.watch.since, error
                )
                self._online = False
            elif not self.watch.down:
                log.info("services poll failed (%s); not an outage yet", error)
                # Ask again soon: a real outage is then shown right after the grace, not a
                # whole poll interval later.
                QTimer.singleShot(RETRY_SOON_MS, self, self.poll)
            if self.watch.down:
                self.serverUnreachable.emit(error.code, self.watch.since)
            return
        if self.watch.answered():
            log.info("server answers again")
        if self._online is not True:
            log.info("server answers: %d services", len(services))
        self._online = True
        self.servicesLoaded.emit(services)
        self._send_abandons()  # the server answers: now it can hear them
        self._send_help()

    @Slot(str)
    def abandon(self, key: str) -> None:
        """The citizen left an unsure attempt: the server is to cancel its ticket, if any."""
        self.abandoned.remember(key)
        if self._online:
            self._send_abandons()

    def _send_abandons(self) -> None:
        if self.abandoned.pending:
            for answer in self.abandoned.send(self._api()):
                self.abandonAnswered.emit(answer)

    @Slot()
    def ask_help(self) -> None:
        """The citizen pressed "Minta bantuan petugas": call the desk, and keep asking after
        each answered poll until the server has the call."""
        self.help_wanted = True
        self._send_help()

    def _send_help(self) -> None:
        if not self.help_wanted:
            return
        try:
            call = self._api().ask_for_help()
        except (Refused, NotAuthorized) as error:
            # Asking again would be refused again (an old server, a revoked token).
            log.error("help call refused: %s (%s)", error, error.code)
            self.help_wanted = False
            self.helpAnswered.emit(False)
            return
        except ClientError as error:
            log.warning("help call not delivered (%s); asking again after the next poll", error)
            self.helpAnswered.emit(False)
            return
        log.info("help call %d sent to the desk", call.id)
        self.help_wanted = False
        self.helpAnswered.emit(True)

    @Slot(str)
    def set_language(self, language: str) -> None:
        """Closed-reason sentences come in the citizen's language: ask again at once."""
        self._api().language = language
        self.poll()

    @Slot(str)
    def set_printer_status(self, code: str) -> None:
        changed = code != self._printer
        self._printer = code
        if changed:
            self.heartbeat()  # the admin page learns of "paper out" now, not in 10 s

    @Slot()
    def heartbeat(self) -> None:
        status = {"printer": self._printer, "app": "kiosk", "version": version()}
        try:
            self._api().heartbeat(status, version=version(), doctor=doctor_record.load("kiosk"))
        except NotAuthorized as error:
            if error.status == 401 and self._paired is not False:
                log.error("the server does not know this kiosk's token: pair it again")
                self._paired = False
                self.pairedChanged.emit(False)
        except ClientError as error:
            log.debug("heartbeat not delivered: %s", error)
        else:
            if self._paired is False:
                log.info("the server knows this kiosk again")
                self.pairedChanged.emit(True)
            self._paired = True


class TicketServer:
    """The core's QueueServer on top of ApiClient: one ticket attempt with its own timeout
    (the core's `Patience` decides when to ask again, under the same key)."""

    def __init__(self, client: ApiClient):
        self.client = client

    def issue_ticket(
        self,
        service_code: str,
        priority: str | None = None,
        idempotency_key: str | None = None,
        timeout: float | None = None,
    ) -> Ticket:
        saved = (self.client.timeout, self.client.retries)
        self.client.timeout = timeout or self.client.timeout
        self.client.retries = 0  # one attempt; a dropped kept-alive connection is still resent
        try:
            return self.client.issue_ticket(service_code, priority, idempotency_key)
        finally:
            self.client.timeout, self.client.retries = saved

    def check_in_booking(
        self, code: str, idempotency_key: str, timeout: float | None = None
    ) -> Ticket:
        saved = self.client.retries
        self.client.retries = 0  # one attempt, as for a ticket: the core asks again
        try:
            return self.client.check_in_booking(code, idempotency_key, timeout=timeout)
        finally:
            self.client.retries = saved

    def report_printed(self, ticket_id: int, ok: bool = True, reason: str | None = None) -> Ticket:
        return self.client.report_printed(ticket_id, ok=ok, reason=reason)

    def close(self) -> None:
        self.client.close()


class TicketWorker(QObject):
    """Runs the issue transaction, printer status checks, test pages and reprints."""

    issueFinished = Signal(object)  # IssueResult
    printerChecked = Signal(object)  # PrinterStatus
    technicianDone = Signal(str, dict)  # text key, values

    def __init__(
        self,
        make_client: Callable[[], ApiClient],
        make_printer: Callable[[], KioskPrinterPort],
        status_seconds: float,
        patience: Patience | None = None,
    ):
        super().__init__()
        self._patience = patience or Patience()
        self._make_client = make_client
        self._make_printer = make_printer
        self._status_ms = int(status_seconds * 1000)
        self._client: TicketServer | None = None
        self._printer: KioskPrinterPort | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self._client = TicketServer(self._make_client())
        self._printer = self._make_printer()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_printer)
        self._timer.start(self._status_ms)
        self.check_printer()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._client is not None:
            self._client.close()
        close = getattr(self._printer, "close", None)
        if close is not None:
            close()

    def _parts(self) -> tuple[TicketServer, KioskPrinterPort]:
        if self._client is None or self._printer is None:
            raise RuntimeError("TicketWorker used before start()")
        return self._client, self._printer

    @Slot(object)
    def issue(self, request: IssueRequest) -> None:
        server, printer = self._parts()
        try:
            result = issue_and_print(request, server, printer, self._patience)
        except Exception:  # never leave the kiosk on "issuing" forever
            log.exception("issue transaction failed unexpectedly")
            result = IssueResult(Outcome.SERVER_ERROR, code="kiosk_error")
        self.issueFinished.emit(result)  # the citizen sees the number first …
        report_printed(server, result)  # … then the server hears whether it printed

    @Slot()
    def check_printer(self) -> None:
        try:
            status = self._parts()[1].status()
        except Exception as error:  # a status probe must never stop the kiosk
            log.exception("printer status check failed")
            status = PrinterStatus(online=False, detail=str(error))
        self.printerChecked.emit(status)

    @Slot()
    def print_test_page(self) -> None:
        self._technician_print(lambda: self._parts()[1].print_test_page())

    @Slot(object)
    def reprint(self, ticket: Ticket) -> None:
        self._technician_print(lambda: self._parts()[1].print_ticket(ticket))

    def _technician_print(self, action: Callable[[], None]) -> None:
        try:
            action()
        except PrintFailed as error:
            log.warning("technician print failed: %s", error.code)
            self.technicianDone.emit("tech_print_failed", {"reason": error.code})
        except Exception as error:
            log.exception("technician print failed")
            self.technicianDone.emit("tech_print_failed", {"reason": str(error)})
        else:
            self.technicianDone.emit("tech_print_ok", {})
        self.check_printer()

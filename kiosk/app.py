"""Wiring: settings → flow, controller, workers on their threads, the window. `main()` runs it."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt, QThread
from PySide6.QtWidgets import QApplication

from client import ApiClient, ServerAddresses
from config import ConfigError
from config.kiosk import KioskSettings, load_kiosk_settings
from config.loader import with_server_url
from config.logs import configure_logging
from kiosk.controller import KioskController
from kiosk.core import KioskFlow, Patience, Timeouts
from kiosk.core.issuing import KioskPrinterPort
from kiosk.printing import printer_port
from kiosk.voice import KioskSpeaker, Speaker
from kiosk.widgets.guidance import VoiceGuide
from kiosk.widgets.window import ActivityFilter, KioskWindow
from kiosk.workers import NetWorker, TicketWorker
from printer.profiles import check_profile

log = logging.getLogger(__name__)

THREAD_STOP_MS = 20_000  # a worker may be inside one bounded HTTP or printer call


@dataclass
class Kiosk:
    """A running kiosk: what tests, benchmarks and screenshots need to reach."""

    settings: KioskSettings
    flow: KioskFlow
    controller: KioskController
    window: KioskWindow
    net: NetWorker
    tickets: TicketWorker
    threads: list[QThread]
    activity: ActivityFilter
    guide: VoiceGuide
    speaker: Speaker

    def shutdown(self) -> None:
        """Stop the workers' timers and clients on their own threads, then end the threads."""
        for worker, thread in ((self.net, self.threads[0]), (self.tickets, self.threads[1])):
            if thread.isRunning():
                QMetaObject.invokeMethod(worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
                thread.quit()
                if not thread.wait(THREAD_STOP_MS):
                    log.error("worker thread %s did not stop", thread.objectName())
        _application().removeEventFilter(self.activity)
        _application().removeEventFilter(self.guide)
        self.speaker.close()
        self.window.allow_close()
        self.window.close()


def _application() -> QCoreApplication:
    """The running QApplication (main creates it before anything here runs)."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("no QApplication")
    return app


def _start_worker(worker: NetWorker | TicketWorker, name: str) -> QThread:
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.start)
    return thread


def build_kiosk(
    settings: KioskSettings,
    timeouts: Timeouts | None = None,
    make_printer: Callable[[], KioskPrinterPort] | None = None,
    speaker: Speaker | None = None,
) -> Kiosk:
    """Build every part and connect them; the caller shows the window (`show_kiosk`)."""
    options = settings.kiosk
    server = settings.server
    timeouts = timeouts or Timeouts(
        idle_seconds=options.idle_seconds,
        done_seconds=options.done_seconds,
        print_failed_seconds=options.print_failed_seconds,
    )

    # One choice of server for both workers: when one finds a host gone, both move on.
    addresses = ServerAddresses(server.addresses)

    def make_poll_client() -> ApiClient:
        # The poll itself is the retry: one quick try, so "offline" shows within seconds.
        return ApiClient(addresses, server.token, timeout=server.timeout_seconds, retries=0)

    def make_ticket_client() -> ApiClient:
        return ApiClient(addresses, server.token, timeout=server.timeout_seconds)

    flow = KioskFlow(
        pin=options.technician_pin,
        new_key=ApiClient.new_idempotency_key,
        language=options.language,
        timeouts=timeouts,
    )
    controller = KioskController(flow)
    net = NetWorker(make_poll_client, options.services_poll_seconds, options.heartbeat_seconds)
    # A slow server's ticket is asked again under the same key, each attempt given longer,
    # for at most ticket_wait_seconds in all: never "failed" for a ticket that exists.
    patience = Patience(
        total_seconds=options.ticket_wait_seconds, first_timeout=server.timeout_seconds
    )
    tickets = TicketWorker(
        make_ticket_client,
        make_printer or (lambda: printer_port(settings.printer)),
        options.heartbeat_seconds,
        patience,
    )
    voice = options.voice
    window = KioskWindow(controller, options.mpp_name, server.shown, options.logo, voice.enabled)
    speaker = speaker or KioskSpeaker(voice)
    guide = VoiceGuide(controller, window, speaker, voice.key, voice.double_tap_seconds)

    net.servicesLoaded.connect(controller.on_services)
    net.serverUnreachable.connect(controller.on_unreachable)
    net.pairedChanged.connect(controller.on_paired)
    controller.languageChanged.connect(net.set_language)
    controller.printerStatusChanged.connect(net.set_printer_status)
    controller.issueRequested.connect(tickets.issue)
    controller.ticketAbandoned.connect(net.abandon)
    controller.testPageRequested.connect(tickets.print_test_page)
    controller.reprintRequested.connect(tickets.reprint)
    tickets.issueFinished.connect(controller.on_issue_finished)
    tickets.printerChecked.connect(controller.on_printer)
    tickets.technicianDone.connect(controller.on_technician_done)
    controller.helpRequested.connect(net.ask_help)
    net.helpAnswered.connect(controller.on_help_answered)

    threads = [_start_worker(net, "kiosk-net"), _start_worker(tickets, "kiosk-tickets")]
    activity = ActivityFilter(controller)
    _application().installEventFilter(activity)
    if voice.enabled:
        _application().installEventFilter(guide)  # the key, and explore-by-touch while on
    kiosk = Kiosk(
        settings, flow, controller, window, net, tickets, threads, activity, guide, speaker
    )
    controller.quitRequested.connect(lambda: _quit(kiosk))
    controller.technicianLeft.connect(window.restore_fullscreen)
    for thread in threads:
        thread.start()
    return kiosk


def _quit(kiosk: Kiosk) -> None:
    kiosk.shutdown()
    _application().quit()


def main(config_path: Path | str, windowed: bool = False, server_url: str | None = None) -> int:
    try:
        settings = with_server_url(load_kiosk_settings(config_path), server_url)
        check_profile(settings.printer, config_path)
    except ConfigError as error:
        configure_logging("kiosk")
        log.error("cannot start the kiosk: %s", error)
        return 2
    configure_logging("kiosk", settings.kiosk.log_level)
    log.info("kiosk starting: server %s, printer %s", settings.server.shown, settings.printer.type)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("antrian-kiosk")
    kiosk = build_kiosk(settings)
    kiosk.window.show_kiosk(settings.kiosk.fullscreen and not windowed)
    code = app.exec()
    log.info("kiosk stopped")
    return code

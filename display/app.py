"""Wiring: settings -> window, announcer and controller (`display.controller`, which connects
the workers, the core and the window). `main()` runs it."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer

from config.display import DisplayAppSettings
from display.announcer import Announcer, Synthesizer
from display.controller import DisplayController
from display.core.sentence import Wording
from display.voice_pack import PackSynthesizer, VoicePack
from display.widgets.window import BoardWindow
from speech.audio import CommandPlayer, SpeechSynthesizer

log = logging.getLogger(__name__)


def build_announcer(settings: DisplayAppSettings) -> Announcer:
    voice = settings.voice
    synthesizer: Synthesizer = SpeechSynthesizer(voice.voice, voice.rate, voice.volume)
    if voice.pack is not None:  # recorded clips; a sentence with a clip missing is synthesized
        synthesizer = PackSynthesizer(VoicePack(voice.pack), synthesizer)
    return Announcer(
        CommandPlayer(voice.player), synthesizer, Wording.from_settings(voice), voice.chime
    )


def build_window(settings: DisplayAppSettings) -> BoardWindow:
    board = settings.board
    return BoardWindow(
        board.title,
        language=board.language,
        logo=board.logo,
        recent_calls=board.recent_calls,
        highlight_seconds=board.highlight_seconds,
        slideshow_folder=board.slideshow_folder,
        slideshow_seconds=board.slideshow_seconds,
        marquee_speed=board.marquee_speed,
    )


def main(config_path: Path | str, windowed: bool = False, server_url: str | None = None) -> int:
    """Run the display until its window closes (or SIGINT/SIGTERM); `windowed` overrides the
    settings' fullscreen (demos on a desktop)."""
    from PySide6.QtWidgets import QApplication

    from config import ConfigError
    from config.display import load_display_settings
    from config.loader import with_server_url
    from config.logs import configure_logging

    try:
        settings = with_server_url(load_display_settings(config_path), server_url)
    except ConfigError as error:
        logging.basicConfig()
        log.error("%s", error)
        return 2
    configure_logging("display", settings.log_level)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    for number in (signal.SIGINT, signal.SIGTERM):
        # Before any window shows, and queued rather than app.quit() at once: a signal that
        # arrives before exec() runs would otherwise be lost (or kill the app uncleanly).
        signal.signal(number, lambda *_: QTimer.singleShot(0, app.quit))
    window = build_window(settings)
    controller = DisplayController(settings, window, build_announcer(settings))
    if settings.board.fullscreen and not windowed:
        window.fill_screen()
    else:
        window.setFixedSize(settings.board.width, settings.board.height)
        window.show()
    # Let Python see signals while Qt's loop runs.
    wake = QTimer()
    wake.start(500)
    wake.timeout.connect(lambda: None)
    controller.start()
    log.info("display started: server %s, zone %s", settings.server.shown, controller.zone)
    code = app.exec()
    controller.stop()
    return code

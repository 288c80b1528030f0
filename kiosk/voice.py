"""The kiosk's voice (issue 18): sentences rendered by the same espeak-ng child as the hall's
(speech.audio) and played on the kiosk's own speaker, on a thread of their own so the screen
never waits for the voice.

Only the newest sentence matters: a finger moving to another button cuts the sentence being
spoken and says the new one; sentences never pile up behind each other.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path
from typing import Protocol

from config.kiosk import KioskVoice
from speech.audio import AudioUnavailable, CommandPlayer, SpeechSynthesizer, SpeechUnavailable

log = logging.getLogger(__name__)


class Speaker(Protocol):
    """What the voice guidance needs: say a sentence now (never blocks), and stop talking."""

    def say(self, sentence: str, language: str) -> None: ...

    def close(self) -> None: ...


class KioskSpeaker:
    """Says the newest sentence through espeak-ng and the player, one at a time."""

    def __init__(self, settings: KioskVoice, work_dir: Path | None = None):
        self.settings = settings
        self.player = CommandPlayer(settings.player)
        self._work_dir = work_dir  # made on the first sentence: most visits never turn voice on
        self._voices = {"id": settings.voice, "en": settings.voice_en}
        self._synthesizers: dict[str, SpeechSynthesizer] = {}  # used on the thread only
        self._wake = threading.Condition()
        self._next: tuple[str, str] | None = None
        self._closing = False
        self._thread = threading.Thread(target=self._loop, name="kiosk-voice", daemon=True)
        self._thread.start()

    def say(self, sentence: str, language: str) -> None:
        with self._wake:
            self._next = (sentence, language)
            self._wake.notify()
        self.player.stop()  # cut the sentence being spoken: the new one is what matters now

    def close(self) -> None:
        with self._wake:
            self._closing = True
            self._wake.notify()
        self.player.stop()
        self._thread.join(timeout=10)

    def _take(self) -> tuple[str, str] | None:
        with self._wake:
            while self._next is None and not self._closing:
                self._wake.wait()
            if self._closing:
                return None
            sentence, self._next = self._next, None
            return sentence

    @property
    def work_dir(self) -> Path:
        if self._work_dir is None:
            self._work_dir = Path(tempfile.mkdtemp(prefix="antrian-kiosk-voice-"))
        return self._work_dir

    def _synthesizer(self, language: str) -> SpeechSynthesizer:
        if language not in self._synthesizers:
            voice = self._voices.get(language, self.settings.voice)
            self._synthesizers[language] = SpeechSynthesizer(
                voice, self.settings.rate, self.settings.volume
            )
        return self._synthesizers[language]

    def _loop(self) -> None:
        while (next_sentence := self._take()) is not None:
            sentence, language = next_sentence
            try:
                wav = self._synthesizer(language).synthesize(sentence, self.work_dir / "say.wav")
                with self._wake:
                    if self._next is not None:
                        continue  # a newer sentence came while rendering: say that one
                self.player.play(wav)
            except (SpeechUnavailable, AudioUnavailable) as error:
                log.info("voice guidance: %s", error)  # cut short, or no sound device
            except Exception:  # a bug here must not silence the next sentence
                log.exception("voice guidance failed")
        for synthesizer in self._synthesizers.values():
            synthesizer.close()

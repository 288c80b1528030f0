"""The announcer without Qt: for one call, or a few spoken together, the chime and then the
spoken sentence, blocking until both have played, so calls never overlap and are never cut
off."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Protocol

from display.core.board import Call
from display.core.sentence import Wording, calls_sentence
from speech.audio import (
    AudioStatus,
    AudioUnavailable,
    SpeechUnavailable,
    make_chime,
    make_silence,
)

log = logging.getLogger(__name__)

PROBE_TEXT = "tes"  # what the start-up check renders to see that speech works


class Player(Protocol):
    def play(self, path: Path | str) -> None: ...  # blocks; raises AudioUnavailable


class Synthesizer(Protocol):
    def synthesize(self, text: str, path: Path | str) -> Path: ...  # raises SpeechUnavailable


class Announcer:
    """Plays chime + sentence for one call at a time. Use it from one thread only."""

    def __init__(
        self,
        player: Player,
        synthesizer: Synthesizer | None,
        wording: Wording | None = None,
        chime: str = "builtin",
        work_dir: Path | None = None,
    ):
        self.player = player
        self.synthesizer = synthesizer
        self.wording = wording or Wording()
        self.work_dir = Path(work_dir or tempfile.mkdtemp(prefix="antrian-display-"))
        self.chime_path = self._chime_path(chime)
        self.status = AudioStatus()

    def _chime_path(self, chime: str) -> Path | None:
        if chime == "builtin":
            return make_chime(self.work_dir / "chime.wav")
        if not chime:
            return None
        path = Path(chime)
        if not path.is_file():
            log.warning("chime file %s not found; using the built-in chime", path)
            return make_chime(self.work_dir / "chime.wav")
        return path

    def check(self) -> AudioStatus:
        """Play a moment of silence and start the speech engine, to warn before the first call."""
        problems = []
        try:
            self.player.play(make_silence(self.work_dir / "silence.wav"))
        except AudioUnavailable as error:
            problems.append(("audio", str(error)))
        if self.synthesizer is not None:
            try:
                self.synthesizer.synthesize(PROBE_TEXT, self.work_dir / "probe.wav")
            except SpeechUnavailable as error:
                problems.append(("speech", str(error)))
        return self._set_status(problems)

    def announce(self, *calls: Call) -> AudioStatus:
        """One chime, then one sentence for `calls`; problems are logged and reported, never
        raised."""
        problems: list[tuple[str, str]] = []
        sentence = calls_sentence(calls, self.wording)
        said = ", ".join(f"{c.kind} {c.number} -> {c.counter_name}" for c in calls)
        log.info("announcing %s: %s", said, sentence)
        # The chime first, so the hall hears something at once; the sentence is rendered after.
        if self.chime_path is not None and not self._play(self.chime_path, problems):
            return self._set_status(problems)  # no device: the sentence would fail the same way
        if self.synthesizer is not None:
            try:
                speech = self.synthesizer.synthesize(sentence, self.work_dir / "speech.wav")
            except SpeechUnavailable as error:
                problems.append(("speech", str(error)))
            else:
                self._play(speech, problems)
        return self._set_status(problems)

    def _play(self, path: Path, problems: list[tuple[str, str]]) -> bool:
        try:
            self.player.play(path)
        except AudioUnavailable as error:
            problems.append(("audio", str(error)))
            return False
        return True

    def _set_status(self, problems: list[tuple[str, str]]) -> AudioStatus:
        kinds = {kind for kind, _ in problems}
        missing = "audio" if "audio" in kinds else "speech" if kinds else None
        status = AudioStatus(missing, "; ".join(detail for _, detail in problems))
        if status != self.status:
            if status.ok:
                log.info("audio is back")
            else:
                log.warning("audio problem (%s missing): %s", status.missing, status.detail)
        self.status = status
        return status

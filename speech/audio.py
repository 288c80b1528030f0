"""Sound without Qt: the chime, a player that plays one WAV file, and offline speech.

pyttsx3 2.99 pitfalls this module designs around (measured, see the issue):
- one engine per process, created and used in one thread only -> the engine lives alone in
  a *spawned* child process (a fork after the engine ran hangs), served one request at a time;
- settings changed between utterances are sometimes dropped -> voice, rate and volume are set
  once when the child starts and never changed; new settings mean a new child;
- two queued `save_to_file` calls keep only the last file -> exactly one `save_to_file` per
  `runAndWait`;
- `say()` plays through `aplay` and fails silently without a sound device -> we never call
  `say()`: speech is rendered to a WAV and played by our player, whose failure we can see;
- the *first* `runAndWait` after `init` returns after one 10 ms turn of the driver loop, before
  espeak-ng has written anything: the properties set before it are queued, and the engine's
  own end-of-loop command is pumped with them, so the loop stops before the synthesis starts.
  Idle, espeak-ng is usually done within those 10 ms; on a busy CPU it is not, and the file
  comes later (or is overwritten by the next request's buffer) -> the child waits for the
  engine's "finished-utterance" notification, sent after the WAV is written and closed.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
import struct
import subprocess
import threading
import time
import wave
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

log = logging.getLogger(__name__)

SAMPLE_RATE = 22050
# A WAV this short means the engine produced nothing (e.g. an mbrola voice without its files).
MIN_SPEECH_SECONDS = 0.2
# How long the child waits for espeak-ng to finish one sentence after runAndWait (a sentence
# takes ~10-250 ms of CPU; a machine starved for seconds still gets there).
RENDER_SECONDS = 15.0


class AudioUnavailable(Exception):
    """The player could not play: no sound device, no player program, or it failed."""


class SpeechUnavailable(Exception):
    """The speech engine could not produce audio."""


def wav_seconds(path: Path | str) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def write_wav(path: Path | str, samples: list[float], rate: int = SAMPLE_RATE) -> Path:
    """Write mono 16-bit samples in -1..1."""
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(frames)
    return Path(path)


def make_chime(path: Path | str) -> Path:
    """A soft two-note "ding-dong" (E5 then C5, bell-like decay), about 1.3 seconds."""
    samples: list[float] = []
    for frequency, seconds in ((659.25, 0.55), (523.25, 0.8)):
        count = int(SAMPLE_RATE * seconds)
        for i in range(count):
            t = i / SAMPLE_RATE
            envelope = min(1.0, t / 0.01) * math.exp(-3.2 * t)
            tone = math.sin(2 * math.pi * frequency * t) + 0.3 * math.sin(
                4 * math.pi * frequency * t
            )
            samples.append(0.55 * envelope * tone)
    return write_wav(path, samples)


def make_silence(path: Path | str, seconds: float = 0.05) -> Path:
    return write_wav(path, [0.0] * int(SAMPLE_RATE * seconds))


class CommandPlayer:
    """Plays a WAV file with a command such as `aplay -q`, blocking until it has played."""

    def __init__(self, command: list[str] | tuple[str, ...] = ("aplay", "-q")):
        self.command = list(command)
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def play(self, path: Path | str) -> None:
        try:
            process = subprocess.Popen(
                [*self.command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
        except OSError as error:
            raise AudioUnavailable(f"cannot run {self.command[0]}: {error}") from None
        with self._lock:
            self._process = process
        try:
            _, stderr = process.communicate(timeout=wav_seconds(path) + 10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise AudioUnavailable(f"{self.command[0]} did not finish") from None
        finally:
            with self._lock:
                self._process = None
        if process.returncode != 0:
            lines = stderr.decode(errors="replace").strip().splitlines()
            reason = lines[-1] if lines else f"exit status {process.returncode}"
            raise AudioUnavailable(f"{self.command[0]}: {reason}")

    def stop(self) -> None:
        """Cut the current sound short: only used when the app closes."""
        with self._lock:
            if self._process is not None:
                self._process.kill()


def _speech_child(connection, voice: str, rate: int, volume: float) -> None:
    """Runs in the spawned child: owns the one pyttsx3 engine for the child's whole life."""
    import sys

    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - pyttsx3 prints "Audio saved to ..."
    try:
        import pyttsx3

        engine = pyttsx3.init("espeak")
        engine.setProperty("rate", rate)
        engine.setProperty("volume", volume)
        engine.setProperty("voice", voice)
        from pyttsx3.drivers import _espeak

        finished = threading.Event()  # set on espeak-ng's thread once the WAV is closed
        completed: list[bool] = []

        def on_finished(**values) -> None:  # False: pyttsx3 cancelled the sentence
            completed.append(bool(values.get("completed", True)))
            finished.set()

        engine.connect("finished-utterance", on_finished)
    except Exception as error:  # noqa: BLE001 - any failure means: no speech
        connection.send(("error", f"speech engine failed to start: {error}"))
        return
    connection.send(("ready", voice))
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        text, path = request
        try:
            finished.clear()
            completed.clear()
            engine.save_to_file(text, path)  # one file per runAndWait, never two queued
            engine.runAndWait()
            # runAndWait may return before the file exists (see the module's docstring).
            if not finished.wait(RENDER_SECONDS) or not _espeak_idle(_espeak):
                connection.send(("error", "speech engine did not finish the sentence"))
                return  # a half-done synthesis would spill into the next file: start afresh
            if not completed[-1]:
                connection.send(("error", "speech engine cancelled the sentence"))
                continue
            connection.send(("ok", path))
        except Exception as error:  # noqa: BLE001
            connection.send(("error", str(error)))


def _espeak_idle(espeak) -> bool:
    """Wait until espeak-ng's own thread is idle again. The finished notification comes from
    inside its last callback; a request sent before the thread is idle finds it "playing", and
    pyttsx3's stop() at the start of the next runAndWait then cancels the new sentence."""
    deadline = time.monotonic() + RENDER_SECONDS
    while espeak.IsPlaying():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


class SpeechSynthesizer:
    """Turns text into a WAV file through the one pyttsx3 engine in a spawned child process.

    Call it from one thread only (the announcer's). A child that dies or hangs is replaced on
    the next request. A voice that yields no audio (mbrola without its files) falls back to
    espeak-ng's own Indonesian voice "id".
    """

    FALLBACK_VOICE = "id"

    def __init__(self, voice: str = "id", rate: int = 135, volume: float = 1.0, timeout=20.0):
        self.voice = voice
        self.rate = rate
        self.volume = volume
        self.timeout = timeout
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def _start(self, voice: str) -> Connection:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(
            target=_speech_child,
            args=(child, voice, self.rate, self.volume),
            name="antrian-speech",
            daemon=True,
        )
        process.start()
        child.close()
        self._process, self._connection = process, parent
        kind, detail = self._receive()
        if kind != "ready":
            self.close()
            raise SpeechUnavailable(detail)
        return parent

    def _receive(self) -> tuple[str, str]:
        if self._connection is None or not self._connection.poll(self.timeout):
            self.close()
            raise SpeechUnavailable("speech engine did not answer")
        try:
            return self._connection.recv()
        except (EOFError, OSError):
            self.close()
            raise SpeechUnavailable("speech engine stopped") from None

    def _render(self, text: str, path: Path) -> None:
        connection = self._connection
        if self._process is None or not self._process.is_alive() or connection is None:
            connection = self._start(self.voice)
        path.unlink(missing_ok=True)
        connection.send((text, str(path)))
        kind, detail = self._receive()
        if kind != "ok":
            raise SpeechUnavailable(detail)
        if not path.exists() or wav_seconds(path) < MIN_SPEECH_SECONDS:
            raise SpeechUnavailable(f"voice {self.voice!r} produced no audio")

    def synthesize(self, text: str, path: Path | str) -> Path:
        """Write `text` spoken as a WAV file at `path`; raise SpeechUnavailable on failure."""
        path = Path(path)
        try:
            self._render_twice(text, path)
        except SpeechUnavailable as error:
            if self.voice == self.FALLBACK_VOICE:
                raise
            log.warning("voice %r failed (%s); using %r", self.voice, error, self.FALLBACK_VOICE)
            self.close()
            self.voice = self.FALLBACK_VOICE
            self._render_twice(text, path)
        return path

    def _render_twice(self, text: str, path: Path) -> None:
        """A render that failed is tried once more in a fresh child: a sentence lost to an
        engine race costs a second, not the call."""
        try:
            self._render(text, path)
        except SpeechUnavailable as error:
            log.warning("speech failed (%s); trying once more with a fresh engine", error)
            self.close()
            self._render(text, path)

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.send(None)
            except OSError:
                pass
            self._connection.close()
        if self._process is not None:
            self._process.join(timeout=2)
            if self._process.is_alive():
                self._process.kill()
                self._process.join(timeout=2)
        self._process = self._connection = None


@dataclass(frozen=True)
class AudioStatus:
    """ "ok", or what is missing: "audio" (nothing can be heard) or "speech" (chime only)."""

    missing: str | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.missing is None

    @property
    def heartbeat_value(self) -> str:
        return "ok" if self.ok else "missing"

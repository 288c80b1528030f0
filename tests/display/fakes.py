"""Stand-ins for the sound device and the speech engine, recording what they were asked."""

import threading
import time

from display.announcer import PROBE_TEXT


class FakePlayer:
    """Plays nothing, but takes time like a real sound and records when each play ran."""

    def __init__(self, seconds: float = 0.15):
        self.seconds = seconds
        self.plays: list[tuple[str, float, float]] = []
        self._lock = threading.Lock()

    def play(self, path) -> None:
        start = time.monotonic()
        threading.Event().wait(self.seconds)  # the simulated length of the sound
        with self._lock:
            self.plays.append((str(path).rsplit("/", 1)[-1], start, time.monotonic()))

    def announcement_plays(self):
        return [play for play in self.plays if play[0] != "silence.wav"]


class FakeSynthesizer:
    def __init__(self):
        self.sentences: list[str] = []

    def synthesize(self, text, path):
        if text != PROBE_TEXT:
            self.sentences.append(text)
        return path

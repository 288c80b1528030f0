"""The kiosk's own voice (issue 18): the hall's espeak-ng child renders the guidance sentence,
the configured player plays it, and only the newest sentence matters."""

from __future__ import annotations

import shutil
import sys
import time
import wave

import pytest

from config.kiosk import KioskVoice
from kiosk.voice import KioskSpeaker
from speech.audio import wav_seconds

needs_espeak = pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
# A "player" that keeps each WAV it is given, in order, instead of sounding it.
KEEP = "import shutil, sys, time; shutil.copy(sys.argv[2], f'{sys.argv[1]}/{time.time_ns()}.wav')"


def seconds(path) -> float:
    """The length of a WAV the player may still be writing (0 until it is whole)."""
    try:
        return wav_seconds(path)
    except (EOFError, OSError, wave.Error):
        return 0.0


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)  # polling a condition with a generous deadline


@needs_espeak
def test_the_guidance_sentence_is_spoken_through_the_players_command(tmp_path):
    out = tmp_path / "played"
    out.mkdir()
    settings = KioskVoice(player=[sys.executable, "-c", KEEP, str(out)])
    speaker = KioskSpeaker(settings, work_dir=tmp_path)
    try:
        started = time.monotonic()
        speaker.say("nomor antrean anda a dua belas. silakan menunggu.", "id")  # never blocks
        assert time.monotonic() - started < 0.5
        wait_for(lambda: any(seconds(p) > 0 for p in out.glob("*.wav")))
        [played] = list(out.glob("*.wav"))
        assert seconds(played) > 2.0  # a real sentence, not silence or an empty file
    finally:
        speaker.close()


@needs_espeak
def test_a_new_sentence_replaces_the_ones_not_yet_spoken(tmp_path):
    out = tmp_path / "played"
    out.mkdir()
    settings = KioskVoice(player=[sys.executable, "-c", KEEP, str(out)])
    speaker = KioskSpeaker(settings, work_dir=tmp_path)
    try:
        for name in ("dukcapil", "polres", "samsat", "be pe en", "imigrasi"):
            speaker.say(name, "id")  # a finger sliding fast over five cards
        speaker.say("kartu keluarga, kuota hari ini habis. tidak bisa dipilih.", "id")
        wait_for(lambda: any(seconds(p) > 2.0 for p in out.glob("*.wav")))
        assert len(list(out.glob("*.wav"))) < 6  # the passed-over names were skipped
    finally:
        speaker.close()

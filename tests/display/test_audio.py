"""Real sound pieces: espeak-ng speech through pyttsx3, the chime, the aplay player."""

import shutil

import pytest

from display.announcer import Announcer
from display.core.board import Call
from display.core.sentence import announcement_sentence
from speech.audio import (
    AudioUnavailable,
    CommandPlayer,
    SpeechSynthesizer,
    make_chime,
    wav_seconds,
)

needs_espeak = pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
needs_aplay = pytest.mark.skipif(not shutil.which("aplay"), reason="alsa-utils not installed")


@pytest.fixture
def synthesizer():
    speech = SpeechSynthesizer(voice="id", rate=135)
    yield speech
    speech.close()


def call(number="A-012", counter="Loket 3", kind="call"):
    return Call(1, kind, number, counter, "A", "KTP", None)


@needs_espeak
def test_real_speech_wav_has_a_plausible_length(synthesizer, tmp_path):
    """The Indonesian sentence, rendered offline by espeak-ng, is a few seconds of audio."""
    sentence = announcement_sentence("A-012", "Loket 3")
    path = synthesizer.synthesize(sentence, tmp_path / "speech.wav")
    seconds = wav_seconds(path)
    words = len(sentence.split())  # 8 words at 135 per minute is about 3.5 s, plus pauses
    assert words / 135 * 60 * 0.6 < seconds < words / 135 * 60 * 2.5, seconds
    # Not silence: espeak really spoke.
    assert max(path.read_bytes()[44:]) > 0


@needs_espeak
def test_one_engine_serves_many_sentences_in_turn(synthesizer, tmp_path):
    """Sentences rendered one after another each get their own file (no lost save_to_file)."""
    short = synthesizer.synthesize("Nomor antrean, a satu.", tmp_path / "one.wav")
    long = synthesizer.synthesize(
        announcement_sentence("J-1234", "Loket 21", "recall"), tmp_path / "two.wav"
    )
    assert wav_seconds(short) < wav_seconds(long)


@needs_espeak
def test_missing_mbrola_voice_falls_back_to_espeak_indonesian(tmp_path):
    """An mbrola voice without its files does not silence the announcer."""
    speech = SpeechSynthesizer(voice="mb-id1")
    try:
        path = speech.synthesize("Nomor antrean, a satu.", tmp_path / "speech.wav")
        assert wav_seconds(path) > 0.5
    finally:
        speech.close()


def test_chime_is_a_short_clean_sound(tmp_path):
    """The built-in chime is about a second long."""
    assert 0.8 < wav_seconds(make_chime(tmp_path / "chime.wav")) < 2.0


@needs_aplay
def test_player_without_sound_card_raises_audio_unavailable(tmp_path):
    """With no sound device, playing fails visibly instead of silently."""
    player = CommandPlayer(["aplay", "-q", "-D", "no_such_device"])
    with pytest.raises(AudioUnavailable):
        player.play(make_chime(tmp_path / "chime.wav"))


def test_missing_player_program_raises_audio_unavailable(tmp_path):
    """A player program that is not installed is reported, not a crash."""
    with pytest.raises(AudioUnavailable):
        CommandPlayer(["no-such-player-xyz"]).play(make_chime(tmp_path / "chime.wav"))


@needs_aplay
@needs_espeak
def test_announcer_plays_chime_then_speech_through_aplay(synthesizer, tmp_path):
    """The real aplay plays chime and speech to ALSA's null device without a problem."""
    announcer = Announcer(
        CommandPlayer(["aplay", "-q", "-D", "null"]), synthesizer, work_dir=tmp_path
    )
    status = announcer.announce(call())
    assert status.ok, status.detail
    assert wav_seconds(tmp_path / "speech.wav") > 1.0


def test_announcer_reports_missing_audio_and_keeps_going(tmp_path):
    """A broken player makes the status 'audio missing'; announcing never raises."""
    announcer = Announcer(CommandPlayer(["no-such-player-xyz"]), None, work_dir=tmp_path)
    assert announcer.check().missing == "audio"
    assert announcer.announce(call()).missing == "audio"
    assert announcer.status.heartbeat_value == "missing"


def test_chime_really_plays_on_a_pulseaudio_sink(pulse_null_sink, tmp_path):
    """The chime plays for its whole length through a real sound server (a null sink)."""
    import time

    from speech.audio import CommandPlayer, make_chime, wav_seconds

    chime = make_chime(tmp_path / "chime.wav")
    player = CommandPlayer(["paplay", f"--device={pulse_null_sink}"])
    started = time.monotonic()
    player.play(chime)
    took = time.monotonic() - started
    assert wav_seconds(chime) * 0.9 <= took <= wav_seconds(chime) + 3

"""Speech while every core is busy: no sentence is lost to CPU load (issue 12)."""

import os
import shutil
import subprocess
import sys

import pytest

from antrian.cli import main
from display.core.sentence import announcement_sentence
from speech.audio import SpeechSynthesizer, wav_seconds

pytestmark = pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")

# Each spinner ends by itself after this long, should the test be killed before its cleanup.
SPIN_SECONDS = 120
SPIN = f"import time\nend = time.monotonic() + {SPIN_SECONDS}\nwhile time.monotonic() < end: pass"


@pytest.fixture
def busy_cores():
    """One busy-loop process per core, plus one: the machine has no idle CPU left."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range((os.cpu_count() or 1) + 1)
    ]
    yield
    for spinner in spinners:
        spinner.kill()
    for spinner in spinners:
        spinner.wait()


def plausible(seconds: float, sentence: str, rate: int = 135) -> bool:
    words = len(sentence.split())
    return words / rate * 60 * 0.6 < seconds < words / rate * 60 * 2.5


def test_voice_say_writes_every_sentence_while_every_core_is_busy(busy_cores, tmp_path, capsys):
    """`antrian voice say --out` starts a fresh engine each time (the render that used to be
    lost under load) and still writes the whole sentence, every time."""
    results = []
    for number in ("A-012", "B-005", "C-101", "D-1000"):
        out = tmp_path / f"{number}.wav"
        code = main(["voice", "say", number, "Loket 3", "--out", str(out)])
        results.append((number, code, wav_seconds(out) if out.exists() else 0.0))
    sentence = announcement_sentence("A-012", "Loket 3")
    assert all(code == 0 for _, code, _ in results), results
    assert all(plausible(seconds, sentence) for _, _, seconds in results), results


def test_one_engine_renders_a_row_of_sentences_while_every_core_is_busy(busy_cores, tmp_path):
    """The display's long-lived engine renders sentence after sentence under load, each file
    complete (not empty, not the previous sentence's audio)."""
    speech = SpeechSynthesizer(voice="id", rate=135)
    try:
        lengths = []
        for index, counter in enumerate(("Loket 1", "Loket 22", "Loket 7", "Loket 15")):
            sentence = announcement_sentence(f"A-{index + 1:03d}", counter)
            path = speech.synthesize(sentence, tmp_path / f"{index}.wav")
            lengths.append((sentence, wav_seconds(path)))
        # A long sentence after short ones: its own audio, not a leftover.
        long = announcement_sentence("J-1234", "Loket 21", "recall")
        long_seconds = wav_seconds(speech.synthesize(long, tmp_path / "long.wav"))
    finally:
        speech.close()
    assert all(plausible(seconds, sentence) for sentence, seconds in lengths), lengths
    assert long_seconds > max(seconds for _, seconds in lengths)

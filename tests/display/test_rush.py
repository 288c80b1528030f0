"""The opening rush: 22 counters calling at once are all spoken within a minute, none stale."""

import shutil
import threading

import pytest

from display.announcer import Announcer
from display.core.announcements import AnnouncementPolicy
from display.core.board import Board, Call, CounterView
from display.core.sentence import Wording, calls_sentence
from display.workers import SpeechWorker
from speech.audio import SpeechSynthesizer, make_chime, wav_seconds
from tests.display.fakes import FakePlayer, FakeSynthesizer

# 22 counters, 8 services, the first tickets of the day: what the hall hears at opening time.
OPENING = [
    Call(i + 1, "call", f"{'ABCDEFGH'[i % 8]}-{i // 8 + 1:03d}", f"Loket {i + 1}", "A", "", None)
    for i in range(22)
]
HALL = Board(counters=tuple(CounterView(c.counter_name, "open", c.number) for c in OPENING))


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
def test_22_calls_at_once_are_spoken_within_a_minute(tmp_path):
    """With the default settings the policy's groups, rendered by the real voice, take less
    than 60 s from the first chime to the last word (one chime per group)."""
    wording = Wording()
    policy = AnnouncementPolicy(group_size=6)  # the default [voice] group_size
    policy.observe(HALL)
    for call in OPENING:
        policy.add(call)
    chime = wav_seconds(make_chime(tmp_path / "chime.wav"))
    speech = SpeechSynthesizer(voice="id", rate=135)
    total, spoken = 0.0, 0
    try:
        while group := policy.take():
            path = speech.synthesize(calls_sentence(group, wording), tmp_path / "group.wav")
            total += chime + wav_seconds(path)
            spoken += len(group)
    finally:
        speech.close()
    assert spoken == 22
    assert total < 60, total


class GatedPlayer(FakePlayer):
    """Holds every sound until the test opens the gate: the test decides what happens while
    the voice is busy, whatever the machine's load."""

    def __init__(self):
        super().__init__(seconds=0.01)
        self.playing = threading.Event()
        self.gate = threading.Event()

    def play(self, path) -> None:
        self.playing.set()
        self.gate.wait(30)
        super().play(path)


def test_worker_drops_a_call_finished_while_others_were_spoken(qtbot, tmp_path):
    """A call still waiting when its counter finishes the ticket is never spoken; the board's
    newest state reaches the worker through observe()."""
    player = GatedPlayer()
    announcer = Announcer(player, FakeSynthesizer(), work_dir=tmp_path)
    worker = SpeechWorker(announcer, check_at_start=False, group_size=1)
    spoken = []
    worker.finished.connect(spoken.append)
    first, second, third = OPENING[:3]
    worker.observe(HALL)
    worker.start()
    try:
        worker.enqueue(first, second, third)
        assert player.playing.wait(10)  # the first call's chime: the others wait
        # While the first is spoken, Loket 2 finishes its ticket.
        worker.observe(Board(counters=tuple(c for c in HALL.counters if c.name != "Loket 2")
                             + (CounterView("Loket 2", "open", None),)))  # fmt: skip
        player.gate.set()
        qtbot.waitUntil(lambda: len(spoken) == 2, timeout=10_000)
        assert [[c.number for c in group] for group in spoken] == [[first.number], [third.number]]
        assert worker.pending == 0
    finally:
        player.gate.set()
        worker.stop()

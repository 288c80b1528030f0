"""The announcement policy for the rush: grouped, never stale, a recall replaces its original."""

import pytest

from config import ConfigError
from config.display import load_display_settings
from display.core.announcements import AnnouncementPolicy
from display.core.board import Board, Call, CounterView
from display.core.sentence import Wording, calls_sentence


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def call(event_id, number, counter, kind="call"):
    return Call(event_id, kind, number, counter, number[0], "Layanan", None)


def hall(**serving):
    """A state where counter "Loket N" (given as L<N>=) has that ticket open."""
    return Board(
        counters=tuple(
            CounterView(f"Loket {name[1:]}", "open", number) for name, number in serving.items()
        )
    )


def test_calls_are_taken_in_groups_oldest_first():
    """Seven waiting calls with group size 3 are spoken as 3 + 3 + 1, in call order."""
    policy = AnnouncementPolicy(group_size=3, clock=Clock())
    for i in range(1, 8):
        policy.add(call(i, f"A-00{i}", f"Loket {i}"))
    groups = [[c.number for c in policy.take()] for _ in range(3)]
    assert groups == [["A-001", "A-002", "A-003"], ["A-004", "A-005", "A-006"], ["A-007"]]
    assert policy.take() == [] and policy.pending == 0


def test_finished_no_show_or_moved_on_calls_are_dropped_when_their_turn_comes():
    """A counter that has finished (nothing open) or called the next ticket makes its waiting
    call stale; calls of counters still serving them, and unknown counters, are spoken."""
    policy = AnnouncementPolicy(group_size=8, clock=Clock())
    policy.add(call(1, "A-001", "Loket 1"))  # finished since: counter has nothing open
    policy.add(call(2, "B-001", "Loket 2"))  # no-show, next one called: counter has B-002
    policy.add(call(3, "C-001", "Loket 3"))  # still being called
    policy.add(call(4, "D-001", "Meja Informasi"))  # not in the state: not judged
    policy.add(call(5, "B-002", "Loket 2"))
    policy.observe(hall(L1=None, L2="B-002", L3="C-001"))
    assert [c.number for c in policy.take()] == ["C-001", "D-001", "B-002"]


def test_state_is_judged_at_the_moment_of_speaking():
    """A call current when it came in but finished while others were spoken is dropped."""
    policy = AnnouncementPolicy(group_size=1, clock=Clock())
    policy.observe(hall(L1="A-001", L2="A-002"))
    policy.add(call(1, "A-001", "Loket 1"))
    policy.add(call(2, "A-002", "Loket 2"))
    assert [c.number for c in policy.take()] == ["A-001"]
    policy.observe(hall(L1="A-001", L2=None))  # Loket 2 finished A-002 meanwhile
    assert policy.take() == []


def test_recall_replaces_its_waiting_original_in_its_place():
    """A recall of a ticket still waiting is spoken once, with the recall, where the call was."""
    policy = AnnouncementPolicy(group_size=8, clock=Clock())
    policy.add(call(1, "A-001", "Loket 1"))
    policy.add(call(2, "A-002", "Loket 2"))
    policy.add(call(3, "A-001", "Loket 1", kind="recall"))
    taken = policy.take()
    assert [(c.number, c.kind) for c in taken] == [("A-001", "recall"), ("A-002", "call")]


def test_lag_is_measured_from_when_the_call_came_in(caplog):
    """The log says how long each call waited for the voice (by the injected clock)."""
    clock = Clock()
    policy = AnnouncementPolicy(group_size=1, clock=clock)
    policy.add(call(1, "A-001", "Loket 1"))
    clock.now = 12.5
    with caplog.at_level("INFO", logger="display.core.announcements"):
        policy.take()
    assert "A-001 12.5 s after" in caplog.text


def test_grouped_sentence_is_one_nomor_antrean_then_each_number_with_its_counter():
    """Several calls share one "Nomor antrean"; each number is followed by its counter."""
    calls = [call(1, "A-012", "Loket 3"), call(2, "B-005", "Loket 7", kind="recall")]
    assert calls_sentence(calls) == (
        "Nomor antrean, a dua belas ke loket tiga. be lima ke loket tujuh."
    )
    assert calls_sentence(calls[:1]) == "Nomor antrean, a dua belas, silakan menuju, loket tiga."
    wording = Wording(group_sentence="Perhatian. Nomor {calls}", read_digits=True)
    assert calls_sentence(calls, wording) == (
        "Perhatian. Nomor a nol satu dua ke loket tiga. be nol nol lima ke loket tujuh."
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("group_size = 0", "voice.group_size"),
        ("group_size = 11", "voice.group_size"),
        ("rate = 20", "voice.rate"),
        ('group_sentence = "Nomor antrean"', "voice.group_sentence | must contain {calls}"),
        ('group_sentence = "{calls} {x}"', "voice.group_sentence | only {calls}"),
        ('pack = "no-such-folder"', "voice.pack: folder"),
    ],
)
def test_voice_settings_errors_name_the_file_and_key(tmp_path, line, message):
    """Bad grouping, rate, wording or pack settings are reported with the file and the key."""
    path = tmp_path / "display.toml"
    path.write_text(f'[server]\nurl = "http://x:1"\ntoken = "12345678"\n[voice]\n{line}\n')
    with pytest.raises(ConfigError) as error:
        load_display_settings(path)
    assert str(path) in str(error.value)
    assert all(part in str(error.value) for part in message.split(" | "))


def test_pack_folder_is_taken_from_the_config_folder(tmp_path):
    """A relative pack path is read from the display.toml's folder."""
    (tmp_path / "suara").mkdir()
    path = tmp_path / "display.toml"
    path.write_text('[server]\nurl = "http://x:1"\ntoken = "12345678"\n[voice]\npack = "suara"\n')
    assert load_display_settings(path).voice.pack == tmp_path / "suara"

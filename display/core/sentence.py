"""What the announcer says, as pure functions: "Nomor antrean, a dua belas, silakan menuju,
loket tiga", or for calls spoken together "Nomor antrean, a dua belas ke loket tiga. be lima
ke loket tujuh". Numbers are read by num2words' Indonesian converter, letters by their Indonesian
names, so espeak-ng's Indonesian voice never has to guess."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from config.display import (
    DEFAULT_CALL_SENTENCE,
    DEFAULT_GROUP_SENTENCE,
    DEFAULT_RECALL_SENTENCE,
    VoiceSettings,
)
from speech.words import spoken_name, spoken_ticket


@dataclass(frozen=True)
class Wording:
    """The configurable part of the sentence."""

    call_sentence: str = DEFAULT_CALL_SENTENCE
    recall_sentence: str = DEFAULT_RECALL_SENTENCE
    group_sentence: str = DEFAULT_GROUP_SENTENCE
    repeat: int = 1
    read_digits: bool = False
    pronounce: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, voice: VoiceSettings) -> Wording:
        return cls(
            call_sentence=voice.call_sentence,
            recall_sentence=voice.recall_sentence,
            group_sentence=voice.group_sentence,
            repeat=voice.repeat,
            read_digits=voice.read_digits,
            pronounce=dict(voice.pronounce),
        )


def announcement_sentence(
    number: str, counter: str, kind: str = "call", wording: Wording | None = None
) -> str:
    """The whole text handed to the speech engine for one call or recall."""
    wording = wording or Wording()
    template = wording.recall_sentence if kind == "recall" else wording.call_sentence
    sentence = template.format(
        number=spoken_ticket(number, wording.read_digits),
        counter=spoken_name(counter, wording.pronounce),
    )
    return _finish(sentence, wording)


class Announced(Protocol):
    """What a sentence needs of a call (display.core.board.Call has it), read-only."""

    @property
    def number(self) -> str: ...
    @property
    def counter_name(self) -> str: ...
    @property
    def kind(self) -> str: ...


def group_item(number: str, counter: str, wording: Wording) -> str:
    """One call inside a group: 'a dua belas ke loket tiga', as a hall says it in a hurry."""
    ticket = spoken_ticket(number, wording.read_digits)
    return f"{ticket} ke {spoken_name(counter, wording.pronounce)}"


def calls_sentence(calls: Sequence[Announced], wording: Wording | None = None) -> str:
    """The text for calls spoken together after one chime: one call gets its own sentence;
    several share one "Nomor antrean", each number said with its counter, one short sentence
    each ("ke" and a full stop: measured the shortest clear form, 22 calls in 57 s at 135 words
    a minute where commas took 69 s). A recall in a group is said like a call."""
    wording = wording or Wording()
    if len(calls) == 1:
        call = calls[0]
        return announcement_sentence(call.number, call.counter_name, call.kind, wording)
    items = ". ".join(group_item(c.number, c.counter_name, wording) for c in calls)
    return _finish(wording.group_sentence.format(calls=items), wording)


def _finish(sentence: str, wording: Wording) -> str:
    sentence = sentence.rstrip(" .") + "."
    return " ".join([sentence] * max(1, wording.repeat))

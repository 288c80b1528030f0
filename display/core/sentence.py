"""What the announcer says, as pure functions: "Nomor antrean, a dua belas, silakan menuju,
loket tiga", or for calls spoken together "Nomor antrean, a dua belas ke loket tiga. be lima
ke loket tujuh". Numbers are read by num2words' Indonesian converter, letters by their Indonesian
names, so espeak-ng's Indonesian voice never has to guess."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from num2words import num2words

from config.display import (
    DEFAULT_CALL_SENTENCE,
    DEFAULT_GROUP_SENTENCE,
    DEFAULT_RECALL_SENTENCE,
    VoiceSettings,
)

# How Indonesians spell letters aloud ("KTP" is "ka te pe").
LETTER_NAMES = {
    "A": "a", "B": "be", "C": "ce", "D": "de", "E": "e", "F": "ef", "G": "ge", "H": "ha",
    "I": "i", "J": "je", "K": "ka", "L": "el", "M": "em", "N": "en", "O": "o", "P": "pe",
    "Q": "ki", "R": "er", "S": "es", "T": "te", "U": "u", "V": "fe", "W": "we", "X": "eks",
    "Y": "ye", "Z": "zet",
}  # fmt: skip
DIGIT_NAMES = tuple(num2words(digit, lang="id") for digit in range(10))
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_TICKET = re.compile(r"^\s*([A-Za-z]+)\s*-?\s*(\d+)\s*$")
_VOWELS = set("AEIOU")
# Capitalised words up to this length are acronyms and are spelled (BPJS, PDAM, KTP).
_ACRONYM_MAX_LETTERS = 4


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


def spoken_number(value: int) -> str:
    """12 -> 'dua belas', 1000 -> 'seribu'."""
    return str(num2words(value, lang="id"))  # num2words ships no types


def spoken_digits(digits: str) -> str:
    """'012' -> 'nol satu dua'."""
    return " ".join(DIGIT_NAMES[int(digit)] for digit in digits)


def spell(letters: str) -> str:
    """'BPJS' -> 'be pe je es'."""
    return " ".join(LETTER_NAMES.get(letter.upper(), letter.lower()) for letter in letters)


def _is_acronym(word: str) -> bool:
    if not word.isupper():
        return len(word) == 1
    return len(word) <= _ACRONYM_MAX_LETTERS or not (set(word) & _VOWELS)


def spoken_word(word: str, pronounce: Mapping[str, str] | None = None) -> str:
    """One word of a counter name: a number in words, an acronym spelled, else the word."""
    pronounce = pronounce or {}
    for key, said in pronounce.items():
        if key.casefold() == word.casefold():
            return said
    if word.isdigit():
        return spoken_number(int(word))
    if _is_acronym(word):
        return spell(word)
    return word.lower()


def spoken_ticket(number: str, read_digits: bool = False) -> str:
    """'A-012' -> 'a dua belas' (or 'a nol satu dua' when reading digits one by one)."""
    match = _TICKET.match(number)
    if not match:
        return spoken_name(number)
    letters, digits = match.groups()
    said_digits = spoken_digits(digits) if read_digits else spoken_number(int(digits))
    return f"{spell(letters)} {said_digits}"


def spoken_name(name: str, pronounce: Mapping[str, str] | None = None) -> str:
    """'Loket 3' -> 'loket tiga'; 'Loket 12A' -> 'loket dua belas a'; 'BPJS 2' -> 'be pe je es
    dua'. Punctuation is dropped."""
    return " ".join(spoken_word(token, pronounce) for token in _TOKEN.findall(name))


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

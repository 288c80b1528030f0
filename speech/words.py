"""How the Indonesian voice says numbers, letters and names, so espeak-ng never has to guess:
numbers by num2words' Indonesian converter ("dua belas"), letters by their Indonesian names
("KTP" is "ka te pe"), ticket numbers as "a dua belas". Shared by the hall's announcements
(display.core.sentence) and the kiosk's voice guidance (kiosk.core.guidance)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from num2words import num2words

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


# Signs the kiosk's written sentences use, said in words ("± 20 menit": "sekitar 20 menit").
_SIGNS = {"id": {"±": "sekitar", "·": ",", "—": ",", "…": "."}, "en": {"±": "about"}}
_SIGNS["en"] = {**_SIGNS["id"], **_SIGNS["en"]}


def speakable(text: str, language: str = "id") -> str:
    """A written sentence made ready for the voice, keeping its punctuation: numbers in words,
    acronyms spelled, signs said ("KTP Elektronik · ± 20 menit" -> "ka te pe elektronik ,
    sekitar dua puluh menit"). English keeps its words and lets espeak-ng read numbers."""
    for sign, said in _SIGNS.get(language, _SIGNS["id"]).items():
        text = text.replace(sign, f" {said} ")
    text = text.replace("\n", ". ")
    if language == "id":
        text = _TOKEN.sub(lambda match: spoken_word(match.group()), text)
    return re.sub(r"\s+", " ", re.sub(r"\s+([,.])", r"\1", text)).strip()


def spoken_ticket_in(number: str, language: str = "id") -> str:
    """A ticket number said in the citizen's language: 'A-012' -> 'a dua belas' or 'A 12'."""
    if language == "id":
        return spoken_ticket(number)
    match = _TICKET.match(number)
    return f"{match.group(1)} {int(match.group(2))}" if match else number

"""The announcer's sentence: Indonesian numbers, letter names, counter names, wording."""

import pytest

from display.core.sentence import Wording, announcement_sentence
from speech.words import LETTER_NAMES, spoken_name, spoken_number, spoken_ticket

_UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _reference(n: int) -> str:
    """An independent reading of 0-9999 by the school rules (se- for one, belas, puluh, ...)."""
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return "sepuluh" if n == 10 else "sebelas" if n == 11 else f"{_UNITS[n - 10]} belas"
    parts = []
    for size, word in ((1000, "ribu"), (100, "ratus")):
        count, n = divmod(n, size)
        if count:
            parts.append(f"se{word}" if count == 1 else f"{_UNITS[count]} {word}")
    tens, units = divmod(n, 10)
    if n >= 20:
        parts.append(f"{_UNITS[tens]} puluh")
        if units:
            parts.append(_UNITS[units])
    elif n:
        parts.append(_reference(n))
    return " ".join(parts)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (7, "tujuh"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (55, "lima puluh lima"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (115, "seratus lima belas"),
        (200, "dua ratus"),
        (250, "dua ratus lima puluh"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1011, "seribu sebelas"),
        (1100, "seribu seratus"),
        (1999, "seribu sembilan ratus sembilan puluh sembilan"),
        (2000, "dua ribu"),
        (2026, "dua ribu dua puluh enam"),
        (5005, "lima ribu lima"),
        (9999, "sembilan ribu sembilan ratus sembilan puluh sembilan"),
    ],
)
def test_numbers_in_indonesian_words(number, words):
    """Hand-checked numbers read as an Indonesian says them."""
    assert spoken_number(number) == words


def test_every_number_up_to_9999_matches_the_school_rules():
    """All of 0-9999 agree with an independent implementation of the reading rules."""
    wrong = [n for n in range(10000) if spoken_number(n) != _reference(n)]
    assert wrong == []


@pytest.mark.parametrize(
    ("letter", "name"),
    [("A", "a"), ("B", "be"), ("C", "ce"), ("F", "ef"), ("H", "ha"), ("J", "je"), ("K", "ka"),
     ("L", "el"), ("Q", "ki"), ("R", "er"), ("S", "es"), ("V", "fe"), ("W", "we"), ("X", "eks"),
     ("Y", "ye"), ("Z", "zet")],
)  # fmt: skip
def test_letters_by_their_indonesian_names(letter, name):
    """Ticket letters are spoken by their Indonesian names."""
    assert spoken_ticket(f"{letter}-001") == f"{name} satu"


def test_every_letter_has_a_name():
    """All 26 letters can be spoken."""
    assert sorted(LETTER_NAMES) == [chr(c) for c in range(ord("A"), ord("Z") + 1)]


@pytest.mark.parametrize(
    ("ticket", "natural", "digits"),
    [
        ("A-012", "a dua belas", "a nol satu dua"),
        ("A-001", "a satu", "a nol nol satu"),
        ("B-100", "be seratus", "be satu nol nol"),
        ("J-1000", "je seribu", "je satu nol nol nol"),
        ("AB-007", "a be tujuh", "a be nol nol tujuh"),
        ("K011", "ka sebelas", "ka nol satu satu"),
        ("A-000", "a nol", "a nol nol nol"),
    ],
)
def test_ticket_numbers_natural_and_digit_by_digit(ticket, natural, digits):
    """Ticket numbers drop leading zeros, or are read digit by digit when configured."""
    assert spoken_ticket(ticket) == natural
    assert spoken_ticket(ticket, read_digits=True) == digits


@pytest.mark.parametrize(
    ("counter", "said"),
    [
        ("Loket 3", "loket tiga"),
        ("Loket 03", "loket tiga"),
        ("Loket 12", "loket dua belas"),
        ("Loket 21", "loket dua puluh satu"),
        ("Loket 12A", "loket dua belas a"),
        ("Loket BPJS 2", "loket be pe je es dua"),
        ("Meja Informasi", "meja informasi"),
        ("Ruang DPMPTSP-1", "ruang de pe em pe te es pe satu"),
        ("SAMSAT Keliling", "samsat keliling"),
    ],
)
def test_counter_names_spoken_naturally(counter, said):
    """Counter names: numbers in words, acronyms spelled, words as they are."""
    assert spoken_name(counter) == said


def test_pronunciation_overrides_win():
    """A configured pronunciation replaces the automatic reading of that word."""
    assert spoken_name("Loket PDAM", {"pdam": "pe de a em"}) == "loket pe de a em"
    assert spoken_name("Loket KPP", {"KPP": "ka pe pe pratama"}) == "loket ka pe pe pratama"


def test_default_call_sentence():
    """The default call sentence names the number and then the counter."""
    assert (
        announcement_sentence("A-012", "Loket 3")
        == "Nomor antrean, a dua belas, silakan menuju, loket tiga."
    )


def test_recall_uses_its_own_wording():
    """A recall says that it is a repeated call."""
    said = announcement_sentence("A-012", "Loket 3", kind="recall")
    assert said.startswith("Panggilan ulang.")
    assert "a dua belas" in said and "loket tiga" in said


def test_custom_wording_repeat_and_digits():
    """Wording, repeat count and digit reading come from the settings."""
    wording = Wording(call_sentence="Antrian {number}, ke {counter}", repeat=2, read_digits=True)
    said = announcement_sentence("C-105", "Loket 4", wording=wording)
    once = "Antrian ce satu nol lima, ke loket empat."
    assert said == f"{once} {once}"

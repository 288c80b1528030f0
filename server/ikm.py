"""The Indeks Kepuasan Masyarakat as Permenpan RB No. 14/2017 computes it (pure functions).

Nine fixed unsur, each answered 1-4. Per unsur the NRR (nilai rata-rata) is the sum of the values
divided by the respondents who answered it; the IKM is the weighted sum of the nine NRR times 25.
The regulation weights each unsur "1/9 = 0,11"; `ikm` uses the exact 1/9, `ikm_0_11` the rounded
0,11 (whose maximum is 99, not 100), so a report can show both. The mutu (A-D) comes from the
regulation's interval table on the konversi value (the IKM, 25-100) rounded to two decimals, so
the table's gaps (2,5996 / 2,60, 3,064 / 3,0644) never leave a value without a band.
The Krejcie-Morgan minimum sample tells whether a period had enough respondents.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

UNSUR: tuple[str, ...] = ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
VALUES: tuple[int, ...] = (1, 2, 3, 4)
EXACT_WEIGHT = 1 / len(UNSUR)
ROUNDED_WEIGHT = 0.11  # as the regulation writes 1/9
KONVERSI = 25


@dataclass(frozen=True)
class Band:
    """One row of the regulation's table: nilai persepsi, interval (NRR), konversi (IKM)."""

    persepsi: int
    nrr_low: str
    nrr_high: str
    ikm_low: float
    ikm_high: float
    mutu: str
    kinerja: str  # the regulation's words, kept in Indonesian in the API


# Permenpan RB 14/2017, Lampiran, "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu
# Pelayanan dan Kinerja Unit Pelayanan".
BANDS: tuple[Band, ...] = (
    Band(1, "1,00", "2,5996", 25.00, 64.99, "D", "Tidak Baik"),
    Band(2, "2,60", "3,064", 65.00, 76.60, "C", "Kurang Baik"),
    Band(3, "3,0644", "3,532", 76.61, 88.30, "B", "Baik"),
    Band(4, "3,5324", "4,00", 88.31, 100.00, "A", "Sangat Baik"),
)


def round_half_up(value: float, places: int = 2) -> float:
    """Rounding as people do on paper (76,605 -> 76,61), not Python's banker's rounding."""
    return _half_up(Decimal(repr(value)), places)


def nrr(responses: Iterable[Mapping[str, int | None]]) -> dict[str, float | None]:
    """NRR per unsur: the sum of the values given / the respondents who answered that unsur
    (None for an unsur nobody answered)."""
    sums = dict.fromkeys(UNSUR, 0)
    counts = dict.fromkeys(UNSUR, 0)
    for answers in responses:
        for unsur in UNSUR:
            value = answers.get(unsur)
            if value is None:
                continue
            if value not in VALUES:
                raise ValueError(f"{unsur}: {value} is not one of {VALUES}")
            sums[unsur] += value
            counts[unsur] += 1
    return {u: (sums[u] / counts[u] if counts[u] else None) for u in UNSUR}


def ikm(nrr_values: Mapping[str, float | None], weight: float = EXACT_WEIGHT) -> float | None:
    """IKM = sum(NRR x weight) x 25, rounded to two decimals; None unless all nine have an NRR.

    Computed in decimal (the exact 1/9 as a division), so 22,5 x 0,11 x 25 = 61,875 rounds to
    61,88 as on paper, not to the 61,87 of binary floating point."""
    values = [nrr_values.get(u) for u in UNSUR]
    present = [Decimal(repr(v)) for v in values if v is not None]
    if len(present) != len(UNSUR):
        return None
    total = sum(present, Decimal(0))
    weighted = total / len(UNSUR) if weight == EXACT_WEIGHT else total * Decimal(repr(weight))
    return _half_up(weighted * KONVERSI)


def _half_up(value: Decimal, places: int = 2) -> float:
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def band(ikm_value: float) -> Band:
    """The row of the table an IKM (25-100, read to two decimals) falls in."""
    value = round_half_up(ikm_value)
    for row in BANDS:
        if value <= row.ikm_high:
            return row
    return BANDS[-1]


def lowest(nrr_values: Mapping[str, float | None]) -> str | None:
    """The unsur with the lowest NRR (the first to improve); ties go to the first unsur."""
    scored = [(v, i, u) for i, u in enumerate(UNSUR) if (v := nrr_values.get(u)) is not None]
    return min(scored)[2] if scored else None


# Krejcie & Morgan (1970): chi-square for 1 degree of freedom at 95%, P = 0.5, d = 0.05.
CHI_SQUARE = 3.841
PROPORTION = 0.5
MARGIN = 0.05


def minimum_sample(population: int) -> int:
    """The Krejcie-Morgan minimum sample for a population, rounded to the nearest whole number
    as their published table is (100 -> 79,5 -> 80; 1000 -> 277,7 -> 278; 50 -> 44,3 -> 44)."""
    if population <= 0:
        return 0
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    size = spread * population / (MARGIN**2 * (population - 1) + spread)
    return min(population, math.floor(size + 0.5))


@dataclass(frozen=True)
class Figures:
    """The survey figures of one group of responses."""

    respondents: int
    nrr: dict[str, float | None]
    ikm: float | None
    ikm_0_11: float | None
    band: Band | None


def figures(responses: Iterable[Mapping[str, int | None]]) -> Figures:
    """Respondents, NRR, both IKM and the band of a group of responses."""
    rows = list(responses)
    values = nrr(rows)
    exact = ikm(values)
    return Figures(
        respondents=len(rows),
        nrr=values,
        ikm=exact,
        ikm_0_11=ikm(values, ROUNDED_WEIGHT),
        band=band(exact) if exact is not None else None,
    )

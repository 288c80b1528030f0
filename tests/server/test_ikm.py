"""The IKM of Permenpan RB 14/2017 (server/ikm.py) against hand-worked examples, the band
edges of the regulation's table, the Krejcie-Morgan table, and properties: the IKM always lies
in 25-100 and never falls when one answer rises."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server import ikm

U = ikm.UNSUR


def same(value: int) -> dict[str, int]:
    return dict.fromkeys(U, value)


def test_nrr_is_the_sum_over_those_who_answered():
    """Three respondents; U1 answered by all (4+3+2 = 9 / 3 = 3.0), U2 by two (4+3 / 2)."""
    rows = [
        {**same(4), "U2": 4},
        {**same(3), "U2": None},
        {**same(2), "U2": 3},
    ]
    values = ikm.nrr(rows)
    assert values["U1"] == 3.0
    assert values["U2"] == 3.5
    assert ikm.nrr([]) == dict.fromkeys(U, None)


def test_a_value_outside_the_scale_is_refused():
    with pytest.raises(ValueError):
        ikm.nrr([same(5)])


# Hand-worked, one per mutu band. NRR listed per unsur, IKM = mean(NRR) x 25 with 1/9, and
# with 0,11: sum(NRR) x 0,11 x 25.
@pytest.mark.parametrize(
    ("rows", "exact", "rounded", "mutu", "kinerja"),
    [
        # all answer 4: NRR 4 everywhere -> 4 x 25 = 100; 36 x 0.11 x 25 = 99
        ([same(4)] * 3, 100.0, 99.0, "A", "Sangat Baik"),
        # two respondents, 4 and 3 everywhere: NRR 3.5 -> 87.5 (B); 31.5 x 2.75 = 86.625 -> 86.63
        ([same(4), same(3)], 87.5, 86.63, "B", "Baik"),
        # everyone 3: NRR 3 -> 75 (C); 27 x 2.75 = 74.25
        ([same(3)] * 4, 75.0, 74.25, "C", "Kurang Baik"),
        # 2 and 3 alternating over two respondents: NRR 2.5 -> 62.5 (D); 22.5 x 2.75 = 61.875
        ([same(2), same(3)], 62.5, 61.88, "D", "Tidak Baik"),
        # everyone 1: the floor, 25 (D); 9 x 2.75 = 24.75
        ([same(1)], 25.0, 24.75, "D", "Tidak Baik"),
    ],
)
def test_hand_worked_examples(rows, exact, rounded, mutu, kinerja):
    got = ikm.figures(rows)
    assert got.respondents == len(rows)
    assert got.ikm == exact
    assert got.ikm_0_11 == rounded
    assert (got.band.mutu, got.band.kinerja) == (mutu, kinerja)


def test_a_mixed_example_worked_by_hand():
    """Four respondents. U1: 4,4,3,3 = 14/4 = 3.5; U2..U8: 3 each = 3.0; U9: 2,2,2,3 = 9/4 =
    2.25. Sum of NRR = 3.5 + 7 x 3 + 2.25 = 26.75; / 9 = 2.97222 -> x 25 = 74.31 (C); with
    0,11: 26.75 x 0.11 x 25 = 73.5625 -> 73.56. The lowest unsur is U9."""
    rows = []
    for u1, u9 in ((4, 2), (4, 2), (3, 2), (3, 3)):
        rows.append({**same(3), "U1": u1, "U9": u9})
    got = ikm.figures(rows)
    assert got.nrr["U1"] == 3.5 and got.nrr["U9"] == 2.25
    assert got.ikm == 74.31
    assert got.ikm_0_11 == 73.56
    assert got.band.mutu == "C"
    assert ikm.lowest(got.nrr) == "U9"


@pytest.mark.parametrize(
    ("value", "mutu"),
    [
        (25.00, "D"),
        (64.99, "D"),
        (64.994, "D"),  # reads as 64,99
        (64.995, "C"),  # reads as 65,00: the table's gap 2,5996 / 2,60 has no hole
        (65.00, "C"),
        (76.60, "C"),
        (76.604, "C"),
        (76.605, "B"),  # 76,61
        (76.61, "B"),
        (88.30, "B"),
        (88.31, "A"),
        (100.00, "A"),
    ],
)
def test_band_edges_of_the_regulations_table(value, mutu):
    assert ikm.band(value).mutu == mutu


def test_the_table_is_the_regulations():
    """Nilai persepsi 1-4 with the NI and NIK intervals of Permenpan RB 14/2017."""
    rows = [(b.persepsi, b.nrr_low, b.nrr_high, b.ikm_low, b.ikm_high, b.mutu) for b in ikm.BANDS]
    assert rows == [
        (1, "1,00", "2,5996", 25.00, 64.99, "D"),
        (2, "2,60", "3,064", 65.00, 76.60, "C"),
        (3, "3,0644", "3,532", 76.61, 88.30, "B"),
        (4, "3,5324", "4,00", 88.31, 100.00, "A"),
    ]


def test_an_unsur_nobody_answered_leaves_no_ikm():
    assert ikm.ikm({**dict.fromkeys(U, 3.0), "U4": None}) is None


@pytest.mark.parametrize(
    ("population", "sample"),
    # Krejcie & Morgan (1970), Table 1
    [(10, 10), (50, 44), (100, 80), (200, 132), (500, 217), (1000, 278), (2000, 322),
     (5000, 357), (10000, 370), (1000000, 384), (1, 1), (0, 0)],
)  # fmt: skip
def test_krejcie_morgan_minimum_sample(population, sample):
    assert ikm.minimum_sample(population) == sample


answers = st.fixed_dictionaries({u: st.integers(1, 4) for u in U})


@given(st.lists(answers, min_size=1, max_size=30))
def test_ikm_lies_between_25_and_100(rows):
    got = ikm.figures(rows)
    assert 25.0 <= got.ikm <= 100.0
    assert 24.75 <= got.ikm_0_11 <= 99.0
    assert got.band.ikm_low <= round(got.ikm, 2) <= got.band.ikm_high


@given(st.lists(answers, min_size=1, max_size=30), st.data())
def test_ikm_never_falls_when_one_answer_rises(rows, data):
    index = data.draw(st.integers(0, len(rows) - 1))
    unsur = data.draw(st.sampled_from(U))
    if rows[index][unsur] == 4:
        return
    better = [dict(r) for r in rows]
    better[index][unsur] += 1
    before, after = ikm.figures(rows), ikm.figures(better)
    assert after.ikm >= before.ikm
    assert after.ikm_0_11 >= before.ikm_0_11
    assert "ABCD".index(after.band.mutu) <= "ABCD".index(before.band.mutu)

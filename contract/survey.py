"""The Survei Kepuasan Masyarakat (Permenpan RB 14/2017): `GET|POST /survey/{tracking_code}`,
`POST /survey/{tracking_code}/rating` and `GET /reports/ikm`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, Strict

from contract.base import Answer, Body

Value = Annotated[int, Strict(), Field(ge=1, le=4)]
Unsur = Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
Mutu = Literal["A", "B", "C", "D"]
Kinerja = Literal["Sangat Baik", "Baik", "Kurang Baik", "Tidak Baik"]

# The optional fields of the regulation's form, as codes (the pages show them in words).
Gender = Literal["laki_laki", "perempuan"]
AgeGroup = Literal["under_20", "20_29", "30_39", "40_49", "50_59", "60_plus"]
Education = Literal["sd", "smp", "sma", "diploma", "s1", "s2_plus"]
Occupation = Literal["pns", "tni", "polri", "swasta", "wirausaha", "pelajar", "lainnya"]


class SurveyOption(Answer):
    value: int = Field(ge=1, le=4)
    label: str


class SurveyQuestion(Answer):
    unsur: Unsur
    title: str
    question: str
    options: list[SurveyOption]


class SurveyState(Answer):
    """Whether this ticket may answer now, and the nine questions in the asker's language."""

    open: bool
    reason: Literal["not_served", "already_answered"] | None
    questions: list[SurveyQuestion]


class SurveyAnswers(Body):
    """All nine unsur, each 1-4 (a missing one or another value is a 422)."""

    U1: Value
    U2: Value
    U3: Value
    U4: Value
    U5: Value
    U6: Value
    U7: Value
    U8: Value
    U9: Value


class Respondent(Body):
    """The optional profile of the standard form; nothing that identifies the citizen."""

    gender: Gender | None = None
    age_group: AgeGroup | None = None
    education: Education | None = None
    occupation: Occupation | None = None


class SurveyIn(Body):
    answers: SurveyAnswers
    respondent: Respondent = Field(default_factory=Respondent)
    suggestion: str | None = Field(default=None, max_length=1000)


class QuickRatingIn(Body):
    """The four faces: 1 (sad) to 4 (very happy), kept apart from the IKM."""

    face: Value


class IkmService(Answer):
    code: str
    respondents: int = Field(ge=0)
    nrr: dict[Unsur, float | None]
    ikm: float | None
    mutu: Mutu | None


class IkmReport(Answer):
    """`ikm` weights each unsur by the exact 1/9, `ikm_0_11` by the regulation's rounded 0,11.
    With no respondents the figures are null."""

    respondents: int = Field(ge=0)
    population: int = Field(ge=0)
    minimum_respondents: int = Field(ge=0)
    nrr: dict[Unsur, float | None]
    ikm: float | None
    ikm_0_11: float | None
    mutu: Mutu | None
    kinerja: Kinerja | None
    services: list[IkmService]

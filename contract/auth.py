"""Health and staff login."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from contract.base import Answer, Body, Id, StrictStr, Timestamp

Role = Literal["operator", "admin"]


class Health(Answer):
    status: str
    version: str
    time: Timestamp


class Me(Answer):
    username: str
    role: Role
    counters: list[Id]


class LoginIn(Body):
    username: StrictStr = Field(min_length=1, max_length=64)
    password: StrictStr = Field(min_length=1, max_length=256)


class LoginAnswer(Answer):
    token: str
    expires_at: Timestamp
    user: Me

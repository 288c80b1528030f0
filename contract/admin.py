"""`/admin/...`: the bodies the admin sends and the rows it gets back."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, field_validator

from contract.auth import Role
from contract.base import (
    MAX_ID,
    Answer,
    Body,
    Count,
    DateText,
    Id,
    StrictBool,
    StrictStr,
    Timestamp,
)
from contract.counters import CounterStatus

# The longest cutoff a service may have (the same bound as config.server's, which checks
# server.toml: the contract imports nothing of ours).
MAX_CUTOFF_MINUTES = 240
MAX_HOLIDAYS = 366
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")

Name = Annotated[StrictStr, Field(min_length=1, max_length=120)]
CounterIds = Annotated[list[Annotated[Count, Field(ge=1, le=MAX_ID)]], Field(max_length=200)]
ServiceCodes = Annotated[
    list[Annotated[StrictStr, Field(min_length=1, max_length=8)]], Field(max_length=100)
]
Span = Annotated[StrictStr, Field(pattern=_SPAN.pattern, examples=["08:00-15:00"])]


class WeekHours(Body):
    """Opening hours per weekday, e.g. `{"mon": "08:00-15:00"}`; a day left out is closed."""

    model_config = ConfigDict(extra="forbid")

    mon: Span | None = None
    tue: Span | None = None
    wed: Span | None = None
    thu: Span | None = None
    fri: Span | None = None
    sat: Span | None = None
    sun: Span | None = None

    @field_validator(*WEEKDAYS)
    @classmethod
    def _ordered(cls, value: str | None) -> str | None:
        if value is not None:
            h1, m1, h2, m2 = (int(p) for p in _SPAN.match(value).groups())  # type: ignore[union-attr]
            if h2 == 24 and m2 != 0:
                raise ValueError("24 only as 24:00")
            if (h2, m2) <= (h1, m1):
                raise ValueError("the end must come after the start")
        return value


class AgencyIn(Body):
    name: Name
    short_name: StrictStr = Field(default="", max_length=40)


class AgencyPatch(Body):
    name: Name | None = None
    short_name: StrictStr | None = Field(default=None, max_length=40)


class ServiceIn(Body):
    code: StrictStr = Field(pattern=r"^[A-Z]{1,2}$")
    name: Name
    agency: Name
    daily_quota: Count | None = Field(default=None, ge=1, le=9999)
    hours: WeekHours | None = None
    enabled: StrictBool = True


class ServicePatch(Body):
    name: Name | None = None
    agency: Name | None = None
    daily_quota: Count | None = Field(default=None, ge=1, le=9999)
    hours: WeekHours | None = None
    enabled: StrictBool | None = None


class CounterIn(Body):
    name: StrictStr = Field(min_length=1, max_length=60)
    services: ServiceCodes


class CounterPatch(Body):
    name: StrictStr | None = Field(default=None, min_length=1, max_length=60)
    services: ServiceCodes | None = None


class UserIn(Body):
    username: StrictStr = Field(pattern=r"^[a-z0-9_.-]{3,40}$")
    password: StrictStr = Field(min_length=8, max_length=200)
    role: Role
    counters: CounterIds = Field(default_factory=list)


class UserPatch(Body):
    password: StrictStr | None = Field(default=None, min_length=8, max_length=200)
    role: Role | None = None
    active: StrictBool | None = None
    counters: CounterIds | None = None


DeviceKind = Literal["kiosk", "display"]
DeviceName = Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_.-]{1,60}$")]


class DeviceIn(Body):
    name: DeviceName
    kind: DeviceKind


class DevicePatch(Body):
    name: DeviceName | None = None
    active: StrictBool | None = None
    new_token: StrictBool = Field(default=False, description="Issue a new token (shown once)")


def _date_text(value: object) -> object:
    # Only "YYYY-MM-DD" (or a date): pydantic would also read a number as a Unix time.
    if not isinstance(value, dt.date) and not (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        raise ValueError("a date as YYYY-MM-DD")
    return value


Day = Annotated[dt.date, BeforeValidator(_date_text)]


class SettingsPatch(Body):
    marquee: StrictStr | None = Field(default=None, max_length=500)
    priority_streak_limit: Count | None = Field(default=None, ge=1, le=100)
    no_show_after_calls: Count | None = Field(default=None, ge=1, le=20)
    cutoff_minutes: Count | None = Field(
        default=None,
        ge=0,
        le=MAX_CUTOFF_MINUTES,
        description="No new tickets this long before closing",
    )
    holidays: list[Day] | None = Field(
        default=None,
        max_length=MAX_HOLIDAYS,
        description="Every service is closed on these dates (the whole list is replaced)",
    )


# ---- answers ----
class Agency(Answer):
    id: Id
    name: str
    short_name: str | None


class ServiceRow(Answer):
    id: Id
    code: str
    name: str
    agency: str
    daily_quota: int | None
    hours: dict[str, str] | None
    enabled: bool
    site_id: Id = Field(default=1, description="The site it belongs to (1: the first)")


class CounterRow(Answer):
    id: Id
    name: str
    status: CounterStatus
    services: list[str]
    site_id: Id = Field(default=1, description="The site it belongs to (1: the first)")


class User(Answer):
    id: Id
    username: str
    role: Role
    active: bool
    counters: list[Id]
    site_id: Id | None = Field(default=1, description="Its site; null: a user of every site")


class Device(Answer):
    id: Id
    name: str
    kind: DeviceKind
    site_id: Id = Field(default=1, description="The site it belongs to (1: the first)")
    active: bool
    last_seen: Timestamp | None
    last_status: dict[str, Any] | None
    token: str | None = Field(default=None, description="Only when created or renewed: shown once")
    # The device-health rule's verdict (server/devices.py), in the list only.
    level: Literal["ok", "warn", "bad", "off"] | None = Field(
        default=None,
        description="ok; warn: never seen, paper low, audio; bad: offline, paper out, printer "
        "offline; off: deactivated or revoked",
    )
    problem: str | None = Field(default=None, description="What to notice, as a stable code")
    seen_minutes: int | None = Field(default=None, description="Minutes since the last heartbeat")
    revoked_at: Timestamp | None = Field(
        default=None, description="When its token was revoked: it must pair again"
    )


class Settings(Answer):
    marquee: str
    priority_streak_limit: int
    no_show_after_calls: int
    cutoff_minutes: int
    holidays: list[DateText]

"""The building blocks of every body: answers ignore fields they do not know (a newer server
may add some), request bodies take strict scalars (a boolean is not a number)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict

# Ids in paths and bodies: bounded, so a huge number is a 422, never an SQLite overflow.
MAX_ID = 2**53


class Answer(BaseModel):
    """A body the server sends, read by attribute (`ticket.number`). Unknown fields are
    ignored when a client reads it."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Body(BaseModel):
    """A body a client sends. Unknown keys are ignored, as the server always did."""

    model_config = ConfigDict(extra="ignore")


def _iso_time(value: str) -> str:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("an ISO 8601 date and time") from None
    if parsed.tzinfo is None:
        raise ValueError("an ISO 8601 date and time with its offset")
    return value


def _iso_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("a date as YYYY-MM-DD") from None
    return value


# Times travel as the text the server wrote (ISO 8601 with offset, e.g.
# "2026-11-30T09:00:00.190+07:00"): kept as text so an answer passes through unchanged.
Timestamp = Annotated[
    str, AfterValidator(_iso_time), Field(json_schema_extra={"format": "date-time"})
]
DateText = Annotated[str, AfterValidator(_iso_date), Field(json_schema_extra={"format": "date"})]

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
StrictId = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
StrictBool = Annotated[bool, Strict()]
StrictStr = Annotated[str, Strict()]


def _not_bool(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("a number, not true or false")
    return value


# A whole number that is never a boolean (`{"cutoff_minutes": false}` is refused, not 0). The
# admin pages pass form text ("20") through the same models, so digit text is still read.
Count = Annotated[int, BeforeValidator(_not_bool)]


class Ok(Answer):
    """`{"ok": true}`."""

    ok: bool

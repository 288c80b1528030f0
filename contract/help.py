"""Help calls: a kiosk or a citizen's phone asks the information desk for a person to come.

`POST /help` (a kiosk's token, or `{"tracking_code": ...}` from the tracking page) answers the
call; `GET /help` lists the open ones for the desk; `POST /help/{id}/done` closes one.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from contract.base import Answer, Body, StrictStr, Timestamp


class HelpIn(Body):
    """`{}` from a kiosk (its token says which), `{"tracking_code": "..."}` from a phone."""

    tracking_code: Annotated[StrictStr, Field(min_length=1, max_length=64)] | None = None


class HelpCall(Answer):
    """One call for help. `id`, `status` and `created_at` are what a kiosk needs; the rest says
    where it comes from (a kiosk's name, or the ticket number of the tracking page)."""

    id: int
    status: Literal["open", "done"]
    created_at: Timestamp
    source: Literal["kiosk", "tracking"] | None = None
    kiosk: str | None = None
    ticket: str | None = None
    done_at: Timestamp | None = None

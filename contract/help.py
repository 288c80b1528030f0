"""Help calls (issue 18): a kiosk, or a citizen's phone, calls the information desk."""

from __future__ import annotations

from typing import Literal

from contract.base import Answer, Id, Timestamp


class HelpCall(Answer):
    """`POST /api/v1/help` → 201: the call the desk now sees."""

    id: Id
    status: Literal["open", "done"]
    created_at: Timestamp

"""`POST /devices/heartbeat`."""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from contract.base import Answer, Body, Timestamp


def _storable(value: dict[str, Any]) -> dict[str, Any]:
    """Free keys and values, but only what can be stored and shown again: a lone surrogate
    ("\\ud800" as a JSON escape) is not Unicode, and NaN or Infinity (which Python's JSON
    reader accepts) are not JSON; both are refused like any other bad value."""
    try:
        json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text with an unpaired surrogate (not valid Unicode)") from None
    except ValueError:
        raise ValueError("NaN or Infinity is not a JSON number") from None
    return value


class HeartbeatIn(Body):
    """`{"status": {"printer": "ok"|"paper_low"|"paper_out"|"offline"|"unknown", ...}}`."""

    status: Annotated[dict[str, Any], AfterValidator(_storable)] = Field(default_factory=dict)


class HeartbeatAnswer(Answer):
    ok: bool
    server_time: Timestamp

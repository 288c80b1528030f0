"""`POST /devices/heartbeat`; pairing a device (`/admin/devices/pairing`, `/devices/pair`)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from contract.base import Answer, Body, StrictStr, Timestamp


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


# ---- heartbeat extras: what a technician reads on the admin Devices page ----
DoctorStatus = Literal["ok", "warn", "fail", "skip"]


class DoctorCheck(Body):
    key: StrictStr = Field(max_length=60)
    label: StrictStr = Field(default="", max_length=80, description="As the device said it")
    status: DoctorStatus
    detail: StrictStr = Field(default="", max_length=300)


class DoctorSummary(Body):
    """The device's last `antrian doctor` run: when, whether it passed, the checks not ok."""

    at: Timestamp
    ok: bool
    checks: list[DoctorCheck] = Field(default_factory=list, max_length=40)


class HeartbeatIn(Body):
    """`{"status": {"printer": "ok"|"paper_low"|"paper_out"|"offline"|"unknown", ...}}`."""

    status: Annotated[dict[str, Any], AfterValidator(_storable)] = Field(default_factory=dict)
    # Optional, so an older device's `{"status": ...}` is still a heartbeat: the device's
    # version and its last `antrian doctor` run, shown on the admin Devices page.
    version: StrictStr | None = Field(default=None, max_length=40)
    doctor: DoctorSummary | None = None


class HeartbeatAnswer(Answer):
    ok: bool
    server_time: Timestamp


# ---- pairing: a one-time code instead of a copied token (server/pairing.py) ----
class PairingCodeIn(Body):
    """`POST /admin/devices/pairing`: the name and kind of the device to be paired."""

    name: Annotated[StrictStr, Field(pattern=r"^[A-Za-z0-9_.-]{1,60}$")]
    kind: Literal["kiosk", "display"]


class PairingCode(Answer):
    code: str = Field(description="8 characters as XXXX-XXXX, from ACDEFHJKMNPRTUVWXY3479")
    expires_at: Timestamp
    name: str | None = None
    kind: Literal["kiosk", "display"] | None = None


class PairIn(Body):
    """`POST /devices/pair`: the code as the technician typed it (case and dash optional)."""

    code: StrictStr = Field(min_length=1, max_length=40)


class Paired(Answer):
    token: str = Field(description="The device's token: written into its settings, never shown")
    name: str
    kind: Literal["kiosk", "display"]

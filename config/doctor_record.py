"""The device's last `antrian doctor` run, kept on disk for its heartbeat.

`antrian doctor` (and `antrian setup`, which runs it) saves a short summary here; the kiosk
and the display send it with their heartbeat, so the admin Devices page shows a technician
what the device itself found, without going to it. The folder: $ANTRIAN_STATE_DIR, else
/var/lib/antrian where it exists (the package makes it, owned by the service user), else
~/.local/state/antrian. A folder that cannot be written is skipped: a record is a help, never
a reason for a command to fail.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SYSTEM_STATE_DIR = Path("/var/lib/antrian")
MAX_CHECKS = 40  # what the heartbeat accepts (contract.devices.DoctorSummary)


def state_dir() -> Path:
    if env := os.environ.get("ANTRIAN_STATE_DIR"):
        return Path(env)
    if SYSTEM_STATE_DIR.is_dir():
        return SYSTEM_STATE_DIR
    return Path.home() / ".local" / "state" / "antrian"


def record_path(kind: str) -> Path:
    return state_dir() / f"doctor-{kind}.json"


def summary(at: str, checks: list[dict[str, Any]]) -> dict[str, Any]:
    """The heartbeat's `doctor`: when, passed (nothing failed), and each check's verdict."""
    return {
        "at": at,
        "ok": not any(check["status"] == "fail" for check in checks),
        "checks": [
            {
                "key": str(check["key"])[:60],
                "label": str(check.get("title", ""))[:80],
                "status": check["status"],
                "detail": str(check.get("detail", ""))[:300],
            }
            for check in checks[:MAX_CHECKS]
        ],
    }


def save(kind: str, record: dict[str, Any]) -> Path | None:
    path = record_path(kind)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        temporary.chmod(0o644)  # the service user reads what root's doctor run wrote
        temporary.replace(path)
    except OSError as error:
        log.info("doctor result not kept (%s): %s", path, error)
        return None
    return path


def load(kind: str) -> dict[str, Any] | None:
    """The last record, or None (never run, unreadable, or not a record)."""
    try:
        record = json.loads(record_path(kind).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and "at" in record and "checks" in record else None

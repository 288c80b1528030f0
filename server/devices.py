"""The device-health rule: what a manager must notice about a kiosk or a display.

One home for the rule, read through `Admin.device_health()` by the admin overview, the devices
page and the reports page, and by the API alike. It judges a device by its last heartbeat
(`Queue.heartbeat`): never seen, gone quiet, or reporting a printer or audio problem.
"""

from __future__ import annotations

import datetime as dt

OFFLINE_AFTER = dt.timedelta(seconds=60)  # a few missed heartbeats (kiosk 10 s, display 15 s)
PRINTER_BAD = ("offline", "paper_out")
PRINTER_WARN = ("paper_low", "unknown")
AUDIO_FINE = ("ok", "disabled", None)


def problem(device: dict, now: dt.datetime) -> tuple[str | None, str]:
    """(problem text key or None, level: "ok", "warn", "bad" or "off") of one device, as
    `Admin.devices()` shows it (`last_status` already decoded)."""
    status = device["last_status"] or {}
    seen = dt.datetime.fromisoformat(device["last_seen"]) if device["last_seen"] else None
    if not device["active"] or device.get("revoked_at"):  # off on purpose: nothing to notice
        return None, "off"
    if seen is None:
        return "device_never_seen", "warn"
    if now - seen > OFFLINE_AFTER:
        return "device_offline", "bad"
    printer = status.get("printer")
    if device["kind"] == "kiosk" and printer in PRINTER_BAD:
        return f"printer_{printer}", "bad"
    if device["kind"] == "kiosk" and printer in PRINTER_WARN:
        return f"printer_{printer}", "warn"
    if device["kind"] == "display" and status.get("audio") not in AUDIO_FINE:
        return "audio_problem", "warn"
    return None, "ok"


def health(device: dict, now: dt.datetime) -> dict:
    """The device with its health: `printer`, `audio`, `seen_minutes`, `problem`, `level`,
    and what a technician reads remotely: `version` and the last `doctor` run (the heartbeat's
    extras, contract/devices.py)."""
    status = device["last_status"] or {}
    seen = dt.datetime.fromisoformat(device["last_seen"]) if device["last_seen"] else None
    found, level = problem(device, now)
    return {
        **device,
        "printer": status.get("printer"),
        "audio": status.get("audio"),
        "version": status.get("version"),
        "doctor": status.get("doctor"),
        "seen_minutes": None if seen is None else int((now - seen).total_seconds() // 60),
        "problem": found,
        "level": level,
    }

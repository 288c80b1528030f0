"""A server file for the booking tests: the example MPP with its [booking] table and service A's
quota and slots changed as a test needs."""

from __future__ import annotations

import re
from pathlib import Path

from config.server import DEFAULT_CONFIG


def booking_config(folder: Path, *, quota: int = 150, capacity: int = 4, **booking) -> Path:
    """config/server.toml with service A's `daily_quota` and `booking_slot_capacity`, and the
    given `[booking]` keys (e.g. `max_per_client_per_hour=1000`), written into `folder`."""
    text = Path(DEFAULT_CONFIG).read_text(encoding="utf-8")
    service_a = text.index('code = "A"')
    end = text.index("[[services]]", service_a)
    block = text[service_a:end]
    block = re.sub(r"daily_quota = \d+", f"daily_quota = {quota}", block)
    block = re.sub(r"booking_slot_capacity = \d+", f"booking_slot_capacity = {capacity}", block)
    text = text[:service_a] + block + text[end:]
    for key, value in booking.items():
        rendered = str(value).lower() if isinstance(value, bool) else str(value)
        text, count = re.subn(rf"(?m)^{key} = \S+", f"{key} = {rendered}", text)
        assert count == 1, key
    path = folder / "server.toml"
    path.write_text(text, encoding="utf-8")
    return path

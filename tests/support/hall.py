"""A whole hall for the day scenario and the day benchmark: the example MPP (config/server.toml:
13 agencies, 18 services, 22 counters) with one operator per counter and tokens for every
kiosk and display, and the displays' zones of the hall.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from config.server import DEFAULT_CONFIG

OPERATOR_PASSWORD = "hall-operator-2026"


@dataclass(frozen=True)
class Hall:
    config_path: Path
    counters: list[str]  # "Loket 1" ... in the file's order
    services: dict[str, list[str]]  # counter name -> service codes it serves
    kiosk_tokens: list[str]
    display_tokens: list[str]

    def operator(self, counter: str) -> tuple[str, str]:
        return f"op-{self.counters.index(counter) + 1}", OPERATOR_PASSWORD

    def zones(self, displays: int) -> list[list[str]]:
        """The counters split into `displays` neighbouring groups, one per TV."""
        size = -(-len(self.counters) // displays)
        return [self.counters[i : i + size] for i in range(0, len(self.counters), size)]


def write_hall_config(
    folder: Path, kiosks: int = 3, displays: int = 4, quota_factor: int = 1
) -> Hall:
    """The example hall's settings up to its users, then one operator per counter and the
    devices. `quota_factor` multiplies every daily quota (a compressed day issues thousands)."""
    text = Path(DEFAULT_CONFIG).read_text(encoding="utf-8")
    text = text[: text.index("[[users]]")]
    if quota_factor != 1:
        text = re.sub(
            r"daily_quota = (\d+)", lambda m: f"daily_quota = {int(m[1]) * quota_factor}", text
        )
    counters = tomllib.loads(text)["counters"]
    names = [counter["name"] for counter in counters]
    lines = [text, '[[users]]\nusername = "admin"\npassword = "admin-hall-2026"\nrole = "admin"\n']
    for number, name in enumerate(names, start=1):
        lines.append(
            f'[[users]]\nusername = "op-{number}"\npassword = "{OPERATOR_PASSWORD}"\n'
            f'role = "operator"\ncounters = ["{name}"]\n'
        )
    kiosk_tokens = [f"hall-kiosk-{n}-token-0000" for n in range(1, kiosks + 1)]
    display_tokens = [f"hall-display-{n}-token-000" for n in range(1, displays + 1)]
    for kind, tokens in (("kiosk", kiosk_tokens), ("display", display_tokens)):
        for number, token in enumerate(tokens, start=1):
            lines.append(
                f'[[devices]]\nname = "{kind}-{number}"\nkind = "{kind}"\ntoken = "{token}"\n'
            )
    path = Path(folder) / "hall.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return Hall(
        path,
        names,
        {counter["name"]: list(counter["services"]) for counter in counters},
        kiosk_tokens,
        display_tokens,
    )

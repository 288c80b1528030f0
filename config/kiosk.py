"""The kiosk's settings file (`kiosk.toml`): server, printer, and how the touchscreen behaves."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from config.i18n import DEFAULT_LANGUAGE
from config.loader import LogoFile, ServerConnection, StrictModel, load_settings
from config.printer import PrinterSettings


class KioskOptions(StrictModel):
    """The `[kiosk]` table."""

    mpp_name: str = Field(
        default="Mal Pelayanan Publik", min_length=1, description="shown at the top of every screen"
    )
    logo: LogoFile = Field(default=None, description="PNG or SVG shown beside the name")
    language: Literal["id", "en"] = DEFAULT_LANGUAGE
    technician_pin: str = Field(
        pattern=r"^[0-9]{4,8}$", description="4 to 8 digits; opens the technician menu"
    )
    idle_seconds: float = Field(default=45, ge=10, le=600)
    done_seconds: float = Field(default=8, ge=3, le=60)
    print_failed_seconds: float = Field(default=90, ge=10, le=600)
    ticket_wait_seconds: float = Field(
        default=20,
        ge=5,
        le=60,
        description="how long a tap may wait for a slow server's ticket, asked again meanwhile",
    )
    services_poll_seconds: float = Field(default=3, ge=1, le=60)
    heartbeat_seconds: float = Field(default=10, ge=2, le=120)
    fullscreen: bool = True
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class KioskSettings(StrictModel):
    kiosk: KioskOptions
    server: ServerConnection
    printer: PrinterSettings


def load_kiosk_settings(path: Path | str) -> KioskSettings:
    return load_settings(KioskSettings, path)

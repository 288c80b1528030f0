"""The kiosk's settings file (`kiosk.toml`): server, printer, and how the touchscreen behaves."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from config.i18n import DEFAULT_LANGUAGE
from config.loader import LogoFile, ServerConnection, StrictModel, load_settings
from config.printer import PrinterSettings


class KioskVoice(StrictModel):
    """The `[kiosk.voice]` table: voice guidance for citizens who cannot see the screen
    (issue 18), through the kiosk's own speaker or headphone jack, offline (espeak-ng)."""

    enabled: bool = Field(default=True, description='offer the "Bantuan suara" button and key')
    key: str = Field(
        default="F1",
        min_length=1,
        description='the key that turns voice guidance on or off (Qt key name: "F1", "+", "*")',
    )
    voice: str = Field(default="id", description='espeak-ng voice for Indonesian ("mb-id1" too)')
    voice_en: str = Field(default="en", description="espeak-ng voice for English")
    rate: int = Field(default=130, ge=60, le=400, description="Words per minute")
    volume: float = Field(default=1.0, ge=0, le=1)
    player: list[str] = Field(
        default_factory=lambda: ["aplay", "-q"], min_length=1, description="Plays one WAV file"
    )
    double_tap_seconds: float = Field(
        default=1.2, ge=0.3, le=3, description="two taps this close together choose a button"
    )


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
    voice: KioskVoice = Field(default_factory=KioskVoice)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class KioskSettings(StrictModel):
    kiosk: KioskOptions
    server: ServerConnection
    printer: PrinterSettings


def load_kiosk_settings(path: Path | str) -> KioskSettings:
    return load_settings(KioskSettings, path)

"""Typed settings of the hall TV display (`display.toml`): server, board, zone and voice."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from config.loader import ConfigError, ServerConnection, StrictModel, load_settings

DEFAULT_CALL_SENTENCE = "Nomor antrean, {number}, silakan menuju, {counter}"
DEFAULT_RECALL_SENTENCE = "Panggilan ulang. Nomor antrean, {number}, silakan menuju, {counter}"
# Calls spoken together: {calls} is "a dua belas ke loket tiga. be lima ke loket tujuh".
DEFAULT_GROUP_SENTENCE = "Nomor antrean, {calls}"


class BoardSettings(StrictModel):
    """What the TV shows and how it talks to the server."""

    title: str = Field(
        default="Mal Pelayanan Publik", min_length=1, max_length=120, description="Header text"
    )
    logo: Path | None = Field(default=None, description="PNG or SVG shown left of the title")
    language: Literal["id", "en"] = "id"
    fullscreen: bool = True
    width: int = Field(default=1920, ge=640, le=7680, description="Window size when windowed")
    height: int = Field(default=1080, ge=480, le=4320)
    recent_calls: int = Field(default=4, ge=0, le=20, description="Earlier calls listed")
    highlight_seconds: float = Field(default=8.0, ge=0, le=120)
    slideshow_folder: Path | None = Field(default=None, description="Images shown in turn")
    slideshow_seconds: float = Field(default=10.0, ge=2, le=3600)
    poll_wait_seconds: float = Field(
        default=10.0, ge=0, le=30, description="Long-poll wait: how long the server may hold a poll"
    )
    heartbeat_seconds: float = Field(
        default=3.0,
        ge=1,
        le=600,
        description="Pause between heartbeats; with its timeout, how soon a hung server shows",
    )
    heartbeat_timeout_seconds: float = Field(
        default=4.5,
        gt=0,
        le=60,
        description="A heartbeat not answered within this has failed (a hung server)",
    )
    disconnected_after_seconds: float = Field(
        default=4.0,
        ge=0,
        le=120,
        description="Show the disconnected mark only after the server has not answered this long",
    )
    reconnect_max_seconds: float = Field(
        default=2.0,
        gt=0,
        le=60,
        description="Longest pause between attempts while away: recovery within about this",
    )
    marquee_speed: float = Field(default=120.0, ge=10, le=1000, description="Pixels per second")


class ZoneSettings(StrictModel):
    """Limit the board to some counters and/or services; both empty means the whole hall."""

    counters: list[str] = Field(default_factory=list, description='Counter names, "Loket 10"')
    services: list[str] = Field(default_factory=list, description='Service codes, "J"')


class VoiceSettings(StrictModel):
    """The announcer: chime, then the sentence spoken offline by espeak-ng through pyttsx3."""

    enabled: bool = True
    voice: str = Field(
        default="id", description='espeak-ng voice: "id", or "mb-id1" when mbrola-id1 is installed'
    )
    rate: int = Field(default=135, ge=60, le=400, description="Words per minute")
    group_size: int = Field(
        default=6,
        ge=1,
        le=10,
        description="Calls waiting for the voice spoken together after one chime; 1: never",
    )
    volume: float = Field(default=1.0, ge=0, le=1)
    repeat: int = Field(default=1, ge=1, le=3, description="How often the sentence is said")
    read_digits: bool = Field(
        default=False, description='true: "A nol satu dua"; false: "A dua belas"'
    )
    chime: str = Field(
        default="builtin", description='"builtin", a WAV file path, or "" for no chime'
    )
    player: list[str] = Field(
        default_factory=lambda: ["aplay", "-q"], min_length=1, description="Plays one WAV file"
    )
    stale_after_seconds: float = Field(
        default=120,
        ge=0,
        le=3600,
        description="Calls missed while offline older than this are shown but not spoken",
    )
    call_sentence: str = DEFAULT_CALL_SENTENCE
    recall_sentence: str = DEFAULT_RECALL_SENTENCE
    group_sentence: str = DEFAULT_GROUP_SENTENCE
    pack: Path | None = Field(
        default=None,
        description="Folder of recorded WAV clips spoken by concatenation (antrian voice pack)",
    )
    pronounce: dict[str, str] = Field(
        default_factory=dict,
        description='How to say a word of a counter name: {"PDAM" = "pe de a em"}',
    )

    @field_validator("call_sentence", "recall_sentence")
    @classmethod
    def _has_placeholders(cls, value: str) -> str:
        from config.loader import ConfigProblem  # here: the import line above stays as it was

        for name in ("{number}", "{counter}"):
            if name not in value:
                raise ConfigProblem("must_contain", name=name)
        try:
            value.format(number="", counter="")
        except (KeyError, IndexError, ValueError):
            raise ConfigProblem("only_placeholders", names="{number}, {counter}") from None
        return value

    @field_validator("group_sentence")
    @classmethod
    def _has_calls(cls, value: str) -> str:
        if "{calls}" not in value:
            raise ValueError("must contain {calls}")
        try:
            value.format(calls="")
        except (KeyError, IndexError, ValueError):
            raise ValueError("only {calls} may appear in braces") from None
        return value


class DisplayAppSettings(StrictModel):
    """The whole `display.toml`."""

    server: ServerConnection
    board: BoardSettings = Field(default_factory=BoardSettings)
    zone: ZoneSettings = Field(default_factory=ZoneSettings)
    voice: VoiceSettings = Field(default_factory=VoiceSettings)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


def load_display_settings(path: Path | str) -> DisplayAppSettings:
    """Read and validate a display.toml; relative paths in it are taken from its folder."""
    path = Path(path)
    settings = load_settings(DisplayAppSettings, path)
    board = settings.board
    updates = {}
    for key in ("logo", "slideshow_folder"):
        value = getattr(board, key)
        if value is not None and not value.is_absolute():
            updates[key] = (path.parent / value).resolve()
    if updates:
        settings = settings.model_copy(update={"board": board.model_copy(update=updates)})
    pack = settings.voice.pack
    if pack is not None:
        if not pack.is_absolute():
            pack = (path.parent / pack).resolve()
            voice = settings.voice.model_copy(update={"pack": pack})
            settings = settings.model_copy(update={"voice": voice})
        if not pack.is_dir():
            raise ConfigError(path, [f"voice.pack: folder {pack} not found"])
    return settings

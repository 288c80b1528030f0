"""The kiosk's `[printer]` table: which printer, how to reach it, and how the ticket looks.

Connection keys use python-escpos names (`type`, `host`, `port`, `devfile`, `baudrate`,
`idVendor`, `idProduct`, `profile`), so a technician can follow python-escpos examples.
Each type checks its own required keys, and a key that belongs to another type is an error
(a `host` on a serial printer is almost always a mistake).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from config.i18n import DEFAULT_LANGUAGE
from config.loader import ConfigProblem, LogoFile, StrictModel

# "none": a screen-only kiosk, no printer (numbers are shown on screen with their QR).
PrinterType = Literal["usb", "serial", "network", "file", "dummy", "none"]

# Which connection keys each type needs and which it may have; one place for the rule.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "usb": ("idVendor", "idProduct"),
    "serial": ("devfile",),
    "network": ("host",),
    "file": ("devfile",),
    "dummy": (),
    "none": (),
}
ALLOWED_KEYS: dict[str, tuple[str, ...]] = {
    "usb": ("idVendor", "idProduct", "in_ep", "out_ep"),
    "serial": ("devfile", "baudrate"),
    "network": ("host", "port"),
    "file": ("devfile",),
    "dummy": (),
    "none": (),
}
CONNECTION_KEYS = (
    "host",
    "port",
    "devfile",
    "baudrate",
    "idVendor",
    "idProduct",
    "in_ep",
    "out_ep",
)

# Usual values written out for the ones that need them; anything that is not given stays None.
DEFAULT_PORT = 9100
DEFAULT_BAUDRATE = 9600

# `type = "none"`: this kiosk has no printer, on purpose; tickets are shown on screen only (the
# number large, with its QR code for a phone). The one explicit screen-only choice: the kiosk
# and `antrian doctor` read it from here.
NO_PRINTER = "none"
# `type = "dummy"` keeps tickets in memory (demo, tests): a kiosk with it prints nothing, and
# `antrian doctor` says so as a failure.
TEST_PRINTER = "dummy"
# Types with which nothing reaches paper.
PAPERLESS_TYPES: tuple[str, ...] = (NO_PRINTER, TEST_PRINTER)


def _usb_id(value: object) -> object:
    """Accept 1208, "1208", "0x04b8" or "04b8" (as lsusb prints it)."""
    if isinstance(value, str):
        text = value.strip().lower()
        try:
            return int(text, 16) if text.startswith("0x") or not text.isdigit() else int(text)
        except ValueError:
            raise ConfigProblem("usb_id") from None
    return value


class PrinterSettings(StrictModel):
    """The `[printer]` table of kiosk.toml."""

    type: PrinterType = Field(description="usb | serial | network | file | dummy | none")
    # Checked against python-escpos by printer.profiles.check_profile (config imports nothing
    # of ours above the ground floor).
    profile: str = Field(default="default", description="python-escpos printer profile name")

    host: str | None = None
    port: int | None = Field(default=None, ge=1, le=65535)
    devfile: str | None = None
    baudrate: int | None = Field(default=None, gt=0)
    idVendor: int | None = Field(default=None, ge=0, le=0xFFFF)  # noqa: N815 (python-escpos name)
    idProduct: int | None = Field(default=None, ge=0, le=0xFFFF)  # noqa: N815
    in_ep: int | None = Field(default=None, ge=0, le=0xFF)
    out_ep: int | None = Field(default=None, ge=0, le=0xFF)

    connect_timeout: float = Field(default=3.0, gt=0, le=30)
    status_timeout: float = Field(default=2.0, gt=0, le=30)
    write_timeout: float = Field(default=10.0, gt=0, le=120)
    status_query: bool = Field(
        default=True, description="ask the printer for its status (DLE EOT) before printing"
    )

    paper_width: Literal[58, 80] = 80
    code_page: str = Field(default="CP437", description="the one code page text is sent in")

    header_lines: list[str] = Field(default_factory=lambda: ["MAL PELAYANAN PUBLIK"])
    logo: LogoFile = None
    footer: str | None = None
    language: Literal["id", "en"] = DEFAULT_LANGUAGE
    cut: Literal["full", "partial"] = "partial"

    @field_validator("idVendor", "idProduct", mode="before")
    @classmethod
    def _parse_usb_id(cls, value: object) -> object:
        return _usb_id(value)

    @field_validator("code_page")
    @classmethod
    def _upper_code_page(cls, value: str) -> str:
        return value.upper()

    @model_validator(mode="after")
    def _keys_fit_type(self) -> PrinterSettings:
        problems = []
        for key in REQUIRED_KEYS[self.type]:
            if getattr(self, key) in (None, ""):
                problems.append(ConfigProblem("key_required", at=key, type=self.type))
        for key in CONNECTION_KEYS:
            if key not in ALLOWED_KEYS[self.type] and getattr(self, key) is not None:
                problems.append(ConfigProblem("key_not_for_type", at=key, type=self.type))
        if problems:
            raise ConfigProblem.several(problems)
        return self

    @property
    def network_port(self) -> int:
        return self.port or DEFAULT_PORT

    @property
    def serial_baudrate(self) -> int:
        return self.baudrate or DEFAULT_BAUDRATE

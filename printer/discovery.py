"""Receipt printers plugged into this PC, for `antrian setup kiosk` to offer.

USB: every device on the bus that is a printer (class 07 on the device or one of its
interfaces) or made by a receipt-printer vendor of deploy/udev/60-antrian-printer.rules.
Serial: the USB-serial and on-board serial ports pyserial lists (a serial printer cannot be
told apart from any other serial device: the technician confirms). The sources are passed in
so tests can give their own; by default they ask pyusb and pyserial.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

PRINTER_CLASS = 0x07
# Epson, Xprinter/Zijiang, "POS58" clones (0416), NXP-based clones, Rongta/Sewoo: as the udev rule.
RECEIPT_VENDORS = {0x04B8, 0x0416, 0x0FE6, 0x1FC9, 0x0DD4}


@dataclass(frozen=True)
class FoundPrinter:
    """One candidate: `type` and the settings keys of kiosk.toml's [printer] that select it."""

    type: str  # "usb" or "serial"
    label: str  # what the technician sees in the list
    settings: tuple[tuple[str, Any], ...]
    # A USB printer or a USB-serial adapter: taken without asking. An on-board serial port
    # (ttyS*) is listed only: most PCs have one whether a printer is on it or not.
    likely: bool = True

    def as_settings(self) -> dict[str, Any]:
        return {"type": self.type, **dict(self.settings)}


def _is_printer(device: Any) -> bool:
    if device.bDeviceClass == PRINTER_CLASS or device.idVendor in RECEIPT_VENDORS:
        return True
    try:
        return any(
            interface.bInterfaceClass == PRINTER_CLASS
            for configuration in device
            for interface in configuration
        )
    except Exception:  # a device we may not read (no permission): judged by its ids only
        return False


def _usb_devices() -> Iterable[Any]:
    try:
        import usb.core

        return list(usb.core.find(find_all=True))
    except Exception as error:  # no libusb, no permission to the bus
        log.info("USB not searched: %s", error)
        return []


def _name(device: Any) -> str:
    try:
        return " ".join(part for part in (device.manufacturer, device.product) if part)
    except Exception:  # reading strings needs permission on the device node
        return ""


def usb_printers(devices: Callable[[], Iterable[Any]] = _usb_devices) -> list[FoundPrinter]:
    found = []
    for device in devices():
        if not _is_printer(device):
            continue
        ids = f"{device.idVendor:04x}:{device.idProduct:04x}"
        name = _name(device)
        found.append(
            FoundPrinter(
                "usb",
                f"USB {ids}{f' {name}' if name else ''}",
                (
                    ("idVendor", f"0x{device.idVendor:04x}"),
                    ("idProduct", f"0x{device.idProduct:04x}"),
                ),
            )
        )
    return found


def _serial_ports() -> Iterable[Any]:
    try:
        from serial.tools import list_ports

        return list(list_ports.comports())
    except Exception as error:
        log.info("serial ports not searched: %s", error)
        return []


def serial_printers(ports: Callable[[], Iterable[Any]] = _serial_ports) -> list[FoundPrinter]:
    found = []
    for port in ports():
        described = port.description if port.description and port.description != "n/a" else ""
        found.append(
            FoundPrinter(
                "serial",
                f"Serial {port.device}{f' ({described})' if described else ''}",
                (("devfile", port.device), ("baudrate", 9600)),
                likely=getattr(port, "vid", None) is not None,
            )
        )
    return found


def find_printers(
    devices: Callable[[], Iterable[Any]] = _usb_devices,
    ports: Callable[[], Iterable[Any]] = _serial_ports,
) -> list[FoundPrinter]:
    """USB printers first (the usual kiosk), then serial ports."""
    return usb_printers(devices) + serial_printers(ports)

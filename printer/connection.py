"""Connections to a printer, built from settings with python-escpos' printer classes.

Each connection opens, writes and asks for one status byte with a bounded wait, and turns
whatever the transport raises into the typed errors of printer.errors. python-escpos' own
defaults (60 s on a silent network printer, no USB write timeout, a blocking device file) are
never inherited.
"""

from __future__ import annotations

import errno
import logging
import os
import select
import socket
import time

from config.printer import PrinterSettings
from printer.errors import PrinterError, PrinterNotFound, PrinterOffline, PrinterTimeout
from printer.escpos_lib import DeviceNotFoundError, Dummy, File, Network, Serial, Usb

log = logging.getLogger(__name__)


class Connection:
    """One open link to a printer. Use as a context manager; it closes itself."""

    can_read = True

    def __init__(self, settings: PrinterSettings, printer):
        self.settings = settings
        self.printer = printer  # the python-escpos object, e.g. for `profile`

    def __enter__(self) -> Connection:
        self.open()
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def describe(self) -> str:
        raise NotImplementedError

    def open(self) -> None:
        try:
            self.printer.open()
        except DeviceNotFoundError as error:
            raise self._open_error(error.__context__ or error) from error

    def _open_error(self, cause: BaseException) -> PrinterError:
        return PrinterNotFound(f"{self.describe()}: {cause}")

    def close(self) -> None:
        try:
            self.printer.close()
        except OSError as error:  # closing a link that already broke is not news
            log.debug("closing %s: %s", self.describe(), error)

    def write(self, data: bytes) -> None:
        raise NotImplementedError

    def query(self, request: bytes) -> int | None:
        """Send a real-time status request and return the one answer byte (None: can't read)."""
        raise NotImplementedError


class NetworkConnection(Connection):
    def describe(self) -> str:
        return f"network printer {self.settings.host}:{self.settings.network_port}"

    def _open_error(self, cause: BaseException) -> PrinterError:
        where = self.describe()
        if isinstance(cause, TimeoutError | socket.timeout):
            return PrinterTimeout(f"{where}: no answer within {self.settings.connect_timeout} s")
        if isinstance(cause, socket.gaierror):
            return PrinterNotFound(f"{where}: unknown host ({cause})")
        if isinstance(cause, ConnectionRefusedError):
            return PrinterOffline(f"{where}: connection refused (printer off or wrong port)")
        return PrinterOffline(f"{where}: {cause}")

    def write(self, data: bytes) -> None:
        sock = self.printer.device
        sock.settimeout(self.settings.write_timeout)
        try:
            sock.sendall(data)
        except TimeoutError:
            raise PrinterTimeout(f"{self.describe()}: write not accepted in time") from None
        except OSError as error:
            raise PrinterOffline(f"{self.describe()}: connection lost ({error})") from None

    def query(self, request: bytes) -> int | None:
        sock = self.printer.device
        self._drain(sock)
        self.write(request)
        sock.settimeout(self.settings.status_timeout)
        try:
            answer = sock.recv(1)
        except TimeoutError:
            raise PrinterTimeout(
                f"{self.describe()}: no status answer within {self.settings.status_timeout} s"
            ) from None
        except OSError as error:
            raise PrinterOffline(f"{self.describe()}: connection lost ({error})") from None
        if not answer:
            raise PrinterOffline(f"{self.describe()}: the printer closed the connection")
        return answer[0]

    @staticmethod
    def _drain(sock: socket.socket) -> None:
        """Drop bytes the printer sent unasked (e.g. automatic status), so the next read is
        the answer to our own request."""
        sock.setblocking(False)
        try:
            while sock.recv(256):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            pass  # a broken link shows itself on the next write or read
        finally:
            sock.setblocking(True)


class SerialConnection(Connection):
    def describe(self) -> str:
        return f"serial printer {self.settings.devfile}"

    def open(self) -> None:
        super().open()
        self.printer.device.write_timeout = self.settings.write_timeout

    def write(self, data: bytes) -> None:
        import serial

        try:
            self.printer.device.write(data)
            self.printer.device.flush()
        except serial.SerialTimeoutException:
            raise PrinterTimeout(f"{self.describe()}: write not accepted in time") from None
        except (serial.SerialException, OSError) as error:
            raise PrinterOffline(f"{self.describe()}: {error}") from None

    def query(self, request: bytes) -> int | None:
        import serial

        port = self.printer.device
        try:
            port.reset_input_buffer()
            self.write(request)
            answer = port.read(1)  # waits at most `timeout`, the status timeout
        except (serial.SerialException, OSError) as error:
            raise PrinterOffline(f"{self.describe()}: {error}") from None
        if not answer:
            raise PrinterTimeout(
                f"{self.describe()}: no status answer within {self.settings.status_timeout} s"
            )
        return answer[0]


class UsbConnection(Connection):
    def describe(self) -> str:
        return f"USB printer {self.settings.idVendor:04x}:{self.settings.idProduct:04x}"

    def open(self) -> None:
        import usb.core

        try:
            super().open()
        except usb.core.NoBackendError:
            raise PrinterNotFound(f"{self.describe()}: libusb is not installed") from None

    def _usb_error(self, error: Exception) -> PrinterError:
        import usb.core

        if isinstance(error, usb.core.USBTimeoutError):
            return PrinterTimeout(f"{self.describe()}: no answer in time")
        if getattr(error, "errno", None) == errno.EACCES:
            return PrinterNotFound(
                f"{self.describe()}: permission denied (install the udev rule, docs/printers.md)"
            )
        if getattr(error, "errno", None) in (errno.ENODEV, errno.ENOENT):
            return PrinterNotFound(f"{self.describe()}: unplugged ({error})")
        return PrinterOffline(f"{self.describe()}: {error}")

    def write(self, data: bytes) -> None:
        import usb.core

        try:
            self.printer.device.write(
                self.printer.out_ep, data, int(self.settings.write_timeout * 1000)
            )
        except usb.core.USBError as error:
            raise self._usb_error(error) from None

    def query(self, request: bytes) -> int | None:
        import usb.core

        self.write(request)
        try:
            answer = self.printer.device.read(
                self.printer.in_ep, 16, int(self.settings.status_timeout * 1000)
            )
        except usb.core.USBError as error:
            raise self._usb_error(error) from None
        if not answer:
            raise PrinterTimeout(f"{self.describe()}: empty status answer")
        return answer[-1]


class NonBlockingFile(File):
    """python-escpos' File printer, opened non-blocking so a stuck device cannot hang a write
    (the usblp driver blocks forever on a printer that is out of paper)."""

    def open(self, raise_not_found: bool = True) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NONBLOCK
        self.device = os.fdopen(os.open(self.devfile, flags, 0o644), "wb", buffering=0)

    def write_within(self, data: bytes, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        view = memoryview(data)
        fd = self.device.fileno()
        while view:
            try:
                view = view[os.write(fd, view) :]
                continue
            except BlockingIOError:
                pass
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            select.select([], [fd], [], remaining)


class FileConnection(Connection):
    """A device file such as /dev/usb/lp0; it cannot be asked for status."""

    can_read = False

    def describe(self) -> str:
        return f"device file {self.settings.devfile}"

    def open(self) -> None:
        try:
            self.printer.open()
        except FileNotFoundError:
            raise PrinterNotFound(f"{self.describe()}: no such file (plugged in?)") from None
        except PermissionError:
            raise PrinterNotFound(
                f"{self.describe()}: permission denied (add the kiosk user to group lp)"
            ) from None
        except OSError as error:
            raise PrinterOffline(f"{self.describe()}: {error}") from None

    def write(self, data: bytes) -> None:
        try:
            self.printer.write_within(data, self.settings.write_timeout)
        except TimeoutError:
            raise PrinterTimeout(f"{self.describe()}: write not accepted in time") from None
        except OSError as error:
            raise PrinterOffline(f"{self.describe()}: {error}") from None

    def query(self, request: bytes) -> int | None:
        return None


class DummyConnection(Connection):
    """Keeps what was printed in `self.printer.output`: for the demo and tests."""

    can_read = False

    def describe(self) -> str:
        return "dummy printer"

    def open(self) -> None:
        pass

    def write(self, data: bytes) -> None:
        self.printer._raw(data)

    def query(self, request: bytes) -> int | None:
        return None


def open_connection(settings: PrinterSettings) -> Connection:
    """Build (not yet open) the connection the settings describe."""
    profile = settings.profile
    match settings.type:
        case "network":
            printer = Network(
                host=settings.host,
                port=settings.network_port,
                timeout=settings.connect_timeout,
                profile=profile,
            )
            return NetworkConnection(settings, printer)
        case "serial":
            printer = Serial(
                devfile=settings.devfile,
                baudrate=settings.serial_baudrate,
                timeout=settings.status_timeout,
                dsrdtr=False,  # most receipt printers' cables do not wire DSR/DTR
                profile=profile,
            )
            return SerialConnection(settings, printer)
        case "usb":
            endpoints = {}
            if settings.in_ep is not None:
                endpoints["in_ep"] = settings.in_ep
            if settings.out_ep is not None:
                endpoints["out_ep"] = settings.out_ep
            printer = Usb(
                idVendor=settings.idVendor,
                idProduct=settings.idProduct,
                timeout=int(settings.write_timeout * 1000),
                profile=profile,
                **endpoints,
            )
            return UsbConnection(settings, printer)
        case "file":
            return FileConnection(
                settings, NonBlockingFile(devfile=settings.devfile, profile=profile)
            )
        case "dummy":
            return DummyConnection(settings, Dummy(profile=profile))
    raise ValueError(f"unknown printer type {settings.type!r}")

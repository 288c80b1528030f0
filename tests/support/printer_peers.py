"""Real peers that play a receipt printer, for the printer's and the kiosk's tests.

Fixtures (each yields an object with `host`/`port` or device paths; all stop themselves):

- `printer_peer`: a TCP "printer" on loopback that records every byte and answers status
  requests (DLE EOT n) as a healthy printer.
- `paper_out_printer_peer`: the same, but it reports offline with the paper end sensor set.
- `silent_printer_peer`: accepts the connection and reads, but never answers a status request.
- `dropping_printer_peer`: answers the status, then resets the connection after
  `DROP_AFTER_BYTES` bytes of the ticket (a cable pulled mid-ticket).
- `unanswered_printer_address`: (host, port) where a connect never completes (the listen queue
  is full, so the kernel drops the SYN): a printer that is on the network but hangs.
- `refused_printer_port`: a loopback port where nothing listens: connection refused at once.
- `serial_pty_pair`: two linked pseudo-terminals made by socat: `(printer_end, kiosk_end)`.
- `serial_printer_peer`: a `PtyPrinterPeer` playing a healthy printer on the printer end of a
  pty pair; point the kiosk's serial settings at `peer.kiosk_device`.

Every peer records in `peer.received` and offers `peer.wait_for(predicate, timeout)`, which
waits on a condition (no sleeping) and fails clearly when the deadline passes.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import struct
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

STATUS_REQUEST = b"\x10\x04"  # DLE EOT n: a real-time status request, n in 1..4
HEALTHY = 0x12  # fixed bits only: online, no error, paper present
OFFLINE_PAPER_END = 0x12 | 0x08  # DLE EOT 1 answer: offline
PAPER_END = 0x12 | 0x60  # DLE EOT 4 answer: paper end sensor
PAPER_NEAR_END = 0x12 | 0x0C  # DLE EOT 4 answer: paper near end
DROP_AFTER_BYTES = 300
WAIT_SECONDS = 5.0


class PrinterPeer:
    """The printer's side of a byte stream: records what arrives and answers DLE EOT requests.

    `printer_status` answers DLE EOT 1, `paper_status` DLE EOT 4 (other n: `HEALTHY`);
    `answer=False` never answers; `drop_after` closes the link after that many bytes
    that are not status requests.
    """

    def __init__(
        self,
        *,
        printer_status: int = HEALTHY,
        paper_status: int = HEALTHY,
        answer: bool = True,
        drop_after: int | None = None,
    ):
        self.printer_status = printer_status
        self.paper_status = paper_status
        self.answer = answer
        self.drop_after = drop_after
        self.received = bytearray()
        self.status_requests: list[int] = []
        self.connections = 0
        self._pending = b""
        self._condition = threading.Condition()
        self._stop = threading.Event()

    # The stream, as the printer reads it.
    def _take(self, chunk: bytes) -> bytes:
        """Record `chunk`; return the answers to send back."""
        with self._condition:
            self.received.extend(chunk)
            data, answers = self._pending + chunk, b""
            while (index := data.find(STATUS_REQUEST)) != -1 and index + 2 < len(data):
                n = data[index + 2]
                self.status_requests.append(n)
                answer = {1: self.printer_status, 4: self.paper_status}.get(n, HEALTHY)
                answers += bytes([answer])
                data = data[index + 3 :]
            self._pending = data[-2:] if data.endswith((b"\x10", STATUS_REQUEST)) else b""
            self._condition.notify_all()
        return answers if self.answer else b""

    def ticket_bytes_received(self) -> int:
        """Bytes received that were not status requests."""
        with self._condition:
            return len(self.received) - 3 * len(self.status_requests)

    def wait_for(self, predicate: Callable[[PrinterPeer], bool], timeout: float = WAIT_SECONDS):
        deadline = time.monotonic() + timeout
        with self._condition:
            while not predicate(self):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"printer peer: condition not met in {timeout} s")
                self._condition.wait(remaining)

    def wait_for_bytes(self, count: int, timeout: float = WAIT_SECONDS) -> bytes:
        self.wait_for(lambda peer: len(peer.received) >= count, timeout)
        return bytes(self.received)

    def _should_drop(self) -> bool:
        return self.drop_after is not None and self.ticket_bytes_received() >= self.drop_after


class TcpPrinterPeer(PrinterPeer):
    """A network printer (port 9100 style) on a free loopback port."""

    def __init__(self, **behaviour):
        super().__init__(**behaviour)
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.host, self.port = self._server.getsockname()
        self._thread = threading.Thread(target=self._serve, name="tcp-printer-peer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with self._condition:
                self.connections += 1
                self._condition.notify_all()
            with connection:
                self._talk(connection)

    def _talk(self, connection: socket.socket) -> None:
        connection.settimeout(0.1)
        while not self._stop.is_set():
            try:
                chunk = connection.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            answers = self._take(chunk)
            if self._should_drop():
                # Linger 0: close with a reset, as a pulled cable or a crashed printer does.
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if answers:
                connection.sendall(answers)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT_SECONDS)
        self._server.close()


class PtyPrinterPeer(PrinterPeer):
    """A serial printer on the printer end of a socat pty pair."""

    def __init__(self, printer_end: str, kiosk_end: str, **behaviour):
        super().__init__(**behaviour)
        self.kiosk_device = kiosk_end
        self._fd = os.open(printer_end, os.O_RDWR | os.O_NOCTTY)
        self._thread = threading.Thread(target=self._serve, name="pty-printer-peer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            ready, _, _ = select.select([self._fd], [], [], 0.1)
            if not ready:
                continue
            try:
                chunk = os.read(self._fd, 4096)
            except OSError:
                return
            if answers := self._take(chunk):
                os.write(self._fd, answers)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT_SECONDS)
        os.close(self._fd)


def _tcp_peer(**behaviour) -> Iterator[TcpPrinterPeer]:
    peer = TcpPrinterPeer(**behaviour)
    try:
        yield peer
    finally:
        peer.stop()


@pytest.fixture
def printer_peer() -> Iterator[TcpPrinterPeer]:
    yield from _tcp_peer()


@pytest.fixture
def paper_out_printer_peer() -> Iterator[TcpPrinterPeer]:
    yield from _tcp_peer(printer_status=OFFLINE_PAPER_END, paper_status=PAPER_END)


@pytest.fixture
def silent_printer_peer() -> Iterator[TcpPrinterPeer]:
    yield from _tcp_peer(answer=False)


@pytest.fixture
def dropping_printer_peer() -> Iterator[TcpPrinterPeer]:
    yield from _tcp_peer(drop_after=DROP_AFTER_BYTES)


@pytest.fixture
def unanswered_printer_address() -> Iterator[tuple[str, int]]:
    server = socket.create_server(("127.0.0.1", 0), backlog=0)
    address = server.getsockname()
    filler = socket.create_connection(address, timeout=WAIT_SECONDS)  # fills the queue of one
    try:
        yield address
    finally:
        filler.close()
        server.close()


@pytest.fixture
def refused_printer_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def serial_pty_pair() -> Iterator[tuple[str, str]]:
    if shutil.which("socat") is None:
        pytest.skip("socat is not installed (deploy/apt-packages.txt)")
    folder = Path(tempfile.mkdtemp(prefix="antrian-pty-"))
    printer_end, kiosk_end = folder / "printer", folder / "kiosk"
    process = subprocess.Popen(
        [
            "socat",
            f"pty,raw,echo=0,link={printer_end}",
            f"pty,raw,echo=0,link={kiosk_end}",
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not (printer_end.exists() and kiosk_end.exists()):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("socat did not create the pty pair")
            # socat creates the links within milliseconds; poll the condition, briefly.
            threading.Event().wait(0.01)
        yield str(printer_end), str(kiosk_end)
    finally:
        process.terminate()
        process.wait(timeout=WAIT_SECONDS)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def serial_printer_peer(serial_pty_pair) -> Iterator[PtyPrinterPeer]:
    peer = PtyPrinterPeer(*serial_pty_pair)
    try:
        yield peer
    finally:
        peer.stop()

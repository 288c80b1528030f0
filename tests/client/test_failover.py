"""The client's failover rule against real listeners: a refusing port, a hung one (accepts and
never answers), a scripted HTTP peer and the real server on loopback (docs/decisions.md,
"Two server hosts for one hall")."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from client import ApiClient, ServerAddresses, ServerUnreachable
from client.api import FIRST_ADDRESS_PROBE_TIMEOUT
from tests.support import samples
from tests.support.live_server import free_port

TIMEOUT = 3.0  # a hung host is left after this; generous, so a busy machine still tells apart


def refusing_url() -> str:
    """An address nothing listens on: every connection is refused at once."""
    return f"http://127.0.0.1:{free_port()}"


class HungListener:
    """Accepts connections and reads what is sent, but never answers (a hung server)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.received = b""
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self._connections.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection: socket.socket) -> None:
        while True:
            try:
                data = connection.recv(65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.received += data

    def close(self) -> None:
        self.sock.close()
        for connection in self._connections:
            connection.close()


class RecordingPeer:
    """An HTTP server answering every request like the contract's samples; records requests.
    Given a port, it can be started later on an address that refused until then."""

    def __init__(self, port: int = 0):
        self.requests: list[dict] = []
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                peer.requests.append(
                    {"method": self.command, "path": self.path, "headers": dict(self.headers)}
                )
                path = self.path.split("?")[0]
                answer = [] if path.endswith("/services") else samples.for_path(path)
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def paths(self) -> list[str]:
        return [request["path"].split("?")[0] for request in self.requests]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hung():
    listener = HungListener()
    yield listener
    listener.close()


@pytest.fixture
def peers():
    made: list[RecordingPeer] = []

    def make(port: int = 0) -> RecordingPeer:
        made.append(RecordingPeer(port))
        return made[-1]

    yield make
    for peer in made:
        peer.close()


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_address_behaves_as_before(live_server):
    client = ApiClient(live_server.url)
    assert client.base_urls == [live_server.url]
    assert client.health().status == "ok"
    with pytest.raises(ServerUnreachable):
        ApiClient(refusing_url(), retries=0).health()


def test_a_refusing_first_address_is_left_at_once_for_the_second(live_server):
    client = ApiClient([refusing_url(), live_server.url], retries=0)
    started = time.monotonic()
    assert client.health().status == "ok"
    assert time.monotonic() - started < client.timeout  # no timeout waited: refused is at once
    assert client.base_url == live_server.url  # later requests start there


def test_a_hung_first_address_is_left_after_the_timeout(hung, live_server):
    client = ApiClient([hung.url, live_server.url], timeout=TIMEOUT, retries=0)
    started = time.monotonic()
    assert [s.code for s in client.services()]  # answered by the second host
    assert time.monotonic() - started >= TIMEOUT
    assert client.base_url == live_server.url
    started = time.monotonic()
    client.services()  # goes straight to the second: no timeout waited again
    assert time.monotonic() - started < TIMEOUT


def test_a_keyed_ticket_resent_to_the_next_host_keeps_its_key(hung, live_server):
    kiosk = ApiClient([hung.url, live_server.url], live_server.kiosk_token, timeout=2.0, retries=0)
    ticket = kiosk.issue_ticket("A", idempotency_key="failover-key-1")
    # The hung host got the request, key and all, before the client gave up on it …
    assert b"Idempotency-Key: failover-key-1" in hung.received
    # … and the same key at the live host is the same ticket, not a second one.
    again = ApiClient(live_server.url, live_server.kiosk_token)
    assert again.issue_ticket("A", idempotency_key="failover-key-1").id == ticket.id


def test_a_counter_action_resent_to_the_next_host_keeps_its_key(hung, peers):
    second = peers()
    operator = ApiClient([hung.url, second.url], "operator-token", timeout=1.0)
    operator.call_next(1)
    sent = hung.received.decode()
    key = next(
        line.split(":", 1)[1].strip()
        for line in sent.splitlines()
        if line.lower().startswith("idempotency-key:")
    )
    assert second.requests[-1]["headers"]["Idempotency-Key"] == key


def test_a_login_that_may_have_arrived_is_never_sent_to_another_host(hung, peers):
    second = peers()
    client = ApiClient([hung.url, second.url], timeout=1.0)
    with pytest.raises(ServerUnreachable):
        client.login("petugas1", "secret-password")
    assert b"POST /api/v1/auth/login" in hung.received
    assert second.requests == []  # not sent twice blindly
    assert client.base_url == second.url  # but the next request starts at the next host
    client.login("petugas1", "secret-password")
    assert second.paths() == ["/api/v1/auth/login"]


def test_a_login_that_found_no_connection_goes_to_the_next_host(peers):
    second = peers()
    client = ApiClient([refusing_url(), second.url])
    client.login("petugas1", "secret-password")  # nothing reached the first: safe
    assert second.paths() == ["/api/v1/auth/login"]


def test_no_address_answering_is_unreachable_after_one_round_per_retry(hung):
    sleeps: list[float] = []
    client = ApiClient([refusing_url(), hung.url], timeout=0.3, retries=1, sleep=sleeps.append)
    with pytest.raises(ServerUnreachable):
        client.services()
    assert sleeps == [client.backoff]  # one backoff between the two rounds over both hosts


def test_the_first_address_is_used_again_once_it_answers(peers):
    port = free_port()
    second = peers()
    clock = FakeClock()
    addresses = ServerAddresses([f"http://127.0.0.1:{port}", second.url], clock=clock)
    client = ApiClient(addresses, retries=0)
    client.services()
    assert client.base_url == second.url
    first = peers(port)  # the main server is back
    client.services()
    assert first.requests == []  # not asked before its probe is due
    clock.now += addresses.probe_seconds
    client.services()
    assert first.paths() == ["/api/v1/health", "/api/v1/services"]  # the probe, then the request
    assert client.base_url == first.url
    assert second.paths() == ["/api/v1/services", "/api/v1/services"]


def test_a_probe_of_a_first_address_still_down_costs_at_most_its_bound(hung, peers):
    second = peers()
    clock = FakeClock()
    addresses = ServerAddresses([hung.url, second.url], clock=clock)
    client = ApiClient(addresses, timeout=TIMEOUT, retries=0)
    client.services()
    clock.now += addresses.probe_seconds
    started = time.monotonic()
    client.services()
    # The probe waited its own bound, not the client's timeout, then the second host answered.
    assert FIRST_ADDRESS_PROBE_TIMEOUT <= time.monotonic() - started < TIMEOUT
    assert client.base_url == second.url
    assert len(second.requests) == 2


def test_clients_sharing_addresses_move_on_together(peers):
    second = peers()
    addresses = ServerAddresses([refusing_url(), second.url])
    poll, heartbeat = ApiClient(addresses, retries=0), ApiClient(addresses, retries=0)
    poll.services()
    assert heartbeat.base_url == second.url  # its next request does not try the dead host

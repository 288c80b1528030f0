"""The client against scripted HTTP peers on loopback: timeouts, retries, keys and errors."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from client import ApiClient, NotAuthorized, Refused, ServerFault, ServerUnreachable
from contract import CounterView, DisplayState, Health, HeartbeatAnswer
from tests.support import samples


class ScriptedPeer:
    """An HTTP server whose answers are scripted per request; it records what it received.

    Each script entry is (status, body) or the string "drop" (close without answering).
    """

    def __init__(self, script):
        self.script = list(script)
        self.requests: list[dict] = []
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                peer.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": json.loads(body) if body else None,
                    }
                )
                step = peer.script.pop(0) if peer.script else (200, samples.for_path(self.path))
                if step == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                status, payload = step
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def peer_factory():
    peers = []

    def make(script):
        peers.append(ScriptedPeer(script))
        return peers[-1]

    yield make
    for peer in peers:
        peer.close()


def no_sleep(_seconds):
    pass


def test_issue_retries_after_a_dropped_connection_under_the_same_key(peer_factory):
    """A kiosk retry after a lost answer reuses its idempotency key: at most one ticket."""
    peer = peer_factory(["drop", (201, samples.ticket(id=7))])
    api = ApiClient(peer.url, token="kiosk-token-1", sleep=no_sleep)
    ticket = api.issue_ticket("A", idempotency_key="key-123")
    assert (ticket.id, ticket.number) == (7, "A-001")
    keys = [r["headers"]["Idempotency-Key"] for r in peer.requests]
    assert keys == ["key-123", "key-123"]
    assert peer.requests[0]["body"] == {"service": "A", "priority": None}
    assert peer.requests[0]["headers"]["Authorization"] == "Bearer kiosk-token-1"


def test_counter_actions_are_sent_again_only_after_a_dropped_connection_under_one_key(
    peer_factory,
):
    """A counter action is never retried with backoff (it could call a second citizen late); a
    connection dropped under it is resent once at once, under the same key the server dedups."""
    peer = peer_factory(["drop", (200, samples.COUNTER)])
    api = ApiClient(peer.url, token="t", sleep=no_sleep)
    assert api.call_next(3).name == "Loket 1"
    assert [r["path"] for r in peer.requests] == ["/api/v1/counters/3/call-next"] * 2
    keys = {r["headers"]["Idempotency-Key"] for r in peer.requests}
    assert len(keys) == 1

    twice_dropped = peer_factory(["drop", "drop", (200, samples.COUNTER)])
    api = ApiClient(twice_dropped.url, token="t", sleep=no_sleep)
    with pytest.raises(ServerUnreachable):
        api.call_next(3)
    assert len(twice_dropped.requests) == 2
    api.recall(3)
    assert twice_dropped.requests[-1]["headers"]["Idempotency-Key"] not in keys


class KeepAlivePeer:
    """HTTP/1.1 with keep-alive, closing a kept connection when its next request arrives:
    the race of uvicorn's idle timeout, every time. A new connection is always answered."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections = 0
        self.requests: list[bytes] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._stop:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn, conn.makefile("rb") as reader:
            for index in range(2):
                head = b""
                while not head.endswith(b"\r\n\r\n"):
                    line = reader.readline()
                    if not line:
                        return
                    head += line
                length = next(
                    (
                        int(h.split(b":")[1])
                        for h in head.split(b"\r\n")
                        if h.lower().startswith(b"content-length")
                    ),
                    0,
                )
                self.requests.append(head + reader.read(length))
                if index == 1:
                    return  # the server closed the idle connection as this request came in
                body = json.dumps(samples.for_path(head.split(b" ")[1].decode())).encode()
                conn.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                )

    def close(self):
        self._stop = True
        self.listener.close()


@pytest.fixture
def keep_alive_peer():
    peer = KeepAlivePeer()
    yield peer
    peer.close()


def test_a_kept_alive_connection_closed_under_a_request_is_not_an_outage(keep_alive_peer):
    """Reads, heartbeats and keyed actions meet the closed socket and are sent again at once."""
    api = ApiClient(keep_alive_peer.url, token="t", retries=0, sleep=no_sleep)
    assert api.health() == Health.model_validate(samples.HEALTH)
    assert api.health() == Health.model_validate(samples.HEALTH)  # dropped, resent anew
    assert api.heartbeat({"printer": "ok"}) == HeartbeatAnswer.model_validate(samples.HEARTBEAT)
    assert api.call_next(1) == CounterView.model_validate(samples.COUNTER)
    assert keep_alive_peer.connections >= 3


def test_a_dropped_login_is_reported_not_repeated(keep_alive_peer):
    """A request that is not safe to send twice is reported as unreachable, not resent."""
    api = ApiClient(keep_alive_peer.url, retries=0, sleep=no_sleep)
    assert api.health().status == "ok"
    with pytest.raises(ServerUnreachable):
        api.login("petugas1", "sandi")
    assert keep_alive_peer.requests[-1].startswith(b"POST /api/v1/auth/login")


def test_refusal_carries_the_servers_code_and_message(peer_factory):
    """A 4xx with the error shape becomes Refused with the server's code and message."""
    body = {"error": {"code": "quota_exhausted", "message": "Kuota layanan hari ini sudah habis"}}
    peer = peer_factory([(409, body)])
    with pytest.raises(Refused) as caught:
        ApiClient(peer.url).issue_ticket("A")
    assert caught.value.code == "quota_exhausted"
    assert caught.value.message == "Kuota layanan hari ini sudah habis"
    assert caught.value.status == 409


def test_forbidden_is_not_authorized(peer_factory):
    """401 and 403 are NotAuthorized, still a Refused."""
    peer = peer_factory([(403, {"error": {"code": "forbidden", "message": "Tidak diizinkan"}})])
    with pytest.raises(NotAuthorized) as caught:
        ApiClient(peer.url).services()
    assert isinstance(caught.value, Refused)


def test_server_errors_and_non_json_answers_are_server_faults(peer_factory):
    """A 5xx or an answer that is not JSON is a ServerFault, never a crash."""
    peer = peer_factory([(500, b"Internal Server Error"), (200, b"<html>proxy page</html>")])
    api = ApiClient(peer.url)
    with pytest.raises(ServerFault):
        api.health()
    with pytest.raises(ServerFault):
        api.health()


def test_refused_port_is_unreachable_after_the_retries():
    """Nobody listening: ServerUnreachable after 1 + retries attempts with growing waits."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits = []
    api = ApiClient(f"http://127.0.0.1:{port}", retries=2, backoff=0.5, sleep=waits.append)
    with pytest.raises(ServerUnreachable) as caught:
        api.services()
    assert caught.value.code == "offline"
    assert waits == [0.5, 1.0]


def test_a_silent_server_times_out_within_the_bound():
    """A server that accepts but never answers gives up after the timeout, not a hang."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    try:
        api = ApiClient(f"http://127.0.0.1:{listener.getsockname()[1]}", timeout=0.3, retries=0)
        started = time.monotonic()
        with pytest.raises(ServerUnreachable):
            api.health()
        assert time.monotonic() - started < 3.0
    finally:
        listener.close()


def test_long_poll_asks_with_since_and_a_longer_timeout(peer_factory):
    """display_state passes since/wait and caps wait at the contract's 30 seconds."""
    peer = peer_factory([(200, samples.state(version=5))])
    state = ApiClient(peer.url).display_state(since=4, wait=99)
    assert isinstance(state, DisplayState) and state.version == 5
    assert peer.requests[0]["path"] == "/api/v1/display/state?since=4&wait=30.0"


def test_login_keeps_the_token_for_later_calls(peer_factory):
    """After login the client sends the session token as its bearer."""
    peer = peer_factory([(200, samples.LOGIN), (200, [])])
    api = ApiClient(peer.url)
    api.login("petugas1", "secret")
    api.counters()
    assert peer.requests[1]["headers"]["Authorization"] == "Bearer session-abc"
    assert peer.requests[0]["body"] == {"username": "petugas1", "password": "secret"}


def test_language_is_sent_so_messages_come_back_in_it(peer_factory):
    """The client asks for messages in its language (Indonesian default, English on request)."""
    peer = peer_factory([(200, []), (200, [])])
    ApiClient(peer.url).services()
    ApiClient(peer.url, language="en").services()
    assert [r["headers"]["Accept-Language"] for r in peer.requests] == ["id", "en"]


def test_an_answer_not_as_the_contract_says_is_a_server_fault(peer_factory):
    """A ticket without its number, or a state whose version is text: ServerFault naming the
    field, never a KeyError deep inside a device."""
    peer = peer_factory(
        [
            (201, {k: v for k, v in samples.TICKET.items() if k != "number"}),
            (200, samples.state(version="five")),
        ]
    )
    api = ApiClient(peer.url, retries=0)
    with pytest.raises(ServerFault, match="number"):
        api.issue_ticket("A")
    with pytest.raises(ServerFault, match="version"):
        api.display_state()


def test_answers_are_objects_and_new_fields_are_ignored(peer_factory):
    """The client hands out the contract's objects; fields a newer server adds are ignored."""
    peer = peer_factory([(201, {**samples.TICKET, "queue_lane": "express"})])
    ticket = ApiClient(peer.url).issue_ticket("A")
    assert ticket.number == "A-001"
    assert ticket.service.counters == ["Loket 1", "Loket 2", "Loket 3"]
    assert not hasattr(ticket, "queue_lane")

"""Bad input never gets a 5xx: hand-picked nasties, and a schema-driven fuzz over the OpenAPI."""

import json
import select
import socket

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.server.util import Api, error_code

NASTY_STRINGS = [
    "",
    "A" * 100_000,
    "\u0000",
    "\ud7ff\ufeff\u202e",
    "𝔸",
    "' OR 1=1 --",
    "../../etc/passwd",
    "A\nB",
]


def assert_error_shape(answer: requests.Response) -> None:
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:300])
    error_code(answer)


def test_malformed_json_and_wrong_types(live_server):
    """Broken JSON, wrong types and missing fields are 4xx with the error shape."""
    kiosk = Api(live_server, live_server.kiosk_token)
    headers = {"Content-Type": "application/json"}
    for body in ["{", "[]", "null", '{"service": 5}', '{"service": ["A"]}', '{"priority": 1}']:
        assert_error_shape(kiosk.post("/tickets", data=body, headers=headers))
    assert_error_shape(kiosk.post("/tickets", data=b"\xff\xfe\x00", headers=headers))
    assert_error_shape(kiosk.post("/tickets/abc/printed", json={"ok": True}))
    assert_error_shape(kiosk.post(f"/tickets/{10**30}/printed", json={"ok": True}))
    assert_error_shape(kiosk.get("/tickets/-1"))
    assert_error_shape(kiosk.session.put(f"{live_server.api}/tickets", json={}, timeout=10))
    assert_error_shape(kiosk.get("/no/such/path"))


def test_nasty_strings_everywhere(live_server):
    """Odd unicode and huge strings in bodies, paths, queries and headers never make a 5xx."""
    kiosk = Api(live_server, live_server.kiosk_token)
    display = Api(live_server, live_server.display_token)
    for text in NASTY_STRINGS:
        for answer in (
            kiosk.post("/tickets", json={"service": text}),
            kiosk.post("/tickets", json={"service": "A", "priority": text}),
            Api(live_server).get("/track/" + requests.utils.quote(text[:5000], safe="")),
            Api(live_server).post("/auth/login", json={"username": text, "password": text}),
            display.get("/display/state", params={"since": text[:2000], "wait": text[:2000]}),
            kiosk.post("/devices/heartbeat", json={"status": {text[:1000]: text[:1000]}}),
        ):
            assert answer.status_code < 500, (text[:20], answer.status_code, answer.text[:200])
    long_key = kiosk.post("/tickets", json={"service": "A"}, headers={"Idempotency-Key": "k" * 500})
    assert_error_shape(long_key)


def test_ten_megabyte_body_is_refused(live_server):
    """A 10 MB body is refused with 413 and the error shape."""
    kiosk = Api(live_server, live_server.kiosk_token)
    answer = kiosk.post(
        "/tickets",
        data=b"{" + b" " * (10 * 1024 * 1024),
        headers={"Content-Type": "application/json"},
    )
    assert (answer.status_code, error_code(answer)) == (413, "body_too_large")


def test_large_chunked_body_without_length_is_refused(live_server):
    """A body sent in chunks without Content-Length is cut off at the limit with 413.

    Like a real client, it stops sending once the answer is there: a chunk still in flight
    when the server closes makes the kernel reset the connection, which can discard the
    answer before it is read (it did, once, on a loaded machine)."""
    chunk = b" " * 65536
    with socket.create_connection(("127.0.0.1", live_server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
            b"Content-Type: application/json\r\n"
            + f"Authorization: Bearer {live_server.kiosk_token}\r\n\r\n".encode()
        )
        try:
            for _ in range(40):
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                answered, _, _ = select.select([sock], [], [], 2.0)  # the answer, or go on
                if answered:
                    break
        except OSError:
            pass  # the server may close the connection once it has answered
        reply = _whole_answer(sock)
    assert reply.startswith("HTTP/1.1 413")
    assert json.loads(reply.split("\r\n\r\n", 1)[1])["error"]["code"] == "body_too_large"


def _whole_answer(sock: socket.socket) -> str:
    """One HTTP answer, head and body: they may arrive in separate reads (they did, once, on
    a loaded machine), so read until the body's Content-Length is there or the server closes."""
    data = b""
    while True:
        head, separator, body = data.partition(b"\r\n\r\n")
        if separator:
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                None,
            )
            if length is not None and len(body) >= length:
                return data.decode("latin-1")
        try:
            more = sock.recv(65536)
        except ConnectionResetError:
            more = b""
        if not more:
            return data.decode("latin-1")
        data += more


def test_missing_and_foreign_tokens(live_server):
    """No token, a foreign token, or a token of another role: 401/403 with the error shape."""
    for token in (None, "x" * 40, live_server.display_token):
        answer = Api(live_server, token).post("/tickets", json={"service": "A"})
        assert answer.status_code in (401, 403)
        error_code(answer)


CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.mark.slow
def test_schema_driven_fuzz_never_gets_a_5xx(live_server):
    """Schemathesis cases (valid and invalid) for every operation and every role: never 5xx,
    every 4xx has the error shape, and every answer (status, content type, headers, body) is
    one the typed schema declares."""
    schema = schemathesis.openapi.from_url(f"{live_server.url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    strategies = [
        operation.as_strategy(generation_mode=mode)
        for operation in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    ]
    roles = [
        None,
        live_server.kiosk_token,
        live_server.display_token,
        live_server.operator_token(),
        live_server.admin_token(),
    ]
    session = requests.Session()
    seen: set[int] = set()

    @settings(
        max_examples=600,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=st.one_of(strategies), token=st.sampled_from(roles))
    def fuzz(case, token):
        if case.path == "/api/v1/display/state" and case.query:
            case.query["wait"] = 0  # a long poll would only slow the fuzz down
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = case.call(base_url=live_server.url, session=session, headers=headers, timeout=10)
        assert answer.status_code < 500, (case.method, case.path, answer.text[:300])
        case.validate_response(answer, checks=CONFORMANCE)
        seen.add(answer.status_code // 100)
        if answer.status_code >= 400:
            body = answer.json()
            assert set(body["error"]) == {"code", "message"}, body

    fuzz()
    assert seen == {2, 4}  # both accepted and refused requests were exercised

"""The OpenAPI schema is honest: every answer typed, every refusal declared with its body."""

from __future__ import annotations

import pytest

from config.server import ServerSettings
from server.app import create_app


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    return create_app(ServerSettings(), tmp_path_factory.mktemp("schema")).openapi()


def _operations(schema):
    for path, methods in schema["paths"].items():
        if path.startswith("/api/v1/"):
            for method, operation in methods.items():
                yield f"{method.upper()} {path}", operation


def test_every_answer_is_typed(schema):
    """Each success of each /api/v1 operation names a schema (204 has no body), never `{}`."""
    for name, operation in _operations(schema):
        for status, answer in operation["responses"].items():
            if status.startswith("2") and status != "204":
                body = answer["content"]["application/json"]["schema"]
                assert body and body != {}, name


def test_every_refusal_is_declared_with_the_error_body(schema):
    """Every operation declares 400, 408, 413 and 422 with the error shape; those that need a
    token declare 401 and 403."""
    for name, operation in _operations(schema):
        responses = operation["responses"]
        public_booking = "/api/v1/booking" in name and not name.endswith("/check-in")
        needs_token = name.split()[1] not in ("/api/v1/health", "/api/v1/services") and not (
            name.startswith(("GET /api/v1/track/", "GET /api/v1/survey/", "POST /api/v1/survey/"))
            or name in ("POST /api/v1/auth/login", "POST /api/v1/devices/pair")
            or public_booking
        )
        expected = {"400", "408", "413", "422"} | ({"401", "403"} if needs_token else set())
        assert expected <= set(responses), name
        for status in responses:
            if status.startswith("4"):
                body = responses[status]["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/ErrorBody"}, (name, status)


def test_times_and_dates_have_their_format(schema):
    """A ticket's times are date-time, the settings' holidays are dates."""
    parts = schema["components"]["schemas"]
    issued = parts["Ticket"]["properties"]["issued_at"]
    assert issued["format"] == "date-time"
    holidays = parts["Settings"]["properties"]["holidays"]["items"]
    assert holidays["format"] == "date"


def test_the_contract_spells_the_priority_groups_of_the_ground_floor():
    """`contract` may not import `config`, so it spells the three groups itself: kept equal."""
    from typing import get_args

    from config.priority import PRIORITY_GROUPS
    from contract.tickets import Priority

    assert get_args(Priority) == tuple(PRIORITY_GROUPS)

"""The kiosk's call for help (issue 18), client side: POST /api/v1/help with the device token."""

from __future__ import annotations

import pytest

from client import ApiClient, HelpCall, NotAuthorized, ServerFault, ServerUnreachable
from tests.client.test_api import ScriptedPeer, no_sleep, peer_factory  # noqa: F401 (fixture)

CALL = {"id": 5, "status": "open", "created_at": "2026-11-30T09:15:00.120+07:00"}


def test_ask_for_help_posts_with_the_device_token_and_reads_the_call(peer_factory):  # noqa: F811
    peer: ScriptedPeer = peer_factory([(201, CALL)])
    api = ApiClient(peer.url, token="kiosk-token-1", sleep=no_sleep)
    call = api.ask_for_help()
    assert call == HelpCall(id=5, status="open", created_at=CALL["created_at"])
    [request] = peer.requests
    assert (request["method"], request["path"]) == ("POST", "/api/v1/help")
    assert request["headers"]["Authorization"] == "Bearer kiosk-token-1"


def test_ask_for_help_is_never_sent_twice_by_the_client(peer_factory):  # noqa: F811
    """A lost answer is not resent here (it would ring the desk twice): the kiosk's worker
    decides when to ask again."""
    peer = peer_factory(["drop", (201, CALL)])
    api = ApiClient(peer.url, token="t", sleep=no_sleep)
    with pytest.raises(ServerUnreachable):
        api.ask_for_help()
    assert len(peer.requests) == 1


def test_ask_for_help_errors(peer_factory):  # noqa: F811
    peer = peer_factory(
        [
            (401, {"error": {"code": "not_authenticated", "message": "token"}}),
            (201, {"id": 5, "status": "maybe", "created_at": CALL["created_at"]}),
        ]
    )
    api = ApiClient(peer.url, token="t", sleep=no_sleep)
    with pytest.raises(NotAuthorized):
        api.ask_for_help()
    with pytest.raises(ServerFault, match="status"):  # not what the contract promises
        api.ask_for_help()

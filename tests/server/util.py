"""Small helpers for the server tests: a requests session per role against a LiveServer."""

from __future__ import annotations

import requests

OPERATOR2 = ("petugas2", "petugas-demo-2026")  # Loket 2 and Loket 3


class Api:
    """`api.post("/tickets", json=...)` against /api/v1 with one bearer token."""

    def __init__(self, server, token: str | None = None, language: str | None = None):
        self.base = server.api
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        if language:
            self.session.headers["Accept-Language"] = language

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.session.get(self.base + path, timeout=kwargs.pop("timeout", 10), **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.session.post(self.base + path, timeout=kwargs.pop("timeout", 10), **kwargs)

    def patch(self, path: str, **kwargs) -> requests.Response:
        return self.session.patch(self.base + path, timeout=kwargs.pop("timeout", 10), **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.session.delete(self.base + path, timeout=kwargs.pop("timeout", 10), **kwargs)

    def issue(self, service: str, priority: str | None = None, key: str | None = None) -> dict:
        headers = {"Idempotency-Key": key} if key else {}
        answer = self.post(
            "/tickets", json={"service": service, "priority": priority}, headers=headers
        )
        assert answer.status_code == 201, answer.text
        return answer.json()


def error_code(answer: requests.Response) -> str:
    """The error code of a 4xx answer, checking the error shape on the way."""
    body = answer.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert body["error"]["message"]
    return body["error"]["code"]


def counter_id(server, name: str) -> int:
    admin = Api(server, server.admin_token())
    return next(c["id"] for c in admin.get("/admin/counters").json() if c["name"] == name)

"""The server's one error class: a stable code, an HTTP status and the values of its message."""

from __future__ import annotations


class ServerError(Exception):
    """Raised anywhere in the server; turned into `{"error": {"code", "message"}}` at the edge."""

    def __init__(self, code: str, status: int = 400, /, *, headers: dict | None = None, **values):
        super().__init__(code)
        self.code = code
        self.status = status
        self.values = values
        self.headers = headers or {}


def not_found(code: str, /, **values) -> ServerError:
    return ServerError(code, 404, **values)


def conflict(code: str, /, **values) -> ServerError:
    return ServerError(code, 409, **values)

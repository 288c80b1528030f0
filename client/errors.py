"""The client's one error family; devices turn these into signals and friendly screens."""

from __future__ import annotations


class ClientError(Exception):
    """Base of every error the client raises. `code` is stable; `message` may be shown."""

    code = "client_error"

    def __init__(self, message: str = "", *, code: str | None = None, status: int | None = None):
        super().__init__(message or self.code)
        self.message = message or self.code
        self.status = status
        if code:
            self.code = code


class ServerUnreachable(ClientError):
    """No answer: refused, unknown host, or timed out after the retries."""

    code = "offline"


class Refused(ClientError):
    """The server answered 4xx with an error code (quota_exhausted, queue_empty, ...)."""

    code = "refused"


class NotAuthorized(Refused):
    """401 or 403: a missing, wrong or foreign token, or a role that may not do this."""

    code = "not_authorized"


class ServerFault(ClientError):
    """5xx, or an answer that is not the JSON the contract promises."""

    code = "server_fault"

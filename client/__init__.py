"""The HTTP client every device uses (requests): timeouts, retries, idempotency keys, errors."""

from client.api import ApiClient
from client.errors import ClientError, NotAuthorized, Refused, ServerFault, ServerUnreachable
from client.link import LinkWatch

__all__ = [
    "ApiClient",
    "ClientError",
    "LinkWatch",
    "NotAuthorized",
    "Refused",
    "ServerFault",
    "ServerUnreachable",
]

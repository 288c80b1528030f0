"""The HTTP client every device uses (requests): timeouts, retries, idempotency keys, errors."""

from client.api import ApiClient
from client.errors import ClientError, NotAuthorized, Refused, ServerFault, ServerUnreachable

__all__ = [
    "ApiClient",
    "ClientError",
    "NotAuthorized",
    "Refused",
    "ServerFault",
    "ServerUnreachable",
]

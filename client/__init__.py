"""The HTTP client every device uses (requests): timeouts, retries, idempotency keys, errors.

It hands out the contract's objects (`contract`), re-exported here so that devices, which
import only `client`, name them from one place: `from client import Ticket, DisplayState`.
"""

from client.api import ApiClient, ServerAddresses
from client.errors import ClientError, NotAuthorized, Refused, ServerFault, ServerUnreachable
from client.link import LinkWatch
from contract import (
    BoardCounter,
    Call,
    CounterView,
    DisplayState,
    Health,
    HeartbeatAnswer,
    LoginAnswer,
    ServiceStatus,
    ServiceWaiting,
    Ticket,
    TicketAbandoned,
    TicketService,
    TrackedTicket,
    TransferAnswer,
)
from contract.help import HelpCall

__all__ = [
    "ApiClient",
    "BoardCounter",
    "Call",
    "ClientError",
    "CounterView",
    "DisplayState",
    "Health",
    "HeartbeatAnswer",
    "HelpCall",
    "LinkWatch",
    "LoginAnswer",
    "NotAuthorized",
    "Refused",
    "ServerAddresses",
    "ServerFault",
    "ServerUnreachable",
    "ServiceStatus",
    "ServiceWaiting",
    "Ticket",
    "TicketAbandoned",
    "TicketService",
    "TrackedTicket",
    "TransferAnswer",
]

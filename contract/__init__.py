"""The HTTP contract (v1) as types: every request and answer body of `/api/v1`.

Shared by the server (its response models and request bodies, hence its OpenAPI schema) and
every device (`client/` parses answers into these objects). Imports nothing of ours but
pydantic. Answers ignore fields they do not know, so a newer server may add some.
"""

from contract.admin import (
    Agency,
    AgencyIn,
    AgencyPatch,
    CounterIn,
    CounterPatch,
    CounterRow,
    Device,
    DeviceIn,
    DevicePatch,
    ServiceIn,
    ServicePatch,
    ServiceRow,
    Settings,
    SettingsPatch,
    User,
    UserIn,
    UserPatch,
    WeekHours,
)
from contract.auth import Health, LoginAnswer, LoginIn, Me
from contract.base import MAX_ID, Answer, Body, Ok
from contract.counters import (
    CounterView,
    ServiceName,
    TicketRef,
    TransferAnswer,
    TransferIn,
    WaitingTicket,
)
from contract.devices import HeartbeatAnswer, HeartbeatIn
from contract.display import BoardCounter, Call, CalledTicket, DisplayState, ServiceWaiting
from contract.errors import ErrorBody, ErrorDetail
from contract.reports import DailyReport, DailyRow, DailyTotals
from contract.services import ServiceStatus
from contract.survey import (
    IkmReport,
    IkmService,
    QuickRatingIn,
    Respondent,
    SurveyAnswers,
    SurveyIn,
    SurveyOption,
    SurveyQuestion,
    SurveyState,
)
from contract.tickets import (
    CounterRef,
    PrintedIn,
    Ticket,
    TicketAbandoned,
    TicketIn,
    TicketService,
    TrackedTicket,
)

__all__ = [
    "MAX_ID",
    "Agency",
    "AgencyIn",
    "AgencyPatch",
    "Answer",
    "BoardCounter",
    "Body",
    "Call",
    "CalledTicket",
    "CounterIn",
    "CounterPatch",
    "CounterRef",
    "CounterRow",
    "CounterView",
    "DailyReport",
    "DailyRow",
    "DailyTotals",
    "Device",
    "DeviceIn",
    "DevicePatch",
    "DisplayState",
    "ErrorBody",
    "ErrorDetail",
    "Health",
    "HeartbeatAnswer",
    "HeartbeatIn",
    "IkmReport",
    "IkmService",
    "LoginAnswer",
    "LoginIn",
    "Me",
    "Ok",
    "PrintedIn",
    "QuickRatingIn",
    "Respondent",
    "ServiceIn",
    "ServiceName",
    "ServicePatch",
    "ServiceRow",
    "ServiceStatus",
    "ServiceWaiting",
    "Settings",
    "SettingsPatch",
    "SurveyAnswers",
    "SurveyIn",
    "SurveyOption",
    "SurveyQuestion",
    "SurveyState",
    "Ticket",
    "TicketAbandoned",
    "TicketIn",
    "TicketRef",
    "TicketService",
    "TrackedTicket",
    "TransferAnswer",
    "TransferIn",
    "User",
    "UserIn",
    "UserPatch",
    "WaitingTicket",
    "WeekHours",
]

"""Typed settings of the central server (`server.toml`).

The file bootstraps the database: services, counters, users and devices that are not yet in the
database are imported at start; after that the database is the truth and admin edits persist.
Site-wide rules (time zone, holidays, cutoff, priority and no-show rules, marquee) are read here.
"""

from __future__ import annotations

import datetime as dt
import re
from ipaddress import ip_network
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, IPvAnyNetwork, field_validator, model_validator

from config.loader import ConfigProblem, HttpAddress, StrictModel, load_settings

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SPAN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
SERVICE_CODE = re.compile(r"^[A-Z]{1,2}$")

Role = Literal["operator", "admin"]
DeviceKind = Literal["kiosk", "display"]


def parse_span(text: str) -> tuple[dt.time, dt.time]:
    """'08:00-15:30' -> (08:00, 15:30); raises ValueError with a readable reason."""
    match = _SPAN.match(text.strip())
    if not match:
        raise ConfigProblem("span_form", text=repr(text))
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    if h2 == 24 and m2 != 0:
        raise ConfigProblem("span_24", text=repr(text))
    start = dt.time(h1, m1)
    end = dt.time.max if h2 == 24 else dt.time(h2, m2)
    if end <= start:
        raise ConfigProblem("span_order", text=repr(text))
    return start, end


class WeekHours(StrictModel):
    """Opening hours per weekday, e.g. `mon = "08:00-15:00"`; a day left out is a closed day."""

    mon: str | None = None
    tue: str | None = None
    wed: str | None = None
    thu: str | None = None
    fri: str | None = None
    sat: str | None = None
    sun: str | None = None

    @field_validator(*WEEKDAYS)
    @classmethod
    def _valid_span(cls, value: str | None) -> str | None:
        if value is not None:
            parse_span(value)
        return value

    def as_dict(self) -> dict[str, str]:
        return {day: span for day in WEEKDAYS if (span := getattr(self, day)) is not None}


SITE_CODE = r"^[a-z0-9][a-z0-9-]{0,39}$"
FIRST_SITE = "utama"  # the code of the site `[site]` describes, unless it gives its own


class SiteSettings(StrictModel):
    name: str = Field(default="Mal Pelayanan Publik", min_length=1, max_length=120)
    code: str = Field(
        default=FIRST_SITE,
        pattern=SITE_CODE,
        description="Short name of this site in addresses and settings, when [[sites]] adds more",
    )
    timezone: str = "Asia/Jakarta"
    public_url: HttpAddress = Field(
        default="http://127.0.0.1:8000",
        description="Address citizens' phones reach; ticket QR codes point to <public_url>/t/...",
    )
    language: Literal["id", "en"] = "id"
    server_urls: list[HttpAddress] = Field(
        default_factory=list,
        description="A hall with two server hosts: the address of each, the same list as the "
        "devices' [server] urls; the counter page names the others as backup addresses",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigProblem("unknown_timezone", value=repr(value)) from None
        return value


# The longest cutoff a service may have, in the file and on the admin page alike.
MAX_CUTOFF_MINUTES = 240


class QueueSettings(StrictModel):
    cutoff_minutes: int = Field(
        default=30,
        ge=0,
        le=MAX_CUTOFF_MINUTES,
        description="No new tickets this long before closing",
    )
    priority_streak_limit: int = Field(
        default=3,
        ge=1,
        le=100,
        description="After this many priority calls in a row at a "
        "counter, the oldest normal ticket goes next",
    )
    no_show_after_calls: int = Field(
        default=3, ge=1, le=20, description="A ticket can be marked no-show once called this often"
    )
    default_service_minutes: float = Field(
        default=5.0, gt=0, le=240, description="ETA per ticket while a service has no history"
    )
    holidays: list[dt.date] = Field(default_factory=list)


class BookingSettings(StrictModel):
    """`[booking]`: online booking (reservasi), site-wide. A service takes bookings when its
    entry has `booking_slot_minutes` and `booking_slot_capacity` (docs/decisions.md, issue 16)."""

    days_ahead: int = Field(
        default=7, ge=0, le=60, description="Booking opens this many days ahead (0 = today only)"
    )
    walk_in_share: float = Field(
        default=0.5, ge=0, le=1, description="Share of each day's quota kept for walk-ins"
    )
    checkin_before_minutes: int = Field(
        default=30, ge=0, le=240, description="Check-in opens this long before the slot"
    )
    checkin_grace_minutes: int = Field(
        default=15, ge=0, le=240, description="Check-in closes this long after the slot starts"
    )
    book_until_minutes: int = Field(
        default=60, ge=0, le=24 * 60, description="No new booking this long before the slot"
    )
    ask_nik: bool = Field(
        default=False, description="Ask the NIK: one active booking per NIK, service and day"
    )
    max_per_client_per_hour: int = Field(
        default=20, ge=1, le=100000, description="Bookings and code look-ups per client address"
    )


class AuthSettings(StrictModel):
    session_hours: float = Field(default=12, gt=0, le=24 * 30)
    max_failed_logins: int = Field(default=5, ge=1, le=100)
    failed_login_window_minutes: float = Field(default=5, gt=0, le=24 * 60)


class DisplaySettings(StrictModel):
    marquee: str = Field(default="", max_length=500)


class LoggingSettings(StrictModel):
    """`[logging]`: how much the server writes to its log (`antrian server --log-level` wins)."""

    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class StoreSettings(StrictModel):
    """`[store]`: where the hall's data lives. Without `url`, SQLite in the `--data` folder."""

    url: str | None = Field(
        default=None,
        pattern=r"^postgres(ql)?://",
        description='PostgreSQL, "postgresql://USER:PASSWORD@HOST:PORT/DB"; absent = SQLite',
    )


class MetricsSettings(StrictModel):
    """`[metrics]`: who may read `/metrics` (Prometheus), by address; loopback by default."""

    allow: list[IPvAnyNetwork] = Field(
        default_factory=lambda: [ip_network("127.0.0.0/8"), ip_network("::1/128")],
        description='networks whose addresses may read /metrics, e.g. ["10.0.5.0/24"]',
    )


class SiteEntry(StrictModel):
    """`[[sites]]`: another site on this server (an MPP's service point, another MPP); the
    entries below name it with `site = "code"`. Numbering, quotas, hours, counters, staff and
    displays are then its own."""

    code: str = Field(pattern=SITE_CODE)
    name: str = Field(min_length=1, max_length=120)


class AgencyEntry(StrictModel):
    name: str = Field(min_length=1, max_length=120)
    short_name: str = Field(default="", max_length=40)


class ServiceEntry(StrictModel):
    code: str = Field(description="Letter prefix of the ticket numbers: one or two capitals")
    name: str = Field(min_length=1, max_length=120)
    agency: str = Field(min_length=1, max_length=120)
    site: str | None = Field(default=None, description="The site's code; absent = [site]'s")
    daily_quota: int | None = Field(default=None, ge=1, le=9999)
    hours: WeekHours | str | None = Field(
        default=None,
        description="A weekday table, or the name of a [schedules] entry; "
        "absent = open whenever the server runs",
    )
    enabled: bool = True
    # Online booking: both set = the service takes bookings (slots of this length and size).
    booking_slot_minutes: int | None = Field(default=None, ge=5, le=240)
    booking_slot_capacity: int | None = Field(default=None, ge=1, le=999)

    @field_validator("code")
    @classmethod
    def _letter_code(cls, value: str) -> str:
        if not SERVICE_CODE.match(value):
            raise ConfigProblem("service_code")
        return value


class CounterEntry(StrictModel):
    name: str = Field(min_length=1, max_length=60)
    services: list[str] = Field(min_length=1)
    site: str | None = Field(default=None, description="The site's code; absent = [site]'s")


class UserEntry(StrictModel):
    username: str = Field(pattern=r"^[a-z0-9_.-]{3,40}$")
    password: str = Field(min_length=8, max_length=200)
    role: Role
    counters: list[str] = Field(default_factory=list)
    site: str | None = Field(
        default=None,
        description="The site's code; absent = [site]'s for operators, every site for admins",
    )


class DeviceEntry(StrictModel):
    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,60}$")
    kind: DeviceKind
    token: str = Field(min_length=12, max_length=200)
    site: str | None = Field(default=None, description="The site's code; absent = [site]'s")


class ServerSettings(StrictModel):
    site: SiteSettings = Field(default_factory=SiteSettings)
    queue: QueueSettings = Field(default_factory=QueueSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    booking: BookingSettings = Field(default_factory=BookingSettings)
    display: DisplaySettings = Field(default_factory=DisplaySettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    sites: list[SiteEntry] = Field(default_factory=list)
    schedules: dict[str, WeekHours] = Field(default_factory=dict)
    agencies: list[AgencyEntry] = Field(default_factory=list)
    services: list[ServiceEntry] = Field(default_factory=list)
    counters: list[CounterEntry] = Field(default_factory=list)
    users: list[UserEntry] = Field(default_factory=list)
    devices: list[DeviceEntry] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_hold(self) -> ServerSettings:
        problems: list[ConfigProblem] = []
        site_codes = [self.site.code] + [s.code for s in self.sites]
        _unique(problems, "sites", "code", site_codes)
        named = [
            *(("services", n, e.site) for n, e in enumerate(self.services, 1)),
            *(("counters", n, e.site) for n, e in enumerate(self.counters, 1)),
            *(("users", n, e.site) for n, e in enumerate(self.users, 1)),
            *(("devices", n, e.site) for n, e in enumerate(self.devices, 1)),
        ]
        for table, number, site in named:
            if site is not None and site not in site_codes:
                problems.append(
                    ConfigProblem("unknown_site", at=f"{table}[{number}].site", code=repr(site))
                )
        # A service's code and a counter's name are unique within their site.
        _unique(
            problems, "services", "code", [f"{self.site_of(s)}/{s.code}" for s in self.services]
        )
        _unique(
            problems, "counters", "name", [f"{self.site_of(c)}/{c.name}" for c in self.counters]
        )
        _unique(problems, "users", "username", [u.username for u in self.users])
        _unique(problems, "devices", "name", [d.name for d in self.devices])
        _unique(problems, "devices", "token", [d.token for d in self.devices])
        codes = {(self.site_of(s), s.code) for s in self.services}
        for number, service in enumerate(self.services, 1):
            if isinstance(service.hours, str) and service.hours not in self.schedules:
                problems.append(
                    ConfigProblem(
                        "no_schedule", at=f"services[{number}].hours", name=repr(service.hours)
                    )
                )
        for number, counter in enumerate(self.counters, 1):
            for code in counter.services:
                if (self.site_of(counter), code) not in codes:
                    problems.append(
                        ConfigProblem(
                            "unknown_service", at=f"counters[{number}].services", code=repr(code)
                        )
                    )
        names = {(self.site_of(c), c.name) for c in self.counters}
        for number, user in enumerate(self.users, 1):
            for name in user.counters:
                if (self.site_of(user), name) not in names:
                    problems.append(
                        ConfigProblem(
                            "unknown_counter", at=f"users[{number}].counters", name=repr(name)
                        )
                    )
        if problems:
            raise ConfigProblem.several(problems)
        return self

    def site_of(self, entry: ServiceEntry | CounterEntry | UserEntry | DeviceEntry) -> str:
        """The code of the site an entry belongs to (a user's counters are of this site)."""
        return entry.site or self.site.code

    def service_hours(self, service: ServiceEntry) -> dict[str, str] | None:
        """The weekday table of a service, schedule names resolved; None = always open."""
        if service.hours is None:
            return None
        if isinstance(service.hours, str):
            return self.schedules[service.hours].as_dict()
        return service.hours.as_dict()


def _unique(problems: list[ConfigProblem], table: str, key: str, values: list[str]) -> None:
    seen = set()
    for number, value in enumerate(values, 1):
        if value in seen:
            problems.append(
                ConfigProblem("appears_twice", at=f"{table}[{number}].{key}", value=repr(value))
            )
        seen.add(value)


DEFAULT_CONFIG = Path(__file__).with_name("server.toml")


def load_server_settings(path: Path | str = DEFAULT_CONFIG) -> ServerSettings:
    """Read and validate a server file; raises config.ConfigError naming file, key and fault."""
    return load_settings(ServerSettings, path)

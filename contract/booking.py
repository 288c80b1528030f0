"""Online booking (reservasi): slots, bookings, check-in (docs/api.md, "Bookings")."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from contract.base import Answer, Body, DateText, StrictStr
from contract.tickets import Ticket

BookingStatus = Literal["booked", "checked_in", "cancelled", "no_show"]
ClockText = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="HH:MM")]


class BookingSlot(Answer):
    """One slot of a day (`GET /booking/slots`); `left` is 0 once booking for it has ended."""

    start: str
    end: str
    capacity: int = Field(ge=0)
    left: int = Field(ge=0)


class BookingIn(Body):
    service: StrictStr = Field(min_length=1, max_length=8, description="Service code, e.g. 'A'")
    date: DateText
    start: ClockText
    nik: StrictStr | None = Field(
        default=None,
        max_length=16,
        description="Only when the site asks it ([booking] ask_nik): 16 digits, never stored",
    )


class Booking(Answer):
    """A booking as its holder sees it (`POST /bookings`, `GET`/`DELETE /bookings/{code}`)."""

    code: str
    service: str = Field(description="The service's code")
    date: str
    start: str
    end: str
    status: BookingStatus
    service_name: str | None = None
    agency: str | None = None
    checkin_from: str | None = Field(default=None, description="HH:MM: check-in opens")
    checkin_until: str | None = Field(default=None, description="HH:MM: check-in closes")
    ticket_number: str | None = Field(default=None, description="Once checked in")
    tracking_url: str | None = Field(default=None, description="Once checked in")


class BookedTicket(Ticket):
    """The ticket a check-in issued: as `POST /tickets` gives it, with the booking's code."""

    booking: str

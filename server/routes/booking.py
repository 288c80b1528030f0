"""Online booking (reservasi): slots and bookings (anyone), check-in (kiosk or staff)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from contract.booking import BookedTicket, Booking, BookingIn, BookingSlot
from server.auth import Principal
from server.booking import Bookings
from server.deps import SITE, TICKET_READERS, Services, answers, services

router = APIRouter()
AUTH = (401, 403)
Code = Annotated[str, Path(min_length=1, max_length=16)]


def bookings(request: Request) -> Bookings:
    return request.app.state.bookings


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.get("/booking/slots", **answers(list[BookingSlot], 404, 409))
async def booking_slots(
    svc: Annotated[Services, Depends(services)],
    book: Annotated[Bookings, Depends(bookings)],
    service: Annotated[str, Query(min_length=1, max_length=8)],
    date: Annotated[dt.date, Query()],
    site: Annotated[int, SITE],
) -> list[dict]:
    """A day's slots of a service with the places left (empty on a closed day); of the site
    `?site=CODE` names (else the hall's first)."""
    return await svc.run(book.slots, service, date, site)


@router.post("/bookings", **answers(Booking, 404, 409, 429, status=201))
async def create_booking(
    body: BookingIn,
    request: Request,
    svc: Annotated[Services, Depends(services)],
    book: Annotated[Bookings, Depends(bookings)],
    site: Annotated[int, SITE],
) -> dict:
    """Book one place (at the site `?site=CODE` names); 409 `slot_full` when the slot has
    none left."""
    day = dt.date.fromisoformat(body.date)
    address = client_address(request)
    return await svc.run(book.book, body.service, day, body.start, address, body.nik, site)


@router.get("/bookings/{code}", **answers(Booking, 404, 429))
async def get_booking(
    code: Code,
    request: Request,
    svc: Annotated[Services, Depends(services)],
    book: Annotated[Bookings, Depends(bookings)],
) -> dict:
    return await svc.run(book.get, code, client_address(request))


@router.delete("/bookings/{code}", **answers(Booking, 404, 409, 429))
async def cancel_booking(
    code: Code,
    request: Request,
    svc: Annotated[Services, Depends(services)],
    book: Annotated[Bookings, Depends(bookings)],
) -> dict:
    """Cancel: the place returns at once. Cancelling again answers the cancelled booking."""
    return await svc.run(book.cancel, code, client_address(request))


@router.post("/bookings/{code}/check-in", **answers(BookedTicket, *AUTH, 404, 409, status=201))
async def check_in_booking(
    code: Code,
    response: Response,
    svc: Annotated[Services, Depends(services)],
    book: Annotated[Bookings, Depends(bookings)],
    principal: Annotated[Principal, TICKET_READERS],
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=128)] = None,
) -> dict:
    """The citizen has arrived: a ticket standing in line from the slot's start. The same
    Idempotency-Key from the same kiosk gives the same ticket."""
    ticket, created = await svc.run(book.check_in, principal, code, idempotency_key)
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return ticket

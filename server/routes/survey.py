"""The Survei Kepuasan Masyarakat: a served ticket's survey (anyone holding its tracking code),
the quick rating, and the IKM report (admin)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from contract import IkmReport, Ok, QuickRatingIn, SurveyIn, SurveyState
from server import survey
from server.auth import LoginThrottle, Principal
from server.deps import ADMIN, Services, answers, language, services
from server.errors import ServerError
from server.survey_report import MAX_DAYS, api_view, ikm_report

router = APIRouter()

Svc = Annotated[Services, Depends(services)]
Code = Annotated[str, Path(min_length=1, max_length=64)]

# Refused answers (unknown code, already answered, not served, bad values) per client address.
# Only refusals count, like the login throttle: a right answer is bounded by the tickets served,
# and a whole MPP's phones may share one guest Wi-Fi address, hence the generous limit.
SURVEY_REFUSALS = 30
SURVEY_WINDOW = dt.timedelta(minutes=10)


def survey_throttle() -> LoginThrottle:
    return LoginThrottle(SURVEY_REFUSALS, SURVEY_WINDOW, address_factor=1)


def throttled(request: Request, record) -> None:
    """Run `record()`, counting its refusals against the client's address (429 past the limit)."""
    throttle: LoginThrottle = request.app.state.survey_throttle
    address = request.client.host if request.client else "?"
    now = request.app.state.clock.now()
    wait = throttle.retry_after(address, address, now)
    if wait:
        raise ServerError(
            "too_many_survey_attempts", 429, headers={"Retry-After": str(wait)}, seconds=wait
        )
    try:
        record()
    except ServerError:
        throttle.failed(address, address, now)
        raise


@router.get("/survey/{tracking_code}", **answers(SurveyState, 404))
def survey_state(tracking_code: Code, svc: Svc, lang: Annotated[str, Depends(language)]) -> dict:
    """Whether the ticket may answer (finished and not answered yet) and the nine questions."""
    found = survey.state(svc.queue.store, tracking_code, lang)
    found.pop("rated")
    return found


@router.post("/survey/{tracking_code}", **answers(Ok, 404, 409, 429, status=201))
def answer_survey(tracking_code: Code, body: SurveyIn, request: Request, svc: Svc) -> dict:
    """The nine answers of a finished ticket, once (a second answer is 409 already_answered)."""
    _, at, _ = svc.queue.now()

    def record() -> None:
        survey.answer(
            svc.queue.store,
            tracking_code,
            body.answers.model_dump(),
            body.respondent.model_dump(),
            body.suggestion,
            at,
            "tracking",
        )

    throttled(request, record)
    return {"ok": True}


@router.post("/survey/{tracking_code}/rating", **answers(Ok, 404, 409, 429, status=201))
def rate_service(tracking_code: Code, body: QuickRatingIn, request: Request, svc: Svc) -> dict:
    """The four-face quick rating of a finished ticket, once; it does not count in the IKM."""
    _, at, _ = svc.queue.now()
    throttled(
        request, lambda: survey.rate(svc.queue.store, tracking_code, body.face, at, "tracking")
    )
    return {"ok": True}


@router.get("/reports/ikm", **answers(IkmReport, 401, 403))
def ikm_figures(
    svc: Svc,
    who: Annotated[Principal, ADMIN],
    first: Annotated[str, Query(alias="from", max_length=10, description="YYYY-MM-DD")],
    last: Annotated[str, Query(alias="to", max_length=10, description="YYYY-MM-DD")],
    service: Annotated[str | None, Query(max_length=8, description="a service code")] = None,
) -> dict:
    """The IKM of the served tickets of `from`..`to` (at most a year), per service."""
    try:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except ValueError:
        raise ServerError("bad_date", 422, value=f"{first} / {last}") from None
    if end < start or (end - start).days + 1 > MAX_DAYS:
        raise ServerError("bad_period", 422, days=MAX_DAYS)
    if service is not None:
        with svc.queue.store.read() as tx:
            if tx.service_by_code(service, 1) is None:
                raise ServerError("service_not_found", 404, code=service)
    return api_view(ikm_report(svc.queue.store, start, end, service))

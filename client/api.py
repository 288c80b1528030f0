"""The HTTP client every device uses: timeouts always, retries only where repeating is safe."""

from __future__ import annotations

import http.client
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import requests
import urllib3
from pydantic import TypeAdapter, ValidationError

from client.errors import ClientError, NotAuthorized, Refused, ServerFault, ServerUnreachable
from contract import (
    CounterView,
    DailyReport,
    DisplayState,
    Health,
    HeartbeatAnswer,
    LoginAnswer,
    ServiceStatus,
    Ticket,
    TicketAbandoned,
    TrackedTicket,
    TransferAnswer,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

API_PREFIX = "/api/v1"
LONG_POLL_MAX_SECONDS = 30.0
DROPPED_CONNECTION_ERRORS = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    ConnectionAbortedError,
    BrokenPipeError,
)


def is_dropped_connection(error: BaseException) -> bool:
    """True when a request failed because the server closed an existing connection under it,
    not because no connection could be made (refused, unknown name, connect timeout)."""
    todo: list[BaseException] = [error]
    seen: set[int] = set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, urllib3.exceptions.NewConnectionError | requests.ConnectTimeout):
            return False
        if isinstance(current, DROPPED_CONNECTION_ERRORS):
            return True
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for linked in (getattr(current, "reason", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                todo.append(linked)
    return False


class ApiClient:
    """Blocking client for the v1 contract. Call it from worker threads, never a GUI thread.

    Reads and ticket issue (under one idempotency key) are retried with exponential backoff on
    connection errors and timeouts; counter actions and logins are never retried with backoff,
    because repeating them late could call a second citizen. A request that meets a kept-alive
    connection the server has just closed is sent again at once when that is safe (GETs,
    heartbeats, requests under an idempotency key, which every counter action carries).
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: float = 5.0,
        language: str = "id",
        retries: int = 2,
        backoff: float = 0.3,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.language = language
        self.retries = retries
        self.backoff = backoff
        self._session = session or requests.Session()
        self._sleep = sleep

    # -- plumbing ---------------------------------------------------------------------------

    def close(self) -> None:
        self._session.close()

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Accept": "application/json", "Accept-Language": self.language}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if extra:
            headers.update(extra)
        return headers

    def _request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        retry: bool = False,
        repeatable: bool = False,
        timeout: float | None = None,
    ) -> Any:
        """One request. `retry`: repeat with backoff after connection errors and timeouts.
        `repeatable`: sending it twice does no harm (a heartbeat, a keyed action); GETs, retried
        requests and keyed requests are repeatable too, and a repeatable request that meets a
        dropped kept-alive connection is sent again at once, once, without counting as a retry.
        """
        url = f"{self.base_url}{API_PREFIX}{path}"
        attempts = 1 + (self.retries if retry else 0)
        repeatable = repeatable or retry or method == "GET" or "Idempotency-Key" in (headers or {})
        resent_after_drop = False
        attempt = 1
        while True:
            try:
                response = self._session.request(
                    method,
                    url,
                    json=json,
                    params=params,
                    headers=self._headers(headers),
                    timeout=timeout or self.timeout,
                )
            except (requests.ConnectionError, requests.Timeout) as error:
                if repeatable and not resent_after_drop and is_dropped_connection(error):
                    # uvicorn closes idle kept-alive connections after 5 s; a request sent at
                    # that moment meets a closed socket although the server is fine.
                    resent_after_drop = True
                    log.debug("%s %s: connection dropped (%s); sent again", method, path, error)
                    continue
                if attempt >= attempts:
                    raise ServerUnreachable(f"{method} {path}: {error}") from None
                delay = self.backoff * 2 ** (attempt - 1)
                log.info(
                    "%s %s failed (%s); retry %d in %.1fs", method, path, error, attempt, delay
                )
                self._sleep(delay)
                attempt += 1
                continue
            except requests.RequestException as error:
                raise ServerUnreachable(f"{method} {path}: {error}") from None
            return self._decode(response, f"{method} {path}")

    @staticmethod
    def _decode(response: requests.Response, what: str) -> Any:
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code < 400:
            if body is None:
                raise ServerFault(f"{what}: answer is not JSON", status=response.status_code)
            return body
        error = body.get("error") if isinstance(body, dict) else None
        if response.status_code >= 500 or not isinstance(error, dict):
            raise ServerFault(f"{what}: HTTP {response.status_code}", status=response.status_code)
        kind = NotAuthorized if response.status_code in (401, 403) else Refused
        raise kind(
            str(error.get("message") or error.get("code") or ""),
            code=str(error.get("code") or kind.code),
            status=response.status_code,
        )

    @staticmethod
    def _parse(shape: type[T], body: Any, what: str) -> T:
        """The answer as the contract's object; one that is not what the contract promises is
        a `ServerFault`. Fields the contract does not know are ignored (a newer server)."""
        try:
            return _adapter(shape).validate_python(body)
        except ValidationError as error:
            problem = error.errors()[0]
            where = ".".join(str(p) for p in problem["loc"]) or "body"
            raise ServerFault(
                f"{what}: answer not as the contract says ({where}: {problem['msg']})"
            ) from None

    def _get(
        self,
        shape: type[T],
        path: str,
        *,
        params: dict[str, Any] | None = None,
        timeout: float | None = None,
    ) -> T:
        answer = self._request("GET", path, retry=True, params=params, timeout=timeout)
        return self._parse(shape, answer, f"GET {path}")

    # -- anyone -----------------------------------------------------------------------------

    def health(self) -> Health:
        return self._get(Health, "/health")

    def services(self) -> list[ServiceStatus]:
        return self._get(list[ServiceStatus], "/services")

    def track(self, tracking_code: str) -> TrackedTicket:
        return self._get(TrackedTicket, f"/track/{tracking_code}")

    # -- devices ----------------------------------------------------------------------------

    def display_state(self, since: int | None = None, wait: float = 0.0) -> DisplayState:
        wait = max(0.0, min(float(wait), LONG_POLL_MAX_SECONDS))
        params: dict[str, Any] = {}
        if since is not None:
            params = {"since": since, "wait": wait}
        return self._get(DisplayState, "/display/state", params=params, timeout=self.timeout + wait)

    @staticmethod
    def new_idempotency_key() -> str:
        return uuid.uuid4().hex

    def issue_ticket(
        self, service_code: str, priority: str | None = None, idempotency_key: str | None = None
    ) -> Ticket:
        # The same key on every attempt: the server answers a repeat with the same ticket.
        key = idempotency_key or self.new_idempotency_key()
        answer = self._request(
            "POST",
            "/tickets",
            json={"service": service_code, "priority": priority},
            headers={"Idempotency-Key": key},
            retry=True,
        )
        return self._parse(Ticket, answer, "POST /tickets")

    def abandon_ticket(self, idempotency_key: str) -> TicketAbandoned:
        """The citizen left without the number asked for under `idempotency_key`: the server
        cancels that ticket if nobody can hold it yet. Repeating it changes nothing: safe to
        send twice, so it is retried like a read."""
        path = "/tickets/abandon"
        headers = {"Idempotency-Key": idempotency_key}
        answer = self._request("POST", path, headers=headers, retry=True)
        return self._parse(TicketAbandoned, answer, f"POST {path}")

    def ticket(self, ticket_id: int) -> Ticket:
        return self._get(Ticket, f"/tickets/{ticket_id}")

    def report_printed(self, ticket_id: int, ok: bool = True, reason: str | None = None) -> Ticket:
        body: dict[str, Any] = {"ok": ok}
        if reason:
            body["reason"] = reason
        # Repeating it records the same outcome again: safe to retry.
        path = f"/tickets/{ticket_id}/printed"
        return self._parse(Ticket, self._request("POST", path, json=body, retry=True), path)

    def heartbeat(
        self,
        status: dict[str, Any],
        *,
        version: str | None = None,
        doctor: dict[str, Any] | None = None,
    ) -> HeartbeatAnswer:
        """`version` and `doctor` (the last `antrian doctor`, config.doctor_record): shown to
        technicians on the admin Devices page; left out when None."""
        body: dict[str, Any] = {"status": status}
        if version is not None:
            body["version"] = version
        if doctor is not None:
            body["doctor"] = doctor
        answer = self._request("POST", "/devices/heartbeat", json=body, repeatable=True)
        return self._parse(HeartbeatAnswer, answer, "POST /devices/heartbeat")

    # -- users and counters -------------------------------------------------------------------

    def login(self, username: str, password: str) -> LoginAnswer:
        answer = self._request(
            "POST", "/auth/login", json={"username": username, "password": password}
        )
        login = self._parse(LoginAnswer, answer, "POST /auth/login")
        self.token = login.token
        return login

    def counters(self) -> list[CounterView]:
        return self._get(list[CounterView], "/counters")

    def counter(self, counter_id: int) -> CounterView:
        return self._get(CounterView, f"/counters/{counter_id}")

    def _counter_action(
        self, counter_id: int, action: str, body: dict[str, Any] | None = None
    ) -> CounterView:
        return self._counter_post(CounterView, counter_id, action, body)

    def _counter_post(
        self, shape: type[T], counter_id: int, action: str, body: dict[str, Any] | None
    ) -> T:
        # One key per action: if the answer is lost and the request is sent again, the server
        # answers the repeat without calling a second citizen.
        path = f"/counters/{counter_id}/{action}"
        answer = self._request(
            "POST",
            path,
            json=body or {},
            headers={"Idempotency-Key": self.new_idempotency_key()},
        )
        return self._parse(shape, answer, f"POST {path}")

    def call_next(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "call-next")

    def call(self, counter_id: int, ticket_id: int) -> CounterView:
        return self._counter_action(counter_id, "call", {"ticket_id": ticket_id})

    def recall(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "recall")

    def start(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "start")

    def finish(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "finish")

    def no_show(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "no-show")

    def pause(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "pause")

    def resume(self, counter_id: int) -> CounterView:
        return self._counter_action(counter_id, "resume")

    def transfer(self, counter_id: int, service_code: str) -> TransferAnswer:
        return self._counter_post(TransferAnswer, counter_id, "transfer", {"service": service_code})

    # -- admin --------------------------------------------------------------------------------

    def admin(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """An /admin call (path below /admin, e.g. "/services/A"); never retried."""
        return self._request(method, f"/admin{path}", json=body)

    def daily_report(self, date: str) -> DailyReport:
        return self._get(DailyReport, "/reports/daily", params={"date": date})


_ADAPTERS: dict[object, TypeAdapter[Any]] = {}


def _adapter(shape: type[T]) -> TypeAdapter[T]:
    adapter = _ADAPTERS.get(shape)
    if adapter is None:
        adapter = _ADAPTERS[shape] = TypeAdapter(shape)
    return adapter


__all__ = ["ApiClient", "ClientError"]

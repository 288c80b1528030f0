"""The HTTP client every device uses: timeouts always, retries only where repeating is safe."""

from __future__ import annotations

import http.client
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar
from urllib.parse import quote

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
from contract.booking import BookedTicket
from contract.help import HelpCall

log = logging.getLogger(__name__)
T = TypeVar("T")

API_PREFIX = "/api/v1"
LONG_POLL_MAX_SECONDS = 30.0
# With several server addresses: how often, while on a later one, the first is asked whether it
# answers again, and how long that probe may take (docs/decisions.md, "Two server hosts").
FIRST_ADDRESS_PROBE_SECONDS = 15.0
FIRST_ADDRESS_PROBE_TIMEOUT = 1.0
DROPPED_CONNECTION_ERRORS = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    ConnectionAbortedError,
    BrokenPipeError,
)


def _error_chain(error: BaseException) -> Iterator[BaseException]:
    """The error and every error it wraps (args, `reason`, cause, context), each once: requests
    and urllib3 wrap the socket's error several layers deep."""
    todo: list[BaseException] = [error]
    seen: set[int] = set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(arg for arg in current.args if isinstance(arg, BaseException))
        for linked in (getattr(current, "reason", None), current.__cause__, current.__context__):
            if isinstance(linked, BaseException):
                todo.append(linked)


def never_connected(error: BaseException) -> bool:
    """True when no connection could be made (refused, unknown name, no route, connect
    timeout): nothing of the request reached a server, so sending it elsewhere is always safe."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    return any(
        isinstance(current, urllib3.exceptions.NewConnectionError)
        for current in _error_chain(error)
    )


def is_dropped_connection(error: BaseException) -> bool:
    """True when a request failed because the server closed an existing connection under it,
    not because no connection could be made (refused, unknown name, connect timeout)."""
    for current in _error_chain(error):
        if isinstance(current, urllib3.exceptions.NewConnectionError | requests.ConnectTimeout):
            return False
        if isinstance(current, DROPPED_CONNECTION_ERRORS):
            return True
    return False


class ServerAddresses:
    """The addresses of a hall's servers, in the order given, and which one is used now.

    Thread-safe: the workers of one device share it. Requests go to the current address; one
    that does not answer is left for the next (`leave`). While a later address is current, the
    first is due to be asked again every `probe_seconds` (`first_is_due`), and used again as
    soon as it answers (`back_to_first`): the first is the hall's main server.
    """

    def __init__(
        self,
        urls: str | Sequence[str],
        *,
        probe_seconds: float = FIRST_ADDRESS_PROBE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ):
        given = [urls] if isinstance(urls, str) else list(urls)
        if not given:
            raise ValueError("at least one server address is needed")
        self.urls = [url.rstrip("/") for url in given]
        self.probe_seconds = probe_seconds
        self._clock = clock
        self._index = 0
        self._left_or_probed_at = 0.0  # monotonic
        self._lock = threading.Lock()

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> str:
        return self.urls[self._index]

    def leave(self, index: int, error: BaseException) -> None:
        """The address at `index` did not answer: later requests start at the next one."""
        with self._lock:
            if self._index != index:
                return  # another request has moved on already
            self._index = (index + 1) % len(self.urls)
            self._left_or_probed_at = self._clock()
            now_using = self.urls[self._index]
        log.warning(
            "server %s does not answer (%s); now using %s", self.urls[index], error, now_using
        )

    def first_is_due(self) -> bool:
        """True (once per `probe_seconds`) when a later address is current and the first
        should be asked whether it answers again."""
        with self._lock:
            now = self._clock()
            if self._index == 0 or now - self._left_or_probed_at < self.probe_seconds:
                return False
            self._left_or_probed_at = now
            return True

    def back_to_first(self) -> None:
        with self._lock:
            was = self._index
            self._index = 0
        if was:
            log.warning("server %s answers again; back to it", self.urls[0])


class ApiClient:
    """Blocking client for the v1 contract. Call it from worker threads, never a GUI thread.

    Reads and ticket issue (under one idempotency key) are retried with exponential backoff on
    connection errors and timeouts; counter actions and logins are never retried with backoff,
    because repeating them late could call a second citizen. A request that meets a kept-alive
    connection the server has just closed is sent again at once when that is safe (GETs,
    heartbeats, requests under an idempotency key, which every counter action carries).
    Given several server addresses (a hall with two server hosts), it moves to the next when
    one does not answer, under the same rule (`_request`), and back to the first once it does.
    """

    def __init__(
        self,
        base_url: str | Sequence[str] | ServerAddresses,
        token: str | None = None,
        *,
        timeout: float = 5.0,
        language: str = "id",
        retries: int = 2,
        backoff: float = 0.3,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        # Clients of one device may share one ServerAddresses: when one finds a server gone,
        # the others' next requests go to the next address too.
        self.addresses = (
            base_url if isinstance(base_url, ServerAddresses) else ServerAddresses(base_url)
        )
        self.token = token
        self.timeout = timeout
        self.language = language
        self.retries = retries
        self.backoff = backoff
        self._session = session or requests.Session()
        self._sleep = sleep

    @property
    def base_urls(self) -> list[str]:
        return self.addresses.urls

    @property
    def base_url(self) -> str:
        """The address requests go to now: the first one while it answers."""
        return self.addresses.current

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

        With several addresses (`base_urls`), one attempt goes to each in turn, starting with
        the current one: on to the next at once when no connection could be made (nothing was
        sent), and also after a timeout or a dropped connection when the request is repeatable
        (the same body and the same Idempotency-Key, so the server answers a repeat with the
        first answer). A request that is not repeatable and may have reached a server is never
        sent to a second one: it fails as before, and the next request starts at the next host.
        """
        attempts = 1 + (self.retries if retry else 0)
        repeatable = repeatable or retry or method == "GET" or "Idempotency-Key" in (headers or {})
        if self.addresses.first_is_due():
            self._probe_first()
        attempt = 1
        while True:
            try:
                response = self._send_to_any(
                    method, path, repeatable, json=json, params=params,
                    headers=self._headers(headers), timeout=timeout or self.timeout,
                )  # fmt: skip
            except _NoAnswer as failure:
                if attempt >= attempts:
                    raise ServerUnreachable(f"{method} {path}: {failure.error}") from None
                delay = self.backoff * 2 ** (attempt - 1)
                log.info(
                    "%s %s failed (%s); retry %d in %.1fs",
                    method, path, failure.error, attempt, delay,
                )  # fmt: skip
                self._sleep(delay)
                attempt += 1
                continue
            return self._decode(response, f"{method} {path}")

    def _send_to_any(
        self, method: str, path: str, repeatable: bool, **options: Any
    ) -> requests.Response:
        """One attempt: each address at most once, from the current one on (see `_request`)."""
        start = self.addresses.index
        count = len(self.base_urls)
        error: BaseException | None = None
        for step in range(count):
            index = (start + step) % count
            try:
                return self._send(self.base_urls[index], method, path, repeatable, **options)
            except (requests.ConnectionError, requests.Timeout) as failed:
                error = failed
                if count == 1:
                    break
                self.addresses.leave(index, failed)
                if not (repeatable or never_connected(failed)):
                    # It may have reached that server: sent again elsewhere, it could be done
                    # twice (a login, an admin change). The caller hears that it failed.
                    raise ServerUnreachable(f"{method} {path}: {failed}") from None
        raise _NoAnswer(error)

    def _send(
        self, base_url: str, method: str, path: str, repeatable: bool, **options: Any
    ) -> requests.Response:
        url = f"{base_url}{API_PREFIX}{path}"
        try:
            return self._session.request(method, url, **options)
        except (requests.ConnectionError, requests.Timeout) as error:
            if not (repeatable and is_dropped_connection(error)):
                raise
            # uvicorn closes idle kept-alive connections after 5 s; a request sent at that
            # moment meets a closed socket although the server is fine.
            log.debug("%s %s: connection dropped (%s); sent again", method, path, error)
            return self._session.request(method, url, **options)
        except requests.RequestException as error:
            raise ServerUnreachable(f"{method} {path}: {error}") from None

    def _probe_first(self) -> None:
        """Is the first address answering again? GET /health, at most
        FIRST_ADDRESS_PROBE_TIMEOUT: every device comes back to the hall's main server by
        itself, without a restart, and a dead one costs a request that long only now and then."""
        first = self.base_urls[0]
        timeout = min(FIRST_ADDRESS_PROBE_TIMEOUT, self.timeout)
        try:
            answer = self._session.get(f"{first}{API_PREFIX}/health", timeout=timeout)
        except requests.RequestException as error:
            log.debug("first server %s still does not answer (%s)", first, error)
            return
        if answer.status_code < 500:
            self.addresses.back_to_first()

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

    def check_in_booking(
        self, code: str, idempotency_key: str, timeout: float | None = None
    ) -> BookedTicket:
        """A booking's citizen has arrived: the ticket its check-in issued (the same key
        again gives the same ticket, so it is retried like the ticket itself)."""
        path = f"/bookings/{quote(code, safe='')}/check-in"
        answer = self._request(
            "POST",
            path,
            headers={"Idempotency-Key": idempotency_key},
            retry=True,
            timeout=timeout,
        )
        return self._parse(BookedTicket, answer, f"POST {path}")

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

    def ask_for_help(self) -> HelpCall:
        """Call the information desk to this kiosk (its device token says which kiosk). Not
        retried here: a repeat would ring the desk twice; the kiosk's worker asks again only
        when no answer came."""
        answer = self._request("POST", "/help")
        return self._parse(HelpCall, answer, "POST /help")

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


class _NoAnswer(Exception):
    """No address answered one attempt; `error` is the last failure."""

    def __init__(self, error: BaseException | None):
        super().__init__(str(error))
        self.error = error


def _adapter(shape: type[T]) -> TypeAdapter[T]:
    adapter = _ADAPTERS.get(shape)
    if adapter is None:
        adapter = _ADAPTERS[shape] = TypeAdapter(shape)
    return adapter


__all__ = ["ApiClient", "ClientError"]

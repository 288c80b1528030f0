"""Find out why an address does not answer: name, TCP connect, then the HTTP answer.

Each step has its own cause, so the doctor can say "connection refused" (nothing listens:
the server is not running there), "timed out" (a firewall or a machine that is off), "name not
found" (DNS), "accepts but never answers" (a hung server) or "answers, but not as an Antrian
server" (another program holds the port), each with its own fix. Every step is bounded.
"""

from __future__ import annotations

import errno
import os
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HEALTH_PATH = "/api/v1/health"
UNREACHABLE_ERRNOS = {errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN, errno.ENETDOWN}

# Causes, in the order they are found.
OK = "ok"
NAME_NOT_FOUND = "name_not_found"
REFUSED = "refused"
TIMED_OUT = "timed_out"  # the TCP connect got no answer
NO_ROUTE = "no_route"
HUNG = "hung"  # connected, but no HTTP answer in time
NOT_ANTRIAN = "not_antrian"  # an HTTP answer, but not ours
UNHEALTHY = "unhealthy"  # our error shape, but not a healthy answer
CLOSED = "closed"  # connected, then closed without an answer
OTHER = "other"


@dataclass
class Probe:
    """What one look at an address found. `cause` is one of the constants above."""

    cause: str
    host: str
    port: int
    error: str = ""  # the technical detail (the system's words), for the log and --json
    status_code: int | None = None
    health: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.cause == OK


def address_of(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)


def connect_cause(error: OSError) -> str:
    """The cause a failed TCP connect (or name lookup) stands for."""
    if isinstance(error, socket.gaierror):
        return NAME_NOT_FOUND
    if isinstance(error, ConnectionRefusedError):
        return REFUSED
    if isinstance(error, TimeoutError):
        return TIMED_OUT
    if error.errno in UNREACHABLE_ERRNOS:
        return NO_ROUTE
    return OTHER


def tcp_connect(host: str, port: int, timeout: float) -> str:
    """OK when a TCP connection to host:port opens within `timeout`, else the cause."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.create_connection((host, port), timeout=timeout):
            return OK
    except OSError as error:
        return connect_cause(error)


def probe_health(url: str, timeout: float) -> Probe:
    """Look at `url` + /api/v1/health step by step; never longer than about 2 × timeout."""
    import requests

    host, port = address_of(url)
    started = time.monotonic()

    def done(cause: str, **values) -> Probe:
        return Probe(cause, host, port, seconds=time.monotonic() - started, **values)

    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return done(NAME_NOT_FOUND, error=str(error))
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as error:
        return done(connect_cause(error), error=str(error) or type(error).__name__)
    session = requests.Session()
    session.trust_env = False  # straight to the address, as the TCP step went: no proxy
    try:
        answer = session.get(
            url.rstrip("/") + HEALTH_PATH,
            timeout=(timeout, timeout),
            headers={"Accept": "application/json", "Connection": "close"},
        )
    except requests.Timeout as error:
        return done(HUNG, error=str(error))
    except requests.exceptions.SSLError as error:  # before ConnectionError, its base
        return done(OTHER, error=f"TLS: {error}")
    except requests.ConnectionError as error:
        text = str(error)
        cause = REFUSED if "refused" in text.lower() else CLOSED
        return done(cause, error=text)
    except requests.RequestException as error:
        return done(OTHER, error=str(error))
    finally:
        session.close()
    try:
        body = answer.json()
    except ValueError:
        body = None
    if answer.ok and isinstance(body, dict) and body.get("status") == "ok" and "version" in body:
        return done(OK, status_code=answer.status_code, health=body)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        code = body["error"].get("code", "?")
        return done(
            UNHEALTHY, status_code=answer.status_code, error=f"HTTP {answer.status_code}, {code}"
        )
    server = answer.headers.get("Server", "")
    detail = f"HTTP {answer.status_code}" + (f", Server: {server}" if server else "")
    return done(NOT_ANTRIAN, status_code=answer.status_code, error=detail)


# ---- who holds a port (Linux /proc; best effort, only processes we may look at) ----


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            columns = line.split()
            listening = len(columns) > 9 and columns[3] == "0A"  # 0A = LISTEN
            if listening and int(columns[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(columns[9])
    return inodes


def port_holder(port: int, limit_seconds: float = 2.0) -> tuple[int, str] | None:
    """(pid, command line) of the process listening on `port`, when this user may see it."""
    inodes = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    if not inodes:
        return None
    deadline = time.monotonic() + limit_seconds
    for entry in os.scandir("/proc"):
        if time.monotonic() > deadline:
            return None
        if not entry.name.isdigit():
            continue
        try:
            for fd in os.scandir(f"/proc/{entry.name}/fd"):
                if os.readlink(fd.path) in inodes:
                    raw = Path(f"/proc/{entry.name}/cmdline").read_bytes()
                    command = raw.replace(b"\0", b" ").decode(errors="replace").strip()
                    return int(entry.name), command
        except OSError:
            continue
    return None


def is_antrian_server(command: str) -> bool:
    """`antrian server ...`, `.../bin/antrian server ...` or `python -m antrian.cli server ...`
    (the demo's and the systemd unit's server)."""
    words = command.split()
    return any(
        word.rsplit("/", 1)[-1] in ("antrian", "antrian.cli") and following == "server"
        for word, following in zip(words, words[1:], strict=False)
    )

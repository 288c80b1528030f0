"""Checks of a server PC whose hall lives in PostgreSQL (`[store] url = "postgresql://…"`):
the database answers, takes the credentials, holds a schema this server can use, and carries
LISTEN/NOTIFY (how every server process wakes its displays, server.pg_store).

The URL's password is never shown: messages name the database by `server.pg_sql.redact`, and
PostgreSQL's own error text (which never carries it) is redacted too, to be sure.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from antrian.doctor.core import Check, Context, Outcome

CONNECT_SECONDS = 3  # libpq's connect_timeout, per address a host name resolves to
STATEMENT_MS = 3000  # a database that accepts but then hangs on a query
NOTIFY_SECONDS = 3.0
# PostgreSQL's words for each cause (its server messages, libpq's client ones), in that order.
CAUSES = (
    ("password", ("password authentication failed", "no password supplied")),
    ("no_role", ("role ",)),  # … "role "x" does not exist"
    ("no_database", ("database ",)),  # … "database "x" does not exist"
    ("not_allowed", ("no pg_hba.conf entry",)),
    ("refused", ("connection refused",)),
    ("timed_out", ("timeout expired", "timed out")),
    ("name_not_found", ("failed to resolve host", "could not translate host name")),
    ("no_route", ("no route to host", "network is unreachable")),
)


@dataclass(frozen=True)
class Target:
    """The parts of the `[store] url` a message may name (never the password)."""

    url: str
    where: str
    host: str
    port: int
    user: str
    database: str
    password: str

    @classmethod
    def of(cls, url: str) -> Target:
        """Also libpq's several hosts (`h1:5432,h2:5432`): messages name them all, and the
        first one's port."""
        from server.pg_sql import redact

        parts = urlsplit(url)
        hosts = [urlsplit(f"//{host}") for host in parts.netloc.rpartition("@")[2].split(",")]
        return cls(
            url=url,
            where=redact(url),
            host=", ".join(host.hostname or "localhost" for host in hosts),
            port=hosts[0].port or 5432,
            user=unquote(parts.username or ""),
            database=unquote(parts.path.lstrip("/")) or unquote(parts.username or ""),
            password=unquote(parts.password or ""),
        )

    def hide(self, text: str) -> str:
        # libpq never writes the password; this is a second guard (a very short one would
        # only garble the text: it is left alone).
        return text.replace(self.password, "***") if len(self.password) >= 4 else text


def _target(context: Context) -> Target:
    return Target.of(context.settings.store.url)  # type: ignore[union-attr]


def _connect(target: Target, **options):
    import psycopg

    return psycopg.connect(
        target.url,
        connect_timeout=CONNECT_SECONDS,
        options=f"-c statement_timeout={STATEMENT_MS}",
        autocommit=True,
        **options,
    )


def cause_of(error: Exception) -> str:
    """Which of `CAUSES` a connection error is (PostgreSQL gives no SQLSTATE for them)."""
    text = str(error).lower()
    for cause, words in CAUSES:
        if cause in ("no_role", "no_database"):
            if "does not exist" in text and any(f'{word}"' in text for word in words):
                return cause
        elif any(word in text for word in words):
            return cause
    return "other"


def _connect_failed(context: Context, target: Target, error: Exception) -> Outcome:
    cause = cause_of(error)
    values = {
        "where": target.where,
        "host": target.host,
        "port": target.port,
        "user": target.user,
        "database": target.database,
        "seconds": CONNECT_SECONDS,
        "path": context.path,
        "error": target.hide(str(error).strip().splitlines()[0] if str(error).strip() else ""),
    }
    return Outcome(
        "fail", context.text(f"pg_{cause}", **values), context.text(f"pg_{cause}_fix", **values)
    )


def check_pg_database(context: Context) -> Outcome:
    """Connect (bounded), then the schema: none, older, the same as this server's, or newer."""
    import psycopg

    from server.schema import MIGRATIONS

    target = _target(context)
    try:
        conn = _connect(target)
    except psycopg.Error as error:
        return _connect_failed(context, target, error)
    expected = len(MIGRATIONS)
    values: dict[str, object] = {
        "where": target.where,
        "user": target.user,
        "database": target.database,
    }
    with conn:
        server_version = conn.execute("SHOW server_version").fetchone()[0].split()[0]
        values.update(pg=server_version, expected=expected, path=context.path)
        if conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:
            return Outcome(
                "fail", context.text("pg_standby", **values), context.text("pg_standby_fix")
            )
        exists = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone() if exists else None
        version = row[0] if row and row[0] is not None else 0
        values["version"] = version
        if version > expected:
            return Outcome(
                "fail", context.text("pg_schema_newer", **values), context.text("pg_newer_fix")
            )
        if version == expected:
            return Outcome("ok", context.text("pg_schema_same", **values))
        # The server makes or upgrades the schema at its start: it must be allowed to.
        may_create = conn.execute(
            "SELECT has_schema_privilege(current_user, 'public', 'CREATE')"
        ).fetchone()[0]
        if not may_create:
            return Outcome(
                "fail",
                context.text("pg_no_create", **values),
                context.text("pg_no_create_fix", **values),
            )
        if version == 0:
            return Outcome("ok", context.text("pg_schema_none", **values))
        return Outcome(
            "warn", context.text("pg_schema_older", **values), context.text("pg_older_fix")
        )


def check_pg_notify(context: Context) -> Outcome:
    """A NOTIFY from one connection reaches a LISTEN on another, as between two server
    processes (a pooler in transaction mode, e.g. PgBouncer, drops them)."""
    import psycopg

    target = _target(context)
    channel = f"antrian_doctor_{secrets.token_hex(4)}"  # never one a running server listens on
    values: dict[str, object] = {"seconds": NOTIFY_SECONDS, "where": target.where}
    try:
        with _connect(target) as listener, _connect(target) as sender:
            listener.execute(f"LISTEN {channel}")
            started = time.monotonic()
            sender.execute(f"NOTIFY {channel}, 'doctor'")
            heard = any(
                note.payload == "doctor"
                for note in listener.notifies(timeout=NOTIFY_SECONDS, stop_after=1)
            )
            ms = round((time.monotonic() - started) * 1000)
    except psycopg.Error as error:
        values["error"] = target.hide(str(error).strip())
        return Outcome(
            "warn", context.text("pg_notify_failed", **values), context.text("pg_notify_fix")
        )
    if not heard:
        return Outcome(
            "warn", context.text("pg_notify_silent", **values), context.text("pg_notify_fix")
        )
    return Outcome("ok", context.text("pg_notify_ok", ms=ms))


# Per address of the host: connect + the queries (each under the statement timeout).
DATABASE_BOUND = 2 * CONNECT_SECONDS + 3 * STATEMENT_MS / 1000
PG_CHECKS = [
    Check("database", lambda context: DATABASE_BOUND, check_pg_database, needs=("config",)),
    Check(
        "pg_notify",
        lambda context: 2 * CONNECT_SECONDS + NOTIFY_SECONDS + 1,
        check_pg_notify,
        needs=("database",),
    ),
]

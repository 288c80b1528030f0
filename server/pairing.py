"""Pairing a new device with a one-time code, and revoking a device's token.

The admin asks for a code for a device name and kind (`create_code`); the technician types it
into `antrian setup kiosk` on the new device, which trades it for the device's token (`pair`).
The token goes straight into the device's settings file: no person ever sees it. A code is
short and made of characters that cannot be mistaken for one another when read off a screen,
valid `CODE_MINUTES`, and good for one pairing: the check and the use are one `store.write()`
transaction, so two devices racing with the same code cannot both win. Only the code's hash is
stored, like the tokens'. Wrong codes are throttled per address (`server.auth.LoginThrottle`).
"""

from __future__ import annotations

import datetime as dt
import secrets

from server.auth import hash_token, new_token
from server.errors import ServerError, conflict, not_found
from server.queue import Queue
from server.store import Tx

CODE_MINUTES = 15
# No 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B: every character reads one way on a screen or a phone.
ALPHABET = "ACDEFHJKMNPRTUVWXY3479"
CODE_LENGTH = 8  # 22**8 ≈ 5·10^10 codes, against at most a few wrong tries a minute per address


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalized(code: str) -> str:
    """What the technician typed, as it was issued: case, spaces and the dash do not matter."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == CODE_LENGTH else raw


def _device(tx: Tx, name: str):
    return tx._one("SELECT * FROM devices WHERE name = ?", (name,))


def create_code(queue: Queue, actor: str, name: str, kind: str, site: int = 1) -> dict:
    """A code that pairs a device called `name` at `site`. A name already registered there is
    paired anew (a replaced or revoked device): its old token stops working when the new one
    pairs. Device names are unique over every site (the technician's doctor names them)."""
    now, at, _ = queue.now()
    expires = (now + dt.timedelta(minutes=CODE_MINUTES)).isoformat(timespec="milliseconds")
    code = new_code()
    with queue.store.write() as tx:
        existing = _device(tx, name)
        if existing is not None and (existing["kind"], existing["site_id"]) != (kind, site):
            raise conflict("already_exists", what=name)
        tx._insert(
            "INSERT INTO pairing_codes"
            " (code_hash, name, kind, created_by, created_at, expires_at, site_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (hash_token(code), name, kind, actor, at, expires, site),
        )
    return {"code": code, "expires_at": expires, "name": name, "kind": kind}


def pair(queue: Queue, code: str) -> dict:
    """The device's token for a valid code; the code is used up in the same transaction."""
    now, at, _ = queue.now()
    token = new_token()
    with queue.store.write() as tx:
        row = tx._one("SELECT * FROM pairing_codes WHERE code_hash = ?", (hash_token(code),))
        if row is None:
            raise not_found("code_unknown")
        if row["used_at"] is not None:
            raise conflict("code_used")
        if dt.datetime.fromisoformat(row["expires_at"]) <= now:
            raise conflict("code_expired")
        device = _device(tx, row["name"])
        if device is None:
            device_id = tx.insert_device(
                row["name"], row["kind"], hash_token(token), row["site_id"]
            )
        elif (device["kind"], device["site_id"]) != (row["kind"], row["site_id"]):
            raise conflict("already_exists", what=row["name"])
        else:
            device_id = device["id"]
            tx.update_device(device_id, token_hash=hash_token(token), active=1, revoked_at=None)
        tx.db.execute(
            "UPDATE pairing_codes SET used_at = ?, device_id = ? WHERE id = ?",
            (at, device_id, row["id"]),
        )
    queue.device_cache.clear()  # the old token of a re-paired device must not linger
    return {"token": token, "name": row["name"], "kind": row["kind"]}


def revoke(queue: Queue, device_id: int) -> None:
    """The device's token stops working now; the device must pair again with a new code."""
    _, at, _ = queue.now()
    with queue.store.write() as tx:
        if tx.device(device_id) is None:
            raise not_found("device_not_found")
        # A hash of a token nobody holds: the row keeps its history, the token is dead.
        tx.update_device(device_id, token_hash=hash_token(new_token()), revoked_at=at)
    queue.device_cache.clear()


def throttled(retry_after: int) -> ServerError:
    return ServerError(
        "pairing_throttled", 429, headers={"Retry-After": str(retry_after)}, seconds=retry_after
    )

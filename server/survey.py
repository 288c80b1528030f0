"""The Survei Kepuasan Masyarakat: its questions, the answers of served tickets, the quick rating.

Every SQL statement of the survey is here (functions taking the `Tx` of `store.read()` /
`store.write()`); the IKM arithmetic is `server.ikm`. One response per served ticket: the
ticket's state is checked and the answer written in one write transaction, and the UNIQUE
constraint on `ticket_id` refuses a second answer even from a racing request. Nothing that
identifies the citizen is stored: the answers, the optional profile codes, a free-text saran.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import sqlite3

from server.errors import ServerError, conflict, not_found
from server.ikm import UNSUR, VALUES
from server.store import Store, Tx
from server.texts import TEXTS

MAX_QUESTION = 300
PROFILE_FIELDS = ("gender", "age_group", "education", "occupation")
PROFILE_CODES = {
    "gender": ("laki_laki", "perempuan"),
    "age_group": ("under_20", "20_29", "30_39", "40_49", "50_59", "60_plus"),
    "education": ("sd", "smp", "sma", "diploma", "s1", "s2_plus"),
    "occupation": ("pns", "tni", "polri", "swasta", "wirausaha", "pelajar", "lainnya"),
}
FACES = (1, 2, 3, 4)
CHANNELS = ("tracking", "tablet")
ALL_SERVICES = 0  # survey_questions.service_id of the wording every service uses


# ---- the questions ----
def custom_wording(tx: Tx, service_id: int) -> dict[str, str]:
    """The admin's wording for this service: its own, else the one for every service."""
    rows = tx._all(
        "SELECT service_id, unsur, question FROM survey_questions WHERE service_id IN (?, ?)",
        (ALL_SERVICES, service_id),
    )
    wording = {r["unsur"]: r["question"] for r in rows if r["service_id"] == ALL_SERVICES}
    wording.update({r["unsur"]: r["question"] for r in rows if r["service_id"] == service_id})
    return wording


def stored_wording(tx: Tx, service_id: int) -> dict[str, str]:
    """Only what is stored for exactly this service id (the admin form's values)."""
    rows = tx._all(
        "SELECT unsur, question FROM survey_questions WHERE service_id = ?", (service_id,)
    )
    return {r["unsur"]: r["question"] for r in rows}


def set_wording(tx: Tx, service_id: int, wording: dict[str, str]) -> None:
    """Store the admin's wording; an empty text goes back to the default."""
    for unsur in UNSUR:
        text = " ".join((wording.get(unsur) or "").split())[:MAX_QUESTION]
        if text:
            tx.db.execute(
                "INSERT INTO survey_questions (service_id, unsur, question) VALUES (?, ?, ?)"
                " ON CONFLICT (service_id, unsur) DO UPDATE SET question = excluded.question",
                (service_id, unsur, text),
            )
        else:
            tx.db.execute(
                "DELETE FROM survey_questions WHERE service_id = ? AND unsur = ?",
                (service_id, unsur),
            )


def questions(wording: dict[str, str], lang: str) -> list[dict]:
    """The nine questions: the regulation's title and labels, the admin's or the default text."""
    t = TEXTS.get
    return [
        {
            "unsur": unsur,
            "title": t(f"skm_title_{unsur}", lang),
            "question": wording.get(unsur) or t(f"skm_question_{unsur}", lang),
            "options": [
                {"value": value, "label": t(f"skm_option_{unsur}_{value}", lang)}
                for value in VALUES
            ],
        }
        for unsur in UNSUR
    ]


# ---- one ticket's survey ----
def _ticket(tx: Tx, tracking_code: str) -> sqlite3.Row:
    row = tx.ticket_by_tracking_code(tracking_code)
    if row is None:
        raise not_found("ticket_not_found")
    return row


def answered(tx: Tx, ticket_id: int) -> bool:
    return tx._one("SELECT 1 FROM survey_responses WHERE ticket_id = ?", (ticket_id,)) is not None


def _reason(tx: Tx, ticket: sqlite3.Row) -> str | None:
    if ticket["status"] != "done":
        return "not_served"
    if answered(tx, ticket["id"]):
        return "already_answered"
    return None


def rated(tx: Tx, ticket_id: int) -> bool:
    return tx._one("SELECT 1 FROM quick_ratings WHERE ticket_id = ?", (ticket_id,)) is not None


def state(store: Store, tracking_code: str, lang: str) -> dict:
    """`GET /survey/{code}`: may this ticket answer now, and the questions."""
    with store.read() as tx:
        ticket = _ticket(tx, tracking_code)
        reason = _reason(tx, ticket)
        wording = custom_wording(tx, ticket["service_id"])
        has_rating = rated(tx, ticket["id"])
    return {
        "open": reason is None,
        "reason": reason,
        "questions": questions(wording, lang),
        "rated": has_rating,  # for the pages only; the API's model leaves it out
    }


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text[:1000] or None


def answer(
    store: Store,
    tracking_code: str,
    answers: dict[str, int],
    respondent: dict[str, str | None],
    suggestion: str | None,
    at: str,
    channel: str,
) -> None:
    """Record the answers of a served ticket, once; refusals are 404 / 409."""
    if set(answers) != set(UNSUR) or any(v not in VALUES for v in answers.values()):
        raise ServerError("validation_error", 422, detail="answers: U1 to U9, each 1 to 4")
    profile = {
        field: value if value in PROFILE_CODES[field] else None
        for field in PROFILE_FIELDS
        for value in [respondent.get(field)]
    }
    with store.write() as tx:
        ticket = _ticket(tx, tracking_code)
        reason = _reason(tx, ticket)
        if reason is not None:
            raise conflict(reason)
        written = tx.db.execute(
            "INSERT INTO survey_responses (ticket_id, day, answered_at, service_id, channel,"
            " u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age_group, education, occupation,"
            " suggestion) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (ticket_id) DO NOTHING",
            (
                ticket["id"],
                ticket["day"],
                at,
                ticket["service_id"],
                channel,
                *(answers[u] for u in UNSUR),
                *(profile[f] for f in PROFILE_FIELDS),
                _clean(suggestion),
            ),
        ).rowcount
        if not written:
            raise conflict("already_answered")


def rate(store: Store, tracking_code: str, face: int, at: str, channel: str) -> None:
    """The four-face quick rating of a served ticket, once (apart from the IKM)."""
    if face not in FACES:
        raise ServerError("validation_error", 422, detail="face: 1 to 4")
    with store.write() as tx:
        ticket = _ticket(tx, tracking_code)
        if ticket["status"] != "done":
            raise conflict("not_served")
        written = tx.db.execute(
            "INSERT INTO quick_ratings (ticket_id, day, answered_at, service_id, channel, face)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING",
            (ticket["id"], ticket["day"], at, ticket["service_id"], channel, face),
        ).rowcount
        if not written:
            raise conflict("already_rated")


# ---- the counter's tablet ----
TABLET_MINUTES = 10  # a ticket finished longer ago is no longer offered on the tablet


def last_finished(store: Store, counter_id: int, now: dt.datetime) -> dict | None:
    """The ticket this counter finished last, if recent and neither answered nor rated."""
    since = (now - dt.timedelta(minutes=TABLET_MINUTES)).isoformat(timespec="milliseconds")
    with store.read() as tx:
        row = tx._one(
            "SELECT t.id, t.number, t.tracking_code, s.name AS service_name FROM tickets t"
            " JOIN services s ON s.id = t.service_id"
            " WHERE t.counter_id = ? AND t.status = 'done' AND t.finished_at >= ?"
            " ORDER BY t.finished_at DESC, t.id DESC LIMIT 1",
            (counter_id, since),
        )
        if row is None or rated(tx, row["id"]) or answered(tx, row["id"]):
            return None
    return {"number": row["number"], "code": row["tracking_code"], "service": row["service_name"]}


# The tablet's link: /skm/loket/<counter>?k=<key>, the key an HMAC of the counter id under a
# secret kept in the settings table. Only the admin's survey page shows the links; renewing the
# secret voids every link at once (a lost tablet).
SECRET_KEY = "survey_tablet_secret"


def _secret(tx: Tx) -> str:
    value = tx._value("SELECT value FROM settings WHERE key = ?", (SECRET_KEY,))
    return json.loads(value) if value else ""


def tablet_key(store: Store, counter_id: int) -> str:
    """The key of this counter's tablet link (the secret is made on first use)."""
    with store.read() as tx:
        secret = _secret(tx)
    if not secret:
        with store.write() as tx:
            tx.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (SECRET_KEY, json.dumps(secrets.token_urlsafe(32))),
            )
            secret = _secret(tx)
    return _key(secret, counter_id)


def _key(secret: str, counter_id: int) -> str:
    digest = hmac.new(secret.encode(), f"skm-tablet:{counter_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def tablet_key_valid(store: Store, counter_id: int, key: str) -> bool:
    with store.read() as tx:
        secret = _secret(tx)
    return bool(secret) and hmac.compare_digest(_key(secret, counter_id), key or "")


def renew_tablet_secret(store: Store) -> None:
    with store.write() as tx:
        tx.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (SECRET_KEY, json.dumps(secrets.token_urlsafe(32))),
        )

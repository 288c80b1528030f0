"""Pairing codes against a real server: one use, expiry, throttling, revoking, the heartbeat's
version and doctor result on the device list."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading

from server.pairing import ALPHABET, CODE_MINUTES
from tests.server.util import Api, error_code


def _code(admin: Api, name: str = "kiosk-baru", kind: str = "kiosk") -> dict:
    answer = admin.post("/admin/devices/pairing", json={"name": name, "kind": kind})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_code_pairs_once_and_the_token_works(live_server):
    admin = Api(live_server, live_server.admin_token())
    made = _code(admin)
    assert re.fullmatch(f"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}", made["code"])
    expires = dt.datetime.fromisoformat(made["expires_at"])
    assert expires - live_server.clock.now() > dt.timedelta(minutes=CODE_MINUTES - 1)

    typed = made["code"].lower().replace("-", " ")  # as a technician might type it
    paired = Api(live_server).post("/devices/pair", json={"code": typed})
    assert paired.status_code == 201, paired.text
    body = paired.json()
    assert body["name"] == "kiosk-baru" and body["kind"] == "kiosk" and len(body["token"]) > 30

    kiosk = Api(live_server, body["token"])
    assert kiosk.post("/devices/heartbeat", json={"status": {}}).status_code == 200
    again = Api(live_server).post("/devices/pair", json={"code": made["code"]})
    assert (again.status_code, error_code(again)) == (409, "code_used")
    # Neither the code nor the token is kept in plain text.
    db = sqlite3.connect(live_server.data_dir / "antrian.sqlite3")
    dump = "\n".join(db.iterdump())
    assert made["code"] not in dump and body["token"] not in dump


def test_an_expired_code_is_refused(live_server):
    admin = Api(live_server, live_server.admin_token())
    made = _code(admin)
    live_server.clock.advance(dt.timedelta(minutes=CODE_MINUTES, seconds=1))
    answer = Api(live_server).post("/devices/pair", json={"code": made["code"]})
    assert (answer.status_code, error_code(answer)) == (409, "code_expired")
    assert "kedaluwarsa" in answer.json()["error"]["message"]


def test_two_devices_racing_with_one_code_pair_one(live_server):
    made = _code(Api(live_server, live_server.admin_token()))
    answers: list[int] = []

    def pair():
        answers.append(
            Api(live_server).post("/devices/pair", json={"code": made["code"]}).status_code
        )

    threads = [threading.Thread(target=pair) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201] + [409] * 5


def test_wrong_codes_are_throttled(live_server):
    anyone = Api(live_server)
    codes = [anyone.post("/devices/pair", json={"code": "AAAA-AAAA"}) for _ in range(10)]
    assert {error_code(a) for a in codes} == {"code_unknown"}
    throttled = anyone.post("/devices/pair", json={"code": "AAAA-AAAA"})
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) > 0
    assert error_code(throttled) == "pairing_throttled"


def test_only_an_admin_makes_codes(live_server):
    answer = Api(live_server, live_server.operator_token()).post(
        "/admin/devices/pairing", json={"name": "x", "kind": "kiosk"}
    )
    assert answer.status_code == 403
    bad = Api(live_server, live_server.admin_token()).post(
        "/admin/devices/pairing", json={"name": "no spaces", "kind": "kiosk"}
    )
    assert bad.status_code == 422


def test_revoked_device_is_locked_out_until_paired_again(live_server):
    admin = Api(live_server, live_server.admin_token())
    token = (
        Api(live_server).post("/devices/pair", json={"code": _code(admin)["code"]}).json()["token"]
    )
    kiosk = Api(live_server, token)
    assert kiosk.post("/devices/heartbeat", json={"status": {}}).status_code == 200
    device = next(d for d in admin.get("/admin/devices").json() if d["name"] == "kiosk-baru")
    revoked = admin.post(f"/admin/devices/{device['id']}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert kiosk.post("/devices/heartbeat", json={"status": {}}).status_code == 401
    assert kiosk.post("/tickets", json={"service": "A"}).status_code == 401

    # Pairing the same name again: the same row, a new token, no longer revoked.
    new = Api(live_server).post("/devices/pair", json={"code": _code(admin)["code"]}).json()
    assert Api(live_server, new["token"]).post("/devices/heartbeat", json={}).status_code == 200
    rows = [d for d in admin.get("/admin/devices").json() if d["name"] == "kiosk-baru"]
    assert len(rows) == 1 and rows[0]["id"] == device["id"] and rows[0]["revoked_at"] is None
    assert kiosk.post("/devices/heartbeat", json={}).status_code == 401  # the old token: dead


def test_a_code_for_a_name_of_the_other_kind_is_refused(live_server):
    admin = Api(live_server, live_server.admin_token())
    display_name = next(
        d["name"] for d in admin.get("/admin/devices").json() if d["kind"] == "display"
    )
    answer = admin.post("/admin/devices/pairing", json={"name": display_name, "kind": "kiosk"})
    assert (answer.status_code, error_code(answer)) == (409, "already_exists")


def test_heartbeat_carries_version_and_doctor_old_bodies_still_work(live_server):
    admin = Api(live_server, live_server.admin_token())
    kiosk = Api(live_server, live_server.kiosk_token)
    assert kiosk.post("/devices/heartbeat", json={"status": {"printer": "ok"}}).status_code == 200
    doctor = {
        "at": "2026-11-30T09:00:00+07:00",
        "ok": False,
        "checks": [{"key": "printer", "status": "fail", "detail": "Kertas habis"}],
    }
    answer = kiosk.post(
        "/devices/heartbeat",
        json={"status": {"printer": "paper_out"}, "version": "0.2.0", "doctor": doctor},
    )
    assert answer.status_code == 200, answer.text
    row = next(d for d in admin.get("/admin/devices").json() if d["last_status"])
    assert row["last_status"]["version"] == "0.2.0"
    assert row["last_status"]["doctor"]["checks"][0]["key"] == "printer"
    bad = kiosk.post("/devices/heartbeat", json={"status": {}, "doctor": {"ok": "maybe"}})
    assert bad.status_code == 422

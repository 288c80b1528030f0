"""The survey over HTTP against a real server: only finished tickets answer, once (also when two
answers race), refusals are 404 / 409 / 422 / 429, the quick rating stays out of the IKM, the
admin's wording reaches the questions, the IKM report is the admin's, and the counter tablet
answers only for the ticket its counter just finished."""

from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
import requests

from server.routes.survey import SURVEY_REFUSALS
from server.survey import TABLET_MINUTES
from tests.server.util import Api, error_code
from tests.server.web.conftest import WebSession
from tests.support.live_server import ADMIN, OPERATOR

DAY = "2026-11-30"
ALL_THREE = {f"U{n}": 3 for n in range(1, 10)}


def body(value: int = 3, **extra) -> dict:
    return {"answers": {f"U{n}": value for n in range(1, 10)}, **extra}


def served_ticket(server, service: str = "A", counter: int = 1) -> str:
    """Issue, call and finish a ticket at `counter`; its tracking code."""
    kiosk = Api(server, server.kiosk_token)
    admin = Api(server, server.admin_token())
    ticket = kiosk.issue(service)
    called = admin.post(f"/counters/{counter}/call", json={"ticket_id": ticket["id"]})
    assert called.status_code == 200, called.text
    assert admin.post(f"/counters/{counter}/finish").status_code == 200
    return ticket["tracking_code"]


def report(server, **query) -> dict:
    answer = Api(server, server.admin_token()).get(
        "/reports/ikm", params={"from": DAY, "to": DAY, **query}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_only_a_finished_ticket_answers_and_only_once(live_server):
    anyone = Api(live_server)
    waiting = Api(live_server, live_server.kiosk_token).issue("B")["tracking_code"]
    state = anyone.get(f"/survey/{waiting}").json()
    assert state["open"] is False and state["reason"] == "not_served"
    assert [q["unsur"] for q in state["questions"]] == [f"U{n}" for n in range(1, 10)]
    assert [o["value"] for o in state["questions"][0]["options"]] == [1, 2, 3, 4]
    assert set(state) == {"open", "reason", "questions"}
    refused = anyone.post(f"/survey/{waiting}", json=body())
    assert refused.status_code == 409 and error_code(refused) == "not_served"

    code = served_ticket(live_server)
    assert anyone.get(f"/survey/{code}").json()["open"] is True
    first = anyone.post(f"/survey/{code}", json=body(4, suggestion="Ruang tunggu sejuk"))
    assert first.status_code == 201, first.text
    again = anyone.post(f"/survey/{code}", json=body(1))
    assert again.status_code == 409 and error_code(again) == "already_answered"
    assert anyone.get(f"/survey/{code}").json() | {"questions": []} == {
        "open": False, "reason": "already_answered", "questions": [],
    }  # fmt: skip
    figures = report(live_server)
    assert figures["respondents"] == 1 and figures["ikm"] == 100.0  # the second answer is not in


def test_bad_answers_are_refused(live_server):
    anyone = Api(live_server)
    code = served_ticket(live_server)
    missing = {"answers": {f"U{n}": 3 for n in range(1, 9)}}
    for wrong in (
        missing,
        body(5),
        body(0),
        {"answers": {**ALL_THREE, "U4": "3"}},
        {"answers": {**ALL_THREE, "U4": True}},
        body(3, respondent={"gender": "x"}),
        body(3, suggestion="x" * 1001),
    ):
        answer = anyone.post(f"/survey/{code}", json=wrong)
        assert answer.status_code == 422, (wrong, answer.text)
        assert error_code(answer) == "validation_error"
    unknown = anyone.post("/survey/no-such-code", json=body())
    assert unknown.status_code == 404 and error_code(unknown) == "ticket_not_found"
    assert anyone.get("/survey/no-such-code").status_code == 404
    assert anyone.post(f"/survey/{code}", json=body()).status_code == 201  # still open after 422s


def test_two_answers_at_once_count_once(live_server):
    code = served_ticket(live_server)
    statuses = []
    start = threading.Barrier(4)

    def answer():
        start.wait()
        statuses.append(
            requests.post(f"{live_server.api}/survey/{code}", json=body(), timeout=10).status_code
        )

    threads = [threading.Thread(target=answer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201, 409, 409, 409]
    assert report(live_server)["respondents"] == 1


def test_quick_rating_is_kept_apart_from_the_ikm(live_server):
    anyone = Api(live_server)
    code = served_ticket(live_server)
    assert anyone.post(f"/survey/{code}/rating", json={"face": 4}).status_code == 201
    again = anyone.post(f"/survey/{code}/rating", json={"face": 1})
    assert again.status_code == 409 and error_code(again) == "already_rated"
    assert anyone.post(f"/survey/{code}/rating", json={"face": 5}).status_code == 422
    figures = report(live_server)
    assert figures["respondents"] == 0 and figures["ikm"] is None and figures["mutu"] is None
    assert anyone.get(f"/survey/{code}").json()["open"] is True  # the nine questions still may


def test_the_report_is_for_admins_and_narrows_to_a_service(live_server):
    anyone = Api(live_server)
    for service, value in (("A", 4), ("A", 3), ("B", 2)):
        counter = 1
        assert (
            anyone.post(
                f"/survey/{served_ticket(live_server, service, counter)}", json=body(value)
            ).status_code
            == 201
        )
    served_ticket(live_server, "A")  # served, not answered: counts in the population
    whole = report(live_server)
    assert set(whole) == {
        "respondents", "population", "minimum_respondents", "nrr", "ikm", "ikm_0_11", "mutu",
        "kinerja", "services",
    }  # fmt: skip
    assert whole["respondents"] == 3 and whole["population"] == 4
    assert whole["minimum_respondents"] == 4
    assert whole["nrr"] == {f"U{n}": 3.0 for n in range(1, 10)}
    assert (whole["ikm"], whole["ikm_0_11"], whole["mutu"]) == (75.0, 74.25, "C")
    assert whole["kinerja"] == "Kurang Baik"
    rows = {s["code"]: s for s in whole["services"]}
    assert set(rows) == {"A", "B"}
    assert set(rows["A"]) == {"code", "respondents", "nrr", "ikm", "mutu"}
    assert (rows["A"]["respondents"], rows["A"]["ikm"], rows["A"]["mutu"]) == (2, 87.5, "B")
    assert (rows["B"]["ikm"], rows["B"]["mutu"]) == (50.0, "D")
    only_a = report(live_server, service="A")
    assert (only_a["respondents"], only_a["population"], only_a["ikm"]) == (2, 3, 87.5)
    assert [s["code"] for s in only_a["services"]] == ["A"]

    operator = Api(live_server, live_server.operator_token())
    refused = operator.get("/reports/ikm", params={"from": DAY, "to": DAY})
    assert refused.status_code == 403 and error_code(refused) == "forbidden"
    assert Api(live_server).get("/reports/ikm", params={"from": DAY, "to": DAY}).status_code == 401
    admin = Api(live_server, live_server.admin_token())
    for params in (
        {"from": "2026-13-01", "to": DAY},
        {"from": DAY, "to": "2026-11-01"},
        {"from": "2025-01-01", "to": "2026-12-31"},
        {"to": DAY},
    ):
        assert admin.get("/reports/ikm", params=params).status_code == 422, params
    missing = admin.get("/reports/ikm", params={"from": DAY, "to": DAY, "service": "ZZ"})
    assert missing.status_code == 404


def test_refused_answers_are_throttled_per_client(live_server):
    anyone = Api(live_server)
    for _ in range(SURVEY_REFUSALS):
        assert anyone.post("/survey/guessed-code", json=body()).status_code == 404
    blocked = anyone.post("/survey/guessed-code", json=body())
    assert blocked.status_code == 429 and error_code(blocked) == "too_many_survey_attempts"
    assert int(blocked.headers["Retry-After"]) > 0


# The columns are read with SQLite's PRAGMA; the table is the same migration on PostgreSQL.
@pytest.mark.sqlite_only
def test_nothing_identifying_is_stored(live_server):
    store = live_server.app.state.store
    with store.read() as tx:
        columns = {row["name"] for row in tx._all("PRAGMA table_info(survey_responses)")}
    assert not columns & {"name", "nik", "phone", "email", "address", "ip"}
    assert {"gender", "age_group", "education", "occupation", "suggestion"} <= columns


def test_the_admins_wording_reaches_the_questions(live_server):
    admin = WebSession(live_server, *ADMIN)
    page = admin.get("/admin/skm")
    csrf = admin.csrf
    saved = admin.post(
        "/admin/skm", data={"csrf": csrf, "layanan": "A", "U3": "Berapa lama Anda dilayani?"}
    )
    assert saved.status_code == 200 and "notice=saved" in saved.url
    assert "Berapa lama Anda dilayani?" in saved.text
    questions = Api(live_server).get(f"/survey/{served_ticket(live_server, 'A')}").json()
    by_unsur = {q["unsur"]: q for q in questions["questions"]}
    assert by_unsur["U3"]["question"] == "Berapa lama Anda dilayani?"
    assert by_unsur["U3"]["title"] == "Waktu Penyelesaian"  # the unsur itself is fixed
    other = Api(live_server).get(f"/survey/{served_ticket(live_server, 'B', 1)}").json()
    assert {q["unsur"]: q for q in other["questions"]}["U3"]["question"].startswith("Bagaimana")
    assert page.status_code == 200
    operator = WebSession(live_server, *OPERATOR)
    assert operator.get("/admin/skm").status_code == 403


def tablet_link(server, counter: int) -> str:
    page = WebSession(server, *ADMIN).get("/admin/skm").text
    return re.search(rf'href="(http://[^"]+/skm/loket/{counter}\?k=[0-9a-f]+)"', page).group(1)


def test_the_counter_tablet_answers_for_the_ticket_just_finished_there(live_server):
    link = tablet_link(live_server, 1)
    assert requests.get(link, timeout=10).status_code == 200
    tablet = requests.Session()
    nothing = tablet.get(link.replace("?", "/tiket?"), timeout=10).json()
    assert nothing == {"ticket": None}
    code = served_ticket(live_server, "A", counter=1)
    ticket = tablet.get(link.replace("?", "/tiket?"), timeout=10).json()["ticket"]
    assert ticket["code"] == code and len(ticket["questions"]) == 9
    other = served_ticket(live_server, "C", counter=3)
    wrong = tablet.post(link.replace("?", "/jawab?") + f"&kode={other}", json=body(), timeout=10)
    assert wrong.status_code == 404  # not the ticket of this counter
    answered = tablet.post(link.replace("?", "/jawab?") + f"&kode={code}", json=body(), timeout=10)
    assert answered.status_code == 201, answered.text
    again = Api(live_server).post(f"/survey/{code}", json=body())
    assert again.status_code == 409 and error_code(again) == "already_answered"
    assert tablet.get(link.replace("?", "/tiket?"), timeout=10).json() == {"ticket": None}
    later = served_ticket(live_server, "A", counter=1)
    assert tablet.get(link.replace("?", "/tiket?"), timeout=10).json()["ticket"]["code"] == later
    live_server.clock.advance(dt.timedelta(minutes=TABLET_MINUTES + 1))  # the citizen has left
    assert tablet.get(link.replace("?", "/tiket?"), timeout=10).json() == {"ticket": None}


@pytest.mark.parametrize("who", ["bad key", "other counter", "operator"])
def test_the_tablet_page_is_refused_without_its_link(live_server, who):
    link = tablet_link(live_server, 1)
    if who == "bad key":
        answer = requests.get(link[:-4] + "0000", timeout=10)
    elif who == "other counter":
        answer = requests.get(link.replace("/loket/1?", "/loket/2?"), timeout=10)
    else:  # the counter PC, logged in as the officer, cannot be the tablet
        answer = WebSession(live_server, *OPERATOR).http.get(link, timeout=10)
    assert answer.status_code == 403
    assert "skm-tablet" not in answer.text


def test_renewing_the_links_voids_the_old_ones(live_server):
    old = tablet_link(live_server, 1)
    admin = WebSession(live_server, *ADMIN)
    assert admin.post("/admin/skm/tautan-baru", data={"csrf": admin.csrf}).status_code == 200
    assert requests.get(old, timeout=10).status_code == 403
    assert requests.get(tablet_link(live_server, 1), timeout=10).status_code == 200


def test_the_counter_page_offers_no_way_to_answer(live_server):
    served_ticket(live_server, "A", counter=1)
    operator = WebSession(live_server, *OPERATOR)
    for path in ("/loket", "/loket/1", "/loket/1/panel"):
        page = operator.get(path).text
        assert "/api/v1/survey" not in page and "skm" not in page.lower(), path


def test_report_page_csv_and_print_page(live_server):
    anyone = Api(live_server)
    low = {**ALL_THREE, "U9": 1}
    answer = {"answers": low, "suggestion": "Toilet bersih"}
    assert anyone.post(f"/survey/{served_ticket(live_server)}", json=answer).status_code == 201
    served_ticket(live_server)  # two served, one answered: below the minimum of 2
    admin = WebSession(live_server, *ADMIN)
    page = admin.get("/admin/laporan/ikm?periode=2026-11").text
    assert 'id="skm-respondents">1<' in page and "Toilet bersih" in page
    assert 'id="skm-too-few"' in page
    assert "U9 Sarana dan Prasarana (1.00)" in page  # the lowest unsur, first to improve
    printed = admin.get("/admin/laporan/ikm/cetak?periode=2026-Q4").text
    for text in ("3,0644 – 3,532", "76,61 – 88,30", "Kurang Baik", "Sarana dan Prasarana (1,00)"):
        assert text in printed, text
    csv_text = admin.get("/admin/laporan/ikm.csv?periode=2026").text.lstrip("\ufeff")
    lines = csv_text.splitlines()
    assert lines[0].startswith("level,agency,code,name,respondents,population")
    total = lines[-1].split(",")
    assert total[0] == "total" and total[4:7] == ["1", "2", "2"]
    operator = WebSession(live_server, *OPERATOR)
    for path in ("/admin/laporan/ikm", "/admin/laporan/ikm.csv", "/admin/laporan/ikm/cetak"):
        assert operator.get(path).status_code == 403, path

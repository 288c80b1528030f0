"""The honest estimate over a real server: only counters open now count, and with none open
/services, the ticket, /track and the tracking page say so instead of a number."""

import requests

from tests.server.util import Api, counter_id


def service(server, code: str, language: str | None = None) -> dict:
    items = Api(server, language=language).get("/services").json()
    return next(item for item in items if item["code"] == code)


def tracking_page(server, ticket: dict, language: str = "id") -> str:
    answer = requests.get(
        f"{server.url}/t/{ticket['tracking_code']}",
        cookies={"antrian_bahasa": language},
        timeout=10,
    )
    assert answer.status_code == 200
    return answer.text


def track(server, ticket: dict) -> dict:
    return Api(server).get(f"/track/{ticket['tracking_code']}").json()


def test_no_open_counter_means_no_number(live_server):
    """Morning, every counter closed: counters_open 0 and eta_minutes null everywhere; the
    tracking page says no counter is open, in Indonesian or English."""
    kiosk = Api(live_server, live_server.kiosk_token)
    kiosk.issue("A")
    ticket = kiosk.issue("A")
    listed = service(live_server, "A")
    assert (listed["counters_open"], listed["eta_minutes"]) == (0, None)
    assert ticket["waiting_ahead"] == 1
    assert (ticket["counters_open"], ticket["eta_minutes"]) == (0, None)
    tracked = track(live_server, ticket)
    assert (tracked["counters_open"], tracked["eta_minutes"], tracked["waiting_ahead"]) == (
        0,
        None,
        1,
    )
    page = tracking_page(live_server, ticket)
    assert "Belum ada loket yang buka untuk layanan ini" in page
    # no minutes, no "± 0 menit", in the ticket's panel (the survey below it, hidden until the
    # ticket is done, says "kurang dari satu menit")
    assert "menit" not in page.split('id="skm"')[0]
    assert "No counter is open for this service yet" in tracking_page(live_server, ticket, "en")


def test_paused_and_closed_counters_do_not_count(live_server):
    """A service's counters count only while open: a pause or a close takes them out again."""
    admin = Api(live_server, live_server.admin_token())
    Api(live_server, live_server.kiosk_token).issue("A")
    loket1, loket2 = counter_id(live_server, "Loket 1"), counter_id(live_server, "Loket 2")
    assert admin.post(f"/counters/{loket1}/resume").status_code == 200
    assert admin.post(f"/counters/{loket2}/resume").status_code == 200
    assert service(live_server, "A")["counters_open"] == 2
    assert service(live_server, "B")["counters_open"] == 2
    assert service(live_server, "C")["counters_open"] == 0  # Loket 3 and 4 are still closed
    assert service(live_server, "C")["eta_minutes"] is None
    assert admin.post(f"/counters/{loket1}/pause").status_code == 200
    assert service(live_server, "A")["counters_open"] == 1
    assert admin.post(f"/counters/{loket2}/close").status_code == 200
    after = service(live_server, "A")
    assert (after["counters_open"], after["eta_minutes"]) == (0, None)


def test_soon_only_when_a_counter_is_free(live_server):
    """With Loket 1 open and free, the first ticket is 'soon' (0); once Loket 1 is busy with
    it, the next ticket waits at least a minute, and the page says so with a time."""
    admin = Api(live_server, live_server.admin_token())
    kiosk = Api(live_server, live_server.kiosk_token)
    loket1 = counter_id(live_server, "Loket 1")
    admin.post(f"/counters/{loket1}/resume").raise_for_status()
    first = kiosk.issue("A")
    assert (first["counters_open"], first["eta_minutes"]) == (1, 0)
    assert "Sebentar lagi Anda dipanggil" in tracking_page(live_server, first)
    admin.post(f"/counters/{loket1}/call-next").raise_for_status()  # Loket 1 is busy now
    second = kiosk.issue("A")
    assert second["waiting_ahead"] == 0
    # default_service_minutes = 6, half-way through on average: 3 minutes.
    assert second["eta_minutes"] == 3
    # /services estimates the next ticket, which has the second one ahead: 1.5 x 6.
    assert service(live_server, "A")["eta_minutes"] == 9
    page = tracking_page(live_server, second)
    assert "± 3 menit lagi" in page and "09.0" in page
    assert "Belum ada loket" not in page
    # A called ticket has no estimate and no counters_open: it is not in line any more.
    called = track(live_server, first)
    assert (called["status"], called["eta_minutes"], called["counters_open"]) == (
        "called",
        None,
        None,
    )


def test_a_free_counter_with_older_tickets_of_another_service_is_not_soon(live_server):
    """Loket 1 (A and B) is open and free, a B ticket came first: the A ticket is 0th in A's
    line but not 'soon' — Loket 1 calls the B ticket first, then serves it (6 minutes)."""
    admin = Api(live_server, live_server.admin_token())
    kiosk = Api(live_server, live_server.kiosk_token)
    admin.post(f"/counters/{counter_id(live_server, 'Loket 1')}/resume").raise_for_status()
    kiosk.issue("B")
    ticket = kiosk.issue("A")
    assert (ticket["waiting_ahead"], ticket["counters_open"]) == (0, 1)
    assert ticket["eta_minutes"] == 6
    assert service(live_server, "A")["eta_minutes"] == 12  # B-001 and A-001 before it
    assert "Sebentar lagi" not in tracking_page(live_server, ticket)

"""How much store work one queue command costs: its answer is built from what it wrote."""

from __future__ import annotations

import threading

from server.auth import Principal
from server.store import Tx
from tests.server.util import Api, counter_id

CALL_NEXT_STORE_CALLS = 11  # 17 before the rooms (docs/decisions.md, "Server (issue 2)")


def count_store_calls(monkeypatch) -> list[str]:
    """The names of the `Tx` methods this thread calls from now on (outermost calls only)."""
    made: list[str] = []
    me = threading.get_ident()
    depth = threading.local()

    def wrap(name, method):
        def counted(self, *args, **kwargs):
            outer = not getattr(depth, "n", 0)
            if outer and threading.get_ident() == me:
                made.append(name)
            depth.n = getattr(depth, "n", 0) + 1
            try:
                return method(self, *args, **kwargs)
            finally:
                depth.n -= 1

        return counted

    for name, method in list(vars(Tx).items()):
        if callable(method) and not name.startswith("_"):
            monkeypatch.setattr(Tx, name, wrap(name, method))
    return made


def test_one_call_next_is_a_few_store_calls(live_server, monkeypatch):
    kiosk = Api(live_server, live_server.kiosk_token)
    for _ in range(3):
        kiosk.issue("A")
    loket = counter_id(live_server, "Loket 1")
    queue = live_server.app.state.services.queue
    admin = Principal(kind="user", id=0, name="admin", role="admin", counter_ids=frozenset())
    made = count_store_calls(monkeypatch)
    view = queue.call_next(admin, loket)
    assert view["current"]["number"] == "A-001"
    assert view["waiting_count"] == 2
    assert len(made) <= CALL_NEXT_STORE_CALLS, made
    assert made.count("settings") <= 2 and "ticket" not in made and "counter" in made[:1], made

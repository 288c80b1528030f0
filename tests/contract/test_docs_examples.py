"""Every JSON example of docs/api.md is a body the contract's models accept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import TypeAdapter

import contract as c
from contract.booking import Booking, BookingIn, BookingSlot
from contract.devices import Paired, PairIn, PairingCode, PairingCodeIn
from contract.help import HelpCall, HelpIn

API_MD = Path(__file__).resolve().parents[2] / "docs" / "api.md"

# Heading of docs/api.md -> the models of its JSON bodies (```json blocks, and the bodies of
# ```http requests), in the order they appear. Examples are whole bodies, never shortened.
EXAMPLES: dict[str, list] = {
    "Conventions": [c.ErrorBody],
    "`GET /health`": [c.Health],
    "`GET /services[?site=CODE]`": [list[c.ServiceStatus]],
    "`GET /track/{tracking_code}`": [c.TrackedTicket],
    "`POST /auth/login`": [c.LoginIn, c.LoginAnswer],
    "`POST /tickets`": [c.TicketIn, c.Ticket],
    "`POST /tickets/abandon`": [c.TicketAbandoned],
    "`GET /counters`": [list[c.CounterView]],
    "`GET /counters/{id}`": [c.CounterView],
    "`POST /counters/{id}/call-next`": [c.ErrorBody],
    "`GET /display/state?since=V&wait=S` (display, operator, admin)": [c.DisplayState],
    "`POST /devices/heartbeat` (kiosk, display)": [c.HeartbeatIn, c.HeartbeatAnswer, c.HeartbeatIn],
    "`POST /admin/devices/pairing` (admin)": [PairingCodeIn, PairingCode],
    "`POST /devices/pair` (anyone: the code is the secret)": [PairIn, Paired],
    "Admin": [c.DeviceIn, c.Device, c.SettingsPatch, c.Settings],
    "`GET /reports/daily?date=YYYY-MM-DD[&format=csv]`": [c.DailyReport],
    "`GET /survey/{tracking_code}`": [c.SurveyState],
    "`POST /survey/{tracking_code}`": [c.SurveyIn],
    "`GET /reports/ikm?from=YYYY-MM-DD&to=YYYY-MM-DD[&service=CODE]` (admin)": [c.IkmReport],
    "`POST /help` (a kiosk's token, or a tracking code)": [HelpIn, HelpCall],
    "`GET /help` (operator, admin)": [list[HelpCall]],
    "`POST /help/{id}/done` (operator, admin)": [HelpCall],
    "`GET /booking/slots?service=CODE&date=YYYY-MM-DD` (anyone)": [list[BookingSlot]],
    "`POST /bookings` (anyone)": [BookingIn, Booking],
}
FENCE = re.compile(r"^(\s*)```(\w*)\n(.*?)^\1```", re.S | re.M)


def examples() -> dict[str, list[str]]:
    """The body of every ```json and ```http block (after its blank line), by heading."""
    found: dict[str, list[str]] = {}
    heading = ""
    text = API_MD.read_text(encoding="utf-8")
    position = 0
    for match in FENCE.finditer(text):
        for line in text[position : match.start()].splitlines():
            if line.startswith("#"):
                heading = line.lstrip("#").strip()
        position = match.end()
        indent, kind, block = match.groups()
        block = "\n".join(line[len(indent) :] for line in block.splitlines())
        if kind == "json":
            if block.startswith("HTTP/1.1"):
                block = block.split("\n\n", 1)[1]
        elif kind == "http" and "\n\n" in block.strip():
            block = block.strip().split("\n\n", 1)[1]  # a request with a body
        else:
            continue
        found.setdefault(heading, []).append(block)
    return found


def _check(model, block: str) -> None:
    """`block` is JSON and a body of `model` (read as the server or the client reads it)."""
    TypeAdapter(model).validate_json(block)


def test_every_example_is_mapped():
    """Each heading with a JSON example is in the map, with one model per example."""
    found = examples()
    assert {h: len(b) for h, b in found.items()} == {h: len(m) for h, m in EXAMPLES.items()}


@pytest.mark.parametrize(
    ("heading", "number"),
    [(h, n) for h, models in EXAMPLES.items() for n in range(len(models))],
)
def test_example_fits_its_model(heading, number):
    """The example is valid JSON and a valid body of its model."""
    _check(EXAMPLES[heading][number], examples()[heading][number])


def test_a_wrong_example_fails():
    """The check is not a formality: a ticket without its number is refused."""
    ticket = json.loads(examples()["`POST /tickets`"][1])
    del ticket["number"]
    with pytest.raises(ValueError):
        _check(c.Ticket, json.dumps(ticket))
    with pytest.raises(ValueError):
        _check(c.SettingsPatch, '{"cutoff_minutes": false}')

"""Screenshots of every kiosk screen, landscape 1920×1080 and portrait 1080×1920.

    .venv/bin/python docs/screenshots/kiosk_screenshots.py            # into docs/screenshots/
    .venv/bin/python docs/screenshots/kiosk_screenshots.py --check /tmp/k  # also 1366×768

The window is driven through the real flow with example data (no server, no printer), so the
pictures show exactly what the widgets render.
"""

from __future__ import annotations

import argparse
import itertools
import logging
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from client import ServiceStatus, Ticket  # noqa: E402
from kiosk.controller import KioskController  # noqa: E402
from kiosk.core import (  # noqa: E402
    SCREEN_ONLY,
    IssueResult,
    KioskFlow,
    Outcome,
    PaperState,
    PrinterStatus,
)
from kiosk.widgets.window import KioskWindow  # noqa: E402

log = logging.getLogger("kiosk_screenshots")
HERE = Path(__file__).resolve().parent
SIZES = {"landscape": (1920, 1080), "portrait": (1080, 1920)}
CHECK_SIZES = {"small": (1366, 768)}

AGENCIES = [
    (
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Dukcapil",
        [
            "KTP Elektronik",
            "Kartu Keluarga",
            "Akta Kelahiran dan Kematian",
            "Kartu Identitas Anak dan Pindah Datang",
        ],
    ),
    (
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        ["Perizinan Berusaha (NIB) dan OSS", "Persetujuan Bangunan Gedung (PBG)"],
    ),
    ("BPJS Kesehatan", "BPJS Kesehatan", ["Pendaftaran dan Perubahan Data JKN"]),
    ("BPJS Ketenagakerjaan", "BPJS Ketenagakerjaan", ["Klaim Jaminan Hari Tua"]),
    (
        "Samsat Kabupaten Madiun",
        "Samsat",
        ["Pajak Kendaraan Tahunan", "Pajak Lima Tahunan dan Ganti Pelat"],
    ),
    ("Kepolisian Resor Madiun", "Polres", ["SKCK"]),
    ("KPP Pratama Madiun", "Kantor Pajak", ["NPWP dan Konsultasi Pajak"]),
    ("Kantor Pertanahan Kabupaten Madiun", "BPN", ["Pendaftaran dan Informasi Pertanahan"]),
    ("Bank Jatim", "Bank Jatim", ["Pembayaran Pajak Daerah dan Retribusi"]),
    ("Perumda Air Minum Kabupaten Madiun", "PDAM", ["Sambungan Baru dan Pengaduan Air"]),
    ("Kantor Imigrasi Madiun", "Imigrasi", ["Paspor"]),
    ("Kantor Kementerian Agama Kabupaten Madiun", "Kemenag", ["Pendaftaran Haji dan Umrah"]),
    ("Mal Pelayanan Publik Kabupaten Madiun", "Informasi", ["Informasi dan Pengaduan"]),
]


def example_services() -> list[ServiceStatus]:
    now = datetime.now().astimezone()
    monday = (now + timedelta(days=(7 - now.weekday()) % 7 or 7)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    letters = iter("ABCDEFGHJKLMNPQRSTUVW")
    services = []
    for agency, short, names in AGENCIES:
        for index, name in enumerate(names):
            code = next(letters)
            service = {
                "code": code,
                "name": name,
                "agency": agency,
                "agency_short": short,
                "open": True,
                "reason": None,
                "reason_text": None,
                "next_open": None,
                "waiting": (index * 7 + len(name)) % 13,
                "quota_left": 40,
                "eta_minutes": ((index * 7 + len(name)) % 13) * 6,
            }
            if code == "B":
                service.update(open=False, reason="quota_exhausted", quota_left=0)
            if code == "C":  # open, but none of its counters is: no estimate, said in words
                service.update(counters_open=0, eta_minutes=None)
            if code == "D":
                service.update(open=False, reason="closed_today", next_open=monday.isoformat())
            services.append(ServiceStatus.model_validate(service))
    return services


TICKET = Ticket.model_validate(
    {
        "id": 12,
        "number": "A-012",
        "priority": None,
        "status": "waiting",
        "service": {
            "code": "A",
            "name": "KTP Elektronik",
            "agency": "Dinas Kependudukan dan Pencatatan Sipil",
        },
        "issued_at": "2026-11-30T09:15:00+07:00",
        "waiting_ahead": 5,
        "eta_minutes": 25,
        "tracking_code": "k7q2m9",
        "tracking_url": "http://10.0.0.2:8000/t/k7q2m9",
        "counters_open": None,
        "counter": None,
        "calls": 0,
        "print_status": None,
        "called_at": None,
        "started_at": None,
        "finished_at": None,
    }
)
DUKCAPIL = AGENCIES[0][0]


def scenes():
    """(name, steps on a fresh flow); each step is called with (flow)."""

    def services(flow):
        flow.press_agency(DUKCAPIL)

    def issuing(flow):
        services(flow)
        flow.press_service("A")

    def finish(outcome, **extra):
        def step(flow):
            issuing(flow)
            flow.issue_finished(IssueResult(outcome, **extra))

        return step

    def english(flow):
        flow.toggle_language()
        flow.press_agency(DUKCAPIL)

    def priority_home(flow):
        flow.press_priority_entry()
        flow.press_priority("lansia")

    def pin_wrong(flow):
        for tap in range(5):
            flow.secret_tap(float(tap))
        flow.enter_pin("0000")

    def technician(flow):
        for tap in range(5):
            flow.secret_tap(float(tap))
        flow.enter_pin("2468")
        flow.printer_checked(PrinterStatus(online=True, paper=PaperState.NEAR_END))

    paper_out = PrinterStatus(online=True, paper=PaperState.OUT)

    def paper_out_home(flow):
        flow.printer_checked(paper_out)

    def paper_out_number(flow):
        paper_out_home(flow)
        finish(Outcome.ON_SCREEN, ticket=TICKET, code="paper_out", printer=paper_out)(flow)

    def screen_only(flow):
        flow.printer_checked(SCREEN_ONLY)
        finish(Outcome.ON_SCREEN, ticket=TICKET, code="no_printer", printer=SCREEN_ONLY)(flow)

    def slow_server(flow):
        issuing(flow)
        flow.issue_slow()

    def idle_warning(flow):
        services(flow)
        flow.show_idle_warning(10)

    def technician_quit(flow):
        technician(flow)
        flow.press_quit()

    def assisted(*names, then=None):
        """Large text and simple mode (issue 18), switched on from the home screen."""

        def step(flow):
            for name in names:
                flow.toggle_assist(name)
            if then is not None:
                then(flow)

        return step

    def help_sent(flow):
        flow.press_help()
        flow.help_answered(True)

    def help_failed(flow):
        services(flow)
        flow.press_help()
        flow.help_answered(False)

    since = datetime.now().astimezone().replace(hour=9, minute=1, second=0, microsecond=0)
    return [
        ("home", lambda flow: None),
        ("home_offline", lambda flow: flow.server_unreachable(since)),
        ("priority", lambda flow: flow.press_priority_entry()),
        ("home_priority", priority_home),
        ("services", services),
        ("services_english", english),
        ("issuing", issuing),
        ("done", finish(Outcome.DONE, ticket=TICKET)),
        ("print_failed", finish(Outcome.PRINT_FAILED, ticket=TICKET, code="paper_out")),
        ("paper_out_home", paper_out_home),
        ("paper_out_number", paper_out_number),
        ("screen_only", screen_only),
        ("slow_server", slow_server),
        ("idle_warning", idle_warning),
        ("refused", finish(Outcome.REFUSED, code="quota_exhausted", message="Kuota habis")),
        ("offline", finish(Outcome.OFFLINE, code="offline")),
        ("pin", pin_wrong),
        ("technician", technician),
        ("technician_quit", technician_quit),
        ("home_large_text", assisted("large_text")),
        ("services_large_text", assisted("large_text", then=services)),
        ("done_large_text", assisted("large_text", then=finish(Outcome.DONE, ticket=TICKET))),
        ("home_simple", assisted("simple")),
        ("home_simple_page_2", assisted("simple", then=lambda flow: flow.press_page(1))),
        ("services_simple", assisted("simple", then=services)),
        ("home_large_simple", assisted("large_text", "simple")),
        ("services_large_simple", assisted("large_text", "simple", then=services)),
        ("home_voice", assisted("voice")),
        ("home_help_sent", help_sent),
        ("services_help_failed", help_failed),
    ]


def settle() -> None:
    """Let pending layout and paint events run."""
    QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def shoot(out: Path, sizes: dict[str, tuple[int, int]], only: str | None = None) -> list[Path]:
    _app = QApplication.instance() or QApplication([])  # kept alive while shooting
    written = []
    chosen = [scene for scene in scenes() if only is None or only in scene[0]]
    for (name, steps), (orientation, (width, height)) in itertools.product(chosen, sizes.items()):
        keys = (f"key-{n}" for n in itertools.count())
        flow = KioskFlow(pin="2468", new_key=lambda keys=keys: next(keys))
        flow.services_loaded(example_services())
        if name.startswith("technician"):
            flow.issue_finished(IssueResult(Outcome.DONE, ticket=TICKET))
            flow.press_home()
        controller = KioskController(flow)
        window = KioskWindow(
            controller, "Mal Pelayanan Publik Kabupaten Madiun", "http://10.0.0.2:8000"
        )
        window.resize(width, height)
        window.show()
        steps(flow)
        window.show_state(flow.state)
        settle()
        path = out / f"kiosk_{name}_{orientation}.png"
        window.grab().save(str(path))
        written.append(path)
        window.allow_close()
        window.close()
        window.deleteLater()
        settle()
    return written


def main() -> int:
    logging.basicConfig(level=logging.WARNING)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, help="also write 1366×768 pictures to this folder")
    parser.add_argument("--only", help="only the scenes whose name contains this")
    args = parser.parse_args()
    written = shoot(HERE, SIZES, args.only)
    if args.check:
        args.check.mkdir(parents=True, exist_ok=True)
        written += shoot(args.check, CHECK_SIZES, args.only)
    log.warning("wrote %d screenshots", len(written))
    return 0


if __name__ == "__main__":
    sys.exit(main())

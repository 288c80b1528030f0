"""Ticket layout: byte-exact goldens, wrapping within the paper, code page, dates, languages."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from printer.errors import InvalidTicket
from printer.layout import (
    paper_geometry,
    printable,
    render_test_page_bytes,
    render_ticket_bytes,
)
from printer.sample import sample_ticket
from printer.ticket import TicketPrint
from tests.printer.conftest import GOLDEN, LOGO, settings
from tests.printer.escpos_decoder import DecodeError, decode

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = [
    (width, with_logo, priority)
    for width in (58, 80)
    for with_logo in (False, True)
    for priority in (None, "lansia")
]


def golden_name(width: int, with_logo: bool, priority: str | None) -> str:
    parts = [f"ticket-{width}"]
    if with_logo:
        parts.append("logo")
    if priority:
        parts.append(priority)
    return "-".join(parts) + ".bin"


@pytest.mark.parametrize(("width", "with_logo", "priority"), CASES)
def test_ticket_bytes_match_golden(width, with_logo, priority):
    """The ticket's bytes are exactly the reviewed golden file (UPDATE_GOLDEN=1 rewrites)."""
    ticket_settings = settings(paper_width=width, logo=LOGO if with_logo else None)
    data = render_ticket_bytes(sample_ticket(priority), ticket_settings)
    golden = GOLDEN / golden_name(width, with_logo, priority)
    if UPDATE:
        golden.write_bytes(data)
    assert data == golden.read_bytes()


@pytest.mark.parametrize(("width", "with_logo", "priority"), CASES)
def test_ticket_decodes_with_cut_at_end(width, with_logo, priority):
    """An independent decoder accepts every command, and the last command is the cut."""
    ticket_settings = settings(paper_width=width, logo=LOGO if with_logo else None)
    decoded = decode(render_ticket_bytes(sample_ticket(priority), ticket_settings))
    assert decoded.commands[0] == "init"
    assert decoded.commands[-1] == "cut"
    assert decoded.commands.count("cut") == 1
    assert decoded.qr_codes == [sample_ticket().tracking_url]
    assert len(decoded.images) == (1 if with_logo else 0)


def joined(decoded) -> str:
    """The printed words as one paragraph, so a test does not depend on where lines break."""
    return " ".join(decoded.text().split())


def test_ticket_shows_what_a_citizen_needs():
    """Number (huge), service, agency, priority, Indonesian date, people ahead, ETA, footer."""
    decoded = decode(render_ticket_bytes(sample_ticket("ibu_hamil"), settings(paper_width=58)))
    text = joined(decoded)
    number = next(line for line in decoded.lines if line.text == "A-012")
    assert number.width >= 4 and number.height >= 4
    for expected in (
        "MAL PELAYANAN PUBLIK",
        "Perekaman KTP Elektronik",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "NOMOR ANTREAN",
        "PRIORITAS IBU HAMIL",
        "Sabtu, 28 November 2026 09.15",
        "3 orang menunggu di depan Anda",
        "Perkiraan waktu tunggu: sekitar 15 menit",
        "Terima kasih.",
    ):
        assert expected in text


def test_ticket_in_english():
    """English is selectable: labels, date and counts switch language."""
    text = joined(decode(render_ticket_bytes(sample_ticket(), settings(language="en"))))
    assert "Saturday, 28 November 2026 09:15" in text
    assert "3 people waiting ahead of you" in text
    assert "QUEUE NUMBER" in text


@pytest.mark.parametrize("width", [58, 80])
def test_long_texts_wrap_within_the_paper(width):
    """Long service, agency, header and footer texts never run past the paper's width."""
    long_ticket = replace(
        sample_ticket("disabilitas"),
        service_name="Pelayanan Penerbitan Surat Keterangan Catatan Kepolisian "
        "(SKCK) untuk Keperluan Melamar Pekerjaan di Luar Negeri",
        agency="Kepolisian Resor Madiun — Satuan Intelijen dan Keamanan",
        number="AB-1234",
    )
    long_settings = settings(
        paper_width=width,
        header_lines=["MAL PELAYANAN PUBLIK KABUPATEN MADIUN PROVINSI JAWA TIMUR"],
        footer="Simpan tiket ini. Nomor yang terlewat dapat dipanggil ulang oleh petugas "
        "loket pada hari yang sama. Supercalifragilisticexpialidocious-panjang-sekali.",
    )
    geometry = paper_geometry(long_settings)
    decoded = decode(render_ticket_bytes(long_ticket, long_settings))
    for line in decoded.lines:
        assert len(line.text) * line.width <= geometry.columns, line
    assert all(width_dots <= geometry.dots for width_dots, _ in decoded.images)
    assert "(SKCK) untuk" in decoded.text()


def test_profile_narrows_the_columns():
    """A profile that knows its paper (TM-T88V, 512 dots) gets 42 columns, not 48."""
    assert paper_geometry(settings(paper_width=80, profile="TM-T88V")).columns == 42
    assert paper_geometry(settings(paper_width=80)).columns == 48
    assert paper_geometry(settings(paper_width=58)).columns == 32


def test_characters_outside_the_code_page_are_transliterated():
    """No '?' garbage: dashes, quotes and foreign letters become readable ASCII."""
    ticket = replace(sample_ticket(), service_name="Café “Ngopi” — Đồng Tháp 😀 ½ 日本")
    decoded = decode(render_ticket_bytes(ticket, settings()))
    # é, á and ½ are in CP437 and stay; the rest is spelled in ASCII; the emoji is dropped,
    # and so is the space it would leave doubled.
    assert 'Café "Ngopi" - Dong Tháp ½ RiBen' in joined(decoded)
    assert printable("Café — “Baru” 😀 \x1b@", lambda char: char == "é") == 'Café - "Baru" @'


def test_control_characters_cannot_inject_commands():
    """An ESC inside a service name from the server prints as a space, never as a command."""
    ticket = replace(sample_ticket(), service_name="KTP\x1bd\x7f\x1dV\x00")
    decoded = decode(render_ticket_bytes(ticket, settings()))
    assert decoded.commands.count("cut") == 1
    assert "KTP d V" in decoded.text()


def test_waiting_and_eta_wording():
    """Nobody ahead, one ahead, no ETA, ETA over an hour: each has its own natural sentence."""
    base = sample_ticket()
    cases = {
        (0, 0): ["Tidak ada antrean di depan Anda", "Anda akan segera dipanggil"],
        (1, None): ["1 orang menunggu di depan Anda"],
        (40, 95): ["Perkiraan waktu tunggu: sekitar 1 jam 35 menit"],
    }
    for (ahead, eta), expected in cases.items():
        ticket = replace(base, waiting_ahead=ahead, eta_minutes=eta)
        text = joined(decode(render_ticket_bytes(ticket, settings(paper_width=80))))
        for sentence in expected:
            assert sentence in text
        if eta is None:
            assert "Perkiraan" not in text


def test_image_qr_for_profiles_without_native_qr():
    """A profile without native QR (POS-5890) gets the QR as a raster image within the paper."""
    decoded = decode(
        render_ticket_bytes(sample_ticket(), settings(paper_width=58, profile="POS-5890"))
    )
    assert decoded.qr_codes == []
    assert len(decoded.images) == 1
    assert decoded.images[0][0] <= 384


def test_ticket_without_tracking_url_has_no_qr():
    """No tracking URL: no QR and no hint to scan one."""
    ticket = replace(sample_ticket(), tracking_url=None)
    decoded = decode(render_ticket_bytes(ticket, settings()))
    assert decoded.qr_codes == [] and "Pindai" not in decoded.text()


@pytest.mark.parametrize(
    "change",
    [
        {"number": " "},
        {"service_name": ""},
        {"issued_at": datetime(2026, 11, 28, 9, 15)},
        {"waiting_ahead": -1},
        {"eta_minutes": -5},
        {"priority": "vip"},
    ],
)
def test_bad_ticket_data_is_a_clear_error(change):
    """Bad ticket data raises InvalidTicket naming the field, never prints a broken ticket."""
    values = {**sample_ticket().__dict__, **change}
    with pytest.raises(InvalidTicket) as error:
        TicketPrint(**values)
    assert error.value.code == "invalid_ticket"
    assert next(iter(change)) in str(error.value)


def test_time_zone_of_the_ticket_is_kept():
    """The time printed is the ticket's own local time, not the machine's."""
    wita = timezone(timedelta(hours=8))
    ticket = replace(sample_ticket(), issued_at=datetime(2026, 11, 30, 7, 5, tzinfo=wita))
    assert "Senin, 30 November 2026 07.05" in decode(render_ticket_bytes(ticket, settings())).text()


@pytest.mark.parametrize("width", [58, 80])
def test_test_page_decodes_and_fits(width):
    """The technician's test page is valid ESC/POS, shows 8 sizes and fits the paper."""
    page_settings = settings(paper_width=width)
    geometry = paper_geometry(page_settings)
    decoded = decode(
        render_test_page_bytes(page_settings), columns=geometry.columns, dots=geometry.dots
    )
    assert decoded.warnings == []
    assert decoded.commands[-1] == "cut"
    assert {f"size {n}x{n}" for n in range(1, 9)} <= set(decoded.commands)
    columns = paper_geometry(page_settings).columns
    assert all(len(line.text) * line.width <= columns for line in decoded.lines)


def test_decoder_rejects_unknown_and_incomplete_commands():
    """The decoder itself fails on an unknown command and on one cut short."""
    with pytest.raises(DecodeError):
        decode(b"\x1b@\x1bZ")
    with pytest.raises(DecodeError):
        decode(b"\x1b@\x1dv0\x00\x02\x00\x02\x00\xff")


@pytest.mark.parametrize(
    "profile", ["default", "TM-T20II", "TM-T88V", "POS-5890", "NT-5890K", "ZJ-5870", "RP-F10-58mm"]
)
@pytest.mark.parametrize("width", [58, 80])
def test_profiles_give_valid_tickets_within_the_paper(profile, width):
    """Every profile named in docs/printers.md gives a decodable ticket that fits the paper."""
    profile_settings = settings(paper_width=width, profile=profile, logo=LOGO)
    geometry = paper_geometry(profile_settings)
    decoded = decode(render_ticket_bytes(sample_ticket("lansia"), profile_settings))
    assert all(len(line.text) * line.width <= geometry.columns for line in decoded.lines)
    assert all(image_width <= geometry.dots for image_width, _ in decoded.images)
    assert decoded.qr_codes or len(decoded.images) == 2  # native QR, or logo + QR image

"""A ticket a citizen can read: 20 variants through the independent decoder without a warning,
the code page each profile really selects, the QR's quiet zone, wrapping without a lone last
word, no double spaces, a priority that stands out, and what to do next."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image

from printer.errors import InvalidTicket
from printer.escpos_lib import get_profile
from printer.layout import (
    code_page_number,
    list_text,
    paper_geometry,
    render_ticket_bytes,
    wrap,
)
from printer.preview import draw_escpos, draw_ticket_preview
from printer.sample import sample_ticket
from printer.texts import TEXTS
from tests.printer.conftest import LOGO, settings
from tests.printer.escpos_decoder import Raster, decode

PROFILES = ["default", "TM-T20II", "TM-T88V", "POS-5890", "NT-5890K", "ZJ-5870", "RP-F10-58mm"]
PRIORITIES = [None, "lansia", "disabilitas", "ibu_hamil"]
LONG_SERVICES = [
    "Pelayanan Penerbitan Surat Keterangan Catatan Kepolisian (SKCK)",
    "Pendaftaran dan Perubahan Data Peserta BPJS Kesehatan",
    "Perizinan Berusaha Berbasis Risiko melalui Sistem OSS",
    "Pengesahan Surat Tanda Nomor Kendaraan Bermotor Tahunan",
    "Konsultasi Nomor Pokok Wajib Pajak dan Pelaporan SPT Tahunan",
    "Penerbitan Akta Kelahiran dan Kartu Identitas Anak",
]
LONG_AGENCY = "Badan Penyelenggara Jaminan Sosial Kesehatan Kantor Cabang Madiun"


def variant(index: int) -> dict:
    """The i-th of 20 variants: every profile on both papers, logo, priorities, languages and
    long names spread over them."""
    return {
        "width": (58, 80)[index % 2],
        "profile": PROFILES[index % len(PROFILES)],
        "logo": index % 3 == 0,
        "priority": PRIORITIES[index % 4],
        "language": ("id", "en")[index // 2 % 2],
        "long": index % 5 in (1, 3),
    }


def variant_bytes(index: int) -> tuple[bytes, object, object]:
    v = variant(index)
    ticket = sample_ticket(v["priority"])
    if v["long"]:
        ticket = replace(
            ticket,
            service_name=LONG_SERVICES[index % len(LONG_SERVICES)],
            agency=LONG_AGENCY,
            counters=("Loket 12", "Loket 13", "Loket 14", "Loket Prioritas"),
        )
    ticket_settings = settings(
        paper_width=v["width"],
        profile=v["profile"],
        logo=LOGO if v["logo"] else None,
        language=v["language"],
    )
    return render_ticket_bytes(ticket, ticket_settings), ticket, ticket_settings


def paragraphs(lines) -> list[list]:
    """Runs of non-empty lines printed in one style: one text wrapped over several lines."""
    groups: list[list] = []
    previous = None
    for line in lines:
        style = (line.width, line.height, line.bold, line.invert, line.align)
        if not line.text or set(line.text) == {"-"}:
            previous = None
            continue
        if style == previous:
            groups[-1].append(line)
        else:
            groups.append([line])
        previous = style
    return groups


def test_the_twenty_variants_cover_the_matrix():
    """The 20 variants reach every profile on both papers, with and without logo and long
    names, every priority and both languages."""
    variants = [variant(index) for index in range(20)]
    assert {(v["profile"], v["width"]) for v in variants} == {
        (profile, width) for profile in PROFILES for width in (58, 80)
    }
    assert {v["priority"] for v in variants} == set(PRIORITIES)
    assert {v["language"] for v in variants} == {"id", "en"}
    assert {v["logo"] for v in variants} == {v["long"] for v in variants} == {True, False}


@pytest.mark.parametrize("index", range(20))
def test_twenty_variants_decode_without_a_warning(index):
    """Each variant decodes with no warning: code page 0 (CP437) selected once after ESC @,
    every line and image within the paper, the QR with 4 modules of quiet zone, no double
    space, and no lone last word under a long name on 58 mm."""
    data, ticket, ticket_settings = variant_bytes(index)
    geometry = paper_geometry(ticket_settings)
    decoded = decode(data, columns=geometry.columns, dots=geometry.dots)
    assert decoded.warnings == []
    assert decoded.commands[:2] == ["init", "code_page 0"]
    assert decoded.code_pages == [0]
    assert decoded.commands[-1] == ("cut" if has_cutter(ticket_settings) else "feed 6")
    qr_images = [raster for raster in decoded.rasters if raster.qr_module() is not None]
    if get_native(ticket_settings):
        assert decoded.qr_codes == [ticket.tracking_url] and qr_images == []
    else:
        assert len(qr_images) == 1 and qr_images[0].quiet_zone_modules() >= 4
    for line in decoded.lines:
        assert "  " not in line.text.strip(), line
    if ticket_settings.paper_width == 58:
        for group in paragraphs(decoded.lines):
            if len(group) > 1:
                assert " " in group[-1].text or not better_break(group, geometry), group


def get_native(ticket_settings) -> bool:
    return get_profile(ticket_settings.profile).supports("qrCode")


def has_cutter(ticket_settings) -> bool:
    return get_profile(ticket_settings.profile).supports("paperPartCut")


def better_break(group, geometry) -> bool:
    """Whether the last word of the line before would fit beside a lone last word."""
    columns = geometry.columns // group[-1].width
    before = group[-2].text.split()
    return len(before) > 1 and len(before[-1]) + 1 + len(group[-1].text) <= columns


@pytest.mark.parametrize("profile", PROFILES)
def test_each_profile_selects_cp437_with_its_real_number(profile):
    """CP437 is ESC t 0 on every profile; POS-5890 and NT-5890K list it under 50 and 52 too,
    and python-escpos would pick 52, which those printers take for another page ("±" as "ñ")."""
    assert code_page_number(profile, "CP437") == 0
    ticket = replace(sample_ticket(), service_name="Café ± ½")
    data = render_ticket_bytes(ticket, settings(paper_width=58, profile=profile))
    decoded = decode(data)
    assert decoded.code_pages == [0] and decoded.warnings == []
    assert "Café ± ½" in decoded.text()


def test_other_code_pages_take_epsons_number():
    """A profile listing a page twice gets Epson's standard number for it (CP858: 19, not 53)."""
    assert code_page_number("POS-5890", "CP858") == 19
    assert code_page_number("POS-5890", "CP1252") == 16
    assert code_page_number("default", "CP858") == 19
    # A page outside Epson's short table: the profile's own (lowest) number.
    assert code_page_number("POS-5890", "CP1250") == 72


def test_our_own_words_are_ascii():
    """Every sentence the ticket prints is plain ASCII, so no printer's table can garble it."""
    for key in sorted(TEXTS.keys()):
        for language in ("id", "en"):
            assert TEXTS.get(key, language).isascii(), key


def test_image_qr_has_four_modules_of_quiet_zone_also_for_long_urls():
    """The image QR keeps 4 white modules all round; a long URL shrinks the modules to fit."""
    for url in (sample_ticket().tracking_url, "https://antrian.example.go.id/t/" + "X" * 180):
        ticket = replace(sample_ticket(), tracking_url=url)
        ticket_settings = settings(paper_width=58, profile="POS-5890")
        decoded = decode(render_ticket_bytes(ticket, ticket_settings), dots=384)
        (qr,) = [raster for raster in decoded.rasters if raster.qr_module() is not None]
        assert qr.quiet_zone_modules() >= 4
        assert qr.width <= 384 and decoded.warnings == []


def test_native_qr_has_blank_lines_for_its_quiet_zone():
    """A native QR (the printer draws no quiet zone) has blank paper above and below it."""
    decoded = decode(render_ticket_bytes(sample_ticket(), settings(paper_width=80)))
    # The decoder warns when less than 4 modules of blank paper come before or after it.
    assert decoded.native_qr_modules == [6] and decoded.warnings == []
    at = decoded.commands.index("qr 81")
    assert decoded.commands[at - 4 : at] == ["qr 65", "qr 67", "qr 69", "qr 80"]


@pytest.mark.parametrize("name", LONG_SERVICES)
def test_long_service_names_wrap_without_a_lone_last_word(name):
    """On 58 mm (32 columns, 16 at double width) no long service name ends on a lone word."""
    for columns in (32, 16, 24, 48):
        lines = wrap(name, columns)
        assert all(len(line) <= columns for line in lines)
        assert " ".join(lines) == name
        if len(lines) > 1:
            before = lines[-2].split()
            assert " " in lines[-1] or len(before[-1]) + 1 + len(lines[-1]) > columns


def test_wrap_keeps_a_lone_word_only_when_no_better_break_exists():
    """A last word that cannot share its line stays alone; short texts stay on one line."""
    assert wrap("Perekaman KTP Elektronik", 32) == ["Perekaman KTP Elektronik"]
    assert wrap("Pindai QR untuk memantau antrian Anda", 32) == [
        "Pindai QR untuk",
        "memantau antrian Anda",
    ]
    assert wrap("Supercalifragilistic Expialidocious", 20) == [
        "Supercalifragilistic",
        "Expialidocious",
    ]


def test_a_dropped_emoji_leaves_no_double_space():
    """An emoji in a service name is dropped with the space it would leave doubled."""
    ticket = replace(sample_ticket(), service_name="Kartu 😀 Keluarga ✅ Baru", agency="  Dinas  ")
    decoded = decode(render_ticket_bytes(ticket, settings()))
    assert "Kartu Keluarga Baru" in decoded.text()
    assert "Dinas" in [line.text for line in decoded.lines]


@pytest.mark.parametrize("width", [58, 80])
@pytest.mark.parametrize("priority", ["lansia", "disabilitas", "ibu_hamil"])
@pytest.mark.parametrize("language", ["id", "en"])
def test_priority_stands_out(width, priority, language):
    """The priority is a block of large (2x2) bold white-on-black lines of one length."""
    ticket_settings = settings(paper_width=width, language=language)
    geometry = paper_geometry(ticket_settings)
    decoded = decode(render_ticket_bytes(sample_ticket(priority), ticket_settings))
    block = [line for line in decoded.lines if line.invert and line.text]
    assert [line.text.strip() for line in block] == [
        TEXTS.get("priority_heading", language),
        TEXTS.get(f"priority_{priority}", language),
    ]
    assert all(line.width == line.height == 2 and line.bold for line in block)
    assert len({len(line.text) for line in block}) == 1
    assert all(len(line.text) * 2 <= geometry.columns for line in block)
    plain = decode(render_ticket_bytes(sample_ticket(), ticket_settings))
    assert not [line for line in plain.lines if line.invert]


def test_ticket_says_what_to_do_next():
    """The counters of the service, watch the screen, keep the ticket: in Indonesian."""
    ticket = replace(sample_ticket(), counters=["Loket 3", "Loket 4"])
    text = " ".join(decode(render_ticket_bytes(ticket, settings(paper_width=58))).text().split())
    assert "Dilayani di Loket 3 dan 4" in text
    assert "Perhatikan layar dan suara panggilan." in text
    assert "Simpan tiket ini sampai selesai dilayani." in text


def test_without_counters_the_line_is_left_out():
    """No counters in the ticket data: no 'Dilayani di' line, the other advice stays."""
    ticket = replace(sample_ticket(), counters=())
    text = decode(render_ticket_bytes(ticket, settings())).text()
    assert "Dilayani" not in text and "Perhatikan layar" in text


def test_ticket_language_follows_the_citizen():
    """TicketPrint.language (the kiosk's language) overrides the printer's; None keeps it."""
    english = replace(sample_ticket("lansia"), language="en")
    text = " ".join(decode(render_ticket_bytes(english, settings(language="id"))).text().split())
    assert "Served at Loket 1, 2, and 3" in text
    assert "Watch the screen and listen for your number." in text
    assert "Keep this ticket until you have been served." in text
    assert "SENIOR CITIZEN" in text and "Saturday, 28 November 2026 09:15" in text
    default = decode(render_ticket_bytes(sample_ticket(), settings(language="id"))).text()
    assert "NOMOR ANTREAN" in default


def test_counter_lists_read_naturally():
    """A shared word before numbers is said once; two with 'dan', more with commas; names that
    are not numbered in full."""
    assert list_text(("Loket 3",), "id") == "Loket 3"
    assert list_text(("Loket 3", "Loket 4"), "id") == "Loket 3 dan 4"
    assert list_text(("Loket 1", "Loket 2", "Loket 3"), "en") == "Loket 1, 2, and 3"
    assert list_text(("Loket 1", "Meja Informasi"), "id") == "Loket 1 dan Meja Informasi"
    assert list_text(("Loket 1", "Loket Prioritas A"), "id") == "Loket 1 dan Loket Prioritas A"
    assert (
        list_text(("Loket 12", "Loket 13", "Loket Prioritas"), "id")
        == "Loket 12, 13, dan Loket Prioritas"
    )
    assert list_text(("Loket 3A", "Loket 3B"), "en") == "Loket 3A and 3B"


def test_counters_and_language_are_checked():
    """Counters must be names (a list from JSON becomes a tuple); language id or en."""
    assert replace(sample_ticket(), counters=["Loket 1", " "]).counters == ("Loket 1",)
    with pytest.raises(InvalidTicket, match="counters"):
        replace(sample_ticket(), counters="Loket 1")
    with pytest.raises(InvalidTicket, match="language"):
        replace(sample_ticket(), language="jv")


def _dark_rows(image: Image.Image) -> list[int]:
    gray = image.convert("L")
    return [
        y
        for y in range(gray.height)
        if sum(gray.getpixel((x, y)) < 128 for x in range(40, gray.width - 40)) > 90
    ]


def test_preview_draws_underline_and_inverse():
    """The preview draws what the paper shows: underline is a line under the text, inverse
    is white on black."""
    plain = draw_escpos(b"\x1b@\x1bt\x00ABCDEFGH\n", 384)
    underlined = draw_escpos(b"\x1b@\x1bt\x00\x1b-\x02ABCDEFGH\n", 384)
    inverted = draw_escpos(b"\x1b@\x1bt\x00\x1dB\x01ABCDEFGH\n", 384)
    assert len(_dark_rows(plain)) == 0  # no row of 8 letters is black for 90 dots
    assert len(_dark_rows(underlined)) == 2  # a 2-dot underline under 8 characters
    assert len(_dark_rows(inverted)) >= 8  # the black above and below the white letters


def test_preview_reads_the_selected_code_page():
    """The preview decodes text in the page ESC t selected, as the printer does."""
    cp437 = draw_escpos(b"\x1b@\x1bt\x00\xf1\n", 384)
    cp1252 = draw_escpos(b"\x1b@\x1bt\x10\xf1\n", 384)
    assert cp437.tobytes() != cp1252.tobytes()


def test_preview_of_a_priority_ticket_has_the_black_block():
    """The ticket preview shows the priority block (many mostly black rows)."""
    normal = draw_ticket_preview(sample_ticket(), settings(paper_width=58))
    priority = draw_ticket_preview(sample_ticket("lansia"), settings(paper_width=58))
    assert len(_dark_rows(priority)) > len(_dark_rows(normal)) + 40


def test_decoder_warns_on_what_it_cannot_vouch_for():
    """Unknown code page numbers, text in them, a QR without quiet zone, too-wide lines,
    a style left on at the cut: each is a warning."""
    assert decode(b"\x1b@\x1bt\x34A\n").warnings  # ESC t 52
    assert any("non-ASCII" in w for w in decode(b"\x1b@\x1bt\x34\xf1\n").warnings)
    assert decode(b"\x1b@" + b"X" * 33 + b"\n", columns=32).warnings
    assert decode(b"\x1b@\x1dB\x01X\n\x1dV\x00").warnings
    assert decode(b"\x1b@\x1d(k\x03\x001C\x06\x1d(k\x03\x001Q0ABC\n").warnings
    assert decode(b"\x1b@X\n\x1b@\x1bt\x00X\n").warnings == []


def test_decoder_measures_the_quiet_zone_of_a_qr_image():
    """The decoder finds the QR in a raster and measures its white margin in modules."""
    import qrcode

    for border in (1, 4):
        code = qrcode.QRCode(box_size=3, border=border)
        code.add_data("https://example.go.id/t/ABC")
        image = code.make_image().get_image().convert("1")
        rows = [
            [image.getpixel((x, y)) == 0 for x in range(image.width)] for y in range(image.height)
        ]
        raster = Raster(image.width, image.height, rows)
        assert raster.qr_module() == 3
        assert raster.quiet_zone_modules() == border

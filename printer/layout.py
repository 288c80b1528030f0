"""Ticket and test-page layout: data plus settings in, ESC/POS commands on a printer object out.

Pure: nothing here reads the clock or talks to a device (the logo file is the one thing read).
Every text goes through `printable` (one code page, transliteration for the rest) and is
wrapped to the paper's columns at the size it is printed in, so nothing runs past the edge,
with balanced lines and no lone word on the last line (`wrap`).
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import qrcode
from anyascii import anyascii
from babel.dates import format_date
from PIL import Image

from config.booking import grouped
from config.i18n import clock_text
from config.printer import PrinterSettings
from printer.escpos_lib import QR_ECLEVEL_M, Dummy, Escpos, EscposImage, get_profile
from printer.texts import TEXTS
from printer.ticket import TicketPrint

DATE_PATTERN = "EEEE, d MMMM y"  # "Sabtu, 28 November 2026" in the `id` locale, then the clock
FONT_A_DOTS = 12  # width of one font-A character in dots, at every common density
PAPER_DOTS = {58: 384, 80: 576}  # printable dots of the usual 203 dpi heads
NUMBER_MAX_MAGNIFICATION = 6
QR_MODULE_DOTS = 6
QR_QUIET_MODULES = 4  # the QR standard's quiet zone; cheap phone cameras need all of it
LINE_FEED_DOTS = 30  # the default line spacing (1/6 inch at 180 dpi; more at 203 dpi)
LOGO_MAX_HEIGHT = 200
PRIORITY_MAGNIFICATION = 2
# ESC t numbers of Epson's own table (ESC/POS reference, "ESC t"), which every ESC/POS printer
# follows for page 0 at least. A profile that lists a code page under several numbers (POS-5890
# and NT-5890K list CP437 under 0, 50 and 52) gets the standard number, not whichever of them
# python-escpos happens to keep (52, which those printers take for another page).
EPSON_CODE_PAGE_NUMBERS = {
    "CP437": 0,
    "CP850": 2,
    "CP860": 3,
    "CP863": 4,
    "CP865": 5,
    "CP1252": 16,
    "CP866": 17,
    "CP852": 18,
    "CP858": 19,
}


@dataclass(frozen=True)
class PaperGeometry:
    dots: int
    columns: int


def paper_geometry(settings: PrinterSettings) -> PaperGeometry:
    """Printable dots and font-A columns: the paper's, narrowed by the profile when it knows."""
    dots = PAPER_DOTS[settings.paper_width]
    profile_pixels = get_profile(settings.profile).profile_data["media"]["width"].get("pixels")
    if isinstance(profile_pixels, int):
        dots = min(dots, profile_pixels)
    return PaperGeometry(dots=dots, columns=dots // FONT_A_DOTS)


def code_page_number(profile_name: str, code_page: str) -> int:
    """The ESC t number that selects `code_page` on this profile's printers.

    Epson's standard number when the profile lists the page there, else the lowest number the
    profile lists it under (a profile's table is often a copy with the same page repeated).
    """
    listed = sorted(
        int(number)
        for number, name in get_profile(profile_name).codePages.items()
        if str(name).upper() == code_page.upper()
    )
    if not listed:
        raise ValueError(f"code page {code_page!r} is not in profile {profile_name!r}")
    standard = EPSON_CODE_PAGE_NUMBERS.get(code_page.upper())
    return standard if standard in listed else listed[0]


def printable(text: str, can_encode: Callable[[str], bool]) -> str:
    """Text the printer can show: control characters become spaces, characters outside the
    code page are transliterated ("—" -> "-", "Đ" -> "D", "日本" -> "RiBen"), emoji dropped,
    and runs of spaces (left by a dropped emoji or a control character) become one."""
    result = []
    for char in unicodedata.normalize("NFC", text):
        if char < " " or char == "\x7f":
            result.append(" ")
        elif char.isascii() or can_encode(char):
            result.append(char)
        else:
            replacement = anyascii(char)
            is_emoji_name = len(replacement) > 2 and replacement[0] == replacement[-1] == ":"
            result.append("" if is_emoji_name else replacement)
    return " ".join("".join(result).split())


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` characters, as even as the greedy line count allows, and with
    no lone word on the last line when the line before can give it one of its words.

    Even lines read better centred than one full line and a stub, and a lone word under a
    service name ("Perekaman KTP" / "Elektronik") reads like a separate heading.
    """
    greedy = textwrap.wrap(text, columns, break_on_hyphens=False) or [""]
    if len(greedy) == 1:
        return greedy
    # The narrowest width that needs no more lines than the greedy wrap (balanced lines).
    lines = greedy
    # Never narrower than the longest word that fits: balancing must not break words.
    low = min(columns, max(len(word) for word in text.split()))
    high = columns
    while low < high:
        middle = (low + high) // 2
        candidate = textwrap.wrap(text, middle, break_on_hyphens=False)
        if len(candidate) <= len(greedy) and all(len(line) <= middle for line in candidate):
            high = middle
        else:
            low = middle + 1
    balanced = textwrap.wrap(text, low, break_on_hyphens=False)
    if len(balanced) <= len(greedy):
        lines = balanced
    return _without_orphan(lines, columns)


def _without_orphan(lines: list[str], columns: int) -> list[str]:
    """Move the last word of the line before onto a last line that holds a single word."""
    if len(lines) < 2 or " " in lines[-1]:
        return lines
    before = lines[-2].split(" ")
    if len(before) < 2 or len(before[-1]) + 1 + len(lines[-1]) > columns:
        return lines  # no better break exists
    return [*lines[:-2], " ".join(before[:-1]), f"{before[-1]} {lines[-1]}"]


def list_text(names: tuple[str, ...], language: str) -> str:
    """ "Loket 3", "Loket 4" -> "Loket 3 dan 4"; three or more with commas ("1, 2, dan 3").

    A first word shared with the name before is said once when both end in a number (or a
    number and a letter, "3A"); other names are said in full ("Loket 12 dan Loket Prioritas").
    """

    def numbered(name: str) -> tuple[str, str] | None:
        word, _, rest = name.rpartition(" ")
        short = rest[:1].isdigit() and rest.isalnum() and len(rest) <= 4
        return (word, rest) if word and short else None

    items = []
    for index, name in enumerate(names):
        this = numbered(name)
        before = numbered(names[index - 1]) if index else None
        same_word = this is not None and before is not None and this[0] == before[0]
        items.append(this[1] if same_word and this is not None else name)
    if len(items) == 1:
        return items[0]
    joiner = TEXTS.get("list_and", language)
    if len(items) == 2:
        return f"{items[0]} {joiner} {items[1]}"
    return f"{', '.join(items[:-1])}, {joiner} {items[-1]}"


def issued_text(ticket: TicketPrint, language: str) -> str:
    """ "Sabtu, 28 November 2026 09.15" (the clock as the hall writes it), in the ticket's time
    zone."""
    day = format_date(ticket.issued_at, DATE_PATTERN, locale=language)
    return f"{day} {clock_text(ticket.issued_at, language)}"


def eta_text(minutes: int | None, language: str) -> str | None:
    if minutes is None:
        return None
    if minutes <= 1:
        return TEXTS.get("eta_soon", language)
    if minutes < 60:
        return TEXTS.get("eta_minutes", language, minutes=minutes)
    return TEXTS.get("eta_hours", language, hours=minutes // 60, minutes=minutes % 60)


def waiting_text(count: int, language: str) -> str:
    key = {0: "waiting_none", 1: "waiting_one"}.get(count, "waiting_many")
    return TEXTS.get(key, language, count=count)


@lru_cache(maxsize=8)
def _logo_image(path: Path, mtime: float, max_width: int) -> Image.Image:
    with Image.open(path) as image:
        logo = image.convert("RGBA")
    scale = min(1.0, max_width / logo.width, LOGO_MAX_HEIGHT / logo.height)
    if scale < 1.0:
        size = (max(1, int(logo.width * scale)), max(1, int(logo.height * scale)))
        logo = logo.resize(size, Image.Resampling.LANCZOS)
    return logo


class TicketWriter:
    """Small helpers over a python-escpos printer, with every style given explicitly per line."""

    def __init__(self, printer: Escpos, settings: PrinterSettings) -> None:
        self.printer = printer
        self.settings = settings
        self.geometry = paper_geometry(settings)
        self.language: str = settings.language

    def begin(self) -> None:
        self.printer.hw("INIT")
        # ESC @ resets the printer's code page, so always select ours again afterwards, with
        # the number chosen here (python-escpos would take the last of duplicate numbers).
        magic = self.printer.magic
        number = code_page_number(self.settings.profile, self.settings.code_page)
        self.printer._raw(b"\x1bt" + bytes([number]))
        magic.encoding = magic.encoder.get_encoding_name(self.settings.code_page)
        magic.disabled = True

    def _can_encode(self, char: str) -> bool:
        return bool(self.printer.magic.encoder.can_encode(self.settings.code_page, char))

    def text(
        self,
        text: str,
        *,
        align: str = "center",
        bold: bool = False,
        width: int = 1,
        height: int = 1,
        invert: bool = False,
    ) -> None:
        """Print `text` wrapped to the columns available at this character width."""
        columns = self.geometry.columns // width
        self.lines(
            wrap(printable(text, self._can_encode), columns),
            align=align,
            bold=bold,
            width=width,
            height=height,
            invert=invert,
        )

    def lines(
        self,
        lines: list[str],
        *,
        align: str = "center",
        bold: bool = False,
        width: int = 1,
        height: int = 1,
        invert: bool = False,
    ) -> None:
        """Print lines already made printable and fitted to the paper."""
        # GS ! for every size, 1x1 included: one command sets the size, whatever came before.
        self.printer.set(
            align=align, bold=bold, invert=invert, custom_size=True, width=width, height=height
        )
        for line in lines:
            self.printer.textln(line)
        if invert:
            self.printer.set(invert=False)

    def banner(self, texts: list[str], *, size: int) -> None:
        """Large, bold white-on-black lines of one width, centred: a block that stands out."""
        columns = self.geometry.columns // size - 2  # a space of black on each side
        lines = [
            line for text in texts for line in wrap(printable(text, self._can_encode), columns)
        ]
        block = max(len(line) for line in lines) + 2
        # An odd space over goes to the right (str.center may put it on the left).
        self.lines(
            [
                " " * ((block - len(line)) // 2) + line.ljust(block - (block - len(line)) // 2)
                for line in lines
            ],
            bold=True,
            width=size,
            height=size,
            invert=True,
        )

    def rule(self) -> None:
        self.text("-" * self.geometry.columns)

    def feed(self, lines: int = 1) -> None:
        """Blank lines at normal size (a printer may feed a tall line after a tall size)."""
        self.printer.set(custom_size=True, width=1, height=1)
        self.printer.ln(lines)

    def image(self, image: Image.Image) -> None:
        """Print an image centred on the paper, as a GS v 0 raster.

        Centred by padding here rather than through python-escpos' `center`, which prints a
        warning to stdout for profiles that do not know their paper width.
        """
        dots = self.geometry.dots
        canvas = Image.new("RGB", (dots, image.height), (255, 255, 255))
        rgba = image.convert("RGBA")
        canvas.paste(rgba, ((dots - image.width) // 2, 0), mask=rgba.split()[3])
        raster = EscposImage(canvas)
        header = (
            b"\x1dv0\x00"
            + raster.width_bytes.to_bytes(2, "little")
            + raster.height.to_bytes(2, "little")
        )
        self.printer._raw(header + raster.to_raster_format())

    def qr(self, content: str) -> None:
        """Native QR where the profile has it, else an image the printer only has to copy;
        either way with the standard's quiet zone of 4 modules all round."""
        self.printer.set(align="center", bold=False, custom_size=True, width=1, height=1)
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(content)
        code.make(fit=True)
        span = code.modules_count + 2 * QR_QUIET_MODULES
        module = max(1, min(QR_MODULE_DOTS, self.geometry.dots // span))
        if self.printer.profile.supports("qrCode"):
            # The printer draws no quiet zone: blank lines above and below give it (the paper's
            # width gives it at the sides).
            feeds = -(-QR_QUIET_MODULES * module // LINE_FEED_DOTS)
            self.feed(feeds)
            self.printer.qr(content, ec=QR_ECLEVEL_M, size=module, native=True)
            self.feed(feeds)
            return
        code = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M,
            box_size=module,
            border=QR_QUIET_MODULES,
        )
        code.add_data(content)
        code.make(fit=True)
        self.image(code.make_image().get_image().convert("RGB"))

    def logo(self, path: Path) -> None:
        self.image(_logo_image(path, path.stat().st_mtime, self.geometry.dots))

    def cut(self) -> None:
        """Feed the last line past the cutter, then cut (a feed only where the profile has no
        cutter)."""
        self.printer.cut(mode="PART" if self.settings.cut == "partial" else "FULL")


def number_magnification(number: str, geometry: PaperGeometry) -> int:
    """The largest character size (1-6) at which the ticket number fits on one line."""
    fitting = geometry.columns // max(1, len(number))
    return max(1, min(NUMBER_MAX_MAGNIFICATION, fitting))


def render_ticket(printer: Escpos, ticket: TicketPrint, settings: PrinterSettings) -> None:
    """Write one ticket onto a python-escpos printer object, ending with a cut."""
    language = ticket.language or settings.language
    out = TicketWriter(printer, settings)
    out.language = language
    out.begin()
    if settings.logo is not None:
        out.logo(settings.logo)
    for index, line in enumerate(settings.header_lines):
        out.text(line, bold=True, height=2 if index == 0 else 1)
    out.rule()
    if ticket.agency:
        out.text(ticket.agency)
    out.text(ticket.service_name, bold=True, height=2)
    out.feed()
    out.text(TEXTS.get("ticket_number_label", language))
    size = number_magnification(ticket.number, out.geometry)
    out.text(ticket.number, bold=True, width=size, height=size)
    if ticket.priority is not None:
        out.feed()
        out.banner(
            [
                TEXTS.get("priority_heading", language),
                TEXTS.get(f"priority_{ticket.priority}", language),
            ],
            size=PRIORITY_MAGNIFICATION,
        )
    if ticket.booking is not None:
        out.feed()
        out.banner(
            [TEXTS.get("booking_heading", language), grouped(ticket.booking)],
            size=PRIORITY_MAGNIFICATION,
        )
    out.feed()
    out.text(issued_text(ticket, language))
    out.text(waiting_text(ticket.waiting_ahead, language))
    if (eta := eta_text(ticket.eta_minutes, language)) is not None:
        out.text(eta)
    out.feed()
    if ticket.counters:
        out.text(
            TEXTS.get("served_at", language, counters=list_text(ticket.counters, language)),
            bold=True,
        )
    out.text(TEXTS.get("watch_screen", language))
    out.text(TEXTS.get("keep_ticket", language))
    if ticket.tracking_url:
        out.qr(ticket.tracking_url)
        out.text(TEXTS.get("qr_hint", language))
    out.rule()
    out.text(settings.footer or TEXTS.get("footer_default", language))
    out.cut()


def render_test_page(printer: Escpos, settings: PrinterSettings) -> None:
    """The technician's test page: settings, every text size, styles, the code page, a QR."""
    out = TicketWriter(printer, settings)
    language = settings.language
    columns = out.geometry.columns
    out.begin()
    out.text(TEXTS.get("test_title", language), bold=True, height=2)
    out.text(
        TEXTS.get(
            "test_settings",
            language,
            type=settings.type,
            profile=settings.profile,
            width=settings.paper_width,
            columns=columns,
        ),
        align="left",
    )
    out.rule()
    out.text(TEXTS.get("test_ruler", language), align="left")
    ruler = "".join(
        str(column // 10 % 10) if column % 10 == 0 else "." for column in range(1, 1 + columns)
    )
    out.text(ruler, align="left")
    out.text(TEXTS.get("test_sizes", language), align="left")
    for size in range(1, 9):
        out.text(f"{size}x", align="left", bold=True, width=size, height=size)
    out.text(TEXTS.get("test_styles", language), align="left")
    out.text("Tebal / Bold", align="left", bold=True)
    printer.set(underline=1)
    out.text("Garis bawah / Underline", align="left")
    printer.set(underline=0)
    out.text("Terbalik / Inverted", align="left", invert=True)
    out.text(TEXTS.get("test_code_page", language, code_page=settings.code_page), align="left")
    printer.set(align="left", bold=False, custom_size=True, width=1, height=1)
    per_row = 16 if columns >= 32 else 8
    for start in range(128, 256, per_row):
        # Raw bytes on purpose: the page shows what this code page really has in its upper half.
        printer._raw(bytes(range(start, start + per_row)) + b"\n")
    out.text(TEXTS.get("test_qr", language), align="left")
    out.qr("Antrian MPP - uji printer / printer test")
    out.text(TEXTS.get("test_done", language))
    out.cut()


def _render_bytes(settings: PrinterSettings, draw: Callable[[Dummy], None]) -> bytes:
    dummy = Dummy(profile=settings.profile)
    draw(dummy)
    output: bytes = dummy.output  # python-escpos ships no types
    return output


def render_ticket_bytes(ticket: TicketPrint, settings: PrinterSettings) -> bytes:
    """The exact ESC/POS bytes of one ticket, as sent to the printer."""
    return _render_bytes(settings, lambda dummy: render_ticket(dummy, ticket, settings))


def render_test_page_bytes(settings: PrinterSettings) -> bytes:
    return _render_bytes(settings, lambda dummy: render_test_page(dummy, settings))

"""Ticket and test-page layout: data plus settings in, ESC/POS commands on a printer object out.

Pure: nothing here reads the clock or talks to a device (the logo file is the one thing read).
Every text goes through `printable` (one code page, transliteration for the rest) and is
wrapped to the paper's columns at the size it is printed in, so nothing runs past the edge.
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
from babel.dates import format_datetime
from PIL import Image

from config.printer import PrinterSettings
from printer.escpos_lib import QR_ECLEVEL_M, Dummy, EscposImage, get_profile
from printer.texts import TEXTS
from printer.ticket import TicketPrint

DATE_PATTERN = "EEEE, d MMMM y HH:mm"  # "Sabtu, 28 November 2026 09:15" in the `id` locale
FONT_A_DOTS = 12  # width of one font-A character in dots, at every common density
PAPER_DOTS = {58: 384, 80: 576}  # printable dots of the usual 203 dpi heads
NUMBER_MAX_MAGNIFICATION = 6
QR_MODULE_DOTS = 6
LOGO_MAX_HEIGHT = 200


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


def printable(text: str, can_encode: Callable[[str], bool]) -> str:
    """Text the printer can show: control characters become spaces, characters outside the
    code page are transliterated ("—" -> "-", "Đ" -> "D", "日本" -> "RiBen"), emoji dropped."""
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
    return "".join(result)


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

    def __init__(self, printer, settings: PrinterSettings):
        self.printer = printer
        self.settings = settings
        self.geometry = paper_geometry(settings)
        self.language = settings.language

    def begin(self) -> None:
        self.printer.hw("INIT")
        # ESC @ resets the printer's code page, so always select ours again afterwards.
        self.printer.magic.encoding = None
        self.printer.magic.force_encoding(self.settings.code_page)

    def _can_encode(self, char: str) -> bool:
        return self.printer.magic.encoder.can_encode(self.settings.code_page, char)

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
        # GS ! for every size, 1x1 included: one command sets the size, whatever came before.
        self.printer.set(
            align=align, bold=bold, invert=invert, custom_size=True, width=width, height=height
        )
        columns = self.geometry.columns // width
        for line in textwrap.wrap(printable(text, self._can_encode), columns) or [""]:
            self.printer.textln(line)
        if invert:
            self.printer.set(invert=False)

    def rule(self) -> None:
        self.text("-" * self.geometry.columns)

    def feed(self, lines: int = 1) -> None:
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
        """Native QR where the profile has it, else an image the printer only has to copy."""
        self.printer.set(align="center", bold=False, custom_size=True, width=1, height=1)
        if self.printer.profile.supports("qrCode"):
            self.printer.qr(content, ec=QR_ECLEVEL_M, size=QR_MODULE_DOTS, native=True)
            self.printer.ln()
            return
        code = qrcode.QRCode(
            error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=QR_MODULE_DOTS, border=1
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


def render_ticket(printer, ticket: TicketPrint, settings: PrinterSettings) -> None:
    """Write one ticket onto a python-escpos printer object, ending with a cut."""
    out = TicketWriter(printer, settings)
    language = settings.language
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
        group = TEXTS.get(f"priority_{ticket.priority}", language)
        out.text(TEXTS.get("priority_label", language, group=group), bold=True, invert=True)
    out.feed()
    out.text(format_datetime(ticket.issued_at, DATE_PATTERN, locale=language))
    out.text(waiting_text(ticket.waiting_ahead, language))
    if (eta := eta_text(ticket.eta_minutes, language)) is not None:
        out.text(eta)
    if ticket.tracking_url:
        out.feed()
        out.qr(ticket.tracking_url)
        out.text(TEXTS.get("qr_hint", language))
    out.rule()
    out.text(settings.footer or TEXTS.get("footer_default", language))
    out.cut()


def render_test_page(printer, settings: PrinterSettings) -> None:
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
    return dummy.output


def render_ticket_bytes(ticket: TicketPrint, settings: PrinterSettings) -> bytes:
    """The exact ESC/POS bytes of one ticket, as sent to the printer."""
    return _render_bytes(settings, lambda dummy: render_ticket(dummy, ticket, settings))


def render_test_page_bytes(settings: PrinterSettings) -> bytes:
    return _render_bytes(settings, lambda dummy: render_test_page(dummy, settings))

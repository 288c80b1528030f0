"""Draw ESC/POS bytes as the paper would look, so a ticket can be shown without a printer.

It reads the very bytes a printer gets (only the commands this package's layout sends), so
the picture in the demo and the docs is the ticket, not a look-alike. One dot is one pixel.
Every style the layout uses is drawn: sizes (GS !), bold (ESC E, ESC !), underline (ESC -,
ESC !), white on black (GS B), alignment (ESC a); text is read in the code page selected with
ESC t (Epson's numbering), as the printer reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont, ImageOps

from config.printer import PrinterSettings
from printer.layout import FONT_A_DOTS, paper_geometry, render_ticket_bytes
from printer.ticket import TicketPrint

CELL_HEIGHT = 24  # font A is 12 x 24 dots
LINE_GAP = 6  # the default line spacing leaves about this many dots between lines
FEED_LINE = CELL_HEIGHT + LINE_GAP
MARGIN = 24
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
QR_ERROR_LEVELS = {48: "L", 49: "M", 50: "Q", 51: "H"}
# ESC t numbers of Epson's table -> Python codecs (the pages this package may select).
CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252"}
CODE_PAGES |= {17: "cp866", 18: "cp852", 19: "cp858"}


class PreviewError(ValueError):
    """The bytes use a command the preview does not draw."""


def _font(bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), 19)
    except OSError:
        return ImageFont.load_default(size=19)


@dataclass
class _Style:
    width: int = 1
    height: int = 1
    bold: bool = False
    underline: int = 0  # dots thick: 0, 1 or 2
    invert: bool = False
    align: str = "left"


class _Paper:
    """A growing strip of paper, `dots` wide."""

    def __init__(self, dots: int, code_page: str):
        self.dots = dots
        self.encoding = code_page.lower().replace("_", "-")
        self.blocks: list[Image.Image] = []
        self.style = _Style()
        self.fonts = {False: _font(False), True: _font(True)}

    def _place(self, block: Image.Image, align: str) -> None:
        row = Image.new("L", (self.dots, block.height), 255)
        free = max(0, self.dots - block.width)
        x = {"left": 0, "center": free // 2, "right": free}[align]
        row.paste(block.crop((0, 0, min(block.width, self.dots), block.height)), (x, 0))
        self.blocks.append(row)

    def line(self, raw: bytes) -> None:
        style = self.style
        try:
            text = raw.decode(self.encoding)
        except (LookupError, UnicodeDecodeError):
            text = raw.decode("cp437")
        if not text:
            self.feed(1)
            return
        cell = Image.new("L", (FONT_A_DOTS * len(text), CELL_HEIGHT), 255)
        draw = ImageDraw.Draw(cell)
        for index, char in enumerate(text):
            draw.text((index * FONT_A_DOTS - 0.5, 1), char, fill=0, font=self.fonts[style.bold])
        if style.invert:
            cell = ImageOps.invert(cell)
        cell = cell.resize(
            (cell.width * style.width, CELL_HEIGHT * style.height), Image.Resampling.NEAREST
        )
        if style.underline:
            bottom = cell.height - 1
            ImageDraw.Draw(cell).rectangle(
                (0, bottom - style.underline + 1, cell.width - 1, bottom),
                fill=255 if style.invert else 0,
            )
        block = Image.new("L", (cell.width, cell.height + LINE_GAP), 255)
        block.paste(cell, (0, 0))
        self._place(block, style.align)

    def feed(self, lines: int) -> None:
        if lines:
            self.blocks.append(Image.new("L", (self.dots, FEED_LINE * lines), 255))

    def image(self, image: Image.Image) -> None:
        self._place(image, self.style.align)

    def cut(self) -> None:
        mark = Image.new("L", (self.dots, 12), 255)
        ImageDraw.Draw(mark).line((0, 6, self.dots, 6), fill=160, width=1)
        self.blocks.append(mark)

    def picture(self) -> Image.Image:
        height = sum(block.height for block in self.blocks) + 2 * MARGIN
        paper = Image.new("L", (self.dots + 2 * MARGIN, height), 255)
        y = MARGIN
        for block in self.blocks:
            paper.paste(block, (MARGIN, y))
            y += block.height
        framed = Image.new("RGB", (paper.width + 32, paper.height + 32), (214, 218, 224))
        framed.paste(paper.convert("RGB"), (16, 16))
        return framed


def draw_escpos(data: bytes, dots: int, code_page: str = "CP437") -> Image.Image:
    """Draw the bytes of one ticket or test page as an image `dots` wide (plus a margin)."""
    paper = _Paper(dots, code_page)
    text = bytearray()
    qr_size, qr_level, qr_data = 3, "L", b""
    i = 0

    def arg(offset: int) -> int:
        if i + offset >= len(data):
            raise PreviewError(f"command at byte {i} is cut short")
        return data[i + offset]

    while i < len(data):
        byte = data[i]
        if byte == 0x0A:
            paper.line(bytes(text))
            text.clear()
            i += 1
        elif byte >= 0x20:
            text.append(byte)
            i += 1
        elif byte == 0x1B and arg(1) == ord("@"):
            paper.style = _Style()
            paper.encoding = "cp437"  # ESC @ selects page 0
            i += 2
        elif byte == 0x1B and arg(1) in b"tE-a!d":
            command, value = chr(arg(1)), arg(2)
            if command == "t":
                paper.encoding = CODE_PAGES.get(value, paper.encoding)
            elif command == "E":
                paper.style.bold = bool(value & 1)
            elif command == "-":
                paper.style.underline = value % 48 if value % 48 in (1, 2) else 0
            elif command == "!":
                paper.style.bold = bool(value & 0x08)
                paper.style.underline = 1 if value & 0x80 else 0
            elif command == "a":
                paper.style.align = {0: "left", 1: "center", 2: "right"}.get(value % 48, "left")
            elif command == "d":  # print what is buffered, then feed n lines
                if text:
                    paper.line(bytes(text))
                    text.clear()
                paper.feed(value)
            i += 3
        elif byte == 0x1D and arg(1) == ord("!"):
            paper.style.width, paper.style.height = (arg(2) >> 4) + 1, (arg(2) & 0x0F) + 1
            i += 3
        elif byte == 0x1D and arg(1) == ord("B"):
            paper.style.invert = bool(arg(2) & 1)
            i += 3
        elif byte == 0x1D and arg(1) == ord("V"):
            paper.cut()
            i += 3 if arg(2) in (0, 1, 48, 49) else 4
        elif byte == 0x1D and arg(1) == ord("v"):
            width_bytes, height = arg(4) | arg(5) << 8, arg(6) | arg(7) << 8
            raster = data[i + 8 : i + 8 + width_bytes * height]
            image = Image.frombytes("1", (width_bytes * 8, height), bytes(raster))
            paper.image(ImageOps.invert(image.convert("L")))  # a set bit is a black dot
            i += 8 + width_bytes * height
        elif byte == 0x1D and arg(1) == ord("(") and arg(2) == ord("k"):
            length = arg(3) | arg(4) << 8
            body = data[i + 5 : i + 5 + length]
            function = body[1]
            if function == 67:
                qr_size = body[2]
            elif function == 69:
                qr_level = QR_ERROR_LEVELS.get(body[2], "M")
            elif function == 80:
                qr_data = bytes(body[3:])
            elif function == 81:  # the printer draws no quiet zone: the layout feeds it
                paper.image(_qr_image(qr_data, qr_size, qr_level))
            i += 5 + length
        else:
            raise PreviewError(f"the preview does not draw byte 0x{byte:02x} at {i}")
    return paper.picture()


def _qr_image(content: bytes, module: int, level: str) -> Image.Image:
    levels = {
        "L": qrcode.constants.ERROR_CORRECT_L,
        "M": qrcode.constants.ERROR_CORRECT_M,
        "Q": qrcode.constants.ERROR_CORRECT_Q,
        "H": qrcode.constants.ERROR_CORRECT_H,
    }
    code = qrcode.QRCode(error_correction=levels[level], box_size=module, border=0)
    code.add_data(content.decode("utf-8"))
    code.make(fit=True)
    return code.make_image().get_image().convert("L")


def draw_ticket_preview(ticket: TicketPrint, settings: PrinterSettings) -> Image.Image:
    """The ticket as it will come out of the printer these settings describe."""
    data = render_ticket_bytes(ticket, settings)
    return draw_escpos(data, paper_geometry(settings).dots, settings.code_page)

"""An independent ESC/POS decoder and text renderer for the tests: written from Epson's command
reference, not from python-escpos, so a ticket is checked by something other than the code
that made it.

`decode(data, columns=..., dots=...)` walks the bytes. It raises DecodeError where it cannot go
on (an unknown command, whose length it cannot know; a command cut short; an argument out of
range) and records a warning for everything doubtful it can step over: text in a code page
that was never selected or that Epson's table does not name, a line wider than the paper, an
image wider than the paper, a QR code without the standard's quiet zone (4 modules), a style
left on at the cut, anything after the cut. A ticket is right when `warnings` is empty.

It returns the commands in order, the printed lines (text decoded in the code page in force,
with size, bold, underline, inversion and alignment), the raster images as bitmaps, the
native QR codes, and `page()`: the ticket as text, each line placed as the printer would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A

# Epson's ESC t table (ESC/POS Application Programming Guide), page number -> Python codec.
# Only the pages the project may select; anything else is a warning.
EPSON_CODE_PAGES = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
}
ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}
LINE_DOTS = 30  # default line spacing, 1/6 inch at 180 dpi (a 203 dpi head feeds more)
QR_QUIET_MODULES = 4


class DecodeError(AssertionError):
    pass


@dataclass
class Line:
    text: str
    width: int  # character width multiplier (1-8)
    height: int
    bold: bool
    align: str
    underline: bool = False
    invert: bool = False
    code_page: int | None = None


@dataclass
class Raster:
    """A GS v 0 image: rows of dots, True for black."""

    width: int
    height: int
    rows: list[list[bool]]

    def black_box(self) -> tuple[int, int, int, int] | None:
        """(left, top, right, bottom) of the black dots, right and bottom exclusive."""
        xs = [x for row in self.rows for x, dot in enumerate(row) if dot]
        ys = [y for y, row in enumerate(self.rows) if any(row)]
        if not xs:
            return None
        return min(xs), min(ys), max(xs) + 1, max(ys) + 1

    def qr_module(self) -> int | None:
        """The module size in dots if the image holds a QR code (a finder pattern at the top
        left of its black box: a black run of 7 modules, then white), else None."""
        box = self.black_box()
        if box is None:
            return None
        left, top, right, bottom = box
        row = self.rows[top]
        run = 0
        while left + run < right and row[left + run]:
            run += 1
        if run < 7 or run % 7 or (right - left) != (bottom - top):
            return None
        module = run // 7
        # The finder pattern's ring: the second module row is black, white x5, black.
        inner = self.rows[top + module][left : left + run]
        pattern = [inner[i * module] for i in range(7)]
        return module if pattern == [True, False, False, False, False, False, True] else None

    def quiet_zone_modules(self) -> float:
        """The narrowest white margin round the black dots, in modules of the QR inside."""
        module = self.qr_module()
        box = self.black_box()
        if module is None or box is None:
            raise DecodeError("the image holds no QR code")
        left, top, right, bottom = box
        return min(left, top, self.width - right, self.height - bottom) / module


@dataclass
class Decoded:
    commands: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    images: list[tuple[int, int]] = field(default_factory=list)  # (width in dots, height)
    rasters: list[Raster] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    native_qr_modules: list[int] = field(default_factory=list)
    code_pages: list[int] = field(default_factory=list)  # every ESC t, in order
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def page(self, columns: int) -> str:
        """The printed text as it lies on the paper: each line placed by its alignment, a
        double-width character shown as the character and a space."""
        out = []
        for line in self.lines:
            cells = "".join(char + " " * (line.width - 1) for char in line.text)
            free = max(0, columns - len(cells))
            shift = {"left": 0, "center": free // 2, "right": free}[line.align]
            out.append((" " * shift + cells).rstrip())
        return "\n".join(out)


def decode(data: bytes, *, columns: int | None = None, dots: int | None = None) -> Decoded:
    """Decode ESC/POS bytes; `columns` and `dots` (the paper) turn on the width checks."""
    out = Decoded()
    state: dict = {}
    text = bytearray()
    position = 0
    blank_dots = 10**6  # blank paper fed since the last thing printed (the top is blank)
    qr_after: int | None = None  # a native QR's module size until something follows it
    cut_at: int | None = None
    qr_store: dict = {}

    def reset() -> None:
        state.update(width=1, height=1, bold=False, align="left", underline=False, invert=False)

    reset()
    code_page: int | None = None

    def warn(message: str) -> None:
        out.warnings.append(f"byte {position}: {message}")

    def need(count: int, name: str) -> bytes:
        if position + count > len(data):
            raise DecodeError(f"{name} at byte {position} is cut short")
        return data[position : position + count]

    def printed(height_dots: int) -> None:
        """Something black (or a text line) goes onto the paper."""
        nonlocal blank_dots, qr_after
        if cut_at is not None:
            warn("printing after the cut")
        if qr_after is not None and blank_dots < QR_QUIET_MODULES * qr_after:
            warn(f"native QR followed after {blank_dots} dots, less than its quiet zone")
        qr_after = None
        blank_dots = 0

    def feed(lines: int) -> None:
        nonlocal blank_dots
        blank_dots += lines * LINE_DOTS

    def flush_line() -> None:
        if not text:
            feed(1)
            out.lines.append(Line("", code_page=code_page, **state))
            return
        raw = bytes(text)
        if any(byte >= 0x80 for byte in raw) and code_page not in EPSON_CODE_PAGES:
            warn(f"non-ASCII text {raw!r} in code page {code_page}, which is not known")
        codec = EPSON_CODE_PAGES.get(code_page, "cp437")
        line = Line(raw.decode(codec), code_page=code_page, **state)
        if columns is not None and len(line.text) * line.width > columns:
            warn(f"line {line.text!r} at width {line.width} is wider than {columns} columns")
        printed(LINE_DOTS * line.height)
        out.lines.append(line)
        text.clear()

    while position < len(data):
        byte = data[position]
        if byte == LF:
            flush_line()
            position += 1
        elif byte >= 0x20:
            text.append(byte)
            position += 1
        elif byte == ESC:
            command = need(2, "ESC")[1]
            if command == ord("@"):
                if text:
                    warn("ESC @ throws away text not yet printed")
                    text.clear()
                out.commands.append("init")
                reset()
                code_page = 0  # ESC @ selects page 0
                position += 2
            elif command in (ord("t"), ord("E"), ord("a"), ord("-"), ord("d"), ord("!")):
                argument = need(3, f"ESC {chr(command)}")[2]
                name = {
                    "t": "code_page",
                    "E": "bold",
                    "a": "align",
                    "-": "underline",
                    "d": "feed",
                    "!": "print_mode",
                }[chr(command)]
                if name == "align":
                    if argument not in ALIGN:
                        raise DecodeError(f"ESC a {argument}: no such alignment")
                    if text:
                        warn("ESC a in the middle of a line has no effect on it")
                    state["align"] = ALIGN[argument]
                elif name == "bold":
                    state["bold"] = bool(argument & 1)
                elif name == "underline":
                    if argument not in (0, 1, 2, 48, 49, 50):
                        raise DecodeError(f"ESC - {argument}: no such underline mode")
                    state["underline"] = argument % 48 != 0
                elif name == "code_page":
                    if argument not in EPSON_CODE_PAGES:
                        warn(f"ESC t {argument}: not a page of Epson's table")
                    code_page = argument
                    out.code_pages.append(argument)
                elif name == "feed":
                    if text:
                        flush_line()
                        argument -= 1 if argument else 0
                    feed(argument)
                elif name == "print_mode":
                    state["bold"] = bool(argument & 0x08)
                    state["underline"] = bool(argument & 0x80)
                out.commands.append(f"{name} {argument}")
                position += 3
            else:
                raise DecodeError(f"unknown command ESC 0x{command:02x} at byte {position}")
        elif byte == GS:
            command = need(2, "GS")[1]
            if command == ord("!"):
                size = need(3, "GS !")[2]
                width, height = (size >> 4) + 1, (size & 0x0F) + 1
                if width > 8 or height > 8:
                    raise DecodeError(f"GS ! 0x{size:02x}: size out of range")
                state.update(width=width, height=height)
                out.commands.append(f"size {width}x{height}")
                position += 3
            elif command == ord("B"):
                value = need(3, "GS B")[2]
                state["invert"] = bool(value & 1)
                out.commands.append(f"invert {value}")
                position += 3
            elif command == ord("V"):
                mode = need(3, "GS V")[2]
                if mode in (0, 1, 48, 49):
                    position += 3
                elif mode in (65, 66, 97, 98, 103, 104):
                    need(4, "GS V m n")
                    position += 4
                else:
                    raise DecodeError(f"GS V {mode}: no such cut")
                if text:
                    warn("cut with text not yet printed")
                for style in ("invert", "underline"):
                    if state[style]:
                        warn(f"{style} still on at the cut")
                if cut_at is not None:
                    warn("a second cut")
                cut_at = position
                out.commands.append("cut")
            elif command == ord("v"):
                header = need(8, "GS v 0")
                if header[2] != ord("0") or header[3] > 3:
                    raise DecodeError("GS v: only GS v 0 with m 0-3 exists")
                width_bytes = header[4] | header[5] << 8
                height = header[6] | header[7] << 8
                body = need(8 + width_bytes * height, "GS v 0 image data")[8:]
                width_dots = width_bytes * 8
                rows = [
                    [
                        bool(body[y * width_bytes + x // 8] & (0x80 >> (x % 8)))
                        for x in range(width_dots)
                    ]
                    for y in range(height)
                ]
                raster = Raster(width_dots, height, rows)
                if dots is not None and width_dots > dots:
                    warn(f"image {width_dots} dots wide on {dots}-dot paper")
                if text:
                    warn("image in the middle of a text line")
                module = raster.qr_module()
                if module is not None and raster.quiet_zone_modules() < QR_QUIET_MODULES:
                    warn(
                        f"QR image has a quiet zone of {raster.quiet_zone_modules():g} "
                        f"modules, less than {QR_QUIET_MODULES}"
                    )
                printed(height)
                out.images.append((width_dots, height))
                out.rasters.append(raster)
                out.commands.append("image")
                position += 8 + width_bytes * height
            elif command == ord("("):
                header = need(5, "GS (")
                if header[2] != ord("k"):
                    raise DecodeError(f"GS ( {chr(header[2])}: not supported here")
                length = header[3] | header[4] << 8
                body = need(5 + length, "GS ( k")[5:]
                if length < 2 or body[0] != ord("1"):
                    raise DecodeError("GS ( k: only QR (cn 49) is expected")
                function = body[1]
                if function == 65:
                    if body[2] not in (49, 50, 51):
                        raise DecodeError(f"QR model {body[2]}: no such model")
                elif function == 67:
                    if not 1 <= body[2] <= 16:
                        raise DecodeError(f"QR module size {body[2]}: out of range 1-16")
                    qr_store["module"] = body[2]
                elif function == 69:
                    if body[2] not in (48, 49, 50, 51):
                        raise DecodeError(f"QR error level {body[2]}: no such level")
                elif function == 80:
                    qr_store["data"] = body[3:].decode("utf-8")
                    out.qr_codes.append(qr_store["data"])
                elif function == 81:
                    module = qr_store.get("module", 3)
                    if "data" not in qr_store:
                        warn("QR printed with no data stored")
                    if text:
                        warn("QR printed in the middle of a text line")
                    if blank_dots < QR_QUIET_MODULES * module:
                        warn(f"native QR {blank_dots} dots after the last print: no quiet zone")
                    printed(0)
                    qr_after = module
                    out.native_qr_modules.append(module)
                else:
                    raise DecodeError(f"GS ( k QR function {function} unknown")
                out.commands.append(f"qr {function}")
                position += 5 + length
            else:
                raise DecodeError(f"unknown command GS 0x{command:02x} at byte {position}")
        else:
            raise DecodeError(f"unknown control byte 0x{byte:02x} at byte {position}")
    if text:
        warn("text at the end that was never printed (no LF)")
        flush_line()
    if qr_after is not None:
        warn("the bytes end right after a native QR")
    return out

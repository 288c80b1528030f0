"""An independent ESC/POS decoder for the tests: written from the command reference, not from
python-escpos, so a ticket is checked by something other than the code that made it.

`decode(data)` walks the bytes and raises DecodeError on an unknown command, a command cut
short or an argument out of range. It returns the commands in order and the printed lines,
each with the character width it was printed at and the code page in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A


class DecodeError(AssertionError):
    pass


@dataclass
class Line:
    text: str
    width: int  # character width multiplier (1-8)
    height: int
    bold: bool
    align: str


@dataclass
class Decoded:
    commands: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    images: list[tuple[int, int]] = field(default_factory=list)  # (width in dots, height)
    qr_codes: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


ALIGN = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}


def decode(data: bytes) -> Decoded:
    out = Decoded()
    state = {"width": 1, "height": 1, "bold": False, "align": "left"}
    text = bytearray()
    position = 0

    def need(count: int, name: str) -> bytes:
        if position + count > len(data):
            raise DecodeError(f"{name} at byte {position} is cut short")
        return data[position : position + count]

    def flush_line() -> None:
        out.lines.append(Line(text.decode("cp437"), **state))
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
                out.commands.append("init")
                state.update(width=1, height=1, bold=False, align="left")
                position += 2
            elif command in (ord("t"), ord("E"), ord("a"), ord("-"), ord("d"), ord("!")):
                argument = need(3, f"ESC {chr(command)}")[2]
                name = {"t": "code_page", "E": "bold", "a": "align", "-": "underline"}.get(
                    chr(command), {"d": "feed", "!": "print_mode"}.get(chr(command))
                )
                if name == "align":
                    if argument not in ALIGN:
                        raise DecodeError(f"ESC a {argument}: no such alignment")
                    state["align"] = ALIGN[argument]
                elif name == "bold":
                    state["bold"] = bool(argument & 1)
                elif name == "underline" and argument not in (0, 1, 2, 48, 49, 50):
                    raise DecodeError(f"ESC - {argument}: no such underline mode")
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
                out.commands.append(f"invert {need(3, 'GS B')[2]}")
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
                out.commands.append("cut")
            elif command == ord("v"):
                header = need(8, "GS v 0")
                if header[2] != ord("0") or header[3] > 3:
                    raise DecodeError("GS v: only GS v 0 with m 0-3 exists")
                width_bytes = header[4] | header[5] << 8
                height = header[6] | header[7] << 8
                need(8 + width_bytes * height, "GS v 0 image data")
                out.images.append((width_bytes * 8, height))
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
                if function == 80:
                    out.qr_codes.append(body[3:].decode("utf-8"))
                elif function not in (65, 67, 69, 81):
                    raise DecodeError(f"GS ( k QR function {function} unknown")
                out.commands.append(f"qr {function}")
                position += 5 + length
            else:
                raise DecodeError(f"unknown command GS 0x{command:02x} at byte {position}")
        else:
            raise DecodeError(f"unknown control byte 0x{byte:02x} at byte {position}")
    if text:
        flush_line()
    return out

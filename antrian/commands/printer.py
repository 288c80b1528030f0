"""`antrian printer sample|test|preview`: a technician's tools for the ticket printer.

- `sample --width 58|80 --out FILE` writes the ESC/POS bytes of the sample ticket
  (`--out -` writes them to stdout, e.g. `| nc 192.168.1.50 9100`).
- `test --config kiosk.toml` prints the test page on the configured printer and reports status.
- `preview --out FILE.png` draws the sample ticket as the printer would print it.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from config.priority import PRIORITY_GROUPS

HELP = "printer tools: sample ticket bytes, test page with status, ticket preview image"

EXIT_OK, EXIT_PRINTER, EXIT_CONFIG = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    sample = actions.add_parser("sample", help="write the sample ticket's ESC/POS bytes")
    _ticket_options(sample)
    sample.add_argument("--out", required=True, metavar="FILE", help="output file, - for stdout")

    test = actions.add_parser("test", help="print the test page and report the printer status")
    test.add_argument("--config", required=True, metavar="FILE", help="kiosk.toml ([printer])")
    test.add_argument(
        "--status-only", action="store_true", help="only ask the printer's status, print nothing"
    )

    preview = actions.add_parser("preview", help="draw the sample ticket as a PNG image")
    _ticket_options(preview)
    preview.add_argument("--out", required=True, metavar="FILE.png", help="the image to write")


def _ticket_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--width", type=int, choices=(58, 80), help="paper width in mm")
    parser.add_argument("--config", metavar="FILE", help="take the [printer] table of this file")
    parser.add_argument("--profile", help="python-escpos profile, e.g. TM-T20II or POS-5890")
    parser.add_argument("--logo", type=Path, help="logo image printed on top")
    parser.add_argument("--language", choices=("id", "en"), help="ticket language")
    parser.add_argument("--priority", choices=PRIORITY_GROUPS, help="a priority ticket")


def load_printer_settings(path: Path | str):
    """The `[printer]` table of a kiosk file, or a file that is only that table."""
    from config import ConfigError
    from config.loader import parse_settings
    from config.printer import PrinterSettings

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(path, ["file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, [f"cannot be read: {error}"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, [f"not valid TOML: {error}"]) from None
    from printer.profiles import check_profile

    if "printer" not in data:
        return check_profile(parse_settings(PrinterSettings, data, path), path, at="")
    try:
        settings = parse_settings(PrinterSettings, data["printer"], path)
    except ConfigError as error:
        raise ConfigError(path, [f"printer.{problem}" for problem in error.problems]) from None
    return check_profile(settings, path)


def _sample_settings(args: argparse.Namespace):
    from config.loader import parse_settings
    from config.printer import PrinterSettings

    base = (
        load_printer_settings(args.config).model_dump(exclude_unset=True)
        if args.config
        else {"header_lines": ["MAL PELAYANAN PUBLIK", "KABUPATEN MADIUN"]}
    )
    # The sample is rendered, never sent: a dummy printer with the layout settings.
    values = {key: value for key, value in base.items() if key in LAYOUT_KEYS}
    overrides = {
        "paper_width": args.width,
        "profile": args.profile,
        "logo": args.logo,
        "language": args.language,
    }
    values.update({key: value for key, value in overrides.items() if value is not None})
    from printer.profiles import check_profile

    settings = parse_settings(PrinterSettings, {"type": "dummy", **values}, "command line")
    return check_profile(settings, "command line", at="")


LAYOUT_KEYS = (
    "profile",
    "paper_width",
    "code_page",
    "header_lines",
    "logo",
    "footer",
    "language",
    "cut",
)


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")


def _sample(args: argparse.Namespace) -> int:
    from printer.layout import render_ticket_bytes
    from printer.sample import sample_ticket

    settings = _sample_settings(args)
    data = render_ticket_bytes(sample_ticket(args.priority), settings)
    if args.out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        Path(args.out).write_bytes(data)
        _write(f"{len(data)} bytes -> {args.out} ({settings.paper_width} mm, {settings.profile})")
    return EXIT_OK


def _preview(args: argparse.Namespace) -> int:
    from printer.preview import draw_ticket_preview
    from printer.sample import sample_ticket

    settings = _sample_settings(args)
    image = draw_ticket_preview(sample_ticket(args.priority), settings)
    image.save(args.out, format="PNG")
    _write(f"{image.width}x{image.height} px -> {args.out}")
    return EXIT_OK


def _test(args: argparse.Namespace) -> int:
    from printer import PrinterError, TicketPrinter

    settings = load_printer_settings(args.config)
    printer = TicketPrinter(settings)
    language = settings.language
    if args.status_only:
        status = printer.status()
        _write(status.describe(language))
        return EXIT_OK if status.problem is None else EXIT_PRINTER
    try:
        status = printer.print_test_page()
    except PrinterError as error:
        _write(error.message(language))
        _write(f"  [{error.code}] {error}")
        return EXIT_PRINTER
    _write(status.describe(language))
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from config import ConfigError

    actions = {"sample": _sample, "test": _test, "preview": _preview}
    try:
        return actions[args.action](args)
    except ConfigError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_CONFIG
    except OSError as error:
        sys.stderr.write(f"{error}\n")
        return EXIT_CONFIG

"""`antrian doctor --config FILE`: check a server, kiosk or display and say how to fix it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "Periksa perangkat dan cara memperbaikinya (check a device, with fixes)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, required=True, help="server.toml, kiosk.toml or display.toml"
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=None,
        help="report language (default: $ANTRIAN_LANG, else id)",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable report on stdout")
    parser.add_argument("--print-test", action="store_true", help="kiosk: print a test page")
    parser.add_argument(
        "--say-test", action="store_true", help="display: play the chime and a sentence"
    )
    parser.add_argument(
        "--data", type=Path, default=None, help="server: database folder (as `antrian server`)"
    )
    parser.add_argument("--host", default="0.0.0.0", help="server: address it listens on")
    parser.add_argument("--port", type=int, default=8000, help="server: TCP port (%(default)s)")
    parser.add_argument(
        "--not-started",
        action="store_true",
        help="server: this install is not started yet; a free port is then a pass, with a note",
    )


def run(args: argparse.Namespace) -> int:
    import logging

    from antrian.doctor import Options, diagnose
    from antrian.doctor.report import as_json, heading, result_lines, summary

    # The doctor's own log is its report; keep library warnings (printer, client) off the
    # screen unless something is really wrong.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    from config.i18n import env_language

    language = args.lang or env_language()
    options = Options(
        language=language,
        print_test=args.print_test,
        say_test=args.say_test,
        data_dir=args.data,
        host=args.host,
        port=args.port,
        not_started=args.not_started,
    )
    if args.json:
        report = diagnose(args.config, options)
        remember(report)
        sys.stdout.write(as_json(report) + "\n")
        return report.exit_code

    def show(result) -> None:
        sys.stdout.write(result_lines(result, language) + "\n")
        sys.stdout.flush()

    sys.stdout.write(heading(args.config, language) + "\n")
    report = diagnose(args.config, options, on_result=show)
    remember(report)
    sys.stdout.write(summary(report, language) + "\n")
    return report.exit_code


def remember(report) -> None:
    """A kiosk's or display's last result, for its heartbeat (config.doctor_record)."""
    import datetime as dt

    from config import doctor_record

    if report.kind in ("kiosk", "display"):
        at = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        checks = [result.as_dict() for result in report.results]
        doctor_record.save(report.kind, doctor_record.summary(at, checks))

"""`antrian` command: each subcommand lives in its own module under `antrian.commands`.

A command module defines `HELP` (one line), `add_arguments(parser)` and `run(args) -> int`.
Modules keep heavy imports (Qt, FastAPI, escpos) inside `run`, so `antrian --help` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from config.version import version

# name -> module under antrian.commands; the order is the order shown in --help.
COMMANDS = {
    "server": "server",
    "kiosk": "kiosk",
    "display": "display",
    "demo": "demo",
    "doctor": "doctor",
    "printer": "printer",
    "voice": "voice",
    "setup": "setup",
}


def _available_commands() -> dict[str, ModuleType]:
    modules: dict[str, ModuleType] = {}
    for name, module_name in COMMANDS.items():
        try:
            modules[name] = importlib.import_module(f"antrian.commands.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"antrian.commands.{module_name}":
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="antrian", description="Antrian MPP — sistem antrian Mal Pelayanan Publik"
    )
    parser.add_argument("--version", action="version", version=f"antrian-mpp {version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, module in _available_commands().items():
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args._run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())

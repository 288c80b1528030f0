"""`antrian kiosk --config FILE`: the touchscreen ticket kiosk."""

from __future__ import annotations

import argparse

from antrian.commands._screen_app import add_screen_app_arguments

HELP = "run the touchscreen ticket kiosk (PySide6)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_screen_app_arguments(parser, example="config/kiosk.toml")


def run(args: argparse.Namespace) -> int:
    from kiosk.app import main

    return main(args.config, windowed=args.windowed, server_url=args.server_url)

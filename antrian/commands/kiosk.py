"""`antrian kiosk --config FILE`: the touchscreen ticket kiosk."""

from __future__ import annotations

import argparse

HELP = "run the touchscreen ticket kiosk (PySide6)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", required=True, metavar="FILE", help="the kiosk's settings, e.g. kiosk.toml"
    )
    parser.add_argument(
        "--server-url", metavar="URL", help="use this server instead of the file's [server] url"
    )
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window instead of fullscreen (testing)"
    )


def run(args: argparse.Namespace) -> int:
    from kiosk.app import main

    return main(args.config, windowed=args.windowed, server_url=args.server_url)

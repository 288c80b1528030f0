"""`antrian display --config FILE`: the hall TV board and its voice."""

from __future__ import annotations

import argparse

HELP = "Run the hall TV display (board + Indonesian voice)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", required=True, metavar="FILE", help="display settings, e.g. config/display.toml"
    )
    parser.add_argument(
        "--server-url", metavar="URL", help="use this server instead of the file's [server] url"
    )
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window instead of fullscreen (demo)"
    )


def run(args: argparse.Namespace) -> int:
    from display.app import main

    return main(args.config, windowed=args.windowed, server_url=args.server_url)

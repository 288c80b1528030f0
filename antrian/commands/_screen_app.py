"""The options shared by the two screen apps, `antrian kiosk` and `antrian display`."""

from __future__ import annotations

import argparse


def add_screen_app_arguments(parser: argparse.ArgumentParser, example: str) -> None:
    parser.add_argument(
        "--config", required=True, metavar="FILE", help=f"the app's settings, e.g. {example}"
    )
    parser.add_argument(
        "--server-url", metavar="URL", help="use this server instead of the file's [server] url"
    )
    parser.add_argument(
        "--windowed", action="store_true", help="a normal window instead of fullscreen (demo)"
    )

"""`antrian display --config FILE`: the hall TV board and its voice."""

from __future__ import annotations

import argparse

from antrian.commands._screen_app import add_screen_app_arguments

HELP = "Run the hall TV display (board + Indonesian voice)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_screen_app_arguments(parser, example="config/display.toml")


def run(args: argparse.Namespace) -> int:
    from display.app import main

    return main(args.config, windowed=args.windowed, server_url=args.server_url)

"""The ground floor's shared rules: one home each for the version, logging and priority groups."""

from __future__ import annotations

import logging
import subprocess
import sys
from importlib.metadata import version as distribution_version

from config.logs import configure_logging
from config.priority import PRIORITY_GROUPS
from config.version import version


def test_version_is_the_installed_distributions():
    """The one version is pyproject.toml's, as installed; every part says it."""
    assert version() == distribution_version("antrian-mpp")


def test_the_command_line_says_the_one_version():
    """`antrian --version` prints config.version.version()."""
    answer = subprocess.run(
        [sys.executable, "-c", "from antrian.cli import main; main(['--version'])"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert answer.stdout.strip() == f"antrian-mpp {version()}"


def test_priority_groups_are_the_contracts_words():
    """Elderly, disabled, pregnant, in the order the kiosk offers them."""
    assert PRIORITY_GROUPS == ("lansia", "disabilitas", "ibu_hamil")


def test_every_part_reads_the_one_priority_home():
    """Server, kiosk, printer and the command line take the groups from config.priority."""
    import printer
    from antrian.commands import printer as printer_command
    from kiosk.core import flow
    from server.routes.tickets import TicketIn

    assert printer.PRIORITY_GROUPS is PRIORITY_GROUPS
    assert flow.PRIORITY_GROUPS is PRIORITY_GROUPS
    assert printer_command.PRIORITY_GROUPS is PRIORITY_GROUPS
    schema = TicketIn.model_json_schema()["properties"]["priority"]["anyOf"][0]
    assert tuple(schema["enum"]) == PRIORITY_GROUPS


def test_logging_goes_to_stderr_and_the_apps_file(tmp_path):
    """configure_logging writes `<dir>/<app>.log` and returns its path."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        log_file = configure_logging("kiosk", "INFO", tmp_path)
        logging.getLogger("kiosk.test").info("hello from the ground floor")
        for handler in root.handlers:
            handler.flush()
    finally:
        for handler in root.handlers:
            if handler not in saved[0]:
                handler.close()
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    assert log_file == tmp_path / "kiosk.log"
    assert "hello from the ground floor" in log_file.read_text(encoding="utf-8")

"""The deployment files: systemd units that `systemd-analyze verify` accepts, commands the
`antrian` CLI accepts, and a udev rule file of well-formed rules."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from antrian.cli import build_parser

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("antrian-*.*"))
SYSTEM_UNITS = Path("/usr/lib/systemd/system")
APP = "/opt/antrian/.venv/bin/antrian"
# Installed on the devices, not on a test machine: stand-ins inside the verify root.
DEVICE_ONLY = {APP, "/usr/bin/cage"}
EXEC_KEYS = ("ExecStartPre", "ExecStart", "ExecStartPost", "ExecStop", "ExecReload")


def exec_lines(unit: Path) -> list[list[str]]:
    """Each Exec*= command as a word list, without systemd's prefixes (+, -, @, !, :)."""
    commands = []
    for line in unit.read_text().splitlines():
        key, _, value = line.partition("=")
        if key.strip() in EXEC_KEYS:
            commands.append(shlex.split(value.strip().lstrip("+-@!:")))
    return commands


@pytest.fixture(scope="module")
def verify_root(tmp_path_factory) -> Path:
    """A root tree for `systemd-analyze verify --root`: the system's own units, ours in
    /etc/systemd/system, stand-ins for the app and cage, copies of other commands."""
    if shutil.which("systemd-analyze") is None or not SYSTEM_UNITS.is_dir():
        pytest.skip("systemd is not installed (deploy/apt-packages.txt)")
    root = tmp_path_factory.mktemp("root")
    shutil.copytree(SYSTEM_UNITS, root / SYSTEM_UNITS.relative_to("/"), symlinks=True)
    ours = root / "etc/systemd/system"
    ours.mkdir(parents=True)
    for unit in UNITS:
        shutil.copy(unit, ours / unit.name)
        for command in exec_lines(unit):
            program = Path(command[0])
            inside = root / program.relative_to("/")
            inside.parent.mkdir(parents=True, exist_ok=True)
            if str(program) in DEVICE_ONLY:
                inside.write_text("#!/bin/sh\nexit 0\n")
                inside.chmod(0o755)
            else:
                assert program.is_file(), f"{unit.name}: {program} does not exist here"
                shutil.copy2(program, inside)
    return root


def test_there_are_units_for_every_part():
    """Server, kiosk, display and the nightly backup (service + timer) are all there."""
    names = {unit.name for unit in UNITS}
    assert names == {
        "antrian-server.service",
        "antrian-kiosk.service",
        "antrian-display.service",
        "antrian-backup.service",
        "antrian-backup.timer",
    }


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_unit_passes_systemd_analyze_verify(verify_root, unit):
    """`systemd-analyze verify` finds no error and no warning in the unit."""
    answer = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", f"--root={verify_root}", unit.name],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert answer.returncode == 0, answer.stderr
    assert answer.stderr.strip() == "", answer.stderr


def test_verify_catches_a_missing_program(verify_root):
    """The check is real: a unit whose program is missing fails verify."""
    broken = verify_root / "etc/systemd/system/antrian-broken.service"
    broken.write_text("[Service]\nExecStart=/opt/antrian/missing server\n")
    answer = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", f"--root={verify_root}", broken.name],
        capture_output=True,
        text=True,
        timeout=60,
    )
    broken.unlink()
    assert answer.returncode != 0
    assert "/opt/antrian/missing" in answer.stderr


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_unit_commands_are_accepted_by_the_cli(unit):
    """Every `antrian ...` a unit runs parses with the real command-line parser."""
    for command in exec_lines(unit):
        if APP not in command:
            continue
        arguments = command[command.index(APP) + 1 :]
        args = build_parser().parse_args(arguments)
        assert args.command in ("server", "kiosk", "display")


def test_services_restart_and_the_timer_has_its_service():
    """Long-running units restart by themselves; the timer starts the backup service."""
    for unit in UNITS:
        text = unit.read_text()
        if unit.suffix == ".service" and "Type=oneshot" not in text:
            assert re.search(r"^Restart=(always|on-failure)$", text, re.M), unit.name
    timer = DEPLOY / "systemd" / "antrian-backup.timer"
    assert (DEPLOY / "systemd" / timer.name.replace(".timer", ".service")).exists()
    assert "Persistent=true" in timer.read_text()


def test_udev_rules_are_well_formed():
    """Each udev rule is comma-separated KEY==/= "value" pairs and sets group lp."""
    pair = re.compile(r'^[A-Za-z_]+(\{[A-Za-z_]+\})?(==|!=|=|\+=)"[^"]*"$')
    rules = [
        line
        for line in (DEPLOY / "udev" / "60-antrian-printer.rules").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert rules
    for rule in rules:
        parts = [part.strip() for part in rule.split(",")]
        assert all(pair.match(part) for part in parts), rule
        assert 'GROUP="lp"' in parts, rule

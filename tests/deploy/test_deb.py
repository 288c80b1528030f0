"""The Debian package: `make deb` builds it (once per test session), its control fields and
files are what Debian 12 needs, and its maintainer scripts install, upgrade, remove and purge
it in a throw-away root.

The throw-away root is a prepared minimal dpkg database plus /etc/passwd and /etc/group, and
`dpkg --root DIR --force-script-chrootless`: dpkg unpacks into DIR and runs the maintainer
scripts on this machine with DPKG_ROOT=DIR, which they honour (useradd --prefix, paths under
$DPKG_ROOT, no systemctl or udevadm there). Debian's own dependencies are not in that
database, hence --force-depends; that `apt install ./antrian-mpp_….deb` finds them is checked
against the control file instead. docs/decisions.md says why this and not a chroot.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    # A first build downloads PySide6 (≈250 MB of wheels); a cached one takes 1-2 minutes.
    pytest.mark.timeout(1500),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg (Debian)"),
    pytest.mark.skipif(os.geteuid() != 0, reason="dpkg --root sets owners: needs root"),
]

ROOT = Path(__file__).resolve().parents[2]
BUILD_SECONDS = 1200  # a first build downloads the wheels; later ones take about a minute
DPKG_SECONDS = 300
VERSION = re.search(r'(?m)^version = "(.+)"', (ROOT / "pyproject.toml").read_text()).group(1)
# Groups of a Debian 12 install that the service user joins (deploy/deb/postinst).
GROUPS = {"lp": 7, "dialout": 20, "audio": 29, "video": 44, "input": 104, "render": 105}


def run(*command: str | Path, timeout: float = DPKG_SECONDS, **options) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        **options,
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def deb(tmp_path_factory) -> Path:
    """`make deb` into a folder of its own; the same file for every test of the session."""
    dist = tmp_path_factory.mktemp("dist")
    run("make", "-s", "deb", cwd=ROOT, timeout=BUILD_SECONDS, env={**os.environ, "DIST": str(dist)})
    arch = run("dpkg", "--print-architecture").strip()
    package = dist / f"antrian-mpp_{VERSION}_{arch}.deb"
    assert package.is_file(), list(dist.iterdir())
    return package


def field(deb: Path, name: str) -> str:
    return run("dpkg-deb", "-f", deb, name).strip()


def test_control_fields(deb):
    assert field(deb, "Package") == "antrian-mpp"
    assert field(deb, "Version") == VERSION
    assert field(deb, "Architecture") == run("dpkg", "--print-architecture").strip()
    depends = {d.strip().split()[0] for d in field(deb, "Depends").split(",")}
    # The runtime part of deploy/apt-packages.txt, and the python the venv links to.
    wanted = {"python3.11", "adduser", "espeak-ng", "alsa-utils", "sox", "libusb-1.0-0",
              "libegl1", "libxkbcommon0", "libxcb-cursor0", "fonts-dejavu-core"}  # fmt: skip
    assert wanted <= depends, wanted - depends
    assert not depends & {"chromium", "xvfb", "x11-utils", "socat"}  # test tools only
    assert "cage" in field(deb, "Recommends")
    info = run("dpkg-deb", "-I", deb)
    for script in ("postinst", "prerm", "postrm"):
        assert re.search(rf"\b{script}\b", info), info


def test_contents(deb, tmp_path):
    listing = run("dpkg-deb", "-c", deb)
    for path in (
        "./opt/antrian/.venv/bin/antrian",
        "./opt/antrian/docs/operations.md",
        "./lib/systemd/system/antrian-server.service",
        "./lib/systemd/system/antrian-kiosk.service",
        "./lib/systemd/system/antrian-display.service",
        "./lib/systemd/system/antrian-backup.timer",
        "./lib/udev/rules.d/60-antrian-printer.rules",
        "./usr/share/doc/antrian-mpp/examples/kiosk.toml",
        "./usr/share/doc/antrian-mpp/copyright",
    ):
        assert f" {path}" in listing, path
    assert re.search(r"\./usr/bin/antrian -> /opt/antrian/\.venv/bin/antrian", listing)
    assert "/etc/systemd/system/" not in listing  # installed, not enabled
    # No development tools in it (pyproject's [dev] extras).
    assert not re.search(r"site-packages/(_?pytest|playwright|mypy|ruff|hypothesis)[-/]", listing)

    tree = tmp_path / "x"
    run("dpkg-deb", "-x", deb, tree)
    venv = tree / "opt/antrian/.venv"
    # Every script names the venv where it will be, not where it was built.
    for script in (venv / "bin").iterdir():
        if script.is_file() and not script.is_symlink():
            head = script.read_bytes()[:200]
            if head.startswith(b"#!"):
                assert head.startswith(b"#!/opt/antrian/.venv/bin/python"), script
    # Debian's interpreter: no Python of the build machine's own goes into the package.
    assert (venv / "bin/python").resolve() == Path("/usr/bin/python3").resolve()
    # The venv works: the app and the libraries Debian 12 does not have (PySide6,
    # python-escpos, a current FastAPI).
    python = venv / "bin/python"
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    version = run(python, "-m", "antrian.cli", "--version", env=env)
    assert version.strip() == f"antrian-mpp {VERSION}"
    run(python, "-c", "import PySide6.QtWidgets, escpos.printer, fastapi, uvicorn", env=env)
    assert "--config-out" in run(python, "-m", "antrian.cli", "setup", "--help", env=env)


def prepared_root(root: Path) -> Path:
    """A minimal target: an empty dpkg database and the base accounts of Debian 12."""
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "etc"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name in ("status", "available"):
        (root / "var/lib/dpkg" / name).touch()
    (root / "etc/passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    (root / "etc/shadow").write_text("root:*:19000:0:99999:7:::\n")
    groups = {"root": 0, **GROUPS}
    (root / "etc/group").write_text("".join(f"{g}:x:{i}:\n" for g, i in groups.items()))
    (root / "etc/gshadow").write_text("".join(f"{g}:*::\n" for g in groups))
    return root


def dpkg(root: Path, *arguments: str | Path) -> str:
    return run(
        "dpkg", f"--root={root}", "--force-script-chrootless", "--force-depends",
        f"--log={root / 'dpkg.log'}", *arguments,
    )  # fmt: skip


def account(root: Path, table: str, name: str) -> list[str]:
    for line in (root / "etc" / table).read_text().splitlines():
        if line.split(":")[0] == name:
            return line.split(":")
    raise AssertionError(f"no {name} in {table}")


def next_version(deb: Path, tmp_path: Path) -> Path:
    """The same package with a higher version: an upgrade for the maintainer scripts."""
    tree = tmp_path / "next"
    run("dpkg-deb", "-R", deb, tree)
    control = tree / "DEBIAN/control"
    control.write_text(control.read_text().replace(f"Version: {VERSION}", f"Version: {VERSION}+1"))
    upgraded = tmp_path / f"antrian-mpp_{VERSION}+1.deb"
    run("dpkg-deb", "--root-owner-group", "-Znone", "--build", tree, upgraded)
    shutil.rmtree(tree)
    return upgraded


def test_install_upgrade_remove_purge_in_a_throwaway_root(deb, tmp_path):
    root = prepared_root(tmp_path / "root")
    dpkg(root, "-i", deb)
    assert (root / "opt/antrian/.venv/bin/antrian").is_file()
    assert os.readlink(root / "usr/bin/antrian") == "/opt/antrian/.venv/bin/antrian"
    user = account(root, "passwd", "antrian")
    assert user[5:] == ["/var/lib/antrian", "/usr/sbin/nologin"] and int(user[2]) < 1000
    gid = int(account(root, "group", "antrian")[2])
    for group in GROUPS:
        assert "antrian" in account(root, "group", group)[3].split(","), group
    settings, data = root / "etc/antrian", root / "var/lib/antrian"
    assert (settings.stat().st_uid, settings.stat().st_gid) == (0, gid)
    assert settings.stat().st_mode & 0o777 == 0o750
    assert data.stat().st_uid == int(user[2])
    assert not (root / "etc/systemd/system").exists()  # nothing enabled by the package

    # What `antrian setup kiosk` and a running server leave behind.
    kiosk = settings / "kiosk.toml"
    kiosk.write_text('[server]\ntoken = "rahasia-perangkat"\n')
    database = data / "antrian.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE tickets (number TEXT)")
        db.execute("INSERT INTO tickets VALUES ('A-001')")

    dpkg(root, "-i", next_version(deb, tmp_path))
    assert f"{VERSION}+1" in run("dpkg", f"--root={root}", "-s", "antrian-mpp")
    assert kiosk.read_text() == '[server]\ntoken = "rahasia-perangkat"\n'
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT number FROM tickets").fetchall() == [("A-001",)]
    assert len([line for line in (root / "etc/passwd").read_text().splitlines()
                if line.startswith("antrian:")]) == 1  # fmt: skip

    dpkg(root, "-r", "antrian-mpp")
    assert not (root / "opt/antrian/.venv").exists()
    assert kiosk.is_file() and database.is_file()  # remove keeps settings and data

    dpkg(root, "--purge", "antrian-mpp")
    assert not settings.exists()  # purge: the settings go
    assert database.is_file()  # the database is kept even then (docs/operations.md)
    account(root, "passwd", "antrian")  # and the user (Debian keeps system users)

"""`antrian setup kiosk|display|server`: set this PC up for its role, in a few questions.

A kiosk or display: the server's address (a hall with two server hosts: both, the main one
first), the pairing code from the admin page (Perangkat → Tambah perangkat), the MPP's name, the
printer (found on USB and serial, or a network printer's IP) and how the screen is mounted. It
pairs with the first server that answers, which answers with the device's token: the token goes
straight into /etc/antrian/<role>.toml, never onto the screen. Then it
runs `antrian doctor` and enables the role's systemd service. The server: the MPP's name, the
admin's password and the address on the tickets' QR codes; it writes server.toml and enables
the server and the nightly backup.

Every question has a flag; without a terminal (a script) nothing is asked, and a missing
answer that has no default stops the command, naming the flag. The code is used only after
every other answer is known, so a wrong answer never wastes a code (only a backup address of
another hall's server, which only the new token can tell: it stops before anything is written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from antrian.commands.setup_texts import TEXTS

HELP = "Pasang PC ini sebagai kios, layar aula atau server (set this PC up for its role)"
ROLES = ("kiosk", "display", "server")
# cage -r turns the output 90° clockwise per -r (Debian 12's cage 0.1.4).
ORIENTATIONS = {"landscape": 0, "portrait": 1, "landscape-flipped": 2, "portrait-flipped": 3}
UNITS = {
    "kiosk": ("antrian-kiosk.service",),
    "display": ("antrian-display.service",),
    "server": ("antrian-server.service", "antrian-backup.timer"),
}
PROGRAM = "/opt/antrian/.venv/bin/antrian"
PRINTER_CHOICES = ("auto", "usb", "serial", "network", "none")


class SetupStopped(Exception):
    """A question without an answer, or an answer the server refused: said, then exit 2."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("role", choices=ROLES, help="what this PC is: kiosk, display or server")
    parser.add_argument(
        "--server",
        metavar="URL",
        action="append",
        help="kiosk/display: the server's address; a hall with two server hosts: twice, or "
        "URL,URL (the main one first)",
    )
    parser.add_argument("--code", help="kiosk/display: the pairing code from the admin page")
    parser.add_argument(
        "--config-out",
        type=Path,
        metavar="FILE",
        help="where the settings go (default /etc/antrian/<role>.toml)",
    )
    parser.add_argument(
        "--no-enable", action="store_true", help="write the settings only: enable no service"
    )
    parser.add_argument("--mpp-name", help="the MPP's name on the screens (server: [site] name)")
    parser.add_argument("--printer", choices=PRINTER_CHOICES, help="kiosk: which printer")
    parser.add_argument("--printer-host", metavar="IP", help="kiosk: a network printer's address")
    parser.add_argument("--printer-port", type=int, default=9100, help="kiosk: its TCP port")
    parser.add_argument("--usb-id", metavar="VVVV:PPPP", help="kiosk: a USB printer (lsusb ids)")
    parser.add_argument("--serial-device", metavar="DEV", help="kiosk: e.g. /dev/ttyUSB0")
    parser.add_argument("--baudrate", type=int, default=9600, help="kiosk: serial speed")
    parser.add_argument("--paper-width", type=int, choices=(58, 80), default=80)
    parser.add_argument("--technician-pin", help="kiosk: 4-8 digits (default: a random one)")
    parser.add_argument("--orientation", choices=tuple(ORIENTATIONS), help="kiosk/display")
    parser.add_argument("--admin-password", help="server: the admin user's password")
    parser.add_argument("--public-url", help="server: the address on the tickets' QR codes")
    parser.add_argument("--data", type=Path, help="server: database folder (/var/lib/antrian)")
    parser.add_argument(
        "--systemd-dir",
        type=Path,
        default=Path("/etc/systemd/system"),
        help="where the screen-orientation drop-in goes (%(default)s)",
    )
    parser.add_argument("--lang", choices=("id", "en"), help="default: $ANTRIAN_LANG, else id")
    parser.add_argument(
        "--yes", action="store_true", help="ask nothing: take the defaults, as without a terminal"
    )


class Questions:
    """Asks on the terminal, or takes the flag, or the default; never hangs in a script."""

    def __init__(self, language: str, interactive: bool, say: Callable[[str], None]):
        self.language = language
        self.interactive = interactive
        self.say = say

    def text(self, key: str, **values: object) -> str:
        return TEXTS.get(key, self.language, **values)

    def ask(
        self,
        key: str,
        flag: str,
        given: str | None,
        default: str | None = None,
        secret: bool = False,
    ) -> str:
        if given is not None:
            return given
        question = self.text(key)
        if not self.interactive:
            if default is not None:
                return default
            raise SetupStopped(self.text("missing", question=question, flag=flag))
        prompt = f"{question}{f' [{default}]' if default else ''}: "
        while True:
            if secret:
                import getpass

                answer = getpass.getpass(prompt)
            else:
                answer = input(prompt).strip()
            if answer or default is not None:
                return answer or (default or "")

    def choose(self, key: str, choices: list[str], default: int = 1) -> int:
        """The number (1-based) of one of `choices`, listed first."""
        for number, label in enumerate(choices, start=1):
            self.say(f"  {number}) {label}")
        if not self.interactive:
            return default
        while True:
            answer = input(f"{self.text(key)} [{default}]: ").strip() or str(default)
            if answer.isdigit() and 1 <= int(answer) <= len(choices):
                return int(answer)
            self.say(self.text("invalid_choice"))


# ---- the settings files ----------------------------------------------------------------------
def toml_text(value: object) -> str:
    """A TOML value: JSON's strings, numbers and lists are TOML's too."""
    return json.dumps(value, ensure_ascii=False)


def server_table(urls: list[str], token: str) -> list[str]:
    """A device's [server]: `url` for one address, `urls` for a hall's several hosts."""
    where = f"url = {toml_text(urls[0])}" if len(urls) == 1 else f"urls = {toml_text(urls)}"
    return ["[server]", where, f"token = {toml_text(token)}   # from pairing: secret, never shown"]


def kiosk_toml(
    urls: list[str], token: str, mpp_name: str, pin: str, printer: dict, width: int
) -> str:
    lines = [
        f"# Antrian MPP — this kiosk, written by `antrian setup kiosk` ({_today()}).",
        "# Every key is explained in /usr/share/doc/antrian-mpp/examples/kiosk.toml.",
        "",
        "[kiosk]",
        f"mpp_name = {toml_text(mpp_name)}",
        'language = "id"',
        f"technician_pin = {toml_text(pin)}       # tap the logo 5 times, then this PIN",
        "fullscreen = true",
        "",
        *server_table(urls, token),
        "",
        "[printer]",
        *(f"{key} = {toml_text(value)}" for key, value in printer.items()),
        f"paper_width = {width}",
        f"header_lines = {toml_text(_header_lines(mpp_name))}",
        "",
    ]
    return "\n".join(lines)


def _header_lines(mpp_name: str) -> list[str]:
    """ "Mal Pelayanan Publik Kabupaten Madiun" → the ticket's two lines in capitals."""
    name = mpp_name.upper()
    head = "MAL PELAYANAN PUBLIK"
    if name.startswith(head) and name[len(head) :].strip():
        return [head, name[len(head) :].strip()]
    return [name[:48]]


def display_toml(urls: list[str], token: str, mpp_name: str) -> str:
    lines = [
        f"# Antrian MPP — this hall display, written by `antrian setup display` ({_today()}).",
        "# Every key is explained in /usr/share/doc/antrian-mpp/examples/display.toml.",
        "",
        'log_level = "INFO"',
        "",
        *server_table(urls, token),
        "",
        "[board]",
        f"title = {toml_text(mpp_name)}",
        'language = "id"',
        "fullscreen = true",
        "",
        "[voice]",
        "enabled = true",
        'voice = "id"',
        "",
    ]
    return "\n".join(lines)


def server_toml(example: str, mpp_name: str, public_url: str, admin_password: str) -> str:
    """The example server.toml (its services, counters and schedules as a start, edited later
    on the admin page) with this MPP's name and address, one admin user and no demo users or
    devices: devices pair with codes."""
    lines = example[: example.index("[[users]]")].splitlines()
    while lines and (not lines[-1].strip() or lines[-1].startswith("#")):
        lines.pop()  # the demo users' heading comment goes with them
    text = "\n".join(lines) + "\n"
    text = re.sub(
        r'(?m)^name = "Mal Pelayanan Publik Kabupaten Madiun"$',
        f"name = {toml_text(mpp_name)}",
        text,
        count=1,
    )
    text = re.sub(
        r'(?m)^public_url = "[^"]*"', f"public_url = {toml_text(public_url)}", text, count=1
    )
    text = re.sub(
        r'(?m)^marquee = ".*"$',
        f"marquee = {toml_text(f'Selamat datang di {mpp_name}. Layanan gratis, tanpa calo.')}",
        text,
        count=1,
    )
    return (
        text.rstrip()
        + "\n\n# ---- written by `antrian setup server`: the first admin (stored hashed in the "
        + "database on the first start). Devices pair with codes: no [[devices]] here. ----\n"
        + f'[[users]]\nusername = "admin"\npassword = {toml_text(admin_password)}\n'
        + 'role = "admin"\n'
    )


def _today() -> str:
    return dt.date.today().isoformat()


def write_settings(path: Path, text: str, say: Callable[[str], None], q: Questions) -> None:
    """Write `path` (0640, root:antrian when root: tokens and PINs are in it), keeping a file
    that was there as <name>.bak-<time>."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        kept = path.with_name(f"{path.name}.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(path, kept)
        say(q.text("kept_old", path=kept))
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_text(text, encoding="utf-8")
    temporary.chmod(0o640)
    if os.geteuid() == 0:
        try:
            shutil.chown(temporary, "root", "antrian")
        except (LookupError, OSError):
            temporary.chmod(0o600)  # no antrian group (not installed from the package)
    temporary.replace(path)
    say(q.text("written", path=path))


# ---- talking to the server -------------------------------------------------------------------
def _api(url: str) -> str:
    return url.rstrip("/") + "/api/v1"


def server_version(url: str) -> str:
    """The version the Antrian server at `url` answers with; RuntimeError naming the cause in
    the system's own short words (the doctor's probe: "[Errno 111] Connection refused")."""
    from antrian.doctor.probe import probe_health

    found = probe_health(url, 5)
    if not found.ok:
        raise RuntimeError(found.error or found.cause)
    return str(found.health.get("version", "?"))


def pair(url: str, code: str, language: str) -> dict:
    """The server's {"token", "name", "kind"} for the code; SetupStopped with its message."""
    import requests

    answer = requests.post(
        f"{_api(url)}/devices/pair",
        json={"code": code},
        headers={"Accept-Language": language},
        timeout=10,
    )
    if answer.status_code != 201:
        try:
            message = answer.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = f"HTTP {answer.status_code}"
        raise SetupStopped(TEXTS.get("pair_refused", language, message=message))
    return answer.json()


def same_hall(url: str, token: str) -> bool:
    """Does the server at `url` know the device `token` (one database with the pairing host)?
    True when it cannot be asked now: the doctor at the end says so."""
    import requests

    try:
        answer = requests.post(
            f"{_api(url)}/devices/heartbeat",
            json={"status": {}},
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
    except requests.RequestException:
        return True
    return answer.status_code != 401


# ---- the questions of each role --------------------------------------------------------------
def addresses(text: str) -> list[str]:
    """'192.168.10.2:8000, http://192.168.10.3:8000/' → full addresses, each once, in order."""
    urls: list[str] = []
    for part in re.split(r"[,\s]+", text.strip()):
        url = part.rstrip("/")
        if url and not re.match(r"^https?://", url):
            url = f"http://{url}"
        if url and url not in urls:
            urls.append(url)
    return urls


def ask_servers(q: Questions, given: list[str] | None) -> tuple[list[str], list[str]]:
    """The hall's server addresses (the main one first), and those answering now: at least
    one. One that does not answer stays in the list as a backup, said so (the doctor at the
    end asks every address again)."""
    while True:
        urls = addresses(
            q.ask("ask_server", "--server URL", None if given is None else ",".join(given))
        )
        answering, problems = [], []
        for url in urls:
            try:
                q.say(q.text("server_ok", url=url, version=server_version(url)))
                answering.append(url)
            except Exception as error:  # refused, timeout, not our server: said below
                problems.append(q.text("server_bad", url=url, error=error))
        if answering:
            for problem in problems:
                q.say(q.text("server_kept_as_backup", problem=problem))
            return urls, answering
        problem = "; ".join(problems) or q.text("server_none")
        if given is not None or not q.interactive:
            raise SetupStopped(problem)
        q.say(problem)


def ask_printer(q: Questions, args: argparse.Namespace) -> dict:
    """kiosk.toml's [printer] keys, from the flags, or from what is plugged in."""
    if args.printer == "network" or (args.printer is None and args.printer_host):
        host = q.ask("ask_printer_host", "--printer-host IP", args.printer_host)
        return {"type": "network", "host": host, "port": args.printer_port}
    if args.printer == "none":
        return {"type": "none"}
    if args.printer == "usb" and args.usb_id:
        vendor, _, product = args.usb_id.partition(":")
        return {"type": "usb", "idVendor": f"0x{vendor}", "idProduct": f"0x{product}"}
    if args.printer == "serial" and args.serial_device:
        return {"type": "serial", "devfile": args.serial_device, "baudrate": args.baudrate}
    from printer.discovery import find_printers

    found = [p for p in find_printers() if args.printer in (None, "auto") or p.type == args.printer]
    if not q.interactive:
        likely = [p for p in found if p.likely]
        if likely:
            return likely[0].as_settings()
        q.say(q.text("printer_auto_none"))
        return {"type": "none"}
    q.say(q.text("printers_found") if found else q.text("no_printer_found"))
    labels = [p.label for p in found] + [
        q.text("printer_choice_network"),
        q.text("printer_choice_none"),
    ]
    choice = q.choose("ask_printer", labels)
    if choice <= len(found):
        return found[choice - 1].as_settings()
    if choice == len(found) + 1:
        host = q.ask("ask_printer_host", "--printer-host IP", args.printer_host)
        return {"type": "network", "host": host, "port": args.printer_port}
    return {"type": "none"}


def ask_orientation(q: Questions, given: str | None) -> str:
    if given is not None:
        return given
    names = list(ORIENTATIONS)
    q.say(q.text("ask_orientation") + ":")
    return names[q.choose("ask_orientation", [q.text(f"orientation_{n}") for n in names]) - 1]


def orientation_dropin(role: str, orientation: str, config: Path, systemd_dir: Path) -> None:
    """cage turned by -r per quarter turn: a drop-in for the role's unit; none when upright."""
    folder = systemd_dir / f"antrian-{role}.service.d"
    dropin = folder / "orientation.conf"
    turns = ORIENTATIONS[orientation]
    if not turns:
        dropin.unlink(missing_ok=True)
        return
    folder.mkdir(parents=True, exist_ok=True)
    rotate = " ".join(["-r"] * turns)
    dropin.write_text(
        f"# Written by `antrian setup {role}`: the screen is mounted {orientation}.\n"
        "[Service]\nExecStart=\n"
        f"ExecStart=/usr/bin/cage -s {rotate} -- {PROGRAM} {role} --config {config}\n",
        encoding="utf-8",
    )


def _systemctl(*arguments: str) -> str | None:
    """None when it worked, else what went wrong."""
    try:
        done = subprocess.run(
            ["systemctl", *arguments], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    return None if done.returncode == 0 else (done.stderr.strip() or f"exit {done.returncode}")


def enable(role: str, q: Questions) -> bool:
    ok = True
    now = ("--now",) if role == "server" else ()  # a kiosk's screen comes after the reboot
    for unit in UNITS[role]:
        problem = _systemctl("enable", *now, unit)
        if problem:
            q.say(q.text("enable_failed", unit=unit, error=problem))
            ok = False
        else:
            q.say(q.text("enabled", unit=unit))
    if role != "server":
        _systemctl("set-default", "graphical.target")
    return ok


def run_doctor(path: Path, role: str, q: Questions, data: Path | None) -> int:
    from antrian.commands.doctor import remember
    from antrian.doctor import Options, diagnose
    from antrian.doctor.device_checks import screen_environment
    from antrian.doctor.report import result_lines, summary

    q.say(q.text("doctor"))
    # Set up from the console, before cage runs, there is no screen to check yet: that is
    # not a fault of this install, so it is said as "checked after the restart".
    later = role != "server" and screen_environment() is None

    def seen(result):
        if later and result.key == "screen" and result.status == "fail":
            result = replace(result, status="skip", detail=q.text("screen_after_reboot"), fix="")
        return result

    options = Options(language=q.language, data_dir=data, not_started=role == "server")
    report = diagnose(path, options, on_result=lambda r: q.say(result_lines(seen(r), q.language)))
    report.results = [seen(result) for result in report.results]
    remember(report)
    q.say(summary(report, q.language))
    return report.exit_code


def _guess_public_url() -> str:
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent: only picks the outgoing address
            address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
    return f"http://{address}:8000"


def setup_device(args: argparse.Namespace, q: Questions, path: Path) -> int:
    role = args.role
    urls, answering = ask_servers(q, args.server)
    code = q.ask("ask_code", "--code CODE", args.code).strip()
    mpp_name = q.ask("ask_mpp_name", "--mpp-name", args.mpp_name, "Mal Pelayanan Publik")
    printer = ask_printer(q, args) if role == "kiosk" else {}
    if printer:
        q.say(q.text("printer_chosen", printer=", ".join(f"{k}={v}" for k, v in printer.items())))
    orientation = args.orientation or (ask_orientation(q, None) if q.interactive else "landscape")
    pin = args.technician_pin or f"{secrets.randbelow(10**4):04d}"
    q.say(q.text("pairing"))
    while True:
        try:
            paired = pair(answering[0], code, q.language)
            break
        except SetupStopped as refused:
            if not q.interactive or args.code is not None:
                raise
            q.say(str(refused))
            code = q.ask("ask_code", "--code CODE", None).strip()
    if paired["kind"] != role:
        raise SetupStopped(q.text("pair_refused", message=f"{paired['name']}: {paired['kind']}"))
    q.say(q.text("paired", name=paired["name"], kind=paired["kind"]))
    for other in answering[1:]:  # a backup of another hall would take its tickets elsewhere
        if not same_hall(other, paired["token"]):
            raise SetupStopped(q.text("other_hall", url=other, first=answering[0]))
    if role == "kiosk":
        text = kiosk_toml(urls, paired["token"], mpp_name, pin, printer, args.paper_width)
        q.say(q.text("pin", pin=pin))
    else:
        text = display_toml(urls, paired["token"], mpp_name)
    write_settings(path, text, q.say, q)
    run_doctor(path, role, q, None)
    if args.no_enable:
        q.say(q.text("not_enabled"))
        return 0
    orientation_dropin(role, orientation, path, args.systemd_dir)
    ok = enable(role, q)
    q.say(q.text("reboot"))
    return 0 if ok else 1


def setup_server(args: argparse.Namespace, q: Questions, path: Path) -> int:
    mpp_name = q.ask("ask_mpp_name", "--mpp-name", args.mpp_name)
    while True:
        password = q.ask("ask_admin_password", "--admin-password", args.admin_password, secret=True)
        if len(password) < 8:
            if args.admin_password is not None or not q.interactive:
                raise SetupStopped(q.text("password_short"))
            q.say(q.text("password_short"))
            continue
        if args.admin_password is None and q.interactive:
            again = q.ask("ask_admin_password_again", "--admin-password", None, secret=True)
            if again != password:
                q.say(q.text("password_differs"))
                continue
        break
    public_url = q.ask("ask_public_url", "--public-url", args.public_url, _guess_public_url())
    import config

    example = Path(config.__file__).with_name("server.toml").read_text(encoding="utf-8")
    write_settings(path, server_toml(example, mpp_name, public_url, password), q.say, q)
    run_doctor(path, "server", q, args.data)
    if args.no_enable:
        q.say(q.text("not_enabled"))
        return 0
    ok = enable("server", q)
    q.say(q.text("done_server", url=public_url.rstrip("/")))
    return 0 if ok else 1


def run(args: argparse.Namespace) -> int:
    import logging

    from config.i18n import env_language

    # As `antrian doctor`: what the checks find is said in the report, not as log lines.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")

    language = args.lang or env_language()
    interactive = sys.stdin.isatty() and not args.yes

    def say(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    q = Questions(language, interactive, say)
    path = args.config_out or Path("/etc/antrian") / f"{args.role}.toml"
    say(q.text("title", role=q.text(f"role_{args.role}")))
    try:
        if not os.access(path.parent if path.parent.exists() else Path("/"), os.W_OK):
            raise SetupStopped(q.text("needs_root", path=path))
        if args.role == "server":
            return setup_server(args, q, path)
        return setup_device(args, q, path)
    except SetupStopped as stopped:
        say(f"✗ {stopped}")
        return 2
    except (KeyboardInterrupt, EOFError):
        say("")
        return 130

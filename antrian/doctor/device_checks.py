"""Checks of a kiosk or a display: server, clock, token, printer, voice, sound, screen."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from antrian.doctor.core import Check, Context, Outcome

if TYPE_CHECKING:
    from config.display import DisplayAppSettings
    from config.kiosk import KioskSettings

CLOCK_LIMIT_SECONDS = 60
# A request to the server gets at most this long in the doctor, whatever the config allows.
SERVER_TIMEOUT_CAP = 5.0
COMMAND_TIMEOUT = 5.0
VOICE_TIMEOUT = 10.0
SCREEN_TIMEOUT = 15.0
SAY_TEST_TIMEOUT = 40.0
MIN_SCREEN = {"kiosk": (800, 600), "display": (1024, 576)}
MBROLA_DATA = Path("/usr/share/mbrola")
VOICE_PROBE_TEXT = "tes suara"
# Causes of a server that does not answer, each with its own text and fix (antrian.doctor.probe).
SERVER_CAUSES = (
    "name_not_found",
    "refused",
    "timed_out",
    "no_route",
    "hung",
    "not_antrian",
    "unhealthy",
    "other",
)


# ---- the settings an earlier check loaded ----


def _settings(context: Context) -> KioskSettings | DisplayAppSettings:
    if context.settings is None:
        raise RuntimeError("device checks run after the settings loaded")
    return context.settings


def _kiosk(context: Context) -> KioskSettings:
    from config.kiosk import KioskSettings

    settings = _settings(context)
    if not isinstance(settings, KioskSettings):
        raise RuntimeError("a printer check on a file that is not a kiosk's")
    return settings


def _display(context: Context) -> DisplayAppSettings:
    from config.display import DisplayAppSettings

    settings = _settings(context)
    if not isinstance(settings, DisplayAppSettings):
        raise RuntimeError("a voice check on a file that is not a display's")
    return settings


# ---- server, clock, token ----


def _server_timeout(context: Context) -> float:
    return min(_settings(context).server.timeout_seconds, SERVER_TIMEOUT_CAP)


def _client(context: Context):
    from client import ApiClient

    connection = _settings(context).server
    # No retries: the doctor reports what one attempt finds, within its bound.
    return ApiClient(
        connection.addresses,
        connection.token,
        timeout=_server_timeout(context),
        language=context.language,
        retries=0,
    )


def server_problem(context: Context, probe, url: str) -> Outcome:
    """The failure a probe of a device's server found: its cause in words, and its fix."""
    from antrian.doctor import probe as causes

    values = {
        "url": url,
        "host": probe.host,
        "port": probe.port,
        "seconds": _server_timeout(context),
        "error": probe.error,
        "path": context.path,
    }
    cause = probe.cause if probe.cause != causes.CLOSED else causes.HUNG
    if cause not in SERVER_CAUSES:
        cause = causes.OTHER
    return Outcome(
        "fail",
        context.text(f"server_{cause}", **values),
        context.text(f"server_{cause}_fix", **values),
    )


def check_server(context: Context) -> Outcome:
    """Every address of `[server]` (`url`, or each of `urls`) is asked and the answer says
    which answer; the clock check reads the answer of the first address that answered."""
    from antrian.doctor.probe import probe_health

    addresses = _settings(context).server.addresses
    answers: list[str] = []
    problems: dict[str, Outcome] = {}
    for url in addresses:
        probe = probe_health(url, _server_timeout(context))
        if not probe.ok:
            problems[url] = server_problem(context, probe, url)
            continue
        health = probe.health
        if "health" not in context.found:
            context.found["server_probe"] = probe
            context.found["health"] = health
            context.found["health_received"] = (dt.datetime.now(dt.UTC), probe.seconds)
        answers.append(
            context.text(
                "server_ok",
                url=url,
                ms=round(probe.seconds * 1000),
                version=health.get("version", "?"),
            )
        )
    if len(addresses) == 1 and problems:
        return problems[addresses[0]]
    detail = "; ".join([*answers, *(problem.detail for problem in problems.values())])
    if not problems:
        return Outcome("ok", detail)
    fixes = "; ".join(dict.fromkeys(problem.fix for problem in problems.values()))
    if answers:
        # The device works through the one that answers, but has no spare while it is so.
        no_backup = context.text("server_no_backup", urls=", ".join(problems))
        return Outcome("warn", f"{detail}. {no_backup}", fixes)
    return Outcome("fail", detail, fixes)


def check_clock(context: Context) -> Outcome:
    received, round_trip = context.found["health_received"]
    try:
        server_time = dt.datetime.fromisoformat(context.found["health"]["time"])
        # The server read its clock about half a round trip before the answer arrived.
        offset = abs(
            (received - dt.timedelta(seconds=round_trip / 2) - server_time).total_seconds()
        )
    except (KeyError, TypeError, ValueError):
        return Outcome("warn", context.text("clock_unreadable"), context.text("server_fault_fix"))
    if offset > CLOCK_LIMIT_SECONDS:
        return Outcome(
            "warn",
            context.text("clock_off", seconds=offset, limit=CLOCK_LIMIT_SECONDS),
            context.text("clock_fix"),
        )
    return Outcome("ok", context.text("clock_ok", seconds=offset))


def check_token(context: Context) -> Outcome:
    from client.errors import ClientError, NotAuthorized, ServerUnreachable

    role = context.text(f"role_{context.kind}")
    fix = context.text("token_fix", role=role, path=context.path)
    client = _client(context)
    try:
        # The heartbeat needs a device token; the admin page sees that the doctor ran.
        client.heartbeat({"doctor": True})
        if context.kind == "display":
            client.display_state()  # display role only: a kiosk token here is refused
    except NotAuthorized as error:
        if error.status == 403:
            return Outcome(
                "fail",
                context.text("token_wrong_role", role=role, error=error.message),
                context.text("token_wrong_role_fix", role=role, path=context.path),
            )
        return Outcome("fail", context.text("token_unknown", error=error.message), fix)
    except ServerUnreachable:
        return Outcome("fail", context.text("token_no_answer"), context.text("server_hung_fix"))
    except ClientError as error:
        return Outcome("fail", context.text("token_refused", error=error.message), fix)
    finally:
        client.close()
    return Outcome("ok", context.text("token_ok", role=role))


# ---- printer ----


def _printer_where(settings) -> str:
    if settings.type == "network":
        return f"{settings.host}:{settings.network_port}"
    if settings.type == "usb":
        return f"USB {settings.idVendor:04x}:{settings.idProduct:04x}"
    if settings.type in ("serial", "file"):
        return str(settings.devfile)
    return settings.type


def printer_bound(context: Context) -> float:
    printer = _kiosk(context).printer
    # The link probe (one connect), then one connect and two status requests (DLE EOT 1 and
    # 4), as TicketPrinter.status() does.
    return 2 * printer.connect_timeout + 2 * printer.status_timeout + 2


def _unreachable_fix(context: Context, settings) -> str:
    if settings.type == "usb":
        ids = f"{settings.idVendor:04x}:{settings.idProduct:04x}"
        return context.text("printer_unreachable_fix_usb", ids=ids)
    if settings.type == "network":
        return context.text("printer_unreachable_fix_network", host=settings.host)
    if settings.type == "serial":
        return context.text(
            "printer_unreachable_fix_serial",
            device=settings.devfile,
            baud=settings.serial_baudrate,
        )
    return context.text("printer_unreachable_fix_file", device=settings.devfile)


def _fail(context: Context, key: str, **values: object) -> Outcome:
    """A failure whose text is `key` and whose fix is `key`_fix."""
    return Outcome("fail", context.text(key, **values), context.text(f"{key}_fix", **values))


def _network_link(context: Context, settings, where: str) -> Outcome | None:
    from antrian.doctor import probe

    cause = probe.tcp_connect(settings.host, settings.network_port, settings.connect_timeout)
    if cause == probe.OK:
        return None
    values = {
        "where": where,
        "host": settings.host,
        "port": settings.network_port,
        "seconds": settings.connect_timeout,
    }
    key = {
        probe.REFUSED: "printer_refused",
        probe.NAME_NOT_FOUND: "printer_name_not_found",
        probe.NO_ROUTE: "printer_no_route",
    }.get(cause, "printer_timed_out")
    return _fail(context, key, **values)


def _device_file_link(context: Context, device: str, kind: str) -> Outcome | None:
    """A serial or printer device file: present, a device, and ours to write."""
    path = Path(device)
    if not path.exists():
        return _fail(context, f"printer_{kind}_missing", device=device)
    if kind == "file" and not path.is_char_device():
        return _fail(context, "printer_file_plain", device=device, path=context.path)
    if not os.access(path, os.R_OK | os.W_OK) and not (kind == "file" and os.access(path, os.W_OK)):
        return _fail(context, f"printer_{kind}_denied", device=device)
    return None


def _usb_link(context: Context, settings) -> Outcome | None:
    import usb.core

    ids = f"{settings.idVendor:04x}:{settings.idProduct:04x}"
    try:
        device = usb.core.find(idVendor=settings.idVendor, idProduct=settings.idProduct)
    except usb.core.NoBackendError:
        return _fail(context, "printer_usb_no_libusb", ids=ids)
    if device is None:
        return _fail(context, "printer_usb_missing", ids=ids)
    node = Path(f"/dev/bus/usb/{device.bus:03d}/{device.address:03d}")
    if node.exists() and not os.access(node, os.R_OK | os.W_OK):
        return _fail(context, "printer_usb_denied", ids=ids, node=node)
    return None


def printer_link_problem(context: Context, settings, where: str) -> Outcome | None:
    """Why the printer's connection cannot even open, found step by step, or None."""
    if settings.type == "network":
        return _network_link(context, settings, where)
    if settings.type in ("serial", "file"):
        return _device_file_link(context, settings.devfile, settings.type)
    if settings.type == "usb":
        return _usb_link(context, settings)
    return None


def check_printer(context: Context) -> Outcome:
    from config.printer import NO_PRINTER, TEST_PRINTER
    from printer import TicketPrinter

    settings = _kiosk(context).printer
    if settings.type == NO_PRINTER:
        # Declared on purpose; still say plainly that nothing is printed here.
        return Outcome(
            "warn",
            context.text("printer_none"),
            context.text("printer_none_fix", path=context.path),
        )
    if settings.type == TEST_PRINTER:
        return _fail(context, "printer_dummy", path=context.path)
    where = _printer_where(settings)
    # Device files and USB are looked at first (nothing is opened); a network printer is
    # asked for its status first, and only when that fails is its link probed for the cause
    # (a second connection to a healthy printer that serves one at a time would be rude).
    if settings.type != "network" and (problem := printer_link_problem(context, settings, where)):
        return problem
    status = TicketPrinter(settings).status()
    context.found["printer_status"] = status
    failed_network = status.problem is not None and settings.type == "network"
    if failed_network and (problem := printer_link_problem(context, settings, where)):
        return problem
    if status.problem == "timeout":
        return _fail(context, "printer_silent", where=where)
    if status.problem is not None:
        key = (
            "printer_problem_not_found"
            if status.problem == "not_found"
            else "printer_problem_offline"
        )
        return Outcome("fail", context.text(key, where=where), _unreachable_fix(context, settings))
    if status.paper == "out":
        return Outcome(
            "fail",
            context.text("printer_paper_out", where=where),
            context.text("printer_paper_out_fix"),
        )
    if status.online is False:
        return Outcome(
            "fail",
            context.text("printer_offline", where=where),
            context.text("printer_offline_fix"),
        )
    if status.paper == "near_end":
        return Outcome(
            "warn",
            context.text("printer_paper_low", where=where),
            context.text("printer_paper_low_fix"),
        )
    if status.online is None:
        return Outcome("ok", context.text("printer_silent_ok", where=where))
    return Outcome("ok", context.text("printer_ok", where=where))


def print_test_bound(context: Context) -> float:
    return printer_bound(context) + _kiosk(context).printer.write_timeout + 2


def check_print_test(context: Context) -> Outcome:
    from config.printer import PAPERLESS_TYPES
    from printer import PrinterError, TicketPrinter

    if not context.found.get("print_test"):
        return Outcome("skip", context.text("not_requested", option="--print-test"))
    if _kiosk(context).printer.type in PAPERLESS_TYPES:
        return Outcome("skip", context.text("print_test_paperless"))
    try:
        after = TicketPrinter(_kiosk(context).printer).print_test_page()
    except PrinterError as error:
        return Outcome(
            "fail",
            context.text("print_test_failed", message=error.message(context.language)),
            _unreachable_fix(context, _kiosk(context).printer),
        )
    return Outcome("ok", context.text("print_test_ok", status=after.describe(context.language)))


# ---- voice and sound ----


def _espeak_voices() -> set[str]:
    """Every name espeak-ng accepts for a voice: language, voice name, file (mb/mb-id1, mb-id1)."""
    answer = subprocess.run(
        ["espeak-ng", "--voices"], capture_output=True, text=True, timeout=COMMAND_TIMEOUT
    )
    names: set[str] = set()
    for line in answer.stdout.splitlines()[1:]:
        columns = line.split()
        if len(columns) >= 5:
            language, name, file = columns[1], columns[3], columns[4]
            names.update({language, name, file, file.rsplit("/", 1)[-1]})
    return names


def _voice_problem(context: Context, voice: str) -> str | None:
    """Why `voice` cannot speak here, or None. espeak-ng lists mbrola voices (mb-*) even
    without mbrola and its data, and then silently speaks with another voice."""
    if shutil.which("espeak-ng") is None or voice not in _espeak_voices():
        return context.text("voice_missing", voice=voice)
    if voice.startswith("mb-"):
        data = MBROLA_DATA / voice.removeprefix("mb-")
        if shutil.which("mbrola") is None or not data.exists():
            return context.text("voice_mbrola_missing", voice=voice, data=data)
    return None


def voice_enabled(context: Context) -> bool:
    return context.kind == "display" and _display(context).voice.enabled


def check_voice(context: Context) -> Outcome:
    from speech.audio import SpeechSynthesizer, SpeechUnavailable, wav_seconds

    if not voice_enabled(context):
        return Outcome("skip", context.text("voice_disabled"))
    voice = _display(context).voice
    fix = context.text("voice_fix", path=context.path)
    if problem := _voice_problem(context, voice.voice):
        return Outcome("fail", problem, fix)
    # The display's own engine (pyttsx3 in a spawned child), so what works here works there.
    synthesizer = SpeechSynthesizer(voice.voice, voice.rate, voice.volume, timeout=VOICE_TIMEOUT)
    try:
        with tempfile.TemporaryDirectory(prefix="antrian-doctor-") as folder:
            path = synthesizer.synthesize(VOICE_PROBE_TEXT, Path(folder) / "probe.wav")
            seconds = wav_seconds(path)
    except SpeechUnavailable as error:
        return Outcome(
            "fail", context.text("voice_failed", error=error), context.text("voice_failed_fix")
        )
    finally:
        synthesizer.close()
    if synthesizer.voice != voice.voice:  # it fell back to "id": the configured one failed
        return Outcome("fail", context.text("voice_missing", voice=voice.voice), fix)
    return Outcome(
        "ok", context.text("voice_ok", voice=voice.voice, seconds=seconds, text=VOICE_PROBE_TEXT)
    )


def check_voice_pack(context: Context) -> Outcome:
    """The clips the announcer needs, when [voice] pack names a folder of recordings."""
    from display.core.sentence import Wording
    from display.voice_pack import README, VoicePack, standard_words

    if not voice_enabled(context):
        return Outcome("skip", context.text("voice_disabled"))
    voice = _display(context).voice
    if voice.pack is None:
        return Outcome("skip", context.text("pack_none"))
    pack = VoicePack(voice.pack)
    needed = standard_words(Wording.from_settings(voice))
    missing, bad = pack.problems(needed)
    if not missing and not bad:
        return Outcome("ok", context.text("pack_ok", path=voice.pack, count=len(needed)))
    details = []
    if missing:
        names = ", ".join(f"{name}.wav" for name in missing)
        details.append(
            context.text("pack_missing", path=voice.pack, count=len(missing), names=names)
        )
    if bad:
        details.append(context.text("pack_bad", problems="; ".join(bad)))
    fix = context.text("pack_fix", path=voice.pack, readme=voice.pack / README, config=context.path)
    return Outcome("warn", " ".join(details), fix)


def _run_quiet(command: list[str]) -> str:
    """stdout of `command`, or "" when it is missing, fails or takes too long."""
    try:
        answer = subprocess.run(
            command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return answer.stdout if answer.returncode == 0 else ""


def find_sound_device() -> str | None:
    """A line naming a sound output: an ALSA card (`aplay -l`) or a PulseAudio sink that is
    not PulseAudio's stand-in for "no card" (auto_null)."""
    for line in _run_quiet(["aplay", "-l"]).splitlines():
        if re.match(r"^card \d+:", line):
            return line.strip()
    for line in _run_quiet(["pactl", "list", "short", "sinks"]).splitlines():
        columns = line.split("\t")
        if len(columns) >= 2 and columns[1] != "auto_null":
            return f"PulseAudio: {columns[1]}"
    return None


def check_sound(context: Context) -> Outcome:
    if not voice_enabled(context):
        return Outcome("skip", context.text("voice_disabled"))
    player = _display(context).voice.player[0]
    if shutil.which(player) is None:
        return Outcome(
            "fail",
            context.text("player_missing", player=player),
            context.text("player_fix", path=context.path),
        )
    device = find_sound_device()
    if device is None:
        return Outcome("fail", context.text("sound_missing"), context.text("sound_fix"))
    return Outcome("ok", context.text("sound_ok", device=device))


def check_say_test(context: Context) -> Outcome:
    from speech.audio import (
        AudioUnavailable,
        CommandPlayer,
        SpeechSynthesizer,
        SpeechUnavailable,
        make_chime,
    )

    if not voice_enabled(context):
        return Outcome("skip", context.text("voice_disabled"))
    if not context.found.get("say_test"):
        return Outcome("skip", context.text("not_requested", option="--say-test"))
    voice = _display(context).voice
    synthesizer = SpeechSynthesizer(voice.voice, voice.rate, voice.volume, timeout=VOICE_TIMEOUT)
    player = CommandPlayer(voice.player)
    try:
        with tempfile.TemporaryDirectory(prefix="antrian-doctor-") as folder:
            player.play(make_chime(Path(folder) / "chime.wav"))
            sentence = context.text("say_test_sentence")
            player.play(synthesizer.synthesize(sentence, Path(folder) / "speech.wav"))
    except (AudioUnavailable, SpeechUnavailable) as error:
        return Outcome(
            "fail", context.text("say_test_failed", error=error), context.text("sound_fix")
        )
    finally:
        synthesizer.close()
    return Outcome("ok", context.text("say_test_ok"))


# ---- screen ----


def screen_environment() -> dict[str, str] | None:
    """The environment for the screen probe, or None when there is no graphical session.

    Qt's offscreen platform is not a screen (the test suite sets it), so it is replaced by the
    platform of the session that exists."""
    environment = dict(os.environ)
    wayland, x11 = environment.get("WAYLAND_DISPLAY"), environment.get("DISPLAY")
    if not (wayland or x11):
        return None
    if environment.get("QT_QPA_PLATFORM", "") in ("", "offscreen", "minimal", "vnc"):
        environment["QT_QPA_PLATFORM"] = "wayland" if wayland else "xcb"
    return environment


def check_screen(context: Context) -> Outcome:
    import json

    kind = context.kind
    environment = screen_environment()
    if environment is None:
        return Outcome(
            "fail", context.text("screen_none"), context.text("screen_none_fix", kind=kind)
        )
    # Qt in a child process: a screen that hangs Qt cannot hang the doctor, and the doctor
    # itself never loads Qt.
    try:
        answer = subprocess.run(
            [sys.executable, "-m", "antrian.doctor.screen"],
            capture_output=True,
            text=True,
            env=environment,
            timeout=SCREEN_TIMEOUT,
        )
        screen = json.loads(answer.stdout.strip().splitlines()[-1])
    except subprocess.TimeoutExpired:
        screen = {"error": f"no answer in {SCREEN_TIMEOUT:.0f} s"}
    except (IndexError, ValueError):
        lines = answer.stderr.strip().splitlines()
        screen = {"error": lines[-1] if lines else f"exit status {answer.returncode}"}
    if "error" in screen:
        return Outcome(
            "fail",
            context.text("screen_failed", error=screen["error"]),
            context.text("screen_failed_fix", kind=kind),
        )
    min_width, min_height = MIN_SCREEN[kind]
    values = {**screen, "min_width": min_width, "min_height": min_height}
    if min(screen["width"], screen["height"]) < min(min_width, min_height) or max(
        screen["width"], screen["height"]
    ) < max(min_width, min_height):
        # Either orientation is fine (portrait kiosks exist); only the size matters.
        return Outcome(
            "warn", context.text("screen_small", **values), context.text("screen_small_fix")
        )
    return Outcome("ok", context.text("screen_ok", **values))


# ---- the lists ----


def _fixed(seconds: float):
    return lambda context: seconds


def _server_bound(context: Context) -> float:
    # The probe of each address: one TCP connect, then one GET (its own connect and its read).
    return len(_settings(context).server.addresses) * 3 * _server_timeout(context) + 2


def _token_bound(context: Context) -> float:
    # Two requests, each of which may try every address in turn.
    return 2 * len(_settings(context).server.addresses) * _server_timeout(context) + 2


SERVER_CHECKS = [
    Check("server", _server_bound, check_server, needs=("config",)),
    Check("clock", _fixed(1), check_clock, needs=("server",)),
    Check("token", _token_bound, check_token, needs=("server",)),
]
KIOSK_CHECKS = [
    *SERVER_CHECKS,
    Check("printer", printer_bound, check_printer, needs=("config",)),
    Check("print_test", print_test_bound, check_print_test, needs=("printer",)),
    Check("screen", _fixed(SCREEN_TIMEOUT + 1), check_screen, needs=("config",)),
]
DISPLAY_CHECKS = [
    *SERVER_CHECKS,
    Check("voice", _fixed(2 * VOICE_TIMEOUT + COMMAND_TIMEOUT), check_voice, needs=("config",)),
    Check("voice_pack", _fixed(COMMAND_TIMEOUT), check_voice_pack, needs=("config",)),
    Check("sound", _fixed(3 * COMMAND_TIMEOUT), check_sound, needs=("config",)),
    Check("say_test", _fixed(SAY_TEST_TIMEOUT), check_say_test, needs=("voice", "sound")),
    Check("screen", _fixed(SCREEN_TIMEOUT + 1), check_screen, needs=("config",)),
]

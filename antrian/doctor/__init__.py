"""`antrian doctor`: check one device from its config file and say how to fix what is wrong.

The kind of device comes from the file's tables: `[[services]]` = server, `[printer]` = kiosk,
otherwise `[server]` = display. Each check has a time bound (`core.run_check`), so the doctor
never hangs on a printer or a server that does not answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from antrian.doctor.core import Check, Context, Outcome, Result, exit_code, run_checks

__all__ = ["Options", "Report", "detect_kind", "diagnose"]

CONFIG_SECONDS = 10.0
# Tables only a server file has (a server file always lists [[services]], but be generous).
SERVER_TABLES = ("services", "counters", "users", "devices", "site", "queue", "schedules")


@dataclass
class Options:
    language: str = "id"
    print_test: bool = False
    say_test: bool = False
    data_dir: Path | None = None  # server files: the database folder (default as `antrian server`)
    host: str = "0.0.0.0"
    port: int = 8000
    not_started: bool = False  # server files: the server is not started yet, on purpose


@dataclass
class Report:
    path: Path
    kind: str
    log_file: Path | None
    results: list[Result] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return exit_code(self.results)

    def as_dict(self) -> dict:
        return {
            "config": str(self.path),
            "kind": self.kind,
            "ok": self.exit_code == 0,
            "exit_code": self.exit_code,
            "log_file": str(self.log_file) if self.log_file else None,
            "checks": [result.as_dict() for result in self.results],
        }


def detect_kind(data: dict) -> str | None:
    if "printer" in data:
        return "kiosk"
    if any(table in data for table in SERVER_TABLES):
        return "server"
    if "server" in data:
        return "display"
    return None


def _load(kind: str, path: Path):
    if kind == "server":
        from config.server import load_server_settings

        return load_server_settings(path)
    if kind == "kiosk":
        from config.kiosk import load_kiosk_settings
        from printer.profiles import check_profile

        settings = load_kiosk_settings(path)
        check_profile(settings.printer, path)
        return settings
    from config.display import load_display_settings

    return load_display_settings(path)


def check_config(context: Context) -> Outcome:
    from config import ConfigError
    from config.loader import read_toml

    fix = context.text("config_fix", path=context.path)
    try:
        data = read_toml(context.path, context.language)
    except ConfigError as error:
        return Outcome("fail", error.message(context.language), fix)
    kind = detect_kind(data)
    if kind is None:
        return Outcome("fail", context.text("config_unknown_kind", path=context.path), fix)
    context.kind = kind
    try:
        context.settings = _load(kind, context.path)
    except ConfigError as error:
        return Outcome("fail", error.message(context.language), fix)
    return Outcome(
        "ok", context.text("config_ok", path=context.path, kind=context.text(f"kind_{kind}"))
    )


def _checks_for(context: Context) -> list[Check]:
    from antrian.doctor import device_checks, server_checks

    return {
        "server": server_checks.server_pc_checks(context),
        "kiosk": device_checks.KIOSK_CHECKS,
        "display": device_checks.DISPLAY_CHECKS,
    }.get(context.kind, [])


def diagnose(
    path: Path | str, options: Options, on_result: Callable[[Result], None] | None = None
) -> Report:
    """Run every check that fits the file at `path`; `on_result` hears each as it ends."""
    from antrian.commands.server import default_data_dir
    from config.logs import default_log_dir

    context = Context(path=Path(path), language=options.language)
    context.found.update(
        print_test=options.print_test,
        say_test=options.say_test,
        data_dir=options.data_dir or default_data_dir(),
        host=options.host,
        port=options.port,
        not_started=options.not_started,
    )
    context.log_file = default_log_dir()
    results = run_checks(
        [Check("config", lambda c: CONFIG_SECONDS, check_config)], context, on_result
    )
    if results[0].status == "ok":
        context.log_file = default_log_dir() / f"{context.kind}.log"
        results += run_checks(_checks_for(context), context, on_result)
    return Report(context.path, context.kind, context.log_file, results)

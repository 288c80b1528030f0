"""The python-escpos side of the `[printer]` table: the profile must exist and have the code
page. Checked here, not in `config.printer`, because it needs python-escpos and `config` is the
ground floor (docs/architecture.md); `TicketPrinter` checks it when it is built, and the kiosk,
`antrian doctor` and `antrian printer` check it right after reading the file, so the fault
names the file and the key like every other settings fault.
"""

from __future__ import annotations

from pathlib import Path

from config.loader import ConfigError, Fault
from config.printer import PrinterSettings


def profile_faults(settings: PrinterSettings, at: str = "printer") -> list[Fault]:
    """What is wrong with `profile` and `code_page` (empty: nothing); keys below `at`."""
    from printer.escpos_lib import get_profile, profile_names

    prefix = f"{at}." if at else ""
    if settings.profile not in profile_names():
        return [Fault(f"{prefix}profile", "unknown_profile")]
    code_pages = get_profile(settings.profile).get_code_pages()
    if settings.code_page.upper() in code_pages:
        return []
    values = {
        "code_page": repr(settings.code_page),
        "profile": repr(settings.profile),
        "pages": ", ".join(sorted(code_pages)),
    }
    return [Fault(f"{prefix}code_page", "code_page_not_in_profile", values)]


def check_profile(
    settings: PrinterSettings,
    source: Path | str = "<printer settings>",
    at: str = "printer",
    language: str | None = None,
) -> PrinterSettings:
    """`settings` when python-escpos knows its profile and code page; else a ConfigError that
    names `source` and the key."""
    if faults := profile_faults(settings, at):
        raise ConfigError(source, faults, language)
    return settings

"""The one home of the version: the installed distribution's (pyproject.toml `version`).

The server's `/health`, `antrian --version`, `antrian doctor` and the kiosk's and display's
heartbeats all say `version()`, so they can never disagree.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as distribution_version

DISTRIBUTION = "antrian-mpp"


@cache
def version() -> str:
    """The version of the installed `antrian-mpp`, e.g. "0.1.0"; "0+unknown" when it runs from
    a source tree that was never installed."""
    try:
        return distribution_version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"

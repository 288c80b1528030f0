"""The only module that imports python-escpos, so its import side effects stay contained.

python-escpos calls `logging.basicConfig()` when imported and writes a capabilities cache into
a fresh temp dir unless `ESCPOS_CAPABILITIES_PICKLE_DIR` is set. Here the cache goes to
`~/.cache/antrian/escpos` (or `$XDG_CACHE_HOME/antrian/escpos`) and the root handler that
basicConfig added is removed again, so the app's own logging setup stays the only one.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "antrian" / "escpos"


def _prepare_cache_dir() -> Path:
    if existing := os.environ.get("ESCPOS_CAPABILITIES_PICKLE_DIR"):
        return Path(existing)
    directory = _cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        # A read-only home (kiosk images sometimes are) must not stop printing.
        directory = Path(tempfile.gettempdir())
    os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"] = str(directory)
    return directory


_cache = _prepare_cache_dir()
_root_handlers_before = list(logging.getLogger().handlers)
# python-escpos 3.1 calls mkdtemp() even when the variable is set (an eagerly evaluated
# default): let that empty folder land in our cache dir and remove it after the import.
_entries_before = set(_cache.iterdir()) if _cache.is_dir() else set()
_tempdir_before, tempfile.tempdir = tempfile.tempdir, str(_cache)

from escpos import capabilities as _capabilities  # noqa: E402
from escpos.constants import QR_ECLEVEL_M  # noqa: E402
from escpos.escpos import Escpos  # noqa: E402
from escpos.exceptions import DeviceNotFoundError  # noqa: E402
from escpos.image import EscposImage  # noqa: E402
from escpos.printer import Dummy, File, Network, Serial, Usb  # noqa: E402

tempfile.tempdir = _tempdir_before
for _handler in list(logging.getLogger().handlers):
    if _handler not in _root_handlers_before:
        logging.getLogger().removeHandler(_handler)
for _entry in set(_cache.iterdir()) - _entries_before if _cache.is_dir() else ():
    if _entry.is_dir() and _entry.name.startswith("tmp") and not any(_entry.iterdir()):
        _entry.rmdir()


def profile_names() -> list[str]:
    """Every printer profile python-escpos knows, e.g. 'default', 'TM-T20II', 'POS-5890'."""
    return sorted(_capabilities.CAPABILITIES["profiles"])


def get_profile(name: str):
    return _capabilities.get_profile(name)


__all__ = [
    "QR_ECLEVEL_M",
    "DeviceNotFoundError",
    "Dummy",
    "Escpos",
    "EscposImage",
    "File",
    "Network",
    "Serial",
    "Usb",
    "get_profile",
    "profile_names",
]

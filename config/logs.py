"""Logging, configured once by each app's `main()`."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def default_log_dir() -> Path:
    """Where apps write their log files: $ANTRIAN_LOG_DIR, else /var/log/antrian as root, else
    ~/.local/state/antrian/log."""
    if env := os.environ.get("ANTRIAN_LOG_DIR"):
        return Path(env)
    if os.geteuid() == 0:
        return Path("/var/log/antrian")
    return Path.home() / ".local" / "state" / "antrian" / "log"


def configure_logging(app: str, level: str = "INFO", log_dir: Path | None = None) -> Path | None:
    """Log to stderr and to a rotating file `<log_dir>/<app>.log`; return the file's path.

    A log folder that cannot be written is reported and skipped, never fatal.
    """
    root = logging.getLogger()
    root.handlers.clear()
    root.setLevel(level.upper())
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(stream)
    log_dir = log_dir or default_log_dir()
    log_file = log_dir / f"{app}.log"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write log file %s: %s", log_file, error)
        return None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    return log_file

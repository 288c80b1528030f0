"""Session-wide test settings. Fixtures live in tests/support/, one module per kind of peer."""

import logging
import os
import tempfile

import pytest

# Qt must not look for a screen: without this the whole session aborts on a headless machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# python-escpos writes a capabilities cache into the temp dir unless told where.
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.mkdtemp(prefix="antrian-escpos-cache-")
)
os.environ.setdefault("ANTRIAN_LOG_DIR", tempfile.mkdtemp(prefix="antrian-test-logs-"))
# `antrian doctor` keeps its last result there (config.doctor_record): not in the user's home.
os.environ.setdefault("ANTRIAN_STATE_DIR", tempfile.mkdtemp(prefix="antrian-test-state-"))

pytest_plugins = [
    "tests.support.live_server",
    "tests.support.pg",
    "tests.support.printer_peers",
    "tests.support.sound",
    "tests.support.two_hosts",
]


@pytest.fixture(autouse=True)
def _restore_root_logging():
    """Apps' main() configures logging once per process; in tests it runs many times, so drop
    the handlers a test added (one on a closed capture stream would fail later tests)."""
    root = logging.getLogger()
    before, level = set(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in before and not type(handler).__module__.startswith("_pytest"):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)

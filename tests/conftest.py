"""Session-wide test settings. Fixtures live in tests/support/, one module per kind of peer."""

import os
import tempfile

# Qt must not look for a screen: without this the whole session aborts on a headless machine.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# python-escpos writes a capabilities cache into the temp dir unless told where.
os.environ.setdefault(
    "ESCPOS_CAPABILITIES_PICKLE_DIR", tempfile.mkdtemp(prefix="antrian-escpos-cache-")
)
os.environ.setdefault("ANTRIAN_LOG_DIR", tempfile.mkdtemp(prefix="antrian-test-logs-"))

pytest_plugins = [
    "tests.support.live_server",
    "tests.support.printer_peers",
]

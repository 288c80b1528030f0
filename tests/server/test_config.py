"""The server's settings file: the example is realistic, and errors stop the start."""

import subprocess
import sys

import pytest

from config import ConfigError
from config.server import load_server_settings


def test_example_is_a_realistic_mpp():
    """config/server.toml: 8+ agencies, 15+ services with letter codes, 20+ counters, Friday."""
    settings = load_server_settings()
    assert len({s.agency for s in settings.services}) >= 8
    assert len(settings.services) >= 15
    assert len(settings.counters) >= 20
    hours = settings.service_hours(settings.services[0])
    assert hours["fri"] < hours["mon"]  # "08:00-11:30" < "08:00-15:00": Friday is shorter
    names = {d.name: d.token for d in settings.devices}
    assert names["kiosk-1"] == "demo-kiosk-1-token"
    assert names["display-1"] == "demo-display-1-token"


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[[services]]\ncode = "a1"\nname = "X"\nagency = "Y"\n', "services[1].code"),
        ('[[counters]]\nname = "Loket 1"\nservices = ["Q"]\n', "layanan 'Q' tidak ada"),
        ('[site]\ntimezone = "Mars/Olympus"\n', "site.timezone"),
        ('[[services]]\ncode = "A"\nname = "X"\nagency = "Y"\nhours = {mon = "15-08"}\n', "hours"),
        ("[queue]\ncutof_minutes = 3\n", "queue.cutof_minutes: kunci tidak dikenal"),
    ],
)
def test_config_errors_name_file_key_and_fault(tmp_path, text, fault):
    """A broken file is a ConfigError naming the file and the key."""
    path = tmp_path / "server.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_server_settings(path)
    assert str(path) in str(caught.value)
    assert fault in str(caught.value)


def test_server_command_refuses_a_bad_config(tmp_path):
    """`antrian server` with a broken config exits 2 with the fault, and serves nothing."""
    path = tmp_path / "server.toml"
    path.write_text('[[devices]]\nname = "k"\nkind = "toaster"\ntoken = "0123456789abc"\n')
    result = subprocess.run(
        [sys.executable, "-m", "antrian.cli", "server", "--config", str(path)]
        + ["--data", str(tmp_path / "data"), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "devices[1].kind" in result.stderr and str(path) in result.stderr

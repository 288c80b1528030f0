"""Fixture: a real PulseAudio server with a null sink, standing in for the hall's speakers.

The machines that run the tests have no sound card; a null sink accepts and plays (in real
time, to nowhere) whatever is sent to it, so playback and the sound-device check are real.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SINK = "hall_speakers"


@contextlib.contextmanager
def null_sink_server(runtime: Path) -> Iterator[str]:
    """PulseAudio on a private socket in `runtime` with one null sink; yields the PULSE_SERVER
    address. Also used by benchmarks/hall_day.py, outside pytest."""
    runtime.mkdir(parents=True, exist_ok=True)
    socket_path = runtime / "native"
    environment = {
        "PULSE_RUNTIME_PATH": str(runtime),
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(runtime),
        "PATH": "/usr/bin:/bin",
    }
    process = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--exit-idle-time=-1",
            "--disallow-exit",
            "--use-pid-file=no",
            "--log-target=stderr",
            f"--load=module-native-protocol-unix socket={socket_path} auth-anonymous=1",
            f"--load=module-null-sink sink_name={SINK}",
        ],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = f"unix:{socket_path}"
    try:
        deadline = time.monotonic() + 15
        while True:
            listed = subprocess.run(
                ["pactl", "list", "short", "sinks"],
                capture_output=True,
                text=True,
                timeout=5,
                env={**os.environ, "PULSE_SERVER": server},
            )
            if SINK in listed.stdout:
                break
            if process.poll() is not None:
                raise RuntimeError("pulseaudio exited at start")
            if time.monotonic() > deadline:
                raise TimeoutError("pulseaudio did not start")
            time.sleep(0.05)  # polling a starting daemon: it offers no readiness signal
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def pulse_null_sink(tmp_path, monkeypatch) -> Iterator[str]:
    """PulseAudio on a private socket with one null sink; PULSE_SERVER points at it."""
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        pytest.skip("pulseaudio is not installed (deploy/apt-packages.txt)")
    with null_sink_server(tmp_path / "pulse") as server:
        monkeypatch.setenv("PULSE_SERVER", server)
        yield SINK

"""The example display.toml, its validation, and the `antrian voice` commands."""

import shutil
from pathlib import Path

import pytest

from antrian.cli import main
from config import ConfigError
from config.display import load_display_settings
from speech.audio import wav_seconds

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "display.toml"


def test_example_config_loads():
    """The shipped example is valid and points at the demo server with the demo token."""
    settings = load_display_settings(EXAMPLE)
    assert settings.server.url == "http://127.0.0.1:8000"
    assert settings.server.token == "demo-display-1-token"
    assert settings.voice.voice == "id"


def test_config_errors_name_the_key(tmp_path):
    """A typo or a bad wording template is reported with its key."""
    bad = tmp_path / "display.toml"
    bad.write_text(
        '[server]\nurl = "http://x:1"\ntoken = "12345678"\n'
        '[voice]\nrat = 100\ncall_sentence = "Nomor {number}"\n'
    )
    with pytest.raises(ConfigError) as error:
        load_display_settings(bad)
    assert "voice.rat: kunci tidak dikenal" in str(error.value)
    assert "voice.call_sentence" in str(error.value)


def test_voice_text_prints_the_sentence(capsys):
    """`antrian voice text A-012 "Loket 3"` prints what the display would say."""
    assert main(["voice", "text", "A-012", "Loket 3"]) == 0
    assert capsys.readouterr().out == "Nomor antrean, a dua belas, silakan menuju, loket tiga.\n"


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
def test_voice_say_writes_a_wav(tmp_path, capsys):
    """`antrian voice say ... --out FILE.wav` writes the spoken sentence for a technician."""
    out = tmp_path / "a012.wav"
    assert main(["voice", "say", "A-012", "Loket 3", "--out", str(out)]) == 0
    assert wav_seconds(out) > 2

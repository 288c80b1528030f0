"""The settings loader: errors name the file, the key and the fault."""

import pytest

from config import ConfigError, ServerConnection, load_settings
from config.loader import StrictModel


class DeviceFile(StrictModel):
    server: ServerConnection


def write(tmp_path, text):
    path = tmp_path / "device.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads(tmp_path):
    path = write(tmp_path, '[server]\nurl = "http://127.0.0.1:8000/"\ntoken = "abcdefgh123"\n')
    settings = load_settings(DeviceFile, path)
    assert settings.server.url == "http://127.0.0.1:8000"


def test_error_names_file_key_and_fault(tmp_path):
    path = write(tmp_path, '[server]\nurl = "ftp://x"\ntoken = "abcdefgh123"\ncolour = 1\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(DeviceFile, path)
    message = str(caught.value)
    assert str(path) in message
    assert "server.url: harus diawali http:// atau https://" in message
    assert "(tertulis: 'ftp://x')" in message
    assert "server.colour: kunci tidak dikenal (salah ketik?)" in message
    english = caught.value.message("en")
    assert "server.url: must start with http:// or https://" in english
    assert "server.colour: unknown key (typo?)" in english


def test_broken_toml_and_missing_file_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="bukan TOML yang sah di baris 1, kolom 8"):
        load_settings(DeviceFile, write(tmp_path, "[server\n"))
    with pytest.raises(ConfigError, match="berkas tidak ditemukan"):
        load_settings(DeviceFile, tmp_path / "absent.toml")


def test_server_url_override_is_validated_like_the_file(tmp_path):
    """--server-url replaces [server] url, and a bad one is a ConfigError naming the option."""
    from config.loader import with_server_url

    path = write(tmp_path, '[server]\nurl = "http://127.0.0.1:8000"\ntoken = "abcdefgh123"\n')
    settings = load_settings(DeviceFile, path)
    moved = with_server_url(settings, "http://10.0.0.2:8001/")
    assert moved.server.url == "http://10.0.0.2:8001"
    assert moved.server.token == "abcdefgh123"
    assert with_server_url(settings, None) is settings
    with pytest.raises(ConfigError, match="--server-url: url: harus diawali http://"):
        with_server_url(settings, "10.0.0.2")


# ---- every kind of mistake, in the technician's language ----

KIOSK = """
[kiosk]
technician_pin = "2468"
[server]
url = "http://127.0.0.1:8000"
token = "demo-kiosk-1-token"
[printer]
type = "network"
host = "192.168.1.50"
"""


def kiosk_error(tmp_path, text: str, language: str | None = None) -> ConfigError:
    from config.kiosk import KioskSettings

    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(KioskSettings, path, language)
    assert str(path) in str(caught.value)
    return caught.value


PIN = 'technician_pin = "2468"'
HOST = 'host = "192.168.1.50"'
MISTAKES = {
    "text for a number": (
        PIN, PIN + '\nidle_seconds = "lama"',
        "kiosk.idle_seconds: harus berupa angka, mis. 2.5 (tertulis: 'lama')",
        "kiosk.idle_seconds: must be a number",
    ),
    "out of range": (
        PIN, PIN + "\nidle_seconds = 5",
        "kiosk.idle_seconds: paling kecil 10 (tertulis: 5)", "must be at least 10",
    ),
    "quoted boolean": (
        PIN, PIN + '\nfullscreen = "ya"',
        "kiosk.fullscreen: harus true atau false (tanpa tanda kutip)", "must be true or false",
    ),
    "missing key": (
        PIN, "", "kiosk.technician_pin: kunci wajib belum ada", "required key is missing",
    ),
    "unknown printer type": (
        'type = "network"', 'type = "laser"',
        "printer.type: harus salah satu dari 'usb', 'serial', 'network', 'file', 'dummy' atau "
        "'none' (tertulis: 'laser')",
        "must be one of",
    ),
    "key the type needs": (
        HOST, "", "printer.host: wajib ada untuk printer network",
        "is required for a network printer",
    ),
    "key of another type": (
        HOST, HOST + '\ndevfile = "/dev/x"',
        "printer.devfile: tidak berlaku untuk printer network", "does not apply to a network",
    ),
    "bad url": (
        'url = "http://127.0.0.1:8000"', 'url = "127.0.0.1:8000"',
        "server.url: harus diawali http:// atau https://", "must start with http://",
    ),
    "port too large": (
        HOST, HOST + "\nport = 99999",
        "printer.port: paling besar 65535 (tertulis: 99999)", "must be at most 65535",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("old", "new", "indonesian", "english"), MISTAKES.values(), ids=MISTAKES)
def test_typical_kiosk_mistakes_are_said_in_indonesian(tmp_path, old, new, indonesian, english):
    """Each typical mistake names the key and the fault in Indonesian (English on request),
    and no raw pydantic wording ("Input should", "Value error") reaches the technician."""
    error = kiosk_error(tmp_path, KIOSK.replace(old, new))
    assert indonesian in str(error)
    assert english in error.message("en")
    for raw in ("Input should", "Value error", "Field required", "String should"):
        assert raw not in str(error) and raw not in error.message("en")


def test_environment_chooses_english(tmp_path, monkeypatch):
    """ANTRIAN_LANG=en makes the default message English."""
    monkeypatch.setenv("ANTRIAN_LANG", "en")
    error = kiosk_error(tmp_path, KIOSK.replace('host = "192.168.1.50"', ""))
    assert "printer.host: is required for a network printer" in str(error)


def test_secrets_are_never_repeated(tmp_path):
    """A too-short token is named, but its value is not written into the message (logs)."""
    error = kiosk_error(tmp_path, KIOSK.replace("demo-kiosk-1-token", "rahasia"))
    assert "server.token: paling sedikit 8 karakter" in str(error)
    assert "rahasia" not in str(error)


def test_server_file_mistakes_in_indonesian(tmp_path):
    """Server-file checks of our own (time table, references, time zone) are translated too,
    and a union (a weekday table or a schedule name) reports the member that was meant."""
    from config.server import ServerSettings

    path = tmp_path / "server.toml"
    path.write_text(
        '[site]\ntimezone = "Asia/Jakartaa"\n'
        '[[services]]\ncode = "A"\nname = "KTP"\nagency = "Dukcapil"\n'
        'hours = {mon = "15:00-08:00", fri = "8-11"}\n'
        '[[services]]\ncode = "B"\nname = "SIM"\nagency = "Polres"\nhours = 7\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(ServerSettings, path)
    message = str(caught.value)
    assert "site.timezone: zona waktu 'Asia/Jakartaa' tidak dikenal" in message
    assert "services[1].hours.mon: '15:00-08:00': jam tutup harus sesudah jam buka" in message
    assert "services[1].hours.fri: '8-11' bukan rentang jam seperti '08:00-15:00'" in message
    assert "services[1].hours: harus berupa teks" not in message  # the table was meant
    assert "services[2].hours: harus berupa tabel atau harus berupa teks" in message

    path.write_text(
        '[[services]]\ncode = "A"\nname = "KTP"\nagency = "Dukcapil"\n'
        '[[counters]]\nname = "Loket 1"\nservices = ["A", "Z"]\n'
        '[[users]]\nusername = "petugas"\npassword = "rahasia-sekali"\nrole = "operator"\n'
        'counters = ["Loket 9"]\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(ServerSettings, path)
    message = str(caught.value)
    assert "counters[1].services: layanan 'Z' tidak ada di [[services]]" in message
    assert "users[1].counters: loket 'Loket 9' tidak ada di [[counters]]" in message
    assert "service 'Z' is not in [[services]]" in caught.value.message("en")


def test_doctor_reports_config_errors_in_the_chosen_language(tmp_path, capsys):
    """`antrian doctor` shows the config fault in Indonesian, or English with --lang en."""
    from antrian.cli import main

    path = tmp_path / "kiosk.toml"
    path.write_text(KIOSK.replace('host = "192.168.1.50"', ""), encoding="utf-8")
    assert main(["doctor", "--config", str(path)]) == 1
    assert "printer.host: wajib ada untuk printer network" in capsys.readouterr().out
    assert main(["doctor", "--config", str(path), "--lang", "en"]) == 1
    assert "printer.host: is required for a network printer" in capsys.readouterr().out


def test_own_checks_stay_value_errors_with_english_str():
    """Callers that catch ValueError (the admin page's hours form) keep working; str() is the
    English sentence for logs."""
    from config.loader import ConfigProblem
    from config.server import parse_span

    with pytest.raises(ValueError, match="closing time must be after opening time") as caught:
        parse_span("15:00-08:00")
    assert isinstance(caught.value, ConfigProblem)

"""The settings loader: errors name the file, the key and the fault."""

import pytest

from config import Catalog, ConfigError, ServerConnection, load_settings
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
    assert "server.url: Value error, must start with http://" in message
    assert "server.colour: unknown key" in message


def test_broken_toml_and_missing_file_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(DeviceFile, write(tmp_path, "[server\n"))
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(DeviceFile, tmp_path / "absent.toml")


def test_catalog_defaults_to_indonesian_and_offers_english():
    texts = Catalog({"greet": ("Silakan pilih layanan", "Please choose a service")})
    assert texts.get("greet") == "Silakan pilih layanan"
    assert texts.get("greet", "en") == "Please choose a service"


def test_server_url_override_is_validated_like_the_file(tmp_path):
    """--server-url replaces [server] url, and a bad one is a ConfigError naming the option."""
    from config.loader import with_server_url

    path = write(tmp_path, '[server]\nurl = "http://127.0.0.1:8000"\ntoken = "abcdefgh123"\n')
    settings = load_settings(DeviceFile, path)
    moved = with_server_url(settings, "http://10.0.0.2:8001/")
    assert moved.server.url == "http://10.0.0.2:8001"
    assert moved.server.token == "abcdefgh123"
    assert with_server_url(settings, None) is settings
    with pytest.raises(ConfigError, match="--server-url: url: Value error"):
        with_server_url(settings, "10.0.0.2")

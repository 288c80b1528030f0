"""The server's `[logging] level` setting."""

from __future__ import annotations

import pytest

from config import ConfigError
from config.loader import parse_settings
from config.server import ServerSettings, load_server_settings


def test_logging_level_defaults_to_info_and_is_read():
    """No [logging] table means INFO; a level in the file is taken as written."""
    assert load_server_settings().logging.level == "INFO"
    settings = parse_settings(ServerSettings, {"logging": {"level": "DEBUG"}})
    assert settings.logging.level == "DEBUG"


def test_unknown_logging_level_names_the_key():
    """A level that does not exist is a config error naming logging.level."""
    with pytest.raises(ConfigError, match="logging.level"):
        parse_settings(ServerSettings, {"logging": {"level": "LOUD"}}, "server.toml")

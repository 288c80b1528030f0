"""Typed settings for every app, loaded from TOML files, plus the small shared text catalog.

Each app owns one settings model (`config.server`, `config.kiosk`, `config.display`,
`config.printer`); all of them are read through `load_settings`, so every configuration error
names the file, the key and what is wrong in the same way.
"""

from config.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, Catalog
from config.loader import ConfigError, ServerConnection, load_settings

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Catalog",
    "N_",
    "ConfigError",
    "ServerConnection",
    "load_settings",
]

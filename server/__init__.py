"""The central queue server: HTTP API (FastAPI), queue rules and the SQLite store."""

__version__ = "0.1.0"

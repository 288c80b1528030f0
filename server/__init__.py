"""The central queue server: HTTP API (FastAPI), queue rules and the SQLite store."""

"""Fixtures: live_server (filled in by the part that owns it)."""

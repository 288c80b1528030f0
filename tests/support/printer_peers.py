"""Fixtures: printer_peers (filled in by the part that owns it)."""

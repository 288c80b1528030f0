"""The booking code's form, shared by the server (which makes codes) and the kiosk (which
reads them from its keypad or a scanner): short, and without characters a citizen confuses."""

from __future__ import annotations

# No 0/O, 1/I/L: a code read aloud, typed from a screenshot or written down stays one code.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6


def normalize_code(text: str) -> str | None:
    """A code as typed or read aloud ("k7p 4qx", "K7P-4QX") in its stored form; None when
    it cannot be a code at all."""
    code = "".join(ch for ch in text.upper() if ch not in " -")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def code_from_scan(text: str) -> str | None:
    """The code in what a scanner typed: the code itself, or the booking page's address
    whose last part is the code (`https://.../reservasi/kode/K7P4QX`)."""
    text = text.strip().rstrip("/")
    return normalize_code(text.rsplit("/", 1)[-1])


def grouped(code: str) -> str:
    """'K7P4QX' -> 'K7P 4QX': easier to read out and to type back."""
    return f"{code[:3]} {code[3:]}"

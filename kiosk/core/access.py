"""The citizen's own settings for one visit (issue 18), without Qt: voice guidance, large text,
simple mode, and the state of a call for help. All of them end with the visit (the idle reset,
"Selesai", "Ke awal"), so the next citizen finds the kiosk as usual."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

T = TypeVar("T")

ASSISTS = ("voice", "large_text", "simple")
# Simple mode: this many agencies or services on one screen, with "Berikutnya" for the rest.
SIMPLE_AGENCIES_PER_PAGE = 6
SIMPLE_SERVICES_PER_PAGE = 3
# Large text: every size of the kiosk times this (fonts, buttons, cards); on a small screen
# (1366×768: scale 0.71) less, because its buttons are already held at the 80 px touch minimum.
LARGE_TEXT_FACTOR = 1.3
SMALL_SCREEN_SCALE = 0.9
SMALL_SCREEN_LARGE_TEXT_FACTOR = 1.15


def large_text_factor(scale: float) -> float:
    return LARGE_TEXT_FACTOR if scale >= SMALL_SCREEN_SCALE else SMALL_SCREEN_LARGE_TEXT_FACTOR


@dataclass(frozen=True)
class Assists:
    voice: bool = False  # speak each screen and what the finger touches; double tap chooses
    large_text: bool = False
    simple: bool = False

    @property
    def any(self) -> bool:
        return self.voice or self.large_text or self.simple

    @property
    def paged(self) -> bool:
        """A few agencies or services per screen, with "Berikutnya": simple mode, and large
        text, whose cards would not all fit."""
        return self.simple or self.large_text


class HelpState(StrEnum):
    ASKING = "asking"  # sent, no answer yet
    SENT = "sent"  # the desk has the call: "Petugas akan segera datang"
    FAILED = "failed"  # the server cannot be reached: the kiosk keeps asking


@dataclass(frozen=True)
class PageOf:
    """One screenful of a long list in simple mode."""

    index: int  # 0-based, clamped to the list
    count: int  # how many screenfuls (at least 1)
    first: int  # index of the first item shown
    last: int  # one past the last item shown

    def items(self, items: Sequence[T]) -> Sequence[T]:
        return items[self.first : self.last]


def page_of(total: int, per_page: int, index: int) -> PageOf:
    count = max(1, -(-total // per_page))
    index = max(0, min(index, count - 1))
    return PageOf(index, count, index * per_page, min(total, (index + 1) * per_page))


# Simple mode draws an icon beside each agency: the first kind whose words its names contain.
ICON_WORDS = (
    ("id_card", ("kependudukan", "dukcapil", "catatan sipil")),
    ("health", ("kesehatan", "rumah sakit", "puskesmas")),
    ("worker", ("ketenagakerjaan", "tenaga kerja", "disnaker")),
    ("car", ("samsat", "kendaraan", "perhubungan", "sim")),
    ("shield", ("polres", "polisi", "kepolisian", "polsek")),
    ("tax", ("pajak", "kpp", "bapenda", "retribusi")),
    ("land", ("pertanahan", "bpn", "agraria")),
    ("water", ("air minum", "pdam")),
    ("passport", ("imigrasi", "paspor")),
    ("book", ("agama", "kemenag", "kua")),
    ("license", ("perizinan", "penanaman modal", "ptsp", "izin")),
    ("bank", ("bank",)),
    ("info", ("informasi", "pengaduan")),
)
DEFAULT_ICON = "building"


def icon_for(*names: str) -> str:
    """'BPJS Kesehatan' -> 'health'; words are matched whole ('sim' is not 'simpan')."""
    words = " ".join(names).casefold()
    for icon, keys in ICON_WORDS:
        if any(re.search(rf"\b{re.escape(key)}\b", words) for key in keys):
            return icon
    return DEFAULT_ICON

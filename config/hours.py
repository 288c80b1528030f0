"""When a closed service opens again, worded once for every app.

The server's sentence under a closed service ("Layanan tutup hari ini. Buka Senin pukul
08.00.") and the kiosk's card ("Layanan tutup, buka Senin 08.00") say the same moment: today,
tomorrow or a weekday, and the time of day. Both ask `opening_time_text`; the card, being small,
uses the brief form. The words are in the config catalog (`config/texts.py`).
"""

from __future__ import annotations

import datetime as dt

from babel.core import UnknownLocaleError
from babel.dates import format_datetime

from config.i18n import DEFAULT_LANGUAGE, clock_text
from config.texts import TEXTS


def weekday_name(moment: dt.date | dt.datetime, language: str = DEFAULT_LANGUAGE) -> str:
    """The day's name from CLDR: 'Senin', 'Jumat', 'Monday' (Indonesian for a locale Babel lacks).

    >>> weekday_name(dt.date(2026, 12, 4)), weekday_name(dt.date(2026, 12, 4), "en")
    ('Jumat', 'Friday')
    """
    try:
        return format_datetime(moment, "EEEE", locale=language)
    except (UnknownLocaleError, ValueError):
        return format_datetime(moment, "EEEE", locale=DEFAULT_LANGUAGE)


def opening_time_text(
    next_open: dt.datetime, now: dt.datetime, language: str = DEFAULT_LANGUAGE, *, brief=False
) -> str:
    """'hari ini pukul 08.00', 'besok pukul 08.00', 'Senin pukul 08.00'; brief: '08.00',
    'besok 08.00', 'Senin 08.00'. The day is counted in `now`'s time zone.

    >>> now = dt.datetime(2026, 12, 4, 16, 0)  # a Friday afternoon
    >>> opening_time_text(dt.datetime(2026, 12, 7, 8, 0), now)
    'Senin pukul 08.00'
    >>> opening_time_text(dt.datetime(2026, 12, 5, 8, 0), now, "en", brief=True)
    'tomorrow 08:00'
    """
    if now.tzinfo is not None and next_open.tzinfo is not None:
        next_open = next_open.astimezone(now.tzinfo)
    clock = clock_text(next_open, language)
    days = (next_open.date() - now.date()).days
    form = "_brief" if brief else ""
    if days <= 0:
        return TEXTS.get(f"opens_today{form}", language, time=clock)
    if days == 1:
        return TEXTS.get(f"opens_tomorrow{form}", language, time=clock)
    day = weekday_name(next_open, language)
    return TEXTS.get(f"opens_weekday{form}", language, day=day, time=clock)

"""The opening-time wording has one home (config.hours), used by the server and the kiosk."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from config.hours import opening_time_text, weekday_name

JAKARTA = ZoneInfo("Asia/Jakarta")
FRIDAY_4PM = dt.datetime(2026, 12, 4, 16, 0, tzinfo=JAKARTA)


@pytest.mark.parametrize(
    ("opens", "language", "brief", "said"),
    [
        (dt.datetime(2026, 12, 4, 17, 30), "id", False, "hari ini pukul 17.30"),
        (dt.datetime(2026, 12, 5, 8, 0), "id", False, "besok pukul 08.00"),
        (dt.datetime(2026, 12, 7, 8, 0), "id", False, "Senin pukul 08.00"),
        (dt.datetime(2026, 12, 4, 17, 30), "en", False, "today at 17:30"),
        (dt.datetime(2026, 12, 5, 8, 0), "en", False, "tomorrow at 08:00"),
        (dt.datetime(2026, 12, 7, 8, 0), "en", False, "Monday at 08:00"),
        (dt.datetime(2026, 12, 4, 17, 30), "id", True, "17.30"),
        (dt.datetime(2026, 12, 5, 8, 0), "id", True, "besok 08.00"),
        (dt.datetime(2026, 12, 7, 8, 0), "id", True, "Senin 08.00"),
        (dt.datetime(2026, 12, 4, 17, 30), "en", True, "17:30"),
        (dt.datetime(2026, 12, 5, 8, 0), "en", True, "tomorrow 08:00"),
        (dt.datetime(2026, 12, 7, 8, 0), "en", True, "Monday 08:00"),
    ],
)
def test_today_tomorrow_or_the_weekday_in_full_and_brief(opens, language, brief, said):
    opens = opens.replace(tzinfo=JAKARTA)
    assert opening_time_text(opens, FRIDAY_4PM, language, brief=brief) == said


def test_the_day_is_counted_in_the_halls_time_zone():
    """Monday 08.00 in Jakarta is Monday 01:00 UTC: still Monday, not a day earlier."""
    opens = dt.datetime(2026, 12, 7, 1, 0, tzinfo=dt.UTC)
    assert opening_time_text(opens, FRIDAY_4PM, brief=True) == "Senin 08.00"


def test_weekday_names_come_from_cldr_with_indonesian_for_an_unknown_locale():
    friday = dt.date(2026, 12, 4)
    assert [weekday_name(friday + dt.timedelta(days=d)) for d in range(7)] == [
        "Jumat",
        "Sabtu",
        "Minggu",
        "Senin",
        "Selasa",
        "Rabu",
        "Kamis",
    ]
    assert weekday_name(friday, "xx") == "Jumat"

"""Expanding a series from a start moved near the window (pmtui.domain.series._start_near)
gives exactly the times dateutil gives walking from the series' real start."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from pmtui.domain.series import _start_near, expand

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@st.composite
def rules(draw: st.DrawFn) -> str:
    """RRULEs of every shape a meeting may hold, those a start may not move for included."""
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 5))}")
    if draw(st.booleans()):
        chosen = draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=4, unique=True))
        parts.append("BYDAY=" + ",".join(chosen))
    if draw(st.booleans()):
        parts.append(f"WKST={draw(st.sampled_from(DAYS))}")
    if draw(st.integers(0, 4)) == 0:
        parts.append(f"BYSETPOS={draw(st.sampled_from([1, -1]))}")
    if draw(st.integers(0, 4)) == 0:
        parts.append(f"BYMONTH={draw(st.integers(1, 12))}")
    if draw(st.integers(0, 5)) == 0:
        parts.append(f"COUNT={draw(st.integers(1, 400))}")
    if draw(st.integers(0, 5)) == 0:
        parts.append(f"BYHOUR={draw(st.integers(0, 23))},{draw(st.integers(0, 23))}")
    order = draw(st.permutations(parts[1:]))
    return ";".join([parts[0], *order])


starts = st.datetimes(min_value=datetime(2019, 1, 1), max_value=datetime(2027, 1, 1)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)


def _walked(rule: str, start: datetime, low: datetime, high: datetime) -> list[datetime]:
    """dateutil from the real start: the answer before the start could move."""
    series = rrulestr("RRULE:" + rule, dtstart=start)
    return [m for m in series.between(low, high, inc=True) if m < high]


@settings(max_examples=500, deadline=None)
@given(rules(), starts, st.integers(-60, 3000), st.integers(0, 70))
def test_moved_start_gives_the_same_times(
    rule: str, start: datetime, after: int, length: int
) -> None:
    low = datetime.combine(start.date() + timedelta(days=after), datetime.min.time())
    high = low + timedelta(days=length + 1)
    moved = _start_near(rule, start, low)
    assert moved <= low or moved == start
    got = [m for m in rrulestr("RRULE:" + rule, dtstart=moved).between(low, high, inc=True)]
    assert [m for m in got if m < high] == _walked(rule, start, low, high)


def test_a_daily_series_years_old_starts_near_the_window() -> None:
    start = datetime(2020, 3, 2, 9, 0)
    moved = _start_near("FREQ=DAILY", start, datetime(2026, 12, 7))
    assert datetime(2026, 11, 1) < moved < datetime(2026, 12, 7)
    assert moved.time() == start.time()


def test_a_fortnightly_series_moves_by_whole_fortnights() -> None:
    start = datetime(2024, 1, 2, 10, 30)  # a Tuesday
    moved = _start_near("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH", start, datetime(2026, 12, 7))
    assert (moved - start).days % 14 == 0 and moved > start


def test_count_monthly_and_odd_rules_keep_their_start() -> None:
    start = datetime(2020, 1, 6, 9, 0)
    near = datetime(2026, 12, 7)
    for rule in ("FREQ=DAILY;COUNT=3000", "FREQ=MONTHLY", "FREQ=YEARLY", "FREQ=WEEKLY;X", ""):
        assert _start_near(rule, start, near) == start


def test_expand_of_an_old_weekly_series_is_unchanged() -> None:
    """A weekly stand-up since 2021, two weeks of December 2026 in Berlin (DST-free dates)."""
    found = expand(
        "FREQ=WEEKLY;BYDAY=MO,TH",
        datetime(2021, 3, 4, 9, 0),
        "Europe/Berlin",
        date(2026, 12, 7),
        date(2026, 12, 20),
    )
    assert [m.strftime("%a %Y-%m-%d %H:%M") for m in found] == [
        "Mon 2026-12-07 09:00",
        "Thu 2026-12-10 09:00",
        "Mon 2026-12-14 09:00",
        "Thu 2026-12-17 09:00",
    ]

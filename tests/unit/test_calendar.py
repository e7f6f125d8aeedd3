"""Tests for the working calendar: weekends, holidays, all-days, counting in working days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.calendar import WorkCalendar

THU = date(2026, 11, 26)
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)
MON = date(2026, 11, 30)
CHRISTMAS = date(2026, 12, 25)  # a Friday

DEFAULT = WorkCalendar()
WITH_CHRISTMAS = WorkCalendar(holidays=frozenset({CHRISTMAS}))
ALL_DAYS = WorkCalendar(holidays=frozenset({CHRISTMAS}), all_days=True)
FRIDAY_SATURDAY = WorkCalendar(weekends=frozenset({4, 5}))


# --- which days are working days -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [(THU, True), (FRI, True), (SAT, False), (SUN, False), (MON, True)],
)
def test_default_calendar_takes_saturday_and_sunday_off(day: date, working: bool) -> None:
    assert DEFAULT.is_working(day) is working


def test_holiday_is_not_a_working_day() -> None:
    assert WITH_CHRISTMAS.is_working(CHRISTMAS) is False


def test_day_after_a_holiday_is_unaffected() -> None:
    assert WITH_CHRISTMAS.is_working(date(2026, 12, 28)) is True


@pytest.mark.parametrize("day", [SAT, SUN, CHRISTMAS])
def test_all_days_calendar_works_weekends_and_holidays(day: date) -> None:
    assert ALL_DAYS.is_working(day) is True


@pytest.mark.parametrize(
    ("day", "working"),
    [(THU, True), (FRI, False), (SAT, False), (SUN, True)],
)
def test_custom_weekends_follow_the_weekday_numbers(day: date, working: bool) -> None:
    assert FRIDAY_SATURDAY.is_working(day) is working


def test_weekends_covering_all_seven_days_are_refused() -> None:
    with pytest.raises(ValueError, match="no working days"):
        WorkCalendar(weekends=frozenset(range(7)))


def test_weekend_day_number_outside_0_to_6_is_refused() -> None:
    with pytest.raises(ValueError, match="0 \\(Monday\\) to 6 \\(Sunday\\)"):
        WorkCalendar(weekends=frozenset({7}))


def test_calendars_with_the_same_settings_are_equal_and_hash_alike() -> None:
    first = WorkCalendar(holidays=frozenset({CHRISTMAS}))
    second = WorkCalendar.from_settings("workdays", [5, 6], ["2026-12-25"])
    assert (first == second, hash(first) == hash(second)) == (True, True)


# --- moving to working days -------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "day", "expected"),
    [
        (DEFAULT, THU, THU),
        (DEFAULT, SAT, MON),
        (DEFAULT, SUN, MON),
        (WITH_CHRISTMAS, CHRISTMAS, date(2026, 12, 28)),
        (ALL_DAYS, SAT, SAT),
        (FRIDAY_SATURDAY, FRI, SUN),
    ],
)
def test_next_working_is_the_day_itself_or_the_first_working_day_after(
    calendar: WorkCalendar, day: date, expected: date
) -> None:
    assert calendar.next_working(day) == expected


@pytest.mark.parametrize(
    ("calendar", "day", "expected"),
    [
        (DEFAULT, THU, THU),
        (DEFAULT, SAT, FRI),
        (DEFAULT, SUN, FRI),
        (WITH_CHRISTMAS, date(2026, 12, 27), date(2026, 12, 24)),
        (ALL_DAYS, SUN, SUN),
        (FRIDAY_SATURDAY, SAT, THU),
    ],
)
def test_previous_working_is_the_day_itself_or_the_last_working_day_before(
    calendar: WorkCalendar, day: date, expected: date
) -> None:
    assert calendar.previous_working(day) == expected


@pytest.mark.parametrize(
    ("calendar", "day", "n", "expected"),
    [
        (DEFAULT, THU, 0, THU),
        (DEFAULT, SAT, 0, SAT),
        (DEFAULT, THU, 1, FRI),
        (DEFAULT, THU, 2, MON),
        (DEFAULT, SAT, 1, MON),
        (DEFAULT, MON, -1, FRI),
        (DEFAULT, SUN, -1, FRI),
        (DEFAULT, THU, 5, date(2026, 12, 3)),
        (WITH_CHRISTMAS, date(2026, 12, 24), 1, date(2026, 12, 28)),
        (WITH_CHRISTMAS, date(2026, 12, 28), -1, date(2026, 12, 24)),
        (ALL_DAYS, THU, 3, SUN),
        (FRIDAY_SATURDAY, THU, 1, SUN),
    ],
)
def test_add_working_days_counts_working_days_after_or_before(
    calendar: WorkCalendar, day: date, n: int, expected: date
) -> None:
    assert calendar.add_working_days(day, n) == expected


@pytest.mark.parametrize(
    ("holidays", "expected"),
    [
        ((), date(2009, 4, 30)),
        ((date(2008, 11, 26), date(2008, 12, 4), date(2009, 1, 21)), date(2009, 5, 5)),
    ],
)
def test_add_working_days_matches_excel_workday_worked_example(
    holidays: tuple[date, ...], expected: date
) -> None:
    """Microsoft Support, "WORKDAY function", example table (start 2008-10-01, 151 days):
    https://support.microsoft.com/en-us/Excel/functions/workday-function
    """
    calendar = WorkCalendar(holidays=frozenset(holidays))
    assert calendar.add_working_days(date(2008, 10, 1), 151) == expected


def test_add_working_days_from_a_saturday_matches_published_workday_example() -> None:
    """IBM Docs, "WORKDAY function" (spreadsheet help): 17 workdays after Saturday
    12/1/2001, with Christmas and New Year holidays, is 12/28/2001.
    https://www.ibm.com/docs/en/SSFHJY_1.0.7/using/text/spreadsheet/s_workday_function_date.html
    """
    holidays = {date(2001, 12, d) for d in (24, 25, 26, 31)} | {date(2002, 1, 1)}
    calendar = WorkCalendar(holidays=frozenset(holidays))
    assert calendar.add_working_days(date(2001, 12, 1), 17) == date(2001, 12, 28)


# --- counting working days -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("holidays", "expected"),
    [
        ((), 110),
        ((date(2012, 11, 22),), 109),
        ((date(2012, 11, 22), date(2012, 12, 4), date(2013, 1, 21)), 107),
    ],
)
def test_working_days_between_matches_excel_networkdays_worked_example(
    holidays: tuple[date, ...], expected: int
) -> None:
    """Microsoft Support, "NETWORKDAYS function", example table (2012-10-01 to 2013-03-01,
    both ends counted, so our half-open range ends on 2013-03-02):
    https://support.microsoft.com/en-us/Excel/functions/networkdays-function
    """
    calendar = WorkCalendar(holidays=frozenset(holidays))
    assert calendar.working_days_between(date(2012, 10, 1), date(2013, 3, 2)) == expected


@pytest.mark.parametrize(
    ("weekends", "expected"),
    [(frozenset({4, 5}), 22), (frozenset({2, 6}), 20)],
)
def test_working_days_between_with_other_weekends_matches_networkdays_intl_example(
    weekends: frozenset[int], expected: int
) -> None:
    """Microsoft Support, "NETWORKDAYS.INTL function", examples with weekend 7 (Friday and
    Saturday) and "0010001" (Wednesday and Sunday), holidays 2006-01-02 and 2006-01-16,
    from 2006-01-01 to 2006-02-01 inclusive:
    https://support.microsoft.com/en-us/excel/networkdays-intl-function
    """
    calendar = WorkCalendar(
        weekends=weekends, holidays=frozenset({date(2006, 1, 2), date(2006, 1, 16)})
    )
    assert calendar.working_days_between(date(2006, 1, 1), date(2006, 2, 2)) == expected


def test_working_days_between_is_negative_when_the_end_comes_first() -> None:
    """Microsoft Support, "NETWORKDAYS.INTL function": 2006-02-28 back to 2006-01-31 is -21."""
    assert DEFAULT.working_days_between(date(2006, 3, 1), date(2006, 1, 31)) == -21


@pytest.mark.parametrize(
    ("calendar", "a", "b", "expected"),
    [
        (DEFAULT, THU, THU, 0),
        (DEFAULT, THU, FRI, 1),
        (DEFAULT, THU, MON, 2),
        (DEFAULT, SAT, MON, 0),
        (WITH_CHRISTMAS, date(2026, 12, 21), date(2026, 12, 28), 4),
        (ALL_DAYS, date(2026, 12, 21), date(2026, 12, 28), 7),
    ],
)
def test_working_days_between_counts_the_half_open_range(
    calendar: WorkCalendar, a: date, b: date, expected: int
) -> None:
    assert calendar.working_days_between(a, b) == expected


# --- schedule offsets ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "start", "offset", "expected"),
    [
        (DEFAULT, THU, 0, THU),
        (DEFAULT, SAT, 0, MON),
        (DEFAULT, THU, 2, MON),
        (DEFAULT, SAT, 1, date(2026, 12, 1)),
        (DEFAULT, MON, -1, FRI),
        (DEFAULT, SAT, -1, FRI),
        (WITH_CHRISTMAS, date(2026, 12, 24), 1, date(2026, 12, 28)),
        (WITH_CHRISTMAS, CHRISTMAS, 0, date(2026, 12, 28)),
        (ALL_DAYS, THU, 2, SAT),
    ],
)
def test_date_at_counts_from_the_first_working_day_of_the_start(
    calendar: WorkCalendar, start: date, offset: int, expected: date
) -> None:
    assert calendar.date_at(start, offset) == expected


@pytest.mark.parametrize(
    ("start", "day", "expected"),
    [(THU, THU, 0), (THU, MON, 2), (THU, SAT, 2), (SAT, MON, 0), (MON, FRI, -1)],
)
def test_offset_of_gives_the_offset_of_the_next_working_day(
    start: date, day: date, expected: int
) -> None:
    assert DEFAULT.offset_of(start, day) == expected


def test_date_at_outside_the_supported_dates_raises_value_error() -> None:
    with pytest.raises(ValueError, match="outside the supported dates"):
        DEFAULT.date_at(date(1, 1, 1), -1)


# --- from_settings ---------------------------------------------------------------------------


def test_from_settings_reads_workdays_with_iso_holidays() -> None:
    calendar = WorkCalendar.from_settings("workdays", None, ["2026-12-25", " 2027-01-01 "])
    assert calendar == WorkCalendar(holidays=frozenset({CHRISTMAS, date(2027, 1, 1)}))


def test_from_settings_reads_all_days() -> None:
    assert WorkCalendar.from_settings("all-days", None, []).all_days is True


def test_from_settings_keeps_given_weekends() -> None:
    calendar = WorkCalendar.from_settings("workdays", [4, 5], [])
    assert calendar.weekends == frozenset({4, 5})


def test_from_settings_refuses_an_unknown_calendar_kind() -> None:
    with pytest.raises(ValueError, match="calendar must be 'workdays' or 'all-days'"):
        WorkCalendar.from_settings("weekdays", None, [])


def test_from_settings_refuses_a_holiday_that_is_not_iso() -> None:
    with pytest.raises(ValueError, match="holiday '25/12/2026' is not an ISO date"):
        WorkCalendar.from_settings("workdays", None, ["25/12/2026"])


# --- properties against a day-by-day reference ------------------------------------------


class _Reference:
    """The obvious day-by-day implementation, to check the arithmetic one against."""

    def __init__(self, weekends: frozenset[int], holidays: frozenset[date], all_days: bool):
        self.weekends = weekends
        self.holidays = holidays
        self.all_days = all_days

    def is_working(self, d: date) -> bool:
        return self.all_days or (d.weekday() not in self.weekends and d not in self.holidays)

    def next_working(self, d: date) -> date:
        while not self.is_working(d):
            d += timedelta(days=1)
        return d

    def previous_working(self, d: date) -> date:
        while not self.is_working(d):
            d -= timedelta(days=1)
        return d

    def step(self, d: date, n: int) -> date:
        """Move n working days from d, not counting d."""
        direction = timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        while remaining:
            d += direction
            if self.is_working(d):
                remaining -= 1
        return d

    def date_at(self, start: date, offset: int) -> date:
        return self.step(self.next_working(start), offset)

    def between(self, a: date, b: date) -> int:
        if b < a:
            return -self.between(b, a)
        return sum(1 for i in range((b - a).days) if self.is_working(a + timedelta(days=i)))


_BASE = date(2026, 1, 1)
_starts = st.integers(min_value=-400, max_value=400).map(lambda i: _BASE + timedelta(days=i))
_holidays = st.frozensets(_starts, max_size=40)
_weekends = st.frozensets(st.integers(min_value=0, max_value=6), max_size=6)
_offsets = st.integers(min_value=-300, max_value=300)


@given(_weekends, _holidays, st.booleans(), _starts, _offsets)
def test_date_at_matches_the_day_by_day_reference(
    weekends: frozenset[int], holidays: frozenset[date], all_days: bool, start: date, offset: int
) -> None:
    calendar = WorkCalendar(weekends=weekends, holidays=holidays, all_days=all_days)
    reference = _Reference(weekends, holidays, all_days)
    assert calendar.date_at(start, offset) == reference.date_at(start, offset)


@given(_weekends, _holidays, st.booleans(), _starts, _offsets)
def test_offset_of_undoes_date_at(
    weekends: frozenset[int], holidays: frozenset[date], all_days: bool, start: date, offset: int
) -> None:
    calendar = WorkCalendar(weekends=weekends, holidays=holidays, all_days=all_days)
    assert calendar.offset_of(start, calendar.date_at(start, offset)) == offset


@given(_weekends, _holidays, st.booleans(), _starts, _starts)
def test_offset_of_matches_the_reference_for_any_day(
    weekends: frozenset[int], holidays: frozenset[date], all_days: bool, start: date, day: date
) -> None:
    calendar = WorkCalendar(weekends=weekends, holidays=holidays, all_days=all_days)
    reference = _Reference(weekends, holidays, all_days)
    offset = calendar.offset_of(start, day)
    assert reference.date_at(start, offset) == reference.next_working(day)


@given(_weekends, _holidays, st.booleans(), _starts, _starts)
def test_working_days_between_matches_the_reference(
    weekends: frozenset[int], holidays: frozenset[date], all_days: bool, a: date, b: date
) -> None:
    calendar = WorkCalendar(weekends=weekends, holidays=holidays, all_days=all_days)
    reference = _Reference(weekends, holidays, all_days)
    assert calendar.working_days_between(a, b) == reference.between(a, b)


@given(_weekends, _holidays, st.booleans(), _starts, _offsets)
def test_add_working_days_matches_the_reference(
    weekends: frozenset[int], holidays: frozenset[date], all_days: bool, day: date, n: int
) -> None:
    calendar = WorkCalendar(weekends=weekends, holidays=holidays, all_days=all_days)
    reference = _Reference(weekends, holidays, all_days)
    assert calendar.add_working_days(day, n) == reference.step(day, n)


@given(_weekends, _holidays, st.booleans(), _starts)
def test_next_and_previous_working_match_the_reference(
    weekends: frozenset[int], holidays: frozenset[date], all_days: bool, day: date
) -> None:
    calendar = WorkCalendar(weekends=weekends, holidays=holidays, all_days=all_days)
    reference = _Reference(weekends, holidays, all_days)
    assert (calendar.next_working(day), calendar.previous_working(day)) == (
        reference.next_working(day),
        reference.previous_working(day),
    )

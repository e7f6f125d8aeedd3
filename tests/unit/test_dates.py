"""Tests for date input as people type it, fiscal years and relative wording."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.dates import DateParseError, parse_date, parse_datetime
from pmtui.domain.fiscal import (
    fiscal_quarter_end,
    fiscal_year,
    fiscal_year_bounds,
    format_relative,
)

THU = date(2026, 11, 26)  # the usual "today"
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
JAN_31 = date(2026, 1, 31)  # a month end (a Saturday)
CHRISTMAS_EVE = date(2026, 12, 24)  # a Thursday, the day before a holiday
CHRISTMAS_CALENDAR = WorkCalendar(holidays=frozenset({date(2026, 12, 25)}))

MDY_HINT = "try 2026-12-01, 12/1, fri, +3d, eom"
DMY_HINT = "try 2026-12-01, 1/12, fri, +3d, eom"


# --- calendar dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-01",
        "2026/12/01",
        "dec 1",
        "Dec 1st",
        "1 dec",
        "1 december 2026",
        "december 1, 2026",
        "1-dec-2026",
        "  DEC  1  ",
    ],
)
@pytest.mark.parametrize("order", ["mdy", "dmy"])
def test_dates_without_order_ambiguity_read_the_same_in_both_orders(text: str, order: str) -> None:
    assert parse_date(text, THU, date_order=order) == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/1", date(2026, 12, 1)),
        ("12/1/2026", date(2026, 12, 1)),
        ("12/1/26", date(2026, 12, 1)),
        ("1/13", date(2026, 1, 13)),
        ("12-1", date(2026, 12, 1)),
    ],
)
def test_numeric_dates_are_month_first_by_default(text: str, expected: date) -> None:
    assert parse_date(text, THU) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/12", date(2026, 12, 1)),
        ("1/12/2026", date(2026, 12, 1)),
        ("1/12/26", date(2026, 12, 1)),
        ("13/1", date(2026, 1, 13)),
        ("1.12.2026", date(2026, 12, 1)),
    ],
)
def test_numeric_dates_are_day_first_with_dmy_order(text: str, expected: date) -> None:
    assert parse_date(text, THU, date_order="dmy") == expected


def test_year_less_date_is_in_the_current_year_even_when_past() -> None:
    assert parse_date("1/5", THU) == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("today", "expected"),
    [(THU, date(1980, 1, 1)), (date(2070, 6, 1), date(2080, 1, 1))],
)
def test_two_digit_year_is_placed_within_fifty_years_of_today_not_the_clock(
    today: date, expected: date
) -> None:
    assert parse_date("1/1/80", today) == expected


@pytest.mark.parametrize(
    "text", ["fri 12/4", "Friday, December 4, 2026", "fri. 4 dec", "4 dec 2026 fri"]
)
def test_a_weekday_that_agrees_with_the_date_is_accepted(text: str) -> None:
    assert parse_date(text, THU) == date(2026, 12, 4)


# --- words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", THU),
        ("TODAY", THU),
        ("tomorrow", FRI),
        ("yesterday", date(2026, 11, 25)),
        ("bow", date(2026, 11, 23)),
        ("bom", date(2026, 11, 1)),
        ("eom", date(2026, 11, 30)),
        ("eow", FRI),
    ],
)
def test_words_count_from_today(text: str, expected: date) -> None:
    assert parse_date(text, THU) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mon", date(2026, 11, 30)),
        ("tue", date(2026, 12, 1)),
        ("tues", date(2026, 12, 1)),
        ("wednesday", date(2026, 12, 2)),
        ("thu", THU),
        ("Fri", FRI),
        ("friday", FRI),
        ("sat", SAT),
        ("sun", date(2026, 11, 29)),
        ("this fri", FRI),
        ("next fri", date(2026, 12, 4)),
        ("next thu", date(2026, 12, 3)),
        ("last fri", date(2026, 11, 20)),
        ("last thu", date(2026, 11, 19)),
        ("last wed", date(2026, 11, 25)),
        ("Next  Friday", date(2026, 12, 4)),
    ],
)
def test_weekday_names_on_a_thursday(text: str, expected: date) -> None:
    assert parse_date(text, THU) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", FRI),
        ("next fri", date(2026, 12, 4)),
        ("last fri", date(2026, 11, 20)),
        ("thu", date(2026, 12, 3)),
    ],
)
def test_weekday_names_on_a_friday_where_fri_is_today(text: str, expected: date) -> None:
    assert parse_date(text, FRI) == expected


# --- offsets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+3d", date(2026, 11, 29)),
        ("3d", date(2026, 11, 29)),
        ("-3d", date(2026, 11, 23)),
        ("+0d", THU),
        ("+2w", date(2026, 12, 10)),
        ("-1w", date(2026, 11, 19)),
        ("+1m", date(2026, 12, 26)),
        ("+1y", date(2027, 11, 26)),
        ("+3wd", date(2026, 12, 1)),
        ("3wd", date(2026, 12, 1)),
        ("-4wd", date(2026, 11, 20)),
        ("+ 3 D", date(2026, 11, 29)),
    ],
)
def test_offsets_count_from_today(text: str, expected: date) -> None:
    assert parse_date(text, THU) == expected


def test_month_offset_from_a_month_end_stays_in_the_shorter_month() -> None:
    assert parse_date("+1m", JAN_31) == date(2026, 2, 28)


def test_year_offset_from_29_february_lands_on_28_february() -> None:
    assert parse_date("+1y", date(2028, 2, 29)) == date(2029, 2, 28)


def test_working_day_offset_skips_the_project_holiday() -> None:
    assert parse_date("+1wd", CHRISTMAS_EVE, calendar=CHRISTMAS_CALENDAR) == date(2026, 12, 28)


def test_working_day_offset_without_a_calendar_only_skips_weekends() -> None:
    assert parse_date("+1wd", CHRISTMAS_EVE) == date(2026, 12, 25)


def test_working_day_offset_on_an_all_days_calendar_counts_every_day() -> None:
    assert parse_date("+3wd", THU, calendar=WorkCalendar(all_days=True)) == date(2026, 11, 29)


def test_working_day_offset_from_a_saturday_starts_on_monday() -> None:
    assert parse_date("+1wd", SAT) == date(2026, 11, 30)


# --- end of week ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "calendar", "expected"),
    [
        (FRI, WorkCalendar(), FRI),
        (date(2026, 11, 23), WorkCalendar(), FRI),
        (SAT, WorkCalendar(), date(2026, 12, 4)),
        (date(2026, 11, 29), WorkCalendar(), date(2026, 12, 4)),
        (CHRISTMAS_EVE, CHRISTMAS_CALENDAR, CHRISTMAS_EVE),
        (THU, WorkCalendar(all_days=True), date(2026, 11, 29)),
        (date(2026, 11, 29), WorkCalendar(all_days=True), date(2026, 11, 29)),
        (date(2026, 11, 29), WorkCalendar(weekends=frozenset({4, 5})), date(2026, 12, 3)),
        (THU, WorkCalendar(weekends=frozenset()), date(2026, 11, 29)),
    ],
)
def test_eow_is_the_last_working_day_before_the_weekend(
    today: date, calendar: WorkCalendar, expected: date
) -> None:
    """On a weekend day eow means the coming work week's end, not the one just gone."""
    assert parse_date("eow", today, calendar=calendar) == expected


# --- fiscal years --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start_month", "eoq", "eoy"),
    [
        (1, date(2026, 12, 31), date(2026, 12, 31)),
        (4, date(2026, 12, 31), date(2027, 3, 31)),
        (7, date(2026, 12, 31), date(2027, 6, 30)),
        (2, date(2027, 1, 31), date(2027, 1, 31)),
        (11, date(2027, 1, 31), date(2027, 10, 31)),
    ],
)
def test_eoq_and_eoy_follow_the_fiscal_year(start_month: int, eoq: date, eoy: date) -> None:
    results = (
        parse_date("eoq", THU, fiscal_start_month=start_month),
        parse_date("EOY", THU, fiscal_start_month=start_month),
    )
    assert results == (eoq, eoy)


@pytest.mark.parametrize(
    ("day", "start_month", "expected"),
    [
        (date(2026, 1, 1), 1, 2026),
        (date(2026, 12, 31), 1, 2026),
        (date(2026, 3, 31), 4, 2026),
        (date(2026, 4, 1), 4, 2027),
        (date(2027, 3, 31), 4, 2027),
        (date(2026, 6, 30), 7, 2026),
        (date(2026, 7, 1), 7, 2027),
    ],
)
def test_fiscal_year_is_named_by_the_year_in_which_it_ends(
    day: date, start_month: int, expected: int
) -> None:
    assert fiscal_year(day, start_month) == expected


def test_fiscal_year_starting_in_october_matches_the_us_federal_fiscal_year() -> None:
    """31 U.S.C. § 1102: the Treasury's fiscal year runs 1 October to 30 September of the
    following year, and is named by the year in which it ends (FY2027 starts 2026-10-01)."""
    assert (fiscal_year(date(2026, 10, 1), 10), fiscal_year_bounds(2027, 10)) == (
        2027,
        (date(2026, 10, 1), date(2027, 9, 30)),
    )


def test_fiscal_year_starting_in_july_matches_microsofts_fiscal_2024() -> None:
    """Microsoft Corporation, Annual Report 2024 (https://www.microsoft.com/investor/reports/ar24):
    "fiscal year 2024" is the year ended June 30, 2024."""
    assert fiscal_year_bounds(2024, 7) == (date(2023, 7, 1), date(2024, 6, 30))


def test_fiscal_year_starting_in_april_matches_infosys_fiscal_2024() -> None:
    """Infosys Limited, Board's report 2023-24: the financial year ended March 31, 2024 is
    its "fiscal 2024" (cumulative free cash flow "for fiscals 2020-2024")."""
    assert fiscal_year_bounds(2024, 4) == (date(2023, 4, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    ("fy", "start_month", "expected"),
    [
        (2026, 1, (date(2026, 1, 1), date(2026, 12, 31))),
        (2027, 4, (date(2026, 4, 1), date(2027, 3, 31))),
        (2027, 7, (date(2026, 7, 1), date(2027, 6, 30))),
        (2028, 3, (date(2027, 3, 1), date(2028, 2, 29))),
    ],
)
def test_fiscal_year_bounds_are_its_first_and_last_day(
    fy: int, start_month: int, expected: tuple[date, date]
) -> None:
    assert fiscal_year_bounds(fy, start_month) == expected


@pytest.mark.parametrize(
    ("day", "start_month", "expected"),
    [
        (date(2026, 5, 15), 1, date(2026, 6, 30)),
        (date(2026, 1, 1), 1, date(2026, 3, 31)),
        (date(2026, 3, 31), 4, date(2026, 3, 31)),
        (date(2026, 4, 1), 4, date(2026, 6, 30)),
        (date(2026, 8, 20), 7, date(2026, 9, 30)),
        (date(2026, 6, 1), 7, date(2026, 6, 30)),
        (date(2026, 12, 15), 2, date(2027, 1, 31)),
        (date(2027, 2, 1), 2, date(2027, 4, 30)),
    ],
)
def test_fiscal_quarter_end_is_the_last_day_of_the_fiscal_quarter(
    day: date, start_month: int, expected: date
) -> None:
    assert fiscal_quarter_end(day, start_month) == expected


@pytest.mark.parametrize("start_month", [0, 13])
def test_fiscal_start_month_outside_1_to_12_is_refused(start_month: int) -> None:
    with pytest.raises(ValueError, match="a fiscal year starts in month 1 to 12"):
        fiscal_year(THU, start_month)


# --- failures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order", "message"),
    [
        ("fri x", "mdy", f"'fri x' is not a date: {MDY_HINT}"),
        ("fri x", "dmy", f"'fri x' is not a date: {DMY_HINT}"),
        ("", "mdy", f"no date given: {MDY_HINT}"),
        ("   ", "dmy", f"no date given: {DMY_HINT}"),
        ("next", "mdy", f"'next' is not a date: {MDY_HINT}"),
        ("+3x", "mdy", f"'+3x' is not a date: {MDY_HINT}"),
        ("dec", "mdy", f"'dec' is not a date: {MDY_HINT}"),
        ("2026", "mdy", f"'2026' is not a date: {MDY_HINT}"),
        ("12", "mdy", f"'12' is not a date: {MDY_HINT}"),
        ("fri sat", "mdy", f"'fri sat' is not a date: {MDY_HINT}"),
        ("2/30", "mdy", "'2/30' is not a date: February 2026 has 28 days"),
        ("30/2", "dmy", "'30/2' is not a date: February 2026 has 28 days"),
        ("Feb 29", "mdy", "'Feb 29' is not a date: February 2026 has 28 days"),
        ("31 apr 2027", "dmy", "'31 apr 2027' is not a date: April 2027 has 30 days"),
        ("2/29/27", "mdy", "'2/29/27' is not a date: February 2027 has 28 days"),
        ("2026-02-30", "mdy", "'2026-02-30' is not a date: February 2026 has 28 days"),
        ("2026-13-01", "dmy", "'2026-13-01' is not a date: there is no month 13"),
        ("13/1", "mdy", "'13/1' is not a date: there is no month 13 (dates are typed month/day)"),
        ("1/13", "dmy", "'1/13' is not a date: there is no month 13 (dates are typed day/month)"),
        ("0/1", "mdy", "'0/1' is not a date: there is no month 0 (dates are typed month/day)"),
        ("1/0", "mdy", "'1/0' is not a date: days start at 1"),
        ("1/1/0000", "mdy", "'1/1/0000' is not a date: years run from 1 to 9999"),
        ("thu 12/4", "mdy", "'thu 12/4' is not a date: 2026-12-04 is a Friday"),
        ("fri 12/4", "dmy", "'fri 12/4' is not a date: 2026-04-12 is a Sunday"),
        ("12/1 5pm", "mdy", "'12/1 5pm' has a time of day: type just the date, e.g. dec 1"),
        ("+999999y", "mdy", "'+999999y' is too far away to be a date"),
    ],
)
def test_text_that_is_no_date_is_refused_with_a_message(
    text: str, order: str, message: str
) -> None:
    with pytest.raises(DateParseError) as raised:
        parse_date(text, THU, date_order=order)
    assert str(raised.value) == message


def test_working_day_offset_past_the_last_date_is_refused() -> None:
    with pytest.raises(DateParseError, match="is too far away to be a date"):
        parse_date("+999999wd", date(9000, 1, 1))


def test_unknown_date_order_is_a_programming_error_not_a_parse_error() -> None:
    with pytest.raises(ValueError, match="date_order must be 'mdy' or 'dmy'") as raised:
        parse_date("12/1", THU, date_order="ymd")
    assert not isinstance(raised.value, DateParseError)


@given(st.text(max_size=30))
def test_any_text_gives_a_date_or_a_date_parse_error(text: str) -> None:
    """No dateutil or other exception ever reaches the caller."""
    try:
        result: date | str = parse_date(text, THU)
    except DateParseError as error:
        result = str(error)
    assert isinstance(result, date) or result.startswith(("'", "no date given"))


# --- date and time -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01 14:30", datetime(2026, 12, 1, 14, 30)),
        ("2026-12-01T14:30", datetime(2026, 12, 1, 14, 30)),
        ("2026-12-01T14:30:15", datetime(2026, 12, 1, 14, 30, 15)),
        ("fri 9:00", datetime(2026, 11, 27, 9, 0)),
        ("Fri 9AM", datetime(2026, 11, 27, 9, 0)),
        ("today 16:00", datetime(2026, 11, 26, 16, 0)),
        ("tomorrow at 4 pm", datetime(2026, 11, 27, 16, 0)),
        ("12/1 12:30am", datetime(2026, 12, 1, 0, 30)),
        ("dec 1 2026 10:30", datetime(2026, 12, 1, 10, 30)),
        ("+2wd 8:15", datetime(2026, 11, 30, 8, 15)),
        ("16:00", datetime(2026, 11, 26, 16, 0)),
        ("fri", datetime(2026, 11, 27, 0, 0)),
    ],
)
def test_parse_datetime_reads_a_date_then_a_time(text: str, expected: datetime) -> None:
    assert parse_datetime(text, THU) == expected


def test_parse_datetime_follows_the_date_order() -> None:
    assert parse_datetime("1/12 9:00", THU, date_order="dmy") == datetime(2026, 12, 1, 9, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fri 25:00", "'fri 25:00' is not a date and time: hour must be in 0..23"),
        ("fri x 9:00", f"'fri x' is not a date: {MDY_HINT}"),
        ("2026-02-30 10:00", "'2026-02-30' is not a date: February 2026 has 28 days"),
        (
            "2026-12-01T14:30+01:00",
            "'2026-12-01T14:30+01:00' has a time zone: type the time in the project's own zone",
        ),
        (
            "",
            "no date and time given: try 2026-12-01 14:30, 12/1 9am, fri 9:00, today 16:00",
        ),
    ],
)
def test_parse_datetime_refuses_bad_text_with_a_message(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as raised:
        parse_datetime(text, THU)
    assert str(raised.value) == message


# --- relative wording ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (THU, "today"),
        (FRI, "tomorrow"),
        (date(2026, 11, 25), "yesterday"),
        (date(2026, 11, 29), "in 3 days"),
        (date(2026, 12, 9), "in 13 days"),
        (date(2026, 12, 10), "in 2 weeks"),
        (date(2027, 1, 7), "in 6 weeks"),
        (date(2027, 2, 1), "in 2 months"),
        (date(2027, 11, 26), "in 1 year"),
        (date(2029, 1, 1), "in 2 years"),
        (date(2026, 11, 23), "3 days late"),
        (date(2026, 11, 12), "2 weeks late"),
        (date(2026, 8, 1), "3 months late"),
        (date(2025, 11, 26), "1 year late"),
    ],
)
def test_format_relative_is_short(day: date, expected: str) -> None:
    assert format_relative(day, THU) == expected


@pytest.mark.parametrize(
    ("typed", "order", "expected"),
    [
        ("next week", "mdy", date(2026, 12, 7)),  # its Monday (today is Sunday 6 Dec)
        ("last week", "mdy", date(2026, 11, 23)),
        ("next month", "mdy", date(2027, 1, 1)),
        ("in 3 days", "mdy", date(2026, 12, 9)),
        ("in 2 weeks", "mdy", date(2026, 12, 20)),
        ("in 3 working days", "mdy", date(2026, 12, 9)),
        ("in 1 month", "mdy", date(2027, 1, 6)),
        ("2 days ago", "mdy", date(2026, 12, 4)),
        ("24.12.", "dmy", date(2026, 12, 24)),
        ("24.12", "dmy", date(2026, 12, 24)),
        ("24.12.2026", "dmy", date(2026, 12, 24)),
        ("12.24.", "mdy", date(2026, 12, 24)),
    ],
)
def test_words_people_use_for_dates(typed: str, order: str, expected: date) -> None:
    assert parse_date(typed, date(2026, 12, 6), date_order=order) == expected

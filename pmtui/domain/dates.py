"""Dates as a busy person types them, fiscal years, and short relative wording."""

from __future__ import annotations

import calendar as month_calendar
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.fiscal import (
    _check_month,
    fiscal_quarter_end,
    fiscal_year,
    fiscal_year_bounds,
)

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

# dateutil's parser is imported where it is used, not here: it costs ~15 ms, and the app's
# first frame parses no dates.

DATE_ORDERS = ("mdy", "dmy")
_DEFAULT_CALENDAR = WorkCalendar()

_WEEKDAY_NAMES = {
    "mon": 0,
    "monday": 0,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "weds": 2,
    "wednesday": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "fri": 4,
    "friday": 4,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
}
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True))
# ASCII only: int() would happily read other scripts' digits that dateutil then refuses.
_WEEKDAY = re.compile(rf"(?:(next|last|this)\s+)?({_WEEKDAY_WORDS})\.?", re.ASCII)
_WEEKDAY_INSIDE = re.compile(rf"\b({_WEEKDAY_WORDS})\b\.?,?", re.ASCII)
_UNIT_WORDS = {
    "day": "d", "days": "d", "working day": "wd", "working days": "wd", "workday": "wd",
    "workdays": "wd", "week": "w", "weeks": "w", "month": "m", "months": "m", "year": "y",
    "years": "y",
}  # fmt: skip
_IN_WORDS = re.compile(
    r"(?:in\s+(?P<n>\d{1,6})\s*(?P<unit>"
    + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
    + r")|(?P<n2>\d{1,6})\s*(?P<unit2>"
    + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
    + r")\s+(?P<ago>ago))",
    re.ASCII,
)
_OFFSET = re.compile(r"([+-]?)\s*(\d{1,6})\s*(wd|d|w|m|y)", re.ASCII)
# Year-first dates are read here, not by dateutil, whose dayfirst would turn 2026-01-02 into
# 1 February.
_ISO_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", re.ASCII)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", re.ASCII)
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[t ]\d", re.ASCII)
# A trailing time of day: with a colon or with am/pm, so that the day in "dec 1" is never
# mistaken for an hour.
_TRAILING_TIME = re.compile(
    r"(?:(?P<date>.*?)(?:\s+(?:at\s+)?|(?<=\d)t))?"
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:\s*[ap]m)?|\d{1,2}\s*[ap]m)",
    re.ASCII,
)

# Fixed English names: calendar.month_name follows the process locale.
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def short_date(day: date, today: date) -> str:
    """A date where space is short: '12-14' in the current year (of `today`), the whole
    ISO date ('2027-01-11') in any other, so that no two years read alike."""
    return f"{day:%m-%d}" if day.year == today.year else day.isoformat()


class DateParseError(ValueError):
    """Typed text that is not a date; the message is shown to the user as it is."""


def parse_date(
    text: str,
    today: date,
    *,
    calendar: WorkCalendar | None = None,
    date_order: str = "mdy",
    fiscal_start_month: int = 1,
) -> date:
    """Read a date as typed: 2026-12-01, 12/1, dec 1, fri, next fri, +3d, +3wd, eow, eom..."""
    _check_settings(date_order, fiscal_start_month)
    original = text.strip()
    typed = " ".join(original.lower().split())
    if not typed:
        raise DateParseError(f"no date given: try {_examples(date_order)}")
    work_calendar = calendar if calendar is not None else _DEFAULT_CALENDAR

    named = _named_date(typed, today, work_calendar, fiscal_start_month)
    if named is not None:
        return named
    if match := _IN_WORDS.fullmatch(typed):  # "in 3 days", "2 weeks ago"
        sign = "-" if match["ago"] else "+"
        unit = _UNIT_WORDS[match["unit"] or match["unit2"]]
        number = match["n"] or match["n2"]
        typed = f"{sign}{number}{unit}"
    if dotted := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?", typed, re.ASCII):  # 24.12.
        typed = f"{dotted[1]}/{dotted[2]}"  # read in the user's date order, like 24/12
    if match := _OFFSET.fullmatch(typed):
        return _offset_date(original, match, today, work_calendar)
    if match := _WEEKDAY.fullmatch(typed):
        return _weekday_date(match.group(1), _WEEKDAY_NAMES[match.group(2)], today)
    if match := _ISO_DATE.fullmatch(typed):
        year, _, month, day = match.groups()
        return _checked_date(original, int(year), int(month), int(day))
    return _free_form_date(original, typed, today, date_order)


def parse_datetime(
    text: str,
    today: date,
    *,
    calendar: WorkCalendar | None = None,
    date_order: str = "mdy",
    fiscal_start_month: int = 1,
) -> datetime:
    """Read a date and time as typed: "2026-12-01 14:30", "fri 9:00", "today 4pm", ISO with T.

    A date without a time is that day at 00:00; a time without a date is today.
    """
    _check_settings(date_order, fiscal_start_month)
    original = text.strip()
    typed = " ".join(original.lower().split())
    if not typed:
        raise DateParseError(f"no date and time given: try {_datetime_examples(date_order)}")

    if _ISO_DATETIME.match(typed):
        try:
            moment = datetime.fromisoformat(original)
        except ValueError:
            pass
        else:
            if moment.tzinfo is not None:
                raise DateParseError(
                    f"'{original}' has a time zone: type the time in the project's own zone"
                )
            return moment

    split = _TRAILING_TIME.fullmatch(typed)
    date_text = split.group("date") if split else typed
    day = (
        parse_date(
            date_text,
            today,
            calendar=calendar,
            date_order=date_order,
            fiscal_start_month=fiscal_start_month,
        )
        if date_text
        else today
    )
    if split is None:
        return datetime.combine(day, time())
    clock = split.group("time")
    from dateutil.parser import ParserError
    from dateutil.parser import parse as dateutil_parse

    try:
        moment = dateutil_parse(clock, default=datetime.combine(day, time()))
    except (ParserError, ValueError, OverflowError) as error:
        raise DateParseError(
            f"'{original}' is not a date and time: {_reason(error, clock)}"
        ) from None
    return moment.replace(tzinfo=None)


def _named_date(
    typed: str, today: date, work_calendar: WorkCalendar, fiscal_start_month: int
) -> date | None:
    """The date of a word such as today, eow or eoq; None for any other text."""
    if typed == "today":
        return today
    if typed == "tomorrow":
        return today + timedelta(days=1)
    if typed == "yesterday":
        return today - timedelta(days=1)
    if typed in ("next week", "last week", "this week"):  # its Monday
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days={"next week": 7, "last week": -7, "this week": 0}[typed])
    if typed in ("next month", "last month"):  # its first day
        first = today.replace(day=1) + relativedelta(months=1 if typed == "next month" else -1)
        return first if isinstance(first, date) else today
    if typed == "bow":
        return today - timedelta(days=today.weekday())
    if typed == "eow":
        return _end_of_work_week(today, work_calendar)
    if typed == "bom":
        return today.replace(day=1)
    if typed == "eom":
        return today.replace(day=month_calendar.monthrange(today.year, today.month)[1])
    if typed == "eoq":
        return fiscal_quarter_end(today, fiscal_start_month)
    if typed == "eoy":
        return fiscal_year_bounds(fiscal_year(today, fiscal_start_month), fiscal_start_month)[1]
    return None


def _end_of_work_week(today: date, work_calendar: WorkCalendar) -> date:
    """The last working day before the weekend that ends this work week.

    On a weekend day that is the coming work week's: "eow" typed on a Saturday means next
    Friday, not yesterday. An all-days calendar has no weekend, so its week ends on Sunday.
    """
    weekends = work_calendar.weekends
    if work_calendar.all_days or not weekends:
        return today + timedelta(days=6 - today.weekday())
    day = today
    while day.weekday() in weekends:
        day += timedelta(days=1)
    while day.weekday() not in weekends:
        day += timedelta(days=1)
    return work_calendar.previous_working(day)


def _offset_date(
    original: str, match: re.Match[str], today: date, work_calendar: WorkCalendar
) -> date:
    sign, number, unit = match.groups()
    amount = -int(number) if sign == "-" else int(number)
    try:
        if unit == "wd":
            return work_calendar.add_working_days(today, amount)
        step = {
            "d": relativedelta(days=amount),
            "w": relativedelta(weeks=amount),
            "m": relativedelta(months=amount),
            "y": relativedelta(years=amount),
        }[unit]
        result: date = today + step
        return result
    except (ValueError, OverflowError):
        raise DateParseError(f"'{original}' is too far away to be a date") from None


def _weekday_date(qualifier: str | None, weekday: int, today: date) -> date:
    if qualifier == "last":
        return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    coming = today + timedelta(days=(weekday - today.weekday()) % 7)
    return coming + timedelta(days=7) if qualifier == "next" else coming


def _free_form_date(original: str, typed: str, today: date, date_order: str) -> date:
    """Dates with a month name or slashes, read by dateutil: 12/1, 1 dec, december 1, 2026."""
    dayfirst = date_order == "dmy"
    named_weekdays = {_WEEKDAY_NAMES[word] for word in _WEEKDAY_INSIDE.findall(typed)}
    text = _WEEKDAY_INSIDE.sub(" ", typed).strip(" ,")
    if len(named_weekdays) > 1 or not text:
        raise DateParseError(f"'{original}' is not a date: try {_examples(date_order)}")

    from dateutil.parser import ParserError
    from dateutil.parser import parse as dateutil_parse

    info = _parser_info(dayfirst, today.year)
    # Two defaults that differ in month, day and hour show what the text left out: dateutil
    # would otherwise fill a missing day or month from the default without a word.
    try:
        first = dateutil_parse(text, parserinfo=info, default=datetime(today.year, 1, 1, 0))
        second = dateutil_parse(text, parserinfo=info, default=datetime(today.year, 3, 2, 1))
    except (ParserError, ValueError, OverflowError) as error:
        raise DateParseError(_impossible(original, text, error, today, date_order)) from None

    if first.hour == second.hour:
        raise DateParseError(f"'{original}' has a time of day: type just the date, e.g. dec 1")
    if (first.month, first.day) != (second.month, second.day) or first.tzinfo is not None:
        raise DateParseError(f"'{original}' is not a date: try {_examples(date_order)}")
    result = first.date()

    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        # dateutil quietly swaps day and month when the month would be over 12; a typed
        # "1/13" in day/month order is a mistake to point out, not a guess to make.
        month, day = _month_and_day(numeric, dayfirst)
        if (result.month, result.day) != (month, day):
            raise DateParseError(f"'{original}' is not a date: {_no_month(month, date_order)}")
    if named_weekdays and result.weekday() not in named_weekdays:
        raise DateParseError(
            f"'{original}' is not a date: {result.isoformat()} is a {_DAY_NAMES[result.weekday()]}"
        )
    return result


@cache
def _parser_info(dayfirst: bool, today_year: int) -> parserinfo:
    return _pinned_year_parser_info()(dayfirst, today_year)


@cache
def _pinned_year_parser_info() -> Callable[[bool, int], parserinfo]:
    from dateutil.parser import parserinfo

    class PinnedYearParserInfo(parserinfo):
        """dateutil's parser settings, with two-digit years placed around today, not the clock."""

        def __init__(self, dayfirst: bool, today_year: int) -> None:
            super().__init__(dayfirst=dayfirst)
            self.today_year = today_year

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            # dateutil's own rule (within 50 years of the current year), but relative to the
            # `today` we were given, because domain code never reads the clock.
            if year < 100 and not century_specified:
                year += self.today_year // 100 * 100
                if year >= self.today_year + 50:
                    year -= 100
                elif year < self.today_year - 50:
                    year += 100
            return year

    return PinnedYearParserInfo


def _month_and_day(numeric: re.Match[str], dayfirst: bool) -> tuple[int, int]:
    first, second = int(numeric.group(1)), int(numeric.group(2))
    return (second, first) if dayfirst else (first, second)


def _impossible(original: str, text: str, error: Exception, today: date, date_order: str) -> str:
    """The message for text that dateutil refused: name the impossible day when we can."""
    reason = _reason(error, text)
    if "out of range" not in reason and "must be in 1..12" not in reason:
        return f"'{original}' is not a date: try {_examples(date_order)}"
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric:
        month, day = _month_and_day(numeric, date_order == "dmy")
        year_text = numeric.group(3)
        year = today.year
        if year_text:
            year = _parser_info(False, today.year).convertyear(int(year_text), len(year_text) > 2)
    else:
        words = re.findall(r"[a-z]+|\d+", text)
        from dateutil.parser import parserinfo

        months = [m for m in (parserinfo().month(word) for word in words) if m]
        numbers = [word for word in words if word.isdigit()]
        days = [int(word) for word in numbers if len(word) <= 2]
        years = [int(word) for word in numbers if len(word) == 4]
        if not months or not days:
            return f"'{original}' is not a date: {reason}"
        month, day, year = months[0], days[0], years[0] if years else today.year
    if not 1 <= month <= 12:
        return f"'{original}' is not a date: {_no_month(month, date_order)}"
    return f"'{original}' is not a date: {_no_such_day(year, month, day)}"


def _checked_date(original: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise DateParseError(f"'{original}' is not a date: there is no month {month}") from None
        raise DateParseError(
            f"'{original}' is not a date: {_no_such_day(year, month, day)}"
        ) from None


def _no_such_day(year: int, month: int, day: int) -> str:
    """Why year-month-day (with a real month) is no date."""
    if not 1 <= year <= 9999:
        return "years run from 1 to 9999"
    if day < 1:
        return "days start at 1"
    length = month_calendar.monthrange(year, month)[1]
    return f"{_MONTH_NAMES[month - 1]} {year} has {length} days"


def _no_month(month: int, date_order: str) -> str:
    order = "day/month" if date_order == "dmy" else "month/day"
    return f"there is no month {month} (dates are typed {order})"


def _reason(error: Exception, text: str) -> str:
    """dateutil's own explanation without the text it repeats after a colon."""
    message = str(error)
    suffix = f": {text}"
    return message[: -len(suffix)] if message.endswith(suffix) else message


def _examples(date_order: str) -> str:
    slash = "1/12" if date_order == "dmy" else "12/1"
    return f"2026-12-01, {slash}, fri, +3d, eom"


def _datetime_examples(date_order: str) -> str:
    slash = "1/12" if date_order == "dmy" else "12/1"
    return f"2026-12-01 14:30, {slash} 9am, fri 9:00, today 16:00"


def _check_settings(date_order: str, fiscal_start_month: int) -> None:
    if date_order not in DATE_ORDERS:
        raise ValueError(f"date_order must be 'mdy' or 'dmy', not {date_order!r}")
    _check_month(fiscal_start_month)

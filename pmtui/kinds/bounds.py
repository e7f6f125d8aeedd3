"""The bounds of each kind, and the checks every typed or imported value passes first.

A value beyond them breaks what reads it later (a start in 9999 leaves no working day to
schedule in; 99,999,999 working days overflow every date), so input is refused with the
range in the message; a value already stored beyond them is shown, never crashed on.
"""

from __future__ import annotations

import math
import re
from datetime import date

from pmtui.kinds.escapes import quoted, visible
from pmtui.kinds.formatters import format_money, plain_number
from pmtui.kinds.parsers import FieldError

__all__ = ["quoted"]

FIRST_DATE = "1900-01-01"
LAST_DATE = "2200-12-31"
#: Durations and lags, in working days (about 20 years).
MOST_DAYS = 5000
#: Amounts of money, either sign.
MOST_MONEY = 1e12
#: Any other number, either sign.
MOST_NUMBER = 1e12
#: The longest typed text a scalar kind (a date, a number, a choice) takes.
SHORT = 60
#: ... and a list kind (dates, predecessors) or a web address.
LONG = 2000
#: A message longer than this is cut (a value's quote is already cut at 80 characters).
LONGEST_MESSAGE = 180

_DATES = f"{FIRST_DATE}..{LAST_DATE}"
_SURROGATE = re.compile("[\ud800-\udfff]")


def one_line(message: str) -> str:
    """A message as one printable line of at most LONGEST_MESSAGE characters."""
    text = visible(" ".join(message.split()), lines=False)
    return text if len(text) <= LONGEST_MESSAGE else text[: LONGEST_MESSAGE - 1] + "…"


def check_raw(raw: object, *, listed: bool, longest: int) -> None:
    """Refuse input of a shape no kind takes: an object, a list where one value belongs,
    a lone surrogate (no file encoding takes it), text far longer than the kind's."""
    if isinstance(raw, dict):
        raise FieldError("is an object; write the value as text")
    if isinstance(raw, list | tuple):
        if not listed:
            raise FieldError("is a list; write one value")
        for item in raw:
            if isinstance(item, dict | list | tuple):
                raise FieldError("holds a list or an object; write each item as text")
            check_raw(item, listed=False, longest=longest)
        return
    if isinstance(raw, str):
        if _SURROGATE.search(raw):
            raise FieldError(
                f"{quoted(raw)} holds an invalid character (a lone surrogate); retype it"
            )
        if longest and len(raw) > longest:
            raise FieldError(
                f"{quoted(raw)} is too long ({len(raw)} characters; at most {longest})"
            )
    elif isinstance(raw, float) and not math.isfinite(raw):
        raise FieldError(f"{raw!r} is not a number")
    elif not isinstance(raw, bool | int | float | date):
        raise FieldError(f"is a {type(raw).__name__}; write the value as text")


def date_limit(value: str) -> str | None:
    """Dates from 1900-01-01 to 2200-12-31."""
    if FIRST_DATE <= value <= LAST_DATE:
        return None
    return f"{value} is outside the dates pmtui takes ({_DATES})"


def dates_limit(value: list[str]) -> str | None:
    """Each date of a list within the date bounds."""
    return next((problem for item in value if (problem := date_limit(item))), None)


def datetime_limit(value: str) -> str | None:
    """A date and time whose date lies within the date bounds."""
    return date_limit(value[:10])


def month_limit(value: str) -> str | None:
    """Months from 1900-01 to 2200-12."""
    if FIRST_DATE[:7] <= value <= LAST_DATE[:7]:
        return None
    return f"{value} is outside the months pmtui takes ({FIRST_DATE[:7]}..{LAST_DATE[:7]})"


def money_limit(value: float) -> str | None:
    """Amounts up to a trillion either way."""
    if abs(value) <= MOST_MONEY:
        return None
    most = format_money(MOST_MONEY)
    # Written out, 1e67 is 90 digits: a message of one line says it the short way.
    shown = format_money(value) if abs(value) < 1e15 else f"{value:g}"
    return f"{shown} is beyond the largest amount pmtui takes (±{most})"


def number_limit(value: float) -> str | None:
    """Numbers up to 10^12 either way."""
    if abs(value) <= MOST_NUMBER:
        return None
    return f"{value:g} is beyond the largest number pmtui takes (±{MOST_NUMBER:g})"


def percent_limit(value: float) -> str | None:
    """Percentages from 0 to 100."""
    if 0 <= value <= 100:
        return None
    return f"{plain_number(value)} % is outside 0-100 %"


def duration_limit(value: float) -> str | None:
    """Durations from 0 to MOST_DAYS working days."""
    if 0 <= value <= MOST_DAYS:
        return None
    return f"{plain_number(value)} working days is outside 0-{MOST_DAYS}"


#: The longest meeting, in minutes (a day).
MOST_MINUTES = 24 * 60


def length_limit(value: int) -> str | None:
    """Lengths from a minute to a day."""
    if 1 <= value <= MOST_MINUTES:
        return None
    return f"{value} minutes is outside 1 minute to {MOST_MINUTES // 60} hours"


def links_limit(value: list[str]) -> str | None:
    """Lags of at most MOST_DAYS working days either way."""
    from pmtui.domain.links import parse_links

    for link in parse_links("; ".join(value)):
        if abs(link.lag) > MOST_DAYS:
            return (
                f"the lag of {plain_number(link.lag)} working days after {link.predecessor} "
                f"is outside -{MOST_DAYS}..+{MOST_DAYS}"
            )
    return None


def weekdays_limit(value: list[str]) -> str | None:
    """Days off that leave at least one working day in the week."""
    if len(value) < 7:
        return None
    return "leaves no working day in the week: at most six days off"

"""The Gantt chart's time scale, without Textual: column units of a day, week or month,
and the header labels over them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

SCALES = ("day", "week", "month")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def unit_of(scale: str, day: date) -> int:
    """The column unit a date falls in: its day, its week (Monday-based) or its month."""
    if scale == "day":
        return day.toordinal()
    if scale == "week":
        return (day.toordinal() - 1) // 7  # ordinal 1 (0001-01-01) is a Monday
    return day.year * 12 + day.month - 1


def unit_start(scale: str, unit: int) -> date:
    """The first day of a column unit."""
    if scale == "day":
        return date.fromordinal(unit)
    if scale == "week":
        return date.fromordinal(unit * 7 + 1)
    return date(unit // 12, unit % 12 + 1, 1)


def header_labels(scale: str) -> tuple[Callable[[date, bool], str], Callable[[date, bool], str]]:
    """(upper, lower) header labels for a column's first day; '' where none starts."""
    if scale == "day":
        return (
            lambda d, first: f"{_MONTHS[d.month - 1]} {d.year}" if first or d.day == 1 else "",
            lambda d, first: str(d.day) if d.weekday() == 0 else "",
        )
    if scale == "week":
        return (
            lambda d, first: str(d.year) if first or (d.month == 1 and d.day <= 7) else "",
            lambda d, first: _MONTHS[d.month - 1] if d.day <= 7 else "",
        )
    return (
        lambda d, first: str(d.year) if first or d.month == 1 else "",
        lambda d, first: _MONTHS[d.month - 1][0],
    )

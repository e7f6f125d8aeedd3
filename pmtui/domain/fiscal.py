"""Fiscal years (named by the calendar year in which they end) and a date's distance from today."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def fiscal_year(d: date, start_month: int) -> int:
    """The fiscal year holding d, named by the calendar year in which it ends."""
    _check_month(start_month)
    if start_month == 1:
        return d.year
    return d.year + 1 if d.month >= start_month else d.year


def fiscal_year_bounds(fy: int, start_month: int) -> tuple[date, date]:
    """The first and last day of fiscal year fy."""
    _check_month(start_month)
    first = date(fy if start_month == 1 else fy - 1, start_month, 1)
    return first, first + relativedelta(years=1, days=-1)


def fiscal_quarter_end(d: date, start_month: int) -> date:
    """The last day of the fiscal quarter holding d."""
    _check_month(start_month)
    months_into_quarter = (d.month - start_month) % 3
    quarter_start = date(d.year, d.month, 1) - relativedelta(months=months_into_quarter)
    return quarter_start + relativedelta(months=3, days=-1)


def format_relative(d: date, today: date) -> str:
    """A short distance from today: "today", "tomorrow", "in 3 days", "2 weeks late"..."""
    days = (d - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    distance = abs(days)
    if distance < 14:
        amount = f"{distance} days"
    elif distance < 61:
        amount = f"{distance // 7} weeks"
    elif distance < 365:
        amount = f"{distance // 30} months"
    else:
        years = distance // 365
        amount = "1 year" if years == 1 else f"{years} years"
    return f"in {amount}" if days > 0 else f"{amount} late"


def _check_month(start_month: int) -> None:
    if not 1 <= start_month <= 12:
        raise ValueError(f"a fiscal year starts in month 1 to 12, not {start_month}")

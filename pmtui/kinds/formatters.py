"""Formatters the kinds share: a stored value as typed text, and as people read it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: A stored value (never empty: the callers in pmtui.kinds.specs handle that) -> text.
Formatter = Callable[[Any], str]


def plain_number(value: float) -> str:
    """A number without needless decimals: 3.0 -> '3', 2.50 -> '2.5' (up to 6 places)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def format_money(value: float) -> str:
    """1400000 -> '1,400,000.00' (the currency is shown by the caller where it helps)."""
    return f"{value:,.2f}"


def joined(separator: str) -> Formatter:
    """A list written with `separator` between its items, as its kind's parser splits it."""

    def text(value: Any) -> str:
        return separator.join(str(item) for item in value)

    return text


def yes_no(value: Any) -> str:
    """A boolean as typed and as read."""
    return "yes" if value else "no"


def money_text(value: Any) -> str:
    """An amount as typed: two decimals, no thousands separators (1200.50)."""
    return f"{float(value):.2f}"


def number_text(value: Any) -> str:
    """A number as typed (plain_number)."""
    return plain_number(float(value))


def money_display(value: Any) -> str:
    """An amount as read: 1,400,000.00."""
    return format_money(float(value))


def number_display(value: Any) -> str:
    """A number as read, to two decimals at most."""
    return plain_number(round(float(value), 2))


def percent_display(value: Any) -> str:
    """A percentage as read, to one decimal: 92 %."""
    return f"{plain_number(round(float(value), 1))} %"


def duration_display(value: Any) -> str:
    """Working days as read: 2.5d."""
    return f"{plain_number(float(value))}d"


def length_text(value: Any) -> str:
    """Minutes of clock time as typed and read: 45m, 1h, 1h30."""
    hours, minutes = divmod(int(value), 60)
    if not hours:
        return f"{minutes}m"
    return f"{hours}h{minutes:02d}" if minutes else f"{hours}h"


def datetime_display(value: Any) -> str:
    """A stored `YYYY-MM-DDTHH:MM` as people read it: `2026-12-01 14:30` (no ISO 'T')."""
    return str(value).replace("T", " ", 1)


def recurrence_display(value: Any) -> str:
    """An RRULE in the recurrence grammar's words (weekly on mon)."""
    from pmtui.domain.recurrence import describe  # loads with the first recurrence shown

    return describe(str(value))


def one_line(value: Any) -> str:
    """Several lines shown on one, each break marked."""
    return str(value).replace("\n", " ⏎ ")

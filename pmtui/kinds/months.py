"""The month kind (budget months): typed as people say them, stored as `YYYY-MM`."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from pmtui.kinds.parsers import FieldError, ParseContext
from pmtui.schema import Field

if TYPE_CHECKING:
    from collections.abc import Mapping
    from random import Random

# Fixed English names: calendar.month_name follows the process locale.
_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_RELATIVE = {"last month": -1, "this month": 0, "next month": 1}
_ISO = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
#: Month first, then a year of two or four digits, whatever the user's date order: a month
#: has no day to confuse it with.
_SLASHED = re.compile(r"(\d{1,2})/(\d{2}|\d{4})")
_NAMED = re.compile(r"([a-z]+)\.?(?:,?\s+(\d{4}))?")


def _month_number(word: str) -> int | None:
    """1-12 for a month's name or a prefix of it of three letters or more (mar, sept)."""
    if len(word) < 3:
        return None
    return next((n for n, name in enumerate(_NAMES, 1) if name.startswith(word)), None)


def _month(typed: str, year: int, month: int) -> str:
    if not 1 <= month <= 12:
        raise FieldError(f"{typed!r} is not a month: there is no month {month}")
    if year < 1:
        raise FieldError(f"{typed!r} is not a month: there is no year {year}")
    return f"{year:04d}-{month:02d}"


def _shifted(today: date, months: int) -> str:
    index = today.year * 12 + today.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def parse_month(f: Field, raw: object, ctx: ParseContext) -> str:
    """A month: 2027-03, 3/27, 03/2027, mar (this calendar year), march 2027, next month."""
    if isinstance(raw, date):
        return f"{raw.year:04d}-{raw.month:02d}"
    typed = str(raw).strip()
    text = " ".join(typed.lower().split())
    if text in _RELATIVE:
        return _shifted(ctx.today, _RELATIVE[text])
    if iso := _ISO.fullmatch(text):
        year, month, day = iso.groups()
        if day is not None:  # a whole date names its month; a wrong day is still a mistake
            try:
                date(int(year), int(month), int(day))
            except ValueError:
                raise FieldError(f"{typed!r} is not a month or a date") from None
        return _month(typed, int(year), int(month))
    if slashed := _SLASHED.fullmatch(text):
        month, year = slashed.groups()
        return _month(typed, int(year) + (2000 if len(year) == 2 else 0), int(month))
    named = _NAMED.fullmatch(text)
    number = _month_number(named.group(1)) if named else None
    if named and number:
        return _month(typed, int(named.group(2) or ctx.today.year), number)
    raise FieldError(
        f"{typed!r} is not a month: write 2027-03, 3/27, mar, march 2027, or this, next or "
        "last month"
    )


def month_display(value: Any) -> str:
    """2027-03 -> 'Mar 2027' (it parses back to the same month); anything else as it is."""
    stored = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", str(value))
    if stored is None:  # a hand-edited file: show what is there rather than fail
        return str(value)
    return f"{_NAMES[int(stored.group(2)) - 1][:3].capitalize()} {stored.group(1)}"


def sample_month(f: Field, rng: Random, refs: Mapping[str, list[str]], index: int) -> str:
    """Mostly 2026-MM, now and then a word or a short form."""
    if rng.random() < 0.7:
        return f"2026-{rng.randint(1, 12):02d}"
    return rng.choice(("this month", "next month", "last month", "mar", "3/27", "march 2027"))

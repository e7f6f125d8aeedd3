"""One parser per field kind: what people type in, checked and turned into the stored value."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar
from urllib.parse import urlparse

from pmtui.domain.calendar import WEEKDAY_NAMES, WorkCalendar
from pmtui.kinds.escapes import quoted
from pmtui.kinds.formatters import format_money, plain_number
from pmtui.schema import KEY_PATTERN, Field

# Date parsing (dateutil) loads with the first date typed, not when the app starts; the
# calendar is a few lines of plain Python.


Resolver = Callable[[str, str], str]


class FieldError(ValueError):
    """A value a field cannot take; the message is shown to the user as is."""


def _no_resolver(table: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class ParseContext:
    """What parsing needs besides the text: today, the calendar and how to find records."""

    today: date
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    date_order: str = "mdy"
    fiscal_start_month: int = 1
    #: (table, key or name) -> key; raises FieldError when there is no such record.
    resolve: Resolver = _no_resolver


def parse_text(f: Field, raw: object, ctx: ParseContext) -> str:
    text = str(raw).strip()
    if f.name == "key" and not KEY_PATTERN.match(text):
        raise FieldError(
            f"{quoted(text)} is not a key: use up to 32 letters, digits, '.', '_' or '-', no spaces"
        )
    if f.choices and text not in f.choices:
        raise FieldError(f"{quoted(text)} is not one of {', '.join(f.choices)}")
    return text


def parse_long_text(f: Field, raw: object, ctx: ParseContext) -> str:
    return str(raw).strip("\n").rstrip()


def parse_email(f: Field, raw: object, ctx: ParseContext) -> str:
    text = str(raw).strip()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        raise FieldError(f"{quoted(text)} is not an e-mail address: write name@example.com")
    return text


#: A host name with a dot (example.com), an IPv4 address, or an IPv6 address in brackets.
_HOST = re.compile(r"[a-z0-9_-]+(\.[a-z0-9_-]+)*\.[a-z0-9-]+|[0-9a-f:.]*:[0-9a-f:.]*", re.I)


def parse_url(f: Field, raw: object, ctx: ParseContext) -> str:
    text = str(raw).strip()
    if "://" not in text and not text.startswith("mailto:"):
        text = "https://" + text
    hint = f"{quoted(raw)} is not a web address: write https://example.com"
    try:
        parsed = urlparse(text)
        port = parsed.port  # raises ValueError for a port that is not 0-65535
        host = parsed.hostname or ""
    except ValueError as error:  # `Invalid IPv6 URL` for a stray [ or ]
        raise FieldError(f"{hint} ({error})") from None
    if parsed.scheme == "mailto":
        return text
    if (
        parsed.scheme not in ("http", "https")
        or not _HOST.fullmatch(host)
        or port == 0
        or any(ch.isspace() or not ch.isprintable() for ch in text)
    ):
        raise FieldError(hint)
    return text


_When = TypeVar("_When", bound=date)  # a date or a datetime


def parse_date(f: Field, raw: object, ctx: ParseContext) -> str:
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date):
        return raw.isoformat()
    from pmtui.domain import dates

    return _read_when(dates.parse_date, raw, ctx).isoformat()


def _read_when(parse: Callable[..., _When], raw: object, ctx: ParseContext) -> _When:
    """`parse` (a date or date-time reader of domain.dates) in the project's terms."""
    from pmtui.domain.dates import DateParseError

    try:
        return parse(
            str(raw),
            ctx.today,
            calendar=ctx.calendar,
            date_order=ctx.date_order,
            fiscal_start_month=ctx.fiscal_start_month,
        )
    except DateParseError as error:
        raise FieldError(str(error)) from None


def parse_dates(f: Field, raw: object, ctx: ParseContext) -> list[str]:
    items = _split(raw, separators=";,")
    return sorted({parse_date(f, item, ctx) for item in items})


def parse_datetime(f: Field, raw: object, ctx: ParseContext) -> str:
    if isinstance(raw, datetime):
        return raw.isoformat(timespec="minutes")
    from pmtui.domain import dates

    return _read_when(dates.parse_datetime, raw, ctx).isoformat(timespec="minutes")


_MONEY_SUFFIX = {"k": 1_000.0, "m": 1_000_000.0}


def _number_text(raw: object, what: str) -> float:
    if isinstance(raw, bool):
        raise FieldError(f"{raw!r} is not {what}")
    if isinstance(raw, int | float):
        try:
            value = float(raw)
        except OverflowError:
            raise FieldError(f"{quoted(raw)} is far too large to be {what}") from None
    else:
        text = str(raw).strip().lower().replace("_", "")
        text = re.sub(r"^[a-z€$£¥]{1,3}\s*|\s*[a-z€$£¥]{3}$", "", text)  # currency sign or code
        multiplier = 1.0
        if text[-1:] in _MONEY_SUFFIX:
            multiplier = _MONEY_SUFFIX[text[-1]]
            text = text[:-1]
        text = text.replace(",", "").replace(" ", "")
        try:
            value = float(text) * multiplier
        except ValueError:
            raise FieldError(f"{quoted(raw)} is not {what}") from None
    if not math.isfinite(value):
        raise FieldError(f"{quoted(raw)} is not {what}")
    return value


def _check_range(f: Field, value: float, shown: str) -> None:
    if f.minimum is not None and value < f.minimum:
        raise FieldError(f"{shown} is below the minimum of {plain_number(f.minimum)}")
    if f.maximum is not None and value > f.maximum:
        raise FieldError(f"{shown} is above the maximum of {plain_number(f.maximum)}")


def parse_money(f: Field, raw: object, ctx: ParseContext) -> float:
    value = round(_number_text(raw, "an amount (write 1200, 1,200.50 or 40k)"), 2)
    _check_range(f, value, format_money(value))
    return value


def parse_number(f: Field, raw: object, ctx: ParseContext) -> float | int:
    value = _number_text(raw, "a number")
    _check_range(f, value, plain_number(value))
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def parse_integer(f: Field, raw: object, ctx: ParseContext) -> int:
    value = _number_text(raw, "a whole number")
    if not value.is_integer():
        raise FieldError(f"{quoted(raw)} is not a whole number")
    _check_range(f, value, plain_number(value))
    return int(value)


def parse_percent(f: Field, raw: object, ctx: ParseContext) -> float | int:
    text = str(raw).strip().rstrip("%").strip() if isinstance(raw, str) else raw
    value = _number_text(text, "a percentage (write 8, 8% or 8.5)")
    _check_range(f, value, f"{plain_number(value)} %")
    return int(value) if value.is_integer() else value


def parse_rating(f: Field, raw: object, ctx: ParseContext) -> int:
    low, high = int(f.minimum or 1), int(f.maximum or 5)
    try:
        value = _number_text(raw, "a rating")
    except FieldError:
        raise FieldError(
            f"{quoted(raw)} is not a rating: write a whole number {low}-{high}"
        ) from None
    if not value.is_integer() or not low <= value <= high:
        raise FieldError(f"{quoted(raw)} is not a rating: write a whole number {low}-{high}")
    return int(value)


def parse_duration(f: Field, raw: object, ctx: ParseContext) -> float | int:
    text = str(raw).strip().lower() if isinstance(raw, str) else raw
    multiplier = 1.0
    if isinstance(text, str):
        match = re.fullmatch(r"([0-9.,]+)\s*(wd|d|w|days?|weeks?)?", text)
        if not match:
            raise FieldError(
                f"{quoted(raw)} is not a duration: write working days, e.g. 3, 2.5d, 2w"
            )
        text, unit = match.group(1), match.group(2) or "d"
        multiplier = 5.0 if unit.startswith("w") and unit != "wd" else 1.0
    value = _number_text(text, "a duration in working days") * multiplier
    if value < 0:
        raise FieldError(f"{quoted(raw)} is not a duration: it cannot be negative")
    return int(value) if value.is_integer() else value


def parse_choice(f: Field, raw: object, ctx: ParseContext) -> str:
    text = str(raw).strip().lower()
    exact = [c for c in f.choices if c.lower() == text]
    if exact:
        return exact[0]
    prefixed = [c for c in f.choices if c.lower().startswith(text)]
    if len(prefixed) == 1:
        return prefixed[0]
    raise FieldError(f"{quoted(raw)} is not one of: {', '.join(f.choices)}")


def parse_ref(f: Field, raw: object, ctx: ParseContext) -> str:
    return ctx.resolve(f.target or "", str(raw).strip())


def parse_record(f: Field, raw: object, ctx: ParseContext) -> str:
    """A reference to a record of any table, typed `table:key` (or `table:name`, as any
    reference takes it); stored as `table:key`."""
    text = str(raw).strip()
    table, colon, wanted = text.partition(":")
    table, wanted = table.strip(), wanted.strip()
    if not colon or not table or not wanted:
        raise FieldError(
            f"{quoted(text)} is not a record: write table:key, e.g. risks:R3 or tasks:T12"
        )
    try:
        key = ctx.resolve(table, wanted)
    except KeyError as error:  # no such table: the message names the tables
        said = str(error.args[0]) if error.args else f"no table {quoted(table)}"
        raise FieldError(said) from None
    return f"{table}:{key}"


def _split(raw: object, separators: str) -> list[str]:
    if isinstance(raw, list | tuple):
        return [str(item).strip() for item in raw if str(item).strip()]
    pattern = "[" + re.escape(separators) + "]"
    return [part.strip() for part in re.split(pattern, str(raw)) if part.strip()]


def parse_refs(f: Field, raw: object, ctx: ParseContext) -> list[str]:
    keys: list[str] = []
    for item in _split(raw, separators=";,"):
        key = ctx.resolve(f.target or "", item)
        if key not in keys:
            keys.append(key)
    return keys


def parse_links(f: Field, raw: object, ctx: ParseContext) -> list[str]:
    from pmtui.domain import links as typed_links

    text = "; ".join(str(item) for item in raw) if isinstance(raw, list | tuple) else str(raw)
    try:
        links = typed_links.parse_links(text)
    except typed_links.LinkParseError as error:
        raise FieldError(str(error)) from None
    resolved = []
    for link in links:
        key = ctx.resolve(f.target or "", link.predecessor)
        resolved.append(typed_links.format_links([type(link)(key, link.type, link.lag)]))
    return resolved


_TRUE = {"yes", "y", "true", "t", "1", "x", "on", "done"}
_FALSE = {"no", "n", "false", "f", "0", "off", "-"}


def parse_bool(f: Field, raw: object, ctx: ParseContext) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise FieldError(f"{quoted(raw)} is not yes or no")


def parse_tags(f: Field, raw: object, ctx: ParseContext) -> list[str]:
    tags: list[str] = []
    for item in _split(raw, separators=","):
        if item not in tags:
            tags.append(item)
    return tags


def parse_weekdays(f: Field, raw: object, ctx: ParseContext) -> list[str]:
    days = set()
    for item in _split(raw, separators=",;"):
        name = item.lower()[:3]
        if name not in WEEKDAY_NAMES:
            raise FieldError(f"{quoted(item)} is not a weekday: write mon, tue, ... sun")
        days.add(name)
    return [d for d in WEEKDAY_NAMES if d in days]


def parse_recurrence(f: Field, raw: object, ctx: ParseContext) -> str:
    """The grammar of pmtui.domain.recurrence, stored as its canonical RRULE."""
    from pmtui.domain import recurrence

    text = str(raw).strip()
    try:
        return recurrence.parse(text)
    except recurrence.RecurrenceError:
        raise FieldError(f"{quoted(text)} is not a recurrence: {recurrence.HELP}") from None


_LENGTH = re.compile(
    r"(?:(\d{1,3})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*(?:m|min|mins|minutes?)?)?"
)


def parse_length(f: Field, raw: object, ctx: ParseContext) -> int:
    """A length of clock time: `45m`, `1h30`, `1h`, `1.5h`, `90` (minutes) -> minutes."""
    hint = f"{quoted(raw)} is not a length: write 45m, 1h30, 1h or minutes (90)"
    if isinstance(raw, bool):
        raise FieldError(hint)
    if isinstance(raw, int | float):
        # A number is minutes; one beyond any length (10**400) is refused before float()
        # would overflow on it.
        if abs(raw) > 10**6 or not float(raw).is_integer():
            raise FieldError(hint)
        minutes = int(raw)
    else:
        text = str(raw).strip().lower().replace(" ", "")
        decimal = re.fullmatch(r"(\d{1,3}(?:\.\d+)?)h(?:ours?|rs?)?", text)
        match = _LENGTH.fullmatch(text)
        if decimal:
            exact = float(decimal.group(1)) * 60
            if not exact.is_integer():
                raise FieldError(hint)
            minutes = int(exact)
        elif text and match and (match.group(1) or match.group(2)):
            minutes = int(match.group(1) or 0) * 60 + int(match.group(2) or 0)
        else:
            raise FieldError(hint)
    if minutes <= 0:
        raise FieldError(f"{quoted(raw)} is not a length: it must be at least a minute")
    return minutes

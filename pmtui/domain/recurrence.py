"""Typed recurrences: a small grammar people write, turned into RFC 5545 RRULEs and back,
and a series expanded in its own time zone.

The grammar (case-insensitive; `,` or `and` between days; `every N` counts any unit):

    daily                           FREQ=DAILY
    every 3 days                    FREQ=DAILY;INTERVAL=3
    every weekday                   FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    weekly                          FREQ=WEEKLY            (on the first occurrence's day)
    weekly on mon                   FREQ=WEEKLY;BYDAY=MO
    every 2 weeks on tue, thu       FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH
    monthly                         FREQ=MONTHLY           (on the first occurrence's date)
    monthly on the 15th             FREQ=MONTHLY;BYMONTHDAY=15
    monthly on the last day         FREQ=MONTHLY;BYMONTHDAY=-1
    monthly on the 1st fri          FREQ=MONTHLY;BYDAY=1FR
    monthly on the last fri         FREQ=MONTHLY;BYDAY=-1FR
    first working day of the month  FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1
    last working day of the month   FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1
    quarterly                       FREQ=MONTHLY;INTERVAL=3
    yearly                          FREQ=YEARLY
    FREQ=...                        any RFC 5545 RRULE, kept as written (keys in order)

Older short forms still read: `weekdays`, `weekly mon`, `every 2 weeks tue`, `biweekly`,
`fortnightly`, `annually`, `mon, wed`. `describe` gives the grammar's text for a rule, or
the RRULE itself when the grammar has no words for it; `parse(describe(r)) == r`.

Expansion runs python-dateutil's rrule on LOCAL wall-clock times and attaches the zone
afterwards, so a 09:00 Monday stand-up stays at 09:00 when daylight saving changes (its UTC
offset moves instead). Pure: no store, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from dateutil.rrule import rrule

__all__ = [
    "RecurrenceError",
    "Scheduled",
    "describe",
    "expand",
    "next_after",
    "parse",
    "schedule",
]


class RecurrenceError(ValueError):
    """Text that is not a recurrence; the message says what to write."""


DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CODE_OF = dict(zip(_DAY_NAMES, DAY_CODES, strict=True))
_NAME_OF = dict(zip(DAY_CODES, _DAY_NAMES, strict=True))
_FULL_NAMES = {
    name[:3]: name
    for name in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
}
WORKING_DAYS = "MO,TU,WE,TH,FR"
_UNIT_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_FREQ_UNIT = {freq: unit for unit, freq in _UNIT_FREQ.items()}
_ADVERB = {"DAILY": "daily", "WEEKLY": "weekly", "MONTHLY": "monthly", "YEARLY": "yearly"}
_ALIASES = {
    "weekdays": "every weekday",
    "every working day": "every weekday",
    "biweekly": "every 2 weeks",
    "fortnightly": "every 2 weeks",
    "annually": "yearly",
    "every day": "daily",
    "every week": "weekly",
    "every month": "monthly",
    "every year": "yearly",
}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
#: RRULE parts in the order the canonical string writes them.
_ORDER = (
    "FREQ",
    "INTERVAL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYSETPOS",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "COUNT",
    "UNTIL",
    "WKST",
)

HELP = (
    "write daily, every weekday, weekly on mon, every 2 weeks on tue, thu, monthly on the "
    "1st fri, monthly on the 15th, last working day of the month, quarterly, or FREQ=..."
)


def _fail(text: str, why: str = "") -> RecurrenceError:
    shown = text if len(text) <= 60 else text[:59] + "…"
    return RecurrenceError(f"{shown!r} is not a recurrence{why}: {HELP}")


# ---------------------------------------------------------------- RRULE text


def _parts(rule: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in rule.split(";"):
        name, equals, value = item.partition("=")
        if not equals or not name.strip() or not value.strip():
            raise ValueError(item)
        parts[name.strip().upper()] = value.strip().upper()
    return parts


def _join(parts: Mapping[str, str]) -> str:
    known = [name for name in _ORDER if name in parts]
    rest = sorted(name for name in parts if name not in _ORDER)
    return ";".join(f"{name}={parts[name]}" for name in (*known, *rest))


def _canonical_raw(text: str) -> str:
    body = text.split(":", 1)[1] if text.upper().startswith("RRULE:") else text
    try:
        parts = _parts(body)
    except ValueError:
        raise _fail(text) from None
    if parts.get("INTERVAL") == "1":
        del parts["INTERVAL"]
    if "BYDAY" in parts:
        parts["BYDAY"] = ",".join(_day_code(code) for code in parts["BYDAY"].split(","))
    rule = _join(parts)
    _check(rule, text)
    return rule


def _day_code(code: str) -> str:
    match = re.fullmatch(r"([+-]?\d{1,2})?([A-Z]{2})", code.strip())
    if not match:
        return code.strip()
    number = match.group(1)
    return f"{int(number)}{match.group(2)}" if number else match.group(2)


def _check(rule: str, text: str) -> None:
    from dateutil.rrule import rrulestr

    try:
        rrulestr("RRULE:" + rule, dtstart=datetime(2000, 1, 3, 9, 0))
    except (ValueError, TypeError, KeyError, IndexError):
        raise _fail(text) from None


# ---------------------------------------------------------------- the grammar


def _days(text: str) -> list[str]:
    """'tue, thu' / 'tue and thu' -> ['TU', 'TH'] in week order; ValueError otherwise."""
    words = [w for w in re.split(r"[,\s]+|\band\b", text) if w]
    if not words:
        raise ValueError(text)
    codes = set()
    for word in words:
        name = word[:3]
        if name not in _CODE_OF or not _FULL_NAMES[name].startswith(word):
            raise ValueError(word)
        codes.add(_CODE_OF[name])
    return [code for code in DAY_CODES if code in codes]


def _ordinal(word: str) -> int:
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    match = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)?", word)
    if not match:
        raise ValueError(word)
    return int(match.group(1))


def _suffix(number: int) -> str:
    if number == -1:
        return "last"
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _monthly_on(text: str) -> dict[str, str]:
    """'the 1st fri' / 'the 1st and 3rd tue' / 'the 15th' / 'the last day' -> RRULE parts."""
    words = [w for w in re.split(r"[,\s]+", text.removeprefix("the ").strip()) if w]
    words = [w for w in words if w not in ("and", "the")]
    if not words:
        raise ValueError(text)
    last = words[-1]
    if last[:3] in _CODE_OF and not last[0].isdigit():
        code = _days(last)[0]
        numbers = [_ordinal(w) for w in words[:-1]]
        if not numbers or any(not (-1 <= n <= 5 and n != 0) for n in numbers):
            raise ValueError(text)
        return {"BYDAY": ",".join(f"{n}{code}" for n in sorted(set(numbers), key=_by_order))}
    if last == "day":
        words = words[:-1]
    numbers = [_ordinal(w) for w in words]
    if not numbers or any(not (n == -1 or 1 <= n <= 31) for n in numbers):
        raise ValueError(text)
    return {"BYMONTHDAY": ",".join(str(n) for n in sorted(set(numbers), key=_by_order))}


def _by_order(number: int) -> int:
    return 99 if number < 0 else number


def _grammar(text: str) -> dict[str, str]:
    """The grammar's words -> RRULE parts; ValueError when they are not the grammar."""
    text = _ALIASES.get(text, text)
    working = re.fullmatch(r"(first|last) working day of (the|every) month", text)
    if working:
        position = "1" if working.group(1) == "first" else "-1"
        return {"FREQ": "MONTHLY", "BYDAY": WORKING_DAYS, "BYSETPOS": position}
    if text == "every weekday":
        return {"FREQ": "WEEKLY", "BYDAY": WORKING_DAYS}
    head, _, on = re.sub(r"\s+", " ", text).partition(" on ")
    every = re.fullmatch(r"every (\d+) (day|week|month|year)s?(?: (.+))?", head)
    old_days = ""
    if every:
        parts = {"FREQ": _UNIT_FREQ[every.group(2)]}
        if int(every.group(1)) < 1:
            raise ValueError(text)
        if int(every.group(1)) > 1:
            parts["INTERVAL"] = str(int(every.group(1)))
        old_days = every.group(3) or ""
    else:
        word, _, old_days = head.partition(" ")
        if word == "quarterly":
            parts = {"FREQ": "MONTHLY", "INTERVAL": "3"}
        elif word in _ADVERB.values():
            parts = {"FREQ": next(f for f, a in _ADVERB.items() if a == word)}
        else:  # 'mon, wed': weekly on those days
            return {"FREQ": "WEEKLY", "BYDAY": ",".join(_days(text))}
    if old_days and on:
        raise ValueError(text)
    on = on or old_days
    if not on:
        return parts
    if parts["FREQ"] == "WEEKLY":
        parts["BYDAY"] = ",".join(_days(on))
    elif parts["FREQ"] == "MONTHLY":
        parts.update(_monthly_on(on))
    else:
        raise ValueError(text)
    return parts


def parse(text: str) -> str:
    """Typed recurrence -> its canonical RRULE (no `RRULE:` prefix); RecurrenceError with a
    message saying what to write. Empty text is not a recurrence (a one-off meeting stores
    nothing)."""
    stripped = " ".join(str(text).split())
    lowered = stripped.lower()
    if lowered.startswith(("freq=", "rrule:")):
        return _canonical_raw(stripped)
    try:
        parts = _grammar(lowered)
    except (ValueError, KeyError, IndexError):
        raise _fail(stripped) from None
    rule = _join(parts)
    _check(rule, stripped)
    return rule


def describe(rule: str) -> str:
    """A canonical RRULE in the grammar's words; the RRULE itself when they have none.
    parse(describe(rule)) == rule for every rule `parse` returns."""
    try:
        parts = _parts(rule)
    except ValueError:
        return rule
    words = _words(dict(parts))
    if words is None:
        return rule
    try:
        return words if parse(words) == rule else rule
    except RecurrenceError:
        return rule


def _words(parts: dict[str, str]) -> str | None:
    freq = parts.pop("FREQ", "")
    interval = int(parts.pop("INTERVAL", "1") or 1)
    if freq == "MONTHLY" and parts == {"BYDAY": WORKING_DAYS, "BYSETPOS": "1"} and interval == 1:
        return "first working day of the month"
    if freq == "MONTHLY" and parts == {"BYDAY": WORKING_DAYS, "BYSETPOS": "-1"} and interval == 1:
        return "last working day of the month"
    if freq == "WEEKLY" and interval == 1 and parts == {"BYDAY": WORKING_DAYS}:
        return "every weekday"
    if freq not in _ADVERB:
        return None
    if interval == 1:
        head = _ADVERB[freq]
    elif freq == "MONTHLY" and interval == 3:
        head = "quarterly"
    else:
        head = f"every {interval} {_FREQ_UNIT[freq]}s"
    if not parts:
        return head
    if freq == "WEEKLY" and set(parts) == {"BYDAY"}:
        codes = parts["BYDAY"].split(",")
        if any(code not in _NAME_OF for code in codes):
            return None
        return f"{head} on {', '.join(_NAME_OF[code] for code in codes)}"
    if freq == "MONTHLY" and set(parts) == {"BYMONTHDAY"}:
        numbers = [int(n) for n in parts["BYMONTHDAY"].split(",")]
        said = " and ".join(_suffix(n) for n in numbers)
        return f"{head} on the {said}{' day' if numbers[-1] == -1 else ''}"
    if freq == "MONTHLY" and set(parts) == {"BYDAY"}:
        found = [re.fullmatch(r"(-?\d)([A-Z]{2})", code) for code in parts["BYDAY"].split(",")]
        if not all(found) or len({m.group(2) for m in found if m}) != 1:
            return None
        numbers = [int(m.group(1)) for m in found if m]
        code = found[0].group(2) if found[0] else ""
        return f"{head} on the {' and '.join(_suffix(n) for n in numbers)} {_NAME_OF[code]}"
    return None


# ---------------------------------------------------------------- expansion


@dataclass(frozen=True)
class Scheduled:
    """One occurrence of a series: the series time it stands for (RECURRENCE-ID) and when
    it takes place (the same unless moved); both aware, in the series' zone."""

    scheduled: datetime
    start: datetime
    moved: bool = False


def zone_of(name: str) -> ZoneInfo:
    """The IANA zone `name` (ValueError when there is none such)."""
    try:
        return ZoneInfo(name)
    except Exception as error:  # ZoneInfoNotFoundError, ValueError, IsADirectoryError ...
        raise ValueError(f"{name!r} is not a time zone") from error


def localize(naive: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time in `zone`, aware; a time the clocks skip (02:30 on the spring
    change) lands where the clocks went (03:30)."""
    aware = naive.replace(tzinfo=zone)
    return aware.astimezone(UTC).astimezone(zone)


def _local(value: date | datetime, zone: ZoneInfo, end: bool = False) -> datetime:
    """A window bound as a naive wall-clock time in `zone`: a date is its midnight (the
    midnight after it, for an end), an aware time is converted, a naive one is kept."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(zone).replace(tzinfo=None)
        return value
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time())


def _series(rule: str, start: datetime) -> rrule | None:
    if not rule:
        return None
    from dateutil.rrule import rrulestr

    series = rrulestr("RRULE:" + rule, dtstart=start.replace(tzinfo=None))
    return series  # type: ignore[return-value]


def _naive_set(values: Iterable[datetime], zone: ZoneInfo) -> set[datetime]:
    return {_local(v, zone) for v in values}


def _until_ok(moment: datetime, until: date | None) -> bool:
    return until is None or moment.date() <= until


def expand(
    rule: str,
    start_local: datetime,
    tz: str,
    window_start: date | datetime,
    window_end: date | datetime,
    exdates: Iterable[datetime] = (),
    until: date | None = None,
) -> list[datetime]:
    """The series' times from `window_start` to `window_end` (dates: whole days, the end
    included; datetimes: the end excluded), aware in `tz`, without `exdates` (series times,
    naive local or aware) and none after the date `until`. An empty rule is a one-off."""
    zone = zone_of(tz)
    low, high = _local(window_start, zone), _local(window_end, zone, end=True)
    skipped = _naive_set(exdates, zone)
    first = start_local.replace(tzinfo=None)
    series = _series(rule, first)
    if series is None:
        found = [first] if low <= first < high else []
    else:
        found = [m for m in series.between(low, high, inc=True) if m < high]
    return [localize(m, zone) for m in found if m not in skipped and _until_ok(m, until)]


def next_after(
    rule: str,
    start_local: datetime,
    tz: str,
    after: datetime,
    exdates: Iterable[datetime] = (),
    until: date | None = None,
    inclusive: bool = False,
) -> datetime | None:
    """The first series time after `after` (naive local or aware; at it too when
    `inclusive`), aware in `tz`, skipping `exdates`; None when the series has ended."""
    zone = zone_of(tz)
    moment = _local(after, zone)
    skipped = _naive_set(exdates, zone)
    first = start_local.replace(tzinfo=None)
    series = _series(rule, first)
    if series is None:
        hit = first > moment or (inclusive and first == moment)
        return localize(first, zone) if hit and _until_ok(first, until) else None
    candidate = series.after(moment, inc=inclusive)
    while candidate is not None and candidate in skipped:
        candidate = series.after(candidate, inc=False)
    if candidate is None or not _until_ok(candidate, until):
        return None
    return localize(candidate, zone)


def schedule(
    rule: str,
    start_local: datetime,
    tz: str,
    window_start: date | datetime,
    window_end: date | datetime,
    cancelled: Iterable[datetime] = (),
    moved: Mapping[datetime, datetime] | None = None,
    until: date | None = None,
) -> list[Scheduled]:
    """The occurrences taking place in the window, in order of when they take place: the
    series without `cancelled`, with `moved` (series time -> new local time) at their new
    time; a moved occurrence shows where it now falls, wherever its series time was."""
    zone = zone_of(tz)
    moves = {_local(k, zone): _local(v, zone) for k, v in (moved or {}).items()}
    low, high = _local(window_start, zone), _local(window_end, zone, end=True)
    out: list[Scheduled] = []
    for moment in expand(rule, start_local, tz, window_start, window_end, cancelled, until):
        naive = moment.replace(tzinfo=None)
        if naive not in moves:
            out.append(Scheduled(moment, moment))
    skipped = _naive_set(cancelled, zone)
    for series_time, new_time in moves.items():
        if series_time not in skipped and low <= new_time < high:
            out.append(Scheduled(localize(series_time, zone), localize(new_time, zone), True))
    return sorted(out, key=lambda s: (s.start, s.scheduled))

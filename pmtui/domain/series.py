"""A recurring series expanded in its own time zone: python-dateutil's rrule run on LOCAL
wall-clock times, the zone attached afterwards, so a 09:00 Monday stand-up stays at 09:00
when daylight saving changes (its UTC offset moves instead). Rules are the canonical RRULE
strings of pmtui.domain.recurrence; an empty rule is a one-off. Pure: no store, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from dateutil.rrule import rrule

__all__ = ["Scheduled", "expand", "localize", "next_after", "schedule", "zone_of"]


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


def _series(rule: str, start: datetime, near: datetime | None = None) -> rrule | None:
    """The rule's rrule from `start`; with `near`, from a later time of the same series
    where the rule allows it (see _start_near), so that asking for times from `near` on
    does not walk every time since `start` (a daily stand-up begun two years ago)."""
    if not rule:
        return None
    from dateutil.rrule import rrulestr

    first = start.replace(tzinfo=None)
    if near is not None:
        first = _start_near(rule, first, near)
    series = rrulestr("RRULE:" + rule, dtstart=first)
    return series  # type: ignore[return-value]


#: Days in one period of the rules whose periods are whole days, one per FREQ.
_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7}


def _start_near(rule: str, start: datetime, near: datetime) -> datetime:
    """A start for `rule` that gives the same times as `start` from `near` on, as close
    before `near` as is safe; `start` itself when no such shift is known to be exact.

    A DAILY or WEEKLY rule without COUNT repeats whole periods of INTERVAL days or weeks
    counted from its start (dateutil walks them from DTSTART: the week holding it, then
    every INTERVAL weeks), so moving the start by a whole number of periods keeps every
    later period as it was; the first period from a moved start may be cut short (a
    weekly rule starting mid-week), so the start stays two periods before `near`. COUNT
    counts from the real start, and months and years have no fixed length: those are
    left alone, as is anything that does not read as KEY=VALUE parts."""
    parts: dict[str, str] = {}
    for piece in rule.upper().split(";"):
        name, equals, value = piece.partition("=")
        if not equals:
            return start
        parts[name.strip()] = value.strip()
    unit = _PERIOD_DAYS.get(parts.get("FREQ", ""))
    interval = parts.get("INTERVAL", "1")
    if unit is None or "COUNT" in parts or not interval.isdigit() or int(interval) < 1:
        return start
    period = unit * int(interval)
    periods = ((near - start).days - 2 * period) // period
    if periods <= 0:
        return start
    return start + timedelta(days=periods * period)


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
    series = _series(rule, first, near=low)
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

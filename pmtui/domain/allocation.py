"""People's load per week, load bands, the RACI rule and labour cost: plain values in and out.

Hours follow the scheduling formula work = duration x units: a working day of a person is
capacity_hours / (working weekdays of the calendar) hours, and an assignment at 50 % asks
half of that on each of its working days. Holidays are off for everyone; leave is off for
one person and lowers what that person has available, not what was asked of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pmtui.domain.calendar import WorkCalendar

#: Load bands: under 80 %, 80-100 %, over 100 %; "off" is a week with nothing available
#: and nothing asked (all on leave, all holidays, or no capacity).
UNDER, FULL, OVER, OFF = "under", "full", "over", "off"
BANDS = (UNDER, FULL, OVER, OFF)
FULL_FROM = 0.8
FULL_UP_TO = 1.0
#: Loads are sums of products of decimals; this keeps 0.8 and 1.0 themselves in the full band.
_TOLERANCE = 1e-9
RESPONSIBILITIES = ("R", "A", "C", "I")
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Span:
    """One assignment's claim on a person: `allocation` percent of capacity, start to finish
    (both days included)."""

    key: str
    person: str
    start: date
    finish: date
    allocation: float


@dataclass(frozen=True)
class Absence:
    """A person away from start to finish (both days included)."""

    person: str
    start: date
    finish: date


@dataclass(frozen=True, slots=True)
class WeekLoad:
    """One person's week: hours asked, hours available, their ratio and band, and which
    assignments ask for them."""

    week: date
    assigned_hours: float
    available_hours: float
    #: assigned / available as a fraction (1.12 is 112 %); None when nothing is available.
    load: float | None
    band: str
    spans: tuple[str, ...]
    #: Why `load` is None ("" otherwise).
    why: str = ""


@dataclass(frozen=True)
class RaciEntry:
    """One assignment's letter (or None) for one item (table, key) and one person."""

    key: str
    item: tuple[str, str]
    person: str
    responsibility: str | None


@dataclass(frozen=True)
class RaciViolation:
    """An item that breaks the rule "exactly one A, at least one R", and the assignments
    behind the problem (the extra As)."""

    item: tuple[str, str]
    problem: str
    assignments: tuple[str, ...] = ()
    #: The people holding A when more than one does.
    accountable: tuple[str, ...] = ()
    #: The letters nobody holds: "A", "R" or both.
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class LabourCost:
    """Hours and cost of some assignments; `unpriced` lists people without a rate."""

    hours: float
    cost: float
    unpriced: tuple[str, ...] = ()


# ---------------------------------------------------------------- weeks and bands


def week_of(day: date) -> date:
    """The Monday of the week holding `day` (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def weeks_from(first: date, count: int) -> list[date]:
    """`count` consecutive week starts (Mondays), from the week holding `first`."""
    monday = week_of(first)
    return [monday + WEEK * n for n in range(count)]


def working_weekdays(calendar: WorkCalendar) -> int:
    """Working days in a week without holidays: 5 for Monday-Friday, 7 for all days."""
    return 7 if calendar.all_days else 7 - len(calendar.weekends)


def band_of(load: float | None, asked: bool) -> str:
    """The band of a load; a week with nothing available is over if anything is asked."""
    if load is None:
        return OVER if asked else OFF
    if load > FULL_UP_TO + _TOLERANCE:
        return OVER
    if load < FULL_FROM - _TOLERANCE:
        return UNDER
    return FULL


def shown_percent(load: float | None, band: str) -> int | None:
    """A load as a whole percent that never contradicts its band: rounded up when over
    (100.2 % shows 101), down when under (79.9 % shows 79), to the nearest otherwise."""
    if load is None:
        return None
    if band == OVER:
        return math.ceil(load * 100 - _TOLERANCE)
    if band == UNDER:
        return math.floor(load * 100 + _TOLERANCE)
    return round(load * 100)


def _days(calendar: WorkCalendar, start: date, finish: date) -> int:
    """Working days from start to finish, both included (0 when finish < start)."""
    if finish < start:
        return 0
    return calendar.working_days_between(start, finish + timedelta(days=1))


def _merged(absences: Iterable[Absence]) -> list[tuple[date, date]]:
    """Periods of one person's absences with overlaps joined, so no day counts twice."""
    merged: list[tuple[date, date]] = []
    for absence in sorted(absences, key=lambda a: a.start):
        if absence.finish < absence.start:
            continue
        if merged and absence.start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], absence.finish))
        else:
            merged.append((absence.start, absence.finish))
    return merged


def _week_range(first: date, count: int, start: date, finish: date) -> range:
    """Indexes of the weeks (of `count` from Monday `first`) that [start, finish] touches."""
    low = max(0, (start - first).days // 7)
    high = min(count, (finish - first).days // 7 + 1)
    return range(low, high)


# ---------------------------------------------------------------- load


def load_by_week(
    capacity: Mapping[str, float],
    spans: Sequence[Span],
    absences: Sequence[Absence],
    first_week: date,
    count: int,
    calendar: WorkCalendar,
) -> dict[str, list[WeekLoad]]:
    """Each person's load in `count` weeks from the week holding `first_week`.

    load = sum of allocation-hours / (capacity_hours x share of the week's working days
    not on leave). A partial week counts only the days an assignment covers; overlapping
    assignments add up; leave lowers what is available. `capacity` maps every person to
    hours a week; spans and absences of people not in it are ignored.
    """
    first = week_of(first_week)
    weeks = [first + WEEK * n for n in range(count)]
    sundays = [monday + timedelta(days=6) for monday in weeks]
    working = [
        _days(calendar, monday, sunday) for monday, sunday in zip(weeks, sundays, strict=True)
    ]
    per_week = working_weekdays(calendar)
    asked: dict[str, list[float]] = {person: [0.0] * count for person in capacity}
    keys: dict[str, list[list[str]]] = {person: [[] for _ in weeks] for person in capacity}
    away: dict[str, list[int]] = {person: [0] * count for person in capacity}

    def covered(index: int, start: date, finish: date) -> int:
        # Weeks wholly inside [start, finish] are most of them: their count is known.
        if start <= weeks[index] and finish >= sundays[index]:
            return working[index]
        return _days(calendar, max(start, weeks[index]), min(finish, sundays[index]))

    for span in spans:
        if span.person not in asked or span.finish < span.start:
            continue
        row, named = asked[span.person], keys[span.person]
        for index in _week_range(first, count, span.start, span.finish):
            days = covered(index, span.start, span.finish)
            if days:
                row[index] += span.allocation * days
                named[index].append(span.key)

    by_person: dict[str, list[Absence]] = {}
    for absence in absences:
        by_person.setdefault(absence.person, []).append(absence)
    for person, own in by_person.items():
        if person not in away:
            continue
        row_away = away[person]
        for start, finish in _merged(own):
            for index in _week_range(first, count, start, finish):
                row_away[index] += covered(index, start, finish)

    result: dict[str, list[WeekLoad]] = {}
    for person, hours in capacity.items():
        row, row_away, named = asked[person], away[person], keys[person]
        result[person] = [
            _week_load(weeks[i], working[i], row[i], row_away[i], named[i], hours, per_week)
            for i in range(count)
        ]
    return result


def _week_load(
    monday: date,
    working: int,
    percent_days: float,
    days_away: int,
    spans: list[str],
    capacity_hours: float,
    per_week: int,
) -> WeekLoad:
    """One person's week from its sums: percent x days asked, days away, working days."""
    day_hours = max(0.0, float(capacity_hours)) / per_week
    available_days = working - days_away
    assigned = percent_days / 100 * day_hours
    available = available_days * day_hours
    if available > 0:
        load = assigned / available
        return WeekLoad(monday, assigned, available, load, band_of(load, True), tuple(spans))
    if not working:
        why = "no working days this week"
    elif available_days <= 0:
        why = "on leave all week"
    else:
        why = "no capacity"
    band = band_of(None, percent_days > 0)
    return WeekLoad(monday, assigned, available, None, band, tuple(spans), why)


# ---------------------------------------------------------------- RACI


def raci_violations(
    checked: Sequence[tuple[str, str]], entries: Sequence[RaciEntry]
) -> list[RaciViolation]:
    """Items in `checked` that do not have exactly one A and at least one R, in that order.

    Letters are counted per person: one person holding A twice (two assignments to the
    same item) is still one A.
    """
    accountable: dict[tuple[str, str], dict[str, list[str]]] = {}
    responsible: dict[tuple[str, str], set[str]] = {}
    for entry in entries:
        if entry.responsibility == "A":
            accountable.setdefault(entry.item, {}).setdefault(entry.person, []).append(entry.key)
        elif entry.responsibility == "R":
            responsible.setdefault(entry.item, set()).add(entry.person)
    violations: list[RaciViolation] = []
    for item in checked:
        people = accountable.get(item, {})
        missing = tuple(
            letter
            for letter, held in (("A", bool(people)), ("R", bool(responsible.get(item))))
            if not held
        )
        several = tuple(sorted(people)) if len(people) > 1 else ()
        if not missing and not several:
            continue
        keys = tuple(sorted(key for found in people.values() for key in found)) if several else ()
        violations.append(
            RaciViolation(item, describe_violation(several, missing), keys, several, missing)
        )
    return violations


def describe_violation(accountable: Sequence[str], missing: Sequence[str]) -> str:
    """'no A', '2 As (Ann, Bob)', 'no A, no R'... naming people as given."""
    problems = [f"no {letter}" for letter in missing if letter == "A"]
    if len(accountable) > 1:
        problems.append(f"{len(accountable)} As ({', '.join(accountable)})")
    problems += [f"no {letter}" for letter in missing if letter == "R"]
    return ", ".join(problems)


def next_responsibility(current: str | None) -> str | None:
    """The letter after `current` in the cycle R, A, C, I, none."""
    cycle: list[str | None] = [*RESPONSIBILITIES, None]
    position = cycle.index(current) if current in cycle else len(cycle) - 1
    return cycle[(position + 1) % len(cycle)]


# ---------------------------------------------------------------- labour cost


def span_hours(span: Span, capacity_hours: float, calendar: WorkCalendar) -> float:
    """Hours an assignment asks in all: allocation x hours per working day x working days."""
    day_hours = max(0.0, capacity_hours) / working_weekdays(calendar)
    return span.allocation / 100 * day_hours * _days(calendar, span.start, span.finish)


def labour_cost(
    spans: Sequence[Span],
    capacity: Mapping[str, float],
    rates: Mapping[str, float | None],
    calendar: WorkCalendar,
) -> LabourCost:
    """The hours and cost of `spans` (say, one task's assignments): hours x each person's rate.

    People without a rate add hours but no cost, and are named in `unpriced`.
    """
    hours = cost = 0.0
    unpriced: list[str] = []
    for span in spans:
        spent = span_hours(span, float(capacity.get(span.person, 0.0)), calendar)
        hours += spent
        rate = rates.get(span.person)
        if rate is None:
            if spent and span.person not in unpriced:
                unpriced.append(span.person)
            continue
        cost += spent * rate
    return LabourCost(hours, cost, tuple(unpriced))

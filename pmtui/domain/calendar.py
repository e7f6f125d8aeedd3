"""A project's working calendar: which days are working days, and counting in working days."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# date.toordinal() is 1 for 0001-01-01, a Monday; subtracting 1 gives a day index whose
# remainder modulo 7 is date.weekday(), so weeks can be counted with plain integer maths.
_ORDINAL_SHIFT = 1

CALENDAR_KINDS = ("workdays", "all-days")


@dataclass(frozen=True)
class WorkCalendar:
    """A project's working calendar: weekends and holidays, or all days."""

    weekends: frozenset[int] = frozenset({5, 6})
    holidays: frozenset[date] = frozenset()
    all_days: bool = False

    # Derived once in __post_init__ so that the counting methods are a few integer
    # operations and one bisect each: a large schedule calls them tens of thousands of times.
    _per_week: int = field(init=False, repr=False, compare=False)
    _before_weekday: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _weekday_of_rank: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _closed: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weekends = frozenset(self.weekends)
        holidays = frozenset(self.holidays)
        if any(not isinstance(day, int) or not 0 <= day <= 6 for day in weekends):
            raise ValueError("weekend days are weekday numbers 0 (Monday) to 6 (Sunday)")
        if len(weekends) == 7:
            raise ValueError("a calendar whose weekends cover all seven days has no working days")
        object.__setattr__(self, "weekends", weekends)
        object.__setattr__(self, "holidays", holidays)

        off_days = frozenset() if self.all_days else weekends
        working = [weekday for weekday in range(7) if weekday not in off_days]
        before = [sum(1 for w in working if w < weekday) for weekday in range(8)]
        # Only holidays on working weekdays change any count; the others are already off.
        closed = (
            ()
            if self.all_days
            else tuple(
                sorted(
                    day.toordinal() - _ORDINAL_SHIFT
                    for day in holidays
                    if day.weekday() not in off_days
                )
            )
        )
        object.__setattr__(self, "_per_week", len(working))
        object.__setattr__(self, "_before_weekday", tuple(before))
        object.__setattr__(self, "_weekday_of_rank", tuple(working))
        object.__setattr__(self, "_closed", closed)

    @classmethod
    def from_settings(
        cls, calendar: str, weekends: list[int] | None, holidays: list[str]
    ) -> WorkCalendar:
        """Build the calendar from a project's settings; raise ValueError on a bad setting."""
        if calendar not in CALENDAR_KINDS:
            raise ValueError(f"calendar must be 'workdays' or 'all-days', not {calendar!r}")
        days: set[date] = set()
        for text in holidays:
            try:
                days.add(date.fromisoformat(text.strip()))
            except (ValueError, AttributeError):
                raise ValueError(f"holiday {text!r} is not an ISO date like 2026-12-25") from None
        return cls(
            weekends=frozenset({5, 6} if weekends is None else weekends),
            holidays=frozenset(days),
            all_days=calendar == "all-days",
        )

    def is_working(self, d: date) -> bool:
        """Whether d is a working day."""
        if self.all_days:
            return True
        return d.weekday() not in self.weekends and d not in self.holidays

    def next_working(self, d: date) -> date:
        """The first working day on or after d."""
        if self.is_working(d):
            return d
        return self._nth(self._count_before(d))

    def previous_working(self, d: date) -> date:
        """The last working day on or before d."""
        if self.is_working(d):
            return d
        return self._nth(self._count_before(d) - 1)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after d (before d when n < 0); d itself when n == 0."""
        if n == 0:
            return d
        if n > 0:
            return self._nth(self._count_through(d) + n - 1)
        return self._nth(self._count_before(d) + n)

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in [a, b); negative (minus those in [b, a)) when b < a."""
        return self._count_before(b) - self._count_before(a)

    def date_at(self, start: date, offset: int) -> date:
        """The date of working day `offset`, 0 being next_working(start); negative goes back."""
        return self._nth(self._count_before(start) + offset)

    def offset_of(self, start: date, d: date) -> int:
        """The working-day offset of next_working(d) from start: the inverse of date_at."""
        return self._count_before(d) - self._count_before(start)

    def _count_before(self, d: date) -> int:
        """Working days from 0001-01-01 up to, not including, d."""
        index = d.toordinal() - _ORDINAL_SHIFT
        weeks, weekday = divmod(index, 7)
        return (
            weeks * self._per_week
            + self._before_weekday[weekday]
            - bisect_left(self._closed, index)
        )

    def _count_through(self, d: date) -> int:
        """Working days from 0001-01-01 up to and including d."""
        return self._count_before(d) + (1 if self.is_working(d) else 0)

    def _nth(self, n: int) -> date:
        """Working day number n (0-based) counting from 0001-01-01."""
        closed = self._closed
        per_week = self._per_week
        ranks = self._weekday_of_rank

        def weekday_index(rank: int) -> int:
            # The day index of working weekday number `rank`, holidays not counted.
            weeks, within = divmod(rank, per_week)
            return weeks * 7 + ranks[within]

        # The answer is weekday_index(n + j), j being the holidays before it: the smallest
        # j whose holiday closed[j] lies after weekday_index(n + j). That test is monotonic
        # in j, so bisect for it, starting past the holidays before weekday_index(n).
        low = bisect_right(closed, weekday_index(n))
        high = len(closed)
        while low < high:
            middle = (low + high) // 2
            if closed[middle] > weekday_index(n + middle):
                high = middle
            else:
                low = middle + 1
        index = weekday_index(n + low)
        try:
            return date.fromordinal(index + _ORDINAL_SHIFT)
        except (ValueError, OverflowError):
            raise ValueError("that working day is outside the supported dates") from None


WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def project_calendar(project: Mapping[str, Any]) -> WorkCalendar:
    """The project's working calendar from its settings (weekends, holidays, all-days)."""
    weekends = [WEEKDAY_NAMES.index(d) for d in project.get("weekends", ["sat", "sun"])]
    return WorkCalendar.from_settings(
        str(project.get("calendar") or "workdays"),
        weekends=weekends,
        holidays=list(project.get("holidays") or []),
    )

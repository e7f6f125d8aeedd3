"""People a change put over capacity: compared week by week before and after the change, so
a save that overloads someone (an allocation of 210 %, leave over assigned work) is said,
never silent. Shared by the app's boards and the command line."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from pmtui.context import Context
from pmtui.domain.allocation import OVER, shown_percent, week_of
from pmtui.domain.dates import short_date
from pmtui.domain.links import ScheduleError
from pmtui.planning.plan import PLAN_FIELDS
from pmtui.services.staffing import people_names, shared_staffing

#: Weeks looked at from this week on (two years: any plan a check-in cares about).
WEEKS_AHEAD = 104


@dataclass(frozen=True)
class Overload:
    """One person's week over capacity: the load shown (None when nothing is available
    that week), and whether leave falls in that week."""

    person: str
    name: str
    week: date
    percent: int | None
    on_leave: bool

    def text(self, today: date) -> str:
        """'Chen Wei is over capacity: 210 % in the week of 12-14'."""
        week = short_date(self.week, today)
        if self.percent is None:
            return f"{self.name} is away all the week of {week} with work assigned"
        if self.on_leave:
            return (
                f"{self.name} is on leave over assigned work: {self.percent} % "
                f"in the week of {week}"
            )
        return f"{self.name} is over capacity: {self.percent} % in the week of {week}"


#: What a change must touch to move anyone's load: these tables whole, and of tasks the
#: fields that move its dates (a title, owner or status cannot overload anyone).
LOAD_TABLES = frozenset({"people", "leave", "assignments"})


def may_overload(table: str, fields: Collection[str]) -> bool:
    """Whether changing `fields` of a `table` record can put someone over capacity."""
    if table in LOAD_TABLES:
        return True
    return table == "tasks" and any(name in PLAN_FIELDS for name in fields)


def over_weeks(ctx: Context) -> dict[str, dict[date, Overload]]:
    """Each person's weeks over capacity from this week on (people never over: absent).
    A warning never stops a save: a plan that cannot be scheduled (a stored duration
    beyond the calendar) gives no weeks."""
    try:
        return ctx.model("over-weeks", _over_weeks)
    except (ValueError, OverflowError, ScheduleError):
        return {}


def _over_weeks(ctx: Context) -> dict[str, dict[date, Overload]]:
    staffing = shared_staffing(ctx)
    first = week_of(ctx.today)
    last = max((span.finish for span in staffing.spans), default=first)
    count = min(WEEKS_AHEAD, max(0, (last - first).days // 7 + 1))
    if count == 0:
        return {}
    names = people_names(ctx)
    away: dict[str, list[tuple[date, date]]] = {}
    for absence in staffing.absences:
        away.setdefault(absence.person, []).append((absence.start, absence.finish))
    found: dict[str, dict[date, Overload]] = {}
    for person, weeks in staffing.loads(first, count).items():
        for week in weeks:
            if week.band != OVER:
                continue
            sunday = date.fromordinal(week.week.toordinal() + 6)
            on_leave = any(s <= sunday and f >= week.week for s, f in away.get(person, []))
            shown = shown_percent(week.load, week.band)
            overload = Overload(person, names.get(person, person), week.week, shown, on_leave)
            found.setdefault(person, {})[week.week] = overload
    return found


def _worse(after: Overload, before: Overload | None) -> bool:
    if before is None:
        return True
    if after.percent is None:
        return before.percent is not None
    return before.percent is not None and after.percent > before.percent


def new_overloads(
    before: Mapping[str, Mapping[date, Overload]], after: Mapping[str, Mapping[date, Overload]]
) -> list[Overload]:
    """For each person a change made over capacity, or more over than before, the worst of
    those weeks (away all week first, then the highest load, then the earliest)."""
    found = []
    for person, weeks in after.items():
        old = before.get(person, {})
        worse = [o for week, o in weeks.items() if _worse(o, old.get(week))]
        if worse:
            worse.sort(key=lambda o: (o.percent is not None, -(o.percent or 0), o.week))
            found.append(worse[0])
    return sorted(found, key=lambda o: o.name)


def change_warnings(before: Context, after: Context) -> list[str]:
    """One line per person a change put over capacity (see new_overloads)."""
    found = new_overloads(over_weeks(before), over_weeks(after))
    return [overload.text(after.today) for overload in found]

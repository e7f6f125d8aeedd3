"""People a change left over capacity: a save that overloads someone (an allocation raised,
work added, leave over assigned work, a capacity lowered, a task moved) is said, never
silent. Shared by the app's boards and the command line.

Only the people the change touches are looked at, and only from this week on, so a save
costs a few milliseconds more (the staffing read model is the one the People boards share).
A week is reported when the person is over capacity in it and the change made it worse:
for an assignment, leave or capacity the week's load is compared with the change taken
back; a task's new dates are not compared (the old plan is gone), so a moved task reports
the over-capacity weeks its assignments are in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pmtui.changes import Change
from pmtui.context import Context
from pmtui.domain.allocation import OVER, Absence, Span, load_by_week, shown_percent, week_of
from pmtui.domain.dates import short_date
from pmtui.planning import as_date
from pmtui.services.staffing import Staffing, assignment_span, people_names, shared_staffing

#: Weeks looked at from this week on (two years: any plan a check-in cares about).
WEEKS_AHEAD = 104
#: The fields whose change can move a person's load.
LOAD_FIELDS = {
    "assignments": {"person", "task", "allocation", "start", "finish"},
    "leave": {"person", "from", "to"},
    "people": {"capacity_hours"},
    "tasks": {
        "duration",
        "predecessors",
        "start_no_earlier_than",
        "parent",
        "actual_start",
        "actual_finish",
        "percent_complete",
    },
}


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
        if self.percent is None and self.on_leave:
            return f"{self.name} is away all the week of {week} with work assigned"
        if self.percent is None:  # no capacity, or a week of holidays
            return f"{self.name} has no hours in the week of {week} but has work assigned"
        if self.on_leave:
            return (
                f"{self.name} is on leave over assigned work: {self.percent} % "
                f"in the week of {week}"
            )
        return f"{self.name} is over capacity: {self.percent} % in the week of {week}"


def _moves_load(change: Change) -> bool:
    fields = LOAD_FIELDS.get(change.table)
    if not fields:
        return False
    if change.before is None or change.after is None:
        return True
    return any(change.before.get(f) != change.after.get(f) for f in fields)


def _people_of(change: Change, ctx: Context) -> set[str]:
    records = [r for r in (change.before, change.after) if r is not None]
    if change.table == "people":
        return {str(r["key"]) for r in records}
    if change.table == "tasks":
        keys = {str(r["key"]) for r in records}
        return {str(a.get("person")) for a in ctx.records("assignments") if a.get("task") in keys}
    return {str(r.get("person")) for r in records if r.get("person")}


def _absence(record: Mapping[str, object] | None) -> Absence | None:
    if record is None:
        return None
    start, finish = as_date(record.get("from")), as_date(record.get("to"))
    if start is None or finish is None:
        return None
    return Absence(str(record.get("person")), start, finish)


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _weeks(
    staffing: Staffing,
    person: str,
    capacity: float,
    spans: Sequence[Span],
    absences: Sequence[Absence],
    first: date,
    count: int,
) -> dict[date, tuple[float | None, str]]:
    """The person's weeks over capacity: Monday -> (load, band)."""
    loads = load_by_week({person: capacity}, spans, absences, first, count, staffing.calendar)
    return {w.week: (w.load, w.band) for w in loads[person] if w.band == OVER}


def _worse(after: float | None, before: tuple[float | None, str] | None) -> bool:
    if before is None:
        return True
    if after is None:
        return before[0] is not None
    return before[0] is not None and after > before[0] + 1e-9


def change_overloads(ctx: Context, changes: Iterable[Change]) -> list[Overload]:
    """For each person a change (of this revision, `ctx`) put over capacity or further over,
    the worst such week (away all week first, then the highest load, then the earliest)."""
    moving = [c for c in changes if _moves_load(c)]
    if not moving:
        return []
    people = set().union(*(_people_of(c, ctx) for c in moving))
    staffing = shared_staffing(ctx)
    people &= set(staffing.capacity)
    if not people:
        return []
    first = week_of(ctx.today)
    names = people_names(ctx)
    found = []
    for person in sorted(people):
        overload = _person_overload(ctx, staffing, person, moving, first)
        if overload is not None:
            found.append(replace(overload, name=names.get(person, person)))
    return sorted(found, key=lambda o: o.name)


def _person_overload(
    ctx: Context, staffing: Staffing, person: str, moving: Sequence[Change], first: date
) -> Overload | None:
    spans = [s for s in staffing.spans if s.person == person]
    absences = [a for a in staffing.absences if a.person == person]
    capacity = staffing.capacity[person]
    last = max((s.finish for s in spans), default=first)
    count = min(WEEKS_AHEAD, (last - first).days // 7 + 1)
    if count <= 0 or not spans:
        return None
    # The same person with the change taken back (assignments, leave and capacity).
    old_spans, old_absences, old_capacity = list(spans), list(absences), capacity
    moved_tasks: set[str] = set()
    for change in moving:
        if change.table == "assignments":
            keys = {str(r["key"]) for r in (change.before, change.after) if r is not None}
            old_spans = [s for s in old_spans if s.key not in keys]
            if change.before is not None and str(change.before.get("person")) == person:
                span = assignment_span(change.before, staffing.task_dates)
                old_spans += [span] if span is not None else []
        elif change.table == "leave":
            new, old = _absence(change.after), _absence(change.before)
            old_absences = [a for a in old_absences if a != new] if new else old_absences
            old_absences += [old] if old is not None and old.person == person else []
        elif change.table == "people" and change.before is not None:
            if str(change.before.get("key")) == person:
                old_capacity = _number(change.before.get("capacity_hours"))
        elif change.table == "tasks":
            moved_tasks |= {str(r["key"]) for r in (change.before, change.after) if r is not None}
    after = _weeks(staffing, person, capacity, spans, absences, first, count)
    before = _weeks(staffing, person, old_capacity, old_spans, old_absences, first, count)
    moved_spans = _spans_of_tasks(ctx, moved_tasks, spans)
    worse = [
        week
        for week, (load, _) in after.items()
        if _worse(load, before.get(week)) or _touches(moved_spans, week)
    ]
    if not worse:
        return None
    worse.sort(key=lambda w: (after[w][0] is not None, -(after[w][0] or 0), w))
    week = worse[0]
    load, band = after[week]
    sunday = week + timedelta(days=6)
    on_leave = any(a.start <= sunday and a.finish >= week for a in absences)
    return Overload(person, person, week, shown_percent(load, band), on_leave)


def _spans_of_tasks(ctx: Context, tasks: set[str], spans: Sequence[Span]) -> list[Span]:
    if not tasks:
        return []
    keys = {str(a["key"]) for a in ctx.records("assignments") if a.get("task") in tasks}
    return [s for s in spans if s.key in keys]


def _touches(spans: Sequence[Span], week: date) -> bool:
    sunday = week + timedelta(days=6)
    return any(s.start <= sunday and s.finish >= week for s in spans)

"""The People boards' reading of staffing records, shared with Today and Money.

It turns records into the allocation domain's plain values: an assignment without dates
takes its task's planned dates; one on a milestone or deliverable without dates is a RACI
entry only and asks for no hours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pmtui import planning
from pmtui.context import Context
from pmtui.domain.allocation import (
    Absence,
    LabourCost,
    RaciEntry,
    RaciViolation,
    Span,
    WeekLoad,
    labour_cost,
    load_by_week,
    raci_violations,
)
from pmtui.domain.calendar import WorkCalendar
from pmtui.domain.links import ScheduleError
from pmtui.planning import as_date
from pmtui.records.staffing import TARGETS
from pmtui.schema import Reader, record_labels

# ---------------------------------------------------------------- reading for the boards


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def assignment_item(record: Mapping[str, Any]) -> tuple[str, str] | None:
    """(table, key) of what an assignment is for."""
    for name, table in TARGETS.items():
        if record.get(name):
            return table, str(record[name])
    return None


@dataclass(frozen=True)
class Staffing:
    """The people's side of the project as the allocation domain reads it."""

    calendar: WorkCalendar
    capacity: dict[str, float]
    rates: dict[str, float | None]
    #: Every assignment with an allocation and dates (its own, else its task's plan).
    spans: list[Span]
    absences: list[Absence]
    #: Planned (start, finish) of every task the plan could date.
    task_dates: dict[str, tuple[date, date]]

    def loads(self, first_week: date, count: int) -> dict[str, list[WeekLoad]]:
        """Each person's load in `count` weeks from the week of `first_week`."""
        return load_by_week(
            self.capacity, self.spans, self.absences, first_week, count, self.calendar
        )


def _task_dates(
    reader: Reader, project: Mapping[str, Any], today: date
) -> dict[str, tuple[date, date]]:
    try:
        if isinstance(reader, Context):  # the revision's shared plan
            plan = planning.shared_plan(reader)
        else:
            plan = planning.build_plan(reader.records("tasks"), project, today)
    except (ScheduleError, KeyError):
        return {}
    return {task.key: (task.start, task.finish) for task in plan.tasks}


def assignment_span(
    record: Mapping[str, Any], task_dates: Mapping[str, tuple[date, date]]
) -> Span | None:
    """An assignment as a dated claim on its person, or None (no allocation or no dates)."""
    allocation = _number(record.get("allocation"))
    if not allocation:
        return None
    planned = task_dates.get(str(record.get("task") or ""))
    start = as_date(record.get("start")) or (planned[0] if planned else None)
    finish = as_date(record.get("finish")) or (planned[1] if planned else None)
    if start is None or finish is None or finish < start:
        return None
    return Span(str(record["key"]), str(record.get("person")), start, finish, allocation)


def shared_staffing(ctx: Context) -> Staffing:
    """People, leave and assignments of this revision of the file, read once and shared by
    every board and command until the file changes."""
    return ctx.model("staffing", lambda ctx: staffing_of(ctx, ctx.project, ctx.today))


def staffing_of(reader: Reader, project: Mapping[str, Any], today: date) -> Staffing:
    """Read people, leave and assignments once, for loads, costs and the boards."""
    people = reader.records("people")
    task_dates = _task_dates(reader, project, today)
    spans = [
        span
        for record in reader.records("assignments")
        if (span := assignment_span(record, task_dates)) is not None
    ]
    absences = [
        Absence(str(r.get("person")), start, finish)
        for r in reader.records("leave")
        if (start := as_date(r.get("from"))) and (finish := as_date(r.get("to")))
    ]
    return Staffing(
        calendar=planning.project_calendar(project),
        capacity={str(p["key"]): _number(p.get("capacity_hours")) or 0.0 for p in people},
        rates={str(p["key"]): _number(p.get("rate")) for p in people},
        spans=spans,
        absences=absences,
        task_dates=task_dates,
    )


def raci_of(reader: Reader) -> tuple[list[RaciEntry], list[RaciViolation]]:
    """Every assignment's RACI entry, and the items breaking "one A, at least one R": every
    deliverable, and every task that has an assignment."""
    entries: list[RaciEntry] = []
    assigned_tasks: set[str] = set()
    for record in reader.records("assignments"):
        item = assignment_item(record)
        if item is None:
            continue
        if item[0] == "tasks":
            assigned_tasks.add(item[1])
        letter = record.get("responsibility")
        entries.append(
            RaciEntry(str(record["key"]), item, str(record.get("person")), letter or None)
        )
    checked = [("deliverables", str(d["key"])) for d in reader.records("deliverables")]
    checked += [
        ("tasks", str(t["key"])) for t in reader.records("tasks") if t["key"] in assigned_tasks
    ]
    return entries, raci_violations(checked, entries)


def task_labour_costs(
    reader: Reader, project: Mapping[str, Any], today: date
) -> dict[str, LabourCost]:
    """Labour cost per task key: the hours its assignments ask, times each person's rate."""
    staffing = staffing_of(reader, project, today)
    task_of = {
        str(r["key"]): str(r["task"]) for r in reader.records("assignments") if r.get("task")
    }
    by_task: dict[str, list[Span]] = {}
    for span in staffing.spans:
        if span.key in task_of:
            by_task.setdefault(task_of[span.key], []).append(span)
    return {
        task: labour_cost(spans, staffing.capacity, staffing.rates, staffing.calendar)
        for task, spans in by_task.items()
    }


@dataclass(frozen=True)
class FollowUp:
    """A performance note's follow-up as others may show it: who and when, never the note."""

    note: str
    person: str
    title: str
    due: date


def follow_ups(reader: Reader, until: date) -> list[FollowUp]:
    """Follow-ups not done and due on or before `until`, oldest first, titled "follow up with
    NAME" so that the private text never leaves the notes board."""
    names = people_names(reader)
    found = []
    for note in reader.records("notes"):
        due = as_date(note.get("follow_up"))
        if due is None or due > until or note.get("follow_up_done"):
            continue
        person = str(note.get("person"))
        name = names.get(person, person)
        found.append(FollowUp(str(note["key"]), person, f"follow up with {name}", due))
    return sorted(found, key=lambda f: (f.due, f.note))


def people_names(reader: Reader) -> dict[str, str]:
    """Person key -> name (the key when the person has none; "name (key)" where two
    share a name)."""
    return record_labels(reader.records("people"), "name")


def item_label(reader: Reader, item: tuple[str, str] | None) -> str:
    """'T14 Bank and CRM interfaces': what an assignment is for, as people read it."""
    if item is None:
        return ""
    record = reader.get(*item)
    title = str(record.get("title") or "") if record else "(deleted)"
    return f"{item[1]} {title}".strip()


def follow_up_text(note: Mapping[str, Any], today: str) -> str:
    """A note's follow-up in a narrow column: '12-08' while open ('12-08!' once due on
    `today`, an ISO date), '✓' when done, '' when there is none."""
    due = str(note.get("follow_up") or "")
    if not due:
        return ""
    if note.get("follow_up_done"):
        return "✓"
    return due[5:] + ("!" if due <= today else "")

"""Who works on what: leave, assignments (allocation and RACI) and private performance notes,
and the reading of them that the People boards, Today and Money share.

The reading turns records into the allocation domain's plain values: an assignment without
dates takes its task's planned dates; one on a milestone or deliverable without dates is a
RACI entry only and asks for no hours.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pmtui import planning
from pmtui.domain.allocation import (
    RESPONSIBILITIES,
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
from pmtui.generate import FIXERS, REF_FIXERS
from pmtui.schema import Field, Kind, Reader, RecordType, register

Record = dict[str, Any]

#: The things an assignment can be for: field name -> table.
TARGETS = {"task": "tasks", "milestone": "milestones", "deliverable": "deliverables"}
NOTE_KINDS = ("praise", "concern", "goal", "one-to-one", "feedback given")


# ---------------------------------------------------------------- rules within one record


def _leave_check(record: Record) -> dict[str, str]:
    start, finish = record.get("from"), record.get("to")
    if start and finish and finish < start:
        return {"to": f"{finish} is before the first day away, {start}"}
    return {}


def _assignment_check(record: Record) -> dict[str, str]:
    chosen = [name for name in TARGETS if record.get(name)]
    if not chosen:
        return {"task": "give the task, milestone or deliverable the person is assigned to"}
    if len(chosen) > 1:
        return {chosen[1]: f"an assignment is for one thing; {chosen[0]} is already given"}
    start, finish = record.get("start"), record.get("finish")
    if start and finish and finish < start:
        return {"finish": f"{finish} is before the start {start}"}
    return {}


# ---------------------------------------------------------------- declarations

LEAVE = register(
    RecordType(
        table="leave",
        singular="leave",
        key_prefix="LV",
        label_field="note",
        board="people.leave",
        help="Days a person is away; they lower what the person has available that week.",
        check=_leave_check,
        fields=(
            Field(
                "person",
                Kind.REF,
                target="people",
                owner=True,
                required=True,
                width=18,
                help="Who is away (key or name).",
            ),
            Field("from", Kind.DATE, required=True, width=10, help="The first day away."),
            Field("to", Kind.DATE, required=True, width=10, help="The last day away."),
            Field("note", Kind.TEXT, width=30, help="e.g. holiday, training, parental leave."),
        ),
    )
)

ASSIGNMENTS = register(
    RecordType(
        table="assignments",
        singular="assignment",
        key_prefix="AS",
        label_field="person",
        board="people.allocation",
        help="A person on one task, milestone or deliverable: a share of their capacity over "
        "some dates, and their RACI letter.",
        check=_assignment_check,
        fields=(
            Field(
                "person",
                Kind.REF,
                target="people",
                required=True,
                width=14,
                help="Who is assigned (key or name).",
            ),
            Field("task", Kind.REF, target="tasks", width=6, help="The task (key or title)."),
            Field(
                "milestone",
                Kind.REF,
                target="milestones",
                width=6,
                help="Or the milestone (key or title).",
            ),
            Field(
                "deliverable",
                Kind.REF,
                target="deliverables",
                width=6,
                help="Or the deliverable (key or title).",
            ),
            Field(
                "allocation",
                Kind.PERCENT,
                minimum=0,
                maximum=100,
                width=6,
                label="Alloc",
                help="Share of the person's weekly capacity (0-100); empty for a RACI role "
                "without hours.",
            ),
            Field(
                "start",
                Kind.DATE,
                width=10,
                help="First day; empty means the task's planned start.",
            ),
            Field(
                "finish",
                Kind.DATE,
                width=10,
                help="Last day; empty means the task's planned finish.",
            ),
            Field(
                "responsibility",
                Kind.CHOICE,
                choices=RESPONSIBILITIES,
                width=4,
                label="RACI",
                help="R does the work, A answers for it (one per item), C is consulted, "
                "I is informed.",
            ),
        ),
    )
)

NOTES = register(
    RecordType(
        table="notes",
        singular="note",
        key_prefix="N",
        label_field="kind",
        private=True,
        board="people.notes",
        help="Performance notes about a person: HR data, never in reports, exported only "
        "with --include-private, their text kept out of the activity log.",
        fields=(
            Field(
                "person",
                Kind.REF,
                target="people",
                required=True,
                width=14,
                help="Who the note is about (key or name).",
            ),
            Field(
                "date",
                Kind.DATE,
                required=True,
                default=lambda ctx: ctx.today.isoformat(),
                width=10,
                help="When it happened.",
            ),
            Field(
                "kind",
                Kind.CHOICE,
                choices=NOTE_KINDS,
                required=True,
                default="one-to-one",
                width=9,
                help="One of: " + ", ".join(NOTE_KINDS) + ".",
            ),
            Field("text", Kind.LONG_TEXT, required=True, width=34, help="What was said or seen."),
            Field("tags", Kind.TAGS, width=0, help="Tags, comma-separated."),
            Field(
                "follow_up",
                Kind.DATE,
                width=10,
                help="When to follow up; Today lists it as 'follow up with NAME'.",
            ),
            Field(
                "follow_up_done",
                Kind.BOOL,
                default=False,
                width=4,
                label="Done",
                help="Whether the follow-up happened.",
            ),
        ),
    )
)


# ---------------------------------------------------------------- test data that obeys the rules


def _fix_leave(row: dict[str, str], rng: random.Random) -> None:
    row["from"], row["to"] = "2026-07-06", "2026-07-17"


def _fix_assignment(row: dict[str, str], rng: random.Random) -> None:
    if "start" in row and "finish" in row:
        row["start"], row["finish"] = "2026-03-02", "2026-04-30"


def _fix_assignment_target(
    row: dict[str, str], rng: random.Random, refs: Mapping[str, list[str]], index: int
) -> None:
    for name in TARGETS:
        row.pop(name, None)
    available = [name for name, table in TARGETS.items() if refs.get(table)]
    if available:
        name = rng.choice(available)
        row[name] = rng.choice(refs[TARGETS[name]])


FIXERS.update(leave=_fix_leave, assignments=_fix_assignment)
REF_FIXERS.update(assignments=_fix_assignment_target)


# ---------------------------------------------------------------- reading for the boards


def _as_date(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


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
        plan = planning.build_plan(reader.records("tasks"), project, today)
    except ScheduleError:
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
    start = _as_date(record.get("start")) or (planned[0] if planned else None)
    finish = _as_date(record.get("finish")) or (planned[1] if planned else None)
    if start is None or finish is None or finish < start:
        return None
    return Span(str(record["key"]), str(record.get("person")), start, finish, allocation)


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
        if (start := _as_date(r.get("from"))) and (finish := _as_date(r.get("to")))
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
        due = _as_date(note.get("follow_up"))
        if due is None or due > until or note.get("follow_up_done"):
            continue
        person = str(note.get("person"))
        name = names.get(person, person)
        found.append(FollowUp(str(note["key"]), person, f"follow up with {name}", due))
    return sorted(found, key=lambda f: (f.due, f.note))


def people_names(reader: Reader) -> dict[str, str]:
    """Person key -> name (the key when the person has none)."""
    return {str(p["key"]): str(p.get("name") or p["key"]) for p in reader.records("people")}


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

"""Plans from other tools (GanttProject, MS Project XML) brought into a project, all or nothing.

A reader (gantt.py, mspdi.py) turns a file into a PlanFile: tasks, people, assignments,
leave and the calendar, each item with the file's own id and where it stands in the file.
apply_plan checks the plan as a whole (links to tasks that exist, no cycle), gives its
tasks new keys, matches people by name, holds the file's start dates, and stages it all as
one transaction through the ordinary import path (import_tables), so every field is
parsed and checked as any import's is.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pmtui.domain.calendar import WEEKDAY_NAMES, WorkCalendar
from pmtui.domain.links import Link, LinkType, ScheduleError, build_network, format_links
from pmtui.domain.schedule import EPSILON, TaskInput
from pmtui.kinds import project_calendar
from pmtui.store import Change, RecordInvalid, Store
from pmtui.store.references import ref_keys
from pmtui.tables import record_type, referrers
from pmtui.transfer.importing import ImportResult, import_tables
from pmtui.transfer.reading import ImportProblem, Row, TableRows

Record = dict[str, Any]
#: The tables a plan import writes besides the project, in the order the report lists them.
_TABLES = ("tasks", "people", "assignments", "leave")
#: How many tasks that start later than the file says the report names one by one.
_NOTES_SHOWN = 10


@dataclass
class PlanLink:
    """A dependency on the predecessor with the file's id `task`; lag in working days."""

    task: str
    type: LinkType = "FS"
    lag: float = 0.0


@dataclass
class PlanTask:
    """One task as the file has it; `ref` is the file's id, `where` names it in messages."""

    ref: str
    title: str
    where: str
    parent: str | None = None
    duration: float = 0.0
    start: date | None = None
    #: The file's start is at the end of that working day (MS Project's 17:00 milestone
    #: after its predecessor): the same instant as the next working day's start.
    starts_at_day_end: bool = False
    percent: float | None = None
    links: list[PlanLink] = field(default_factory=list)
    start_no_earlier_than: date | None = None
    notes: str | None = None


@dataclass
class PlanPerson:
    """One resource; its rate per hour."""

    ref: str
    name: str
    where: str
    role: str | None = None
    rate: float | None = None
    email: str | None = None


@dataclass
class PlanAssignment:
    """A resource on a task: allocation in percent, RACI letter if the file says one."""

    task: str
    person: str
    where: str
    allocation: float | None = None
    responsibility: str | None = None


@dataclass
class PlanLeave:
    """Days a resource is away (both days included)."""

    person: str
    first: date
    last: date
    where: str


@dataclass
class PlanFile:
    """What a plan file holds, in pmtui's terms, and what its reader left out and why."""

    source: str
    kind: str
    start: date | None = None
    weekends: list[str] | None = None
    holidays: list[date] = field(default_factory=list)
    tasks: list[PlanTask] = field(default_factory=list)
    people: list[PlanPerson] = field(default_factory=list)
    assignments: list[PlanAssignment] = field(default_factory=list)
    leave: list[PlanLeave] = field(default_factory=list)
    #: table -> what was left out and why, one line each.
    skipped: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, table: str, reason: str) -> None:
        """Note one thing the reader left out of `table` (once, however often it is met)."""
        reasons = self.skipped.setdefault(table, [])
        if reason not in reasons:
            reasons.append(reason)


@dataclass
class PlanImport:
    """What an import brought in, table by table, and what it left out."""

    source: str
    kind: str
    added: dict[str, int] = field(default_factory=dict)
    #: The keys the new tasks and people got.
    keys: dict[str, list[str]] = field(default_factory=dict)
    matched: list[str] = field(default_factory=list)
    deleted: dict[str, int] = field(default_factory=dict)
    project: dict[str, object] = field(default_factory=dict)
    skipped: dict[str, list[str]] = field(default_factory=dict)
    #: Tasks whose planned start here differs from the file's: (key, file's, here).
    moved: list[tuple[str, date, date]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report, one line per table, as `pmtui import` prints it."""
        out = [f"imported {self.source} ({self.kind}):"]
        if self.project:
            settings = ", ".join(f"{name} {_shown(value)}" for name, value in self.project.items())
            out.append(f"  project: set {settings}")
        for table in _TABLES:
            keys = self.keys.get(table, [])
            text = f"  {table}: {self.added.get(table, 0)} added"
            if keys:
                text += f" ({_key_span(keys)})"
            if table == "people" and self.matched:
                text += f", {len(self.matched)} matched by name ({', '.join(self.matched)})"
            if self.deleted.get(table):
                text += f", {self.deleted[table]} deleted (--replace)"
            reasons = self.skipped.get(table, [])
            if reasons:
                text += f"; skipped {len(reasons)}: " + "; ".join(reasons)
            out.append(text)
        for table, reasons in self.skipped.items():
            if table not in _TABLES:
                out.append(f"  {table}: skipped {len(reasons)}: " + "; ".join(reasons))
        for key, wanted, got in self.moved[:_NOTES_SHOWN]:
            out.append(f"  note: {key} starts {got} here, the file says {wanted}")
        if len(self.moved) > _NOTES_SHOWN:
            more = len(self.moved) - _NOTES_SHOWN
            out.append(f"  note: {more} more tasks start later here than the file says")
        return out


def _shown(value: object) -> str:
    if isinstance(value, list) and len(value) > 4:
        return f"{len(value)} days ({_shown(value[0])} to {_shown(value[-1])})"
    if isinstance(value, list):
        return ", ".join(_shown(v) for v in value) if value else "(none)"
    return value.isoformat() if isinstance(value, date) else str(value)


def _key_span(keys: Sequence[str]) -> str:
    if len(keys) <= 3:
        return ", ".join(keys)
    return f"{keys[0]}-{keys[-1]}"


# ---------------------------------------------------------------- checking the plan


def _problem(plan: PlanFile, where: str, reason: str, column: str | None = None) -> ImportProblem:
    problem = ImportProblem(plan.source, f"{where}{', ' + column if column else ''}: {reason}")
    problem.column = column
    return problem


def check_plan(plan: PlanFile) -> None:
    """Ids unique, parents and predecessors known, no cycle (ImportProblem naming elements)."""
    tasks: dict[str, PlanTask] = {}
    for task in plan.tasks:
        if task.ref in tasks:
            reason = f"the id {task.ref} is also {tasks[task.ref].where}"
            raise _problem(plan, task.where, reason)
        tasks[task.ref] = task
    for task in plan.tasks:
        if task.parent is not None and task.parent not in tasks:
            raise _problem(plan, task.where, f"its parent {task.parent} is not a task", "parent")
        for link in task.links:
            if link.task not in tasks:
                reason = f"links to task {link.task}, which the file does not hold"
                raise _problem(plan, task.where, reason, "link")
    people: dict[str, PlanPerson] = {}
    for person in plan.people:
        if person.ref in people:
            reason = f"the id {person.ref} is also {people[person.ref].where}"
            raise _problem(plan, person.where, reason)
        people[person.ref] = person
    for item in plan.assignments:
        if item.task not in tasks:
            raise _problem(
                plan, item.where, f"names task {item.task}, which the file does not hold"
            )
        if item.person not in people:
            reason = f"names resource {item.person}, which the file does not hold"
            raise _problem(plan, item.where, reason)
    try:
        build_network(_inputs(plan.tasks, {}))
    except ScheduleError as error:
        named = [tasks[key].where for key in error.keys if key in tasks]
        text = str(error)
        if "cycle" in text and named:
            named.append(named[0])
        names = " -> ".join(named)
        if text.startswith("cycle"):
            reason = f"the links form a cycle: {names}"
        elif text.startswith("parent cycle"):
            reason = f"the outline forms a cycle: {names}"
        elif "one contains the other" in text and len(named) == 2:
            reason = f"{named[1]} cannot depend on {named[0]}: one contains the other"
        else:
            reason = f"{text} ({names})"
        raise ImportProblem(plan.source, reason) from None


def _inputs(tasks: Sequence[PlanTask], floors: dict[str, float]) -> list[TaskInput]:
    return [
        TaskInput(
            task.ref,
            task.duration,
            tuple(Link(link.task, link.type, link.lag) for link in task.links),
            task.parent,
            floors.get(task.ref),
        )
        for task in tasks
    ]


def hold_dates(
    tasks: Sequence[PlanTask], calendar: WorkCalendar, start: date
) -> tuple[dict[str, date], list[tuple[str, date, date]]]:
    """Start-no-earlier-than dates that make the network give the file's start dates.

    One forward pass of the critical path method in topological order: a leaf that its
    links and constraints would start before the file's date gets that date as its
    constraint (only where needed, so a plan whose links explain its dates gets none).
    Returns the constraints (the file's own ones included) and the tasks that still start
    later than the file says (ref, file's date, date here): links, lags or a calendar that
    disagree with the file's dates.
    """
    first = calendar.next_working(start)

    def offset(day: date) -> float:
        return float(calendar.offset_of(first, day))

    constraints = {
        t.ref: t.start_no_earlier_than for t in tasks if t.start_no_earlier_than is not None
    }
    network = build_network(_inputs(tasks, {k: offset(v) for k, v in constraints.items()}))
    by_ref = {t.ref: t for t in tasks}
    es = [0.0] * len(network.keys)
    ef = [0.0] * len(network.keys)
    later: list[tuple[str, date, date]] = []
    for v in network.order:
        begin = network.floors[v]
        for e in network.preds[v]:
            base = es[e.node] if e.from_start else ef[e.node]
            begin = max(begin, base + e.lag - (network.durations[v] if e.to_finish else 0.0))
        task = by_ref[network.keys[v]]
        if not network.virtual[v] and task.start is not None:
            wanted = offset(task.start)
            if task.starts_at_day_end and calendar.is_working(task.start):
                wanted += 1
            if math.floor(begin + EPSILON) < wanted:
                begin = wanted
                constraints[task.ref] = calendar.date_at(first, int(wanted))
            elif math.floor(begin + EPSILON) > wanted:
                here = calendar.date_at(first, math.floor(begin + EPSILON))
                later.append((task.ref, task.start, here))
        es[v] = begin
        ef[v] = begin + network.durations[v]
    return constraints, later


# ---------------------------------------------------------------- applying it


def _numbered(store: Store, table: str, count: int) -> list[str]:
    """`count` fresh keys after the highest of the table (keys are never reused)."""
    first = store.next_key(table)
    prefix = record_type(table).key_prefix
    number = int(first[len(prefix) :])
    return [f"{prefix}{number + i}" for i in range(count)]


def _name(text: str) -> str:
    return " ".join(text.split()).casefold()


def _refuse_replace(store: Store, plan: PlanFile, doomed: set[str]) -> None:
    """--replace deletes the tasks and the assignments on them; anything else that refers
    to a task (a milestone, an expense ...) keeps the plan from being replaced."""
    for rt, f in referrers("tasks"):
        if rt.table in ("tasks", "assignments"):
            continue
        for record in store.records(rt.table):
            hit = doomed.intersection(ref_keys(f, record.get(f.name)))
            if hit:
                raise ImportProblem(
                    plan.source,
                    f"--replace would delete task {sorted(hit)[0]}, to which {rt.table} "
                    f"{record['key']} refers ({f.name}); unlink it first; nothing was changed",
                )


def apply_plan(store: Store, plan: PlanFile, *, replace: bool = False) -> PlanImport:
    """Bring the plan into the project as one change (one undo step), or change nothing.

    Into a project without tasks (or with --replace) the project's start, weekends and
    holidays come from the file; else they stay and the plan's tasks are added under new
    keys. People are matched by name (case and spacing ignored), never duplicated.
    """
    check_plan(plan)
    result = PlanImport(
        plan.source, plan.kind, skipped={k: list(v) for k, v in plan.skipped.items()}
    )
    where: dict[tuple[str, int], str] = {}
    by_key: dict[str, str] = {}
    label = f"import {plan.source}"
    try:
        # Keys are chosen inside the transaction: it reloads the file if another session
        # saved meanwhile, so a new key can never be one that session just added.
        with store.transaction(label):
            outcome = _stage_plan(store, plan, result, where, by_key, replace, label)
    except ImportProblem as error:
        if error.table is None or error.row is None:
            raise
        place = where.get((error.table, error.row), f"{error.table} {error.row}")
        raise _problem(plan, place, error.reason, error.column) from None
    except RecordInvalid as error:
        place = by_key.get(f"{error.table}/{error.key}", f"{error.table} {error.key}")
        name, reason = next(iter(error.errors.items()), ("", "is invalid"))
        raise _problem(plan, place, reason, name or None) from None
    result.added = {table: outcome.added.get(table, 0) for table in _TABLES}
    return result


def _stage_plan(
    store: Store,
    plan: PlanFile,
    result: PlanImport,
    where: dict[tuple[str, int], str],
    by_key: dict[str, str],
    replace: bool,
    label: str,
) -> ImportResult:
    """Stage the plan in the open transaction; `where` and `by_key` learn, for messages,
    which element each staged row and key came from."""
    existing = store.records("tasks")
    project = store.require("project", str(store.records("project")[0]["key"]))
    fresh = replace or not existing
    settings: Record = {}
    if fresh:
        # The file's project start, or its first task's start if that is earlier.
        starts = [day for day in [plan.start, *(t.start for t in plan.tasks)] if day]
        start = min(starts, default=None)
        if start is not None:
            settings["start"] = start
        settings["calendar"] = "workdays"
        if plan.weekends is not None:
            settings["weekends"] = plan.weekends
        settings["holidays"] = sorted(set(plan.holidays))
    merged = {**project, **{k: _stored(v) for k, v in settings.items()}}
    calendar = project_calendar(merged)
    start = date.fromisoformat(str(merged["start"]))

    keys = dict(
        zip((t.ref for t in plan.tasks), _numbered(store, "tasks", len(plan.tasks)), strict=True)
    )
    constraints, later = hold_dates(plan.tasks, calendar, start)
    result.moved = [(keys[ref], wanted, got) for ref, wanted, got in later]

    people_by_name = {
        _name(str(p.get("name") or "")): str(p["key"]) for p in store.records("people")
    }
    known = set(people_by_name.values())
    person_keys: dict[str, str] = {}
    new_people: list[PlanPerson] = []
    fresh_people = iter(_numbered(store, "people", len(plan.people)))
    for person in plan.people:
        name = _name(person.name)
        key = people_by_name.get(name)
        if key is None:
            key = people_by_name[name] = next(fresh_people)
            new_people.append(person)
        elif key in known:
            if person.name.strip() not in result.matched:
                result.matched.append(person.name.strip())
        else:
            result.skipped.setdefault("people", []).append(
                f"{person.where}: same name as another resource of the file; taken as one"
            )
        person_keys[person.ref] = key

    def rows(table: str, items: Sequence[tuple[str, Record]]) -> TableRows:
        out = []
        for number, (place, values) in enumerate(items, start=1):
            where[(table, number)] = place
            if "key" in values:
                by_key[f"{table}/{values['key']}"] = place
            out.append(Row(number, {k: v for k, v in values.items() if v is not None}))
        return TableRows(table, out, json_records=True)

    task_rows: list[tuple[str, Record]] = []
    parents = {t.parent for t in plan.tasks if t.parent is not None}
    for task in plan.tasks:
        summary = task.ref in parents
        percent = task.percent
        values: Record = {
            "key": keys[task.ref],
            "title": task.title,
            "parent": keys[task.parent] if task.parent else None,
            "duration": None if summary else task.duration,
            "predecessors": [
                format_links([Link(keys[link.task], link.type, link.lag)]) for link in task.links
            ]
            or None,
            "start_no_earlier_than": constraints.get(task.ref),
            "percent_complete": percent if percent else None,
            "status": None if summary else _status(percent),
            "notes": task.notes or None,
        }
        task_rows.append((task.where, values))
    people_rows = [
        (
            p.where,
            {
                "key": person_keys[p.ref],
                "name": p.name.strip(),
                "role": p.role,
                "rate": p.rate,
                "email": p.email,
            },
        )
        for p in new_people
    ]
    assignment_rows = [
        (
            a.where,
            {
                "person": person_keys[a.person],
                "task": keys[a.task],
                "allocation": a.allocation,
                "responsibility": a.responsibility,
            },
        )
        for a in plan.assignments
    ]
    leave_rows = [
        (
            v.where,
            {"person": person_keys[v.person], "from": v.first, "to": v.last, "note": "vacation"},
        )
        for v in plan.leave
    ]
    tables = [
        rows("people", people_rows),
        rows("tasks", task_rows),
        rows("assignments", assignment_rows),
        rows("leave", leave_rows),
    ]
    if settings:
        tables.append(rows("project", [("the project", dict(settings))]))
    if replace and existing:
        doomed = {str(t["key"]) for t in existing}
        _refuse_replace(store, plan, doomed)
        for record in store.records("assignments"):
            if record.get("task") in doomed:
                store.stage(Change("assignments", record, None))
                result.deleted["assignments"] = result.deleted.get("assignments", 0) + 1
        for record in existing:
            store.stage(Change("tasks", record, None))
        result.deleted["tasks"] = len(existing)
    outcome = import_tables(store, plan.source, tables, replace=False, label=label)
    result.project = {k: v for k, v in settings.items() if k != "calendar"}
    result.keys = {
        "tasks": [keys[t.ref] for t in plan.tasks],
        "people": [person_keys[p.ref] for p in new_people],
    }
    return outcome


def _stored(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_stored(v) for v in value]
    return value


def _status(percent: float | None) -> str | None:
    if not percent:
        return None
    return "done" if percent >= 100 else "in progress"


__all__ = [
    "WEEKDAY_NAMES",
    "PlanAssignment",
    "PlanFile",
    "PlanImport",
    "PlanLeave",
    "PlanLink",
    "PlanPerson",
    "PlanTask",
    "apply_plan",
    "check_plan",
    "hold_dates",
]
